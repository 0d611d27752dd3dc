// The member import commits in batches (short transactions) inside one all-or-nothing import
// (docs/decisions/033): other writes get through while it runs; a batch that fails, or a server
// stopped midway, leaves nothing of the import. Against a real SQLite database.
import { beforeAll, describe, expect, it } from "vitest";
import { listVillages } from "~/domain/chapters/regions.server";
import { checkImport, commitImport, IMPORT_BATCH_ROWS, undoInterruptedImports } from "~/domain/members/import-commit.server";
import { existingMemberSelect, memberAsForm } from "~/domain/members/import-parse.server";
import type { RawImportRow } from "~/domain/members/import-file.server";
import { searchCoVolunteers } from "~/domain/activities/co-volunteers.server";
import { searchActiveMembers } from "~/domain/leadership/holdings.server";
import { ensureActiveCards } from "~/domain/members/cards.server";
import { createMember, updateMember } from "~/domain/members/members.server";
import { searchRegistrableMembers } from "~/domain/trainings/events.server";
import { db } from "~/utils/db.server";
import { memberFormSchema, type MemberFormData } from "~/validation/members";
import { activityChapter, loggedFor, logFor, type ActivityChapter } from "../factories/activities";
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

/** The board edits a member on the member page: the form as shown, with these fields changed. */
async function editMember(id: string, changes: Partial<Record<keyof MemberFormData, string>>) {
  const form = memberAsForm(await db.member.findUniqueOrThrow({ where: { id } }));
  expectOk(await updateMember(board, id, memberFormSchema.parse({ ...form, ...changes })));
}

