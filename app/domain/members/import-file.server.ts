// Reading an uploaded member list (.xlsx or .csv) into rows of text cells, with what the dry run
// must say about the file: the sheet read and the others, the columns not recognised, the
// required columns missing, the encoding of a CSV. Every cell keeps whether it was a number in
// the spreadsheet, because a number cell cannot hold a 16-digit NIK (Excel keeps 15 digits).
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { t, type MessageParams } from "~/i18n/index";
import { formatNumber } from "~/utils/format";
import { ALL_SHEETS } from "~/validation/member-import";
import {
  decodeTextFile,
  isGroupedNumber,
  isScientificNumber,
  spreadsheetDateIso,
  unescapeFormula,
  type TextEncodingName,
} from "~/utils/import-values";

/** Rows one import may hold. */
export const IMPORT_MAX_ROWS = 20_000;

// The template's columns

export type ImportColumnKey =
  | "no"
  | "fullName"
  | "nik"
  | "sex"
  | "birthDate"
  | "phone"
  | "email"
  | "address"
  | "district"
  | "village"
  | "joinDate"
  | "membershipType"
  | "status"
  | "skPsmNumber"
  | "skPsmDate"
  | "basicBimtekDate";

type TemplateColumn = {
  key: ImportColumnKey;
  /** the header written in the template */
  header: string;
  /** other headers offices use for the same column (matched like the header) */
  aliases: readonly string[];
  width: number;
  /** typed as text in the template, so Excel keeps leading zeros, 16 digits and DD/MM */
  text: boolean;
  example: string | number;
};

/** The template's columns, in order, with their Indonesian headers. */
export const TEMPLATE_COLUMNS = [
  { key: "no", header: "No", aliases: ["no urut", "nomor urut"], width: 6, text: false, example: 1 },
  {
    key: "fullName",
    header: "Nama Lengkap",
    aliases: ["nama", "nama anggota", "nama sesuai ktp", "nama lengkap sesuai ktp", "nama psm"],
    width: 28,
    text: false,
    example: "Siti Aminah",
  },
  {
    key: "nik",
    header: "NIK",
    aliases: ["no nik", "nomor nik", "nik ktp", "no nik ktp", "nomor induk kependudukan", "no ktp", "nomor ktp"],
    width: 20,
    text: true,
    example: "6171015708900003",
  },
  {
    key: "sex",
    header: "Jenis Kelamin (L/P)",
    aliases: ["jk", "l/p", "lp", "p/l", "kelamin", "jenis kelamin", "gender"],
    width: 12,
    text: false,
    example: "P",
  },
  {
    key: "birthDate",
    header: "Tanggal Lahir (DD/MM/YYYY)",
    aliases: ["tgl lahir", "tanggal lahir", "tgl lhr", "tanggal lhr"],
    width: 16,
    text: true,
    example: "17/08/1990",
  },
  {
    key: "phone",
    header: "No. HP",
    aliases: [
      "no hp",
      "nomor hp",
      "hp",
      "no hp/wa",
      "nomor hp/wa",
      "hp/wa",
      "no wa/hp",
      "no hp/whatsapp",
      "nomor hp/whatsapp",
      "no handphone",
      "nomor handphone",
      "handphone",
      "no telp",
      "telp",
      "no telp/hp",
      "no telepon",
      "nomor telepon",
      "telepon",
      "no wa",
      "nomor wa",
      "wa",
      "whatsapp",
      "no whatsapp",
      "nomor whatsapp",
    ],
    width: 16,
    text: true,
    example: "081234567890",
  },
  { key: "email", header: "Email", aliases: ["e-mail", "surel", "alamat email", "alamat e-mail"], width: 24, text: false, example: "" },
  {
    key: "address",
    header: "Alamat",
    aliases: ["alamat lengkap", "alamat rumah"],
    width: 32,
    text: false,
    example: "Jl. Tanjungpura No. 5 RT 002/RW 004",
  },
  { key: "district", header: "Kecamatan", aliases: ["kec", "nama kecamatan"], width: 20, text: false, example: "Pontianak Selatan" },
  {
    key: "village",
    header: "Kelurahan/Desa",
    aliases: ["kelurahan", "desa", "desa/kelurahan", "kel/desa", "kode kelurahan", "kode wilayah"],
    width: 22,
    text: false,
    example: "Benuamelayu Laut",
  },
  {
    key: "joinDate",
    header: "Tanggal Bergabung (DD/MM/YYYY)",
    aliases: ["tgl bergabung", "tanggal masuk", "tgl masuk", "tanggal gabung", "tgl gabung", "tanggal menjadi anggota"],
    width: 18,
    text: true,
    example: "20/01/2026",
  },
  {
    key: "membershipType",
    header: "Jenis Keanggotaan (Biasa/Kehormatan)",
    aliases: ["keanggotaan", "jenis anggota", "jenis keanggotaan"],
    width: 20,
    text: false,
    example: "Biasa",
  },
  {
    key: "status",
    header: "Status (Calon/Aktif)",
    aliases: ["status", "status anggota", "status keanggotaan"],
    width: 14,
    text: false,
    example: "Calon",
  },
  { key: "skPsmNumber", header: "Nomor SK PSM", aliases: ["no sk psm", "sk psm", "nomor sk"], width: 24, text: false, example: "" },
  { key: "skPsmDate", header: "Tanggal SK PSM (DD/MM/YYYY)", aliases: ["tgl sk psm", "tanggal sk"], width: 18, text: true, example: "" },
  {
    key: "basicBimtekDate",
    header: "Tanggal Bimtek Dasar (DD/MM/YYYY)",
    aliases: ["tgl bimtek dasar", "bimtek dasar", "tanggal bimtek"],
    width: 20,
    text: true,
    example: "",
  },
] as const satisfies readonly TemplateColumn[];

