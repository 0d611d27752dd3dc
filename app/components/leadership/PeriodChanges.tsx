import { t, type MessageKey } from "~/i18n";
import { formatDateLong, formatTime } from "~/utils/format";

type Change = { id: string; at: string | Date; action: string; after: string | null; actor: { name: string } | null };

/** What a board change record says, in a line: the member and position it was about. */
function summary(after: string | null): string {
  if (!after) return "";
  try {
    const value = JSON.parse(after) as Record<string, unknown>;
    const inner = (value.newHolding ?? value) as Record<string, unknown>;
    const parts = [inner.position, inner.member, value.note, value.endNote, value.endReason].filter((v) => typeof v === "string");
    return parts.join(" · ");
  } catch {
    return "";
  }
}

/** The audit trail of a period: who changed what, when. */
export function PeriodChanges({ changes, timeZone }: { changes: Change[]; timeZone: string }) {
  if (changes.length === 0) return <p>–</p>;
  return (
    <ol className="history" data-testid="period-changes">
      {changes.map((c) => {
        const key = `leadership.history.action.${c.action}` as MessageKey;
        const label = t(key);
        return (
          <li key={c.id}>
            <strong>{label === key ? c.action : label}</strong>{" "}
            <span className="muted">
              {formatDateLong(c.at, timeZone)} {formatTime(c.at, timeZone)}{" "}
              {c.actor ? t("leadership.history.by", { name: c.actor.name }) : ""}
            </span>
            {summary(c.after) ? <div className="history__detail">{summary(c.after)}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
