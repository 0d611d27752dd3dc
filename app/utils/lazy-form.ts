// A small form hook for the forms whose first load must stay light (the activity form, opened
// on cheap phones over a weak signal; docs/decisions/028). It offers the part of react-hook-form
// those forms use (register, setValue, setError, handleSubmit, formState.errors) and validates
// with the form's zod schema, loaded with import() after the first paint instead of shipping
// zod and react-hook-form with the page. The schema is the one the server parses with, so the
// messages beside the fields are the same. Other forms keep react-hook-form.
import { useCallback, useEffect, useMemo, useRef, useState, type BaseSyntheticEvent } from "react";

/** What the hook needs of a zod schema: safeParse, with the issues' first path segment and message. */
export type LazySchema<Out> = {
  safeParse(
    values: unknown,
  ): { success: true; data: Out } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

export type FieldError = { type: string; message: string };
type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The schema, loaded once per loader function (later forms reuse it); a failed load is tried again. */
const loads = new WeakMap<() => Promise<unknown>, Promise<unknown>>();
function loadSchema<Out>(load: () => Promise<LazySchema<Out>>): Promise<LazySchema<Out> | null> {
  let pending = loads.get(load) as Promise<LazySchema<Out>> | undefined;
  if (!pending) {
    pending = load();
    loads.set(load, pending);
    pending.catch(() => loads.delete(load));
  }
  return pending.catch(() => null);
}

/** The first message per field (the field is the issue path's first segment), as the server reports them. */
function errorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= { type: "validation", message: issue.message };
  }
  return errors;
}

export function useLazyForm<Out>({
  schema,
  defaultValues,
}: {
  /** e.g. `() => import("~/validation/activities").then((m) => m.activityFormSchema)`, a function defined once at module level */
  schema: () => Promise<LazySchema<Out>>;
  defaultValues: Record<string, string>;
}) {
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const fields = useRef(new Map<string, FieldElement>());
  const submitted = useRef(false);
  const defaults = useRef(defaultValues);
  defaults.current = defaultValues;
  // Values set by code (setValue): a hidden input's value is its default value, so React would
  // put the old default back at the next render if register() did not hand out the new one.
  const set = useRef<Record<string, string>>({});

  // Fetched once the page is shown, so that it is there when the person submits.
  useEffect(() => {
    void loadSchema(schema);
  }, [schema]);

  const values = useCallback(() => {
    const current: Record<string, string> = { ...defaults.current };
    for (const [name, element] of fields.current) current[name] = element.value;
    return current;
  }, []);

  const revalidate = useCallback(
    async (name: string) => {
      const loaded = await loadSchema(schema);
      if (!loaded) return;
      const result = loaded.safeParse(values());
      const error = result.success ? undefined : errorsOf(result.error.issues)[name];
      setErrors((previous) => {
        if (previous[name]?.message === error?.message) return previous;
        const next = { ...previous };
        if (error) next[name] = error;
        else delete next[name];
        return next;
      });
    },
    [schema, values],
  );

  /** Props for an uncontrolled input or select: its name, the default value (also without JavaScript), a ref and onChange. */
  const register = useCallback(
    (name: string) => ({
      name,
      defaultValue: set.current[name] ?? defaults.current[name] ?? "",
      ref: (element: FieldElement | null) => {
        if (element) fields.current.set(name, element);
        else fields.current.delete(name);
      },
      // after the first submit, a field's message follows what is typed (react-hook-form's reValidateMode "onChange")
      onChange: () => {
        if (submitted.current) void revalidate(name);
      },
    }),
    [revalidate],
  );

  const setValue = useCallback((name: string, value: string) => {
    set.current[name] = value;
    const element = fields.current.get(name);
    if (element) element.value = value;
  }, []);

  const setError = useCallback((name: string, error: { type?: string; message?: string }) => {
    setErrors((previous) => ({ ...previous, [name]: { type: error.type ?? "server", message: error.message ?? "" } }));
  }, []);

  /**
   * The form's onSubmit: stops the browser's own post, validates, shows the messages and moves
   * the focus to the first wrong field, or calls `onValid` with the parsed data. When the schema
   * cannot be loaded (the signal dropped), the form is sent as it is: the server checks it with
   * the same schema.
   */
  const handleSubmit = useCallback(
    (onValid: (data: Out | null) => unknown) => async (event?: BaseSyntheticEvent) => {
      event?.preventDefault();
      submitted.current = true;
      const loaded = await loadSchema(schema);
      if (!loaded) {
        await onValid(null);
        return;
      }
      const result = loaded.safeParse(values());
      if (result.success) {
        setErrors({});
        await onValid(result.data);
        return;
      }
      const found = errorsOf(result.error.issues);
      setErrors(found);
      for (const [name, element] of fields.current) {
        if (found[name] && element.type !== "hidden") {
          element.focus();
          break;
        }
      }
    },
    [schema, values],
  );

  const formState = useMemo(() => ({ errors }), [errors]);
  return { register, setValue, setError, handleSubmit, formState };
}
