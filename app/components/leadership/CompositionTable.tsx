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
      <table className="table" data-testid="composition">
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
              <td>{row.position.title}</td>
              <td>
                {row.member.fullName}
                {row.member.status && row.member.status !== "aktif" ? (
                  <small className="muted">
                    {" "}
                    ({t("leadership.detail.holderInactive", { status: memberStatusLabel(row.member.status) })})
                  </small>
                ) : null}
              </td>
              <td className="mono">{row.member.memberNumber ?? "–"}</td>
              <td>{formatCalendarDateShort(row.startDate)}</td>
              {actions ? <td>{actions(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
