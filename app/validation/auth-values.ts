// The password length, safe redirects, the second-factor page and the account states, without
// zod: the pages that show them (sign-up by invitation, password reset, the profile, the accounts
// list) do not load the validation library (docs/decisions/028). app/validation/auth.ts,
// second-factor.ts and accounts.ts re-export them.

/** A base that no real address has: what a path resolves against to tell where a browser would go. */
const PROBE_ORIGIN = "https://portal.invalid";

/**
 * Only a path on this site may follow a login (or a chapter switch), judged as a browser reads it:
 * tabs and newlines are dropped, backslashes count as slashes, `//host` and `/\host` leave the
 * site. The answer is the normalised path (no control characters, so it is always a valid
 * Location header); anything else gives the fallback.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  // eslint-disable-next-line no-control-regex
  const stripped = to.replace(/[\u0000-\u001f\u007f]/g, "");
  if (!stripped.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(stripped, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // a path that starts with two slashes (from "/%2F/..." decoded by a server) is read as a host
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
}

/** The shortest password the portal accepts anywhere a person chooses one (setup, invitation, reset, profile). */
export const PASSWORD_MIN = 10;

/** The page that turns the second factor on, off, and makes new recovery codes. */
export const SECOND_FACTOR_PATH = "/profile/second-factor";

/** A login's state: it works, it waits for its person to accept the invitation, or it was deactivated. */
export const ACCOUNT_STATES = ["aktif", "undangan", "nonaktif"] as const;
