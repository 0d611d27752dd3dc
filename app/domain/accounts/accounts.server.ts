// Accounts: login with throttling, server-side sessions, and the user as the rest of the
// portal sees it (with their chapter and permissions).
import { db } from "~/utils/db.server";
import { getDummyHash, hashPassword, verifyPassword } from "~/utils/password.server";
import { permissionsFor, type Permission, type Role } from "~/utils/permissions";
import { activePositionsOf, type HeldPosition } from "~/domain/leadership/leadership.server";
import { recordAudit } from "~/utils/audit.server";
import { PRIVACY_NOTICE_VERSION } from "~/validation/privacy";
import { clearAttempts, purgeStaleThrottles, takeAttempt } from "./login-throttle.server";

export type LoginResult =
  | { ok: true; userId: string; name: string }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password. While this account and address pair must wait after repeated
 * failures the password is not even checked; the owner from another address is unaffected. A
 * correct password clears the pair's counter.
 */
export async function verifyLogin(input: { email: string; password: string; clientAddress: string; now?: Date }): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const attempt = await takeAttempt(email, input.clientAddress, now);
  if (!attempt.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, passwordHash: true, active: true, chapterId: true, totpEnabledAt: true },
  });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !valid) return { ok: false, reason: "invalid" };

  await clearAttempts(attempt.key);
  if (!user.active) return { ok: false, reason: "inactive" };
  await recordAudit({
    actorId: user.id,
    chapterId: user.chapterId,
    // with a second factor the sign-in is recorded after the code (docs/decisions/024)
    action: user.totpEnabledAt ? "auth.login.password" : "auth.login",
    entityType: "User",
    entityId: user.id,
  });
  return { ok: true, userId: user.id, name: user.name };
}

/**
 * Starts a server-side session (a sign-in: the login form, or a link that sets a password) and
 * notes the time as the user's last sign-in; clears expired sessions and stale login counters on
 * the way.
 */
export async function createSession(userId: string, ttlHours: number, now = new Date()) {
  await purgeStaleAuthRecords(now);
  await db.user.update({ where: { id: userId }, data: { lastSignInAt: now }, select: { id: true } });
  return db.session.create({
    data: { userId, expiresAt: new Date(now.getTime() + ttlHours * 3_600_000) },
    select: { id: true, expiresAt: true },
  });
}

export async function deleteSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  memberId: string | null;
  chapter: { id: string; name: string; code: string; timeZone: string };
  /** the positions the user's member holds today in the active leadership period */
  positions: HeldPosition[];
  /** kecamatan the user coordinates (Koordinator Kecamatan): the scope of "district" rights */
  districtCodes: string[];
  permissions: Permission[];
  /** a Dinas Sosial login's region (a kab/kota or a province): the reports it sees */
  regionCode: string | null;
  /** a member who has not yet agreed to the current version of the privacy notice */
  consentNeeded: boolean;
};

const chapterSelect = { id: true, name: true, code: true, timeZone: true } as const;

/**
 * The user behind a live session, or null when the session is unknown, expired or the account
 * inactive. An administrator works in the chapter chosen for the session (their own by default).
 */
export async function getSessionUser(sessionId: string, now = new Date()): Promise<CurrentUser | null> {
  // Every page asks this: one statement, written out (docs/decisions/035). Prisma's nested select
  // made four queries of it, each costing more to prepare than to run.
  const [session] = await db.$queryRaw<SessionRow[]>`
    SELECT s."expiresAt", s."activeChapterId", u."id", u."email", u."name", u."role", u."active", u."memberId", u."regionCode",
      c."id" AS "chapterId", c."name" AS "chapterName", c."code" AS "chapterCode", c."timeZone" AS "chapterTimeZone",
      m."id" IS NOT NULL AS "hasMember", m."consentVersion"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    JOIN "Chapter" c ON c."id" = u."chapterId"
    LEFT JOIN "Member" m ON m."id" = u."memberId"
    WHERE s."id" = ${sessionId}`;
  if (!session || session.expiresAt <= now || !session.active) return null;
  const role = session.role as Role;
  const own = { id: session.chapterId, name: session.chapterName, code: session.chapterCode, timeZone: session.chapterTimeZone };
  const chapter =
    role === "admin" && session.activeChapterId && session.activeChapterId !== own.id
      ? ((await db.chapter.findUnique({ where: { id: session.activeChapterId }, select: chapterSelect })) ?? own)
      : own;
  // Board rights follow the positions held today, recomputed on every request: a right ends
  // the moment its holding or period does, without anyone editing the account.
  const positions = session.memberId ? await activePositionsOf(session.memberId, own.timeZone, now) : [];
  return {
    id: session.id,
    email: session.email,
    name: session.name,
    memberId: session.memberId,
    regionCode: session.regionCode,
    // a member who has not agreed to the current privacy notice is asked at the next page (docs/privacy.md)
    consentNeeded: Boolean(session.hasMember) && session.consentVersion !== PRIVACY_NOTICE_VERSION,
    chapter,
    role,
    positions,
    districtCodes: [...new Set(positions.flatMap((p) => (p.districtCode ? [p.districtCode] : [])))],
    permissions: permissionsFor(
      role,
      positions.map((p) => p.kind),
    ),
  };
}

type SessionRow = {
  expiresAt: Date;
  activeChapterId: string | null;
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  memberId: string | null;
  regionCode: string | null;
  chapterId: string;
  chapterName: string;
  chapterCode: string;
  chapterTimeZone: string;
  hasMember: bigint | number | boolean;
  consentVersion: string | null;
};

export async function createUser(input: {
  email: string;
  name: string;
  password: string;
  role: Role;
  chapterId: string;
  memberId?: string | null;
}) {
  return db.user.create({
    data: {
      email: input.email.trim().toLowerCase(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      chapterId: input.chapterId,
      memberId: input.memberId ?? null,
    },
    select: { id: true, email: true },
  });
}

/** Removes sessions past their expiry and login counters that no longer lock or count. */
export async function purgeStaleAuthRecords(now = new Date()) {
  const sessions = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  await purgeStaleThrottles(now);
  return sessions.count;
}

/** A trivial query: the database answers. */
export async function pingDatabase() {
  await db.chapter.findFirst({ select: { id: true } });
}

/** Closes the database connection (the server's orderly stop). */
export async function closeDatabase() {
  await db.$disconnect();
}
