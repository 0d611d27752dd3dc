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
 * 1. claim: the import turns "committing" and the member numbers are reserved in one go;
 * 2. batches of IMPORT_BATCH_ROWS rows: the new members (marked with the import's id) and the
 *    updates, each with its audit records; an update batch also records, in its transaction,
 *    what it changed (MemberImport.undo: the columns, their old value and the value written);
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
        // The undo is recorded by each update batch, in its own transaction (updateMembers).
        data: { status: "committing", committedAt: now, undo: null },
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
      touched.push(...(await db.$transaction((tx) => updateMembers(tx, chapterId, actorId, importId, chunk))));
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

/** What an update batch changed on one member, for the undo: the columns' old values and the values it wrote (dates as ISO strings). */
type UndoEntry = { id: string; before: Record<string, unknown>; after: Record<string, unknown> };
/** MemberImport.undo as the version before per-batch undo wrote it: every member to update, all columns, at the claim. */
type ClaimCopy = ExistingMember & { after?: undefined };

/** The member columns holding a date (in the undo's JSON: ISO strings). */
const DATE_COLUMNS: ReadonlySet<string> = new Set(["birthDate", "joinDate", "skPsmDate", "basicBimtekDate"]);
/** A column's value as the undo's JSON keeps it. */
const asStored = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));
/** A value of the undo's JSON as the column takes it. */
const asColumn = (key: string, value: unknown) => (DATE_COLUMNS.has(key) && typeof value === "string" ? new Date(value) : value);
const storedColumns = (columns: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(columns).map(([key, value]) => [key, asStored(value)]));

/** A JSON array with items added at its end, without parsing what is there (the undo grows batch by batch). */
function appendToJsonArray(json: string | null, items: UndoEntry[]) {
  const added = JSON.stringify(items.map((e) => ({ id: e.id, before: storedColumns(e.before), after: storedColumns(e.after) })));
  return !json || json === "[]" ? added : `${json.slice(0, -1)},${added.slice(1)}`;
}

/** A write refused by a foreign key (Prisma's P2003): something still refers to the row. */
function isForeignKeyViolation(error: unknown) {
  if (typeof error !== "object" || error === null) return false;
  return (error as { code?: unknown }).code === "P2003" || /FOREIGN KEY constraint failed/i.test(String((error as Error).message));
}

/**
 * Undoes what a commit that did not finish wrote, without undoing what others did meanwhile
 * (docs/decisions/033). Its new members (with their `member.create` audit records and any
 * duplicate flag naming them) are removed, except those something refers to by now (a
 * co-volunteer, a board position, a training, a card issued...): those are kept, no longer
 * marked with the import. Each member an update batch changed gets back the old value of a
 * column only where the column still holds what the import wrote; a column someone changed
 * since is left as it is. The import's `member.update` records stay, and each member put back
 * gets its own `member.update` record (marked `importUndone`). The member numbers are given
 * back when no other number was taken since and no new member was kept; the import is "checked"
 * again (it can be committed once more). One `member.import.undone` record says why and counts
 * what was removed, put back and kept. Each step is a short transaction.
 */
export async function undoImport(importId: string, cause: { actorId?: string | null; reason: string }) {
  const record = await db.memberImport.findUnique({
    where: { id: importId },
    select: { chapterId: true, status: true, firstSerial: true, undo: true, createCount: true, fileName: true },
  });
  if (!record || record.status !== "committing") return false;
  const { chapterId } = record;
  const actorId = cause.actorId ?? null;

  const { removed, kept } = await removeNewMembers(chapterId, importId);

  const entries = await undoEntries(importId, record.undo);
  let restored = 0;
  let keptAsEdited = 0;
  for (let i = 0; i < entries.length; i += IMPORT_BATCH_ROWS) {
    const chunk = entries.slice(i, i + IMPORT_BATCH_ROWS);
    const counts = await db.$transaction((tx) => restoreMembers(tx, { chapterId, importId, actorId }, chunk));
    restored += counts.restored;
    keptAsEdited += counts.keptAsEdited;
    await yieldToEventLoop();
  }

  await db.$transaction(async (tx) => {
    // The numbers go back only when nobody took one since (numbers are never reused), and no new member keeps one.
    if (record.firstSerial !== null && kept.length === 0) {
      const counter = await tx.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { memberNumberNext: true } });
      if (counter.memberNumberNext === record.firstSerial + record.createCount) {
        await tx.chapter.update({ where: { id: chapterId }, data: { memberNumberNext: record.firstSerial } });
      }
    }
    const keptMembers =
      kept.length > 0
        ? await tx.member.findMany({ where: { id: { in: kept } }, select: { memberNumber: true }, orderBy: { memberNumber: "asc" } })
        : [];
    if (kept.length > 0) await tx.member.updateMany({ where: { id: { in: kept }, importId }, data: { importId: null } });
    await tx.memberImport.update({
      where: { id: importId },
      data: { status: "checked", committedAt: null, firstSerial: null, undo: null },
    });
    await recordAudit(
      {
        actorId,
        chapterId,
        action: "member.import.undone",
        entityType: "MemberImport",
        entityId: importId,
        after: {
          fileName: record.fileName,
          removed,
          restored,
          keptAsEdited,
          keptLinked: kept.length,
          ...(kept.length > 0 ? { keptLinkedNumbers: keptMembers.map((m) => m.memberNumber).join(", ") } : {}),
          reason: cause.reason,
        },
      },
      tx,
    );
  });
  return true;
}

