// A member's personal data under UU 27/2022 (docs/privacy.md, docs/decisions/023):
// - consent: a member agrees to the current privacy notice (at application, or at their first
//   sign-in for members registered by the board or imported); the date and the notice's version
//   are kept and shown on the member's page;
// - erasure: on request, the board anonymises a member who has left, once the chapter's retention
//   period since they left has passed: name, NIK, birth day and month, address, contact and photo
//   are removed; activities, hours and figures stay, attributed to "anggota dianonimkan"; the
//   member's login is closed for good, their notifications, notification emails and email
//   preferences are deleted; personal values in the member's audit history are
//   blanked. Reports already sent are frozen documents and stay as they were.
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { deleteNotificationsOfUser } from "~/domain/notifications/housekeeping.server";
import { can, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { addMonths } from "~/utils/dates";
import { getEnv } from "~/utils/env.server";
import { formatCalendarDateLong } from "~/utils/format";
import { hashPassword } from "~/utils/password.server";
import { PRIVACY_NOTICE_VERSION } from "~/validation/privacy";
import type { MemberStatus } from "~/validation/members";

/** The statuses of a member who has left the association. */
export const LEFT_STATUSES: readonly MemberStatus[] = ["mengundurkan_diri", "diberhentikan", "meninggal"];

/** The word the board types to confirm an anonymisation. */
export const ANONYMISE_CONFIRMATION = "ANONIMKAN";

/** Keys of audit before/after values that carry a person's identity. */
const PERSONAL_KEYS = new Set(["fullName", "name", "nik", "phone", "email", "address", "birthDate", "photoFile"]);

/** Whether the signed-in member must (again) agree to the privacy notice, and the version they agreed to before. */
export async function consentState(actor: Actor): Promise<{ needed: boolean; earlierVersion: string | null }> {
  if (!actor.memberId) return { needed: false, earlierVersion: null };
  const member = await db.member.findUnique({ where: { id: actor.memberId }, select: { consentVersion: true } });
  return { needed: member?.consentVersion !== PRIVACY_NOTICE_VERSION, earlierVersion: member?.consentVersion ?? null };
}

/** The signed-in member agrees to the current privacy notice. */
export async function recordConsent(actor: Actor, now = new Date()): Promise<Outcome<{ version: string }>> {
  if (!actor.memberId) return notFound();
  await db.$transaction(async (tx) => {
    const before = await tx.member.findUniqueOrThrow({ where: { id: actor.memberId! }, select: { consentAt: true, consentVersion: true } });
    await tx.member.update({
      where: { id: actor.memberId! },
      data: { consentAt: now, consentVersion: PRIVACY_NOTICE_VERSION },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "member.consent",
        entityType: "Member",
        entityId: actor.memberId!,
        before,
        after: { consentAt: now, consentVersion: PRIVACY_NOTICE_VERSION },
      },
      tx,
    );
  });
  return ok({ version: PRIVACY_NOTICE_VERSION });
}

/** Whether the board may anonymise this member now, and if not, why (in Indonesian). */
export function anonymisationBlock(
  member: { status: MemberStatus; statusDate: Date | null; anonymisedAt: Date | null },
  retentionMonths: number,
  now: Date,
): string | null {
  if (member.anonymisedAt) return t("privacy.anonymise.already");
  if (!LEFT_STATUSES.includes(member.status)) return t("privacy.anonymise.notLeft");
  const from = addMonths(member.statusDate ?? now, retentionMonths);
  if (from > now) return t("privacy.anonymise.tooSoon", { months: retentionMonths, date: formatCalendarDateLong(from) });
  return null;
}

/** Blanks the personal values of an audit record's before/after JSON, keeping its shape. */
function blankPersonal(json: string | null): string | null {
  if (!json) return json;
  try {
    const walk = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(walk);
      if (value && typeof value === "object") {
        return Object.fromEntries(
          Object.entries(value).map(([k, v]) => [k, PERSONAL_KEYS.has(k) && v !== null ? "[dianonimkan]" : walk(v)]),
        );
      }
      return value;
    };
    return JSON.stringify(walk(JSON.parse(json)));
  } catch {
    return null;
  }
}

/**
 * Erases a departed member's identity on request, with the reason, after the retention period.
 * Everything happens in one transaction; the photo file is removed after it commits.
 */
