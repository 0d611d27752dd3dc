// Reading domain outcomes in tests (docs/decisions/016): a test states what it expects, and a
// different answer fails with the whole outcome printed.
import type { FieldErrors, Refusal } from "~/domain/shared/outcome.server";

/** The value of a successful outcome; anything else fails the test. */
export function expectOk<T extends { ok: boolean }>(outcome: T): Extract<T, { ok: true }> {
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome as Extract<T, { ok: true }>;
}

/** The field messages of an invalid outcome; anything else fails the test. */
export function expectInvalid(outcome: { ok: boolean }): FieldErrors {
  const refusal = outcome as Refusal;
  if (outcome.ok || refusal.refusal !== "invalid") throw new Error(`expected invalid input, got ${JSON.stringify(outcome)}`);
  return refusal.fieldErrors;
}

/** The refusal of the given kind (forbidden, notFound, conflict...); anything else fails the test. */
export function expectRefusal<K extends Refusal["refusal"]>(outcome: { ok: boolean }, kind: K): Extract<Refusal, { refusal: K }> {
  const refusal = outcome as Refusal;
  if (outcome.ok || refusal.refusal !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(outcome)}`);
  return refusal as Extract<Refusal, { refusal: K }>;
}
