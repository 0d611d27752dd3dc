// The programme report as a spreadsheet (.xlsx), with the same figures as the PDF: the facts and
// money totals, partners, the approved ledger, beneficiaries by PPKS category and kelurahan, and
// volunteers with their hours. Numbers stay numbers and dates stay dates, so the partner's and
// the Dinas Sosial's staff can sum and sort. Written with the kit (bold frozen header rows).
import type { ProgrammeReportPdfData } from "~/documents/pdf/ProgrammeReportDocument";
import { t, type MessageKey } from "~/i18n/index";
import { formatHours, formatNumber } from "~/utils/format";
import { addFacts, addTable, newWorkbook, workbookBytes, type XlsxColumn, type XlsxFact, type XlsxFormat, type XlsxValue } from "./kit";

/** The same figures as the PDF (app/documents/pdf/ProgrammeReportDocument.tsx). */
export type ProgrammeReportXlsxData = ProgrammeReportPdfData;

const column = (header: MessageKey, width: number, format?: XlsxFormat): XlsxColumn => ({ header: t(header), width, format });

/** The programme report's figures as a workbook of six sheets. */
export async function programmeReportXlsx(data: ProgrammeReportXlsxData): Promise<Buffer> {
  const { programme, totals } = data;
  const workbook = newWorkbook(`${t("programmeReport.title")} ${programme.name}`);

  const summary: [MessageKey, XlsxValue, XlsxFormat?][] = [
    ["programmeReport.fact.chapter", data.letterhead.name],
    ["programmeReport.fact.programme", programme.name],
    ["programmeReport.fact.goal", programme.goal],
    ["programmeReport.fact.startDate", programme.startDate, "date"],
    ["programmeReport.fact.endDate", programme.endDate, "date"],
    ["programmeReport.fact.partners", data.partners.map((p) => p.name).join(", ")],
    ["programmeReport.fact.coordinator", programme.coordinator],
    ["programmeReport.fact.villages", programme.villages.join(", ")],
    ["programmeReport.fact.fundingSource", t(`activities.source.${programme.fundingSource}` as MessageKey)],
    ["programmeReport.fact.printedOn", data.printedOn, "date"],
    ["programmeReport.total.budget", totals.budget, "rupiah"],
    ["programmeReport.total.received", totals.received, "rupiah"],
    ["programmeReport.total.spent", totals.spent, "rupiah"],
    ["programmeReport.total.remaining", totals.remaining, "rupiah"],
    ["programmeReport.total.balance", totals.balance, "rupiah"],
    ["programmeReport.total.realisation", totals.realisation, "percentFine"],
    ["programmeReport.fact.activities", data.activities, "count"],
    ["programmeReport.fact.people", data.people, "count"],
    ["programmeReport.fact.households", data.households, "count"],
    ["programmeReport.fact.volunteerHours", data.volunteerHours, "hoursFine"],
    ["programmeReport.fact.waiting", data.waiting, "count"],
    // Flagged apart, never counted silently: reach outside the target kelurahan, hours of members not assigned.
    ["programmeReport.fact.outsideTarget", data.outsideTarget.people, "count"],
    [
      "programmeReport.fact.outsideVillages",
      data.outsideTarget.villages
        .map((v) => t("programmeReport.outsideVillage", { name: v.name, people: formatNumber(v.people) }))
        .join(", ") || t("programmeReport.none"),
    ],
    ["programmeReport.fact.unassignedHours", data.unassigned.hours, "hoursFine"],
    [
      "programmeReport.fact.unassignedVolunteers",
      data.unassigned.volunteers
        .map((v) => t("programmeReport.unassignedVolunteer", { name: v.fullName, hours: formatHours(v.hours) }))
        .join(", ") || t("programmeReport.none"),
    ],
  ];
  addFacts(
    workbook,
    t("programmeReport.sheet.summary"),
    summary.map(([label, value, format]): XlsxFact => [t(label), value, format]),
    [30, 60],
    [t("programmeReport.column.field"), t("programmeReport.column.value")],
    { wrap: true },
  );

  const partnerRows: XlsxValue[][] = data.partners.map((p) => [p.name, p.agreement, p.committed, p.received]);
  if (data.ownFundsReceived > 0) partnerRows.push([t("programmeReport.ownFunds"), null, null, data.ownFundsReceived]);
  addTable(
    workbook,
    t("programmeReport.sheet.partners"),
    [
      column("programmeReport.column.partner", 34),
      column("programmeReport.column.agreement", 30),
      column("programmeReport.column.committed", 16, "rupiah"),
      column("programmeReport.column.received", 16, "rupiah"),
    ],
    partnerRows,
  );

  addTable(
    workbook,
    t("programmeReport.sheet.entries"),
    [
      column("programmeReport.column.date", 12, "date"),
      column("programmeReport.column.kind", 12),
      column("programmeReport.column.purpose", 50),
      column("programmeReport.column.partner", 30),
      column("programmeReport.column.amount", 16, "rupiah"),
      column("programmeReport.column.receipt", 10),
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
    t("programmeReport.sheet.beneficiaries"),
    [
      column("programmeReport.column.category", 50),
      column("programmeReport.column.target", 10, "count"),
      column("programmeReport.column.actual", 10, "count"),
      column("programmeReport.column.inTarget", 14, "count"),
      column("programmeReport.column.percent", 10, "percentFine"),
    ],
    // The percentage counts the reach in the target kelurahan only.
    data.beneficiaries.map((b) => [b.name, b.target, b.actual, b.inTarget, b.target > 0 ? b.inTarget / b.target : null]),
  );

  addTable(
    workbook,
    t("programmeReport.sheet.villages"),
    [
      column("programmeReport.column.village", 28),
      column("programmeReport.column.district", 24),
      column("programmeReport.column.people", 10, "count"),
      column("programmeReport.column.households", 10, "count"),
      column("programmeReport.column.activities", 10, "count"),
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
    t("programmeReport.sheet.volunteers"),
    [
      column("programmeReport.column.no", 6),
      column("programmeReport.column.name", 30),
      column("programmeReport.column.memberNumber", 20),
      column("programmeReport.column.activities", 10, "count"),
      column("programmeReport.column.hours", 10, "hoursFine"),
    ],
    data.volunteers.map((v, i) => [
      i + 1,
      v.assigned ? v.fullName : `${v.fullName} (${t("programmeReport.notAssigned")})`,
      v.memberNumber,
      v.activities,
      v.hours,
    ]),
  );

  return workbookBytes(workbook);
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