export async function anonymiseMember(
  actor: Actor,
  memberId: string,
  input: { reason: string; confirmation: string },
  now = new Date(),
): Promise<Outcome<{ memberId: string }>> {
  if (!can(actor, "erase:member:chapter")) return forbidden();
  const member = await db.member.findFirst({
    where: { id: memberId, chapterId: actor.chapterId },
    select: {
      id: true,
      status: true,
      statusDate: true,
      anonymisedAt: true,
      photoFile: true,
      birthDate: true,
      memberNumber: true,
      chapter: { select: { memberRetentionMonths: true } },
      user: { select: { id: true } },
    },
  });
  if (!member) return notFound();
  const reason = input.reason.trim();
  const errors: Record<string, string> = {};
  if (reason.length < 5) errors.reason = t("validation.required");
  if (input.confirmation.trim() !== ANONYMISE_CONFIRMATION) errors.confirmation = t("privacy.anonymise.confirmWrong");
  if (Object.keys(errors).length) return invalid(errors);
  const blocked = anonymisationBlock(member, member.chapter.memberRetentionMonths, now);
  if (blocked) return conflict(blocked);

  const anonymousName = t("privacy.anonymise.name");
  // a password nobody knows, for a login that is closed for good
  const lockedPassword = await hashPassword(randomBytes(32).toString("hex"));
  await db.$transaction(async (tx) => {
    await tx.member.update({
      where: { id: member.id },
      data: {
        fullName: anonymousName,
        // unique within the chapter, never a real NIK, shown masked everywhere
        nik: `anon-${member.id}`,
        // the year stays for age figures; the day and month go
        birthDate: new Date(Date.UTC(member.birthDate.getUTCFullYear(), 0, 1)),
        address: "-",
        phone: null,
        email: null,
        photoFile: null,
        consentAt: null,
        consentVersion: null,
        anonymisedAt: now,
      },
      select: { id: true },
    });
    if (member.user) {
      await tx.session.deleteMany({ where: { userId: member.user.id } });
      await tx.accountToken.deleteMany({ where: { userId: member.user.id } });
      await tx.recoveryCode.deleteMany({ where: { userId: member.user.id } });
      // notifications and emails carry personal text (reasons, names, the address)
      await deleteNotificationsOfUser(tx, member.user.id);
      await tx.user.update({
        where: { id: member.user.id },
        data: {
          name: anonymousName,
          email: `anon-${member.user.id}@anonim.invalid`,
          passwordHash: lockedPassword,
          active: false,
          totpSecret: null,
          totpEnabledAt: null,
        },
        select: { id: true },
      });
    }
    const history = await tx.auditLog.findMany({
      where: {
        OR: [{ entityType: "Member", entityId: member.id }, ...(member.user ? [{ entityType: "User", entityId: member.user.id }] : [])],
      },
      select: { id: true, before: true, after: true },
    });
    for (const entry of history) {
      await tx.auditLog.update({
        where: { id: entry.id },
        data: { before: blankPersonal(entry.before), after: blankPersonal(entry.after) },
        select: { id: true },
      });
    }
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "member.anonymise",
        entityType: "Member",
        entityId: member.id,
        after: { reason, memberNumber: member.memberNumber, anonymisedAt: now },
      },
      tx,
    );
  });
  if (member.photoFile) {
    const file = path.join(path.resolve(getEnv().UPLOADS_DIR, "member-photos"), path.basename(member.photoFile));
    await rm(file, { force: true }).catch((error: unknown) =>
      console.error(`Could not remove the photo of an anonymised member (${file}):`, error),
    );
  }
  return ok({ memberId: member.id });
}

/** Whether the actor may anonymise this member: null without the right; else why not yet (null when they may now). */
export async function anonymisationOffer(
  actor: Actor,
  member: { status: MemberStatus; statusDate: Date | null; anonymisedAt: Date | null },
  now = new Date(),
): Promise<{ blocked: string | null } | null> {
  if (!can(actor, "erase:member:chapter")) return null;
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: { memberRetentionMonths: true } });
  return { blocked: anonymisationBlock(member, chapter.memberRetentionMonths, now) };
}

/** What the member's page shows of consent and anonymisation. */
export function privacyFacts(member: { consentAt: Date | null; consentVersion: string | null; anonymisedAt: Date | null }) {
  return {
    consentAt: member.consentAt,
    consentVersion: member.consentVersion,
    consentCurrent: member.consentVersion === PRIVACY_NOTICE_VERSION,
    anonymisedAt: member.anonymisedAt,
  };
}
