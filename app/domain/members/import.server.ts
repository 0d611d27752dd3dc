// Importing members from the spreadsheets Indonesian offices keep (.xlsx or .csv).
// 1. parseMemberFile reads the rows, matching the Indonesian headers of the template tolerantly.
// 2. checkImport (the dry run) says row by row what would be created, updated (an NIK already in
//    the chapter), left unchanged or rejected and why, with every registry rule checked in bulk,
//    and stores the result as a MemberImport.
// 3. commitImport writes a checked import in ONE transaction: every row, or nothing.
import ExcelJS from "exceljs";
import { t, type MessageKey } from "~/i18n/index";
import { memberStatusLabel } from "~/i18n/labels";
import { recordAudit } from "~/utils/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import { formatNumber, maskNik } from "~/utils/format";
import {
  MEMBER_STATUSES,
  memberFormSchema,
  nikDistrictCode,
  parseCalendarDate,
  toDateInput,
  type MemberFormData,
  type MemberStatus,
} from "~/validation/members";
import { hasUnreadableCharacters, isScientificNumber, parseImportDate } from "~/utils/import-values";
import {
  IMPORT_MAX_ROWS,
  MemberImportError,
  readMemberFile,
  TEMPLATE_COLUMNS,
  type ImportColumnKey,
  type ImportFileInfo,
  type RawImportRow,
} from "./import-file.server";

export {
  ALL_SHEETS,
  IMPORT_MAX_ROWS,
  MemberImportError,
  parseMemberFile,
  readMemberFile,
  REQUIRED_COLUMNS,
  TEMPLATE_COLUMNS,
  type ImportColumnKey,
  type ImportFileInfo,
  type ParsedMemberFile,
  type RawImportRow,
} from "./import-file.server";
import { changedFields, listChapterVillages, memberAuditView, memberData, reserveMemberNumbers } from "./members.server";

type Tx = Prisma.TransactionClient;

/** Largest file the upload accepts. */
export const IMPORT_MAX_FILE_BYTES = 10 * 1024 * 1024;
/** How long the file of a dry run is kept (to read another sheet) when it is not committed. */
export const IMPORT_FILE_KEPT_MS = 7 * 86_400_000;
/** Rows the dry-run page lists besides every rejected row. */
export const IMPORT_SHOWN_ROWS = 500;

// ---------------------------------------------------------------------------------------------
// From cells to the member form

type FormField = keyof MemberFormData;
type FormFields = Record<FormField, string>;
type ImportStatus = MemberStatus;

/** The form fields, in the order reasons are listed. */
const FORM_FIELDS = [
  "fullName",
  "nik",
  "sex",
  "birthDate",
  "phone",
  "email",
  "address",
  "villageCode",
  "joinDate",
  "membershipType",
  "skPsmNumber",
  "skPsmDate",
  "basicBimtekDate",
] as const satisfies readonly FormField[];

/** The form field a column of the file fills. */
const FIELD_OF_COLUMN: Partial<Record<ImportColumnKey, FormField>> = {
  fullName: "fullName",
  nik: "nik",
  sex: "sex",
  birthDate: "birthDate",
  phone: "phone",
  email: "email",
  address: "address",
  village: "villageCode",
  joinDate: "joinDate",
  membershipType: "membershipType",
  skPsmNumber: "skPsmNumber",
  skPsmDate: "skPsmDate",
  basicBimtekDate: "basicBimtekDate",
};

const DATE_FIELDS = ["birthDate", "joinDate", "skPsmDate", "basicBimtekDate"] as const;
/** Dates of things that have happened: never after today. */
const PAST_FIELDS = ["joinDate", "skPsmDate", "basicBimtekDate"] as const;

const fieldLabel = (field: FormField) => t(`import.field.${field}`);
const columnLabel = (key: ImportColumnKey) => TEMPLATE_COLUMNS.find((c) => c.key === key)!.header.replace(/\s*\(.*\)$/, "");