/** "Tanggal Lahir (DD/MM/YYYY)" -> "tanggal lahir"; "No. HP" -> "no hp"; "Kelurahan / Desa" -> "kelurahan/desa". */
function normalizeHeader(header: string): string {
  return header
    .toLocaleLowerCase("id-ID")
    .replace(/\(.*?\)/g, " ")
    .replace(/[^a-z0-9/]+/g, " ")
    .replace(/\s*\/\s*/g, "/")
    .replace(/\s+/g, " ")
    .trim();
}

const HEADER_INDEX = new Map<string, ImportColumnKey>(
  TEMPLATE_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h): [string, ImportColumnKey] => [normalizeHeader(h), c.key])),
);

/** Headers of columns the import knows but does not read (the portal gives member numbers). */
const IGNORED_HEADERS = new Set(["nomor anggota", "no anggota", "no kta", "nomor kta"].map(normalizeHeader));

/** The columns a new member cannot do without. */
export const REQUIRED_COLUMNS = [
  "fullName",
  "nik",
  "sex",
  "birthDate",
  "address",
  "village",
  "joinDate",
] as const satisfies readonly ImportColumnKey[];

// ---------------------------------------------------------------------------------------------
// Reading the file

/**
 * One data row of the file: its row number in its sheet, the sheet when the import reads several,
 * its cells as text by column, and the columns whose cell was (or, in a CSV, looks like) a number
 * Excel stored, which may have lost digits.
 */
export type RawImportRow = {
  rowNumber: number;
  sheet?: string;
  cells: Partial<Record<ImportColumnKey, string>>;
  numberCells?: ImportColumnKey[];
};

/** What the dry run says about the file itself. */
export type ImportFileInfo = {
  kind: "xlsx" | "csv";
  /** the sheets read (xlsx); several when the person chose all of them */
  sheetsRead: string[];
  /** every sheet of the workbook, in order */
  sheets: string[];
  /** sheets without a header row, left out when reading all */
  sheetsWithoutHeader: string[];
  encoding?: TextEncodingName;
  delimiter?: string;
  /** headers as written that the import does not recognise (ignored) */
  unknownColumns: string[];
  /** headers recognised but not read (e.g. Nomor Anggota), or a second column of the same meaning */
  ignoredColumns: string[];
  /** required columns the header row lacks */
  missingColumns: ImportColumnKey[];
  /** the NIK column of a CSV holds only numbers ending in 0: rounded by Excel */
  nikColumnRounded?: boolean;
};

export type ParsedMemberFile = { rows: RawImportRow[]; info: ImportFileInfo };

export { ALL_SHEETS };

export type MemberImportErrorCode = "type" | "unreadable" | "noHeader" | "noHeaderSheet" | "noSheet" | "empty" | "tooMany";

/** A file the import cannot use; the message is Indonesian and meant for the person uploading. */
export class MemberImportError extends Error {
  constructor(
    readonly code: MemberImportErrorCode,
    params?: MessageParams,
  ) {
    super(t(`import.error.${code}`, params));
    this.name = "MemberImportError";
  }
}

