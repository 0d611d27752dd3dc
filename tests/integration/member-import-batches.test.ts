// The member import commits in batches (short transactions) inside one all-or-nothing import
// (docs/decisions/033): other writes get through while it runs; a batch that fails, or a server
// stopped midway, leaves nothing of the import. Against a real SQLite database.
import { beforeAll, describe, expect, it } from "vitest";
import { listVillages } from "~/domain/chapters/regions.server";
import { checkImport, commitImport, IMPORT_BATCH_ROWS, undoInterruptedImports } from "~/domain/members/import-commit.server";
import type { RawImportRow } from "~/domain/members/import-file.server";
import { createMember } from "~/domain/members/members.server";
import { db } from "~/utils/db.server";
import { memberFormSchema } from "~/validation/members";
import { activityChapter, logFor, type ActivityChapter } from "../factories/activities";
import { buildMember, calendarDate, fakeName, fakeNik, seededRandom } from "../factories";
import { boardMember, volunteer, type TestActor } from "../support/actors";
import { expectOk } from "../support/outcomes";

let ctx: ActivityChapter;
let board: TestActor;
let relawan: TestActor;
let villages: { code: string; name: string; district: string; districtName: string }[];
const random = seededRandom(33);
const usedNiks = new Set<string>();
const two = (n: number) => String(n).padStart(2, "0");

/** A file's rows read: `count` new people, the first `updates` of them existing members (same NIK) with a new address. */
function rows(count: number, existing: { nik: string; fullName: string; birthDate: Date; sex: "L" | "P"; villageCode: string }[] = []) {
  return Array.from({ length: count }, (_, i): RawImportRow => {
    const known = existing[i];
    const sex = known?.sex ?? random.pick(["L", "P"] as const);
    const village = known ? villages.find((v) => v.code === known.villageCode)! : villages[i % villages.length]!;
    let birthDate = known?.birthDate ?? calendarDate(random.int(1960, 2000), random.int(1, 12), random.int(1, 28));
    let nik = known?.nik ?? "";
    while (!known && (!nik || usedNiks.has(nik))) {
      birthDate = calendarDate(random.int(1960, 2000), random.int(1, 12), random.int(1, 28));
      nik = fakeNik({ districtCode: village.district, birthDate, sex, serial: random.int(1, 9999) });
    }
    usedNiks.add(nik);
    return {
      rowNumber: i + 2,
      cells: {
        fullName: known?.fullName ?? fakeName(sex, random),
        nik,
        sex,
        birthDate: `${two(birthDate.getUTCDate())}/${two(birthDate.getUTCMonth() + 1)}/${birthDate.getUTCFullYear()}`,
        address: known ? "Jl. Baru Pindah No. 9" : `Jl. Uji No. ${i}`,
        district: village.districtName,
        village: village.name,
        joinDate: "20/01/2026",
        status: "Aktif",
      },
    };
  });
}

async function checked(fileRows: RawImportRow[]) {
  return expectOk(await checkImport(board, { fileName: "anggota.xlsx", rows: fileRows })).importId;
}

/** What the import may have left: its members, their audit records, the counter, the import's state. */
async function traces(importId: string) {
  const [members, creates, updates, chapter, record] = await Promise.all([
    db.member.count({ where: { importId } }),
    db.auditLog.count({ where: { action: "member.create", after: { contains: importId } } }),
    db.auditLog.count({ where: { action: "member.update", after: { contains: importId } } }),
    db.chapter.findUniqueOrThrow({ where: { id: ctx.id }, select: { memberNumberNext: true } }),
    db.memberImport.findUniqueOrThrow({
      where: { id: importId },
      select: { status: true, committedAt: true, firstSerial: true, undo: true },
    }),
  ]);
  return { members, creates, updates, counter: chapter.memberNumberNext, record };
}

beforeAll(async () => {
  ctx = await activityChapter();
  board = await boardMember(ctx.id, "sekretaris");
  relawan = await volunteer(ctx.id);
  villages = (await listVillages("61.71")).map((v) => ({
    code: v.code,
    name: v.name,
    district: v.parent!.code,
    districtName: v.parent!.name,
  }));
});

