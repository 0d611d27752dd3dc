// `npm run bench`: how the member list PDF scales with a chapter's size. (The member list and its
// search are measured over HTTP by tests/bench/scenarios/members.ts.) Read the results as ratios
// between the cases of one run (machines are noisy), e.g. 300 members against 30.
import { beforeAll, bench, describe } from "vitest";
import { listMembersForPrint } from "~/domain/members/members.server";
import { listVillages } from "~/domain/chapters/regions.server";
import { getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { renderMemberListPdf } from "~/documents/pdf/render.server";
import { db } from "~/utils/db.server";
import { buildChapter, fakeName, fakeNik, calendarDate, seededRandom } from "../factories";

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
  smallChapter = (await buildChapter({ code: "SMALL" })).id;
  await fill(smallChapter, 300);
});

describe("member list PDF", () => {
  const render = async (chapterId: string, limit: number) => {
    const [chapter, members] = await Promise.all([getChapterLetterhead(chapterId), listMembersForPrint({ chapterId })]);
    await renderMemberListPdf({ chapter, members: members.slice(0, limit), generatedAt: new Date() });
  };
  bench("30 members", () => render(smallChapter, 30), { iterations: 5, time: 0 });
  bench("300 members", () => render(smallChapter, 300), { iterations: 3, time: 0 });
});
