// Renders member cards (KTA) to PDF. The QR codes are made here, before rendering, so that the
// document itself stays a plain function of its data.
import "./render.server"; // registers the Noto Sans font (must come before any rendering)
import { renderToBuffer } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { createElement } from "react";
import { MemberCardDocument, type MemberCardPdfCard, type MemberCardPdfChapter } from "./MemberCardDocument";
import { verifyUrl } from "./render.server";

export type MemberCardsPdfInput = {
  chapter: MemberCardPdfChapter;
  /** the portal's public address (PUBLIC_URL); each QR code points to <publicUrl>/verify/<code> */
  publicUrl: string;
  cards: (Omit<MemberCardPdfCard, "qr"> & { code: string })[];
};

/** A PNG data URL of the QR code for a card's verification address. */
async function cardQrDataUrl(publicUrl: string, code: string): Promise<string> {
  return QRCode.toDataURL(verifyUrl(publicUrl, code), { errorCorrectionLevel: "M", margin: 1, width: 300 });
}

/** Member cards, five to an A4 page, each with a QR code to /verify/<code> on its back. */
export async function renderMemberCardsPdf(input: MemberCardsPdfInput): Promise<Buffer> {
  const cards = await Promise.all(
    input.cards.map(async ({ code, ...card }) => ({ ...card, qr: await cardQrDataUrl(input.publicUrl, code) })),
  );
  return renderToBuffer(createElement(MemberCardDocument, { data: { chapter: input.chapter, cards } }) as never);
}
