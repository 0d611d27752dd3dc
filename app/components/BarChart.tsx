import { formatNumber } from "~/utils/format";

/** A horizontal bar chart in plain HTML and CSS: readable on a phone, printable, no library. */
export function BarChart({ title, rows, testId }: { title: string; rows: { label: string; value: number }[]; testId?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure className="bar-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <dl>
        {rows.map((row) => (
          <div key={row.label} className="bar-chart__row">
            <dt>{row.label}</dt>
            <dd>
              <span className="bar-chart__bar" style={{ width: `${Math.max(2, (row.value / max) * 100)}%` }} />
              <span className="bar-chart__value">{formatNumber(row.value)}</span>
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
