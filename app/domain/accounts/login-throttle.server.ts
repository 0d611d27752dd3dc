// Sign-in throttling (docs/decisions/021). Failures are counted per account AND client address
// pair, so an attacker slows only themselves: the owner signing in from another address (or a
// colleague behind the same office NAT signing in to their own account) is never held back.
// Each attempt is counted before the password is checked, inside one serialised transaction,
// so parallel guesses cannot all slip past the check; a correct password then clears the pair.
import { db } from "~/utils/db.server";

/** How long failures are remembered, and the waits imposed after each further failure. */
export const THROTTLE = {
  windowMinutes: 15,
  /** attempts allowed without waiting, per account and address pair, within the window */
  freeAttempts: 3,
  /** the wait after the 4th, 5th, 6th... failure; the last one repeats */
  delaysSeconds: [30, 60, 120, 300, 900],
} as const;

/**
 * The part of the address that identifies one client: an IPv4 address as it is, an IPv6 address
 * by its /64 network (one household or phone holds a whole /64, and could rotate within it).
 */
export function addressBucket(address: string): string {
  const plain = address
    .trim()
    .toLowerCase()
    .replace(/^::ffff:(?=\d+\.)/, "");
  if (!plain.includes(":")) return plain || "unknown";
  const [head = "", tail = ""] = plain.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = plain.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

const pairKey = (email: string, address: string) => `login:${email.trim().toLowerCase()}|${addressBucket(address)}`;

/** The wait imposed once `failures` attempts have been counted in the window. */
export function waitAfter(failures: number): number {
  if (failures <= THROTTLE.freeAttempts) return 0;
  const step = Math.min(failures - THROTTLE.freeAttempts - 1, THROTTLE.delaysSeconds.length - 1);
  return THROTTLE.delaysSeconds[step]!;
}

export type Attempt = { allowed: true; key: string } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes one sign-in attempt for this account from this address: refused while the pair must
 * wait; otherwise counted (as if it failed) and allowed. Call `clearAttempts` when the password
 * turns out right.
 */
export async function takeAttempt(email: string, address: string, now: Date): Promise<Attempt> {
  const key = pairKey(email, address);
  const windowStart = now.getTime() - THROTTLE.windowMinutes * 60_000;
  return db.$transaction(async (tx) => {
    const row = await tx.loginThrottle.findUnique({ where: { key } });
    if (row?.lockedUntil && row.lockedUntil > now) {
      return { allowed: false as const, retryAfterSeconds: Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000) };
    }
    const fresh = !row || row.firstFailureAt.getTime() < windowStart;
    const failures = fresh ? 1 : row.failures + 1;
    const wait = waitAfter(failures);
    const lockedUntil = wait ? new Date(now.getTime() + wait * 1000) : null;
    await tx.loginThrottle.upsert({
      where: { key },
      create: { key, failures, firstFailureAt: now, lockedUntil },
      update: { failures, firstFailureAt: fresh ? now : row.firstFailureAt, lockedUntil },
    });
    return { allowed: true as const, key };
  });
}

/** A correct password: this pair starts again from nothing. */
export async function clearAttempts(key: string) {
  await db.loginThrottle.deleteMany({ where: { key } });
}

/**
 * Counts one use of an hourly allowance (a public form: an application, a reset link) under this
 * key; false, counting nothing, when the allowance is used up. Count and check are one
 * transaction.
 */
export async function takeHourlySlot(key: string, perHour: number, now: Date): Promise<boolean> {
  const hourAgo = now.getTime() - 60 * 60_000;
  return db.$transaction(async (tx) => {
    const row = await tx.loginThrottle.findUnique({ where: { key } });
    const fresh = !row || row.firstFailureAt.getTime() <= hourAgo;
    if (!fresh && row.failures >= perHour) return false;
    await tx.loginThrottle.upsert({
      where: { key },
      create: { key, failures: 1, firstFailureAt: now },
      update: fresh ? { failures: 1, firstFailureAt: now, lockedUntil: null } : { failures: { increment: 1 } },
    });
    return true;
  });
}

/** Drops counters whose window has passed and whose wait is over (sign-in and application counters alike). */
export async function purgeStaleThrottles(now: Date) {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const hourAgo = new Date(now.getTime() - 60 * 60_000);
  const { count } = await db.loginThrottle.deleteMany({
    where: {
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
      AND: [
        {
          OR: [
            { key: { startsWith: "apply:" }, firstFailureAt: { lt: hourAgo } },
            { NOT: { key: { startsWith: "apply:" } }, firstFailureAt: { lt: windowStart } },
          ],
        },
      ],
    },
  });
  return count;
}