/** The import's `member.import.undone` record. */
async function undoneRecord(importId: string) {
  const record = await db.auditLog.findFirstOrThrow({
    where: { action: "member.import.undone", entityId: importId },
    select: { after: true },
  });
  return JSON.parse(record.after!) as Record<string, unknown>;
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
    // the audit trail keeps the import's update and says it was put back
    const audits = await db.auditLog.findMany({
      where: { action: "member.update", entityId: known.id },
      select: { after: true },
    });
    const afters = audits.map((a) => JSON.parse(a.after!) as Record<string, unknown>);
    expect(afters).toHaveLength(2);
    expect(afters).toContainEqual(expect.objectContaining({ address: "Jl. Baru Pindah No. 9", importId: updateFirst }));
    expect(afters).toContainEqual(expect.objectContaining({ address: before.address, importUndone: updateFirst }));

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
  it("the undo puts back only what the import wrote and nobody changed since; edits made meanwhile stay", async () => {
    // 250 members to update (three batches); the import moves them all and sets their join date
    const ids: string[] = [];
    for (let i = 0; i < IMPORT_BATCH_ROWS * 2 + 50; i++) {
      ids.push((await buildMember({ chapterId: ctx.id, villageCode: villages[i % villages.length]!.code, status: "aktif" })).id);
    }
    const select = {
      id: true,
      nik: true,
      fullName: true,
      birthDate: true,
      sex: true,
      villageCode: true,
      phone: true,
      address: true,
      joinDate: true,
    };
    const built = new Map((await db.member.findMany({ where: { id: { in: ids } }, select })).map((m) => [m.id, m]));
    const known = ids.map((id) => built.get(id)!);
    const original = new Map(known.map((m) => [m.id, m]));
    const importId = await checked(rows(known.length, known));
    const [a, b, c] = [known[0]!, known[1]!, known.at(-1)!];

    // between the second and the third batch the board edits three members, then the disk fails
    await expect(
      commitImport(board, importId, {
        beforeBatch: async (n) => {
          if (n !== 3) return;
          await editMember(a.id, { phone: "081299990001" }); // (a) a field the import left alone, batch 1
          await editMember(b.id, { address: "Jl. Pengurus No. 5" }); // (b) the field the import wrote, batch 1
          await editMember(c.id, { phone: "081299990003", address: "Jl. Belum No. 7" }); // (c) batch 3, never ran
          throw new Error("disk I/O error (simulated)");
        },
      }),
    ).rejects.toThrow(/simulated/);

    const now = new Map(
      (
        await db.member.findMany({
          where: { id: { in: known.map((m) => m.id) } },
          select: { id: true, phone: true, address: true, joinDate: true },
        })
      ).map((m) => [m.id, m]),
    );
    // (a): the import's address and join date put back, the phone kept
    expect(now.get(a.id)).toEqual({ id: a.id, phone: "+6281299990001", address: a.address, joinDate: a.joinDate });
    // (b): the board's address kept, the join date (untouched since) put back
    expect(now.get(b.id)).toEqual({ id: b.id, phone: b.phone, address: "Jl. Pengurus No. 5", joinDate: b.joinDate });
    // (c): the board's edit kept (its batch never ran: nothing to put back)
    expect(now.get(c.id)).toEqual({ id: c.id, phone: "+6281299990003", address: "Jl. Belum No. 7", joinDate: c.joinDate });
    // everyone else as before the import
    for (const m of known.slice(2, -1)) {
      const { phone, address, joinDate } = original.get(m.id)!;
      expect(now.get(m.id)).toEqual({ id: m.id, phone, address, joinDate });
    }

    // the import's update records stay; the members put back have their own record, only they
    const written = known.slice(0, IMPORT_BATCH_ROWS * 2).map((m) => m.id);
    const imported = await db.auditLog.findMany({
      where: { action: "member.update", after: { contains: `"importId":"${importId}"` } },
      select: { entityId: true },
    });
    expect(imported.map((r) => r.entityId).sort()).toEqual([...written].sort());
    const restores = await db.auditLog.findMany({
      where: { action: "member.update", after: { contains: `"importUndone":"${importId}"` } },
      select: { entityId: true, before: true, after: true },
    });
    expect(restores.map((r) => r.entityId).sort()).toEqual([...written].sort());
    // (b): only its join date was put back; (c) has no such record
    const ofB = restores.find((r) => r.entityId === b.id)!;
    expect(JSON.parse(ofB.after!)).toEqual({ joinDate: b.joinDate.toISOString(), importUndone: importId });
    const ofA = restores.find((r) => r.entityId === a.id)!;
    expect(JSON.parse(ofA.before!)).toEqual({ address: "Jl. Baru Pindah No. 9", joinDate: "2026-01-20T00:00:00.000Z" });
    expect(JSON.parse(ofA.after!)).toEqual({ address: a.address, joinDate: a.joinDate.toISOString(), importUndone: importId });
    expect(await undoneRecord(importId)).toMatchObject({ removed: 0, restored: IMPORT_BATCH_ROWS * 2, keptAsEdited: 1, keptLinked: 0 });
    expect((await traces(importId)).record).toMatchObject({ status: "checked", undo: null });
  });

  it("the undo completes when someone linked one of its new members meanwhile: that member is kept", async () => {
    const importId = await checked(rows(IMPORT_BATCH_ROWS * 2 + 50));
    const start = await traces(importId);
    const activityId = await loggedFor(ctx, relawan);
    let linked!: { id: string; memberNumber: string | null };
    let carded!: { id: string; memberNumber: string | null };
    await expect(
      commitImport(board, importId, {
        beforeBatch: async (n) => {
          if (n !== 3) return;
          const firstBatch = await db.member.findMany({
            where: { importId },
            select: { id: true, memberNumber: true },
            orderBy: { memberNumber: "asc" },
            take: 2,
          });
          [linked, carded] = firstBatch as [typeof linked, typeof carded];
          // a volunteer's form, checked a moment before, names one as a co-volunteer
          await db.activityVolunteer.create({ data: { activityId, memberId: linked.id } });
          // the board prints the other's card (deleting the member would take the card with it)
          expectOk(await ensureActiveCards(board, [carded.id]));
          throw new Error("disk I/O error (simulated)");
        },
      }),
    ).rejects.toThrow(/simulated/);

    const left = await traces(importId);
    expect(left.record).toMatchObject({ status: "checked", committedAt: null, firstSerial: null, undo: null });
    expect(left.members).toBe(0);
    const kept = await db.member.findMany({ where: { id: { in: [linked.id, carded.id] } }, select: { id: true, importId: true } });
    expect(kept).toEqual(
      expect.arrayContaining([
        { id: linked.id, importId: null },
        { id: carded.id, importId: null },
      ]),
    );
    expect(kept).toHaveLength(2);
    // their creation stays in the audit trail, the other new members are gone with theirs
    expect(await db.auditLog.count({ where: { action: "member.create", after: { contains: importId } } })).toBe(2);
    expect(await undoneRecord(importId)).toMatchObject({
      removed: IMPORT_BATCH_ROWS * 2 - 2,
      keptLinked: 2,
      keptLinkedNumbers: [linked.memberNumber, carded.memberNumber].sort().join(", "),
    });
    // their numbers are in use: the counter is not given back
    expect(left.counter).toBe(start.counter + IMPORT_BATCH_ROWS * 2 + 50);
    expect(await db.activityVolunteer.count({ where: { activityId, memberId: linked.id } })).toBe(1);
    expect(await db.memberCard.count({ where: { memberId: carded.id } })).toBe(1);
  });

  it("while it commits, its new members are not offered to link (co-volunteers, board positions, training participants)", async () => {
    const fileRows = rows(IMPORT_BATCH_ROWS + 20);
    const importId = await checked(fileRows);
    const name = fileRows[0]!.cells.fullName!;
    const found = async (id: string) => ({
      coVolunteer: expectOk(await searchCoVolunteers(relawan, name)).matches.some((m) => m.id === id),
      holding: (await searchActiveMembers(board, name)).some((m) => m.id === id),
      training: (await searchRegistrableMembers(board, name)).some((m) => m.id === id),
    });
    let newId = "";
    let during: Awaited<ReturnType<typeof found>> | null = null;
    let refusedCoVolunteer = false;
    expectOk(
      await commitImport(board, importId, {
        beforeBatch: async (n) => {
          if (n !== 2) return;
          newId = (await db.member.findFirstOrThrow({ where: { importId, fullName: name }, select: { id: true } })).id;
          during = await found(newId);
          // nor accepted from a form that names one
          refusedCoVolunteer = !(await logFor(ctx, relawan, {}, { coVolunteerIds: [newId] })).ok;
        },
      }),
    );
    expect(during).toEqual({ coVolunteer: false, holding: false, training: false });
    expect(refusedCoVolunteer).toBe(true);
    expect(await found(newId)).toEqual({ coVolunteer: true, holding: true, training: true });
  });
  it("an import interrupted by the update to per-batch undo (a claim copy in undo) is undone by the same rule", async () => {
    const select = { id: true, nik: true, fullName: true, birthDate: true, sex: true, villageCode: true, address: true, joinDate: true };
    const [ran, edited, never] = await Promise.all(
      [0, 1, 2].map(async (i) => {
        const { id } = await buildMember({ chapterId: ctx.id, villageCode: villages[i]!.code, status: "aktif" });
        return db.member.findUniqueOrThrow({ where: { id }, select });
      }),
    );
    const importId = await checked(rows(3, [ran!, edited!, never!]));
    // what the old version left: committing, a full copy of the three taken at the claim, the
    // first two written by a batch (the second edited by hand since), the third never written
    const copy = await db.member.findMany({ where: { id: { in: [ran!.id, edited!.id, never!.id] } }, select: existingMemberSelect });
    await db.memberImport.update({ where: { id: importId }, data: { status: "committing", undo: JSON.stringify(copy) } });
    for (const m of [ran!, edited!]) {
      await db.member.update({ where: { id: m.id }, data: { address: "Jl. Baru Pindah No. 9", joinDate: calendarDate(2026, 1, 20) } });
    }
    await editMember(edited!.id, { address: "Jl. Pengurus No. 5" });
    await editMember(never!.id, { address: "Jl. Belum No. 7" });

    expect(await undoInterruptedImports()).toBe(1);
    const now = new Map((await db.member.findMany({ where: { id: { in: copy.map((m) => m.id) } }, select })).map((m) => [m.id, m]));
    expect(now.get(ran!.id)).toEqual(ran);
    expect(now.get(edited!.id)).toEqual({ ...edited, address: "Jl. Pengurus No. 5" });
    expect(now.get(never!.id)).toEqual({ ...never, address: "Jl. Belum No. 7" });
    expect(await undoneRecord(importId)).toMatchObject({ restored: 2, keptAsEdited: 2 });
  });
});
