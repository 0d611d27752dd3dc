// Importing members from the spreadsheets Indonesian offices keep (.xlsx or .csv).
// 1. parseMemberFile reads the rows, matching the Indonesian headers of the template tolerantly.
// 2. checkImport (the dry run) says row by row what would be created, updated (an NIK already in
//    the chapter), left unchanged or rejected and why, with every registry rule checked in bulk,
//    and stores the result as a MemberImport.
// 3. commitImport writes a checked import in ONE transaction: every row, or nothing.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { t, type MessageKey, type MessageParams } from "~/i18n";
import { recordAudit } from "~/utils/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import { formatNumber, maskNik } from "~/utils/format";
import {
  memberFormSchema,
  nikDistrictCode,
  parseCalendarDate,
  toDateInput,
  type MemberFormData,
} from "~/validation/members";
import {
  changedFields,
  listChapterVillages,
  memberAuditView,
  memberData,
  reserveMemberNumbers,
} from "./members.server";

type Tx = Prisma.TransactionClient;

/** Rows one import may hold. */
export const IMPORT_MAX_ROWS = 20_000;
/** Largest file the upload accepts. */
export const IMPORT_MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Rows the dry-run page lists besides every rejected row. */
export const IMPORT_SHOWN_ROWS = 500;

// ---------------------------------------------------------------------------------------------
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
  { key: "fullName", header: "Nama Lengkap", aliases: ["nama", "nama anggota", "nama sesuai ktp"], width: 28, text: false, example: "Siti Aminah" },
  { key: "nik", header: "NIK", aliases: ["no nik", "nomor nik", "nomor induk kependudukan", "no ktp", "nomor ktp"], width: 20, text: true, example: "6171015708900003" },
  { key: "sex", header: "Jenis Kelamin (L/P)", aliases: ["jk", "l/p", "lp", "kelamin"], width: 12, text: false, example: "P" },
  { key: "birthDate", header: "Tanggal Lahir (DD/MM/YYYY)", aliases: ["tgl lahir", "tanggal lahir"], width: 16, text: true, example: "17/08/1990" },
  { key: "phone", header: "No. HP", aliases: ["no hp", "nomor hp", "hp", "no telp", "no telepon", "nomor telepon", "telepon", "no wa", "nomor wa", "whatsapp"], width: 16, text: true, example: "081234567890" },
  { key: "email", header: "Email", aliases: ["e-mail", "surel", "alamat email"], width: 24, text: false, example: "" },
  { key: "address", header: "Alamat", aliases: ["alamat lengkap", "alamat rumah"], width: 32, text: false, example: "Jl. Tanjungpura No. 5 RT 002/RW 004" },
  { key: "district", header: "Kecamatan", aliases: ["kec"], width: 20, text: false, example: "Pontianak Selatan" },
  { key: "village", header: "Kelurahan/Desa", aliases: ["kelurahan", "desa", "desa/kelurahan", "kel/desa", "kode kelurahan", "kode wilayah"], width: 22, text: false, example: "Benuamelayu Laut" },
  { key: "joinDate", header: "Tanggal Bergabung (DD/MM/YYYY)", aliases: ["tgl bergabung", "tanggal masuk", "tgl masuk", "tanggal gabung"], width: 18, text: true, example: "20/01/2026" },
  { key: "membershipType", header: "Jenis Keanggotaan (Biasa/Kehormatan)", aliases: ["keanggotaan", "jenis anggota"], width: 20, text: false, example: "Biasa" },
  { key: "status", header: "Status (Calon/Aktif)", aliases: ["status anggota", "status keanggotaan"], width: 14, text: false, example: "Calon" },
  { key: "skPsmNumber", header: "Nomor SK PSM", aliases: ["no sk psm", "sk psm", "nomor sk"], width: 24, text: false, example: "" },
  { key: "skPsmDate", header: "Tanggal SK PSM (DD/MM/YYYY)", aliases: ["tgl sk psm", "tanggal sk"], width: 18, text: true, example: "" },
  { key: "basicBimtekDate", header: "Tanggal Bimtek Dasar (DD/MM/YYYY)", aliases: ["tgl bimtek dasar", "bimtek dasar", "tanggal bimtek"], width: 20, text: true, example: "" },
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

// ---------------------------------------------------------------------------------------------
// Reading the file

/** One data row of the file: its row number in the sheet and its cells as text, by column. */
export type RawImportRow = { rowNumber: number; cells: Partial<Record<ImportColumnKey, string>> };

export type MemberImportErrorCode = "type" | "unreadable" | "noHeader" | "empty" | "tooMany";

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

const DAY_MS = 86_400_000;

/** Excel dates are calendar dates; exceljs gives them as UTC instants (round off float noise). */
function excelDateText(value: Date): string {
  return toDateInput(new Date(Math.round(value.getTime() / DAY_MS) * DAY_MS));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return excelDateText(value);
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : value.hyperlink.replace(/^mailto:/i, "");
  if ("result" in value) return value.result === undefined ? "" : cellText(value.result as ExcelJS.CellValue);
  return ""; // an error value (#N/A, #REF!...)
}