/** A cell as read: its text and whether the spreadsheet held a number there. */
type Cell = { text: string; number?: boolean };
type Table = Cell[][];

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { text: "" };
  if (value instanceof Date) return { text: spreadsheetDateIso(value) };
  if (typeof value === "number") {
    // Whole numbers in full ("6171015708900000", never "6.1710157089e+15").
    const text = Number.isInteger(value) ? BigInt(value).toString() : String(value);
    return { text, number: true };
  }
  if (typeof value === "string" || typeof value === "boolean") return { text: String(value) };
  if ("richText" in value) return { text: value.richText.map((part) => part.text).join("") };
  if ("hyperlink" in value) return { text: typeof value.text === "string" ? value.text : value.hyperlink.replace(/^mailto:/i, "") };
  if ("result" in value) return value.result === undefined ? { text: "" } : cellOf(value.result as ExcelJS.CellValue);
  return { text: "" }; // an error value (#N/A, #REF!...)
}

type HeaderMatch = { at: number; columns: (ImportColumnKey | undefined)[]; unknown: string[]; ignored: string[] };

/** The header row within the first 20: the first with both a name and an NIK column. */
function findHeader(table: Table): HeaderMatch | null {
  for (let i = 0; i < Math.min(table.length, 20); i++) {
    const texts = (table[i] ?? []).map((cell) => cell?.text.trim() ?? "");
    const mapped = texts.map((text) => HEADER_INDEX.get(normalizeHeader(text)));
    if (!(mapped.includes("nik") && mapped.includes("fullName"))) continue;
    const unknown: string[] = [];
    const ignored: string[] = [];
    const seen = new Set<ImportColumnKey>();
    const columns = mapped.map((key, col) => {
      const text = texts[col] ?? "";
      if (!key) {
        if (text && IGNORED_HEADERS.has(normalizeHeader(text))) ignored.push(text);
        else if (text) unknown.push(text);
        return undefined;
      }
      if (seen.has(key)) {
        ignored.push(text); // the first of two columns with the same meaning wins
        return undefined;
      }
      seen.add(key);
      return key;
    });
    return { at: i, columns, unknown, ignored };
  }
  return null;
}

/** Maps every non-empty row after the header to its columns. */
function rowsOf(table: Table, header: HeaderMatch, sheet: string | undefined, csv: boolean): RawImportRow[] {
  const rows: RawImportRow[] = [];
  for (let i = header.at + 1; i < table.length; i++) {
    const line = table[i] ?? [];
    const cells: RawImportRow["cells"] = {};
    const numberCells: ImportColumnKey[] = [];
    let filled = false;
    header.columns.forEach((key, col) => {
      if (!key) return;
      const cell = line[col];
      // One form for accented letters (a Mac or a web page may write "é" as e + accent).
      let value = (cell?.text ?? "").normalize("NFC").trim();
      // A CSV from the portal's export (or any careful one) escapes formula-looking values.
      if (csv) value = unescapeFormula(value);
      cells[key] = value;
      if (cell?.number || (csv && (isScientificNumber(value) || isGroupedNumber(value)))) numberCells.push(key);
      if (value && key !== "no") filled = true;
    });
    if (filled)
      rows.push({ rowNumber: i + 1, ...(sheet === undefined ? {} : { sheet }), cells, ...(numberCells.length ? { numberCells } : {}) });
  }
  return rows;
}

function missingColumns(header: HeaderMatch): ImportColumnKey[] {
  return REQUIRED_COLUMNS.filter((key) => !header.columns.includes(key));
}

const CSV_DELIMITERS = [";", ",", "\t", "|"] as const;

/**
 * The separator that splits the header row into the most recognised columns (";" from an
 * Indonesian Excel, "," elsewhere, tab from "Unicode text"); by count in the first line when no
 * header is recognised. Commas in addresses or names never decide it.
 */
function csvDelimiter(text: string): string {
  const firstLines = text.split(/\r?\n/, 20);
  let best: { delimiter: string; score: number } = { delimiter: ",", score: -1 };
  for (const delimiter of CSV_DELIMITERS) {
    for (const line of firstLines) {
      const cells = Papa.parse<string[]>(line, { delimiter }).data[0] ?? [];
      const known = cells.filter((cell) => HEADER_INDEX.has(normalizeHeader(String(cell)))).length;
      const score = known >= 2 ? 1000 + known : 0;
      if (score > best.score) best = { delimiter, score };
    }
  }
  if (best.score > 0) return best.delimiter;
  const head = firstLines[0] ?? "";
  const count = (d: string) => head.split(d).length - 1;
  return CSV_DELIMITERS.reduce((found, d) => (count(d) > count(found) ? d : found), ",");
}

