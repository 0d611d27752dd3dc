// The programme report as a spreadsheet: the domain reads the figures (programmeReport in
// ./report.server) and the document writes them (app/documents/xlsx/programme-report.ts).
export { programmeReportFileName, programmeReportXlsx } from "~/documents/xlsx/programme-report";
