import { createRequire } from "node:module";
import { Font, renderToBuffer } from "@react-pdf/renderer";
import { PDFDocument } from "pdf-lib";
import { createElement } from "react";
import { t } from "~/i18n/index";
import { BoardStructureDocument, type BoardStructurePdfData } from "./BoardStructureDocument";
import type { ContributionReportPdfData } from "./contribution-report-data";
import {
  ContributionReportDocument,
  ContributionReportTablePages,
  LONG_SECTIONS,
  LONG_TABLES,
  PAGED_TABLE_MIN_ROWS,
  pagePaddingBottom,
  reportSegments,
  SECTION_HEADING_ROOM,
  type ContributionReportSection,
  type ContributionReportToc,
  type PageNumbering,
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

/** The pages of a long table rendered as one part (react-pdf's memory grows with a document's pages). */
const TABLE_PAGES_PER_PART = 40;

/**
 * The contribution report (cover letter and attachment), rendered in parts and joined with
 * pdf-lib (docs/decisions/032). The long tables are laid out in pages first, so their page
 * counts are known. The flowing sections (cover letter, the short sections, the signatures) are
 * one react-pdf document: its page numbers, "Halaman x dari y" and the table of contents are
 * resolved by react-pdf after it has paginated, from the pages its own headings landed on and the
 * paged tables' known page counts. Each long table is then rendered in parts of at most
 * TABLE_PAGES_PER_PART pages, one after the other, each told its first page number and the
 * report's page count; its pages are copied into the report and its tree dropped, so memory is
 * bounded by a part, not by the number of rows.
 */
export async function renderContributionReportPdf(data: ContributionReportPdfData): Promise<Buffer> {
  const paged = await layoutLongTables(data);
  const segments = reportSegments(paged);
  const pagedCounts = segments.map((segment) => (segment.kind === "paged" ? paged[segment.section]!.pages.length : 0));
  const pagedTotal = pagedCounts.reduce((sum, n) => sum + n, 0);

  // Where the flowing segments and the headings land in the flowing part (react-pdf's last call is
  // the right page: it calls again as content moves on, and once more with the page count).
  const segmentStarts: number[] = [];
  const sectionPages: Partial<Record<ContributionReportSection, number>> = {};
  /** The flowing part's page before which paged segment k comes. */
  const pagedAt = (k: number, flowTotal: number) => {
    for (let j = k + 1; j < segments.length; j++) if (segments[j]!.kind === "flow") return segmentStarts[j]!;
    return flowTotal + 1;
  };
  /** The report's page number of the flowing part's page `flowPage`, and of paged segment k's first page. */
  const reportPage = (flowPage: number, flowTotal: number) =>
    flowPage +
    segments.reduce((shift, _, k) => shift + (pagedCounts[k]! > 0 && pagedAt(k, flowTotal) <= flowPage ? pagedCounts[k]! : 0), 0);
  const pagedStart = (k: number, flowTotal: number) =>
    pagedAt(k, flowTotal) + segments.slice(0, k).reduce((shift, _, i) => shift + pagedCounts[i]!, 0);
  const numbering: PageNumbering = (pageNumber, totalPages) => ({
    page: reportPage(pageNumber, totalPages),
    pages: totalPages + pagedTotal,
  });
  const resolve = (section: ContributionReportSection, flowTotal: number) => {
    const k = segments.findIndex((segment) => segment.kind === "paged" && segment.section === section);
    if (k >= 0) return pagedStart(k, flowTotal);
    const page = sectionPages[section];
    return page === undefined ? undefined : reportPage(page, flowTotal);
  };
  let flowTotal = 0;
  const renderFlow = (toc: ContributionReportToc | null) =>
    renderToBuffer(
      createElement(ContributionReportDocument, {
        data,
        toc,
        paged,
        flowOnly: true,
        numbering,
        onSectionPage: (section, pageNumber, totalPages) => {
          sectionPages[section] = pageNumber;
          if (totalPages) flowTotal = totalPages;
        },
        onSegmentPage: (segment, pageNumber) => void (segmentStarts[segment] = pageNumber),
      }) as never,
    );

  let flow = await renderFlow({ resolve });
  // a short report has no table of contents (rendered again without it: a few pages)
  if (flowTotal + pagedTotal < CONTRIBUTION_REPORT_TOC_MIN_PAGES) flow = await renderFlow(null);
  if (!pagedTotal) return flow;

  const report = await PDFDocument.create();
  report.setTitle(t("reports.pdf.title", { period: data.periodLabel }));
  report.setAuthor(data.letterhead.name);
  report.setLanguage("id");
  report.setProducer("react-pdf");
  report.setCreator("react-pdf");
  const flowPart = await PDFDocument.load(flow);
  const copyAll = async (part: PDFDocument, indices: number[]) => {
    for (const page of await report.copyPages(part, indices)) report.addPage(page);
  };
  const totalPages = flowTotal + pagedTotal;
  for (const [k, segment] of segments.entries()) {
    if (segment.kind === "flow") {
      // the cover letter goes with the first flowing segment
      const from = k === 0 ? 1 : segmentStarts[k]!;
      const to = pagedAt(k, flowTotal);
      await copyAll(
        flowPart,
        Array.from({ length: to - from }, (_, i) => from - 1 + i),
      );
      continue;
    }
    const layout = paged[segment.section]!;
    const firstPage = pagedStart(k, flowTotal);
    for (let from = 0; from < layout.pages.length; from += TABLE_PAGES_PER_PART) {
      const to = Math.min(from + TABLE_PAGES_PER_PART, layout.pages.length);
      const bytes = await renderToBuffer(
        createElement(ContributionReportTablePages, {
          data,
          section: segment.section,
          layout,
          from,
          to,
          firstPage: firstPage + from,
          totalPages,
        }) as never,
      );
      const part = await PDFDocument.load(bytes);
      await copyAll(part, part.getPageIndices());
    }
  }
  return Buffer.from(await report.save());
}

/** The certificate of service of one volunteer (Surat Keterangan Relawan PSM): one A4 page. */
export async function renderServiceCertificatePdf(data: ServiceCertificatePdfData): Promise<Buffer> {
  return renderToBuffer(createElement(ServiceCertificateDocument, { data }) as never);
}
