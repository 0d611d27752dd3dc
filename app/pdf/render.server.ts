import { createRequire } from "node:module";
import { Font, renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { BoardStructureDocument, type BoardStructurePdfData } from "./BoardStructureDocument";
import type { ContributionReportPdfData } from "./contribution-report-data";
import { ContributionReportDocument, type ContributionReportSection } from "./ContributionReportDocument";
import { MemberListDocument, type MemberListPdfData } from "./MemberListDocument";
import { ProgrammeReportDocument, type ProgrammeReportPdfData } from "./ProgrammeReportDocument";
import { ServiceCertificateDocument, type ServiceCertificatePdfData } from "./ServiceCertificateDocument";
import { TrainingRecordDocument, type TrainingRecordPdfData } from "./TrainingRecordDocument";
import { PDF_FONT } from "./styles";

// react-pdf needs TTF (it cannot read WOFF2). Noto Sans covers Indonesian and its diacritics.
const require = createRequire(import.meta.url);
Font.register({
  family: PDF_FONT,
  fonts: [
    { src: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"), fontWeight: 400 },
    { src: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"), fontWeight: 700 },
  ],
});
// Indonesian words are long; never break them with hyphens the reader did not write.
Font.registerHyphenationCallback((word) => [word]);

export function pdfResponse(body: Buffer, filename: string) {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

export async function renderMemberListPdf(data: MemberListPdfData): Promise<Buffer> {
  return renderToBuffer(createElement(MemberListDocument, { data }) as never);
}

/** The public address a card's or report's QR code points to. */
export function verifyUrl(publicUrl: string, code: string) {
  return `${publicUrl.replace(/\/+$/, "")}/verify/${encodeURIComponent(code)}`;
}

export async function renderBoardStructurePdf(data: BoardStructurePdfData): Promise<Buffer> {
  return renderToBuffer(createElement(BoardStructureDocument, { data }) as never);
}

export async function renderTrainingRecordPdf(data: TrainingRecordPdfData): Promise<Buffer> {
  return renderToBuffer(createElement(TrainingRecordDocument, { data }) as never);
}

export async function renderProgrammeReportPdf(data: ProgrammeReportPdfData): Promise<Buffer> {
  return renderToBuffer(createElement(ProgrammeReportDocument, { data }) as never);
}

/** A contribution report of this many pages or more (more than 3) opens its attachment with a table of contents. */
export const CONTRIBUTION_REPORT_TOC_MIN_PAGES = 4;

/**
 * The contribution report (cover letter and attachment). react-pdf knows page numbers only while
 * laying out, so the report is rendered twice: first with the table of contents' page column
 * left open ("…", the same room as the numbers), noting the page each section heading lands on;
 * then with those pages filled in — or, when the report is short, without a table of contents.
 */
export async function renderContributionReportPdf(data: ContributionReportPdfData): Promise<Buffer> {
  const pages: Partial<Record<ContributionReportSection, number>> = {};
  let totalPages = 0;
  await renderToBuffer(
    createElement(ContributionReportDocument, {
      data,
      toc: "pending",
      onSectionPage: (section, pageNumber, total) => {
        pages[section] = pageNumber;
        totalPages = total;
      },
    }) as never,
  );
  const toc = totalPages >= CONTRIBUTION_REPORT_TOC_MIN_PAGES ? { pages } : null;
  return renderToBuffer(createElement(ContributionReportDocument, { data, toc }) as never);
}

/** The certificate of service of one volunteer (Surat Keterangan Relawan PSM): one A4 page. */
export async function renderServiceCertificatePdf(data: ServiceCertificatePdfData): Promise<Buffer> {
  return renderToBuffer(createElement(ServiceCertificateDocument, { data }) as never);
}
