// Logins for people by single-use link: the board (the Sekretaris for the chapter's members, the
// administrator) gives a member a login; the portal makes an invitation link valid for 7 days that
// the board copies, shares by WhatsApp, or that is emailed when mail is configured. Opening it,
// the member sets a password and is signed in. A forgotten password gets a reset link (1 hour)
// by email from /forgot-password, which answers the same whether the email is known or not; the
// board can also make a reset link (24 hours) to share. Only a hash of each link is stored; a link
// is used once (two tabs racing: one wins); a reset ends every session of the user. Audited.
import { createHash, randomBytes } from "node:crypto";
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { escapeHtml, sendMail } from "~/utils/mail.server";
import { hashPassword } from "~/utils/password.server";
import { canAny, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import type { AccountTokenKind } from "~/generated/prisma/enums";
import { mayHoldLogin } from "~/validation/members";
import { addressBucket, takeHourlySlot } from "./login-throttle.server";

/** Reset links one may ask for in an hour: per email and address, and per address. */
export const RESETS_PER_HOUR = { perEmail: 3, perAddress: 10 } as const;

const HOUR = 3_600_000;
/** How long each kind of link works. */
export const LINK_LIFETIME = { invitation: 7 * 24 * HOUR, reset: HOUR, boardReset: 24 * HOUR } as const;

const manages = (actor: Actor) => canAny(actor, ["manage:user:any", "manage:user:chapter"]);

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A password hash that no password matches: the login waits for its person to set one. */
const unusableHash = () => `unset$${randomBytes(16).toString("hex")}`;

function linkUrl(kind: AccountTokenKind, token: string) {
  const base = getEnv().PUBLIC_URL.replace(/\/$/, "");
  return `${base}/${kind === "invitation" ? "invite" : "reset-password"}/${token}`;
}

/** wa.me wants the number with its country code and digits only: "+62 812-3456-7890" -> "6281234567890". */
export function whatsappNumber(phone: string | null | undefined): string | null {
  const digits = (phone ?? "").replace(/\D/g, "");
  if (digits.length < 9) return null;
  if (digits.startsWith("62")) return digits;
  if (digits.startsWith("0")) return `62${digits.slice(1)}`;
  return digits;
}

async function issueToken(
  tx: Prisma.TransactionClient,
  input: { userId: string; kind: AccountTokenKind; createdById: string | null; lifetime: number },
) {
  // A new link replaces the unused ones of the same kind.
  await tx.accountToken.updateMany({ where: { userId: input.userId, kind: input.kind, usedAt: null }, data: { usedAt: new Date() } });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + input.lifetime);
  await tx.accountToken.create({
    data: { tokenHash: hashToken(token), kind: input.kind, userId: input.userId, createdById: input.createdById, expiresAt },
  });
  return { token, expiresAt };
}

function linkMail(kind: AccountTokenKind, input: { name: string; chapter: string; url: string; hours: number }) {
  const key = kind === "invitation" ? "invitation" : "reset";
  const subject = t(`links.mail.${key}.subject`, { chapter: input.chapter });
  const body = t(`links.mail.${key}.body`, { name: input.name, chapter: input.chapter, hours: input.hours });
  const closing = t("links.mail.closing", { chapter: input.chapter });
  return {
    subject,
    text: `${body}\n\n${input.url}\n\n${closing}\n`,
    html: `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(input.url)}">${escapeHtml(input.url)}</a></p><p>${escapeHtml(closing)}</p>`,
  };
}

// ---------------------------------------------------------------------------------------------
// The board gives a member a login

/** The member's login as the member page shows it: none, waiting for the invitation, active, deactivated. */
export async function memberLoginState(actor: Actor, memberId: string) {
  if (!manages(actor)) return forbidden();
  const member = await db.member.findFirst({
    where: { id: memberId, chapterId: actor.chapterId },
    select: {
      id: true,
      fullName: true,
      email: true,
      phone: true,
      status: true,
      user: {
        select: {
          email: true,
          active: true,
          lastSignInAt: true,
          totpEnabledAt: true,
          tokens: {
            where: { usedAt: null, expiresAt: { gt: new Date() } },
            select: { kind: true, expiresAt: true },
            orderBy: { createdAt: "desc" },
          },
        },
      },
    },
  });
  if (!member) return notFound();
  const { user, ...rest } = member;
  const state = !user ? "none" : !user.active ? "inactive" : !user.lastSignInAt ? "invited" : "active";
  return ok({
    member: rest,
    login: user
      ? { email: user.email, state, pending: user.tokens[0] ?? null, secondFactorSince: user.totpEnabledAt }
      : { email: null, state, pending: null, secondFactorSince: null },
    mayHoldLogin: mayHoldLogin(member.status),
  });
}

