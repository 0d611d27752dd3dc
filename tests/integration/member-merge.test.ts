// Merging duplicate members: every relation of the schema to Member has a rule, a duplicate
// referenced from every relation merges with every reference moved, and the refusals change
// nothing and answer the board in Indonesian (never a server error).
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureActivityCatalogue, listActivityTypes } from "~/domain/catalogues/catalogues.server";
import { MERGE_RULES, mergeMembers } from "~/domain/members/merge.server";
import { action as loginAction } from "~/routes/login";
import { action as duplicatesAction } from "~/routes/members.duplicates";
import type { Actor } from "~/domain/shared/actor.server";
import { t } from "~/i18n";
import { db } from "~/utils/db.server";
import { buildBoardUser, buildChapter, buildMember, buildUser, calendarDate } from "../factories";
import { actorOfUser } from "../support/actors";
import { expectRefusal } from "../support/outcomes";
import { cookiesFrom, postForm, run, toastMessageOf } from "../support/requests";

/** A reference to a member: a relation (key "Model.relationField") or a plain id column ("Model.column"). */
type Relation = { model: string; field: string; fk: string };

/**
 * Every reference to Member in prisma/schema.prisma: the relations, from the side that holds the
 * foreign key, and the plain columns named like a member id that no relation declares.
 */
function referencesToMember(): Relation[] {
  const schema = readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
  const relations: Relation[] = [];
  const memberIdColumns: { model: string; column: string }[] = [];
  for (const block of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, model, body] = block as unknown as [string, string, string];
    for (const line of body.split("\n")) {
      const field = line.trim().match(/^(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/);
      if (!field) continue;
      const [, name, type, modifier, attributes] = field as unknown as [string, string, string, string | undefined, string];
      const fields = attributes.match(/@relation\([^)]*fields:\s*\[([^\]]+)\]/);
      if (type === "Member" && fields) relations.push({ model, field: name, fk: fields[1]!.trim() });
      // A Member[] list is the far side of a foreign key that Member holds (its chapter, village).
      if (type === "Member" && !fields && modifier !== "[]" && model !== "Member") {
        throw new Error(`${model}.${name} points at Member without a foreign key on its side`);
      }
      if (/memberid$/i.test(name) && type === "String") memberIdColumns.push({ model, column: name });
    }
  }
  const declared = new Set(relations.map((r) => `${r.model}.${r.fk}`));
  const plain = memberIdColumns
    .filter((c) => !declared.has(`${c.model}.${c.column}`))
    .map((c) => ({ model: c.model, field: c.column, fk: c.column }));
  return [...relations, ...plain];
}

const delegate = (model: string) =>
  (db as unknown as Record<string, { count: (args: unknown) => Promise<number> }>)[model[0]!.toLowerCase() + model.slice(1)]!;

/** How many rows of each relation point at the member. */
async function referencesTo(memberId: string) {
  const counts: Record<string, number> = {};
  for (const r of referencesToMember()) counts[`${r.model}.${r.field}`] = await delegate(r.model).count({ where: { [r.fk]: memberId } });
  return counts;
}

let chapterId: string;
let board: Awaited<ReturnType<typeof buildBoardUser>>;
let boardCookie: string;
let registrar: Actor;
let serial = 0;
const V = "61.71.01.1003";

async function activity(memberId: string, coVolunteers: string[] = []) {
  const [type] = await listActivityTypes(chapterId);
  return db.activity.create({
    data: {
      chapterId,
      memberId,
      date: calendarDate(2026, 10, 5),
      durationMinutes: 120,
      typeId: type!.id,
      villageCode: V,
      districtCode: "61.71.01",
      people: 2,
      households: 1,
      status: "verified",
      idempotencyKey: `merge-${++serial}-${Math.random().toString(36).slice(2)}`,
      volunteers: { create: coVolunteers.map((id) => ({ memberId: id })) },
    },
    select: { id: true },
  });
}

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "MRG" })).id;
  await ensureActivityCatalogue(chapterId);
  board = await buildBoardUser({ chapterId, email: "sekretaris@merge.test" });
  registrar = await actorOfUser(board);
  const login = (await run(loginAction, postForm("/login", { email: "sekretaris@merge.test", password: "password-123" }))) as Response;
  boardCookie = cookiesFrom(login);
});

