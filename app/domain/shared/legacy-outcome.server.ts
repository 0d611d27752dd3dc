// LEGACY (issue 15): the old outcome shape, kept only while the areas move to ./outcome.server. Delete when nothing imports it.
// What a domain write answers with: success, field errors in Indonesian (nothing saved), or not
// found. `Refused` thrown inside a transaction rolls it back; `refusable` turns it into the
// field-error answer.

export type FieldErrors = Record<string, string>;
export type Outcome<T = { id: string }> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors } | { ok: false; notFound: true };

export const NOT_FOUND = { ok: false as const, notFound: true as const };

/** Thrown inside a transaction to roll it back and answer with field errors. */
export class Refused extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("refused");
  }
}

export async function refusable<T>(work: () => Promise<T>): Promise<T | { ok: false; fieldErrors: FieldErrors }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, fieldErrors: error.fieldErrors };
    throw error;
  }
}
