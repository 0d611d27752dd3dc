// The member search (docs/decisions/030) against the real database: over a corpus of realistic
// names, NIKs, phones and member numbers, the FTS5 trigram search finds exactly what the old
// `LIKE '%...%'` search found (written below as the oracle), plus only the matches that differ
// by case or accents; typed quotes and FTS operators are plain text; the triggers keep the index
// right through create, edit, merge, anonymisation and delete; and the list's order, filters and
// last pages agree with a plain query.
import { beforeAll, describe, expect, it } from "vitest";
import {
  changeMemberStatus,
  countMembersByStatus,
  createMember,
  listMembers,
  listMembersForPrint,
  updateMember,
} from "~/domain/members/members.server";
import { mergeMembers } from "~/domain/members/merge.server";
import { anonymiseMember } from "~/domain/members/privacy.server";
import { searchMemberIds } from "~/domain/members/search.server";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { memberFormSchema, MEMBERS_PAGE_SIZE, type MemberFilters } from "~/validation/members";
import { buildChapter, buildMember, calendarDate, seededRandom } from "../factories";
import { actorOfUser, boardMember, type TestActor } from "../support/actors";
import { expectOk } from "../support/outcomes";
import { buildBoardUser } from "../factories";

let chapterId: string;
let otherChapterId: string;
let sekretaris: TestActor;

const NAMES = [
  "Siti Aminah",
  "SITI RAHMAWATI",
  "siti nurhaliza",
  "Nursiti Hasanah",
  "Rahmat Pratama",
  "Muhammad Rahmat Pratama",
  "Rahmat  Pratama Putra",
  "Ma'ruf Amin",
  "Dewi Ma’ruf",
  "Nur'aini Lubis",
  "Nur Aini Siregar",
  "André Wijaya",
  "Désirée Tan",
  "ANDRE SETIAWAN",
  "José D'Silva",
  'Yusuf "Ucok" Nasution',
  "Budi_Santoso",
  "Agus 100% Hakim",
  "I Gusti Ngurah Rai",
  "Ni Made Ayu",
  "Lim",
  "Tan",
  "Ö Çelik",
];

/** The search as it was before decision 030: the oracle every new result must contain. */
function oldWhere(search: string): Prisma.MemberWhereInput {
  const text = search.trim();
  const digits = text.replace(/[^\d]/g, "");
  return {
    OR: [
      { fullName: { contains: text } },
      { memberNumber: { contains: text } },
      ...(digits.length >= 4 ? [{ nik: { contains: digits } }, { phone: { contains: digits.replace(/^0/, "") } }] : []),
    ],
  };
}

/** Case and accents folded, as the index folds them: the only hits the old search did not have. */
const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

type Row = { id: string; fullName: string; memberNumber: string | null; nik: string; phone: string | null };

/** Whether the new search may find the row for the text: an old hit, or a hit once case and accents are folded. */
function foldedHit(row: Row, search: string) {
  const text = fold(search.trim());
  return [row.fullName, row.memberNumber ?? ""].some((value) => fold(value).includes(text));
}

/**
 * SQLite's LIKE without wildcards: ASCII letters in any case, every other character as it is.
 * Prisma's `contains` does not escape `%` and `_`, so the old search read them as wildcards
 * ("%" listed everyone): for such queries the oracle is the old predicate with them literal.
 */
const likeFold = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
const likeContains = (value: string | null, text: string) => value !== null && likeFold(value).includes(likeFold(text));

async function oldIds(search: string) {
  if (!/[%_]/.test(search)) {
    const rows = await db.member.findMany({ where: { chapterId, ...oldWhere(search) }, select: { id: true } });
    return rows.map((r) => r.id).sort();
  }
  const text = search.trim();
  const digits = text.replace(/[^\d]/g, "");
  const rows = await db.member.findMany({
    where: { chapterId },
    select: { id: true, fullName: true, memberNumber: true, nik: true, phone: true },
  });
  return rows
    .filter(
      (m) =>
        likeContains(m.fullName, text) ||
        likeContains(m.memberNumber, text) ||
        (digits.length >= 4 && (m.nik.includes(digits) || likeContains(m.phone, digits.replace(/^0/, "")))),
    )
    .map((m) => m.id)
    .sort();
}

async function newIds(search: string) {
  const rows = await listMembersForPrint({ chapterId }, { search, sort: "name", direction: "asc" });
  return rows.map((r) => r.id).sort();
}

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "PTK" })).id;
  otherChapterId = (await buildChapter({ code: "LAIN", name: "IPSM Lain" })).id;
  sekretaris = await boardMember(chapterId, "sekretaris");
  const random = seededRandom(30);
  for (const [i, fullName] of NAMES.entries()) {
    await buildMember({
      chapterId,
      villageCode: "61.71.01.1002",
      fullName,
      phone: i % 5 === 4 ? null : `+6281${String(2345678900 + i * 7919).slice(0, 9)}`,
      status: i % 3 === 0 ? "calon" : "aktif",
      random,
    });
  }
  for (let i = 0; i < 40; i++) await buildMember({ chapterId, villageCode: i % 2 ? "61.71.01.1002" : "61.71.02.1001", random });
  // Another chapter with the same names: never found from this one.
  for (const fullName of NAMES.slice(0, 8))
    await buildMember({ chapterId: otherChapterId, villageCode: "61.71.01.1002", fullName, random });
});