describe("the merge knows every relation to Member", () => {
  it("has a rule for each relation and member id column in the schema, and none for one that is gone", () => {
    const references = referencesToMember();
    expect(references.length).toBeGreaterThan(10);
    expect(Object.keys(MERGE_RULES).sort()).toEqual(references.map((r) => `${r.model}.${r.field}`).sort());
  });
});

describe("merging a duplicate referenced from every relation", () => {
  it("moves every reference to the member kept, in one go, and audits what moved", async () => {
    const keep = await buildMember({ chapterId, villageCode: V, fullName: "Ahmad Yani" });
    const dup = await buildMember({ chapterId, villageCode: V, fullName: "Ahmad Yani" });
    const third = await buildMember({ chapterId, villageCode: V });
    const fourth = await buildMember({ chapterId, villageCode: V });

    // Login account, card, duplicate flags on both sides (the pair, and with third members).
    const account = await buildUser({ chapterId, role: "volunteer", memberId: dup.id });
    await db.memberCard.create({ data: { memberId: dup.id, code: `merge-card-${dup.id}`, validUntil: new Date("2031-01-01") } });
    await db.memberDuplicateFlag.createMany({
      data: [
        { chapterId, memberId: keep.id, otherMemberId: dup.id },
        { chapterId, memberId: dup.id, otherMemberId: third.id },
        { chapterId, memberId: fourth.id, otherMemberId: dup.id },
        { chapterId, memberId: keep.id, otherMemberId: fourth.id },
      ],
    });
    // A board position (not one the kept member holds).
    const position = await db.boardPosition.findFirstOrThrow({ where: { chapterId, kind: "anggota_pengurus" } });
    const period = await db.leadershipPeriod.findUniqueOrThrow({ where: { id: board.periodId } });
    await db.positionHolding.create({
      data: { periodId: period.id, positionId: position.id, memberId: dup.id, startDate: period.startDate },
    });
    // Trainings: an event both attended (the duplicate's entry carries a certificate), one only
    // the duplicate attended, an external training, a certificate on its own, competencies.
    const course = await db.course.create({
      data: { name: "Bimtek Gabung", kind: "bimtek_teknis", organiser: "ipsm", hours: 8, chapterId },
    });
    const event = (start: Date) =>
      db.trainingEvent.create({
        data: { chapterId, courseId: course.id, startDate: start, endDate: start, place: "Aula", organiser: "IPSM", hours: 8 },
      });
    const [shared, own] = [await event(calendarDate(2025, 1, 6)), await event(calendarDate(2025, 2, 3))];
    await db.trainingParticipant.create({ data: { eventId: shared.id, memberId: keep.id } });
    const dupShared = await db.trainingParticipant.create({
      data: { eventId: shared.id, memberId: dup.id, attendance: "hadir", result: "lulus" },
    });
    await db.trainingParticipant.create({ data: { eventId: own.id, memberId: dup.id, result: "lulus" } });
    const on = calendarDate(2025, 2, 3);
    await db.certificate.create({
      data: {
        chapterId,
        memberId: dup.id,
        participantId: dupShared.id,
        title: "Sertifikat Bimtek",
        number: "MRG-EVENT-1",
        issuer: "IPSM",
        issuedOn: on,
      },
    });
    await db.certificate.create({
      data: { chapterId, memberId: dup.id, title: "Sertifikat LSP", number: "MRG-LSP-1", issuer: "LSP Kemensos", issuedOn: on },
    });
    await db.externalTraining.create({
      data: { memberId: dup.id, title: "Diklat Kemensos", kind: "diklat", organiser: "Kemensos", startDate: on, endDate: on, hours: 16 },
    });
    const competency = await db.competency.create({ data: { chapterId, name: "Kompetensi Merge" } });
    await db.memberCompetency.create({
      data: {
        memberId: dup.id,
        competencyId: competency.id,
        level: "menengah",
        source: "training",
        sourceId: dupShared.id,
        acquiredOn: on,
      },
    });
    // Activities: logged by the duplicate with the kept member as co-volunteer (and a follow-up
    // it opened), the duplicate as co-volunteer of a third member, and of the kept member.
    const authored = await activity(dup.id, [keep.id]);
    const followUp = await db.followUp.create({
      data: { chapterId, openedById: authored.id, institution: "Dinas Sosial", description: "Rujukan PBI JK" },
    });
    const coOfThird = await activity(third.id, [dup.id]);
    const coOfKeep = await activity(keep.id, [dup.id]);
    // Programmes: coordinated by the duplicate, both assigned to it, the duplicate to another.
    const programme = (name: string) =>
      db.programme.create({
        data: {
          chapterId,
          name,
          goal: "Pendampingan lansia.",
          startDate: calendarDate(2026, 1, 1),
          endDate: calendarDate(2026, 12, 31),
          budget: 1_000_000,
          fundingSource: "swadaya",
          coordinatorId: dup.id,
        },
      });
    const coordinated = await programme("Program Merge A");
    const other = await programme("Program Merge B");
    await db.programmeVolunteer.createMany({
      data: [
        { programmeId: coordinated.id, memberId: dup.id },
        { programmeId: coordinated.id, memberId: keep.id },
        { programmeId: other.id, memberId: dup.id },
      ],
    });
    // The chapter prints the duplicate's signature.
    await db.chapter.update({ where: { id: chapterId }, data: { signatureMemberId: dup.id } });
    // A certificate of service.
    await db.serviceCertificate.create({
      data: {
        chapterId,
        memberId: dup.id,
        number: "001/IPSM-MRG/X/2026",
        periodStart: calendarDate(2026, 1, 1),
        periodEnd: calendarDate(2026, 10, 31),
        figures: "{}",
        contentHash: "x",
        verifyCode: `MRG${dup.id}`,
        pdfFile: "none.pdf",
        issuedById: board.id,
      },
    });

    // Every relation of the schema points at the duplicate: nothing is left untested.
    const before = await referencesTo(dup.id);
    expect(
      Object.entries(before)
        .filter(([, n]) => n === 0)
        .map(([r]) => r),
    ).toEqual([]);

    expect(await mergeMembers(registrar, keep.id, dup.id)).toEqual({ ok: true });

    expect(await db.member.findUnique({ where: { id: dup.id } })).toBeNull();
    const after = await referencesTo(dup.id);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);

    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).memberId).toBe(keep.id);
    expect((await db.activity.findUniqueOrThrow({ where: { id: authored.id } })).memberId).toBe(keep.id);
    // One person is counted once on an activity: as its author, not also as co-volunteer.
    expect(await db.activityVolunteer.count({ where: { activityId: authored.id } })).toBe(0);
    expect(await db.activityVolunteer.count({ where: { activityId: coOfKeep.id } })).toBe(0);
    expect(await db.activityVolunteer.findMany({ where: { activityId: coOfThird.id }, select: { memberId: true } })).toEqual([
      { memberId: keep.id },
    ]);
    expect(await db.followUp.count({ where: { id: followUp.id } })).toBe(1);
    expect((await db.chapter.findUniqueOrThrow({ where: { id: chapterId } })).signatureMemberId).toBe(keep.id);
    expect((await db.programme.findUniqueOrThrow({ where: { id: coordinated.id } })).coordinatorId).toBe(keep.id);
    expect(await db.programmeVolunteer.count({ where: { memberId: keep.id } })).toBe(2);
    // The certificate of the shared event is kept, now on the kept member's entry.
    const keptShared = await db.trainingParticipant.findUniqueOrThrow({
      where: { eventId_memberId: { eventId: shared.id, memberId: keep.id } },
      include: { certificate: true },
    });
    expect(keptShared.certificate?.number).toBe("MRG-EVENT-1");
    expect(keptShared.result).toBe("lulus");
    expect(await db.certificate.count({ where: { memberId: keep.id } })).toBe(2);
    expect((await db.memberCompetency.findFirstOrThrow({ where: { memberId: keep.id } })).sourceId).toBe(keptShared.id);
    // The flag with the third member moved; the one with the fourth was already the kept member's.
    const flags = await db.memberDuplicateFlag.findMany({
      where: { OR: [{ memberId: keep.id }, { otherMemberId: keep.id }] },
      select: { memberId: true, otherMemberId: true },
    });
    expect(flags).toEqual(
      expect.arrayContaining([
        { memberId: keep.id, otherMemberId: third.id },
        { memberId: keep.id, otherMemberId: fourth.id },
      ]),
    );
    expect(flags).toHaveLength(2);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "member.merge", entityId: keep.id } });
    const moved = JSON.parse(audit.after!) as { relations: Record<string, { moved: number; dropped: number }> };
    expect(moved.relations["Activity.member"]).toEqual({ moved: 1, dropped: 1 });
    expect(moved.relations["ServiceCertificate.member"]).toEqual({ moved: 1, dropped: 0 });
  });
});

