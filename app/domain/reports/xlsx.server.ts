// The contribution report (Laporan Kontribusi Relawan PSM) as a spreadsheet (.xlsx), with the
// same figures as the PDF's attachment, one sheet per table: the letter's facts and the summary,
// activities by type, people by PPKS category, aid by funding source, category x kecamatan,
// category x kelurahan, volunteers, trainings, programmes, follow-ups and hours by month. Numbers
// stay numbers and dates stay dates, so the Dinas Sosial's staff can sum and sort; header rows are
// bold and frozen. No resident data: people are counted by category, sex and place.
import ExcelJS from "exceljs";
import { t, type MessageKey } from "~/i18n/index";
import type { ContributionReportPdfData } from "~/documents/pdf/contribution-report-data";
import { formatDateLong, formatMonth } from "~/utils/format";
import { reportHours } from "~/utils/report-hours";

const RUPIAH = "#,##0";
const COUNT = "#,##0";
const HOURS = "#,##0.0";
const DATE = "dd/mm/yyyy";
const PERCENT = "0.0%";

type Column = { header: string; width: number; numFmt?: string };
type Value = string | number | Date | null;

const label = (key: MessageKey) => t(key);
const rupiahHeader = (key: MessageKey) => t("reports.xlsx.column.rupiah", { label: t(key) });

/** A sheet with a bold, frozen header row and one row per item; numFmt applies to a column's data cells. */
function addTable(workbook: ExcelJS.Workbook, name: MessageKey, columns: Column[], rows: Value[][]) {
  const sheet = workbook.addWorksheet(t(name), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow(row);
    columns.forEach((c, i) => {
      if (c.numFmt) added.getCell(i + 1).numFmt = c.numFmt;
    });
  }
  return sheet;
}

/** "2026-03-01" (a calendar date of the figures) as the Date Excel shows as 01/03/2026. */
const calendarDate = (isoDay: string) => new Date(`${isoDay.slice(0, 10)}T00:00:00.000Z`);

/** The day a moment falls on in the chapter's time zone, as a calendar date (UTC midnight). */
function dayIn(date: Date, timeZone: string) {
  const day = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(date);
  return calendarDate(day);
}