/** Finds the header row (within the first 20), then maps every later non-empty row to its columns. */
function rowsFromTable(table: readonly (readonly string[])[]): RawImportRow[] {
  let headerAt = -1;
  let columns: (ImportColumnKey | undefined)[] = [];
  for (let i = 0; i < Math.min(table.length, 20); i++) {
    const mapped = (table[i] ?? []).map((cell) => HEADER_INDEX.get(normalizeHeader(cell)));
    if (mapped.includes("nik") && mapped.includes("fullName")) {
      headerAt = i;
      columns = mapped;
      break;
    }
  }
  if (headerAt < 0) throw new MemberImportError("noHeader");
  const rows: RawImportRow[] = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const line = table[i] ?? [];
    const cells: RawImportRow["cells"] = {};
    let filled = false;
    columns.forEach((key, col) => {
      if (!key || key in cells) return; // the first of two columns with the same meaning wins
      const value = (line[col] ?? "").trim();
      cells[key] = value;
      if (value && key !== "no") filled = true;
    });
    if (filled) rows.push({ rowNumber: i + 1, cells });
  }
  if (rows.length === 0) throw new MemberImportError("empty");
  if (rows.length > IMPORT_MAX_ROWS) throw new MemberImportError("tooMany", { max: formatNumber(IMPORT_MAX_ROWS), count: formatNumber(rows.length) });
  return rows;
}

/** UTF-8 (with or without BOM); a CSV saved by an older Excel is Windows-1252. */
function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}

const CSV_DELIMITERS = [";", ",", "\t", "|"] as const;

/** The delimiter used most in the first lines (where the headers are): ";" from an Indonesian Excel, "," elsewhere. */
function csvDelimiter(text: string): string {
  const head = text.split(/\r?\n/, 20).join("\n");
  const count = (d: string) => head.split(d).length - 1;
  return CSV_DELIMITERS.reduce((best, d) => (count(d) > count(best) ? d : best), ",");
}

function csvTable(bytes: Uint8Array): string[][] {
  const text = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { delimiter: csvDelimiter(text), skipEmptyLines: false });
  return parsed.data.map((row) => row.map((cell) => String(cell ?? "")));
}

async function xlsxTables(bytes: Uint8Array): Promise<string[][][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new MemberImportError("unreadable");
  }
  return workbook.worksheets.map((sheet) => {
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      table[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
    });
    return Array.from(table, (r) => r ?? []);
  });
}

/** Reads the rows of an uploaded .xlsx or .csv (";" or "," detected, BOM tolerated). */
export async function parseMemberFile(input: { fileName: string; bytes: Uint8Array }): Promise<RawImportRow[]> {
  const name = input.fileName.toLowerCase().trim();
  if (name.endsWith(".csv")) return rowsFromTable(csvTable(input.bytes));
  if (name.endsWith(".xlsx")) {
    // The members are on the first sheet with a header row (the template's "Petunjuk" has none).
    const tables = await xlsxTables(input.bytes);
    for (const table of tables) {
      try {
        return rowsFromTable(table);
      } catch (error) {
        if (!(error instanceof MemberImportError) || error.code !== "noHeader") throw error;
      }
    }
    throw new MemberImportError(tables.length ? "noHeader" : "empty");
  }
  throw new MemberImportError("type");
}

// ---------------------------------------------------------------------------------------------
// From cells to the member form

type FormField = keyof MemberFormData;
type FormFields = Record<FormField, string>;
type ImportStatus = "calon" | "aktif";

/** The form fields, in the order reasons are listed. */
const FORM_FIELDS = [
  "fullName", "nik", "sex", "birthDate", "phone", "email", "address", "villageCode", "joinDate",
  "membershipType", "skPsmNumber", "skPsmDate", "basicBimtekDate",
] as const satisfies readonly FormField[];

const fieldLabel = (field: FormField) => t(`import.field.${field}`);

/** "17/08/1990", "7/8/1990", "1990-08-17" or an Excel serial -> "1990-08-17"; "" when blank; null when not a date. */
export function importDate(value: string | undefined): string | null {
  const v = (value ?? "").trim();
  if (!v) return "";
  let iso: string | null = null;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]*Z?)?$/.exec(v);
  if (dmy) iso = `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}`;
  else if (ymd) iso = `${ymd[1]}-${ymd[2]!.padStart(2, "0")}-${ymd[3]!.padStart(2, "0")}`;
  else if (/^\d{4,5}(\.\d+)?$/.test(v)) {
    // A date cell read as its serial number (days since 30 Dec 1899).
    iso = toDateInput(new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(v)) * DAY_MS));
  }
  return iso && parseCalendarDate(iso) ? iso : null;
}

