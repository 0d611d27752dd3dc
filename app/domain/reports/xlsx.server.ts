// The contribution report as a spreadsheet: the domain shapes the letter and figures
// (documentData in ./reports.server) and the document writes them
// (app/documents/xlsx/contribution-report.ts).
export { contributionReportXlsx } from "~/documents/xlsx/contribution-report";
