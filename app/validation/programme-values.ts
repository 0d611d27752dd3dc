// Programme codes and limits, without zod: the programme, partner and money forms show them before
// anything is typed (docs/decisions/028). app/validation/programmes.ts re-exports them.
import { AgreementKind, MoneyKind, PartnerKind, PartnerStatus } from "~/generated/prisma/enums";

export const PARTNER_KINDS = Object.values(PartnerKind);

export const PARTNER_STATUSES = Object.values(PartnerStatus);

export const AGREEMENT_KINDS = Object.values(AgreementKind);

export const MONEY_KINDS = Object.values(MoneyKind);

export const MAX_PROGRAMME_PARTNERS = 5;

export const MAX_REPORT_PHOTOS = 6;

/** "MoU" or "PKS", as the documents write them. */
export function agreementKindLabel(kind: AgreementKind): string {
  return kind === "mou" ? "MoU" : kind.toUpperCase();
}
