// The member import, reading: from the cells of a file (import-file.server.ts) to the member
// form, row by row. Each cell is read the way Indonesian offices write it (dates, L/P, statuses,
// kelurahan by name), then the row is checked against the member form's rules and what the
// registry holds (loaded in bulk by the dry run, import-commit.server.ts), and given its outcome:
// create, update (an NIK already in the chapter), unchanged or reject, with the reasons.
import { t } from "~/i18n/index";
import { memberStatusLabel } from "~/i18n/labels";
import type { Prisma } from "~/utils/db.server";
import { maskNik } from "~/utils/format";
import { hasUnreadableCharacters, isScientificNumber, parseImportDate } from "~/utils/import-values";
import {
  MEMBER_STATUSES,
  memberFormSchema,
  nikDistrictCode,
  parseCalendarDate,
  toDateInput,
  type MemberFormData,
  type MembershipType,
  type MemberStatus,
  type Sex,
} from "~/validation/members";
import { TEMPLATE_COLUMNS, type ImportColumnKey, type ImportFileInfo, type RawImportRow } from "./import-file.server";
import { changedFields, memberData, type listChapterVillages } from "./members.server";

// ---------------------------------------------------------------------------------------------
// From cells to the member form

type FormField = keyof MemberFormData;
type FormFields = Record<FormField, string>;

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
export const columnLabel = (key: ImportColumnKey) => TEMPLATE_COLUMNS.find((c) => c.key === key)!.header.replace(/\s*\(.*\)$/, "");

/** How a row is named in messages: "5", or "5 (lembar Anggota 2)" when several sheets are read. */
export function rowLabel(row: { rowNumber: number; sheet?: string }): string {
  return row.sheet ? t("import.rowInSheet", { row: row.rowNumber, sheet: row.sheet }) : String(row.rowNumber);
}

/** "17/08/1990", "17 Agustus 1990", "1990-08-17" (a time after it ignored) -> "1990-08-17"; "" when blank; else why not. */
function importDate(value: string | undefined, field: FormField): { iso: string } | { reason: string } {
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
function importSex(value: string | undefined): Sex | "" | null {
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

function importMembershipType(value: string | undefined): MembershipType | "" | null {
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

function importStatus(value: string | undefined): MemberStatus | "" | null {
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
export function nameKey(fullName: string, birthDate: string): string {
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

export const existingMemberSelect = {
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
export type ExistingMember = Prisma.MemberGetPayload<{ select: typeof existingMemberSelect }>;

/** A registered member as the form would show it (to fill the cells a file leaves blank). */
export function memberAsForm(m: ExistingMember): FormFields {
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
export function changedColumns(current: ExistingMember, next: MemberColumns): MemberColumn[] {
  return Object.keys(changedFields(current, next).after) as MemberColumn[];
}

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
  status?: MemberStatus;
};

/** A row for the page: everything but the data (whole NIK, address...). */
export type ImportRowView = Omit<CheckedImportRow, "data">;

export type ImportCounts = Record<ImportOutcome, number> & { total: number };

/** Runs an `IN (...)` query in chunks (SQLite limits the parameters of one statement). */
export async function inChunks<T, R>(values: readonly T[], query: (chunk: T[]) => Promise<R[]>, size = 500): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < values.length; i += size) {
    // SQLite answers synchronously: a chain of awaited queries never lets the event loop read
    // another request (a 10,000-row import's reads held it for seconds). Let it in between chunks.
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    results.push(...(await query(values.slice(i, i + size))));
  }
  return results;
}

export const unique = <T>(values: Iterable<T>) => [...new Set(values)];

export function countOutcomes(rows: readonly { outcome: ImportOutcome }[]): ImportCounts {
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

// ---------------------------------------------------------------------------------------------
// Checking the rows

/** What the registry holds for the rows of a file (loaded in bulk by the dry run). */
export type RegistryFacts = {
  /** the kelurahan of the chapter's area */
  villages: ChapterVillage[];
  /** the kecamatan codes the NIKs of the file point at that exist */
  districtCodes: ReadonlySet<string>;
  /** the chapter's members with an NIK of the file */
  existing: readonly ExistingMember[];
  /** the members (of any chapter) with an email of the file */
  emailOwners: readonly { id: string; email: string | null }[];
};

/** The NIKs and emails of the rows, as the registry is asked about them. */
export function rowKeys(rows: readonly RawImportRow[]) {
  return {
    niks: unique(rows.map((r) => cleanNik(r.cells.nik)).filter((nik) => /^\d{16}$/.test(nik))),
    emails: unique(rows.map((r) => (r.cells.email ?? "").trim().toLowerCase()).filter(Boolean)),
  };
}

/**
 * Every row checked against the form's rules and the registry's facts: its outcome, the reasons
 * it is rejected, the warnings it is saved with.
 */
export function checkRows(rows: readonly RawImportRow[], info: ImportFileInfo | undefined, facts: RegistryFacts): CheckedImportRow[] {
  // A required column the file lacks is said once, above the rows, not on each of them.
  const missingFields = new Set((info?.missingColumns ?? []).map((key) => FIELD_OF_COLUMN[key]));
  const today = todayInIndonesia();
  const villageIndex = new VillageIndex(facts.villages);
  const districtCodes = facts.districtCodes;
  const existingByNik = new Map(facts.existing.map((m) => [m.nik, m]));
  const emailOwner = new Map(facts.emailOwners.map((m) => [m.email ?? "", m.id]));
  const firstRowOfNik = new Map<string, string>();
  const firstRowOfEmail = new Map<string, string>();

  return rows.map((row): CheckedImportRow => {
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
      refuse("nik", t(info?.nikColumnRounded ? "import.reason.nikRoundedColumn" : "import.reason.nikNumber", { value: nikText }));
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
}
