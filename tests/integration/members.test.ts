import { beforeAll, describe, expect, it } from "vitest";
import { countMembersByStatus, listMembers, listMembersForPrint } from "~/domain/members/members.server";
import { listVillages } from "~/domain/chapters/regions.server";
import { MEMBERS_PAGE_SIZE } from "~/validation/members";
import { buildChapter, buildMember, seededRandom } from "../factories";
import { actorWith } from "../support/actors";

let chapterId: string;
let otherChapterId: string;
let villages: { code: string }[];

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "MA" })).id;
  otherChapterId = (await buildChapter({ code: "MB", name: "IPSM Kabupaten Lain" })).id;
  villages = await listVillages("61.71");
  const random = seededRandom(7);
  const statuses = ["aktif", "aktif", "aktif", "calon", "nonaktif", "meninggal"] as const;
  for (let i = 0; i < 60; i++) {
    await buildMember({ chapterId, villageCode: villages[i % villages.length]!.code, status: statuses[i % 6], random });
  }
  await buildMember({ chapterId, villageCode: villages[0]!.code, fullName: "Zainab Kurniasih", status: "aktif", random });
  for (let i = 0; i < 5; i++) {
    await buildMember({ chapterId: otherChapterId, villageCode: villages[1]!.code, fullName: `Zainab Lain ${i}`, random });
  }
});

describe("countMembersByStatus", () => {
  it("counts each status of the chapter only", async () => {
    const counts = await countMembersByStatus(actorWith({ chapterId }));
    expect(counts).toMatchObject({ total: 61, aktif: 31, calon: 10, nonaktif: 10, meninggal: 10, mengundurkan_diri: 0, diberhentikan: 0 });
    expect((await countMembersByStatus(actorWith({ chapterId: otherChapterId }))).total).toBe(5);
  });
});

describe("listMembers", () => {
  it("pages by 50, sorted by name, within the chapter", async () => {
    const first = await listMembers(actorWith({ chapterId }), { page: 1 });
    expect(first.total).toBe(61);
    expect(first.pages).toBe(2);
    expect(first.members).toHaveLength(MEMBERS_PAGE_SIZE);
    const second = await listMembers(actorWith({ chapterId }), { page: 2 });
    expect(second.members).toHaveLength(11);
    const names = [...first.members, ...second.members].map((m) => m.fullName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("searches by name without leaking other chapters", async () => {
    const result = await listMembers(actorWith({ chapterId }), { search: "zainab" });
    expect(result.members.map((m) => m.fullName)).toEqual(["Zainab Kurniasih"]);
  });

  it("treats nonsense page numbers as the first page", async () => {
    expect((await listMembers(actorWith({ chapterId }), { page: -3 })).page).toBe(1);
  });
});

describe("listMembersForPrint", () => {
  it("gives every member with kelurahan and kecamatan", async () => {
    const members = await listMembersForPrint(actorWith({ chapterId }));
    expect(members).toHaveLength(61);
    expect(members[0]!.village.parent?.name).toMatch(/^Pontianak /);
  });
});
