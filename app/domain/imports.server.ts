// Importing members from the spreadsheets Indonesian offices keep (.xlsx or .csv): a dry run
// says row by row what would be created, updated or rejected and why; the commit then writes
// everything in one transaction, or nothing.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { db, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/utils/audit.server";
import { maskNik } from "~/utils/format";
import { t, type MessageKey } from "~/i18n";
import {
  MEMBER_STATUSES,
  memberFormSchema,
  nikDistrictCode,
  parseCalendarDate,
  type MemberFormData,
  type MemberStatus,
} from "~/validation/members";
import { listChapterVillages, memberData, reserveMemberNumbers } from "./members.server";

export const IMPORT_MAX_ROWS = 20_000;

/** The template's columns: the field each fills and its Indonesian header. */
export const IMPORT_COLUMNS = [
  { field: "fullName", header: "Nama Lengkap", aliases: ["nama"] },
  { field: "nik", header: "NIK", aliases: ["no nik", "nomor induk kependudukan"] },
  { field: "sex", header: "Jenis Kelamin (L/P)", aliases: ["jk", "l/p", "lp"] },
  { field: "birthDate", header: "Tanggal Lahir (DD/MM/YYYY)", aliases: ["tgl lahir"] },
  { field: "phone", header: "No. HP", aliases: ["nomor hp", "hp", "no hp", "no telp", "telepon", "no. telp", "nomor telepon"] },
  { field: "email", header: "Email", aliases: ["e-mail", "surel"] },
  { field: "address", header: "Alamat", aliases: ["alamat lengkap"] },
  { field: "district", header: "Kecamatan", aliases: [] },
  { field: "village", header: "Kelurahan/Desa", aliases: ["kelurahan", "desa", "desa/kelurahan"] },
  { field: "joinDate", header: "Tanggal Bergabung (DD/MM/YYYY)", aliases: ["tgl bergabung", "tanggal masuk", "tgl masuk"] },
  { field: "membershipType", header: "Jenis Keanggotaan (Biasa/Kehormatan)", aliases: ["keanggotaan", "jenis anggota"] },
  { field: "status", header: "Status (Calon/Aktif)", aliases: ["status anggota"] },
  { field: "skPsmNumber", header: "Nomor SK PSM", aliases: ["no sk psm", "no. sk psm", "sk psm"] },
  { field: "skPsmDate", header: "Tanggal SK PSM (DD/MM/YYYY)", aliases: ["tgl sk psm"] },
  { field: "basicBimtekDate", header: "Tanggal Bimtek Dasar (DD/MM/YYYY)", aliases: ["tgl bimtek dasar", "bimtek dasar"] },
] as const;
type ImportField = (typeof IMPORT_COLUMNS)[number]["field"];

/** "Tanggal Lahir (DD/MM/YYYY)" -> "tanggal lahir"; "No. HP" -> "no hp". */
function normalizeHeader(header: string) {
  return header
    .toLowerCase()
    .replace(/\(.*?\)/g, " ")
    .replace(/[^a-z0-9/]+/g, " ")
    .trim();
}

const HEADER_INDEX = new Map<string, ImportField>(
  IMPORT_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normalizeHeader(h), c.field] as [string, ImportField])),
);

export type RawRow = { rowNumber: number; cells: Partial<Record<ImportField, string>> };

export class ImportFileError extends Error {
  constructor(readonly key: MessageKey, readonly params?: Record<string, string | number>) {
    super(t(key, params));
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel dates are calendar dates at UTC midnight.
    return `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, "0")}-${String(value.getUTCDate()).padStart(2, "0")}`;
  }
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    return "";
  }
  return String(value);
}

