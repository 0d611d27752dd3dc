import { CardCell } from "~/components/CardCell";
import { t } from "~/i18n";
import { holdingEndReasonLabel } from "~/i18n/labels";
import { formatCalendarDateShort } from "~/utils/format";

type Holding = {
  id: string;
  startDate: string | Date;
  endDate: string | Date | null;
  skNumber: string | null;
  endReason: string | null;
  endNote: string | null;
  replacesId: string | null;
  position: { title: string };
  member: { fullName: string; memberNumber: string | null };
};

/** Every holding of a period, current and ended: who held what, when, by which decree. */
export function HoldingHistory({
  holdings,
  periodEnd,
  periodSk,
}: {
  holdings: Holding[];
  periodEnd: string | Date;
  periodSk: string | null;
}) {
  if (holdings.length === 0) return <p>{t("leadership.detail.historyEmpty")}</p>;
  const byId = new Map(holdings.map((h) => [h.id, h]));
  const successor = new Map(holdings.filter((h) => h.replacesId).map((h) => [h.replacesId!, h]));
  return (
    <div className="table-wrap">
      <table className="table table--cards" data-testid="holding-history">
        <thead>
          <tr>
            <th>{t("leadership.column.position")}</th>
            <th>{t("leadership.column.name")}</th>
            <th>{t("leadership.column.since")}</th>
            <th>{t("leadership.column.until")}</th>
            <th>{t("leadership.column.basis")}</th>
            <th>{t("leadership.column.note")}</th>
          </tr>
        </thead>
        <tbody>
          {holdings.map((h) => {
            const replaced = h.replacesId ? byId.get(h.replacesId) : undefined;
            const next = successor.get(h.id);
            const notes = [
              h.endReason ? holdingEndReasonLabel(h.endReason) : null,
              h.endNote,
              replaced ? t("leadership.detail.replaces", { name: replaced.member.fullName }) : null,
              next ? t("leadership.detail.replacedBy", { name: next.member.fullName }) : null,
            ].filter(Boolean);
            return (
              <tr key={h.id}>
                <CardCell label={t("leadership.column.position")}>{h.position.title}</CardCell>
                <CardCell label={t("leadership.column.name")}>{h.member.fullName}</CardCell>
                <CardCell label={t("leadership.column.since")}>{formatCalendarDateShort(h.startDate)}</CardCell>
                <CardCell label={t("leadership.column.until")}>{formatCalendarDateShort(h.endDate ?? periodEnd)}</CardCell>
                <CardCell label={t("leadership.column.basis")}>
                  {h.skNumber ?? (periodSk ? `${t("leadership.detail.periodSk")} ${periodSk}` : "–")}
                </CardCell>
                <CardCell label={t("leadership.column.note")}>{notes.join("; ") || "–"}</CardCell>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
