import type { InputHTMLAttributes } from "react";
import { forwardRef, useId } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string };

/** A labelled input with its error beside it, linked for screen readers. */
export const FormField = forwardRef<HTMLInputElement, Props>(function FormField({ label, error, ...input }, ref) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} ref={ref} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...input} />
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
});
