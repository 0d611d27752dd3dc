// WhatsApp links (docs/decisions/029): the portal has no WhatsApp account, so where a person acts
// for someone else it gives a ready https://wa.me/<number>?text=<message> link that opens their
// own WhatsApp with the message filled in.
import { normalizePhone } from "./members";

/**
 * The number as wa.me wants it (country code, digits only: "6281234567890") from any common way of
 * writing an Indonesian mobile number ("0812-3456-7890", "+62 812 3456 7890", "62812..."); null when
 * it is not one.
 */
export function whatsappNumber(phone: string | null | undefined): string | null {
  const e164 = phone ? normalizePhone(phone) : null;
  return e164 ? e164.slice(1) : null;
}

/** A wa.me link carrying the message, or null when the phone is not an Indonesian mobile number. */
export function whatsappLink(phone: string | null | undefined, message: string): string | null {
  const number = whatsappNumber(phone);
  return number ? `https://wa.me/${number}?text=${encodeURIComponent(message)}` : null;
}