/** The contribution report's figures as a workbook of eleven sheets. */
export async function contributionReportXlsx(data: ContributionReportPdfData): Promise<Buffer> {
  const { figures } = data;
  const timeZone = data.letterhead.timeZone || "Asia/Jakarta";
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Portal IPSM";
  workbook.title = t("reports.pdf.title", { period: data.periodLabel });

  const summary: [string, Value, string?][] = [
    [label("reports.xlsx.field.number"), data.number ?? t("reports.xlsx.field.numberPending")],
    [label("reports.xlsx.field.letterDate"), dayIn(data.date, timeZone), DATE],
    [label("reports.xlsx.field.period"), data.periodLabel],
    [label("reports.xlsx.field.start"), calendarDate(figures.period.start), DATE],
    [label("reports.xlsx.field.end"), calendarDate(figures.period.end), DATE],
    [label("reports.xlsx.field.chapters"), figures.chapters.map((c) => c.name).join(", ")],
    [label("reports.xlsx.field.addressee"), `${data.addressee} ${data.addresseePlace}`.trim()],
    [label("reports.xlsx.field.status"), t(data.draft ? "reports.xlsx.field.statusDraft" : "reports.xlsx.field.statusSubmitted")],
  ];
  if (data.supersedes) {
    summary.push([
      label("reports.xlsx.field.supersedes"),
      t("reports.xlsx.field.supersedesValue", { number: data.supersedes.number, date: formatDateLong(data.supersedes.date, timeZone) }),
    ]);
  }
  if (data.verification) {
    summary.push(
      [label("reports.xlsx.field.verifyUrl"), data.verification.url],
      [label("reports.xlsx.field.contentHash"), data.verification.contentHash],
    );
  }
  summary.push(
    [label("reports.pdf.summary.activeMembers"), figures.members.active, COUNT],
    [label("reports.pdf.summary.volunteersActive"), figures.volunteersActive, COUNT],
    [label("reports.pdf.summary.hoursTotal"), reportHours(figures.hours.total), HOURS],
    [label("reports.pdf.summary.hoursField"), reportHours(figures.hours.field), HOURS],
    [label("reports.pdf.summary.hoursTraining"), reportHours(figures.hours.training), HOURS],
    [label("reports.pdf.summary.activities"), figures.activities.count, COUNT],
    [label("reports.pdf.summary.people"), figures.people.total, COUNT],
    [label("reports.pdf.summary.peopleMale"), figures.people.male, COUNT],
    [label("reports.pdf.summary.peopleFemale"), figures.people.female, COUNT],
    [label("reports.pdf.summary.households"), figures.households, COUNT],
    [rupiahHeader("reports.pdf.summary.aidValue"), figures.aid.totalValue, RUPIAH],
    [label("reports.xlsx.field.waiting"), figures.waiting, COUNT],
    [label("reports.xlsx.field.note"), null],
  );
  const summarySheet = workbook.addWorksheet(t("reports.xlsx.sheet.summary"), { views: [{ state: "frozen", ySplit: 1 }] });
  summarySheet.columns = [
    { header: t("reports.xlsx.column.field"), width: 44 },
    { header: t("reports.xlsx.column.value"), width: 60 },
  ];
  summarySheet.getRow(1).font = { bold: true };
  for (const [field, value, numFmt] of summary) {
    const row = summarySheet.addRow([field, value]);
    row.getCell(1).font = { bold: true };
    if (numFmt) row.getCell(2).numFmt = numFmt;
    else row.getCell(2).alignment = { wrapText: true, vertical: "top", horizontal: "left" };
  }

  addTable(
    workbook,
    "reports.xlsx.sheet.types",
    [
      { header: t("reports.pdf.column.type"), width: 40 },
      { header: t("reports.pdf.column.activities"), width: 12, numFmt: COUNT },
      { header: t("reports.pdf.column.hours"), width: 12, numFmt: HOURS },
    ],
    figures.activities.byType.map((x) => [x.name, x.activities, reportHours(x.hours)]),
  );

  addTable(
    workbook,
    "reports.xlsx.sheet.categories",
    [
      { header: t("reports.pdf.column.no"), width: 6 },
      { header: t("reports.pdf.column.category"), width: 50 },
      { header: t("reports.pdf.column.male"), width: 10, numFmt: COUNT },
      { header: t("reports.pdf.column.female"), width: 10, numFmt: COUNT },
      { header: t("reports.pdf.column.total"), width: 10, numFmt: COUNT },
    ],
    figures.people.byCategory.map((c) => [c.number, c.name, c.male, c.female, c.total]),
  );

  addTable(
    workbook,
    "reports.xlsx.sheet.aid",
    [
      { header: t("reports.pdf.column.source"), width: 20 },
      { header: t("reports.pdf.column.items"), width: 10, numFmt: COUNT },
      { header: t("reports.pdf.column.quantity"), width: 12, numFmt: COUNT },
      { header: t("reports.xlsx.column.aidValue"), width: 18, numFmt: RUPIAH },
    ],
    figures.aid.bySource.map((x) => {
      const key = `activities.source.${x.source}` as MessageKey;
      const sourceLabel = t(key) === key ? x.source : t(key);
      return [sourceLabel, x.items, x.quantity, x.value];
    }),
  );

  const { districts, rows: districtRows } = figures.categoryByDistrict;
  addTable(
    workbook,
    "reports.xlsx.sheet.districts",
    [
      { header: t("reports.pdf.column.category"), width: 50 },
      ...districts.map((d) => ({ header: d.name, width: Math.max(12, d.name.length + 2), numFmt: COUNT })),
      { header: t("reports.pdf.column.total"), width: 10, numFmt: COUNT },
    ],
    districtRows.map((r) => [r.category, ...districts.map((_, i) => r.counts[i] ?? 0), r.total]),
  );

  addTable(
    workbook,
    "reports.xlsx.sheet.villages",
    [
      { header: t("reports.pdf.column.district"), width: 24 },
      { header: t("reports.pdf.column.village"), width: 28 },
      { header: t("reports.pdf.column.category"), width: 50 },
      { header: t("reports.pdf.column.people"), width: 10, numFmt: COUNT },
    ],
    figures.categoryByVillage.map((v) => [v.district, v.village, v.category, v.people]),
  );

  addTable(
    workbook,
    "reports.xlsx.sheet.volunteers",
    [
      { header: t("reports.pdf.column.no"), width: 6 },
      { header: t("reports.pdf.column.name"), width: 32 },
      { header: t("reports.pdf.column.memberNumber"), width: 22 },
      { header: t("reports.pdf.column.activities"), width: 10, numFmt: COUNT },
      { header: t("reports.pdf.column.hours"), width: 10, numFmt: HOURS },
    ],
    figures.volunteers.map((v, i) => [i + 1, v.name, v.memberNumber, v.activities, reportHours(v.hours)]),
  );

  addTable(
    workbook,
    "reports.xlsx.sheet.trainings",
    [
      { header: t("reports.pdf.column.course"), width: 36 },
      { header: t("reports.pdf.column.place"), width: 28 },
      { header: t("reports.xlsx.column.start"), width: 14, numFmt: DATE },
      { header: t("reports.xlsx.column.end"), width: 14, numFmt: DATE },
      { header: t("reports.xlsx.column.eventHours"), width: 14, numFmt: HOURS },
      { header: t("reports.pdf.column.participants"), width: 10, numFmt: COUNT },
    ],
    figures.trainings.events.map((e) => [
      e.name,
      e.place,
      calendarDate(e.start),
      calendarDate(e.end),
      reportHours(e.hours),
      e.participants,
    ]),
  );

  addTable(
    workbook,
    "reports.xlsx.sheet.programmes",
    [
      { header: t("reports.pdf.column.programme"), width: 40 },
      { header: t("reports.pdf.column.partners"), width: 36 },
      { header: rupiahHeader("reports.pdf.column.budget"), width: 18, numFmt: RUPIAH },
      { header: rupiahHeader("reports.pdf.column.received"), width: 18, numFmt: RUPIAH },
      { header: rupiahHeader("reports.pdf.column.spent"), width: 18, numFmt: RUPIAH },
      { header: t("reports.pdf.column.realisation"), width: 12, numFmt: PERCENT },
    ],
    figures.programmes.map((p) => [p.name, p.partners.join(", "), p.budget, p.received, p.spent, p.budget > 0 ? p.spent / p.budget : null]),
  );

  addTable(
    workbook,
    "reports.xlsx.sheet.followUps",
    [
      { header: t("reports.xlsx.column.field"), width: 44 },
      { header: t("reports.pdf.column.total"), width: 10, numFmt: COUNT },
    ],
    [
      [t("reports.pdf.followUps.opened"), figures.followUps.opened],
      [t("reports.pdf.followUps.closed"), figures.followUps.closed],
      [t("reports.pdf.followUps.open"), figures.followUps.open],
    ],
  );

  addTable(
    workbook,
    "reports.xlsx.sheet.months",
    [
      { header: t("reports.xlsx.column.month"), width: 18 },
      { header: t("reports.pdf.column.hours"), width: 12, numFmt: HOURS },
      { header: t("reports.pdf.column.activities"), width: 12, numFmt: COUNT },
    ],
    figures.hoursByMonth.map((m) => [formatMonth(`${m.month}-01`), reportHours(m.hours), m.activities]),
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
