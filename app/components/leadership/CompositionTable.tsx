import { CardCell } from "~/components/CardCell";
import { t } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { formatCalendarDateShort } from "~/utils/format";

type CompositionRow = {
  id: string;
  startDate: string | Date;
  position: { title: string };
  member: { fullName: string; memberNumber: string | null; status?: string };
};

/** Who holds which position on a day, in board order. */
export function CompositionTable({ rows, actions }: { rows: CompositionRow[]; actions?: (row: CompositionRow) => React.ReactNode }) {
  if (rows.length === 0) return <p>{t("leadership.detail.compositionEmpty")}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--cards" data-testid="composition">
        <thead>
          <tr>
            <th>{t("leadership.column.position")}</th>
            <th>{t("leadership.column.name")}</th>
            <th>{t("leadership.column.number")}</th>
            <th>{t("leadership.column.since")}</th>
            {actions ? <th>{t("leadership.column.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <CardCell label={t("leadership.column.position")}>{row.position.title}</CardCell>
              <CardCell label={t("leadership.column.name")}>
                {row.member.fullName}
                {row.member.status && row.member.status !== "aktif" ? (
                  <small className="muted">
                    {" "}
                    ({t("leadership.detail.holderInactive", { status: memberStatusLabel(row.member.status) })})
                  </small>
                ) : null}
              </CardCell>
              <CardCell label={t("leadership.column.number")} className="mono">
                {row.member.memberNumber ?? "–"}
              </CardCell>
              <CardCell label={t("leadership.column.since")}>{formatCalendarDateShort(row.startDate)}</CardCell>
              {actions ? <CardCell label={t("leadership.column.actions")}>{actions(row)}</CardCell> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