/** How a row is named in messages: "5", or "5 (lembar Anggota 2)" when several sheets are read. */
export function rowLabel(row: { rowNumber: number; sheet?: string }): string {
  return row.sheet ? t("import.rowInSheet", { row: row.rowNumber, sheet: row.sheet }) : String(row.rowNumber);
}

/** "17/08/1990", "17 Agustus 1990", "1990-08-17" (a time after it ignored) -> "1990-08-17"; "" when blank; else why not. */
export function importDate(value: string | undefined, field: FormField): { iso: string } | { reason: string } {
  const parsed = parseImportDate(value ?? "");
  if (parsed.ok) return { iso: parsed.iso };
  return { reason: t(`import.reason.date.${parsed.problem}`, { column: fieldLabel(field), value: (value ?? "").trim() }) };
}

/** The latest "today" in Indonesia (WIT, UTC+9), as a calendar date at UTC midnight. */
function todayInIndonesia(): Date {
  const now = new Date(Date.now() + 9 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** L/P, Laki-laki/Perempuan, Pria/Wanita -> "L"/"P"; "" when blank; null otherwise. */
function importSex(value: string | undefined): "L" | "P" | "" | null {
  const v = (value ?? "")
    .trim()
    .toLocaleLowerCase("id-ID")
    .replace(/[\s-]+/g, "");
  if (!v) return "";
  if (["l", "lk", "lakilaki", "laki", "lelaki", "pria", "male"].includes(v)) return "L";
  if (["p", "pr", "perempuan", "wanita", "female"].includes(v)) return "P";
  return null;
}

/**
 * A phone as the file has it, for the form. Excel drops the 0 of 0812... in a number cell
 * (81234567890): the 0 is put back, since an Indonesian mobile number always has it, and the
 * dry run says so. Other numbers go to the form's own check.
 */
function importPhone(value: string | undefined): { phone: string; restored: boolean } {
  const v = (value ?? "").trim().replace(/^'/, "");
  return /^8\d{8,11}$/.test(v) ? { phone: `0${v}`, restored: true } : { phone: v, restored: false };
}

function importMembershipType(value: string | undefined): "biasa" | "kehormatan" | "" | null {
  const v = (value ?? "")
    .trim()
    .toLocaleLowerCase("id-ID")
    .replace(/^anggota\s+/, "");
  if (!v) return "";
  if (v === "biasa") return "biasa";
  if (v === "kehormatan") return "kehormatan";
  return null;
}

const squashWord = (value: string) => value.toLocaleLowerCase("id-ID").replace(/[^a-z]/g, "");

/** Every status the registry knows, by its code ("mengundurkan_diri") or its label ("Mengundurkan diri"). */
const STATUS_BY_NAME = new Map<string, MemberStatus>(
  MEMBER_STATUSES.flatMap((s): [string, MemberStatus][] => [
    [squashWord(s), s],
    [squashWord(memberStatusLabel(s)), s],
  ]),
);

function importStatus(value: string | undefined): ImportStatus | "" | null {
  const v = squashWord((value ?? "").trim().replace(/\s+anggota$/i, ""));
  if (!v) return "";
  return STATUS_BY_NAME.get(v) ?? null;
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
  /** the sheet, when several were read */
  sheet?: string;
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

/**
 * A cell for a one-line field: line breaks and tabs (a form field cannot hold them) become one
 * space; everything else is kept as written, so a value exported by the portal comes back the same.
 */
const singleLine = (value: string | undefined) => (value ?? "").replace(/[ ]*[\t\r\n]+[ ]*/g, " ").trim();

const cleanNik = (value: string | undefined) =>
  (value ?? "")
    .trim()
    .replace(/^'/, "")
    .replace(/[\s.-]/g, "");

/**
 * The dry run: checks every row against the form's rules and the registry (in bulk: a handful
 * of queries whatever the number of rows), stores the result (with what was read of the file,
 * and the file itself so that another sheet can be read) and returns its id and counts.
 */
export async function checkImport(input: {
  chapterId: string;
  actorId: string;
  fileName: string;
  rows: readonly RawImportRow[];
  info?: ImportFileInfo;
  source?: Uint8Array;
}): Promise<{ importId: string; counts: ImportCounts }> {
  if (input.rows.length === 0) throw new MemberImportError("empty");
  if (input.rows.length > IMPORT_MAX_ROWS)
    throw new MemberImportError("tooMany", { max: formatNumber(IMPORT_MAX_ROWS), count: formatNumber(input.rows.length) });
  const { chapterId } = input;
  // A required column the file lacks is said once, above the rows, not on each of them.
  const missingFields = new Set((input.info?.missingColumns ?? []).map((key) => FIELD_OF_COLUMN[key]));
  const today = todayInIndonesia();

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
  const firstRowOfNik = new Map<string, string>();
  const firstRowOfEmail = new Map<string, string>();

  const checked = input.rows.map((row): CheckedImportRow => {
    const c = row.cells;
    const reasons: string[] = [];
    const warnings: string[] = [];
    const explained = new Set<FormField>(); // fields with a reason of our own: skip the schema's
    const refuse = (field: FormField | null, message: string) => {
      reasons.push(message);
      if (field) explained.add(field);
    };
    const numberCells = new Set(row.numberCells ?? []);

    // Cells no person typed: control characters, bytes the decoder could not read.
    for (const [key, value] of Object.entries(c) as [ImportColumnKey, string][]) {
      if (value && hasUnreadableCharacters(value)) {
        refuse(FIELD_OF_COLUMN[key] ?? null, t("import.reason.unreadable", { column: columnLabel(key) }));
      }
    }
    // Numbers Excel has rounded or written in scientific notation: their digits are lost.
    const nikText = (c.nik ?? "").trim();
    if (numberCells.has("nik") && nikText) {
      refuse("nik", t(input.info?.nikColumnRounded ? "import.reason.nikRoundedColumn" : "import.reason.nikNumber", { value: nikText }));
    } else if (isScientificNumber(nikText)) {
      refuse("nik", t("import.reason.nikNumber", { value: nikText }));
    } else if (/\d\*{4,}\d/.test(nikText)) {
      refuse("nik", t("import.reason.nikMasked", { value: nikText }));
    }
    for (const key of ["phone", "skPsmNumber", "village", "address", "fullName", "email"] as const) {
      const value = (c[key] ?? "").trim();
      const digits = value.replace(/\D/g, "");
      if (isScientificNumber(value) || (numberCells.has(key) && digits.length > 15)) {
        refuse(FIELD_OF_COLUMN[key] ?? null, t("import.reason.numberLost", { column: columnLabel(key), value }));
      }
    }

    const nik = cleanNik(c.nik);
    const current = existingByNik.get(nik);

    // Cells the way the form posts them; blank cells of a registered member keep their value.
    const dates = {} as Record<(typeof DATE_FIELDS)[number], string>;
    for (const field of DATE_FIELDS) {
      const read = importDate(c[field], field);
      if ("reason" in read) refuse(field, read.reason);
      dates[field] = "iso" in read ? read.iso : "";
    }
    for (const field of PAST_FIELDS) {
      const date = dates[field] ? parseCalendarDate(dates[field]) : null;
      if (date && date > today) refuse(field, t("import.reason.futureDate", { column: fieldLabel(field), value: (c[field] ?? "").trim() }));
    }
    const sex = importSex(c.sex);
    if (sex === null) refuse("sex", t("import.reason.sex", { value: c.sex ?? "" }));
    const membershipType = importMembershipType(c.membershipType);
    if (membershipType === null) refuse("membershipType", t("import.reason.membershipType", { value: c.membershipType ?? "" }));
    const status = importStatus(c.status);
    if (status === null) refuse(null, t("import.reason.status", { value: c.status ?? "" }));
    const phone = importPhone(c.phone);
    if (phone.restored) warnings.push(t("import.warning.phoneRestored", { value: (c.phone ?? "").trim() }));

    let villageCode = "";
    const villageText = (c.village ?? "").trim();
    if (villageText) {
      const resolved = villageIndex.resolve(villageText, (c.district ?? "").trim());
      if ("code" in resolved) villageCode = resolved.code;
      else refuse("villageCode", resolved.reason);
    } else if (!current && !missingFields.has("villageCode")) {
      refuse("villageCode", t("import.reason.villageMissing"));
    }

    const fromFile: FormFields = {
      fullName: singleLine(c.fullName),
      nik,
      sex: sex ?? "",
      birthDate: dates.birthDate,
      phone: phone.phone,
      email: (c.email ?? "").trim(),
      address: singleLine(c.address),
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

    // The member form's own rules and limits (a text too long is refused with its limit, never cut).
    const parsed = memberFormSchema.safeParse(form);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "") as FormField;
        if (explained.has(field)) continue;
        explained.add(field);
        if (missingFields.has(field) && !form[field]) continue; // said once, above the rows
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
      else firstRowOfNik.set(nik, rowLabel(row));
    }
    const email = form.email.trim().toLowerCase();
    if (email) {
      const first = firstRowOfEmail.get(email);
      if (first !== undefined) refuse("email", t("import.reason.emailRepeated", { row: first }));
      else firstRowOfEmail.set(email, rowLabel(row));
      const owner = emailOwner.get(email);
      if (owner && owner !== current?.id)
        refuse("email", t("import.reason.field", { column: fieldLabel("email"), message: t("validation.emailTaken") }));
    }

    const base = {
      rowNumber: row.rowNumber,
      ...(row.sheet ? { sheet: row.sheet } : {}),
      fullName: form.fullName,
      nikMasked: maskNik(nik),
      warnings,
    };
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
  // Files of dry runs nobody committed are not kept longer than needed to choose a sheet.
  await db.memberImport.updateMany({
    where: { chapterId, status: "checked", source: { not: null }, createdAt: { lt: new Date(Date.now() - IMPORT_FILE_KEPT_MS) } },
    data: { source: null },
  });
  const record = await db.memberImport.create({
    data: {
      chapterId,
      createdById: input.actorId,
      fileName: input.fileName.slice(0, 200),
      rows: JSON.stringify(checked),
      createCount: counts.create,
      updateCount: counts.update,
      rejectCount: counts.reject,
      ...(input.info ? { fileInfo: JSON.stringify(input.info) } : {}),
      ...(input.source ? { source: new Uint8Array(input.source) } : {}),
    },
    select: { id: true },
  });
  return { importId: record.id, counts };
}

/**
 * Reads the file of a checked import again, from another sheet (or all of them), and checks it
 * as a new import; the person need not upload it again.
 */
export async function recheckImportSheet(input: {
  chapterId: string;
  actorId: string;
  importId: string;
  sheet: string;
}): Promise<{ ok: true; importId: string } | { ok: false; message: string }> {
  const record = await db.memberImport.findFirst({
    where: { id: input.importId, chapterId: input.chapterId, status: "checked" },
    select: { fileName: true, source: true },
  });
  if (!record?.source) return { ok: false, message: t("import.refused.missing") };
  const bytes = new Uint8Array(record.source);
  try {
    const parsed = await readMemberFile({ fileName: record.fileName, bytes, sheet: input.sheet });
    const { importId } = await checkImport({
      chapterId: input.chapterId,
      actorId: input.actorId,
      fileName: record.fileName,
      rows: parsed.rows,
      info: parsed.info,
      source: bytes,
    });
    return { ok: true, importId };
  } catch (error) {
    if (error instanceof MemberImportError) return { ok: false, message: error.message };
    throw error;
  }
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
  const firstRow = new Map<string, string>();
  for (const row of saved) {
    const key = nameKey(row.data!.fullName, row.data!.birthDate);
    for (const m of registered.get(key) ?? []) {
      if (m.id === row.existingMember?.id) continue;
      row.warnings.push(t("import.warning.nearDuplicate", { name: m.fullName, number: m.memberNumber ?? "–" }));
    }
    const earlier = firstRow.get(key);
    if (earlier !== undefined) row.warnings.push(t("import.warning.nearDuplicateRow", { row: earlier }));
    else firstRow.set(key, rowLabel(row));
  }
}

/**
 * A checked import of the chapter for its page: counts and the rows to show (every rejected
 * row, then the others up to IMPORT_SHOWN_ROWS), without the rows' personal data.
 */
export async function getImport(chapterId: string, importId: string) {
  const record = await db.memberImport.findFirst({
    where: { id: importId, chapterId },
    select: { id: true, fileName: true, rows: true, status: true, createdAt: true, committedAt: true, fileInfo: true },
  });
  if (!record) return null;
  const rows = JSON.parse(record.rows) as CheckedImportRow[];
  const info = JSON.parse(record.fileInfo) as Partial<ImportFileInfo>;
  // Another sheet can be read while the file is kept (until the commit), from a workbook of several.
  const fileKept = record.status === "checked" && (await db.memberImport.count({ where: { id: importId, source: { not: null } } })) > 0;
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
    file: {
      sheetsRead: info.sheetsRead ?? [],
      sheets: info.sheets ?? [],
      sheetsWithoutHeader: info.sheetsWithoutHeader ?? [],
      unknownColumns: info.unknownColumns ?? [],
      ignoredColumns: info.ignoredColumns ?? [],
      missingColumns: (info.missingColumns ?? []).map(columnLabel),
      nikColumnRounded: info.nikColumnRounded ?? false,
      encoding: info.encoding ?? null,
      canChooseSheet: fileKept && (info.sheets ?? []).length > 1,
    },
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
  | { ok: false; reason: CommitImportRefusal; message: string; rows?: string[] };

function refusal(reason: CommitImportRefusal, rows?: string[]): CommitImportResult {
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
          // The uploaded file is not kept once its rows are in the registry.
          data: { status: "committed", committedAt: new Date(), source: null },
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
  const conflictRows = new Set<CheckedImportRow>();
  const [takenNiks, current, emailOwners] = await Promise.all([
    inChunks(
      creates.map((r) => r.data!.nik),
      (chunk) => tx.member.findMany({ where: { chapterId, nik: { in: chunk } }, select: { nik: true } }),
    ),
    inChunks(
      updates.map((r) => r.existingMember!.id),
      (chunk) => tx.member.findMany({ where: { chapterId, id: { in: chunk } }, select: existingMemberSelect }),
    ),
    inChunks(unique([...creates, ...updates].map((r) => r.data!.email).filter((e): e is string => Boolean(e))), (chunk) =>
      tx.member.findMany({ where: { email: { in: chunk } }, select: { id: true, email: true } }),
    ),
  ]);
  const taken = new Set(takenNiks.map((m) => m.nik));
  const currentById = new Map(current.map((m) => [m.id, m]));
  const emailOwner = new Map(emailOwners.map((m) => [m.email ?? "", m.id]));
  for (const row of creates) {
    if (taken.has(row.data!.nik)) conflictRows.add(row);
    if (row.data!.email && emailOwner.has(row.data!.email)) conflictRows.add(row);
  }
  for (const row of updates) {
    const member = currentById.get(row.existingMember!.id);
    if (!member || member.nik !== row.data!.nik) conflictRows.add(row);
    const owner = row.data!.email ? emailOwner.get(row.data!.email) : undefined;
    if (owner && owner !== row.existingMember!.id) conflictRows.add(row);
  }
  const rows = [...conflictRows].sort((a, b) => (a.sheet ?? "").localeCompare(b.sheet ?? "") || a.rowNumber - b.rowNumber);
  return { rows: rows.map(rowLabel), current: currentById };
}

/** The new members, with member numbers reserved in one go, inserted in chunks. */
async function insertMembers(tx: Tx, chapterId: string, creates: CheckedImportRow[], advance: (rows: number) => void) {
  const values = creates.map((r) => memberData(r.data!));
  const numbers = await reserveMemberNumbers(
    tx,
    chapterId,
    values.map((v) => v.joinDate.getUTCFullYear()),
  );
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
async function flagNearDuplicates(tx: Tx, chapterId: string, touched: { id: string; fullName: string; birthDate: Date; isNew: boolean }[]) {
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