describe("the member import in batches", () => {
  it("lets an activity submission through while it commits, instead of after it", async () => {
    const importId = await checked(rows(IMPORT_BATCH_ROWS * 6));
    const finished: string[] = [];
    let secondBatch!: () => void;
    const running = new Promise<void>((resolve) => (secondBatch = resolve));
    const importing = commitImport(board, importId, { beforeBatch: (n) => (n === 2 ? secondBatch() : undefined) }).then((outcome) => {
      finished.push("import");
      return outcome;
    });
    await running;
    const logged = await logFor(ctx, relawan);
    finished.push("activity");
    expect(expectOk(await importing).created).toBe(IMPORT_BATCH_ROWS * 6);
    expectOk(logged);
    // the activity did not wait for the whole import
    expect(finished).toEqual(["activity", "import"]);
    const left = await traces(importId);
    expect(left.members).toBe(IMPORT_BATCH_ROWS * 6);
    expect(left.record).toMatchObject({ status: "committed", firstSerial: null, undo: null });
  });

  it("leaves nothing of the import when a batch fails: members, updates, audit, numbers; it can be committed again", async () => {
    const known = await buildMember({ chapterId: ctx.id, villageCode: villages[0]!.code, status: "aktif" });
    const before = await db.member.findUniqueOrThrow({
      where: { id: known.id },
      select: { nik: true, fullName: true, birthDate: true, sex: true, villageCode: true, address: true, updatedAt: true },
    });
    const importId = await checked(rows(IMPORT_BATCH_ROWS * 4 + 10, [before]));
    const start = await traces(importId);
    const membersBefore = await db.member.count({ where: { chapterId: ctx.id } });

    // the disk fails before the fourth batch: three batches of new members are written by then
    let written = 0;
    await expect(
      commitImport(board, importId, {
        beforeBatch: async (n) => {
          if (n === 4) {
            written = await db.member.count({ where: { importId } });
            throw new Error("disk I/O error (simulated)");
          }
        },
      }),
    ).rejects.toThrow(/simulated/);
    expect(written).toBe(IMPORT_BATCH_ROWS * 3);

    const left = await traces(importId);
    expect(left).toMatchObject({ members: 0, creates: 0, updates: 0, counter: start.counter });
    expect(left.record).toMatchObject({ status: "checked", committedAt: null, firstSerial: null, undo: null });
    expect(await db.member.count({ where: { chapterId: ctx.id } })).toBe(membersBefore);
    const undone = await db.auditLog.findFirstOrThrow({
      where: { action: "member.import.undone", entityId: importId },
      select: { after: true },
    });
    expect(undone.after).toContain(`"removed":${IMPORT_BATCH_ROWS * 3}`);

    // the update of the existing member went back (it is in the last batch: write it first to be sure)
    const updateFirst = await checked(rows(1, [before]));
    await expect(
      commitImport(board, updateFirst, {
        beforeBatch: (n) => {
          if (n === 2) throw new Error("simulated");
        },
      }),
    ).rejects.toThrow();
    const after = await db.member.findUniqueOrThrow({ where: { id: known.id }, select: { address: true, fullName: true } });
    expect(after).toEqual({ address: before.address, fullName: before.fullName });
    expect(await db.auditLog.count({ where: { action: "member.update", entityId: known.id } })).toBe(0);

    // committed again, whole
    const outcome = expectOk(await commitImport(board, importId));
    expect(outcome).toMatchObject({ created: IMPORT_BATCH_ROWS * 4 + 9, updated: 1 });
    expect((await traces(importId)).members).toBe(IMPORT_BATCH_ROWS * 4 + 9);
    expect((await db.member.findUniqueOrThrow({ where: { id: known.id }, select: { address: true } })).address).toBe(
      "Jl. Baru Pindah No. 9",
    );
  });

  it("is undone, with a clear answer, when someone registers one of its NIKs while it runs", async () => {
    const fileRows = rows(IMPORT_BATCH_ROWS * 3);
    const importId = await checked(fileRows);
    const start = await traces(importId);
    const last = fileRows.at(-1)!.cells;
    const outcome = await commitImport(board, importId, {
      beforeBatch: async (n) => {
        if (n !== 2) return;
        // the board registers, by hand, a person of the third batch
        const [d, m, y] = last.birthDate!.split("/").map(Number) as [number, number, number];
        const member = await createMember(
          board,
          memberFormSchema.parse({
            fullName: last.fullName,
            nik: last.nik,
            sex: last.sex,
            birthDate: `${y}-${two(m)}-${two(d)}`,
            address: "Jl. Tangan",
            villageCode: villages.find((v) => v.name === last.village)!.code,
            joinDate: "2026-01-20",
          }),
        );
        expectOk(member);
      },
    });
    expect(outcome).toMatchObject({ ok: false, refusal: "conflict", message: expect.stringMatching(/berubah selama penyimpanan/) });
    const left = await traces(importId);
    expect(left).toMatchObject({ members: 0, creates: 0 });
    expect(left.record.status).toBe("checked");
    // the number the board's member took stays taken: the import's numbers are not given back over it
    expect(left.counter).toBe(start.counter + IMPORT_BATCH_ROWS * 3 + 1);
    expect(await db.member.count({ where: { chapterId: ctx.id, nik: last.nik! } })).toBe(1);
  });

  it("a server stopped in the middle of a commit: the half import is undone at the next start", async () => {
    const importId = await checked(rows(IMPORT_BATCH_ROWS * 4));
    const start = await traces(importId);
    let stopped!: () => void;
    const halfway = new Promise<void>((resolve) => (stopped = resolve));
    // the process "dies" before the third batch: the commit never goes on, nothing undoes it
    void commitImport(board, importId, {
      beforeBatch: (n) => {
        if (n !== 3) return;
        stopped();
        return new Promise<void>(() => {});
      },
    });
    await halfway;
    const half = await traces(importId);
    expect(half.members).toBe(IMPORT_BATCH_ROWS * 2);
    expect(half.record.status).toBe("committing");
    // what the board sees meanwhile: the import is running, not done
    expect(await commitImport(board, importId)).toMatchObject({ ok: false, refusal: "conflict" });

    expect(await undoInterruptedImports()).toBe(1);
    const left = await traces(importId);
    expect(left).toMatchObject({ members: 0, creates: 0, counter: start.counter });
    expect(left.record.status).toBe("checked");
    expect(await undoInterruptedImports()).toBe(0);
  });
});
