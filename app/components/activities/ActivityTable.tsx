import { Link } from "@remix-run/react";
import { useRef } from "react";
import { t } from "~/i18n";
import { activityStatusLabel } from "~/i18n/labels";
import { formatCalendarDateShort, formatHours, formatNumber } from "~/utils/format";
import { mapLinks } from "~/utils/geo";

export type ActivityRow = {
  id: string;
  date: string | Date;
  durationMinutes: number;
  status: string;
  returnReason?: string | null;
  people: number;
  type: { name: string };
  village: { name: string };
  member: { fullName: string };
  /** only on the board's list (`showLocation`) */
  latitude?: number | null;
  longitude?: number | null;
  locationAccuracy?: number | null;
};

/** The board's compact "Lokasi" cell: the phone's accuracy and a link to the point on OpenStreetMap. */
function LocationCell({ row }: { row: ActivityRow }) {
  if (row.latitude == null || row.longitude == null) return <span className="muted">{t("activities.location.noneShort")}</span>;
  return (
    <span data-testid="activity-location">
      {row.locationAccuracy != null ? `${t("activities.location.accuracyShort", { metres: formatNumber(row.locationAccuracy) })} · ` : ""}
      <a href={mapLinks(row.latitude, row.longitude).web} target="_blank" rel="noreferrer" title={t("activities.location.openWeb")}>
        {t("activities.location.map")}
      </a>
    </span>
  );
}

/**
 * Activities in a table that becomes one card per activity on a phone (every column labelled,
 * none hidden off-screen; a returned activity shows why). `select` adds a checkbox per row and a
 * "select all" (bulk verification); `showLocation` the board's "Lokasi" column.
 */
export function ActivityTable({
  rows,
  showVolunteer,
  showLocation = false,
  select,
}: {
  rows: ActivityRow[];
  showVolunteer: boolean;
  showLocation?: boolean;
  select?: string;
}) {
  const table = useRef<HTMLTableElement>(null);
  if (rows.length === 0) return <p>{t("activities.list.empty")}</p>;
  const selectAll = (checked: boolean) => {
    table.current?.querySelectorAll<HTMLInputElement>(`input[name="${select}"]`).forEach((box) => (box.checked = checked));
  };
  return (
    <div className="table-wrap">
      {select ? (
        <label className="checkbox select-all">
          <input type="checkbox" onChange={(e) => selectAll(e.currentTarget.checked)} />
          <span>{t("activities.verify.selectAll", { count: rows.length })}</span>
        </label>
      ) : null}
      <table className="table table--cards" data-testid="activities" ref={table}>
        <thead>
          <tr>
            {select ? <th aria-label={t("activities.verify.selected")} /> : null}
            <th>{t("activities.column.date")}</th>
            <th>{t("activities.column.type")}</th>
            <th>{t("activities.column.place")}</th>
            {showVolunteer ? <th>{t("activities.column.volunteer")}</th> : null}
            <th>{t("activities.column.hours")}</th>
            <th>{t("activities.column.people")}</th>
            <th>{t("activities.column.status")}</th>
            {showLocation ? <th>{t("activities.column.location")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              {select ? (
                <td className="table__select">
                  <input
                    type="checkbox"
                    name={select}
                    value={a.id}
                    aria-label={t("activities.verify.select", { name: `${a.member.fullName} ${formatCalendarDateShort(a.date)}` })}
                  />
                </td>
              ) : null}
              <td data-label={t("activities.column.date")}>
                <Link to={`/activities/${a.id}`}>{formatCalendarDateShort(a.date)}</Link>
              </td>
              <td data-label={t("activities.column.type")}>{a.type.name}</td>
              <td data-label={t("activities.column.place")}>{a.village.name}</td>
              {showVolunteer ? <td data-label={t("activities.column.volunteer")}>{a.member.fullName}</td> : null}
              <td data-label={t("activities.column.hours")}>{formatHours(a.durationMinutes / 60)}</td>
              <td data-label={t("activities.column.people")}>{formatNumber(a.people)}</td>
              <td data-label={t("activities.column.status")} data-testid="activity-status">
                <span>
                  {activityStatusLabel(a.status)}
                  {a.status === "returned" && a.returnReason ? (
                    <small className="table__reason">{t("activities.list.returnReason", { reason: a.returnReason })}</small>
                  ) : null}
                </span>
              </td>
              {showLocation ? (
                <td data-label={t("activities.column.location")}>
                  <LocationCell row={a} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
