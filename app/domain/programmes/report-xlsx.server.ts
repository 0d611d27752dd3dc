// The programme report as a spreadsheet (.xlsx), with the same figures as the PDF: the facts and
// money totals, partners, the approved ledger, beneficiaries by PPKS category and kelurahan, and
// volunteers with their hours. Numbers stay numbers and dates stay dates, so the partner's and
// the Dinas Sosial's staff can sum and sort; header rows are bold and frozen.
import ExcelJS from "exceljs";
import { t, type MessageKey } from "~/i18n/index";
import { formatHours, formatNumber } from "~/utils/format";
import type { ProgrammeReportData } from "./report.server";

const RUPIAH = "#,##0";
const COUNT = "#,##0";
const DATE = "dd/mm/yyyy";
const PERCENT = "0.00%";
const HOURS = "#,##0.0#";

type Column = { header: MessageKey; width: number; numFmt?: string };
type Value = string | number | Date | null;

/** A sheet with a bold, frozen header row and one row per item; numFmt applies to a column's data cells. */
function addTable(workbook: ExcelJS.Workbook, name: MessageKey, columns: Column[], rows: Value[][]) {
  const sheet = workbook.addWorksheet(t(name), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: t(c.header), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow(row);
    columns.forEach((c, i) => {
      if (c.numFmt) added.getCell(i + 1).numFmt = c.numFmt;
    });
  }
  return sheet;
}