describe("the search finds what the old LIKE search found", () => {
  it("over names, apostrophes, accents, NIKs, phones, member numbers, short queries and operators", async () => {
    const corpus = await db.member.findMany({
      where: { chapterId },
      select: { id: true, fullName: true, memberNumber: true, nik: true, phone: true },
    });
    const someone = corpus.find((m) => m.fullName === "Muhammad Rahmat Pratama")!;
    const local = someone.phone!.replace(/^\+62/, "");
    const queries = [
      // names: parts, case, two words, apostrophes (straight and curly), accents
      ...["siti", "SITI", "Siti", "iti", "rahmat pratama", "Rahmat Pratama", "Rahmat  Pratama", "mat pra", "aini", "Nur'aini", "nur aini"],
      ...["ma'ruf", "Ma’ruf", "maruf", "d'silva", "andré", "andre", "ANDRÉ", "désirée", "desiree", "josé", "jose", "çelik", "ö ç"],
      ...["ngurah rai", "  siti  ", "zzz", "Lim", "tan"],
      // one and two characters (LIKE path)
      ...["s", "S", "ti", "Ti", "'", "é", "ö", "a", "%", "_", "\\"],
      // what an FTS query would read as syntax
      ...['"', '""', '"siti"', "siti*", "*", "AND", "siti AND dewi", "-siti", "NOT siti", "siti OR dewi", "NEAR(siti rahmat)"],
      ...["name:siti", "{name}: siti", "^siti", "(", ")", "100%", "100% hakim", "budi_santoso", "budi santoso", '"ucok"', "+62"],
      // NIK: whole, parts, with spaces or dots
      someone.nik,
      someone.nik.slice(6),
      someone.nik.slice(4, 12),
      `${someone.nik.slice(0, 4)} ${someone.nik.slice(4, 8)}`,
      someone.nik.slice(0, 6).replace(/(\d\d)(?=\d)/g, "$1."),
      someone.nik.slice(-3),
      // phone: 08.., +62.., 62.., with spaces or dashes, parts
      `0${local}`,
      `0${local.slice(0, 3)}-${local.slice(3, 7)}-${local.slice(7)}`,
      `+62 ${local.slice(0, 3)} ${local.slice(3, 7)} ${local.slice(7)}`,
      `62${local}`,
      `62 ${local.slice(0, 5)}`,
      `(0${local.slice(0, 3)}) ${local.slice(3, 7)}`,
      local.slice(2, 8),
      "0812",
      "081",
      // member numbers
      someone.memberNumber!,
      someone.memberNumber!.toLowerCase(),
      someone.memberNumber!.slice(-4),
      "PTK-",
      "ptk",
      "2026-",
    ];
    expect(corpus.length).toBeGreaterThan(60);
    for (const query of queries) {
      const before = await oldIds(query);
      const after = await newIds(query);
      const byId = new Map(corpus.map((m) => [m.id, m]));
      // Every old hit is still found ...
      expect({ query, missing: before.filter((id) => !after.includes(id)) }).toEqual({ query, missing: [] });
      // ... and a new hit is only one that differs by case or accents.
      const extra = after.filter((id) => !before.includes(id)).map((id) => byId.get(id)!);
      expect({ query, extra: extra.filter((m) => !foldedHit(m, query)).map((m) => m.fullName) }).toEqual({ query, extra: [] });
    }
  });

  it("finds accented names without the accent, and the other way round", async () => {
    const names = async (search: string) =>
      (await listMembersForPrint({ chapterId }, { search, sort: "name", direction: "asc" })).map((m) => m.fullName);
    expect(await names("andre")).toEqual(["ANDRE SETIAWAN", "André Wijaya"]);
    expect(await names("Desiree")).toEqual(["Désirée Tan"]);
    expect(await names("jose d'silva")).toEqual(["José D'Silva"]);
    expect(await names("Ma'ruf")).toEqual(["Ma'ruf Amin"]);
  });

  it("takes quotes and operators as text, never as an error", async () => {
    for (const search of ['"', 'siti"', '"Ucok"', "*", "siti AND", "OR", "NEAR(", "-", "{", "name:", "^", "\u0000"]) {
      await expect(listMembers(sekretaris, { filters: { search, sort: "name", direction: "asc" } })).resolves.toMatchObject({ page: 1 });
    }
    const quoted = await listMembersForPrint({ chapterId }, { search: '"Ucok"', sort: "name", direction: "asc" });
    expect(quoted.map((m) => m.fullName)).toEqual(['Yusuf "Ucok" Nasution']);
  });

  it("looks at NIK and phone in the member list only; pickers search names and numbers", async () => {
    const someone = await db.member.findFirstOrThrow({ where: { chapterId, fullName: "Siti Aminah" }, select: { id: true, nik: true } });
    expect((await newIds(someone.nik.slice(3, 13))).includes(someone.id)).toBe(true);
    expect(await searchMemberIds({ chapterId, search: someone.nik.slice(3, 13), take: 20 })).toEqual([]);
    expect(await searchMemberIds({ chapterId, search: "siti", take: 2 })).toHaveLength(2);
  });
});

