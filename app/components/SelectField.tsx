import type { ReactNode, SelectHTMLAttributes } from "react";
import { forwardRef, useId } from "react";

type Props = SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string; children: ReactNode };

/** A labelled select with its error beside it. */
export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField({ label, error, children, ...select }, ref) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} ref={ref} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...select}>
        {children}
      </select>
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
});
