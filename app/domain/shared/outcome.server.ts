// What every domain call answers with: success with its value, or one of four refusals. Routes
// never map these by hand: `~/http/outcome.server` turns a refusal into the response (403 and
// 404 as the Indonesian error page; 400 and 409 as the form's messages). docs/decisions/016.
//
// - forbidden: the actor may not do this (the rule lives in the domain function).
// - notFound: there is no such thing in the actor's chapter (or the actor may not know it exists).
// - invalid: the input breaks a rule; Indonesian messages per field (and `formError` for the form).
// - conflict: the input is fine but the state does not allow it now (already submitted, taken...).
//
// `Refused` thrown inside a transaction rolls it back; `refusable` turns it back into the refusal.

export type FieldErrors = Record<string, string>;

export type Forbidden = { ok: false; refusal: "forbidden"; message?: string };
export type NotFound = { ok: false; refusal: "notFound"; message?: string };
export type Invalid<X extends object = object> = { ok: false; refusal: "invalid"; fieldErrors: FieldErrors; formError?: string } & X;
export type Conflict = { ok: false; refusal: "conflict"; message: string; fieldErrors?: FieldErrors };
export type Refusal<X extends object = object> = Forbidden | NotFound | Invalid<X> | Conflict;

/** Success (with the values T) or a refusal; X adds values an invalid answer carries (rarely). */
export type Outcome<T extends object = object, X extends object = object> = ({ ok: true } & T) | Refusal<X>;

export function ok(): { ok: true };
export function ok<T extends object>(value: T): { ok: true } & T;
export function ok<T extends object>(value?: T) {
  return { ok: true as const, ...(value ?? {}) };
}

export function forbidden(message?: string): Forbidden {
  return message === undefined ? { ok: false, refusal: "forbidden" } : { ok: false, refusal: "forbidden", message };
}

export function notFound(message?: string): NotFound {
  return message === undefined ? { ok: false, refusal: "notFound" } : { ok: false, refusal: "notFound", message };
}

export function invalid(fieldErrors: FieldErrors, formError?: string): Invalid;
export function invalid<X extends object>(fieldErrors: FieldErrors, formError: string | undefined, extra: X): Invalid<X>;
export function invalid<X extends object>(fieldErrors: FieldErrors, formError?: string, extra?: X): Invalid<X> {
  return { ...(extra as X), ok: false, refusal: "invalid", fieldErrors, ...(formError === undefined ? {} : { formError }) };
}

export function conflict(message: string, fieldErrors?: FieldErrors): Conflict {
  return fieldErrors ? { ok: false, refusal: "conflict", message, fieldErrors } : { ok: false, refusal: "conflict", message };
}

export function isRefusal<T extends { ok: boolean }>(outcome: T): outcome is Extract<T, { ok: false }> {
  return !outcome.ok;
}

/** Thrown inside a transaction to roll it back and answer with the refusal. */
export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(`refused: ${refusal.refusal}`);
  }
}

/** Runs `work`; a `Refused` thrown inside (a transaction rolled back) comes back as its refusal. */
export async function refusable<T>(work: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}