/** L/P, Laki-laki/Perempuan, Pria/Wanita -> "L"/"P"; "" when blank; null otherwise. */
function importSex(value: string | undefined): "L" | "P" | "" | null {
  const v = (value ?? "").trim().toLocaleLowerCase("id-ID").replace(/[\s-]+/g, "");
  if (!v) return "";
  if (["l", "lk", "lakilaki", "laki", "lelaki", "pria"].includes(v)) return "L";
  if (["p", "pr", "perempuan", "wanita"].includes(v)) return "P";
  return null;
}

/** Excel drops the 0 of 0812...: 81234567890 -> 081234567890. */
function importPhone(value: string | undefined): string {
  const v = (value ?? "").trim().replace(/^'/, "");
  return /^8\d{8,11}$/.test(v) ? `0${v}` : v;
}

function importMembershipType(value: string | undefined): "biasa" | "kehormatan" | "" | null {
  const v = (value ?? "").trim().toLocaleLowerCase("id-ID").replace(/^anggota\s+/, "");
  if (!v) return "";
  if (v === "biasa") return "biasa";
  if (v === "kehormatan") return "kehormatan";
  return null;
}

function importStatus(value: string | undefined): ImportStatus | "" | null {
  const v = (value ?? "").trim().toLocaleLowerCase("id-ID").replace(/\s+anggota$/, "");
  if (!v) return "";
  if (v === "calon") return "calon";
  if (v === "aktif") return "aktif";
  return null;
}

/** Names compared without case, spaces, punctuation or prefixes ("Kel. Akcaya" = "AKCAYA"). */
function squashPlace(name: string): string {
  return name
    .toLocaleLowerCase("id-ID")
    .trim()
    .replace(/^(kelurahan|kel\.?|desa|ds\.?|kecamatan|kec\.?)\s+/, "")
    .replace(/[^a-z0-9]/g, "");
}

/** Two people are "the same name" regardless of case and spacing. */
function nameKey(fullName: string, birthDate: string): string {
  return `${fullName.trim().replace(/\s+/g, " ").toLocaleLowerCase("id-ID")}|${birthDate}`;
}

type ChapterVillage = Awaited<ReturnType<typeof listChapterVillages>>[number];

class VillageIndex {
  private readonly byCode = new Map<string, ChapterVillage>();
  private readonly byName = new Map<string, ChapterVillage[]>();

  constructor(villages: ChapterVillage[]) {
    for (const village of villages) {
      this.byCode.set(village.code, village);
      const key = squashPlace(village.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), village]);
    }
  }

  /** The village code for a name (with its kecamatan) or a Kemendagri code, or why not. */
  resolve(village: string, district: string): { code: string } | { reason: string } {
    const code = /^(\d{2})\.?(\d{2})\.?(\d{2})\.?(\d{4})$/.exec(village);
    if (code) {
      const dotted = `${code[1]}.${code[2]}.${code[3]}.${code[4]}`;
      return this.byCode.has(dotted) ? { code: dotted } : { reason: t("import.reason.villageUnknown", { name: village }) };
    }
    const named = this.byName.get(squashPlace(village)) ?? [];
    const candidates = district ? named.filter((v) => squashPlace(v.parent?.name ?? "") === squashPlace(district)) : named;
    if (candidates.length === 1) return { code: candidates[0]!.code };
    if (candidates.length > 1) return { reason: t("import.reason.villageAmbiguous", { name: village }) };
    return { reason: t("import.reason.villageUnknown", { name: village }) };
  }
}

const existingMemberSelect = {
  id: true,
  fullName: true,
  memberNumber: true,
  status: true,
  nik: true,
  sex: true,
  birthDate: true,
  phone: true,
  email: true,
  address: true,
  villageCode: true,
  joinDate: true,
  membershipType: true,
  skPsmNumber: true,
  skPsmDate: true,
  basicBimtekDate: true,
} satisfies Prisma.MemberSelect;
type ExistingMember = Prisma.MemberGetPayload<{ select: typeof existingMemberSelect }>;

/** A registered member as the form would show it (to fill the cells a file leaves blank). */
function memberAsForm(m: ExistingMember): FormFields {
  return {
    fullName: m.fullName,
    nik: m.nik,
    sex: m.sex,
    birthDate: toDateInput(m.birthDate),
    phone: m.phone ?? "",
    email: m.email ?? "",
    address: m.address,
    villageCode: m.villageCode,
    joinDate: toDateInput(m.joinDate),
    membershipType: m.membershipType,
    skPsmNumber: m.skPsmNumber ?? "",
    skPsmDate: toDateInput(m.skPsmDate),
    basicBimtekDate: toDateInput(m.basicBimtekDate),
  };
}

type MemberColumns = ReturnType<typeof memberData>;
type MemberColumn = keyof MemberColumns;

/** The columns whose value would change. */
function changedColumns(current: ExistingMember, next: MemberColumns): MemberColumn[] {
  return Object.keys(changedFields(current, next).after) as MemberColumn[];
}

// ---------------------------------------------------------------------------------------------
// The dry run

export type ImportOutcome = "create" | "update" | "unchanged" | "reject";

