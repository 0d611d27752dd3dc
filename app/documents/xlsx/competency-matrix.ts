// The competency matrix as a spreadsheet: one row per active member (name, number, kecamatan,
// kelurahan) and one column per competency with the level the member holds, in words.
import { t } from "~/i18n/index";
import { levelLabel } from "~/i18n/labels";
import { addTable, newWorkbook, workbookBytes, type XlsxColumn } from "./kit";

export type CompetencyMatrixSheet = {
  competencies: { id: string; name: string }[];
  rows: {
    fullName: string;
    memberNumber: string | null;
    district: string;
    village: string;
    /** the level code held, by competency id ("dasar", "menengah", "mahir") */
    levels: Record<string, string>;
  }[];
};

/** The workbook's bytes. */
export async function competencyMatrixXlsx(matrix: CompetencyMatrixSheet): Promise<Buffer> {
  const workbook = newWorkbook(t("trainings.matrix.sheet"));
  const columns: XlsxColumn[] = [
    { header: t("trainings.column.name"), width: 28 },
    { header: t("trainings.column.number"), width: 16, format: "text" },
    { header: t("trainings.column.district"), width: 20 },
    { header: t("trainings.column.village"), width: 20 },
    ...matrix.competencies.map((c) => ({ header: c.name, width: Math.max(12, Math.min(30, c.name.length)) })),
  ];
  const sheet = addTable(
    workbook,
    t("trainings.matrix.sheet"),
    columns,
    matrix.rows.map((row) => [
      row.fullName,
      row.memberNumber ?? "",
      row.district,
      row.village,
      ...matrix.competencies.map((c) => (row.levels[c.id] ? levelLabel(row.levels[c.id]!) : "")),
    ]),
  );
  // The names stay in view when scrolling across the competencies.
  sheet.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  return workbookBytes(workbook);
}