/**
 * Removes the new members of an import, a batch at a time; a member something refers to by now
 * (the delete meets a foreign key, or a card was issued: the delete would take the card with it,
 * and the printed card's QR would no longer verify) is kept. Returns how many were removed and
 * the ids kept (still marked with the import: the caller detaches them).
 */
async function removeNewMembers(chapterId: string, importId: string) {
  const ids = (await db.member.findMany({ where: { importId, chapterId }, select: { id: true } })).map((m) => m.id);
  let removed = 0;
  const kept: string[] = [];
  const remove = async (chunk: string[]) => {
    const outcome = await db.$transaction((tx) => deleteNewMembers(tx, importId, chunk));
    removed += outcome.removed;
    kept.push(...outcome.carded);
  };
  for (let i = 0; i < ids.length; i += IMPORT_BATCH_ROWS) {
    const chunk = ids.slice(i, i + IMPORT_BATCH_ROWS);
    try {
      await remove(chunk);
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      // Someone linked a member of this batch meanwhile: one at a time, to keep only those.
      for (const id of chunk) {
        try {
          await remove([id]);
        } catch (memberError) {
          if (!isForeignKeyViolation(memberError)) throw memberError;
          kept.push(id);
        }
      }
    }
    await yieldToEventLoop();
  }
  return { removed, kept };
}

async function deleteNewMembers(tx: Tx, importId: string, ids: string[]) {
  const carded = (await tx.member.findMany({ where: { id: { in: ids }, importId, cards: { some: {} } }, select: { id: true } })).map(
    (m) => m.id,
  );
  const gone = ids.filter((id) => !carded.includes(id));
  if (gone.length === 0) return { removed: 0, carded };
  await tx.memberDuplicateFlag.deleteMany({ where: { OR: [{ memberId: { in: gone } }, { otherMemberId: { in: gone } }] } });
  await tx.auditLog.deleteMany({ where: { entityType: "Member", entityId: { in: gone }, action: "member.create" } });
  const deleted = await tx.member.deleteMany({ where: { id: { in: gone }, importId } });
  return { removed: deleted.count, carded };
}

/**
 * The import's undo entries. An import claimed by the version before per-batch undo (the server
 * was updated in the middle of it) holds a copy of every member to update taken at the claim:
 * what it wrote is read from its rows, so the same rules apply (a member whose batch never ran
 * still holds its old values: nothing to put back).
 */
async function undoEntries(importId: string, json: string | null): Promise<UndoEntry[]> {
  const entries = JSON.parse(json ?? "[]") as (UndoEntry | ClaimCopy)[];
  if (entries.every((e) => e.after !== undefined)) return entries as UndoEntry[];
  const { rows } = await db.memberImport.findUniqueOrThrow({ where: { id: importId }, select: { rows: true } });
  const written = new Map(
    (JSON.parse(rows) as CheckedImportRow[])
      .filter((r) => r.outcome === "update" && r.data && r.existingMember)
      .map((r) => [r.existingMember!.id, memberData(r.data!)]),
  );
  return entries.flatMap((entry) => {
    if (entry.after !== undefined) return [entry];
    const values = written.get(entry.id);
    if (!values) return [];
    const changed = changedColumns(entry, values);
    return [
      {
        id: entry.id,
        before: storedColumns(Object.fromEntries(changed.map((key) => [key, entry[key]]))),
        after: storedColumns(Object.fromEntries(changed.map((key) => [key, values[key]]))),
      },
    ];
  });
}

/**
 * Puts back the columns of these members that still hold what the import wrote (compared in
 * this transaction); a column changed since by someone else is left as it is, and so is an old
 * email another member has taken meanwhile. Each member put back gets its audit record.
 */
