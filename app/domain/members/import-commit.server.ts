// The member import, the dry run and the commit: checkImport reads a file's rows
// (import-parse.server.ts), checks every row against the registry (loaded in bulk: a handful of
// queries whatever the number of rows) and stores the result as a MemberImport; commitImport
// writes a checked import, every row or nothing, in short transactions (batches) that let other
// writes through, undoing what it wrote when it cannot finish (docs/decisions/033), reporting its
// progress.
// Every function takes the acting `Actor` first and checks the import right itself.
import { can, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { memberImportTemplateXlsx } from "~/documents/xlsx/member-import-template";
import { t, type MessageKey } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import { formatNumber } from "~/utils/format";
import { nikDistrictCode, parseCalendarDate, toDateInput } from "~/validation/members";
import {
  IMPORT_MAX_ROWS,
  MemberImportError,
  readMemberFile,
  TEMPLATE_COLUMNS,
  type ImportFileInfo,
  type RawImportRow,
} from "./import-file.server";
import {
  changedColumns,
  checkRows,
  columnLabel,
  countOutcomes,
  existingMemberSelect,
  inChunks,
  nameKey,
  rowKeys,
  rowLabel,
  unique,
  type CheckedImportRow,
  type ExistingMember,
  type ImportCounts,
  type ImportRowView,
} from "./import-parse.server";
import { listChapterVillages, memberAuditView, memberData, reserveMemberNumbers } from "./members.server";

type Tx = Prisma.TransactionClient;

/** Largest file the upload accepts. */
export const IMPORT_MAX_FILE_BYTES = 10 * 1024 * 1024;
/** How long the file of a dry run is kept (to read another sheet) when it is not committed. */
const IMPORT_FILE_KEPT_MS = 7 * 86_400_000;
/** Rows the dry-run page lists besides every rejected row. */
const IMPORT_SHOWN_ROWS = 500;

// ---------------------------------------------------------------------------------------------
// The dry run

/**
 * The dry run: checks every row against the form's rules and the registry (in bulk: a handful
 * of queries whatever the number of rows), stores the result (with what was read of the file,
 * and the file itself so that another sheet can be read) and returns its id and counts. A file
 * without rows, or with too many, is refused with the form's message.
 */
export async function checkImport(
  actor: Actor,
  input: { fileName: string; rows: readonly RawImportRow[]; info?: ImportFileInfo; source?: Uint8Array },
  now: Date = new Date(),
): Promise<Outcome<{ importId: string; counts: ImportCounts }>> {
  if (!can(actor, "import:member:chapter")) return forbidden();
  if (input.rows.length === 0) return invalid({}, new MemberImportError("empty").message);
  if (input.rows.length > IMPORT_MAX_ROWS) {
    const error = new MemberImportError("tooMany", { max: formatNumber(IMPORT_MAX_ROWS), count: formatNumber(input.rows.length) });
    return invalid({}, error.message);
  }
  const { chapterId } = actor;

  // Everything the rules need, loaded once.
  const { niks, emails } = rowKeys(input.rows);
  const [villages, districts, existing, emailOwners] = await Promise.all([
    listChapterVillages(actor),
    inChunks(unique(niks.map(nikDistrictCode)), (chunk) =>
      db.region.findMany({ where: { level: "district", code: { in: chunk } }, select: { code: true } }),
    ),
    inChunks(niks, (chunk) => db.member.findMany({ where: { chapterId, nik: { in: chunk } }, select: existingMemberSelect })),
    inChunks(emails, (chunk) => db.member.findMany({ where: { email: { in: chunk } }, select: { id: true, email: true } })),
  ]);
  const checked = checkRows(input.rows, input.info, {
    villages,
    districtCodes: new Set(districts.map((d) => d.code)),
    existing,
    emailOwners,
  });

  await warnNearDuplicates(chapterId, checked);

  const counts = countOutcomes(checked);
  // Files of dry runs nobody committed are not kept longer than needed to choose a sheet.
  await db.memberImport.updateMany({
    where: { chapterId, status: "checked", source: { not: null }, createdAt: { lt: new Date(now.getTime() - IMPORT_FILE_KEPT_MS) } },
    data: { source: null },
  });
  const record = await db.memberImport.create({
    data: {
      chapterId,
      createdById: actor.userId,
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
  return ok({ importId: record.id, counts });
}

/** Reads an uploaded file (a sheet of it, or all) and runs the dry run; a file that cannot be read is refused with why. */
export async function checkImportFile(actor: Actor, file: { fileName: string; bytes: Uint8Array; sheet?: string }) {
  if (!can(actor, "import:member:chapter")) return forbidden();
  try {
    const { rows, info } = await readMemberFile(file);
    return await checkImport(actor, { fileName: file.fileName, rows, info, source: file.bytes });
  } catch (error) {
    if (error instanceof MemberImportError) return invalid({}, error.message);
    throw error;
  }
}

/**
 * Reads the file of a checked import again, from another sheet (or all of them), and checks it
 * as a new import; the person need not upload it again.
 */
export async function recheckImportSheet(actor: Actor, importId: string, sheet: string) {
  if (!can(actor, "import:member:chapter")) return forbidden();
  const record = await db.memberImport.findFirst({
    where: { id: importId, chapterId: actor.chapterId, status: "checked" },
    select: { fileName: true, source: true },
  });
  if (!record?.source) return invalid({}, t("import.refused.missing"));
  return checkImportFile(actor, { fileName: record.fileName, bytes: new Uint8Array(record.source), sheet });
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
 * A checked import of the actor's chapter for its page: counts and the rows to show (every
 * rejected row, then the others up to IMPORT_SHOWN_ROWS), without the rows' personal data.
 */
export async function getImport(actor: Actor, importId: string) {
  if (!can(actor, "import:member:chapter")) return forbidden();
  const record = await db.memberImport.findFirst({
    where: { id: importId, chapterId: actor.chapterId },
    select: { id: true, fileName: true, rows: true, status: true, createdAt: true, committedAt: true, fileInfo: true },
  });
  if (!record) return notFound();
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
  const detail = {
    id: record.id,
    fileName: record.fileName,
    status: record.status,
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
  return ok({ detail });
}
export type ImportDetail = Extract<Awaited<ReturnType<typeof getImport>>, { ok: true }>["detail"];

// ---------------------------------------------------------------------------------------------
// Progress of a running commit (in memory: the portal runs as one process)

type ImportProgress = { chapterId: string; done: number; total: number; finished: boolean; error: string | null };

/** importId -> how far its commit has come. Entries are dropped 10 minutes after the end. */
const progressRegistry = new Map<string, ImportProgress>();

/**
 * The progress of an import of the actor's chapter for polling: the running (or last) commit's,
 * nothing done yet for an import not committed in this server's life, and not found for an
 * import that is not the chapter's (or an actor who may not import).
 */
export async function pollImportProgress(actor: Actor, importId: string) {
  if (!can(actor, "import:member:chapter")) return forbidden();
  const running = getImportProgress(actor, importId);
  if (running) return ok(running);
  const known = await db.memberImport.findFirst({ where: { id: importId, chapterId: actor.chapterId }, select: { id: true } });
  return known ? ok({ done: 0, total: 0, finished: false, error: null }) : notFound();
}

/** The progress of an import of the actor's chapter, or null when none is known (or the actor may not import). */
export function getImportProgress(actor: Actor, importId: string) {
  if (!can(actor, "import:member:chapter")) return null;
  const entry = progressRegistry.get(importId);
  if (!entry || entry.chapterId !== actor.chapterId) return null;
  return { done: entry.done, total: entry.total, finished: entry.finished, error: entry.error };
}

// ---------------------------------------------------------------------------------------------
// The commit

type CommitImportRefusal = "committed" | "rejected" | "nothing" | "conflict" | "running" | "changedDuring";

export type CommitImportOutcome = Outcome<{ created: number; updated: number; unchanged: number }>;

/** A commit the import's state does not allow (already committed, a row rejected...), with the rows concerned. */
function refusal(reason: CommitImportRefusal, rows?: string[]) {
  const key: MessageKey = `import.refused.${reason}`;
  return conflict(t(key, { rows: (rows ?? []).slice(0, 20).join(", ") }));
}

const PROGRESS_STEP = 500;

/**
 * Lets the server answer other requests between batches: SQLite answers synchronously, so a long
 * chain of awaited queries would otherwise keep the event loop from reading new requests.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/**
 * Rows per batch: each batch is one short transaction (about 0.05 s idle), so other writes (an
 * activity submitted meanwhile) take their turn between two batches (docs/decisions/033).
 */
export const IMPORT_BATCH_ROWS = 100;
// Rows per multi-row INSERT: few statements, well under the parameters SQLite takes in one (32,766).
const AUDIT_ROWS_PER_INSERT = 500;
const FLAG_ROWS_PER_INSERT = 150;

type Touched = { id: string; fullName: string; birthDate: Date; isNew: boolean };

/**
 * Writes a checked import as one logical all-or-nothing step, in short transactions so that the
 * single writer is never held for long (docs/decisions/033):
 * 1. claim: the import turns "committing", the member numbers are reserved in one go, and the
 *    members to update are kept as they are (to put them back);
 * 2. batches of IMPORT_BATCH_ROWS rows: the new members (marked with the import's id) and the
 *    updates, each with its audit records;
 * 3. finish: near-duplicate flags, the import's own audit record, "committed".
 * When a batch fails (a NIK or email registered meanwhile, the disk full...) everything written
 * is undone (undoImport) and the import is "checked" again; a server stopped midway undoes it
 * at the next start (undoInterruptedImports). Refused when already committed or committing,
 * when a row is rejected, or when the registry changed since the dry run.
 * onProgress(done, total) is called about every 500 rows.
 */
export async function commitImport(
  actor: Actor,
  importId: string,
  options: { onProgress?: (done: number, total: number) => void; now?: Date; beforeBatch?: (batch: number) => void | Promise<void> } = {},
): Promise<CommitImportOutcome> {
  if (!can(actor, "import:member:chapter")) return forbidden();
  const { chapterId } = actor;
  const actorId = actor.userId;
  const now = options.now ?? new Date();
  const record = await db.memberImport.findFirst({
    where: { id: importId, chapterId },
    select: { rows: true, status: true, rejectCount: true, fileName: true },
  });
  if (!record) return notFound(t("import.refused.missing"));
  if (record.status === "committed") return refusal("committed");
  if (record.status === "committing") return refusal("running");
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
      options.onProgress?.(state.done, total);
    }
  };
  options.onProgress?.(0, total);

  let claimed = false;
  try {
    // Read before any write: what changed since the dry run. What changes later is caught by the
    // unique indexes (NIK in the chapter, email) in the batch that meets it, which undoes all.
    const conflicts = await findConflicts(db, chapterId, creates, updates);
    if (conflicts.rows.length > 0) return refusal("conflict", conflicts.rows);
    const values = creates.map((r) => memberData(r.data!));

    // 1. The claim: a second commit (another tab, a double click) finds it taken.
    const numbers = await db.$transaction(async (tx) => {
      const taken = await tx.memberImport.updateMany({
        where: { id: importId, chapterId, status: "checked" },
        data: {
          status: "committing",
          committedAt: now,
          undo: JSON.stringify(updates.map((r) => conflicts.current.get(r.existingMember!.id)!)),
        },
      });
      if (taken.count === 0) return null;
      const reserved = await reserveMemberNumbers(
        tx,
        chapterId,
        values.map((v) => v.joinDate.getUTCFullYear()),
      );
      if (reserved.length > 0) {
        const counter = await tx.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { memberNumberNext: true } });
        await tx.memberImport.update({ where: { id: importId }, data: { firstSerial: counter.memberNumberNext - reserved.length } });
      }
      return reserved;
    });
    if (!numbers) return refusal("committed");
    claimed = true;

    // 2. The batches: new members first, then the updates.
    const touched: Touched[] = [];
    let batch = 0;
    for (let i = 0; i < creates.length; i += IMPORT_BATCH_ROWS) {
      await options.beforeBatch?.(++batch);
      const end = Math.min(creates.length, i + IMPORT_BATCH_ROWS);
      const chunk = creates.slice(i, end).map((row, j) => ({ row, values: values[i + j]!, memberNumber: numbers[i + j]! }));
      touched.push(...(await db.$transaction((tx) => insertMembers(tx, chapterId, actorId, importId, chunk))));
      advance(chunk.length);
      await yieldToEventLoop();
    }
    for (let i = 0; i < updates.length; i += IMPORT_BATCH_ROWS) {
      await options.beforeBatch?.(++batch);
      const chunk = updates.slice(i, i + IMPORT_BATCH_ROWS);
      touched.push(...(await db.$transaction((tx) => updateMembers(tx, chapterId, actorId, importId, chunk, conflicts.current))));
      advance(chunk.length);
      await yieldToEventLoop();
    }

    // 3. The finish: flags (found before), the import's audit record, committed.
    await options.beforeBatch?.(++batch);
    const flags = await newDuplicateFlags(chapterId, touched);
    await db.$transaction(async (tx) => {
      for (let i = 0; i < flags.length; i += FLAG_ROWS_PER_INSERT) {
        await tx.memberDuplicateFlag.createMany({ data: flags.slice(i, i + FLAG_ROWS_PER_INSERT) });
      }
      await recordAudit(
        {
          actorId,
          chapterId,
          action: "member.import",
          entityType: "MemberImport",
          entityId: importId,
          after: { fileName: record.fileName, created: creates.length, updated: updates.length, unchanged },
        },
        tx,
      );
      // The uploaded file is not kept once its rows are in the registry.
      await tx.memberImport.update({ where: { id: importId }, data: { status: "committed", source: null, firstSerial: null, undo: null } });
    });
    return ok({ created: creates.length, updated: updates.length, unchanged });
  } catch (error) {
    state.error = t("import.error.commitFailed");
    if (claimed) {
      // When even the undo fails (a new member linked meanwhile), the import stays "committing"
      // and the next start tries again (undoInterruptedImports).
      await undoImport(importId, { actorId, reason: String(error).slice(0, 300) }).catch((undoError: unknown) =>
        console.error(`member import ${importId}: the undo failed, retried at the next start:`, undoError),
      );
    }
    // A NIK or email registered by someone else while the batches ran.
    if (isUniqueViolation(error)) {
      state.error = t("import.refused.changedDuring");
      return refusal("changedDuring");
    }
    throw error;
  } finally {
    state.finished = true;
    setTimeout(() => {
      if (progressRegistry.get(importId) === state) progressRegistry.delete(importId);
    }, 10 * 60_000).unref();
  }
}

/** A write refused by a unique index (Prisma's P2002). */
function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Undoes what a commit that did not finish wrote: its new members (with their audit records and
 * any duplicate flag naming them) are removed, the members it updated are put back as they were
 * (their update audit records removed), the member numbers are given back when no other number
 * was taken since, and the import is "checked" again (it can be committed once more). One audit
 * record says that the import was undone and why. Each step is a short transaction.
 */
export async function undoImport(importId: string, cause: { actorId?: string | null; reason: string }) {
  const record = await db.memberImport.findUnique({
    where: { id: importId },
    select: { chapterId: true, status: true, firstSerial: true, undo: true, createCount: true, fileName: true },
  });
  if (!record || record.status !== "committing") return false;
  const { chapterId } = record;
  const imported = await db.member.findMany({ where: { importId, chapterId }, select: { id: true } });
  const ids = imported.map((m) => m.id);
  for (let i = 0; i < ids.length; i += IMPORT_BATCH_ROWS) {
    const chunk = ids.slice(i, i + IMPORT_BATCH_ROWS);
    await db.$transaction(async (tx) => {
      await tx.memberDuplicateFlag.deleteMany({ where: { OR: [{ memberId: { in: chunk } }, { otherMemberId: { in: chunk } }] } });
      await tx.auditLog.deleteMany({ where: { entityType: "Member", entityId: { in: chunk }, action: "member.create" } });
      await tx.member.deleteMany({ where: { id: { in: chunk }, importId } });
    });
    await yieldToEventLoop();
  }
  const before = JSON.parse(record.undo ?? "[]") as (Omit<ExistingMember, "birthDate" | "joinDate" | "skPsmDate" | "basicBimtekDate"> &
    Record<"birthDate" | "joinDate", string> &
    Record<"skPsmDate" | "basicBimtekDate", string | null>)[];
  for (let i = 0; i < before.length; i += IMPORT_BATCH_ROWS) {
    const chunk = before.slice(i, i + IMPORT_BATCH_ROWS);
    await db.$transaction(async (tx) => {
      for (const { id, memberNumber: _number, status: _status, ...m } of chunk) {
        const day = (value: string | null) => (value ? new Date(value) : null);
        await tx.member.updateMany({
          where: { id, chapterId },
          data: {
            ...m,
            birthDate: new Date(m.birthDate),
            joinDate: new Date(m.joinDate),
            skPsmDate: day(m.skPsmDate),
            basicBimtekDate: day(m.basicBimtekDate),
          },
        });
      }
      await tx.auditLog.deleteMany({
        where: { entityType: "Member", entityId: { in: chunk.map((m) => m.id) }, action: "member.update", after: { contains: importId } },
      });
    });
    await yieldToEventLoop();
  }
  await db.$transaction(async (tx) => {
    // The numbers go back only when nobody took one since (numbers are never reused).
    if (record.firstSerial !== null) {
      const counter = await tx.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { memberNumberNext: true } });
      if (counter.memberNumberNext === record.firstSerial + record.createCount) {
        await tx.chapter.update({ where: { id: chapterId }, data: { memberNumberNext: record.firstSerial } });
      }
    }
    await tx.memberImport.update({
      where: { id: importId },
      data: { status: "checked", committedAt: null, firstSerial: null, undo: null },
    });
    await recordAudit(
      {
        actorId: cause.actorId ?? null,
        chapterId,
        action: "member.import.undone",
        entityType: "MemberImport",
        entityId: importId,
        after: { fileName: record.fileName, removed: ids.length, restored: before.length, reason: cause.reason },
      },
      tx,
    );
  });
  return true;
}

