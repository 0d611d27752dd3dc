// Fill for the reports scenario (tests/bench/scenarios/reports.ts), run once per parameters by the
// harness with DATABASE_URL set: a year (2025) of verified activities with reach, co-volunteers
// and aid, written straight with better-sqlite3; the chapters, board and catalogue through the
// factories. Drafts are created for the scenario: the whole year, and each month (to submit).
//
//   {"case":"chapter","volunteers":1000,"activities":200000}
//     one city chapter (Kota Pontianak) and its kelurahan;
//   {"case":"province","volunteers":1000,"perVillage":13}
//     a province chapter (Kalimantan Barat) with its 14 kab/kota chapters, every kelurahan of the
//     province with `perVillage` activities, each of another PPKS category (the kelurahan x
//     categories annex then has villages x perVillage rows).
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { ensureActivityCatalogue, listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import { listVillages } from "~/domain/chapters/regions.server";
import { db } from "~/utils/db.server";
import { buildBoardUser, buildChapter, calendarDate, fakeName, fakeNik, seededRandom } from "../../factories";

type Params = { case: "chapter"; volunteers: number; activities: number } | { case: "province"; volunteers: number; perVillage: number };
const params = JSON.parse(process.argv[2] ?? "{}") as Params;
const YEAR = 2025;

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
const newId = () => `r${randomBytes(12).toString("hex")}`;

async function main() {
  const province = params.case === "province";
  const top = await buildChapter(
    province
      ? {
          code: "KBR",
          name: "IPSM Provinsi Kalimantan Barat",
          level: "provinsi",
          regionCode: "61",
          letterheadSubtitle: "PROVINSI KALIMANTAN BARAT",
        }
      : { code: "LPR" },
  );
  await ensureActivityCatalogue(top.id);
  // the chapters whose activities are counted, each with the villages of its region
  const chapters: { id: string; villages: { code: string; district: string }[] }[] = [];
  if (province) {
    const regencies = await db.region.findMany({ where: { level: "regency", parentCode: "61" }, select: { code: true, name: true } });
    for (const [i, regency] of regencies.entries()) {
      const chapter = await buildChapter({
        code: `KB${String(i + 1).padStart(2, "0")}`,
        name: `IPSM ${regency.name}`,
        regionCode: regency.code,
        parentId: top.id,
        letterheadSubtitle: regency.name.toUpperCase(),
      });
      await ensureActivityCatalogue(chapter.id);
      chapters.push({
        id: chapter.id,
        villages: (await listVillages(regency.code)).map((v) => ({ code: v.code, district: v.parent!.code })),
      });
    }
  } else {
    chapters.push({ id: top.id, villages: (await listVillages("61.71")).map((v) => ({ code: v.code, district: v.parent!.code })) });
  }

  // volunteers, shared out over the chapters
  const random = seededRandom(5);
  const perChapter = Math.ceil(params.volunteers / chapters.length);
  const members = new Map<string, string[]>();
  let serial = 0;
  for (const chapter of chapters) {
    await db.member.createMany({
      data: Array.from({ length: perChapter }, (_, i) => {
        const sex = random.pick(["L", "P"] as const);
        const birthDate = calendarDate(random.int(1960, 2000), random.int(1, 12), random.int(1, 28));
        const village = chapter.villages[i % chapter.villages.length]!;
        return {
          chapterId: chapter.id,
          fullName: fakeName(sex, random),
          nik: fakeNik({ districtCode: village.district, birthDate, sex, serial: ++serial }),
          sex,
          birthDate,
          address: "Jl. Uji",
          villageCode: village.code,
          status: "aktif",
          joinDate: calendarDate(2020, 1, 1),
        };
      }),
    });
    members.set(
      chapter.id,
      (await db.member.findMany({ where: { chapterId: chapter.id }, select: { id: true }, orderBy: { id: "asc" } })).map((m) => m.id),
    );
  }
  await buildBoardUser({ chapterId: top.id, kind: "ketua", email: "ketua@laporan.bench" });
  const ketua = await db.user.findUniqueOrThrow({ where: { email: "ketua@laporan.bench" }, select: { id: true } });
  const types = new Map<string, string[]>();
  const categories = new Map<string, string[]>();
  for (const chapter of chapters) {
    types.set(
      chapter.id,
      (await listActivityTypes(chapter.id)).map((t) => t.id),
    );
    categories.set(
      chapter.id,
      (await listPpksCategories(chapter.id)).map((c) => c.id),
    );
  }
  // drafts: the whole year, and each month (the scenario submits months)
  const draft = (kind: "year" | "month", start: Date, end: Date) =>
    db.report.create({
      data: { chapterId: top.id, periodKind: kind, periodStart: start, periodEnd: end, includeSubChapters: true, createdById: ketua.id },
    });
  await draft("year", calendarDate(YEAR, 1, 1), calendarDate(YEAR, 12, 31));
  for (let m = 1; m <= 12; m++) await draft("month", calendarDate(YEAR, m, 1), new Date(Date.UTC(YEAR, m, 0)));
  const file = process.env.DATABASE_URL!.replace(/^file:/, "");
  await db.$disconnect();

  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const insertActivity = sqlite.prepare(
    `INSERT INTO "Activity" (id, chapterId, memberId, date, durationMinutes, typeId, villageCode, districtCode, households, people, status, submittedAt, idempotencyKey, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReach = sqlite.prepare(
    `INSERT INTO "ActivityReach" (id, activityId, categoryId, sex, ageBand, count) VALUES (?, ?, ?, ?, NULL, ?)`,
  );
  const insertCo = sqlite.prepare(`INSERT INTO "ActivityVolunteer" (activityId, memberId) VALUES (?, ?)`);
  const insertAid = sqlite.prepare(
    `INSERT INTO "ActivityAid" (id, activityId, item, quantity, unit, value, source) VALUES (?, ?, 'Paket sembako', ?, 'paket', ?, ?)`,
  );
  const now = iso(new Date());
  const rnd = seededRandom(11);
  let n = 0;
  const write = (chapterId: string, village: { code: string; district: string }, category: string) => {
    const chapterMembers = members.get(chapterId)!;
    const chapterTypes = types.get(chapterId)!;
    const activityId = newId();
    const day = iso(new Date(Date.UTC(YEAR, 0, 1 + (n % 365))));
    const male = rnd.int(0, 4);
    const female = rnd.int(0, 4);
    insertActivity.run(
      activityId,
      chapterId,
      chapterMembers[n % chapterMembers.length],
      day,
      rnd.pick([60, 90, 120, 180]),
      chapterTypes[n % chapterTypes.length],
      village.code,
      village.district,
      rnd.int(0, 5),
      male + female,
      // one round of the volunteers in twenty is still waiting for verification
      Math.floor(n / chapterMembers.length) % 20 === 19 ? "submitted" : "verified",
      day,
      `report-bench-${n}`,
      now,
      now,
    );
    if (male) insertReach.run(newId(), activityId, category, "L", male);
    if (female) insertReach.run(newId(), activityId, category, "P", female);
    if (n % 10 === 0) insertCo.run(activityId, chapterMembers[(n + 7) % chapterMembers.length]);
    if (n % 25 === 0)
      insertAid.run(newId(), activityId, rnd.int(5, 30), rnd.int(5, 30) * 150_000, rnd.pick(["apbd", "apbn", "csr", "swadaya"]));
    n++;
  };
  if (params.case === "chapter") {
    const [chapter] = chapters;
    const cats = categories.get(chapter!.id)!;
    const batch = sqlite.transaction((from: number, to: number) => {
      for (let k = from; k < to; k++) write(chapter!.id, chapter!.villages[k % chapter!.villages.length]!, cats[k % cats.length]!);
    });
    for (let from = 0; from < params.activities; from += 50_000) batch(from, Math.min(params.activities, from + 50_000));
  } else {
    const batch = sqlite.transaction((chapter: (typeof chapters)[number]) => {
      const cats = categories.get(chapter.id)!;
      for (const village of chapter.villages)
        for (let c = 0; c < params.perVillage; c++) write(chapter.id, village, cats[c % cats.length]!);
    });
    for (const chapter of chapters) batch(chapter);
  }
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  console.log(`  ${n.toLocaleString("en")} activities in ${chapters.length} chapter(s)`);
}

await main();
process.exit(0);
