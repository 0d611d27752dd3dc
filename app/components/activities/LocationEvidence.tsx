import { t } from "~/i18n";
import { formatDateShort, formatNumber, formatTime } from "~/utils/format";
import { mapLinks } from "~/utils/geo";

/**
 * Where the phone said the volunteer was when the activity was logged, for the verifier: the
 * coordinates, the accuracy the phone gave, when it was taken, and links that open it in the
 * phone's map app or on OpenStreetMap.
 */
export function LocationEvidence({
  latitude,
  longitude,
  accuracy,
  takenAt,
  timeZone,
}: {
  latitude: number;
  longitude: number;
  accuracy: number | null;
  takenAt: Date | string | null;
  timeZone: string;
}) {
  const links = mapLinks(latitude, longitude);
  const taken = takenAt ? new Date(takenAt) : null;
  return (
    <div data-testid="activity-location">
      <span className="mono">
        {latitude.toFixed(6)}, {longitude.toFixed(6)}
      </span>
      {accuracy !== null ? ` · ${t("activities.location.accuracy", { metres: formatNumber(accuracy) })}` : ""}
      {taken ? ` · ${t("activities.location.takenAt", { date: formatDateShort(taken, timeZone), time: formatTime(taken, timeZone) })}` : ""}
      <br />
      <a href={links.app}>{t("activities.location.openApp")}</a> ·{" "}
      <a href={links.web} target="_blank" rel="noreferrer">
        {t("activities.location.openWeb")}
      </a>
    </div>
  );
}
