// Certificates: those of participants who passed (a unique number in the chapter, an expiry that
// defaults to the course's validity and never comes before the issue date, a scan), trainings
// taken outside the chapter with their certificate, the scans' reading, and the certificates
// that expire soon (counted from today in the chapter's time zone).
import { can, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, invalid, notFound, ok, refusable, Refused, type Outcome } from "~/domain/shared/outcome.server";
import { checkDocument, planDocument, readDocument, removeDocument, type DocumentUpload } from "~/domain/shared/scans.server";
import { t } from "~/i18n/index";
import { addDays, calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { isStorageFault, saveWithFiles } from "~/utils/uploads.server";
import { calendarDateOf as date, optionalCalendarDateOf as optionalDate } from "~/validation/fields";
import { EXPIRY_WINDOW_DAYS, type CertificateFormData, type ExternalTrainingData } from "~/validation/trainings";
import { formatCalendarDateShort } from "~/utils/format";
import { whatsappLink } from "~/validation/whatsapp";
import { grantCompetency } from "./competencies.server";
import { audit, type Tx } from "./shared.server";

async function assertNumberFree(tx: Tx, chapterId: string, number: string, exceptId?: string) {
  const taken = await tx.certificate.findFirst({
    where: { chapterId, number, id: exceptId ? { not: exceptId } : undefined },
    select: { member: { select: { fullName: true } } },
  });
  if (taken) {
    const message = t("trainings.error.certificateTaken", { name: taken.member.fullName });
    throw new Refused(conflict(message, { number: message }));
  }
}

/** The default expiry: the course's validity counted from the issue date (null: no expiry). */
function defaultExpiry(issuedOn: Date, validityYears: number | null) {
  if (!validityYears) return null;
  const d = new Date(issuedOn);
  d.setUTCFullYear(d.getUTCFullYear() + validityYears);
  return addDays(d, -1);
}

/** A participant of the chapter's event, with the certificate on record, for the Sekretaris's certificate form. */
export async function participantForCertificate(actor: Actor, eventId: string, participantId: string) {
  if (!can(actor, "update:training:chapter")) return forbidden();
  const participant = await db.trainingParticipant.findFirst({
    where: { id: participantId, eventId, event: { chapterId: actor.chapterId } },
    select: {
      member: { select: { fullName: true } },
      certificate: { select: { number: true, issuedOn: true, expiresOn: true } },
      event: { select: { id: true, endDate: true, course: { select: { name: true, organiser: true } } } },
    },
  });
  return participant ? ok({ participant }) : notFound();
}

/**
 * Records the certificate of a participant who passed (and its scan, when one is given). The
 * expiry defaults to the course's validity. A second call replaces the details.
 */
export async function saveParticipantCertificate(
  actor: Actor,
  input: { eventId: string; participantId: string; data: CertificateFormData; file: DocumentUpload | null },
): Promise<Outcome<{ id: string; memberName: string }>> {
  if (!can(actor, "update:training:chapter")) return forbidden();
  const checked = input.file ? checkDocument(input.file) : null;
  if (checked && "error" in checked) return invalid({ file: t(`trainings.file.error.${checked.error}`) });
  return refusable(async () => {
    const participant = await db.trainingParticipant.findFirst({
      where: { id: input.participantId, eventId: input.eventId, event: { chapterId: actor.chapterId } },
      select: {
        id: true,
        result: true,
        memberId: true,
        member: { select: { fullName: true } },
        certificate: { select: { id: true, file: true } },
        event: {
          select: {
            course: {
              select: {
                name: true,
                certificateValidityYears: true,
                competencies: { select: { competencyId: true, level: true } },
                kind: true,
              },
            },
          },
        },
      },
    });
    if (!participant) throw new Refused(notFound(t("trainings.error.notParticipant")));
    if (participant.result !== "lulus") throw new Refused(invalid({ number: t("trainings.error.certificateNotPassed") }));
    const issuedOn = date(input.data.issuedOn);
    const expiresOn = optionalDate(input.data.expiresOn) ?? defaultExpiry(issuedOn, participant.event.course.certificateValidityYears);
    // The scan is written first and the certificate saved with it, or neither (uploads.server.ts).
    const file = checked ? planDocument("certificates", participant.memberId, input.file!.bytes, checked.extension) : null;
    const fileName = file?.fileName ?? null;
    const saved = await saveWithFiles(file ? [file] : [], () =>
      db.$transaction(async (tx) => {
        await assertNumberFree(tx, actor.chapterId, input.data.number, participant.certificate?.id);
        const data = {
          chapterId: actor.chapterId,
          memberId: participant.memberId,
          participantId: participant.id,
          title: participant.event.course.name,
          number: input.data.number,
          issuer: input.data.issuer,
          issuedOn,
          expiresOn,
          ...(checked && fileName ? { file: fileName, fileType: checked.type } : {}),
        };
        const certificate = participant.certificate
          ? await tx.certificate.update({ where: { id: participant.certificate.id }, data, select: { id: true } })
          : await tx.certificate.create({ data, select: { id: true } });
        if (participant.event.course.kind === "sertifikasi") {
          for (const c of participant.event.course.competencies) {
            await grantCompetency(tx, {
              memberId: participant.memberId,
              competencyId: c.competencyId,
              level: c.level,
              source: "certificate",
              sourceId: certificate.id,
              acquiredOn: issuedOn,
            });
          }
        }
        await audit(
          tx,
          actor,
          "training.certificate.save",
          { type: "Member", id: participant.memberId },
          {
            after: { certificateId: certificate.id, number: input.data.number, issuedOn, expiresOn, file: fileName },
          },
        );
        return certificate;
      }),
    );
    if (isStorageFault(saved)) throw new Refused(invalid({ file: t("upload.storageFault") }));
    if (fileName && participant.certificate?.file) await removeDocument("certificates", participant.certificate.file);
    return ok({ id: saved.id, memberName: participant.member.fullName });
  });
}

/** A training taken outside the chapter, for one member, with its certificate when given. */
export async function addExternalTraining(
  actor: Actor,
  memberId: string,
  input: { data: ExternalTrainingData; file: DocumentUpload | null },
): Promise<Outcome<{ id: string; memberName: string }>> {
  if (!can(actor, "update:training:chapter")) return forbidden();
  const checked = input.file ? checkDocument(input.file) : null;
  if (checked && "error" in checked) return invalid({ file: t(`trainings.file.error.${checked.error}`) });
  if (checked && !input.data.certificateNumber) return invalid({ certificateNumber: t("trainings.error.certificateNumberForFile") });
  const member = await db.member.findFirst({
    where: { id: memberId, chapterId: actor.chapterId },
    select: { id: true, fullName: true },
  });
  if (!member) return notFound();
  const { data } = input;
  return refusable(async () => {
    // The scan is written first and the training saved with it, or neither (uploads.server.ts).
    const file = checked ? planDocument("certificates", member.id, input.file!.bytes, checked.extension) : null;
    const fileName = file?.fileName ?? null;
    const saved = await saveWithFiles(file ? [file] : [], () =>
      db.$transaction(async (tx) => {
        const training = await tx.externalTraining.create({
          data: {
            memberId: member.id,
            title: data.title,
            kind: data.kind,
            organiser: data.organiser,
            startDate: date(data.startDate),
            endDate: date(data.endDate),
            hours: data.hours,
          },
          select: { id: true },
        });
        if (data.certificateNumber) {
          await assertNumberFree(tx, actor.chapterId, data.certificateNumber);
          await tx.certificate.create({
            data: {
              chapterId: actor.chapterId,
              memberId: member.id,
              externalTrainingId: training.id,
              title: data.title,
              number: data.certificateNumber,
              issuer: data.organiser,
              issuedOn: date(data.certificateIssuedOn!),
              expiresOn: optionalDate(data.certificateExpiresOn),
              ...(checked && fileName ? { file: fileName, fileType: checked.type } : {}),
            },
          });
        }
        await audit(tx, actor, "training.external.create", { type: "Member", id: member.id }, { after: { ...data, file: fileName } });
        return ok({ id: training.id, memberName: member.fullName });
      }),
    );
    if (isStorageFault(saved)) throw new Refused(invalid({ file: t("upload.storageFault") }));
    return saved;
  });
}

/** A certificate's scan, for the chapter's board or the member it belongs to; anyone else is told there is none. */
export async function readCertificateFile(
  actor: Actor,
  certificateId: string,
): Promise<Outcome<{ bytes: Buffer; type: string; name: string }>> {
  const board = can(actor, "read:training:chapter");
  if (!board && !(can(actor, "read:training:own") && actor.memberId)) return notFound();
  const certificate = await db.certificate.findFirst({
    where: { id: certificateId, chapterId: actor.chapterId, ...(board ? {} : { memberId: actor.memberId! }) },
    select: { number: true, file: true, fileType: true },
  });
  if (!certificate?.file || !certificate.fileType) return notFound();
  const bytes = await readDocument("certificates", certificate.file);
  if (!bytes) return notFound();
  return ok({ bytes, type: certificate.fileType, name: `Sertifikat ${certificate.number}.${certificate.file.split(".").pop()}` });
}

/** Whose certificates the expiry list follows: members still with the chapter (not those who left or died). */
const EXPIRY_MEMBER_STATUSES = ["aktif", "calon", "nonaktif"] as const;

/**
 * Certificates that have expired or expire within the window, counted from today in the
 * chapter's time zone: expired (expiresOn before today) and expiring (today .. today + window). For the board.
 */
export async function expiringCertificates(actor: Actor, now = new Date(), windowDays = EXPIRY_WINDOW_DAYS) {
  if (!can(actor, "read:training:chapter")) return forbidden();
  const today = calendarToday(actor.timeZone, now);
  const until = addDays(today, windowDays);
  const rows = await db.certificate.findMany({
    where: { chapterId: actor.chapterId, expiresOn: { not: null, lte: until }, member: { status: { in: [...EXPIRY_MEMBER_STATUSES] } } },
    select: {
      id: true,
      number: true,
      title: true,
      expiresOn: true,
      member: { select: { id: true, fullName: true, memberNumber: true, phone: true } },
    },
    orderBy: { expiresOn: "asc" },
  });
  const withDays = rows.map(({ member: { phone: _phone, ...member }, ...r }) => ({
    ...r,
    member,
    daysLeft: Math.round((r.expiresOn!.getTime() - today.getTime()) / 86_400_000),
  }));
  // one WhatsApp reminder per volunteer (docs/decisions/029), naming each of their certificates and its expiry
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: { name: true } });
  const byMember = new Map<string, { name: string; phone: string | null; lines: string[] }>();
  for (const r of rows) {
    const entry = byMember.get(r.member.id) ?? { name: r.member.fullName, phone: r.member.phone, lines: [] };
    const date = formatCalendarDateShort(r.expiresOn!);
    entry.lines.push(
      r.expiresOn! < today
        ? t("trainings.expiry.whatsapp.expired", { certificate: r.title, number: r.number, date })
        : t("trainings.expiry.whatsapp.expiring", { certificate: r.title, number: r.number, date }),
    );
    byMember.set(r.member.id, entry);
  }
  const reminders = [...byMember].map(([memberId, m]) => ({
    memberId,
    name: m.name,
    whatsappUrl: whatsappLink(
      m.phone,
      t("trainings.expiry.whatsapp.message", { name: m.name, certificates: m.lines.join("; "), chapter: chapter.name }),
    ),
  }));
  return ok({
    today,
    expired: withDays.filter((r) => r.daysLeft < 0),
    expiring: withDays.filter((r) => r.daysLeft >= 0),
    reminders,
  });
}

/** Counts of the chapter's expired and soon expiring certificates, for the dashboard and the trainings page. */
export async function expiryCounts(actor: Actor, now = new Date()) {
  const today = calendarToday(actor.timeZone, now);
  const chapterId = actor.chapterId;
  const member = { status: { in: [...EXPIRY_MEMBER_STATUSES] } };
  const [expired, expiring] = await Promise.all([
    db.certificate.count({ where: { chapterId, member, expiresOn: { lt: today } } }),
    db.certificate.count({ where: { chapterId, member, expiresOn: { gte: today, lte: addDays(today, EXPIRY_WINDOW_DAYS) } } }),
  ]);
  return { expired, expiring };
}