describe("the triggers keep the index in step", () => {
  const form = (overrides: Record<string, string> = {}) =>
    memberFormSchema.parse({
      fullName: "Kartika Ayuningtyas",
      nik: "6171015708900003",
      sex: "P",
      birthDate: "1990-08-17",
      phone: "085712340000",
      email: "",
      address: "Jl. Veteran No. 1",
      villageCode: "61.71.01.1002",
      joinDate: "2026-01-20",
      membershipType: "biasa",
      ...overrides,
    });
  const found = async (search: string) =>
    (await listMembersForPrint({ chapterId }, { search, sort: "name", direction: "asc" })).map((m) => m.id);

  it("after create, edit, merge and delete", async () => {
    const created = expectOk(await createMember(sekretaris, form()));
    expect(await found("ayuningtyas")).toEqual([created.memberId]);
    expect(await found("0857-1234-0000")).toEqual([created.memberId]);

    expectOk(await updateMember(sekretaris, created.memberId, form({ fullName: "Kartika Wulandari", phone: "085799990000" })));
    expect(await found("ayuningtyas")).toEqual([]);
    expect(await found("wulandari")).toEqual([created.memberId]);
    expect(await found("0857-1234")).toEqual([]);
    expect(await found("+62 857 9999")).toEqual([created.memberId]);

    // A merge removes the duplicate: its name is no longer found, the kept member still is.
    const duplicate = await buildMember({ chapterId, villageCode: "61.71.01.1002", fullName: "Kartika Wulandarie", sex: "P" });
    expect((await found("wulandari")).sort()).toEqual([created.memberId, duplicate.id].sort());
    expectOk(await mergeMembers(sekretaris, created.memberId, duplicate.id));
    expect(await found("wulandari")).toEqual([created.memberId]);
    expect(await found("wulandarie")).toEqual([]);

    await db.member.delete({ where: { id: created.memberId } });
    expect(await found("wulandari")).toEqual([]);
    expect(await found("6171015708900003")).toEqual([]);
  });

  it("after anonymisation: the name, NIK and phone are gone from the index", async () => {
    const leaver = await buildMember({ chapterId, villageCode: "61.71.01.1002", fullName: "Hendrawan Susilo", phone: "+6285311112222" });
    const statusDate = new Date(Date.now() - 400 * 86_400_000);
    await db.member.update({ where: { id: leaver.id }, data: { status: "mengundurkan_diri", statusDate } });
    expect(await found("hendrawan")).toEqual([leaver.id]);
    expectOk(await anonymiseMember(sekretaris, leaver.id, { reason: "Permintaan tertulis", confirmation: "ANONIMKAN" }));
    expect(await found("hendrawan")).toEqual([]);
    expect(await found(leaver.nik)).toEqual([]);
    expect(await found("0853-1111-2222")).toEqual([]);
  });

  it("keeps the tally per chapter, status and membership type equal to the members, through every change above", async () => {
    const someone = await buildMember({ chapterId, villageCode: "61.71.01.1002", status: "calon" });
    expectOk(await changeMemberStatus(sekretaris, someone.id, { status: "aktif", effectiveDate: "2026-02-01", reason: "Lulus bimtek" }));
    await db.member.update({ where: { id: someone.id }, data: { membershipType: "kehormatan" } });
    const actual = await db.member.groupBy({ by: ["chapterId", "status", "membershipType"], _count: { _all: true } });
    const tally = await db.memberTally.findMany({ where: { count: { gt: 0 } } });
    const key = (r: { chapterId: string; status: string; membershipType: string }) => `${r.chapterId} ${r.status} ${r.membershipType}`;
    expect(Object.fromEntries(tally.map((r) => [key(r), r.count]))).toEqual(Object.fromEntries(actual.map((r) => [key(r), r._count._all])));
    expect(await countMembersByStatus(sekretaris)).toMatchObject({ total: await db.member.count({ where: { chapterId } }) });
    const { total } = await listMembers(sekretaris, {
      filters: { status: "aktif", membershipType: "kehormatan", sort: "name", direction: "asc" },
    });
    expect(total).toBe(await db.member.count({ where: { chapterId, status: "aktif", membershipType: "kehormatan" } }));
  });

  it("holds an entry for exactly the members there are, and its triggers exist after every migration", async () => {
    const [row] = await db.$queryRaw<{ entries: bigint }[]>`SELECT count(*) AS "entries" FROM "MemberSearch"`;
    expect(Number(row!.entries)).toBe(await db.member.count());
    const triggers = await db.$queryRaw<{ name: string }[]>`
      SELECT "name" FROM sqlite_master WHERE "type" = 'trigger' AND "tbl_name" = 'Member' ORDER BY "name"`;
    expect(triggers.map((t) => t.name)).toEqual([
      "Member_search_delete",
      "Member_search_insert",
      "Member_search_update",
      "Member_tally_delete",
      "Member_tally_insert",
      "Member_tally_update",
    ]);
  });
});

