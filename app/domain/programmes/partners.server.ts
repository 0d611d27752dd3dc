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
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";

/** Partners are the board's: those who read all programmes see them, those who record programmes change them. */
const readsPartners = (actor: Actor) => can(actor, "read:programme:chapter");
const managesPartners = (actor: Actor) => can(actor, "update:programme:chapter");

/** The chapter's partners with their number of programmes and latest agreement (and its state today), for the board. */
export async function listPartners(actor: Actor, now = new Date()) {
  if (!readsPartners(actor)) return forbidden();
  const rows = await db.partner.findMany({
    where: { chapterId: actor.chapterId },
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
  const partners = rows.map(({ agreements, ...r }) => {
    const latestAgreement = agreements[0] ?? null;
    return { ...r, latestAgreement, agreementState: latestAgreement ? agreementState(latestAgreement, actor.timeZone, now) : null };
  });
  return ok({ partners, canEdit: managesPartners(actor) });
}

/** A partner with its contact people, agreements (and their state today) and programmes, for the board. */
export async function getPartner(actor: Actor, partnerId: string, now = new Date()) {
  if (!readsPartners(actor)) return forbidden();
  const partner = await db.partner.findFirst({
    where: { id: partnerId, chapterId: actor.chapterId },
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
  if (!partner) return notFound();
  return ok({
    partner: {
      ...partner,
      agreements: partner.agreements.map(({ file, ...a }) => ({
        ...a,
        hasScan: Boolean(file),
        state: agreementState(a, actor.timeZone, now),
      })),
    },
    canEdit: managesPartners(actor),
  });
}

/** Records a new partner, or changes one (names are unique in the chapter, whatever the capitals). */
export async function savePartner(actor: Actor, data: PartnerData, partnerId?: string): Promise<Outcome<{ id: string }>> {
  if (!managesPartners(actor)) return forbidden(t("programmes.error.forbidden"));
  return db.$transaction(async (tx) => {
    const before = partnerId ? await tx.partner.findFirst({ where: { id: partnerId, chapterId: actor.chapterId } }) : null;
    if (partnerId && !before) return notFound();
    // Names are compared without regard to capitals ("pt borneo" is "PT Borneo").
    const others = await tx.partner.findMany({
      where: { chapterId: actor.chapterId, ...(partnerId ? { id: { not: partnerId } } : {}) },
      select: { name: true },
    });
    const duplicate = others.some((o) => o.name.toLocaleLowerCase("id") === data.name.toLocaleLowerCase("id"));
    if (duplicate) return invalid({ name: t("programmes.error.partnerTaken") });
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
    return ok({ id: saved.id });
  });
}

/** Adds a contact person to a partner. */
export async function addContact(actor: Actor, partnerId: string, data: ContactData): Promise<Outcome<{ id: string }>> {
  if (!managesPartners(actor)) return forbidden(t("programmes.error.forbidden"));
  return db.$transaction(async (tx) => {
    const partner = await tx.partner.findFirst({ where: { id: partnerId, chapterId: actor.chapterId }, select: { id: true } });
    if (!partner) return notFound();
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
    return ok({ id: contact.id });
  });
}

/** Removes a contact person of a partner. */
export async function removeContact(actor: Actor, partnerId: string, contactId: string): Promise<Outcome> {
  if (!managesPartners(actor)) return forbidden(t("programmes.error.forbidden"));
  return db.$transaction(async (tx) => {
    const contact = await tx.partnerContact.findFirst({
      where: { id: contactId, partnerId, partner: { chapterId: actor.chapterId } },
      select: { id: true, name: true },
    });
    if (!contact) return notFound();
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
    return ok();
  });
}

/** Records an agreement of a partner, with its scan when given (PDF, JPEG or PNG checked by content). */
export async function addAgreement(
  actor: Actor,
  partnerId: string,
  data: AgreementData,
  scan: DocumentUpload | null,
): Promise<Outcome<{ id: string }>> {
  if (!managesPartners(actor)) return forbidden(t("programmes.error.forbidden"));
  const checked = scan ? checkDocument(scan) : null;
  if (checked && "error" in checked) return invalid({ file: t(`programmes.error.receipt.${checked.error}`) });
  const partner = await db.partner.findFirst({ where: { id: partnerId, chapterId: actor.chapterId }, select: { id: true } });
  if (!partner) return notFound();
  const duplicate = await db.partnerAgreement.findFirst({ where: { partnerId, number: data.number }, select: { id: true } });
  if (duplicate) return invalid({ number: t("programmes.error.agreementTaken") });
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
      return ok({ id: agreement.id });
    }),
  );
  if (isStorageFault(saved)) return invalid({ file: t("upload.storageFault") });
  return saved;
}

/** An agreement's scan, for the board. */
export async function readAgreementScan(
  actor: Actor,
  partnerId: string,
  agreementId: string,
): Promise<Outcome<{ bytes: Buffer; type: string; name: string }>> {
  if (!readsPartners(actor)) return forbidden();
  const agreement = await db.partnerAgreement.findFirst({
    where: { id: agreementId, partnerId, partner: { chapterId: actor.chapterId } },
    select: { number: true, file: true, fileType: true },
  });
  if (!agreement?.file || !agreement.fileType) return notFound();
  const bytes = await readDocument("agreements", agreement.file);
  return bytes
    ? ok({ bytes, type: agreement.fileType, name: `${agreement.number.replace(/[^\w.-]+/g, "-")}.${agreement.file.split(".").pop()}` })
    : notFound();
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
