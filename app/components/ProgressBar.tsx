import { formatNumber } from "~/utils/format";

/** A progress bar with its figures ("12 / 40 · 30%"); over 100% the bar is full and marked. */
export function ProgressBar({
  value,
  target,
  label,
  format = formatNumber,
}: {
  value: number;
  target: number;
  label: string;
  format?: (n: number) => string;
}) {
  const ratio = target > 0 ? value / target : 0;
  const percent = Math.round(ratio * 1000) / 10;
  return (
    <div className="progress" role="group" aria-label={label}>
      <div className="progress__label">
        <span>{label}</span>
        <span className="progress__figures">
          {format(value)} / {format(target)} · {percent.toLocaleString("id-ID")}%
        </span>
      </div>
      <div
        className={`progress__track${ratio > 1 ? " progress__track--over" : ""}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, percent)}
      >
        <span className="progress__bar" style={{ width: `${Math.min(100, ratio * 100)}%` }} />
      </div>
    </div>
  );
}
