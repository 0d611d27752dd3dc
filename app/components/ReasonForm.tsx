import { Form } from "@remix-run/react";

/**
 * A one-field form asking for a reason (return, reopen, reject, reverse), posted with its intent
 * and any hidden values; the server's message for the reason shows under it.
 */
export function ReasonForm({
  intent,
  label,
  submit,
  error,
  hidden = {},
  multipart = false,
  ghost = false,
  fieldName = "reason",
}: {
  intent: string;
  label: string;
  submit: string;
  error?: string;
  hidden?: Record<string, string>;
  multipart?: boolean;
  ghost?: boolean;
  /** the posted field's name ("reason" unless the form asks for a note) */
  fieldName?: string;
}) {
  return (
    <Form
      method="post"
      encType={multipart ? "multipart/form-data" : undefined}
      className="inline-form"
      aria-label={hidden.entryId ? `${submit} ${hidden.entryId}` : submit}
    >
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label>
        {label}
        <input name={fieldName} aria-invalid={error ? true : undefined} />
      </label>
      <button type="submit" className={ghost ? "button button--ghost" : "button"}>
        {submit}
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </Form>
  );
}
