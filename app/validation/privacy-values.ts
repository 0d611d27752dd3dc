// The privacy notice's version and the retention limits, without zod: the pages that show them do
// not load the validation library (docs/decisions/028). app/validation/privacy.ts re-exports them.

// The privacy notice's version (docs/privacy.md): a member's consent records which version they
// agreed to, and a new version asks every member again at their next sign-in. Change the version
// whenever what the notice says changes.
export const PRIVACY_NOTICE_VERSION = "2026-12-04.2";

/** Retention periods the chapter may set, in months. */
export const RETENTION_MONTHS = { min: 1, max: 120 } as const;