export type LoginLink = { kind: AccountTokenKind; url: string; whatsappUrl: string | null; emailedTo: string | null; expiresAt: Date };

/**
 * Makes the member's link: an invitation when the member has no login yet (or has not used the
 * last invitation), a reset link when the login is in use. The email is the one typed, else the
 * member's; it must not belong to another login.
 */
export async function makeLoginLink(
  actor: Actor,
  memberId: string,
  input: { email: string | null },
): Promise<Outcome<{ link: LoginLink }>> {
  if (!manages(actor)) return forbidden();
  const member = await db.member.findFirst({
    where: { id: memberId, chapterId: actor.chapterId },
    select: {
      id: true,
      fullName: true,
      email: true,
      phone: true,
      status: true,
      chapter: { select: { id: true, name: true } },
      user: { select: { id: true, email: true, active: true, lastSignInAt: true } },
    },
  });
  if (!member) return notFound();
  if (!mayHoldLogin(member.status)) return conflict(t("links.error.memberStatus", { name: member.fullName }));
  if (member.user && !member.user.active) return conflict(t("links.error.inactive", { name: member.fullName }));
  const email = (input.email ?? member.user?.email ?? member.email ?? "").trim().toLowerCase();
  if (!email) return invalid({ email: t("links.error.emailRequired") });
  const taken = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (taken && taken.id !== member.user?.id) return invalid({ email: t("links.error.emailTaken") });

  const kind: AccountTokenKind = member.user?.lastSignInAt ? "reset" : "invitation";
  const lifetime = kind === "invitation" ? LINK_LIFETIME.invitation : LINK_LIFETIME.boardReset;
  const { token, expiresAt } = await db.$transaction(async (tx) => {
    const user = member.user
      ? await tx.user.update({ where: { id: member.user.id }, data: { email }, select: { id: true } })
      : await tx.user.create({
          data: {
            email,
            name: member.fullName,
            passwordHash: unusableHash(),
            role: "volunteer",
            chapterId: member.chapter.id,
            memberId: member.id,
          },
          select: { id: true },
        });
    const issued = await issueToken(tx, { userId: user.id, kind, createdById: actor.userId, lifetime });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: member.chapter.id,
        action: kind === "invitation" ? "user.invite" : "user.reset.link",
        entityType: "User",
        entityId: user.id,
        after: { email, memberId: member.id, expiresAt: issued.expiresAt, ...(member.user ? {} : { created: true }) },
      },
      tx,
    );
    return issued;
  });

  const url = linkUrl(kind, token);
  const hours = Math.round(lifetime / HOUR);
  const phone = whatsappNumber(member.phone);
  const message = t(kind === "invitation" ? "links.whatsapp.invitation" : "links.whatsapp.reset", {
    name: member.fullName,
    chapter: member.chapter.name,
    url,
    days: Math.round(hours / 24),
    hours,
  });
  const emailed = await sendMail({ to: email, ...linkMail(kind, { name: member.fullName, chapter: member.chapter.name, url, hours }) });
  return ok({
    link: {
      kind,
      url,
      whatsappUrl: phone ? `https://wa.me/${phone}?text=${encodeURIComponent(message)}` : null,
      emailedTo: emailed ? email : null,
      expiresAt,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Forgotten passwords

/**
 * /forgot-password: when an active login has this email and mail is configured, a reset link
 * (1 hour) is emailed. The caller answers the same in every case; the mail is sent after the
 * answer so that timing tells nothing either.
 */
export async function requestPasswordReset(emailTyped: string, clientAddress: string, now = new Date()): Promise<Outcome> {
  const email = emailTyped.trim().toLowerCase();
  // Nobody fills an inbox with reset mails: a few per address and email, and per address, each
  // hour; the answer is the same whether the email has a login or not.
  const address = addressBucket(clientAddress);
  const allowed =
    (await takeHourlySlot(`reset:${email}|${address}`, RESETS_PER_HOUR.perEmail, now)) &&
    (await takeHourlySlot(`reset-ip:${address}`, RESETS_PER_HOUR.perAddress, now));
  if (!allowed) return conflict(t("forgot.tooMany"));
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, active: true, chapterId: true, chapter: { select: { name: true } } },
  });
  if (!user?.active) return ok();
  const { token } = await db.$transaction(async (tx) => {
    const issued = await issueToken(tx, { userId: user.id, kind: "reset", createdById: null, lifetime: LINK_LIFETIME.reset });
    await recordAudit(
      {
        actorId: null,
        chapterId: user.chapterId,
        action: "user.reset.request",
        entityType: "User",
        entityId: user.id,
        after: { expiresAt: issued.expiresAt },
      },
      tx,
    );
    return issued;
  });
  void sendMail({
    to: email,
    ...linkMail("reset", { name: user.name, chapter: user.chapter.name, url: linkUrl("reset", token), hours: 1 }),
  });
  return ok();
}

