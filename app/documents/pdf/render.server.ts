import { createRequire } from "node:module";
import { Font, renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { BoardStructureDocument, type BoardStructurePdfData } from "./BoardStructureDocument";
import type { ContributionReportPdfData } from "./contribution-report-data";
import {
  CONTRIBUTION_REPORT_SECTIONS,
  ContributionReportDocument,
  LONG_SECTIONS,
  LONG_TABLES,
  PAGED_TABLE_MIN_ROWS,
  pagePaddingBottom,
  reportSegments,
  SECTION_HEADING_ROOM,
  type ContributionReportSection,
  type PagedSections,
} from "./ContributionReportDocument";
import { layoutPagedTable, loadTextMeasure } from "./paged-table";
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
const CONTRIBUTION_REPORT_TOC_MIN_PAGES = 4;

/** A4 in points, and the page's side and top padding (styles.ts). */
const A4 = { width: 595.28, height: 841.89 };
const PAGE_PADDING = { top: 32, sides: 40 };
/** The long tables' type: one line of 9-point text every 14 points. */
const LONG_TABLE_FONT = { size: 9, lineHeight: 14 };

/** Lays out in pages the long tables that have more rows than the flow takes cheaply. */
async function layoutLongTables(data: ContributionReportPdfData): Promise<PagedSections> {
  const long = LONG_SECTIONS.map((section) => [section, LONG_TABLES[section](data.figures)] as const).filter(
    ([, table]) => table.rows.length > PAGED_TABLE_MIN_ROWS,
  );
  if (!long.length) return {};
  const measure = await loadTextMeasure();
  const room = A4.height - PAGE_PADDING.top - pagePaddingBottom(data);
  return Object.fromEntries(
    long.map(([section, table]) => [
      section,
      layoutPagedTable({
        ...table,
        width: A4.width - 2 * PAGE_PADDING.sides,
        fontSize: LONG_TABLE_FONT.size,
        lineHeight: LONG_TABLE_FONT.lineHeight,
        firstRoom: room - SECTION_HEADING_ROOM,
        room,
        measure,
      }),
    ]),
  );
}

/**
 * The contribution report (cover letter and attachment). react-pdf knows page numbers only while
 * laying out, and the table of contents needs them before. So the long tables are laid out in
 * pages first (their page counts are known), then the flowing sections alone are rendered once
 * with the table of contents' page column left open ("…", the same room as the numbers), noting
 * the page each heading and each flowing segment lands on. From these the final pages follow;
 * the final rendering checks them, and in the unexpected case that a page came out otherwise,
 * renders once more with the pages it found.
 */
export async function renderContributionReportPdf(data: ContributionReportPdfData): Promise<Buffer> {
  const paged = await layoutLongTables(data);
  const segments = reportSegments(paged);

  const flowPages: Partial<Record<ContributionReportSection, number>> = {};
  const segmentStarts: number[] = [];
  let flowTotal = 0;
  await renderToBuffer(
    createElement(ContributionReportDocument, {
      data,
      toc: "pending",
      paged,
      flowOnly: true,
      onSectionPage: (section, pageNumber, total) => {
        flowPages[section] = pageNumber;
        flowTotal = total;
      },
      onSegmentPage: (segment, pageNumber) => {
        segmentStarts[segment] = pageNumber;
      },
    }) as never,
  );

  // Where each section lands once the paged tables are in: flowing segments keep their page
  // counts, shifted by the paged pages before them.
  const planned: Partial<Record<ContributionReportSection, number>> = {};
  let next = segmentStarts[0] ?? 2;
  segments.forEach((segment, k) => {
    if (segment.kind === "paged") {
      planned[segment.section] = next;
      next += paged[segment.section]!.pages.length;
      return;
    }
    const start = segmentStarts[k]!;
    const following = segmentStarts.slice(k + 1).find((page) => page !== undefined) ?? flowTotal + 1;
    for (const section of segment.sections) planned[section] = flowPages[section]! - start + next;
    next += following - start;
  });
  const totalPages = next - 1;
  if (totalPages < CONTRIBUTION_REPORT_TOC_MIN_PAGES)
    return renderToBuffer(createElement(ContributionReportDocument, { data, toc: null, paged }) as never);

  const found: Partial<Record<ContributionReportSection, number>> = {};
  const pdf = await renderToBuffer(
    createElement(ContributionReportDocument, {
      data,
      toc: { pages: planned },
      paged,
      onSectionPage: (section, pageNumber) => void (found[section] = pageNumber),
    }) as never,
  );
  if (CONTRIBUTION_REPORT_SECTIONS.every((section) => found[section] === planned[section])) return pdf;
  return renderToBuffer(createElement(ContributionReportDocument, { data, toc: { pages: found }, paged }) as never);
}

/** The certificate of service of one volunteer (Surat Keterangan Relawan PSM): one A4 page. */
export async function renderServiceCertificatePdf(data: ServiceCertificatePdfData): Promise<Buffer> {
  return renderToBuffer(createElement(ServiceCertificateDocument, { data }) as never);
}
