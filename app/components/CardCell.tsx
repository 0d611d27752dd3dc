import type { ReactNode, TdHTMLAttributes } from "react";

/**
 * A cell of a list table with class `table table--cards`: an ordinary cell on a wide screen; on a
 * phone (<= 640 px) the table becomes one card per row and the cell one line of it, its label on
 * the left and its value on the right, so that no column is hidden off the right edge. The value
 * sits in one box, so that text, line breaks, links and forms in it stay together.
 */
export function CardCell({ label, children, ...rest }: { label: string; children?: ReactNode } & TdHTMLAttributes<HTMLTableCellElement>) {
  return (
    <td data-label={label} {...rest}>
      <div className="table__value">{children}</div>
    </td>
  );
}