// ---------------------------------------------------------------------------------------------
// Opening a link

async function whomToAsk(chapterId: string) {
  const chapter = await db.chapter.findUnique({ where: { id: chapterId }, select: { name: true, phone: true } });
  return chapter ? t("links.ask", { chapter: chapter.name, phone: chapter.phone ? ` (${chapter.phone})` : "" }) : t("links.askAny");
}

/** Why a link does not work (unknown, used, expired), with whom to ask; or the person it is for. */
export async function openLink(kind: AccountTokenKind, token: string, now = new Date()): Promise<Outcome<{ name: string; email: string }>> {
  const found = await db.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { kind: true, usedAt: true, expiresAt: true, user: { select: { name: true, email: true, active: true, chapterId: true } } },
  });
  if (!found || found.kind !== kind) return conflict(`${t("links.error.unknown")} ${t("links.askAny")}`);
  const ask = await whomToAsk(found.user.chapterId);
  if (found.usedAt) return conflict(`${t("links.error.used")} ${ask}`);
  if (found.expiresAt <= now) return conflict(`${t("links.error.expired")} ${ask}`);
  if (!found.user.active) return conflict(`${t("links.error.userInactive")} ${ask}`);
  return ok({ name: found.user.name, email: found.user.email });
}

/**
 * Sets the password through a link and uses the link up (atomically: of two tabs sending at once,
 * one wins). Every session of the user ends; the caller signs the person in.
 */
export async function redeemLink(
  kind: AccountTokenKind,
  token: string,
  password: string,
  now = new Date(),
): Promise<Outcome<{ userId: string; name: string }>> {
  const opened = await openLink(kind, token, now);
  if (!opened.ok) return opened;
  const passwordHash = await hashPassword(password);
  const tokenHash = hashToken(token);
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.accountToken.updateMany({
      where: { tokenHash, kind, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    const { user } = await tx.accountToken.findUniqueOrThrow({
      where: { tokenHash },
      select: { user: { select: { id: true, name: true, chapterId: true } } },
    });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    // The other links of the user stop working, and so does every session.
    await tx.accountToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(
      {
        actorId: user.id,
        chapterId: user.chapterId,
        action: kind === "invitation" ? "user.invite.accept" : "user.reset",
        entityType: "User",
        entityId: user.id,
        after: { sessionsEnded: sessions.count },
      },
      tx,
    );
    return user;
  });
  if (!result) return conflict(`${t("links.error.used")} ${t("links.askAny")}`);
  return ok({ userId: result.id, name: result.name });
}

/** How long a used or expired link is kept, so that opening it says "already used / expired" rather than "unknown". */
const SPENT_LINK_DAYS = 7;

/** Deletes invitation and reset links used or expired more than a week ago (docs/privacy.md). */
export async function purgeSpentLinks(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - SPENT_LINK_DAYS * 86_400_000);
  const { count } = await db.accountToken.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { usedAt: { lt: before } }] } });
  return count;
}
