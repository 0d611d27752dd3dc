// The second factor (issue 17, docs/decisions/024): a time-based code (TOTP, RFC 6238) from an
// authenticator app (Google Authenticator, Aegis...), with ten single-use recovery codes.
//
// - Turning it on: `startEnrolment` makes a secret that is NOT stored (the route keeps it in a
//   signed, httpOnly, short-lived cookie); `confirmEnrolment` takes the first code the app shows
//   and the password, then stores the secret, the date, and the recovery codes (hashed), and
//   ends the user's other sessions. The codes are returned once, to be shown once.
// - Signing in: after a right password, `verifySignInCode` (a code within one 30-second step either
//   side) or `signInWithRecoveryCode` (marks the code used). A code is accepted once: the last
//   step used per user is kept in the LoginThrottle table under `totp-step:<userId>` (its
//   `failures` column holds the step number), so a code read over someone's shoulder, or sent
//   twice, is refused. Wrong codes count in the sign-in throttle, per email and address
//   (`2fa:<email>`) and per account (`2fa-account:<userId>`): whoever reached this step knows the
//   password, so only an account-wide limit bounds guessing six digits from many addresses.
// - Who must use it: `needsSecondFactor` (the administrator, and board positions whose rights
//   reach money or personal data), once the administrator requires it for the chapter.
// - New recovery codes and turning it off need a current code or the password; turning it off is
//   refused while it is required. Every change is audited.
import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { t } from "~/i18n/index";
import { waitLabel } from "~/i18n/labels";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import type { Permission } from "~/utils/permissions";
import { canAny, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import {
  formatRecoveryCode,
  looksLikeTotpCode,
  normaliseRecoveryCode,
  RECOVERY_ALPHABET,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
  TOTP_DIGITS,
} from "~/validation/second-factor";
import { clearAttempts, takeAttempt } from "./login-throttle.server";

/** What the authenticator app shows as the account's name. */
export const TOTP_ISSUER = "Portal IPSM";
const PERIOD_SECONDS = 30;
/** Steps accepted either side of now: a phone clock 30 seconds off, or a code typed as it changes. */
const WINDOW = 1;
/** 160 bits, the size RFC 4226 recommends (32 base32 characters). */
const SECRET_BYTES = 20;

/**
 * Rights that reach money or personal data beyond one's own: recording or approving money, the
 * whole NIK of members or residents, the member registry (changing, importing, exporting, erasing
 * it), and giving others a login. A board position holding any of them (today: Ketua, Wakil Ketua,
 * Sekretaris, Wakil Sekretaris, Bendahara) must use a second factor when the chapter requires it.
 */
export const SECOND_FACTOR_PERMISSIONS: readonly Permission[] = [
  "update:programme-finance:chapter",
  "approve:programme-finance:chapter",
  "read:member-nik:chapter",
  "read:case-identifier:chapter",
  "create:member:chapter",
  "update:member:chapter",
  "import:member:chapter",
  "export:member:chapter",
  "erase:member:chapter",
  "manage:user:chapter",
];

/**
 * Whether the chapter's requirement applies to this person: the administrator (every chapter's
 * data), or a holder of one of the rights above (from the positions held today, so the duty ends
 * with the position). Plain volunteers and Dinas Sosial staff may turn it on but are never made to.
 */
export function needsSecondFactor(actor: Pick<Actor, "role" | "permissions">): boolean {
  return actor.role === "admin" || canAny(actor, SECOND_FACTOR_PERMISSIONS);
}

/**
 * Whether the person must use a second factor now: in scope, and their chapter requires it. The
 * administrator works in every chapter, so any chapter requiring it binds the administrator.
 */
export async function secondFactorRequired(actor: Pick<Actor, "role" | "permissions" | "chapterId">): Promise<boolean> {
  if (!needsSecondFactor(actor)) return false;
  const requiring = await db.chapter.count({
    where: actor.role === "admin" ? { requireSecondFactor: true } : { id: actor.chapterId, requireSecondFactor: true },
  });
  return requiring > 0;
}

/** Whether the person must turn the second factor on before using the portal (the pages lead them there). */
export async function secondFactorEnrolmentDue(actor: Pick<Actor, "userId" | "role" | "permissions" | "chapterId">): Promise<boolean> {
  if (!needsSecondFactor(actor)) return false;
  // asked on every page of the board: one statement (docs/decisions/035); the administrator is
  // bound by any chapter that requires it, everyone else by their own chapter
  const anyChapter = actor.role === "admin";
  const [row] = await db.$queryRaw<{ due: bigint | number | boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "User" WHERE "id" = ${actor.userId} AND "totpEnabledAt" IS NULL)
       AND EXISTS (SELECT 1 FROM "Chapter" WHERE "requireSecondFactor" = 1 AND (${anyChapter} OR "id" = ${actor.chapterId})) AS "due"`;
  return Boolean(Number(row?.due ?? 0));
}

/** Whether the account signs in with a second step (its second factor is on). */
export async function secondFactorEnabled(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return Boolean(user?.totpEnabledAt);
}

/** The person waiting at the second step: still active and still using a second factor; null otherwise. */
export async function pendingSignIn(userId: string): Promise<{ userId: string; name: string } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, active: true, totpEnabledAt: true } });
  return user?.active && user.totpEnabledAt ? { userId: user.id, name: user.name } : null;
}

/** The user's own page: on or off, since when, recovery codes left, and whether the chapter requires it of them. */
export async function getSecondFactorStatus(actor: Actor) {
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: { totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  return {
    enabled: Boolean(user?.totpEnabledAt),
    enabledAt: user?.totpEnabledAt ?? null,
    recoveryCodesLeft: user?._count.recoveryCodes ?? 0,
    required: await secondFactorRequired(actor),
  };
}

// ---------------------------------------------------------------------------------------------
// Codes

function totpOf(secret: string, email: string) {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: email,
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: PERIOD_SECONDS,
  });
}

/** The time step a code belongs to (within the window around now), or null when it matches none. */
function matchingStep(secret: string, code: string, now: Date): number | null {
  let delta: number | null;
  try {
    delta = TOTP.validate({
      token: code,
      secret: Secret.fromBase32(secret),
      digits: TOTP_DIGITS,
      period: PERIOD_SECONDS,
      timestamp: now.getTime(),
      window: WINDOW,
    });
  } catch {
    return null;
  }
  return delta === null ? null : TOTP.counter({ period: PERIOD_SECONDS, timestamp: now.getTime() }) + delta;
}

const stepKey = (userId: string) => `totp-step:${userId}`;

/**
 * Claims a time step for the user: true when it is later than every step used before (the code
 * was not used yet), false otherwise. Read and write are one serialised transaction, so of two
 * requests with the same code one wins.
 */
async function claimStep(userId: string, step: number, now: Date): Promise<boolean> {
  const key = stepKey(userId);
  return db.$transaction(async (tx) => {
    const row = await tx.loginThrottle.findUnique({ where: { key }, select: { failures: true } });
    if (row && row.failures >= step) return false;
    await tx.loginThrottle.upsert({
      where: { key },
      create: { key, failures: step, firstFailureAt: now },
      update: { failures: step, firstFailureAt: now, lockedUntil: null },
    });
    return true;
  });
}

type CodeVerdict = "ok" | "wrong" | "reused";

/** Checks a code against the secret and, when it matches, claims its step. */
async function acceptCode(userId: string, secret: string, code: string, now: Date): Promise<CodeVerdict> {
  const step = matchingStep(secret, code.replace(/\s+/g, ""), now);
  if (step === null) return "wrong";
  return (await claimStep(userId, step, now)) ? "ok" : "reused";
}

/** The SHA-256 of a recovery code (as normalised): what is stored. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}

/** Ten fresh recovery codes, 60 random bits each. */
function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    let code = "";
    for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    codes.add(code);
  }
  return [...codes];
}

// ---------------------------------------------------------------------------------------------
// Throttle: wrong codes (and passwords typed to confirm) count like wrong passwords

type Throttle = { allowed: true; keys: string[] } | { allowed: false; retryAfterSeconds: number };

const ACCOUNT_WIDE = "account";

async function takeCodeAttempt(user: { id: string; email: string }, clientAddress: string, now: Date): Promise<Throttle> {
  const pair = await takeAttempt(`2fa:${user.email}`, clientAddress, now);
  if (!pair.allowed) return pair;
  const account = await takeAttempt(`2fa-account:${user.id}`, ACCOUNT_WIDE, now);
  if (!account.allowed) return account;
  return { allowed: true, keys: [pair.key, account.key] };
}

async function clearCodeAttempts(keys: string[]) {
  for (const key of keys) await clearAttempts(key);
}

// ---------------------------------------------------------------------------------------------
// Signing in: the second step

export type SecondStepResult =
  | { ok: true; userId: string; name: string; recoveryCodesLeft?: number }
  | { ok: false; reason: "wrong" | "reused" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  /** the account is gone or inactive, or its second factor was turned off meanwhile: start again */
  | { ok: false; reason: "expired" };

async function secondStepUser(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, active: true, chapterId: true, totpSecret: true, totpEnabledAt: true },
  });
  return user?.active && user.totpSecret && user.totpEnabledAt ? { ...user, totpSecret: user.totpSecret } : null;
}

/** The second step with the authenticator app's code; audited as the sign-in. */
export async function verifySignInCode(input: {
  userId: string;
  code: string;
  clientAddress: string;
  now?: Date;
}): Promise<SecondStepResult> {
  const now = input.now ?? new Date();
  const user = await secondStepUser(input.userId);
  if (!user) return { ok: false, reason: "expired" };
  const attempt = await takeCodeAttempt(user, input.clientAddress, now);
  if (!attempt.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };
  const verdict = await acceptCode(user.id, user.totpSecret, input.code, now);
  if (verdict !== "ok") return { ok: false, reason: verdict };
  await clearCodeAttempts(attempt.keys);
  await recordAudit({
    actorId: user.id,
    chapterId: user.chapterId,
    action: "auth.login",
    entityType: "User",
    entityId: user.id,
    after: { secondFactor: "totp" },
  });
  return { ok: true, userId: user.id, name: user.name };
}

/** The second step with a recovery code, which is then used up; audited. */
export async function signInWithRecoveryCode(input: {
  userId: string;
  recoveryCode: string;
  clientAddress: string;
  now?: Date;
}): Promise<SecondStepResult> {
  const now = input.now ?? new Date();
  const user = await secondStepUser(input.userId);
  if (!user) return { ok: false, reason: "expired" };
  const attempt = await takeCodeAttempt(user, input.clientAddress, now);
  if (!attempt.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };
  const codeHash = hashRecoveryCode(input.recoveryCode);
  const left = await db.$transaction(async (tx) => {
    // one conditional update: of two requests with the same code, one wins
    const used = await tx.recoveryCode.updateMany({ where: { userId: user.id, codeHash, usedAt: null }, data: { usedAt: now } });
    if (used.count !== 1) return null;
    const remaining = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
    const audit = { actorId: user.id, chapterId: user.chapterId, entityType: "User", entityId: user.id };
    await recordAudit({ ...audit, action: "auth.second-factor.recovery-code-used", after: { recoveryCodesLeft: remaining } }, tx);
    await recordAudit({ ...audit, action: "auth.login", after: { secondFactor: "recovery-code" } }, tx);
    return remaining;
  });
  if (left === null) return { ok: false, reason: "wrong" };
  await clearCodeAttempts(attempt.keys);
  return { ok: true, userId: user.id, name: user.name, recoveryCodesLeft: left };
}

// ---------------------------------------------------------------------------------------------
// The user's own page

async function ownAccount(actor: Actor) {
  return db.user.findUnique({
    where: { id: actor.userId },
    select: { id: true, email: true, active: true, passwordHash: true, totpSecret: true, totpEnabledAt: true },
  });
}

/** A new secret to show (not stored: the caller keeps it until the first code confirms it). */
export async function startEnrolment(actor: Actor): Promise<Outcome<{ secret: string }>> {
  const user = await ownAccount(actor);
  if (!user?.active) return notFound();
  if (user.totpEnabledAt) return conflict(t("secondFactor.enrol.already"));
  return ok({ secret: new Secret({ size: SECRET_BYTES }).base32 });
}

/** What the enrolment page shows for a pending secret: the otpauth URI as a QR code (SVG data URL), and the secret in groups of four to type. */
export async function enrolmentDetails(actor: Actor, secret: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } });
  const uri = totpOf(secret, user.email).toString();
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return {
    uri,
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    secretText: secret.match(/.{1,4}/g)?.join(" ") ?? secret,
    account: user.email,
    issuer: TOTP_ISSUER,
  };
}

type Context = { clientAddress: string; currentSessionId?: string | null; now?: Date };

/**
 * Turns the second factor on with the pending secret, once the app's first code and the password
 * are right: stores the secret and the date, replaces the recovery codes, ends the other sessions
 * (they were opened without it). The ten codes come back once, formatted to write down.
 */
export async function confirmEnrolment(
  actor: Actor,
  input: { secret: string; code: string; password: string },
  context: Context,
): Promise<Outcome<{ recoveryCodes: string[]; endedSessions: number }>> {
  const now = context.now ?? new Date();
  const user = await ownAccount(actor);
  if (!user?.active) return notFound();
  if (user.totpEnabledAt) return conflict(t("secondFactor.enrol.already"));
  const attempt = await takeCodeAttempt(user, context.clientAddress, now);
  if (!attempt.allowed) return conflict(t("secondFactor.login.throttled", { wait: waitLabel(attempt.retryAfterSeconds) }));
  const fieldErrors: Record<string, string> = {};
  const passwordRight = await verifyPassword(input.password, user.passwordHash);
  if (!passwordRight) fieldErrors.password = t("secondFactor.error.password");
  if (matchingStep(input.secret, input.code, now) === null) fieldErrors.code = t("secondFactor.login.wrongCode");
  else if (passwordRight && (await acceptCode(user.id, input.secret, input.code, now)) === "reused") {
    fieldErrors.code = t("secondFactor.login.usedCode");
  }
  if (Object.keys(fieldErrors).length > 0) return invalid(fieldErrors);

  const codes = newRecoveryCodes();
  const ended = await db.$transaction(async (tx) => {
    const turnedOn = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null },
      data: { totpSecret: input.secret, totpEnabledAt: now },
    });
    if (turnedOn.count !== 1) return null;
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({
      data: codes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code), createdAt: now })),
    });
    const sessions = await tx.session.deleteMany({
      where: { userId: user.id, ...(context.currentSessionId ? { id: { not: context.currentSessionId } } : {}) },
    });
    await recordAudit(
      {
        actorId: user.id,
        chapterId: actor.chapterId,
        action: "auth.second-factor.enable",
        entityType: "User",
        entityId: user.id,
        after: { recoveryCodes: codes.length, sessionsEnded: sessions.count },
      },
      tx,
    );
    return sessions.count;
  });
  if (ended === null) return conflict(t("secondFactor.enrol.already"));
  await clearCodeAttempts(attempt.keys);
  return ok({ recoveryCodes: codes.map(formatRecoveryCode), endedSessions: ended });
}

/** Checks "a current code or the password" for a change to the second factor; counted in the throttle. */
async function confirmIdentity(
  user: { id: string; email: string; passwordHash: string; totpSecret: string },
  confirm: string,
  context: Context,
  now: Date,
): Promise<Outcome> {
  const attempt = await takeCodeAttempt(user, context.clientAddress, now);
  if (!attempt.allowed) return conflict(t("secondFactor.login.throttled", { wait: waitLabel(attempt.retryAfterSeconds) }));
  if (looksLikeTotpCode(confirm)) {
    const verdict = await acceptCode(user.id, user.totpSecret, confirm, now);
    if (verdict === "reused") return invalid({ confirm: t("secondFactor.login.usedCode") });
    if (verdict === "wrong") return invalid({ confirm: t("secondFactor.confirm.wrong") });
  } else if (!(await verifyPassword(confirm, user.passwordHash))) {
    return invalid({ confirm: t("secondFactor.confirm.wrong") });
  }
  await clearCodeAttempts(attempt.keys);
  return ok();
}

async function enabledAccount(actor: Actor) {
  const user = await ownAccount(actor);
  if (!user?.active) return notFound();
  if (!user.totpEnabledAt || !user.totpSecret) return conflict(t("secondFactor.notEnabled"));
  return ok({ user: { ...user, totpSecret: user.totpSecret } });
}

/** Ten new recovery codes in place of the old ones (a current code or the password first); shown once; audited. */
export async function regenerateRecoveryCodes(
  actor: Actor,
  input: { confirm: string },
  context: Context,
): Promise<Outcome<{ recoveryCodes: string[] }>> {
  const now = context.now ?? new Date();
  const account = await enabledAccount(actor);
  if (!account.ok) return account;
  const { user } = account;
  const confirmed = await confirmIdentity(user, input.confirm, context, now);
  if (!confirmed.ok) return confirmed;
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const replaced = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({
      data: codes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code), createdAt: now })),
    });
    await recordAudit(
      {
        actorId: user.id,
        chapterId: actor.chapterId,
        action: "auth.second-factor.recovery-codes",
        entityType: "User",
        entityId: user.id,
        after: { replaced: replaced.count, recoveryCodes: codes.length },
      },
      tx,
    );
  });
  return ok({ recoveryCodes: codes.map(formatRecoveryCode) });
}

/**
 * Turns the second factor off (a current code or the password first): the secret, the date and
 * the recovery codes go. Refused while the chapter requires it of this person. Audited.
 */
export async function turnOffSecondFactor(actor: Actor, input: { confirm: string }, context: Context): Promise<Outcome> {
  const now = context.now ?? new Date();
  const account = await enabledAccount(actor);
  if (!account.ok) return account;
  if (await secondFactorRequired(actor)) return conflict(t("secondFactor.disable.required"));
  const { user } = account;
  const confirmed = await confirmIdentity(user, input.confirm, context, now);
  if (!confirmed.ok) return confirmed;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null }, select: { id: true } });
    const codes = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.loginThrottle.deleteMany({ where: { key: stepKey(user.id) } });
    await recordAudit(
      {
        actorId: user.id,
        chapterId: actor.chapterId,
        action: "auth.second-factor.disable",
        entityType: "User",
        entityId: user.id,
        before: { enabledAt: user.totpEnabledAt, recoveryCodes: codes.count },
      },
      tx,
    );
  });
  return ok();
}

/**
 * The board turns off the second factor of a member's login whose owner lost both the phone and
 * the recovery codes (the Sekretaris with `manage:user`, or the administrator), with a reason:
 * the secret and codes go, every session of that login ends, and where the chapter requires it
 * the owner is led to turn it on again at their next sign-in. Audited.
 */
export async function resetMemberSecondFactor(actor: Actor, memberId: string, input: { reason: string }): Promise<Outcome> {
  if (!canAny(actor, ["manage:user:any", "manage:user:chapter"])) return forbidden();
  const user = await db.user.findFirst({
    where: { memberId, member: { chapterId: actor.chapterId } },
    select: { id: true, totpEnabledAt: true },
  });
  if (!user) return notFound();
  if (!user.totpEnabledAt) return conflict(t("secondFactor.reset.notOn"));
  const reason = input.reason.trim();
  if (reason.length < 5) return invalid({ reason: t("secondFactor.reset.reason") });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null }, select: { id: true } });
    const codes = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.loginThrottle.deleteMany({ where: { key: stepKey(user.id) } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "auth.second-factor.reset",
        entityType: "User",
        entityId: user.id,
        before: { enabledAt: user.totpEnabledAt, recoveryCodes: codes.count },
        after: { reason },
      },
      tx,
    );
  });
  return ok();
}