/** A checked row as stored in MemberImport.rows. */
export type CheckedImportRow = {
  rowNumber: number;
  outcome: ImportOutcome;
  fullName: string;
  nikMasked: string;
  /** why the row is rejected (Indonesian) */
  reasons: string[];
  /** what to look at, the row is still saved (Indonesian) */
  warnings: string[];
  /** for update/unchanged: the registered member with this NIK */
  existingMember?: { id: string; fullName: string; memberNumber: string | null };
  /** for update: the form fields that would change */
  changes?: FormField[];
  /** the normalized data, for create/update/unchanged */
  data?: MemberFormData;
  /** the status a new member gets */
  status?: ImportStatus;
};

/** A row for the page: everything but the data (whole NIK, address...). */
export type ImportRowView = Omit<CheckedImportRow, "data">;

export type ImportCounts = Record<ImportOutcome, number> & { total: number };

/** Runs an `IN (...)` query in chunks (SQLite limits the parameters of one statement). */
async function inChunks<T, R>(values: readonly T[], query: (chunk: T[]) => Promise<R[]>, size = 500): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < values.length; i += size) results.push(...(await query(values.slice(i, i + size))));
  return results;
}

const unique = <T>(values: Iterable<T>) => [...new Set(values)];

function countOutcomes(rows: readonly { outcome: ImportOutcome }[]): ImportCounts {
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, reject: 0, total: rows.length };
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

const cleanNik = (value: string | undefined) => (value ?? "").trim().replace(/^'/, "").replace(/[\s.-]/g, "");

/**
 * The dry run: checks every row against the form's rules and the registry (in bulk: a handful
 * of queries whatever the number of rows), stores the result and returns its id and counts.
 */
export async function checkImport(input: {
  chapterId: string;
  actorId: string;
  fileName: string;
  rows: readonly RawImportRow[];
}): Promise<{ importId: string; counts: ImportCounts }> {
  if (input.rows.length === 0) throw new MemberImportError("empty");
  if (input.rows.length > IMPORT_MAX_ROWS) throw new MemberImportError("tooMany", { max: formatNumber(IMPORT_MAX_ROWS), count: formatNumber(input.rows.length) });
  const { chapterId } = input;

  // Everything the rules need, loaded once.
  const niks = unique(input.rows.map((r) => cleanNik(r.cells.nik)).filter((nik) => /^\d{16}$/.test(nik)));
  const emails = unique(input.rows.map((r) => (r.cells.email ?? "").trim().toLowerCase()).filter(Boolean));
  const [villages, districts, existing, emailOwners] = await Promise.all([
    listChapterVillages(chapterId),
    inChunks(unique(niks.map(nikDistrictCode)), (chunk) =>
      db.region.findMany({ where: { level: "district", code: { in: chunk } }, select: { code: true } }),
    ),
    inChunks(niks, (chunk) => db.member.findMany({ where: { chapterId, nik: { in: chunk } }, select: existingMemberSelect })),
    inChunks(emails, (chunk) => db.member.findMany({ where: { email: { in: chunk } }, select: { id: true, email: true } })),
  ]);
  const villageIndex = new VillageIndex(villages);
  const districtCodes = new Set(districts.map((d) => d.code));
  const existingByNik = new Map(existing.map((m) => [m.nik, m]));
  const emailOwner = new Map(emailOwners.map((m) => [m.email ?? "", m.id]));
  const firstRowOfNik = new Map<string, number>();
  const firstRowOfEmail = new Map<string, number>();

  const checked = input.rows.map((row): CheckedImportRow => {
    const c = row.cells;
    const reasons: string[] = [];
    const warnings: string[] = [];
    const explained = new Set<FormField>(); // fields with a reason of our own: skip the schema's
    const refuse = (field: FormField | null, message: string) => {
      reasons.push(message);
      if (field) explained.add(field);
    };

    const nik = cleanNik(c.nik);
    if (/e\+?\d+$/i.test(nik)) refuse("nik", t("import.reason.nikScientific", { value: c.nik ?? "" }));
    const current = existingByNik.get(nik);

    // Cells the way the form posts them; blank cells of a registered member keep their value.
    const dates = {} as Record<"birthDate" | "joinDate" | "skPsmDate" | "basicBimtekDate", string>;
    for (const field of ["birthDate", "joinDate", "skPsmDate", "basicBimtekDate"] as const) {
      const iso = importDate(c[field]);
      if (iso === null) refuse(field, t("import.reason.date", { column: fieldLabel(field), value: c[field] ?? "" }));
      dates[field] = iso ?? "";
    }
    const sex = importSex(c.sex);
    if (sex === null) refuse("sex", t("import.reason.field", { column: fieldLabel("sex"), message: t("validation.sex") }));
    const membershipType = importMembershipType(c.membershipType);
    if (membershipType === null) refuse("membershipType", t("import.reason.membershipType", { value: c.membershipType ?? "" }));
    const status = importStatus(c.status);
    if (status === null) refuse(null, t("import.reason.status", { value: c.status ?? "" }));

    let villageCode = "";
    const villageText = (c.village ?? "").trim();
    if (villageText) {
      const resolved = villageIndex.resolve(villageText, (c.district ?? "").trim());
      if ("code" in resolved) villageCode = resolved.code;
      else refuse("villageCode", resolved.reason);
    } else if (!current) {
      refuse("villageCode", t("import.reason.villageMissing"));
    }

    const fromFile: FormFields = {
      fullName: (c.fullName ?? "").trim().replace(/\s+/g, " "),
      nik,
      sex: sex ?? "",
      birthDate: dates.birthDate,
      phone: importPhone(c.phone),
      email: (c.email ?? "").trim(),
      address: (c.address ?? "").trim(),
      villageCode,
      joinDate: dates.joinDate,
      membershipType: membershipType || (current ? "" : "biasa"),
      skPsmNumber: (c.skPsmNumber ?? "").trim(),
      skPsmDate: dates.skPsmDate,
      basicBimtekDate: dates.basicBimtekDate,
    };
    const form: FormFields = { ...fromFile };
    if (current) {
      const registered = memberAsForm(current);
      for (const field of FORM_FIELDS) if (!form[field]) form[field] = registered[field];
    }

    const parsed = memberFormSchema.safeParse(form);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "") as FormField;
        if (explained.has(field)) continue;
        explained.add(field);
        reasons.push(t("import.reason.field", { column: fieldLabel(field), message: issue.message }));
      }
    }

    // The registry's rules.
    if (/^\d{16}$/.test(nik) && !districtCodes.has(nikDistrictCode(nik)) && !explained.has("nik")) {
      refuse("nik", t("import.reason.field", { column: fieldLabel("nik"), message: t("validation.nik.region") }));
    }
    if (nik) {
      const first = firstRowOfNik.get(nik);
      if (first !== undefined) refuse("nik", t("import.reason.nikRepeated", { row: first }));
      else firstRowOfNik.set(nik, row.rowNumber);
    }
    const email = form.email.trim().toLowerCase();
    if (email) {
      const first = firstRowOfEmail.get(email);
      if (first !== undefined) refuse("email", t("import.reason.emailRepeated", { row: first }));
      else firstRowOfEmail.set(email, row.rowNumber);
      const owner = emailOwner.get(email);
      if (owner && owner !== current?.id) refuse("email", t("import.reason.field", { column: fieldLabel("email"), message: t("validation.emailTaken") }));
    }

    const base = { rowNumber: row.rowNumber, fullName: form.fullName, nikMasked: maskNik(nik), warnings };
    const existingMember = current ? { id: current.id, fullName: current.fullName, memberNumber: current.memberNumber } : undefined;
    if (reasons.length > 0 || !parsed.success) return { ...base, outcome: "reject", reasons: unique(reasons), existingMember };

    const data = parsed.data;
    if (current) {
      if (status && status !== current.status) warnings.push(t("import.warning.statusKept"));
      const changes = changedColumns(current, memberData(data));
      return { ...base, outcome: changes.length ? "update" : "unchanged", reasons: [], existingMember, changes, data };
    }
    return { ...base, outcome: "create", reasons: [], data, status: status || "calon" };
  });

  await warnNearDuplicates(chapterId, checked);

  const counts = countOutcomes(checked);
  const record = await db.memberImport.create({
    data: {
      chapterId,
      createdById: input.actorId,
      fileName: input.fileName.slice(0, 200),
      rows: JSON.stringify(checked),
      createCount: counts.create,
      updateCount: counts.update,
      rejectCount: counts.reject,
    },
    select: { id: true },
  });
  return { importId: record.id, counts };
}

