// Forms: one zod schema parses what the browser posts (FormData) on the server, the same schema
// validates in the browser through react-hook-form. Invalid input comes back as field errors in
// Indonesian with the values the person typed.
import { useSubmit } from "@remix-run/react";
import { useEffect, type FormEvent } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { z } from "~/validation/zod";

export type FormValues = Record<string, string>;

export type FormFailure = { fieldErrors: Record<string, string>; values: FormValues; formError?: string };

/** The text fields of a form (files and repeated names aside). */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  return values;
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { success: true; data: z.output<S>; values: FormValues } | ({ success: false } & FormFailure) {
  const values = formValues(formData);
  const result = schema.safeParse(values);
  if (result.success) return { success: true, data: result.data, values };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  return { success: false, fieldErrors, values };
}

/** Shows the server's field errors beside the fields of a react-hook-form form. */
export function useServerFieldErrors<T extends FieldValues>(fieldErrors: Record<string, string> | undefined, setError: UseFormSetError<T>) {
  useEffect(() => {
    for (const [field, message] of Object.entries(fieldErrors ?? {})) {
      setError(field as Path<T>, { type: "server", message });
    }
  }, [fieldErrors, setError]);
}

/** react-hook-form's handleSubmit, or the one of utils/lazy-form (the activity form). */
type HandleSubmit = (onValid: () => unknown) => (event: FormEvent<HTMLFormElement>) => Promise<unknown>;

/**
 * The onSubmit of a Remix <Form> checked by react-hook-form first: invalid input stays in the
 * browser with its messages; valid input is posted as plain FormData (the server parses it
 * with the same schema, and the form also works without JavaScript).
 */
export function useValidatedSubmit(handleSubmit: HandleSubmit, action?: string) {
  const submit = useSubmit();
  return (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    // A named submit button (e.g. "draft" or "submit") is posted with the form, as a browser would.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const target = submitter instanceof HTMLButtonElement && submitter.name ? submitter : form;
    void handleSubmit(() => submit(target, { method: "post", ...(action ? { action } : {}) }))(event);
  };
}