describe("the list's order, filters and pages", () => {
  let bigChapterId: string;
  let board: TestActor;

  beforeAll(async () => {
    bigChapterId = (await buildChapter({ code: "BIG" })).id;
    board = await actorOfUser(await buildBoardUser({ chapterId: bigChapterId, email: "board@big.test" }));
    const random = seededRandom(99);
    for (let i = 0; i < 130; i++) {
      await buildMember({
        chapterId: bigChapterId,
        villageCode: i % 3 ? "61.71.01.1002" : "61.71.02.1001",
        // few names and dates: many ties, which the order must still fix
        fullName: ["Siti Aminah", "Budi Santoso", "Agus Salim", "Dewi Lestari", "Siti Rahma"][i % 5],
        joinDate: calendarDate(2020 + (i % 4), 1, 1),
        status: (["aktif", "calon", "nonaktif"] as const)[i % 3],
        random,
      });
    }
  });

  /** Every page of the list, one after the other. */
  async function allPages(filters: MemberFilters) {
    const first = await listMembers(board, { page: 1, filters });
    const ids = first.members.map((m) => m.id);
    for (let page = 2; page <= first.pages; page++) ids.push(...(await listMembers(board, { page, filters })).members.map((m) => m.id));
    return { total: first.total, ids };
  }

  it("gives every sort both ways, with any filter, in the order of a plain query, pages past the middle included", async () => {
    const sorts = ["name", "number", "joinDate", "status"] as const;
    const filterSets: Omit<MemberFilters, "sort" | "direction">[] = [
      {},
      { status: "aktif" },
      { districtCode: "61.71.01" },
      { villageCode: "61.71.02.1001", membershipType: "biasa" },
      { search: "siti" },
      { search: "si" },
    ];
    const field = { name: "fullName", number: "memberNumber", joinDate: "joinDate", status: "status" } as const;
    for (const sort of sorts) {
      for (const direction of ["asc", "desc"] as const) {
        for (const extra of filterSets) {
          const filters: MemberFilters = { ...extra, sort, direction };
          const expected = await db.member.findMany({
            where: {
              chapterId: bigChapterId,
              ...(extra.search ? oldWhere(extra.search) : {}),
              ...(extra.status ? { status: extra.status } : {}),
              ...(extra.membershipType ? { membershipType: extra.membershipType } : {}),
              ...(extra.villageCode
                ? { villageCode: extra.villageCode }
                : extra.districtCode
                  ? { villageCode: { startsWith: `${extra.districtCode}.` } }
                  : {}),
            },
            orderBy:
              sort === "name"
                ? [{ fullName: direction }, { id: direction }]
                : [{ [field[sort]]: direction }, { fullName: "asc" }, { id: "asc" }],
            select: { id: true },
          });
          const { total, ids } = await allPages(filters);
          expect({ sort, direction, extra, total }).toEqual({ sort, direction, extra, total: expected.length });
          expect({ sort, direction, extra, ids }).toEqual({ sort, direction, extra, ids: expected.map((m) => m.id) });
          expect(await listMembersForPrint(board, filters).then((rows) => rows.map((m) => m.id))).toEqual(expected.map((m) => m.id));
        }
      }
    }
  });

  it("answers a page past the end with no members and the right count", async () => {
    const result = await listMembers(board, { page: 99, filters: { sort: "name", direction: "asc" } });
    expect(result).toMatchObject({ total: 130 + 1, pages: Math.ceil(131 / MEMBERS_PAGE_SIZE), members: [] });
    const searched = await listMembers(board, { page: 99, filters: { search: "siti", sort: "name", direction: "asc" } });
    expect(searched).toMatchObject({
      total: await db.member.count({ where: { chapterId: bigChapterId, fullName: { contains: "siti" } } }),
      members: [],
    });
    expect(searched.total).toBeGreaterThan(0);
  });
});
