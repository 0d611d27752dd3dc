// Prospective members apply themselves (/apply): the application waits in the board's queue
// (/members/applications) until those who register members accept it (a candidate member, calon,
// is registered with the details given) or decline it. Either way the application is deleted: it
// keeps no personal data longer than the decision (docs/decisions/018). Rules kept here:
// - only an open chapter takes applications; the kelurahan lies in its area; the NIK may come
//   from anywhere in Indonesia;
// - a NIK already registered in the chapter, or already waiting there, is refused without saying
//   whose it is;
// - at most APPLICATIONS_PER_HOUR from one address; the count and the check are one transaction;
// - every application and decision is audited (the NIK masked).
import { notify } from "~/domain/notifications/notify.server";
import { boardUsers } from "~/domain/notifications/recipients.server";
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { maskNik } from "~/utils/format";
import { can, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import type { ApplicationData } from "~/validation/applications";
import { parseCalendarDate, toDateInput } from "~/validation/fields";
import { PRIVACY_NOTICE_VERSION } from "~/validation/privacy";
import { addressBucket, takeHourlySlot } from "~/domain/accounts/login-throttle.server";
import { checkAgainstRegistry, createMember, listChapterVillages } from "./members.server";

/** Applications one client address may send per hour. */
export const APPLICATIONS_PER_HOUR = 5;

/** The chapters that take applications (open ones), for /apply. */
export async function openChapters() {
  return db.chapter.findMany({
    where: { closedAt: null },
    select: { code: true, name: true, region: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
}

async function openChapterByCode(code: string) {
  return db.chapter.findFirst({
    where: { code: code.toUpperCase(), closedAt: null },
    select: { id: true, code: true, name: true, regionCode: true, phone: true },
  });
}

/** The application form of a chapter: its name and the kelurahan of its area. */
export async function applicationForm(code: string) {
  const chapter = await openChapterByCode(code);
  if (!chapter) return notFound();
  return ok({ chapter: { code: chapter.code, name: chapter.name }, villages: await listChapterVillages({ chapterId: chapter.id }) });
}

/** A prospective member's application to the chapter with this code. */
export async function submitApplication(
  code: string,
  data: ApplicationData,
  clientAddress: string,
  now = new Date(),
): Promise<Outcome<{ chapterName: string }>> {
  const chapter = await openChapterByCode(code);
  if (!chapter) return notFound();
  const asMember = { ...data, joinDate: toDateInput(now), membershipType: "biasa" as const, skPsmNumber: null };
  const { fieldErrors, existingMember } = await checkAgainstRegistry(chapter.id, asMember);
  const waiting = await db.memberApplication.findFirst({ where: { chapterId: chapter.id, nik: data.nik }, select: { id: true } });
  // Never say whose NIK it is: the form is public.
  if (existingMember || waiting) fieldErrors.nik = t("applications.error.nikTaken");
  if (fieldErrors.email) delete fieldErrors.email;
  if (Object.keys(fieldErrors).length) return invalid(fieldErrors);
  if (!(await takeHourlySlot(`apply:${addressBucket(clientAddress)}`, APPLICATIONS_PER_HOUR, now)))
    return conflict(t("applications.error.tooMany", { count: APPLICATIONS_PER_HOUR }));
  await db.$transaction(async (tx) => {
    const created = await tx.memberApplication.create({
      data: {
        chapterId: chapter.id,
        fullName: data.fullName,
        nik: data.nik,
        sex: data.sex,
        birthDate: parseCalendarDate(data.birthDate)!,
        phone: data.phone!,
        email: data.email,
        address: data.address,
        villageCode: data.villageCode,
        motivation: data.motivation,
        consentAt: now,
        consentVersion: PRIVACY_NOTICE_VERSION,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: null,
        chapterId: chapter.id,
        action: "application.create",
        entityType: "MemberApplication",
        entityId: created.id,
        after: {
          fullName: data.fullName,
          nik: maskNik(data.nik),
          villageCode: data.villageCode,
          consentAt: now,
          consentVersion: PRIVACY_NOTICE_VERSION,
        },
      },
      tx,
    );
    // the Ketua and Sekretaris hear of it (docs/decisions/029); the name only, never the NIK
    await notify(
      tx,
      {
        kind: "application_received",
        chapterId: chapter.id,
        eventKey: `application:${created.id}`,
        recipients: await boardUsers(tx, chapter.id, ["ketua", "sekretaris"], now),
        link: "/members/applications",
        params: { name: data.fullName },
      },
      now,
    );
  });
  return ok({ chapterName: chapter.name });
}

/** The applications waiting in the actor's chapter, oldest first (those who register members). */
export async function listApplications(actor: Actor) {
  if (!can(actor, "create:member:chapter")) return forbidden();
  const rows = await db.memberApplication.findMany({
    where: { chapterId: actor.chapterId },
    select: {
      id: true,
      fullName: true,
      nik: true,
      sex: true,
      birthDate: true,
      phone: true,
      email: true,
      address: true,
      villageCode: true,
      motivation: true,
      createdAt: true,
    },
    orderBy: { createdAt: "asc" },
  });
  const villages = await db.region.findMany({
    where: { code: { in: [...new Set(rows.map((r) => r.villageCode))] } },
    select: { code: true, name: true },
  });
  const villageName = new Map(villages.map((v) => [v.code, v.name]));
  const wholeNik = can(actor, "read:member-nik:chapter");
  return ok({
    rows: rows.map(({ nik, ...r }) => ({
      ...r,
      nik: wholeNik ? nik : maskNik(nik),
      village: villageName.get(r.villageCode) ?? r.villageCode,
    })),
  });
}

/**
 * Accepts (registers a candidate member, calon, joining today) or declines an application; the
 * application is deleted either way, in the same step as the decision's audit entry.
 */
export async function decideApplication(
  actor: Actor,
  applicationId: string,
  decision: "accept" | "decline",
  now = new Date(),
): Promise<Outcome<{ fullName: string; memberId: string | null }>> {
  if (!can(actor, "create:member:chapter")) return forbidden();
  const application = await db.memberApplication.findFirst({ where: { id: applicationId, chapterId: actor.chapterId } });
  if (!application) return notFound();
  let memberId: string | null = null;
  if (decision === "accept") {
    const joined = calendarToday(actor.timeZone, now);
    const created = await createMember(actor, {
      fullName: application.fullName,
      nik: application.nik,
      sex: application.sex,
      birthDate: toDateInput(application.birthDate),
      phone: application.phone,
      email: application.email,
      address: application.address,
      villageCode: application.villageCode,
      joinDate: toDateInput(joined),
      membershipType: "biasa",
      skPsmNumber: null,
    });
    if (!created.ok) {
      if (created.refusal === "invalid") return conflict(Object.values(created.fieldErrors)[0] ?? t("error.400"));
      return created;
    }
    memberId = created.memberId;
  }
  await db.$transaction(async (tx) => {
    // the consent given with the application carries over to the member (date and notice version)
    if (memberId && application.consentVersion) {
      await tx.member.update({
        where: { id: memberId },
        data: { consentAt: application.consentAt, consentVersion: application.consentVersion },
        select: { id: true },
      });
    }
    await tx.memberApplication.delete({ where: { id: application.id } });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: decision === "accept" ? "application.accept" : "application.decline",
        entityType: "MemberApplication",
        entityId: application.id,
        after: { fullName: application.fullName, nik: maskNik(application.nik), ...(memberId ? { memberId } : {}) },
      },
      tx,
    );
  });
  return ok({ fullName: application.fullName, memberId });
}

/** How many applications wait in the actor's chapter (0 for those who do not register members: no link that cannot work). */
export async function countWaitingApplications(actor: Actor): Promise<number> {
  if (!can(actor, "create:member:chapter")) return 0;
  // on every member list page: written out (docs/decisions/035)
  const [row] = await db.$queryRaw<
    { n: bigint | number }[]
  >`SELECT count(*) AS "n" FROM "MemberApplication" WHERE "chapterId" = ${actor.chapterId}`;
  return Number(row?.n ?? 0);
}

/** Days an application waits for a decision before it is deleted unanswered (docs/privacy.md). */
export const UNDECIDED_APPLICATION_DAYS = 180;

/** Deletes applications nobody decided on within UNDECIDED_APPLICATION_DAYS; audited per chapter. */
export async function purgeUndecidedApplications(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - UNDECIDED_APPLICATION_DAYS * 86_400_000);
  const stale = await db.memberApplication.groupBy({ by: ["chapterId"], where: { createdAt: { lt: before } }, _count: true });
  for (const group of stale) {
    await db.$transaction(async (tx) => {
      await tx.memberApplication.deleteMany({ where: { chapterId: group.chapterId, createdAt: { lt: before } } });
      await recordAudit(
        {
          actorId: null,
          chapterId: group.chapterId,
          action: "application.expire",
          entityType: "Chapter",
          entityId: group.chapterId,
          after: { count: group._count, createdBefore: before },
        },
        tx,
      );
    });
  }
  return stale.reduce((sum, g) => sum + g._count, 0);
}
