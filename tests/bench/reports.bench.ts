// `npm run bench`: the yearly contribution report of a chapter with 1,000 volunteers and 200,000
// activities. Three rows in one run: the report's figures (every aggregate, through Prisma), the
// heaviest single aggregate (people by PPKS category x kecamatan) run directly on SQLite with
// better-sqlite3, so the overhead of the report over raw SQL is visible, and the whole draft PDF
// (figures and rendering). The heap growth of one figures run is printed: the aggregates are
// computed in SQL, not by loading activity rows.
//
// REPORT_BENCH_ROWS overrides the number of activities (e.g. 20000 for a quick look).
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { beforeAll, bench, describe } from "vitest";
import { ensureActivityCatalogue, listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import { listVillages } from "~/domain/chapters/regions.server";
import { reportFigures } from "~/domain/reports/figures.server";
import { createReport, reportFile } from "~/domain/reports/reports.server";
import type { Actor } from "~/domain/shared/actor.server";
import { actorWith } from "../support/actors";
import { db } from "~/utils/db.server";
import { buildBoardUser, buildChapter, calendarDate, fakeName, fakeNik, seededRandom } from "../factories";

const ROWS = Number(process.env.REPORT_BENCH_ROWS ?? 200_000);
const VOLUNTEERS = 1_000;
const YEAR = 2025;

let chapterId = "";
let file = "";
let actor: Actor;
let reportId = "";
const start = calendarDate(YEAR, 1, 1);
const end = calendarDate(YEAR, 12, 31);

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
const id = () => `r${randomBytes(12).toString("hex")}`;

/** Writes a year of verified activities straight into SQLite (with reach, some co-volunteers and aid). */
function fill(rows: { members: string[]; types: string[]; villages: { code: string; district: string }[]; categories: string[] }) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const random = seededRandom(11);
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
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const activityId = id();
      const village = rows.villages[n % rows.villages.length]!;
      const day = iso(new Date(Date.UTC(YEAR, 0, 1 + (n % 365))));
      const male = random.int(0, 4);
      const female = random.int(0, 4);
      insertActivity.run(
        activityId,
        chapterId,
        rows.members[n % rows.members.length],
        day,
        random.pick([60, 90, 120, 180]),
        rows.types[n % rows.types.length],
        village.code,
        village.district,
        random.int(0, 5),
        male + female,
        // one round of the volunteers in twenty is still waiting for verification
        Math.floor(n / rows.members.length) % 20 === 19 ? "submitted" : "verified",
        day,
        `report-bench-${n}`,
        now,
        now,
      );
      const category = rows.categories[n % rows.categories.length];
      if (male) insertReach.run(id(), activityId, category, "L", male);
      if (female) insertReach.run(id(), activityId, category, "P", female);
      if (n % 10 === 0) insertCo.run(activityId, rows.members[(n + 7) % rows.members.length]);
      if (n % 25 === 0)
        insertAid.run(id(), activityId, random.int(5, 30), random.int(5, 30) * 150_000, random.pick(["apbd", "apbn", "csr", "swadaya"]));
    }
  });
  for (let from = 0; from < ROWS; from += 50_000) batch(from, Math.min(ROWS, from + 50_000));
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("ANALYZE");
  sqlite.close();
}

let direct: Database.Database;

beforeAll(async () => {
  const chapter = await buildChapter({ code: "LPR" });
  chapterId = chapter.id;
  await ensureActivityCatalogue(chapterId);
  const villages = (await listVillages("61.71")).map((v) => ({ code: v.code, district: v.parent!.code }));
  const random = seededRandom(5);
  await db.member.createMany({
    data: Array.from({ length: VOLUNTEERS }, (_, i) => {
      const sex = random.pick(["L", "P"] as const);
      const birthDate = calendarDate(random.int(1960, 2000), random.int(1, 12), random.int(1, 28));
      const village = villages[i % villages.length]!;
      return {
        chapterId,
        fullName: fakeName(sex, random),
        nik: fakeNik({ districtCode: village.district, birthDate, sex, serial: i + 1 }),
        sex,
        birthDate,
        address: "Jl. Uji",
        villageCode: village.code,
        status: "aktif",
        joinDate: calendarDate(2020, 1, 1),
      };
    }),
  });
  const members = (await db.member.findMany({ where: { chapterId }, select: { id: true }, orderBy: { id: "asc" } })).map((m) => m.id);
  const ketua = await buildBoardUser({ chapterId, kind: "ketua", email: "ketua@laporan.bench" });
  actor = actorWith({ userId: ketua.id, chapterId, kinds: ["ketua"], timeZone: "Asia/Jakarta" });
  const types = (await listActivityTypes(chapterId)).map((t) => t.id);
  const categories = (await listPpksCategories(chapterId)).map((c) => c.id);
  file = process.env.DATABASE_URL!.replace(/^file:/, "");
  await db.$disconnect();
  const started = Date.now();
  fill({ members, types, villages, categories });
  console.log(
    `Loaded ${ROWS.toLocaleString("id-ID")} activities of ${VOLUNTEERS.toLocaleString("id-ID")} volunteers in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const created = await createReport(actor, { kind: "year", start, end, includeSubChapters: true });
  if (!created.ok) throw new Error(JSON.stringify(created));
  reportId = created.id;
  direct = new Database(file, { readonly: true });

  // One figures run, to print what it holds in memory (heap growth, after a collection if exposed).
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().heapUsed;
  const figures = await reportFigures({ chapterId, includeSubChapters: true, start, end });
  const grown = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  console.log(
    `Figures: ${figures.activities.count.toLocaleString("id-ID")} verified activities, ${figures.volunteers.length} volunteers; heap growth of one run ${grown.toFixed(1)} MB`,
  );
}, 30 * 60_000);

describe(`yearly report, ${VOLUNTEERS.toLocaleString("id-ID")} volunteers and ${ROWS.toLocaleString("id-ID")} activities`, () => {
  bench("direct SQLite: people by PPKS category x kecamatan (baseline)", () => {
    direct
      .prepare(
        `SELECT r."categoryId", r."districtCode", SUM(r.count) FROM "ActivityReach" r
         WHERE r."chapterId" = ? AND r.status = 'verified' AND r.date >= ? AND r.date <= ? GROUP BY r."categoryId", r."districtCode"`,
      )
      .all(chapterId, iso(start), iso(end));
  });
  bench("report figures: every aggregate of the report (Prisma)", async () => {
    await reportFigures({ chapterId, includeSubChapters: true, start, end });
  });
  bench(
    "draft PDF: figures and rendering",
    async () => {
      const pdf = await reportFile(actor, reportId, "pdf");
      if (!pdf.ok) throw new Error("no PDF");
    },
    { iterations: 3, time: 0 },
  );
});
