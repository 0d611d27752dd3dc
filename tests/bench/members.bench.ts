// `npm run bench`: how the member queries and the member list PDF scale with a chapter's size.
// Read the results as ratios between the cases of one run (machines are noisy), e.g. the last
// page against the first, or 500 members against 50.
import { beforeAll, bench, describe } from "vitest";
import { actorWith } from "../support/actors";
import { countMembersByStatus, listMembers, listMembersForPrint } from "~/domain/members/members.server";
import { listVillages } from "~/domain/chapters/regions.server";
import { getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { renderMemberListPdf } from "~/documents/pdf/render.server";
import { db } from "~/utils/db.server";
import { buildChapter, fakeName, fakeNik, calendarDate, seededRandom } from "../factories";

const SIZE = 3000;
let bigChapter = "";
let smallChapter = "";

async function fill(chapterId: string, count: number) {
  const villages = await listVillages("61.71");
  const random = seededRandom(count);
  const data = Array.from({ length: count }, (_, i) => {
    const sex = random.pick(["L", "P"] as const);
    const birthDate = calendarDate(random.int(1960, 2000), random.int(1, 12), random.int(1, 28));
    const village = villages[i % villages.length]!;
    return {
      chapterId,
      fullName: fakeName(sex, random),
      nik: fakeNik({ districtCode: village.parent!.code, birthDate, sex, serial: i + 1 }),
      sex,
      birthDate,
      address: "Jl. Uji",
      villageCode: village.code,
      status: random.pick(["aktif", "aktif", "calon", "nonaktif"] as const),
      joinDate: calendarDate(2020, 1, 1),
    };
  });
  await db.member.createMany({ data });
}

beforeAll(async () => {
  bigChapter = (await buildChapter({ code: "BIG" })).id;
  smallChapter = (await buildChapter({ code: "SMALL" })).id;
  await fill(bigChapter, SIZE);
  await fill(smallChapter, 300);
});

describe(`member list of a chapter with ${SIZE} members`, () => {
  bench("first page", async () => {
    await listMembers(actorWith({ chapterId: bigChapter }), { page: 1 });
  });
  bench("last page", async () => {
    await listMembers(actorWith({ chapterId: bigChapter }), { page: Math.ceil(SIZE / 50) });
  });
  bench("name search", async () => {
    await listMembers(actorWith({ chapterId: bigChapter }), { search: "siti" });
  });
  bench("counts by status", async () => {
    await countMembersByStatus(actorWith({ chapterId: bigChapter }));
  });
});

describe("member list PDF", () => {
  const render = async (chapterId: string, limit: number) => {
    const [chapter, members] = await Promise.all([getChapterLetterhead(chapterId), listMembersForPrint({ chapterId })]);
    await renderMemberListPdf({ chapter, members: members.slice(0, limit), generatedAt: new Date() });
  };
  bench("30 members", () => render(smallChapter, 30), { iterations: 5, time: 0 });
  bench("300 members", () => render(smallChapter, 300), { iterations: 3, time: 0 });
});