async function restoreMembers(
  tx: Tx,
  ctx: { chapterId: string; importId: string; actorId: string | null },
  entries: UndoEntry[],
): Promise<{ restored: number; keptAsEdited: number }> {
  const ids = entries.map((e) => e.id);
  const current = new Map(
    (await tx.member.findMany({ where: { chapterId: ctx.chapterId, id: { in: ids } }, select: existingMemberSelect })).map((m) => [
      m.id,
      m,
    ]),
  );
  const oldEmails = entries.map((e) => e.before.email).filter((email): email is string => typeof email === "string");
  const emailsTaken = new Set(
    oldEmails.length > 0
      ? (await tx.member.findMany({ where: { email: { in: oldEmails }, id: { notIn: ids } }, select: { email: true } })).map((m) => m.email)
      : [],
  );
  let restored = 0;
  let keptAsEdited = 0;
  const audits: Prisma.AuditLogCreateManyInput[] = [];
  for (const entry of entries) {
    const member = current.get(entry.id) as Record<string, unknown> | undefined;
    if (!member) {
      keptAsEdited += 1; // removed (merged) since: nothing to put back
      continue;
    }
    const back: Record<string, unknown> = {};
    const imported: Record<string, unknown> = {};
    let edited = false;
    for (const [key, wrote] of Object.entries(entry.after)) {
      const now = asStored(member[key]);
      const old = entry.before[key] ?? null;
      if (now === (wrote ?? null) && !(key === "email" && emailsTaken.has(old as string))) {
        back[key] = asColumn(key, old);
        imported[key] = asColumn(key, wrote);
      } else if (now !== old) edited = true;
    }
    if (edited) keptAsEdited += 1;
    if (Object.keys(back).length === 0) continue;
    await tx.member.update({ where: { id: entry.id }, data: back as Prisma.MemberUpdateInput, select: { id: true } });
    restored += 1;
    audits.push({
      actorId: ctx.actorId,
      chapterId: ctx.chapterId,
      action: "member.update",
      entityType: "Member",
      entityId: entry.id,
      before: JSON.stringify(memberAuditView(imported)),
      after: JSON.stringify({ ...memberAuditView(back), importUndone: ctx.importId }),
    });
  }
  if (audits.length > 0) await tx.auditLog.createMany({ data: audits });
  return { restored, keptAsEdited };
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
 * gone or with another NIK, an email taken by someone else.
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
  return { rows: rows.map(rowLabel) };
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

/**
 * One batch of updates, each audited with what changed, and recorded for the undo in the same
 * transaction (appended to MemberImport.undo): per member, only the columns the batch changed,
 * with the value they had and the value written (a batch that never ran leaves nothing to undo).
 * "Before" is read in the transaction, not at the dry run or the claim. Returns the members whose
 * name or birth date changed.
 */
async function updateMembers(tx: Tx, chapterId: string, actorId: string, importId: string, chunk: CheckedImportRow[]): Promise<Touched[]> {
  const current = new Map(
    (
      await tx.member.findMany({
        where: { chapterId, id: { in: chunk.map((r) => r.existingMember!.id) } },
        select: existingMemberSelect,
      })
    ).map((m) => [m.id, m]),
  );
  const touched: Touched[] = [];
  const audits: Prisma.AuditLogCreateManyInput[] = [];
  const undo: UndoEntry[] = [];
  for (const row of chunk) {
    const id = row.existingMember!.id;
    const values = memberData(row.data!);
    // A member removed since the check: the update fails (and the import is undone).
    await tx.member.update({ where: { id, chapterId }, data: values, select: { id: true } });
    const before = current.get(id)!;
    const changed = changedColumns(before, values);
    if (changed.length === 0) continue;
    const old = Object.fromEntries(changed.map((key) => [key, before[key]]));
    const written = Object.fromEntries(changed.map((key) => [key, values[key]]));
    undo.push({ id, before: old, after: written });
    audits.push({
      actorId,
      chapterId,
      action: "member.update",
      entityType: "Member",
      entityId: id,
      before: JSON.stringify(memberAuditView(old)),
      after: JSON.stringify({ ...memberAuditView(written), importId }),
    });
    if (changed.includes("fullName") || changed.includes("birthDate")) {
      touched.push({ id, fullName: values.fullName, birthDate: values.birthDate, isNew: false });
    }
  }
  if (audits.length > 0) await tx.auditLog.createMany({ data: audits });
  if (undo.length > 0) {
    const record = await tx.memberImport.findUniqueOrThrow({ where: { id: importId }, select: { undo: true } });
    await tx.memberImport.update({ where: { id: importId }, data: { undo: appendToJsonArray(record.undo, undo) } });
  }
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