function rowsFromTable(table: string[][]): RawRow[] {
  const headerAt = table.findIndex((row) => row.some((c) => HEADER_INDEX.has(normalizeHeader(c))));
  if (headerAt < 0) throw new ImportFileError("import.error.noHeader");
  const fields = table[headerAt]!.map((c) => HEADER_INDEX.get(normalizeHeader(c)));
  if (!fields.includes("nik") || !fields.includes("fullName")) throw new ImportFileError("import.error.noHeader");
  const rows: RawRow[] = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const row = table[i]!;
    if (row.every((c) => !c.trim())) continue;
    const cells: RawRow["cells"] = {};
    fields.forEach((field, col) => {
      if (field) cells[field] = (row[col] ?? "").trim();
    });
    rows.push({ rowNumber: i + 1, cells });
  }
  if (rows.length === 0) throw new ImportFileError("import.error.empty");
  if (rows.length > IMPORT_MAX_ROWS) throw new ImportFileError("import.error.tooMany", { max: IMPORT_MAX_ROWS });
  return rows;
}

/** Reads the rows of an uploaded .xlsx or .csv (comma or semicolon, with or without BOM). */
export async function parseMemberFile(input: { fileName: string; bytes: Uint8Array }): Promise<RawRow[]> {
  const name = input.fileName.toLowerCase();
  if (name.endsWith(".csv")) {
    const text = new TextDecoder("utf-8").decode(input.bytes).replace(/^\uFEFF/, "");
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [";", ",", "\t"] });
    return rowsFromTable(parsed.data.map((r) => r.map((c) => String(c ?? ""))));
  }
  if (name.endsWith(".xlsx")) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(input.bytes as unknown as ArrayBuffer);
    } catch {
      throw new ImportFileError("import.error.unreadable");
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new ImportFileError("import.error.empty");
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      table[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
    });
    return rowsFromTable(Array.from(table, (r) => r ?? []));
  }
  throw new ImportFileError("import.error.type");
}

