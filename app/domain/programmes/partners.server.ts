// CSR partners: companies and institutions that fund programmes, their contact people and their
// agreements (MoU / PKS with number, dates and a scan). Only the board sees partners; every
// change is audited. An agreement is in force from its start to its end date inclusive.
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { isStorageFault, saveWithFiles } from "~/utils/uploads.server";
import { calendarDateOf } from "~/validation/fields";
import type { AgreementData, ContactData, PartnerData } from "~/validation/programmes";
import { checkDocument, planDocument, readDocument, type DocumentUpload } from "~/domain/shared/scans.server";
import type { FieldErrors } from "~/domain/shared/legacy-outcome.server";

type Actor = { userId: string; chapterId: string };

/** The chapter's partners with their number of programmes and latest agreement's end. */
export async function listPartners(chapterId: string) {
  const rows = await db.partner.findMany({
    where: { chapterId },
    select: {
      id: true,
      name: true,
      kind: true,
      sector: true,
      status: true,
      _count: { select: { programmes: true, contacts: true } },
      agreements: { select: { number: true, kind: true, startDate: true, endDate: true }, orderBy: { endDate: "desc" }, take: 1 },
    },
    orderBy: [{ status: "asc" }, { name: "asc" }],
  });
  return rows.map(({ agreements, ...r }) => ({ ...r, latestAgreement: agreements[0] ?? null }));
}

export async function getPartner(chapterId: string, partnerId: string) {
  return db.partner.findFirst({
    where: { id: partnerId, chapterId },
    select: {
      id: true,
      name: true,
      kind: true,
      sector: true,
      address: true,
      status: true,
      notes: true,
      contacts: { select: { id: true, name: true, position: true, phone: true, email: true }, orderBy: { name: "asc" } },
      agreements: {
        select: { id: true, kind: true, number: true, signedOn: true, startDate: true, endDate: true, file: true },
        orderBy: { startDate: "desc" },
      },
      programmes: { select: { committed: true, programme: { select: { id: true, name: true, startDate: true, endDate: true } } } },
    },
  });
}
export type PartnerDetail = NonNullable<Awaited<ReturnType<typeof getPartner>>>;

type PartnerOutcome = { ok: true; id: string } | { ok: false; fieldErrors: FieldErrors } | { ok: false; notFound: true };

export async function savePartner(actor: Actor, data: PartnerData, partnerId?: string): Promise<PartnerOutcome> {
  return db.$transaction(async (tx) => {
    const before = partnerId ? await tx.partner.findFirst({ where: { id: partnerId, chapterId: actor.chapterId } }) : null;
    if (partnerId && !before) return { ok: false as const, notFound: true as const };
    // Names are compared without regard to capitals ("pt borneo" is "PT Borneo").
    const others = await tx.partner.findMany({
      where: { chapterId: actor.chapterId, ...(partnerId ? { id: { not: partnerId } } : {}) },
      select: { name: true },
    });
    const duplicate = others.some((o) => o.name.toLocaleLowerCase("id") === data.name.toLocaleLowerCase("id"));
    if (duplicate) return { ok: false as const, fieldErrors: { name: t("programmes.error.partnerTaken") } };
    const saved = partnerId
      ? await tx.partner.update({ where: { id: partnerId }, data, select: { id: true } })
      : await tx.partner.create({ data: { chapterId: actor.chapterId, ...data }, select: { id: true } });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: partnerId ? "partner.update" : "partner.create",
        entityType: "Partner",
        entityId: saved.id,
        before: before ?? undefined,
        after: data,
      },
      tx,
    );
    return { ok: true as const, id: saved.id };
  });
}

export async function addContact(actor: Actor, partnerId: string, data: ContactData) {
  return db.$transaction(async (tx) => {
    const partner = await tx.partner.findFirst({ where: { id: partnerId, chapterId: actor.chapterId }, select: { id: true } });
    if (!partner) return null;
    const contact = await tx.partnerContact.create({ data: { partnerId, ...data }, select: { id: true } });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "partner.contact.add",
        entityType: "Partner",
        entityId: partnerId,
        after: { name: data.name, position: data.position },
      },
      tx,
    );
    return contact.id;
  });
}