/**
 * Rows to be saved with the same name and birth date as a registered member or an earlier row:
 * still saved, with a warning; the commit flags them for the board.
 */
async function warnNearDuplicates(chapterId: string, rows: CheckedImportRow[]) {
  // Updates that keep name and birth date raise nothing new (an existing pair was flagged before).
  const saved = rows.filter(
    (r) => r.data && (r.outcome === "create" || (r.outcome === "update" && r.changes?.some((f) => f === "fullName" || f === "birthDate"))),
  );
  if (saved.length === 0) return;
  const births = unique(saved.map((r) => r.data!.birthDate)).map((d) => parseCalendarDate(d)!);
  const sameBirth = await inChunks(births, (chunk) =>
    db.member.findMany({
      where: { chapterId, birthDate: { in: chunk } },
      select: { id: true, fullName: true, birthDate: true, memberNumber: true },
    }),
  );
  const registered = new Map<string, typeof sameBirth>();
  for (const m of sameBirth) {
    const key = nameKey(m.fullName, toDateInput(m.birthDate));
    registered.set(key, [...(registered.get(key) ?? []), m]);
  }
  const firstRow = new Map<string, number>();
  for (const row of saved) {
    const key = nameKey(row.data!.fullName, row.data!.birthDate);
    for (const m of registered.get(key) ?? []) {
      if (m.id === row.existingMember?.id) continue;
      row.warnings.push(t("import.warning.nearDuplicate", { name: m.fullName, number: m.memberNumber ?? "–" }));
    }
    const earlier = firstRow.get(key);
    if (earlier !== undefined) row.warnings.push(t("import.warning.nearDuplicateRow", { row: earlier }));
    else firstRow.set(key, row.rowNumber);
  }
}