describe("refusing a merge", () => {
  it("refuses when both held the same board position at the same time, and changes nothing", async () => {
    const keep = await buildMember({ chapterId, villageCode: V });
    const dup = await buildMember({ chapterId, villageCode: V });
    const position = await db.boardPosition.findFirstOrThrow({ where: { chapterId, kind: "koordinator_bidang" } });
    const period = await db.leadershipPeriod.findUniqueOrThrow({ where: { id: board.periodId } });
    for (const memberId of [keep.id, dup.id]) {
      await db.positionHolding.create({ data: { periodId: period.id, positionId: position.id, memberId, startDate: period.startDate } });
    }
    const authored = await activity(dup.id);

    expect(expectRefusal(await mergeMembers(registrar, keep.id, dup.id), "conflict").message).toBe(
      t("members.duplicates.mergePositions", { position: position.title, period: period.name }),
    );
    expect(await db.member.count({ where: { id: dup.id } })).toBe(1);
    expect((await db.activity.findUniqueOrThrow({ where: { id: authored.id } })).memberId).toBe(dup.id);

    // Through the page: back to the list with the reason, in Indonesian.
    const response = (await run(
      duplicatesAction,
      postForm("/members/duplicates", { intent: "merge", keepId: keep.id, removeId: dup.id }, boardCookie),
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/members/duplicates");
    expect(await toastMessageOf(response)).toBe(
      `Keduanya tercatat memegang jabatan ${position.title} (${period.name}) pada waktu yang sama. Perbaiki data kepengurusan terlebih dahulu, lalu gabungkan.`,
    );
  });

  it("answers a merge of a member already merged away with a message, not an error", async () => {
    const keep = await buildMember({ chapterId, villageCode: V });
    const gone = await buildMember({ chapterId, villageCode: V });
    expect(await mergeMembers(registrar, keep.id, gone.id)).toEqual({ ok: true });
    const response = (await run(
      duplicatesAction,
      postForm("/members/duplicates", { intent: "merge", keepId: keep.id, removeId: gone.id }, boardCookie),
    )) as Response;
    expect(response.status).toBe(302);
    expect(await toastMessageOf(response)).toBe("Data anggota ini sudah tidak ada (mungkin sudah digabungkan). Muat ulang halaman.");
    // Marking a pair that was already decided says so, rather than claiming it was done.
    const decided = (await run(
      duplicatesAction,
      postForm("/members/duplicates", { intent: "distinct", flagId: "sudah-diputuskan" }, boardCookie),
    )) as Response;
    expect(decided.status).toBe(302);
    expect(await toastMessageOf(decided)).toBe(
      "Pasangan ini sudah diputuskan sebelumnya (digabung atau dinyatakan berbeda). Muat ulang halaman.",
    );
  });
});
