// The one place where a domain outcome becomes an HTTP answer (docs/decisions/016). Routes never
// write a status code by hand:
// - loaders: `const { programme } = unwrap(await getProgramme(actor, id))`: a refusal is thrown
//   as the Indonesian error page (403, 404; 400 and 409 with the refusal's sentence);
// - actions: `if (!result.ok) return formRefusal(result, { values: parsed.values })`: invalid
//   answers 400 and conflict 409 with the form's messages and what the person typed; forbidden
//   and not found are thrown as the error page;
// - parsing: `if (!parsed.success) return invalidForm(parsed)`;
// - guards without a domain call: `throw refusalResponse(forbidden())`, or `badRequest()` for an
//   unknown intent.
import { data } from "@remix-run/node";
import type { FieldErrors, Refusal } from "~/domain/shared/outcome.server";
import { t } from "~/i18n";
import type { FormValues } from "~/utils/forms";

const STATUS = { forbidden: 403, notFound: 404, invalid: 400, conflict: 409 } as const;

/** The thrown answer to a refusal: its status, and its Indonesian sentence (if any) as plain text for the error page. */
export function refusalResponse(refusal: Refusal): Response {
  const status = STATUS[refusal.refusal];
  const message = refusal.refusal === "invalid" ? refusal.formError : refusal.message;
  return textResponse(status, message);
}

function textResponse(status: number, message?: string): Response {
  const statusText = { 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 409: "Conflict" }[status] ?? "Error";
  return new Response(message ?? statusText, {
    status,
    statusText,
    headers: message ? { "Content-Type": "text/plain; charset=utf-8" } : {},
  });
}

/** The value of a successful outcome; a refusal is thrown as its response. */
export function unwrap<T extends { ok: boolean }>(outcome: T): Extract<T, { ok: true }> {
  if (!outcome.ok) throw refusalResponse(outcome as unknown as Refusal);
  return outcome as Extract<T, { ok: true }>;
}

/** What a refused form carries back to the page: messages per field, one for the whole form, and what was typed. */
export type FormRefusalData<E extends object = object> = {
  fieldErrors: FieldErrors;
  formError?: string;
  values: FormValues;
} & E;

/**
 * A refused form action: invalid answers 400 and conflict 409 with the messages and the typed
 * values (and `extra`, such as the intent of the form that was posted); forbidden and not
 * found are thrown as the error page.
 */
export function formRefusal<E extends object = object>(refusal: Refusal, form: { values?: FormValues } & E = {} as E) {
  if (refusal.refusal === "forbidden" || refusal.refusal === "notFound") throw refusalResponse(refusal);
  const { values = {}, ...extra } = form;
  const { ok: _ok, refusal: kind, ...rest } = refusal as Refusal & Record<string, unknown>;
  const body =
    kind === "conflict"
      ? { fieldErrors: (rest.fieldErrors as FieldErrors | undefined) ?? {}, formError: rest.message as string, values }
      : { ...rest, fieldErrors: rest.fieldErrors as FieldErrors, values };
  return data({ ...(extra as E), ...body } as FormRefusalData<E>, { status: STATUS[kind] });
}

/** A form the schema refused (parseForm's failure), answered 400 with its messages; `extra` is merged in. */
export function invalidForm<E extends object = object>(
  parsed: { fieldErrors: FieldErrors; values: FormValues; formError?: string },
  extra?: E,
) {
  const { fieldErrors, values, formError } = parsed;
  return data({ ...(extra ?? ({} as E)), fieldErrors, values, ...(formError ? { formError } : {}) } as FormRefusalData<E>, { status: 400 });
}

/** A request the route cannot read (an unknown intent, a malformed parameter): 400 with the error page. */
export function badRequest(message?: string): never {
  throw textResponse(400, message ?? t("error.400"));
}

/** A refusal answered in JSON (a script's request, such as the phone sending its kept activities): its status and messages. */
export function refusalJson(refusal: Refusal): Response {
  const { ok: _ok, refusal: kind, ...rest } = refusal as Refusal & Record<string, unknown>;
  const fieldErrors = (rest.fieldErrors as FieldErrors | undefined) ?? {};
  const formError = (kind === "invalid" ? rest.formError : rest.message) as string | undefined;
  return Response.json({ ok: false, refusal: kind, fieldErrors, ...(formError ? { formError } : {}) }, { status: STATUS[kind] });
}