/**
 * A checked import of the chapter for its page: counts and the rows to show (every rejected
 * row, then the others up to IMPORT_SHOWN_ROWS), without the rows' personal data.
 */
export async function getImport(chapterId: string, importId: string) {
  const record = await db.memberImport.findFirst({
    where: { id: importId, chapterId },
    select: { id: true, fileName: true, rows: true, status: true, createdAt: true, committedAt: true },
  });
  if (!record) return null;
  const rows = JSON.parse(record.rows) as CheckedImportRow[];
  const counts = countOutcomes(rows);
  let others = IMPORT_SHOWN_ROWS;
  const shown: ImportRowView[] = [];
  for (const { data: _data, status: _status, ...row } of rows) {
    if (row.outcome === "reject") shown.push(row);
    else if (others > 0) {
      others -= 1;
      shown.push(row);
    }
  }
  return {
    id: record.id,
    fileName: record.fileName,
    status: record.status === "committed" ? ("committed" as const) : ("checked" as const),
    createdAt: record.createdAt,
    committedAt: record.committedAt,
    counts,
    rows: shown,
  };
}
export type ImportDetail = NonNullable<Awaited<ReturnType<typeof getImport>>>;

// ---------------------------------------------------------------------------------------------
// Progress of a running commit (in memory: the portal runs as one process)

export type ImportProgress = { chapterId: string; done: number; total: number; finished: boolean; error: string | null };

const progressRegistry = new Map<string, ImportProgress>();

/** importId -> how far its commit has come. Entries are dropped 10 minutes after the end. */
export const importProgress: ReadonlyMap<string, ImportProgress> = progressRegistry;

/** The progress of an import of the chapter, or null when none is known. */
export function getImportProgress(chapterId: string, importId: string) {
  const entry = progressRegistry.get(importId);
  if (!entry || entry.chapterId !== chapterId) return null;
  return { done: entry.done, total: entry.total, finished: entry.finished, error: entry.error };
}

// ---------------------------------------------------------------------------------------------
// The commit

export type CommitImportRefusal = "missing" | "committed" | "rejected" | "nothing" | "conflict";

export type CommitImportResult =
  | { ok: true; created: number; updated: number; unchanged: number }
  | { ok: false; reason: CommitImportRefusal; message: string; rows?: number[] };

function refusal(reason: CommitImportRefusal, rows?: number[]): CommitImportResult {
  const key: MessageKey = `import.refused.${reason}`;
  return { ok: false, reason, message: t(key, { rows: (rows ?? []).slice(0, 20).join(", ") }), ...(rows ? { rows } : {}) };
}

const PROGRESS_STEP = 500;

/**
 * Lets the server answer other requests between chunks: SQLite answers synchronously, so a long
 * chain of awaited queries would otherwise keep the event loop from reading new requests (a
 * progress poll, another page) until the commit ends. Their reads go on; writes wait (decision 006).
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
// Rows per multi-row INSERT: few statements, well under the parameters SQLite takes in one (32,766).
const MEMBER_ROWS_PER_INSERT = 200;
const AUDIT_ROWS_PER_INSERT = 500;
const FLAG_ROWS_PER_INSERT = 150;

/**
 * Writes a checked import in ONE transaction: the new members (numbers reserved in one go), the
 * updates, near-duplicate flags and the audit records; every row or none. Refused when already
 * committed, when a row is rejected, or when the registry changed since the dry run.
 * onProgress(done, total) is called about every 500 rows.
 */