export async function removeContact(actor: Actor, partnerId: string, contactId: string) {
  return db.$transaction(async (tx) => {
    const contact = await tx.partnerContact.findFirst({
      where: { id: contactId, partnerId, partner: { chapterId: actor.chapterId } },
      select: { id: true, name: true },
    });
    if (!contact) return false;
    await tx.partnerContact.delete({ where: { id: contact.id } });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "partner.contact.remove",
        entityType: "Partner",
        entityId: partnerId,
        before: { name: contact.name },
      },
      tx,
    );
    return true;
  });
}

/** Records an agreement of a partner, with its scan when given (PDF, JPEG or PNG checked by content). */
export async function addAgreement(
  actor: Actor,
  partnerId: string,
  data: AgreementData,
  scan: DocumentUpload | null,
): Promise<PartnerOutcome> {
  const checked = scan ? checkDocument(scan) : null;
  if (checked && "error" in checked) return { ok: false, fieldErrors: { file: t(`programmes.error.receipt.${checked.error}`) } };
  const partner = await db.partner.findFirst({ where: { id: partnerId, chapterId: actor.chapterId }, select: { id: true } });
  if (!partner) return { ok: false, notFound: true };
  const duplicate = await db.partnerAgreement.findFirst({ where: { partnerId, number: data.number }, select: { id: true } });
  if (duplicate) return { ok: false, fieldErrors: { number: t("programmes.error.agreementTaken") } };
  const file = checked && scan && !("error" in checked) ? planDocument("agreements", partnerId, scan.bytes, checked.extension) : null;
  const fileName = file?.fileName ?? null;
  const saved = await saveWithFiles(file ? [file] : [], () =>
    db.$transaction(async (tx) => {
      const agreement = await tx.partnerAgreement.create({
        data: {
          partnerId,
          kind: data.kind,
          number: data.number,
          signedOn: calendarDateOf(data.signedOn),
          startDate: calendarDateOf(data.startDate),
          endDate: calendarDateOf(data.endDate),
          file: fileName,
          fileType: checked && !("error" in checked) ? checked.type : null,
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: actor.userId,
          chapterId: actor.chapterId,
          action: "partner.agreement.add",
          entityType: "Partner",
          entityId: partnerId,
          after: { ...data, scan: Boolean(fileName) },
        },
        tx,
      );
      return { ok: true as const, id: agreement.id };
    }),
  );
  if (isStorageFault(saved)) return { ok: false, fieldErrors: { file: t("upload.storageFault") } };
  return saved;
}

export async function readAgreementScan(chapterId: string, partnerId: string, agreementId: string) {
  const agreement = await db.partnerAgreement.findFirst({
    where: { id: agreementId, partnerId, partner: { chapterId } },
    select: { number: true, file: true, fileType: true },
  });
  if (!agreement?.file || !agreement.fileType) return null;
  const bytes = await readDocument("agreements", agreement.file);
  return bytes
    ? { bytes, type: agreement.fileType, name: `${agreement.number.replace(/[^\w.-]+/g, "-")}.${agreement.file.split(".").pop()}` }
    : null;
}

/** Whether an agreement is in force on a day (start and end inclusive). */
export function agreementInForce(agreement: { startDate: Date; endDate: Date }, day: Date) {
  return agreement.startDate <= day && day <= agreement.endDate;
}

/** "berlaku" | "berakhir" | "belum berlaku" for an agreement today in the chapter's time zone. */
export function agreementState(agreement: { startDate: Date; endDate: Date }, timeZone: string, now = new Date()) {
  const today = calendarToday(timeZone, now);
  if (today > agreement.endDate) return "berakhir" as const;
  if (today < agreement.startDate) return "belum" as const;
  return "berlaku" as const;
}