/** DD/MM/YYYY, D-M-YYYY or YYYY-MM-DD -> YYYY-MM-DD ("" stays ""; anything else is kept for the schema to refuse). */
function isoDate(value: string | undefined): string {
  const v = (value ?? "").trim();
  if (!v) return "";
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}`;
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(v);
  if (ymd) return `${ymd[1]}-${ymd[2]!.padStart(2, "0")}-${ymd[3]!.padStart(2, "0")}`;
  return v;
}

function sexCode(value: string | undefined) {
  const v = (value ?? "").trim().toLowerCase();
  if (["l", "laki-laki", "laki laki", "pria"].includes(v)) return "L";
  if (["p", "perempuan", "wanita"].includes(v)) return "P";
  return v;
}

/** Excel turns 0812... into the number 812...: put the 0 back. */
function phoneText(value: string | undefined) {
  const v = (value ?? "").trim();
  return /^8\d{8,11}$/.test(v) ? `0${v}` : v;
}

function statusCode(value: string | undefined): MemberStatus | null {
  const v = (value ?? "").trim().toLowerCase().replace(/\s+/g, "_");
  if (!v) return "calon";
  return (MEMBER_STATUSES as readonly string[]).includes(v) ? (v as MemberStatus) : null;
}

/** Runs an `IN (...)` query in chunks: SQLite limits the parameters of one statement. */
async function inChunks<T, R>(values: T[], query: (chunk: T[]) => Promise<R[]>, size = 500): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < values.length; i += size) results.push(...(await query(values.slice(i, i + size))));
  return results;
}

const squash = (s: string) => s.toLocaleLowerCase("id-ID").replace(/[^a-z0-9]/g, "");

export type ImportOutcome = "create" | "update" | "unchanged" | "reject";

export type CheckedRow = {
  rowNumber: number;
  outcome: ImportOutcome;
  fullName: string;
  nikMasked: string;
  reasons: string[];
  warnings: string[];
  existingMemberId?: string;
  changedFields?: string[];
  status?: MemberStatus;
  data?: MemberFormData;
};

const COMPARED_FIELDS = [
  "fullName", "sex", "birthDate", "phone", "email", "address", "villageCode", "joinDate",
  "membershipType", "skPsmNumber", "skPsmDate", "basicBimtekDate",
] as const;

function comparableValue(value: unknown) {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value ?? null;
}

/** The dry run: checks every row against the rules and the registry, and stores the result. */
export async function checkImport(input: { chapterId: string; actorId: string; fileName: string; rows: RawRow[] }) {
  const villages = await listChapterVillages(input.chapterId);
  const byCode = new Map(villages.map((v) => [v.code, v]));
  const byName = new Map<string, typeof villages>();
  for (const v of villages) byName.set(squash(v.name), [...(byName.get(squash(v.name)) ?? []), v]);

  const niks = input.rows.map((r) => (r.cells.nik ?? "").trim()).filter(Boolean);
  const emails = input.rows.map((r) => (r.cells.email ?? "").trim().toLowerCase()).filter(Boolean);
  const [districts, existing, emailOwners] = await Promise.all([
    db.region.findMany({ where: { level: "district" }, select: { code: true } }),
    inChunks(niks, (chunk) =>
      db.member.findMany({
        where: { chapterId: input.chapterId, nik: { in: chunk } },
        select: {
          id: true, nik: true, fullName: true, sex: true, birthDate: true, phone: true, email: true, address: true,
          villageCode: true, joinDate: true, membershipType: true, skPsmNumber: true, skPsmDate: true, basicBimtekDate: true,
        },
      }),
    ),
    inChunks(emails, (chunk) => db.member.findMany({ where: { email: { in: chunk } }, select: { id: true, email: true } })),
  ]);
  const districtCodes = new Set(districts.map((d) => d.code));
  const existingByNik = new Map(existing.map((m) => [m.nik, m]));
  const emailOwner = new Map(emailOwners.map((m) => [m.email!, m.id]));
  const seenNik = new Map<string, number>();
  const seenEmail = new Map<string, number>();

  const checked: CheckedRow[] = input.rows.map((row) => {
    const c = row.cells;
    const reasons: string[] = [];
    let villageCode = "";
    const villageText = (c.village ?? "").trim();
    if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(villageText)) {
      villageCode = byCode.has(villageText) ? villageText : "";
    } else if (villageText) {
      const candidates = (byName.get(squash(villageText)) ?? []).filter(
        (v) => !c.district || squash(v.parent?.name ?? "") === squash(c.district),
      );
      if (candidates.length === 1) villageCode = candidates[0]!.code;
      else if (candidates.length > 1) reasons.push(t("import.reason.villageAmbiguous", { name: villageText }));
    }
    if (!villageCode && !reasons.length) reasons.push(t("import.reason.villageUnknown", { name: villageText || "–" }));
    const status = statusCode(c.status);
    if (!status) reasons.push(t("import.reason.status", { value: c.status ?? "" }));

    const form = {
      fullName: c.fullName ?? "",
      nik: (c.nik ?? "").replace(/\s/g, ""),
      sex: sexCode(c.sex),
      birthDate: isoDate(c.birthDate),
      phone: phoneText(c.phone),
      email: c.email ?? "",
      address: c.address ?? "",
      villageCode: villageCode || "00.00.00.0000",
      joinDate: isoDate(c.joinDate),
      membershipType: (c.membershipType ?? "").trim().toLowerCase() === "kehormatan" ? "kehormatan" : "biasa",
      skPsmNumber: c.skPsmNumber ?? "",
      skPsmDate: isoDate(c.skPsmDate),
      basicBimtekDate: isoDate(c.basicBimtekDate),
    };
    const parsed = memberFormSchema.safeParse(form);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === "villageCode") continue; // already explained above
        const label = t(`members.field.${String(issue.path[0])}` as MessageKey);
        reasons.push(`${label}: ${issue.message}`);
      }
    }
    const nik = form.nik;
    if (/^\d{16}$/.test(nik) && !districtCodes.has(nikDistrictCode(nik))) reasons.push(t("validation.nik.region"));
    const firstNikRow = seenNik.get(nik);
    if (nik && firstNikRow !== undefined) reasons.push(t("import.reason.nikRepeated", { row: firstNikRow }));
    else if (nik) seenNik.set(nik, row.rowNumber);
    const email = form.email.trim().toLowerCase();
    const current = existingByNik.get(nik);
    if (email) {
      const firstEmailRow = seenEmail.get(email);
      if (firstEmailRow !== undefined) reasons.push(t("import.reason.emailRepeated", { row: firstEmailRow }));
      else seenEmail.set(email, row.rowNumber);
      const owner = emailOwner.get(email);
      if (owner && owner !== current?.id) reasons.push(t("validation.emailTaken"));
    }

    const base = { rowNumber: row.rowNumber, fullName: form.fullName, nikMasked: maskNik(nik), warnings: [] as string[] };
    if (reasons.length || !parsed.success || !status) return { ...base, outcome: "reject" as const, reasons };
    const data = parsed.data;
    if (current) {
      const next: Record<string, unknown> = {
        ...data,
        birthDate: data.birthDate,
        joinDate: data.joinDate,
        skPsmDate: data.skPsmDate || null,
        basicBimtekDate: data.basicBimtekDate || null,
      };
      const changedFields = COMPARED_FIELDS.filter(
        (f) => comparableValue(current[f]) !== comparableValue(next[f] === "" ? null : next[f]),
      );
      return {
        ...base,
        outcome: changedFields.length ? ("update" as const) : ("unchanged" as const),
        reasons: [],
        warnings: [t("import.warning.existing", { name: current.fullName })],
        existingMemberId: current.id,
        changedFields,
        data,
        status,
      };
    }
    return { ...base, outcome: "create" as const, reasons: [], data, status };
  });

  await flagNearDuplicatesInFile(input.chapterId, checked);

  const count = (o: ImportOutcome) => checked.filter((r) => r.outcome === o).length;
  const record = await db.memberImport.create({
    data: {
      chapterId: input.chapterId,
      createdById: input.actorId,
      fileName: input.fileName.slice(0, 200),
      rows: JSON.stringify(checked),
      createCount: count("create"),
      updateCount: count("update"),
      rejectCount: count("reject"),
    },
    select: { id: true },
  });
  return { importId: record.id, create: count("create"), update: count("update"), unchanged: count("unchanged"), reject: count("reject") };
}

/** Warns about new rows with the same name and birth date as a member or another row. */
async function flagNearDuplicatesInFile(chapterId: string, rows: CheckedRow[]) {
  const creates = rows.filter((r) => r.outcome === "create" && r.data);
  if (!creates.length) return;
  const births = [...new Set(creates.map((r) => r.data!.birthDate))].map((d) => parseCalendarDate(d)!);
  const sameBirth = await inChunks(births, (chunk) =>
    db.member.findMany({
      where: { chapterId, birthDate: { in: chunk } },
      select: { fullName: true, birthDate: true, memberNumber: true },
    }),
  );
  const key = (name: string, birth: string) => `${squash(name)}|${birth}`;
  const known = new Map(sameBirth.map((m) => [key(m.fullName, m.birthDate.toISOString().slice(0, 10)), m]));
  const inFile = new Map<string, number>();
  for (const row of creates) {
    const k = key(row.data!.fullName, row.data!.birthDate);
    const member = known.get(k);
    if (member) row.warnings.push(t("import.warning.nearDuplicate", { name: member.fullName, number: member.memberNumber ?? "–" }));
    const earlier = inFile.get(k);
    if (earlier !== undefined) row.warnings.push(t("import.warning.nearDuplicateRow", { row: earlier }));
    else inFile.set(k, row.rowNumber);
  }
}

export type ImportSummary = Awaited<ReturnType<typeof getImport>>;

/** A checked import of the chapter with its rows (for the dry-run page). */
export async function getImport(chapterId: string, importId: string) {
  const record = await db.memberImport.findFirst({
    where: { id: importId, chapterId },
    select: { id: true, fileName: true, rows: true, createCount: true, updateCount: true, rejectCount: true, status: true, createdAt: true, committedAt: true },
  });
  if (!record) return null;
  const rows = JSON.parse(record.rows) as CheckedRow[];
  return {
    ...record,
    rows: rows.map(({ data: _data, ...row }) => row),
    unchangedCount: rows.filter((r) => r.outcome === "unchanged").length,
  };
}

type Progress = { done: number; total: number; finished: boolean };
const progress = new Map<string, Progress>();

/** How far the commit of an import has come (kept in memory while it runs). */
export function importProgress(importId: string): Progress | null {
  return progress.get(importId) ?? null;
}

export type CommitResult =
  | { ok: true; created: number; updated: number }
  | { ok: false; reason: "missing" | "committed" | "rejected" | "conflict" };

// SQLite takes at most 999 parameters per statement here: rows per multi-row insert.
const MEMBER_ROWS_PER_INSERT = 50;
const AUDIT_ROWS_PER_INSERT = 100;

/** Writes a checked import: all rows in one transaction, or nothing. */
export async function commitImport(input: { chapterId: string; actorId: string; importId: string }): Promise<CommitResult> {
  const record = await db.memberImport.findFirst({
    where: { id: input.importId, chapterId: input.chapterId },
    select: { rows: true, status: true, rejectCount: true },
  });
  if (!record) return { ok: false, reason: "missing" };
  if (record.status === "committed") return { ok: false, reason: "committed" };
  if (record.rejectCount > 0) return { ok: false, reason: "rejected" };
  const rows = (JSON.parse(record.rows) as CheckedRow[]).filter((r) => r.outcome === "create" || r.outcome === "update");
  const creates = rows.filter((r) => r.outcome === "create");
  const updates = rows.filter((r) => r.outcome === "update");
  const state: Progress = { done: 0, total: rows.length, finished: false };
  progress.set(input.importId, state);

  try {
    const result = await db.$transaction(
      async (tx) => {
        // Someone may have added one of these NIKs since the dry run.
        const taken = await inChunks(creates.map((r) => r.data!.nik), (chunk) =>
          tx.member.findMany({ where: { chapterId: input.chapterId, nik: { in: chunk } }, select: { id: true } }),
        );
        if (taken.length > 0) return { ok: false as const, reason: "conflict" as const };
        const numbers = await reserveMemberNumbers(tx, input.chapterId, creates.map((r) => parseCalendarDate(r.data!.joinDate)!.getUTCFullYear()));
        const now = new Date();
        for (let i = 0; i < creates.length; i += MEMBER_ROWS_PER_INSERT) {
          const chunk = creates.slice(i, i + MEMBER_ROWS_PER_INSERT);
          await tx.member.createMany({
            data: chunk.map((r, j) => ({
              ...memberData(r.data!),
              chapterId: input.chapterId,
              status: r.status ?? "calon",
              statusDate: parseCalendarDate(r.data!.joinDate),
              memberNumber: numbers[i + j]!,
              createdAt: now,
            })),
          });
          state.done += chunk.length;
        }
        const createdIds = await inChunks(creates.map((r) => r.data!.nik), (chunk) =>
          tx.member.findMany({
            where: { chapterId: input.chapterId, nik: { in: chunk } },
            select: { id: true, nik: true, fullName: true, birthDate: true },
          }),
        );
        for (const r of updates) {
          await tx.member.update({ where: { id: r.existingMemberId! }, data: memberData(r.data!) });
          state.done += 1;
        }
        await flagDuplicatesAfterImport(tx, input.chapterId, createdIds);
        await writeImportAudit(tx, input, createdIds, updates);
        await tx.memberImport.update({ where: { id: input.importId }, data: { status: "committed", committedAt: new Date() } });
        return { ok: true as const, created: creates.length, updated: updates.length };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    return result;
  } finally {
    state.finished = true;
    setTimeout(() => progress.delete(input.importId), 60_000).unref?.();
  }
}

/** Near duplicates among the new members and with those already registered, in bulk. */
async function flagDuplicatesAfterImport(
  tx: Prisma.TransactionClient,
  chapterId: string,
  created: { id: string; fullName: string; birthDate: Date }[],
) {
  if (!created.length) return;
  const births = [...new Set(created.map((m) => m.birthDate.getTime()))].map((ms) => new Date(ms));
  const candidates = await inChunks(births, (chunk) =>
    tx.member.findMany({ where: { chapterId, birthDate: { in: chunk } }, select: { id: true, fullName: true, birthDate: true } }),
  );
  const groups = new Map<string, string[]>();
  for (const m of candidates) {
    const k = `${squash(m.fullName)}|${m.birthDate.getTime()}`;
    groups.set(k, [...(groups.get(k) ?? []), m.id]);
  }
  const createdIds = new Set(created.map((m) => m.id));
  const flags: { chapterId: string; memberId: string; otherMemberId: string }[] = [];
  for (const ids of groups.values()) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (!createdIds.has(ids[i]!) && !createdIds.has(ids[j]!)) continue;
        const [a, b] = [ids[i]!, ids[j]!].sort() as [string, string];
        flags.push({ chapterId, memberId: a, otherMemberId: b });
      }
    }
  }
  if (flags.length) {
    const existing = await inChunks(flags, (chunk) =>
      tx.memberDuplicateFlag.findMany({
        where: { OR: chunk.map((f) => ({ memberId: f.memberId, otherMemberId: f.otherMemberId })) },
        select: { memberId: true, otherMemberId: true },
      }),
      200,
    );
    const known = new Set(existing.map((f) => `${f.memberId}|${f.otherMemberId}`));
    const fresh = flags.filter((f) => !known.has(`${f.memberId}|${f.otherMemberId}`));
    if (fresh.length) await tx.memberDuplicateFlag.createMany({ data: fresh });
  }
}

async function writeImportAudit(
  tx: Prisma.TransactionClient,
  input: { chapterId: string; actorId: string; importId: string },
  created: { id: string; nik: string; fullName: string }[],
  updates: CheckedRow[],
) {
  await recordAudit(
    {
      actorId: input.actorId,
      chapterId: input.chapterId,
      action: "member.import",
      entityType: "MemberImport",
      entityId: input.importId,
      after: { created: created.length, updated: updates.length },
    },
    tx,
  );
  const at = new Date();
  const entries = [
    ...created.map((m) => ({
      actorId: input.actorId,
      chapterId: input.chapterId,
      at,
      action: "member.create",
      entityType: "Member",
      entityId: m.id,
      after: JSON.stringify({ fullName: m.fullName, nik: maskNik(m.nik), importId: input.importId }),
    })),
    ...updates.map((r) => ({
      actorId: input.actorId,
      chapterId: input.chapterId,
      at,
      action: "member.update",
      entityType: "Member",
      entityId: r.existingMemberId!,
      after: JSON.stringify({ fields: r.changedFields, importId: input.importId }),
    })),
  ];
  for (let i = 0; i < entries.length; i += AUDIT_ROWS_PER_INSERT) {
    await tx.auditLog.createMany({ data: entries.slice(i, i + AUDIT_ROWS_PER_INSERT) });
  }
}

/** The template to fill in: Indonesian headers, one example row, and a sheet of instructions. */
export async function buildTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Anggota");
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: Math.max(14, c.header.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const field of ["nik", "phone"] as const) sheet.getColumn(field).numFmt = "@";
  sheet.addRow({
    fullName: "Siti Aminah",
    nik: "6171015708900003",
    sex: "P",
    birthDate: "17/08/1990",
    phone: "081234567890",
    email: "",
    address: "Jl. Tanjungpura No. 5",
    district: "Pontianak Selatan",
    village: "Benuamelayu Laut",
    joinDate: "20/01/2026",
    membershipType: "Biasa",
    status: "Calon",
    skPsmNumber: "",
    skPsmDate: "",
    basicBimtekDate: "",
  });
  const help = workbook.addWorksheet("Petunjuk");
  help.columns = [
    { header: "Kolom", key: "column", width: 38 },
    { header: "Keterangan", key: "note", width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) help.addRow({ column: c.header, note: t(`import.help.${c.field}` as MessageKey) });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