/** The programme report's figures as a workbook of six sheets. */
export async function programmeReportXlsx(data: ProgrammeReportData): Promise<Buffer> {
  const { programme, totals } = data;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Portal IPSM";
  workbook.title = `${t("programmeReport.title")} ${programme.name}`;

  const summary: [MessageKey, Value, string?][] = [
    ["programmeReport.fact.chapter", data.letterhead.name],
    ["programmeReport.fact.programme", programme.name],
    ["programmeReport.fact.goal", programme.goal],
    ["programmeReport.fact.startDate", programme.startDate, DATE],
    ["programmeReport.fact.endDate", programme.endDate, DATE],
    ["programmeReport.fact.partners", data.partners.map((p) => p.name).join(", ")],
    ["programmeReport.fact.coordinator", programme.coordinator],
    ["programmeReport.fact.villages", programme.villages.join(", ")],
    ["programmeReport.fact.fundingSource", t(`activities.source.${programme.fundingSource}` as MessageKey)],
    ["programmeReport.fact.printedOn", data.printedOn, DATE],
    ["programmeReport.total.budget", totals.budget, RUPIAH],
    ["programmeReport.total.received", totals.received, RUPIAH],
    ["programmeReport.total.spent", totals.spent, RUPIAH],
    ["programmeReport.total.remaining", totals.remaining, RUPIAH],
    ["programmeReport.total.balance", totals.balance, RUPIAH],
    ["programmeReport.total.realisation", totals.realisation, PERCENT],
    ["programmeReport.fact.activities", data.activities, COUNT],
    ["programmeReport.fact.people", data.people, COUNT],
    ["programmeReport.fact.households", data.households, COUNT],
    ["programmeReport.fact.volunteerHours", data.volunteerHours, HOURS],
    ["programmeReport.fact.waiting", data.waiting, COUNT],
    // Flagged apart, never counted silently: reach outside the target kelurahan, hours of members not assigned.
    ["programmeReport.fact.outsideTarget", data.outsideTarget.people, COUNT],
    [
      "programmeReport.fact.outsideVillages",
      data.outsideTarget.villages
        .map((v) => t("programmeReport.outsideVillage", { name: v.name, people: formatNumber(v.people) }))
        .join(", ") || t("programmeReport.none"),
    ],
    ["programmeReport.fact.unassignedHours", data.unassigned.hours, HOURS],
    [
      "programmeReport.fact.unassignedVolunteers",
      data.unassigned.volunteers
        .map((v) => t("programmeReport.unassignedVolunteer", { name: v.fullName, hours: formatHours(v.hours) }))
        .join(", ") || t("programmeReport.none"),
    ],
  ];
  const summarySheet = workbook.addWorksheet(t("programmeReport.sheet.summary"));
  summarySheet.columns = [
    { header: t("programmeReport.column.field"), width: 30 },
    { header: t("programmeReport.column.value"), width: 60 },
  ];
  summarySheet.getRow(1).font = { bold: true };
  for (const [label, value, numFmt] of summary) {
    const row = summarySheet.addRow([t(label), value]);
    row.getCell(1).font = { bold: true };
    if (numFmt) row.getCell(2).numFmt = numFmt;
    else row.getCell(2).alignment = { wrapText: true, vertical: "top", horizontal: "left" };
  }

  const partnerRows: Value[][] = data.partners.map((p) => [p.name, p.agreement, p.committed, p.received]);
  if (data.ownFundsReceived > 0) partnerRows.push([t("programmeReport.ownFunds"), null, null, data.ownFundsReceived]);
  addTable(
    workbook,
    "programmeReport.sheet.partners",
    [
      { header: "programmeReport.column.partner", width: 34 },
      { header: "programmeReport.column.agreement", width: 30 },
      { header: "programmeReport.column.committed", width: 16, numFmt: RUPIAH },
      { header: "programmeReport.column.received", width: 16, numFmt: RUPIAH },
    ],
    partnerRows,
  );

  addTable(
    workbook,
    "programmeReport.sheet.entries",
    [
      { header: "programmeReport.column.date", width: 12, numFmt: DATE },
      { header: "programmeReport.column.kind", width: 12 },
      { header: "programmeReport.column.purpose", width: 50 },
      { header: "programmeReport.column.partner", width: 30 },
      { header: "programmeReport.column.amount", width: 16, numFmt: RUPIAH },
      { header: "programmeReport.column.receipt", width: 10 },
    ],
    data.entries.map((e) => [
      e.date,
      t(`programmeReport.kind.${e.kind}` as MessageKey),
      e.purpose,
      e.partner,
      e.amount,
      t(e.hasReceipt ? "programmeReport.receipt.yes" : "programmeReport.receipt.no"),
    ]),
  );

  addTable(
    workbook,
    "programmeReport.sheet.beneficiaries",
    [
      { header: "programmeReport.column.category", width: 50 },
      { header: "programmeReport.column.target", width: 10, numFmt: COUNT },
      { header: "programmeReport.column.actual", width: 10, numFmt: COUNT },
      { header: "programmeReport.column.inTarget", width: 14, numFmt: COUNT },
      { header: "programmeReport.column.percent", width: 10, numFmt: PERCENT },
    ],
    // The percentage counts the reach in the target kelurahan only.
    data.beneficiaries.map((b) => [b.name, b.target, b.actual, b.inTarget, b.target > 0 ? b.inTarget / b.target : null]),
  );

  addTable(
    workbook,
    "programmeReport.sheet.villages",
    [
      { header: "programmeReport.column.village", width: 28 },
      { header: "programmeReport.column.district", width: 24 },
      { header: "programmeReport.column.people", width: 10, numFmt: COUNT },
      { header: "programmeReport.column.households", width: 10, numFmt: COUNT },
      { header: "programmeReport.column.activities", width: 10, numFmt: COUNT },
    ],
    data.byVillage.map((v) => [
      v.inTarget ? v.name : `${v.name} (${t("programmeReport.notTarget")})`,
      v.district,
      v.people,
      v.households,
      v.activities,
    ]),
  );

  addTable(
    workbook,
    "programmeReport.sheet.volunteers",
    [
      { header: "programmeReport.column.no", width: 6 },
      { header: "programmeReport.column.name", width: 30 },
      { header: "programmeReport.column.memberNumber", width: 20 },
      { header: "programmeReport.column.activities", width: 10, numFmt: COUNT },
      { header: "programmeReport.column.hours", width: 10, numFmt: HOURS },
    ],
    data.volunteers.map((v, i) => [
      i + 1,
      v.assigned ? v.fullName : `${v.fullName} (${t("programmeReport.notAssigned")})`,
      v.memberNumber,
      v.activities,
      v.hours,
    ]),
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "laporan-program-pendampingan-lansia.pdf": the download name of a programme's report. */
export function programmeReportFileName(programmeName: string, extension: "pdf" | "xlsx") {
  const slug = programmeName
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return t("programmeReport.fileName", { slug: slug || "program", extension });
}
