// The contribution report (Laporan Kontribusi Relawan PSM) as a spreadsheet (.xlsx), with the
// same figures as the PDF's attachment, one sheet per table: the letter's facts and the summary,
// activities by type, people by PPKS category, aid by funding source, category x kecamatan,
// category x kelurahan, volunteers, trainings, programmes, follow-ups and hours by month. Numbers
// stay numbers and dates stay dates, so the Dinas Sosial's staff can sum and sort; written with
// the kit (bold frozen header rows). No resident data: people are counted by category, sex and place.
import type { ContributionReportPdfData } from "~/documents/pdf/contribution-report-data";
import { t, type MessageKey } from "~/i18n/index";
import { formatDateLong, formatMonth } from "~/utils/format";
import { reportHours } from "~/utils/report-hours";
import { addFacts, addTable, calendarCell, dayCell, newWorkbook, workbookBytes, type XlsxFact } from "./kit";

/** The same letter and figures as the PDF (app/documents/pdf/contribution-report-data.ts). */
export type ContributionReportXlsxData = ContributionReportPdfData;

const label = (key: MessageKey) => t(key);
const rupiahHeader = (key: MessageKey) => t("reports.xlsx.column.rupiah", { label: t(key) });

/** The contribution report's figures as a workbook of eleven sheets. */
export async function contributionReportXlsx(data: ContributionReportXlsxData): Promise<Buffer> {
  const { figures } = data;
  const timeZone = data.letterhead.timeZone || "Asia/Jakarta";
  const workbook = newWorkbook(t("reports.pdf.title", { period: data.periodLabel }));

  const summary: XlsxFact[] = [
    [label("reports.xlsx.field.number"), data.number ?? t("reports.xlsx.field.numberPending")],
    [label("reports.xlsx.field.letterDate"), dayCell(data.date, timeZone), "date"],
    [label("reports.xlsx.field.period"), data.periodLabel],
    [label("reports.xlsx.field.start"), calendarCell(figures.period.start), "date"],
    [label("reports.xlsx.field.end"), calendarCell(figures.period.end), "date"],
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
    [label("reports.pdf.summary.activeMembers"), figures.members.active, "count"],
    [label("reports.pdf.summary.volunteersActive"), figures.volunteersActive, "count"],
    [label("reports.pdf.summary.hoursTotal"), reportHours(figures.hours.total), "hours"],
    [label("reports.pdf.summary.hoursField"), reportHours(figures.hours.field), "hours"],
    [label("reports.pdf.summary.hoursTraining"), reportHours(figures.hours.training), "hours"],
    [label("reports.pdf.summary.activities"), figures.activities.count, "count"],
    [label("reports.pdf.summary.people"), figures.people.total, "count"],
    [label("reports.pdf.summary.peopleMale"), figures.people.male, "count"],
    [label("reports.pdf.summary.peopleFemale"), figures.people.female, "count"],
    [label("reports.pdf.summary.households"), figures.households, "count"],
    [rupiahHeader("reports.pdf.summary.aidValue"), figures.aid.totalValue, "rupiah"],
    [label("reports.xlsx.field.waiting"), figures.waiting, "count"],
    [label("reports.xlsx.field.note"), null],
  );
  addFacts(workbook, t("reports.xlsx.sheet.summary"), summary, [44, 60], [t("reports.xlsx.column.field"), t("reports.xlsx.column.value")], {
    wrap: true,
  });

  addTable(
    workbook,
    t("reports.xlsx.sheet.types"),
    [
      { header: t("reports.pdf.column.type"), width: 40 },
      { header: t("reports.pdf.column.activities"), width: 12, format: "count" },
      { header: t("reports.pdf.column.hours"), width: 12, format: "hours" },
    ],
    figures.activities.byType.map((x) => [x.name, x.activities, reportHours(x.hours)]),
  );

  addTable(
    workbook,
    t("reports.xlsx.sheet.categories"),
    [
      { header: t("reports.pdf.column.no"), width: 6 },
      { header: t("reports.pdf.column.category"), width: 50 },
      { header: t("reports.pdf.column.male"), width: 10, format: "count" },
      { header: t("reports.pdf.column.female"), width: 10, format: "count" },
      { header: t("reports.pdf.column.total"), width: 10, format: "count" },
    ],
    figures.people.byCategory.map((c) => [c.number, c.name, c.male, c.female, c.total]),
  );

  addTable(
    workbook,
    t("reports.xlsx.sheet.aid"),
    [
      { header: t("reports.pdf.column.source"), width: 20 },
      { header: t("reports.pdf.column.items"), width: 10, format: "count" },
      { header: t("reports.pdf.column.quantity"), width: 12, format: "count" },
      { header: t("reports.xlsx.column.aidValue"), width: 18, format: "rupiah" },
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
    t("reports.xlsx.sheet.districts"),
    [
      { header: t("reports.pdf.column.category"), width: 50 },
      ...districts.map((d) => ({ header: d.name, width: Math.max(12, d.name.length + 2), format: "count" as const })),
      { header: t("reports.pdf.column.total"), width: 10, format: "count" },
    ],
    districtRows.map((r) => [r.category, ...districts.map((_, i) => r.counts[i] ?? 0), r.total]),
  );

  addTable(
    workbook,
    t("reports.xlsx.sheet.villages"),
    [
      { header: t("reports.pdf.column.district"), width: 24 },
      { header: t("reports.pdf.column.village"), width: 28 },
      { header: t("reports.pdf.column.category"), width: 50 },
      { header: t("reports.pdf.column.people"), width: 10, format: "count" },
    ],
    figures.categoryByVillage.map((v) => [v.district, v.village, v.category, v.people]),
  );

  addTable(
    workbook,
    t("reports.xlsx.sheet.volunteers"),
    [
      { header: t("reports.pdf.column.no"), width: 6 },
      { header: t("reports.pdf.column.name"), width: 32 },
      { header: t("reports.pdf.column.memberNumber"), width: 22 },
      { header: t("reports.pdf.column.activities"), width: 10, format: "count" },
      { header: t("reports.pdf.column.hours"), width: 10, format: "hours" },
    ],
    figures.volunteers.map((v, i) => [i + 1, v.name, v.memberNumber, v.activities, reportHours(v.hours)]),
  );

  addTable(
    workbook,
    t("reports.xlsx.sheet.trainings"),
    [
      { header: t("reports.pdf.column.course"), width: 36 },
      { header: t("reports.pdf.column.place"), width: 28 },
      { header: t("reports.xlsx.column.start"), width: 14, format: "date" },
      { header: t("reports.xlsx.column.end"), width: 14, format: "date" },
      { header: t("reports.xlsx.column.eventHours"), width: 14, format: "hours" },
      { header: t("reports.pdf.column.participants"), width: 10, format: "count" },
    ],
    figures.trainings.events.map((e) => [
      e.name,
      e.place,
      calendarCell(e.start),
      calendarCell(e.end),
      reportHours(e.hours),
      e.participants,
    ]),
  );

  addTable(
    workbook,
    t("reports.xlsx.sheet.programmes"),
    [
      { header: t("reports.pdf.column.programme"), width: 40 },
      { header: t("reports.pdf.column.partners"), width: 36 },
      { header: rupiahHeader("reports.pdf.column.budget"), width: 18, format: "rupiah" },
      { header: rupiahHeader("reports.pdf.column.received"), width: 18, format: "rupiah" },
      { header: rupiahHeader("reports.pdf.column.spent"), width: 18, format: "rupiah" },
      { header: t("reports.pdf.column.realisation"), width: 12, format: "percent" },
    ],
    figures.programmes.map((p) => [p.name, p.partners.join(", "), p.budget, p.received, p.spent, p.budget > 0 ? p.spent / p.budget : null]),
  );

  addTable(
    workbook,
    t("reports.xlsx.sheet.followUps"),
    [
      { header: t("reports.xlsx.column.field"), width: 44 },
      { header: t("reports.pdf.column.total"), width: 10, format: "count" },
    ],
    [
      [t("reports.pdf.followUps.opened"), figures.followUps.opened],
      [t("reports.pdf.followUps.closed"), figures.followUps.closed],
      [t("reports.pdf.followUps.open"), figures.followUps.open],
    ],
  );

  addTable(
    workbook,
    t("reports.xlsx.sheet.months"),
    [
      { header: t("reports.xlsx.column.month"), width: 18 },
      { header: t("reports.pdf.column.hours"), width: 12, format: "hours" },
      { header: t("reports.pdf.column.activities"), width: 12, format: "count" },
    ],
    figures.hoursByMonth.map((m) => [formatMonth(`${m.month}-01`), reportHours(m.hours), m.activities]),
  );

  return workbookBytes(workbook);
}