export async function commitImport(input: {
  chapterId: string;
  actorId: string;
  importId: string;
  onProgress?: (done: number, total: number) => void;
}): Promise<CommitImportResult> {
  const { chapterId, importId } = input;
  const record = await db.memberImport.findFirst({
    where: { id: importId, chapterId },
    select: { rows: true, status: true, rejectCount: true, fileName: true },
  });
  if (!record) return refusal("missing");
  if (record.status === "committed") return refusal("committed");
  if (record.rejectCount > 0) return refusal("rejected");
  const rows = JSON.parse(record.rows) as CheckedImportRow[];
  const creates = rows.filter((r) => r.outcome === "create" && r.data);
  const updates = rows.filter((r) => r.outcome === "update" && r.data && r.existingMember);
  const unchanged = rows.filter((r) => r.outcome === "unchanged").length;
  const total = creates.length + updates.length;
  if (total === 0) return refusal("nothing");

  const state: ImportProgress = { chapterId, done: 0, total, finished: false, error: null };
  progressRegistry.set(importId, state);
  let reported = 0;
  const advance = (rowsDone: number) => {
    state.done += rowsDone;
    if (state.done - reported >= PROGRESS_STEP || state.done === total) {
      reported = state.done;
      input.onProgress?.(state.done, total);
    }
  };
  input.onProgress?.(0, total);

  try {
    return await db.$transaction(
      async (tx) => {
        const conflicts = await findConflicts(tx, chapterId, creates, updates);
        if (conflicts.rows.length > 0) return refusal("conflict", conflicts.rows);
        // Claim the import: a second commit (another tab, a double click) finds it taken.
        const claimed = await tx.memberImport.updateMany({
          where: { id: importId, chapterId, status: "checked" },
          data: { status: "committed", committedAt: new Date() },
        });
        if (claimed.count === 0) return refusal("committed");

        const created = await insertMembers(tx, chapterId, creates, advance);
        const touched: { id: string; fullName: string; birthDate: Date; isNew: boolean }[] = created.map((m) => ({ ...m, isNew: true }));
        const auditRows: Prisma.AuditLogCreateManyInput[] = created.map((m) => ({
          actorId: input.actorId,
          chapterId,
          action: "member.create",
          entityType: "Member",
          entityId: m.id,
          after: JSON.stringify(memberAuditView({ ...m.values, status: m.status, memberNumber: m.memberNumber, importId })),
        }));

        for (const row of updates) {
          const values = memberData(row.data!);
          const current = conflicts.current.get(row.existingMember!.id)!;
          const changed = changedColumns(current, values);
          await tx.member.update({ where: { id: current.id }, data: values, select: { id: true } });
          const before = Object.fromEntries(changed.map((key) => [key, current[key]]));
          const after = Object.fromEntries(changed.map((key) => [key, values[key]]));
          auditRows.push({
            actorId: input.actorId,
            chapterId,
            action: "member.update",
            entityType: "Member",
            entityId: current.id,
            before: JSON.stringify(memberAuditView(before)),
            after: JSON.stringify({ ...memberAuditView(after), importId }),
          });
          if (changed.includes("fullName") || changed.includes("birthDate")) {
            touched.push({ id: current.id, fullName: values.fullName, birthDate: values.birthDate, isNew: false });
          }
          advance(1);
          if (state.done % MEMBER_ROWS_PER_INSERT === 0) await yieldToEventLoop();
        }

        await flagNearDuplicates(tx, chapterId, touched);
        await recordAudit(
          {
            actorId: input.actorId,
            chapterId,
            action: "member.import",
            entityType: "MemberImport",
            entityId: importId,
            after: { fileName: record.fileName, created: creates.length, updated: updates.length, unchanged },
          },
          tx,
        );
        for (let i = 0; i < auditRows.length; i += AUDIT_ROWS_PER_INSERT) {
          await tx.auditLog.createMany({ data: auditRows.slice(i, i + AUDIT_ROWS_PER_INSERT) });
          await yieldToEventLoop();
        }
        return { ok: true as const, created: creates.length, updated: updates.length, unchanged };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    state.error = t("import.error.commitFailed");
    throw error;
  } finally {
    state.finished = true;
    setTimeout(() => {
      if (progressRegistry.get(importId) === state) progressRegistry.delete(importId);
    }, 10 * 60_000).unref();
  }
}

/**
 * What changed since the dry run: an NIK to be created now registered, a member to be updated
 * gone or with another NIK, an email taken by someone else. Also returns the current data of
 * the members to update (for the audit's before/after).
 */
async function findConflicts(tx: Tx, chapterId: string, creates: CheckedImportRow[], updates: CheckedImportRow[]) {
  const conflictRows = new Set<number>();
  const [takenNiks, current, emailOwners] = await Promise.all([
    inChunks(creates.map((r) => r.data!.nik), (chunk) =>
      tx.member.findMany({ where: { chapterId, nik: { in: chunk } }, select: { nik: true } }),
    ),
    inChunks(updates.map((r) => r.existingMember!.id), (chunk) =>
      tx.member.findMany({ where: { chapterId, id: { in: chunk } }, select: existingMemberSelect }),
    ),
    inChunks(unique([...creates, ...updates].map((r) => r.data!.email).filter((e): e is string => Boolean(e))), (chunk) =>
      tx.member.findMany({ where: { email: { in: chunk } }, select: { id: true, email: true } }),
    ),
  ]);
  const taken = new Set(takenNiks.map((m) => m.nik));
  const currentById = new Map(current.map((m) => [m.id, m]));
  const emailOwner = new Map(emailOwners.map((m) => [m.email ?? "", m.id]));
  for (const row of creates) {
    if (taken.has(row.data!.nik)) conflictRows.add(row.rowNumber);
    if (row.data!.email && emailOwner.has(row.data!.email)) conflictRows.add(row.rowNumber);
  }
  for (const row of updates) {
    const member = currentById.get(row.existingMember!.id);
    if (!member || member.nik !== row.data!.nik) conflictRows.add(row.rowNumber);
    const owner = row.data!.email ? emailOwner.get(row.data!.email) : undefined;
    if (owner && owner !== row.existingMember!.id) conflictRows.add(row.rowNumber);
  }
  return { rows: [...conflictRows].sort((a, b) => a - b), current: currentById };
}

/** The new members, with member numbers reserved in one go, inserted in chunks. */
async function insertMembers(tx: Tx, chapterId: string, creates: CheckedImportRow[], advance: (rows: number) => void) {
  const values = creates.map((r) => memberData(r.data!));
  const numbers = await reserveMemberNumbers(tx, chapterId, values.map((v) => v.joinDate.getUTCFullYear()));
  const idByNik = new Map<string, string>();
  for (let i = 0; i < creates.length; i += MEMBER_ROWS_PER_INSERT) {
    const chunk = creates.slice(i, i + MEMBER_ROWS_PER_INSERT);
    const inserted = await tx.member.createManyAndReturn({
      data: chunk.map((row, j) => ({
        ...values[i + j]!,
        chapterId,
        status: row.status ?? "calon",
        statusDate: values[i + j]!.joinDate,
        memberNumber: numbers[i + j]!,
      })),
      select: { id: true, nik: true },
    });
    for (const m of inserted) idByNik.set(m.nik, m.id);
    advance(chunk.length);
    await yieldToEventLoop();
  }
  return creates.map((row, i) => ({
    id: idByNik.get(values[i]!.nik)!,
    fullName: values[i]!.fullName,
    birthDate: values[i]!.birthDate,
    status: row.status ?? "calon",
    memberNumber: numbers[i]!,
    values: values[i]!,
  }));
}

/**
 * Flags (for the board) pairs with the same name and birth date where one side was created or
 * renamed by this import; pairs already flagged (or decided) are left alone.
 */
async function flagNearDuplicates(
  tx: Tx,
  chapterId: string,
  touched: { id: string; fullName: string; birthDate: Date; isNew: boolean }[],
) {
  if (touched.length === 0) return;
  const births = unique(touched.map((m) => m.birthDate.getTime())).map((ms) => new Date(ms));
  const sameBirth = await inChunks(births, (chunk) =>
    tx.member.findMany({ where: { chapterId, birthDate: { in: chunk } }, select: { id: true, fullName: true, birthDate: true } }),
  );
  const groups = new Map<string, string[]>();
  for (const m of sameBirth) {
    const key = nameKey(m.fullName, toDateInput(m.birthDate));
    groups.set(key, [...(groups.get(key) ?? []), m.id]);
  }
  const isNew = new Set(touched.filter((m) => m.isNew).map((m) => m.id));
  const pairs = new Map<string, { memberId: string; otherMemberId: string; isNew: boolean }>();
  for (const m of touched) {
    for (const other of groups.get(nameKey(m.fullName, toDateInput(m.birthDate))) ?? []) {
      if (other === m.id) continue;
      const [memberId, otherMemberId] = [m.id, other].sort() as [string, string];
      pairs.set(`${memberId}|${otherMemberId}`, { memberId, otherMemberId, isNew: isNew.has(memberId) || isNew.has(otherMemberId) });
    }
  }
  // Only pairs between members that existed before can already have a flag.
  const older = [...pairs.values()].filter((p) => !p.isNew);
  const known = await inChunks(
    older,
    (chunk) =>
      tx.memberDuplicateFlag.findMany({
        where: { OR: chunk.map((p) => ({ memberId: p.memberId, otherMemberId: p.otherMemberId })) },
        select: { memberId: true, otherMemberId: true },
      }),
    200,
  );
  for (const flag of known) pairs.delete(`${flag.memberId}|${flag.otherMemberId}`);
  const fresh = [...pairs.values()].map((p) => ({ chapterId, memberId: p.memberId, otherMemberId: p.otherMemberId }));
  for (let i = 0; i < fresh.length; i += FLAG_ROWS_PER_INSERT) {
    await tx.memberDuplicateFlag.createMany({ data: fresh.slice(i, i + FLAG_ROWS_PER_INSERT) });
  }
}

// ---------------------------------------------------------------------------------------------
// The template

/** The template to fill in: Indonesian headers, one example row, and a sheet "Petunjuk". */
export async function buildTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Portal IPSM";
  const sheet = workbook.addWorksheet(t("export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.text ? { style: { numFmt: "@" } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8F0F4" } };
  });
  sheet.addRow(Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.key, c.example])));

  const help = workbook.addWorksheet(t("import.help.sheet"));
  help.columns = [
    { key: "column", width: 38 },
    { key: "note", width: 100, style: { alignment: { wrapText: true, vertical: "top" } } },
  ];
  help.addRow({ column: t("import.help.intro") }).font = { italic: true };
  help.mergeCells("A1:B1");
  help.getRow(1).height = 45;
  help.getCell("A1").alignment = { wrapText: true, vertical: "top" };
  help.addRow({ column: t("import.help.update") }).font = { italic: true };
  help.mergeCells("A2:B2");
  help.getRow(2).height = 30;
  help.getCell("A2").alignment = { wrapText: true, vertical: "top" };
  help.addRow([]);
  help.addRow({ column: t("import.help.column"), note: t("import.help.note") }).font = { bold: true };
  for (const c of TEMPLATE_COLUMNS) help.addRow({ column: c.header, note: t(`import.help.${c.key}`) });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
