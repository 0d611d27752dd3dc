import { Link } from "@remix-run/react";
import { t } from "~/i18n";
import { activityStatusLabel } from "~/i18n/labels";
import { formatCalendarDateShort, formatHours, formatNumber } from "~/utils/format";

export type ActivityRow = {
  id: string;
  date: string | Date;
  durationMinutes: number;
  status: string;
  people: number;
  type: { name: string };
  village: { name: string };
  member: { fullName: string };
};

/** Activities in a table; `select` adds a checkbox per row (bulk verification). */
export function ActivityTable({ rows, showVolunteer, select }: { rows: ActivityRow[]; showVolunteer: boolean; select?: string }) {
  if (rows.length === 0) return <p>{t("activities.list.empty")}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="activities">
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
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              {select ? (
                <td>
                  <input
                    type="checkbox"
                    name={select}
                    value={a.id}
                    aria-label={t("activities.verify.select", { name: `${a.member.fullName} ${formatCalendarDateShort(a.date)}` })}
                  />
                </td>
              ) : null}
              <td>
                <Link to={`/activities/${a.id}`}>{formatCalendarDateShort(a.date)}</Link>
              </td>
              <td>{a.type.name}</td>
              <td>{a.village.name}</td>
              {showVolunteer ? <td>{a.member.fullName}</td> : null}
              <td>{formatHours(a.durationMinutes / 60)}</td>
              <td>{formatNumber(a.people)}</td>
              <td>{activityStatusLabel(a.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