function readCsv(bytes: Uint8Array): ParsedMemberFile {
  const { text, encoding } = decodeTextFile(bytes);
  const delimiter = csvDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const table: Table = parsed.data.map((row) => row.map((cell) => ({ text: String(cell ?? "") })));
  const header = findHeader(table);
  if (!header) throw new MemberImportError("noHeader");
  const rows = rowsOf(table, header, undefined, true);
  // A CSV cannot say a cell was a number. A column of 16-digit NIKs that ALL end in 0 is the
  // mark of Excel's 15 digits (a real list has nine in ten ending otherwise): none is trusted.
  const niks = rows.map((r) => (r.cells.nik ?? "").replace(/[\s'.-]/g, "")).filter((nik) => /^\d{16}$/.test(nik));
  const nikColumnRounded = niks.length > 0 && niks.every((nik) => nik.endsWith("0"));
  if (nikColumnRounded) {
    for (const row of rows) {
      if (/^\d{16}$/.test((row.cells.nik ?? "").replace(/[\s'.-]/g, "")) && !row.numberCells?.includes("nik")) {
        row.numberCells = [...(row.numberCells ?? []), "nik"];
      }
    }
  }
  return {
    rows,
    info: {
      kind: "csv",
      sheetsRead: [],
      sheets: [],
      sheetsWithoutHeader: [],
      encoding,
      delimiter,
      unknownColumns: header.unknown,
      ignoredColumns: header.ignored,
      missingColumns: missingColumns(header),
      ...(nikColumnRounded ? { nikColumnRounded } : {}),
    },
  };
}

async function readXlsx(bytes: Uint8Array, sheet: string | undefined): Promise<ParsedMemberFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new MemberImportError("unreadable");
  }
  // exceljs reads both date systems (1900 and 1904, workbook.properties.date1904) into UTC dates.
  const tables = workbook.worksheets.map((ws) => {
    const table: Table = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = cellOf(cell.value);
      });
      table[rowNumber - 1] = Array.from(cells, (c) => c ?? { text: "" });
    });
    const filled = Array.from(table, (r) => r ?? []);
    return { name: ws.name, table: filled, header: findHeader(filled) };
  });
  if (tables.length === 0) throw new MemberImportError("empty");
  const sheets = tables.map((s) => s.name);
  const sheetsWithoutHeader = tables.filter((s) => !s.header).map((s) => s.name);
  let chosen: typeof tables;
  if (sheet === ALL_SHEETS) {
    chosen = tables.filter((s) => s.header);
    if (chosen.length === 0) throw new MemberImportError("noHeader");
  } else if (sheet !== undefined) {
    const named = tables.find((s) => s.name === sheet);
    if (!named) throw new MemberImportError("noSheet", { sheet });
    if (!named.header) throw new MemberImportError("noHeaderSheet", { sheet });
    chosen = [named];
  } else {
    // The members are on the first sheet with a header row (the template's "Petunjuk" has none).
    const first = tables.find((s) => s.header);
    if (!first) throw new MemberImportError("noHeader");
    chosen = [first];
  }
  const several = chosen.length > 1;
  const rows = chosen.flatMap((s) => rowsOf(s.table, s.header!, several ? s.name : undefined, false));
  const header = (key: "unknown" | "ignored") => [...new Set(chosen.flatMap((s) => s.header![key]))];
  const missing = new Set(chosen.flatMap((s) => missingColumns(s.header!)));
  return {
    rows,
    info: {
      kind: "xlsx",
      sheetsRead: chosen.map((s) => s.name),
      sheets,
      sheetsWithoutHeader,
      unknownColumns: header("unknown"),
      ignoredColumns: header("ignored"),
      missingColumns: REQUIRED_COLUMNS.filter((key) => missing.has(key)),
    },
  };
}

/**
 * Reads the rows of an uploaded .xlsx or .csv. For a workbook, `sheet` names the sheet to read
 * (ALL_SHEETS for every sheet with a header row); by default the first sheet with a header row.
 */
export async function readMemberFile(input: { fileName: string; bytes: Uint8Array; sheet?: string }): Promise<ParsedMemberFile> {
  const name = input.fileName.toLowerCase().trim();
  let parsed: ParsedMemberFile;
  if (name.endsWith(".csv")) parsed = readCsv(input.bytes);
  else if (name.endsWith(".xlsx")) parsed = await readXlsx(input.bytes, input.sheet);
  else throw new MemberImportError("type");
  if (parsed.rows.length === 0) throw new MemberImportError("empty");
  if (parsed.rows.length > IMPORT_MAX_ROWS) {
    throw new MemberImportError("tooMany", { max: formatNumber(IMPORT_MAX_ROWS), count: formatNumber(parsed.rows.length) });
  }
  return parsed;
}

/** The rows of an uploaded .xlsx or .csv (see readMemberFile). */
export async function parseMemberFile(input: { fileName: string; bytes: Uint8Array; sheet?: string }): Promise<RawImportRow[]> {
  return (await readMemberFile(input)).rows;
}
