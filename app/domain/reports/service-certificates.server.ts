// Certificates of service (Surat Keterangan Relawan PSM): one volunteer's verified hours and
// activities in a period, signed by the Ketua, checkable at /verify/<code>. Rules kept here:
// - the board (`create:report:chapter`) issues one for a member of its own chapter, for a period
//   that has ended (its last day no later than today in the chapter's time zone) and lasts at
//   most 366 days, and only when the member has at least one verified activity in it;
// - the figures count VERIFIED activities only, those the member logged and those they joined
//   as a co-volunteer (each gives them its full duration), the people those activities reached,
//   and, apart, the member's own training hours (events attended and outside training);
// - a member's certificate for a period is issued once; the board may issue it again (a new
//   number, after late verifications) only by confirming against the latest one;
// - issuing takes the letter number, freezes the figures (with the number, the member's name and
//   number, the chapter's code, the period and the moment of issue) under a content hash, and
//   stores the PDF, and tells the member it is ready (docs/decisions/029), all in one
//   transaction; nothing of an issued certificate changes afterwards;
// - the PDF is downloaded by the board of the chapter or by the member themself;
// - /verify/<code> shows the holder's name and member number, chapter, period, hours,
//   activities, number, issue date and hash: never NIK, address or phone.
import { createHash, randomBytes } from "node:crypto";
import QRCode from "qrcode";
import { t } from "~/i18n/index";
import { verifyUrl } from "~/documents/pdf/render.server";
import { DocumentRenderFault, inWorker } from "~/workers/render-pool.server";
import {
  certificatePeriodLabel,
  type ServiceCertificateFigures,
  type ServiceCertificatePdfData,
} from "~/documents/pdf/ServiceCertificateDocument";
import { recordAudit } from "~/utils/audit.server";
import { calendarToday } from "~/utils/dates";
import { db, type Prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { formatCalendarDateLong, formatDateLong } from "~/utils/format";
import { can, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, invalid, notFound, ok, type Invalid, type Outcome } from "~/domain/shared/outcome.server";
import { getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { DocumentStorageFault, readDocument, removeDocument, storeDocument } from "~/domain/shared/scans.server";
import { nextLetterNumber } from "~/domain/chapters/letters.server";
import { notify } from "~/domain/notifications/notify.server";
import { usersOfMembers } from "~/domain/notifications/recipients.server";
import { servingHolder } from "./figures.server";

/** The longest period a certificate covers, in calendar days (both ends included). */
export const CERTIFICATE_MAX_DAYS = 366;

export type { ServiceCertificateFigures };

/** What is frozen at issue; its SHA-256 is the content hash printed on the PDF. */
type StoredPayload = {
  number: string;
  member: { name: string; memberNumber: string | null };
  chapter: string;
  period: { start: string; end: string };
  issuedAt: string;
  figures: ServiceCertificateFigures;
};

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** A member's verified service in a period (calendar dates, both inclusive). */
export async function memberServiceFigures(memberId: string, start: Date, end: Date): Promise<ServiceCertificateFigures> {
  const where: Prisma.ActivityWhereInput = {
    status: "verified",
    date: { gte: start, lte: end },
    OR: [{ memberId }, { volunteers: { some: { memberId } } }],
  };
  const [totals, byType, events, external] = await Promise.all([
    db.activity.aggregate({ where, _count: { _all: true }, _sum: { durationMinutes: true, people: true } }),
    db.activity.groupBy({ by: ["typeId"], where, _count: { _all: true }, _sum: { durationMinutes: true } }),
    db.trainingParticipant.aggregate({
      where: { memberId, event: { startDate: { gte: start, lte: end } } },
      _sum: { hoursAttended: true },
    }),
    db.externalTraining.aggregate({ where: { memberId, startDate: { gte: start, lte: end } }, _sum: { hours: true } }),
  ]);
  const types = byType.length
    ? await db.activityType.findMany({ where: { id: { in: byType.map((x) => x.typeId) } }, select: { id: true, name: true } })
    : [];
  const typeName = new Map(types.map((x) => [x.id, x.name]));
  return {
    hours: (totals._sum.durationMinutes ?? 0) / 60,
    activities: totals._count._all,
    byType: byType
      .map((x) => ({ name: typeName.get(x.typeId) ?? "", activities: x._count._all, hours: (x._sum.durationMinutes ?? 0) / 60 }))
      .sort((a, b) => b.activities - a.activities || a.name.localeCompare(b.name, "id")),
    people: totals._sum.people ?? 0,
    trainingHours: (events._sum.hoursAttended ?? 0) + (external._sum.hours ?? 0),
  };
}

export type IssueInput = {
  memberId: string;
  start: Date;
  end: Date;
  /** the latest certificate of the same member and period, when the board confirms issuing it again */
  replaces?: string;
};
/** `issued` (on a refusal): the latest certificate already issued for the member and period, to confirm a reissue against. */
export type IssueOutcome = Outcome<{ id: string; number: string }, { issued?: { id: string; number: string } }>;

/**
 * A member's certificate for a period is issued once; issuing it again (after late verifications)
 * must name the latest one (`replaces`). A second click of the same confirmation finds a newer one
 * and is refused too.
 */
async function alreadyIssued(
  tx: Prisma.TransactionClient | typeof db,
  input: IssueInput,
  name: string,
  timeZone: string,
): Promise<Invalid<{ issued: { id: string; number: string } }> | null> {
  const earlier = await tx.serviceCertificate.findMany({
    where: { memberId: input.memberId, periodStart: input.start, periodEnd: input.end },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    select: { id: true, number: true, issuedAt: true },
  });
  const latest = earlier[0];
  if (!latest || latest.id === input.replaces) return null;
  const issued = { id: latest.id, number: latest.number };
  // confirmed against an older one of the same member and period: someone issued it again meanwhile
  if (earlier.some((c) => c.id === input.replaces))
    return invalid({}, t("certificates.error.reissuedMeanwhile", { number: latest.number }), { issued });
  return invalid(
    {},
    t("certificates.error.alreadyIssued", {
      name,
      period: certificatePeriodLabel(input.start, input.end),
      number: latest.number,
      date: formatDateLong(latest.issuedAt, timeZone),
    }),
    { issued },
  );
}

/**
 * The board issues a member's certificate of service for a period that has ended: the letter
 * number, the frozen figures and their hash, the verification code and the stored PDF, all or
 * nothing (the file is removed again when the transaction fails).
 */
export async function issueServiceCertificate(actor: Actor, input: IssueInput, now = new Date()): Promise<IssueOutcome> {
  if (!can(actor, "create:report:chapter")) return forbidden(t("certificates.error.forbidden"));
  const member = input.memberId
    ? await db.member.findFirst({
        where: { id: input.memberId, chapterId: actor.chapterId },
        select: { id: true, fullName: true, memberNumber: true, chapter: { select: { code: true } } },
      })
    : null;
  if (!member) return invalid({ memberId: t("certificates.error.member") });
  const { start, end } = input;
  if (end < start) return invalid({ end: t("certificates.error.endBeforeStart") });
  if ((end.getTime() - start.getTime()) / DAY_MS + 1 > CERTIFICATE_MAX_DAYS) return invalid({ end: t("certificates.error.tooLong") });
  const today = calendarToday(actor.timeZone, now);
  if (end > today) return invalid({ end: t("certificates.error.notEnded", { date: formatCalendarDateLong(today) }) });

  const issuedBefore = await alreadyIssued(db, input, member.fullName, actor.timeZone);
  if (issuedBefore) return issuedBefore;

  const figures = await memberServiceFigures(member.id, start, end);
  if (figures.activities === 0) {
    return invalid({}, t("certificates.error.noActivity", { name: member.fullName, period: certificatePeriodLabel(start, end) }));
  }
  const [letterhead, ketua] = await Promise.all([getChapterLetterhead(actor.chapterId), servingHolder(actor.chapterId, "ketua", today)]);

  const written: string[] = [];
  try {
    return await db.$transaction(
      async (tx) => {
        // again inside the transaction: two clicks at once give one certificate
        const issuedMeanwhile = await alreadyIssued(tx, input, member.fullName, actor.timeZone);
        if (issuedMeanwhile) return issuedMeanwhile;
        const number = await nextLetterNumber(tx, actor.chapterId, member.chapter.code, today);
        const verifyCode = `S${randomBytes(12).toString("base64url")}`;
        const payload: StoredPayload = {
          number,
          member: { name: member.fullName, memberNumber: member.memberNumber },
          chapter: member.chapter.code,
          period: { start: isoDate(start), end: isoDate(end) },
          issuedAt: now.toISOString(),
          figures,
        };
        const stored = JSON.stringify(payload);
        const contentHash = sha256(stored);
        const url = verifyUrl(getEnv().PUBLIC_URL, verifyCode);
        const data: ServiceCertificatePdfData = {
          letterhead,
          number,
          date: today,
          member: payload.member,
          period: payload.period,
          figures,
          ketua,
          verification: { url, qrDataUrl: await QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 240 }), contentHash },
        };
        // one page, but made in the render pool all the same: the main thread keeps answering
        const pdf = await inWorker("serviceCertificatePdf", data);
        const pdfFile = await storeDocument("reports", `sertifikat-${member.id}`, pdf, "pdf");
        written.push(pdfFile);
        const certificate = await tx.serviceCertificate.create({
          data: {
            chapterId: actor.chapterId,
            memberId: member.id,
            number,
            periodStart: start,
            periodEnd: end,
            figures: stored,
            contentHash,
            verifyCode,
            pdfFile,
            issuedById: actor.userId,
            issuedAt: now,
          },
          select: { id: true },
        });
        await recordAudit(
          {
            actorId: actor.userId,
            chapterId: actor.chapterId,
            action: "certificate.issue",
            entityType: "ServiceCertificate",
            entityId: certificate.id,
            after: {
              number,
              memberId: member.id,
              start: payload.period.start,
              end: payload.period.end,
              contentHash,
              ...(input.replaces ? { reissueOf: input.replaces } : {}),
            },
          },
          tx,
        );
        // the member hears that it is ready, with a link to their own list on /profile
        await notify(
          tx,
          {
            kind: "service_certificate_ready",
            chapterId: actor.chapterId,
            eventKey: `service-certificate:${certificate.id}`,
            recipients: await usersOfMembers(tx, [member.id]),
            link: "/profile#own-certificates",
            params: { number, period: certificatePeriodLabel(start, end) },
          },
          now,
        );
        return ok({ id: certificate.id, number });
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    for (const file of written) await removeDocument("reports", file);
    if (error instanceof DocumentStorageFault) return conflict(t("documents.storageFault"));
    // the transaction rolled back: no number used, nothing stored
    if (error instanceof DocumentRenderFault) return conflict(t("documents.renderFault"));
    throw error;
  }
}

const figuresOf = (stored: string) => (JSON.parse(stored) as StoredPayload).figures;

/** The actor's chapter's issued certificates, newest first (the board's list); none for anyone else. */
export async function listCertificates(actor: Actor) {
  if (!can(actor, "read:report:chapter")) return [];
  const rows = await db.serviceCertificate.findMany({
    where: { chapterId: actor.chapterId },
    select: {
      id: true,
      number: true,
      periodStart: true,
      periodEnd: true,
      issuedAt: true,
      figures: true,
      member: { select: { id: true, fullName: true, memberNumber: true } },
      issuedBy: { select: { name: true } },
    },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
  });
  return rows.map(({ figures, ...row }) => {
    const f = figuresOf(figures);
    return { ...row, periodLabel: certificatePeriodLabel(row.periodStart, row.periodEnd), hours: f.hours, activities: f.activities };
  });
}

/** A member's own certificates, newest first (/profile). */
export async function listOwnCertificates(memberId: string) {
  const rows = await db.serviceCertificate.findMany({
    where: { memberId },
    select: { id: true, number: true, periodStart: true, periodEnd: true, issuedAt: true },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
  });
  return rows.map((row) => ({ ...row, periodLabel: certificatePeriodLabel(row.periodStart, row.periodEnd) }));
}

/** The actor's chapter's active members, for the form's select. */
export async function certificateMemberChoices(actor: Actor) {
  return db.member.findMany({
    where: { chapterId: actor.chapterId, status: "aktif" },
    select: { id: true, fullName: true, memberNumber: true },
    orderBy: { fullName: "asc" },
  });
}

/**
 * The stored PDF of a certificate, exactly as issued: for the board of its chapter
 * (`read:report:chapter`) or for the member it was issued to. An actor with neither right is
 * forbidden; someone else's certificate is not found.
 */
export async function certificateFile(actor: Actor, id: string): Promise<Outcome<{ bytes: Uint8Array; name: string }>> {
  const access: Prisma.ServiceCertificateWhereInput[] = [];
  if (can(actor, "read:report:chapter")) access.push({ chapterId: actor.chapterId });
  if (actor.memberId) access.push({ memberId: actor.memberId });
  if (!access.length) return forbidden();
  if (!id) return notFound();
  const certificate = await db.serviceCertificate.findFirst({
    where: { id, OR: access },
    select: { pdfFile: true, periodStart: true, member: { select: { memberNumber: true, id: true } } },
  });
  if (!certificate) return notFound();
  const bytes = await readDocument("reports", certificate.pdfFile);
  if (!bytes) return notFound();
  const who = (certificate.member.memberNumber ?? certificate.member.id).toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  return ok({ bytes, name: `surat-keterangan-relawan-${who}-${isoDate(certificate.periodStart)}.pdf` });
}

/** What /verify/<code> shows of a certificate: no NIK, address or phone. */
export async function verifyCertificateCode(code: string) {
  if (!/^S[\w-]{16}$/.test(code)) return null;
  const certificate = await db.serviceCertificate.findUnique({
    where: { verifyCode: code },
    select: {
      number: true,
      periodStart: true,
      periodEnd: true,
      issuedAt: true,
      figures: true,
      contentHash: true,
      chapter: { select: { name: true, timeZone: true } },
    },
  });
  if (!certificate) return null;
  const payload = JSON.parse(certificate.figures) as StoredPayload;
  return {
    number: certificate.number,
    name: payload.member.name,
    memberNumber: payload.member.memberNumber,
    chapter: certificate.chapter.name,
    timeZone: certificate.chapter.timeZone,
    periodLabel: certificatePeriodLabel(certificate.periodStart, certificate.periodEnd),
    hours: payload.figures.hours,
    activities: payload.figures.activities,
    trainingHours: payload.figures.trainingHours,
    issuedAt: certificate.issuedAt,
    contentHash: certificate.contentHash,
    // the stored figures still hash to the printed value (nothing was changed in the database)
    intact: sha256(certificate.figures) === certificate.contentHash,
  };
}
export type CertificateCheck = NonNullable<Awaited<ReturnType<typeof verifyCertificateCode>>>;