/**
 * At the server's start (only then: nothing of this process is committing yet): imports left
 * "committing" (the server stopped in the middle of one) are undone, so that no half import
 * looks whole; the board commits them again. Returns how many were undone.
 */
export async function undoInterruptedImports() {
  const running = await db.memberImport.findMany({ where: { status: "committing" }, select: { id: true } });
  let undone = 0;
  for (const { id } of running) {
    if (await undoImport(id, { reason: "interrupted (the server stopped during the commit)" })) undone += 1;
  }
  return undone;
}

/**
 * What changed since the dry run: an NIK to be created now registered, a member to be updated
 * gone or with another NIK, an email taken by someone else. Also returns the current data of
 * the members to update (for the audit's before/after, and to put them back when undone).
 */
async function findConflicts(client: Tx | typeof db, chapterId: string, creates: CheckedImportRow[], updates: CheckedImportRow[]) {
  const conflictRows = new Set<CheckedImportRow>();
  const [takenNiks, current, emailOwners] = await Promise.all([
    inChunks(
      creates.map((r) => r.data!.nik),
      (chunk) => client.member.findMany({ where: { chapterId, nik: { in: chunk } }, select: { nik: true } }),
    ),
    inChunks(
      updates.map((r) => r.existingMember!.id),
      (chunk) => client.member.findMany({ where: { chapterId, id: { in: chunk } }, select: existingMemberSelect }),
    ),
    inChunks(unique([...creates, ...updates].map((r) => r.data!.email).filter((e): e is string => Boolean(e))), (chunk) =>
      client.member.findMany({ where: { email: { in: chunk } }, select: { id: true, email: true } }),
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

/** One batch of new members (numbers already reserved), marked with the import, with their audit records. */
async function insertMembers(
  tx: Tx,
  chapterId: string,
  actorId: string,
  importId: string,
  chunk: { row: CheckedImportRow; values: ReturnType<typeof memberData>; memberNumber: string }[],
): Promise<Touched[]> {
  const inserted = await tx.member.createManyAndReturn({
    data: chunk.map(({ row, values, memberNumber }) => ({
      ...values,
      chapterId,
      status: row.status ?? "calon",
      statusDate: values.joinDate,
      memberNumber,
      importId,
    })),
    select: { id: true, nik: true },
  });
  const idByNik = new Map(inserted.map((m) => [m.nik, m.id]));
  const audits: Prisma.AuditLogCreateManyInput[] = chunk.map(({ row, values, memberNumber }) => ({
    actorId,
    chapterId,
    action: "member.create",
    entityType: "Member",
    entityId: idByNik.get(values.nik)!,
    after: JSON.stringify(memberAuditView({ ...values, status: row.status ?? "calon", memberNumber, importId })),
  }));
  for (let i = 0; i < audits.length; i += AUDIT_ROWS_PER_INSERT) {
    await tx.auditLog.createMany({ data: audits.slice(i, i + AUDIT_ROWS_PER_INSERT) });
  }
  return chunk.map(({ values }) => ({ id: idByNik.get(values.nik)!, fullName: values.fullName, birthDate: values.birthDate, isNew: true }));
}

/** One batch of updates, each audited with what changed; returns the members whose name or birth date changed. */
async function updateMembers(
  tx: Tx,
  chapterId: string,
  actorId: string,
  importId: string,
  chunk: CheckedImportRow[],
  current: Map<string, ExistingMember>,
): Promise<Touched[]> {
  const touched: Touched[] = [];
  const audits: Prisma.AuditLogCreateManyInput[] = [];
  for (const row of chunk) {
    const values = memberData(row.data!);
    const before = current.get(row.existingMember!.id)!;
    const changed = changedColumns(before, values);
    await tx.member.update({ where: { id: before.id, chapterId }, data: values, select: { id: true } });
    audits.push({
      actorId,
      chapterId,
      action: "member.update",
      entityType: "Member",
      entityId: before.id,
      before: JSON.stringify(memberAuditView(Object.fromEntries(changed.map((key) => [key, before[key]])))),
      after: JSON.stringify({ ...memberAuditView(Object.fromEntries(changed.map((key) => [key, values[key]]))), importId }),
    });
    if (changed.includes("fullName") || changed.includes("birthDate")) {
      touched.push({ id: before.id, fullName: values.fullName, birthDate: values.birthDate, isNew: false });
    }
  }
  await tx.auditLog.createMany({ data: audits });
  return touched;
}

/**
 * The flags to raise (for the board): pairs with the same name and birth date where one side was
 * created or renamed by this import; pairs already flagged (or decided) are left alone. Read
 * before the finishing transaction, which only writes them.
 */
async function newDuplicateFlags(chapterId: string, touched: Touched[]) {
  if (touched.length === 0) return [];
  const births = unique(touched.map((m) => m.birthDate.getTime())).map((ms) => new Date(ms));
  const sameBirth = await inChunks(births, (chunk) =>
    db.member.findMany({ where: { chapterId, birthDate: { in: chunk } }, select: { id: true, fullName: true, birthDate: true } }),
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
      db.memberDuplicateFlag.findMany({
        where: { OR: chunk.map((p) => ({ memberId: p.memberId, otherMemberId: p.otherMemberId })) },
        select: { memberId: true, otherMemberId: true },
      }),
    200,
  );
  for (const flag of known) pairs.delete(`${flag.memberId}|${flag.otherMemberId}`);
  return [...pairs.values()].map((p) => ({ chapterId, memberId: p.memberId, otherMemberId: p.otherMemberId }));
}

// ---------------------------------------------------------------------------------------------
// The template

/** The template to fill in: Indonesian headers, one example row, and a sheet "Petunjuk" explaining each column. */
export async function memberImportTemplate(actor: Actor) {
  if (!can(actor, "import:member:chapter")) return forbidden();
  const bytes = await memberImportTemplateXlsx({
    sheetName: t("export.sheet"),
    columns: TEMPLATE_COLUMNS.map((c) => ({
      header: c.header,
      width: c.width,
      text: c.text,
      example: c.example,
      help: t(`import.help.${c.key}`),
    })),
    help: {
      sheetName: t("import.help.sheet"),
      intro: t("import.help.intro"),
      update: t("import.help.update"),
      columnHeader: t("import.help.column"),
      noteHeader: t("import.help.note"),
    },
  });
  return ok({ bytes, fileName: "templat-impor-anggota.xlsx" });
}
