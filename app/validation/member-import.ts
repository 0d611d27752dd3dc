// What the member import's pages and its domain share (no server code here).

/** The sheet choice that reads every sheet of a workbook with a header row. */
export const ALL_SHEETS = "*";
