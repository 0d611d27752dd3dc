// The chapter's audit log as a spreadsheet: a summary sheet (chapter, period, filters, count) and
// one row per record, newest first. The rows come as an async iterable and are written as they
// arrive (the kit's streaming writer): an export may hold 50,000 records. NIK and KK are masked
// before they reach this module.
import { t } from "~/i18n/index";
import { formatCalendarDateShort, formatDateShort, formatTime, zoneAbbreviation } from "~/utils/format";
import { streamingWorkbook, type XlsxColumn, type XlsxFact } from "./kit";

export type AuditLogSummary = {
  chapterName: string;
  /** the filter's days, calendar dates "YYYY-MM-DD" (null: open) */
  from: string | null;
  to: string | null;
  /** the filters in words ("Pengguna: Ketua; Tindakan: ...") */
  filters: string;
  /** the records that match the filters */
  count: number;
  /** set when more records matched than the export writes: the rows stop at this many */
  cutAt: number | null;
  printedAt: Date;
  /** the chapter's IANA time zone: moments are shown in it */
  timeZone: string;
};

export type AuditLogRow = {
  /** the moment as shown on the page ("20/01/2026 14.30", the chapter's time zone) */
  atText: string;
  actorName: string;
  actionLabel: string;
  entityLabel: string;
  /** the member the record is about, "Name (number)", if any */
  entityName: string | null;
  entityId: string;
  /** the changed fields in words ("Alamat: Jl. A → Jl. B; Status: Aktif") */
  changes: string;
};

function period(from: string | null, to: string | null): string {
  const day = (value: string | null) => (value ? formatCalendarDateShort(`${value}T00:00:00Z`) : "…");
  return `${day(from)} – ${day(to)}`;
}

/** The workbook's bytes; `rows` is read to its end. */
export async function auditLogXlsx(summary: AuditLogSummary, rows: AsyncIterable<AuditLogRow>): Promise<Buffer> {
  const tz = summary.timeZone;
  const book = streamingWorkbook();
  const facts: XlsxFact[] = [
    [t("audit.export.chapter"), summary.chapterName],
    [t("audit.export.period"), period(summary.from, summary.to)],
    [t("audit.export.filters"), summary.filters],
    [t("audit.export.count"), summary.count],
    [t("audit.export.printedAt"), `${formatDateShort(summary.printedAt, tz)} ${formatTime(summary.printedAt, tz)} ${zoneAbbreviation(tz)}`],
    [t("audit.export.masked"), ""],
    ...(summary.cutAt !== null ? [[t("audit.export.cut", { max: summary.cutAt }), ""] as const] : []),
  ];
  book.facts(t("audit.export.summarySheet"), facts, [24, 70]);

  const columns: XlsxColumn[] = [
    { header: t("audit.export.time", { zone: zoneAbbreviation(tz) }), width: 17 },
    { header: t("audit.col.actor"), width: 26 },
    { header: t("audit.col.action"), width: 30 },
    { header: t("audit.col.entity"), width: 22 },
    { header: t("audit.filter.member"), width: 30 },
    { header: t("audit.export.entityId"), width: 28 },
    { header: t("audit.col.changes"), width: 80 },
  ];
  const sheet = book.table(t("audit.export.sheet"), columns);
  for await (const row of rows) {
    sheet.add([row.atText, row.actorName, row.actionLabel, row.entityLabel, row.entityName ?? "", row.entityId, row.changes]);
  }
  sheet.done();
  return book.bytes();
}
