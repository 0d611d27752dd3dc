// `npm run bench`: the activity pages with 2 million activities in the database, over HTTP from
// the built production server, next to a bare route (/healthz) served by the same server in the
// same run. Read the results as ratios to /healthz (machines are noisy).
//
// ACTIVITY_BENCH_ROWS overrides the size (e.g. 200000 for a quick look).
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { ensureActivityCatalogue, listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import { listVillages } from "~/domain/chapters/regions.server";
import { calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { buildBoardUser, buildChapter, buildUser, calendarDate, fakeName, fakeNik, seededRandom } from "../factories";
import { startServer } from "../support/server";

const ROWS = Number(process.env.ACTIVITY_BENCH_ROWS ?? 2_000_000);
const MEMBERS = 2_000;
const PASSWORD = "password-123";

let server: Awaited<ReturnType<typeof startServer>>;
const cookies: Record<"volunteer" | "board", string> = { volunteer: "", board: "" };
let typeId = "";
let villageCode = "";
let districtCode = "";
let today = "";
let monthStart = "";

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
const id = () => `b${randomBytes(12).toString("hex")}`;

/** Writes the activities straight into SQLite (Prisma would take minutes for 2 million rows). */
function fill(
  file: string,
  rows: { chapterId: string; members: string[]; types: string[]; villages: { code: string; district: string }[]; categories: string[] },
) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const random = seededRandom(42);
  const insertActivity = sqlite.prepare(
    `INSERT INTO "Activity" (id, chapterId, memberId, date, durationMinutes, typeId, villageCode, districtCode, households, people, status, submittedAt, idempotencyKey, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReach = sqlite.prepare(
    `INSERT INTO "ActivityReach" (id, activityId, categoryId, sex, ageBand, count) VALUES (?, ?, ?, ?, NULL, ?)`,
  );
  const now = new Date();
  const statuses = ["verified", "verified", "verified", "verified", "submitted", "draft", "returned"];
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const activityId = id();
      const village = rows.villages[n % rows.villages.length]!;
      const people = random.int(1, 6);
      const daysAgo = random.int(0, 3 * 365);
      const date = new Date(now.getTime() - daysAgo * 86_400_000);
      const day = iso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())));
      insertActivity.run(
        activityId,
        rows.chapterId,
        rows.members[n % rows.members.length],
        day,
        random.pick([60, 90, 120, 180]),
        rows.types[n % rows.types.length],
        village.code,
        village.district,
        random.int(0, 5),
        people,
        // the last month is still being verified; older work is verified (or was returned)
        daysAgo < 30 ? random.pick(statuses) : n % 50 === 0 ? "returned" : "verified",
        day,
        `bench-${n}`,
        iso(now),
        iso(now),
      );
      insertReach.run(id(), activityId, rows.categories[n % rows.categories.length], n % 2 ? "L" : "P", people);
    }
  });
  for (let from = 0; from < ROWS; from += 50_000) batch(from, Math.min(ROWS, from + 50_000));
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("ANALYZE");
  sqlite.close();
}

async function signIn(email: string) {
  const response = await fetch(`${server.baseURL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: PASSWORD }),
  });
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function get(path: string, cookie?: string) {
  const response = await fetch(`${server.baseURL}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  await response.arrayBuffer();
}

beforeAll(async () => {
  const chapter = await buildChapter({ code: "ACT" });
  await ensureActivityCatalogue(chapter.id);
  const villages = (await listVillages("61.71")).map((v) => ({ code: v.code, district: v.parent!.code }));
  const random = seededRandom(7);
  await db.member.createMany({
    data: Array.from({ length: MEMBERS }, (_, i) => {
      const sex = random.pick(["L", "P"] as const);
      const birthDate = calendarDate(random.int(1960, 2000), random.int(1, 12), random.int(1, 28));
      const village = villages[i % villages.length]!;
      return {
        chapterId: chapter.id,
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
  const members = (await db.member.findMany({ where: { chapterId: chapter.id }, select: { id: true }, orderBy: { id: "asc" } })).map(
    (m) => m.id,
  );
  const volunteer = members[0]!;
  await buildUser({ chapterId: chapter.id, role: "volunteer", email: "relawan@bench.test", memberId: volunteer });
  await buildBoardUser({ chapterId: chapter.id, kind: "ketua", email: "ketua@bench.test" });
  const types = (await listActivityTypes(chapter.id)).map((t) => t.id);
  const categories = (await listPpksCategories(chapter.id)).map((c) => c.id);
  typeId = types[0]!;
  villageCode = villages[0]!.code;
  districtCode = villages[0]!.district;
  const todayDate = calendarToday("Asia/Jakarta");
  today = todayDate.toISOString().slice(0, 10);
  monthStart = `${today.slice(0, 8)}01`;
  const file = process.env.DATABASE_URL!.replace(/^file:/, "");
  await db.$disconnect();
  const started = Date.now();
  fill(file, { chapterId: chapter.id, members, types, villages, categories });
  console.log(`Loaded ${ROWS.toLocaleString("id-ID")} activities in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  server = await startServer({ DATABASE_URL: process.env.DATABASE_URL!, SESSION_SECRET: "bench-secret-bench-secret-bench-secret-bench" });
  cookies.volunteer = await signIn("relawan@bench.test");
  cookies.board = await signIn("ketua@bench.test");
}, 30 * 60_000);

afterAll(async () => {
  await server?.stop();
});

let key = 0;

describe(`activity pages with ${ROWS.toLocaleString("id-ID")} activities (HTTP, production server)`, () => {
  bench("bare route GET /healthz (baseline)", () => get("/healthz"));
  bench("volunteer: GET /activities (own list, month and year totals)", () => get("/activities", cookies.volunteer));
  bench("board: GET /activities, this month in one kecamatan", () =>
    get(`/activities?from=${monthStart}&to=${today}&kecamatan=${districtCode}`, cookies.board),
  );
  bench("board: GET /activities, one type over a year", () =>
    get(`/activities?from=${Number(today.slice(0, 4)) - 1}${today.slice(4)}&to=${today}&jenis=${typeId}`, cookies.board),
  );
  bench("board: GET /activities/verification (queue)", () => get("/activities/verification", cookies.board));
  bench("volunteer: POST /activities/new (submit an activity)", async () => {
    key += 1;
    const form = new FormData();
    for (const [name, value] of Object.entries({
      idempotencyKey: `bench-submit-${key}-${Date.now()}`,
      date: today,
      durationMinutes: "90",
      typeId,
      villageCode,
      households: "2",
      intent: "submit",
    }))
      form.set(name, value);
    const response = await fetch(`${server.baseURL}/activities/new`, {
      method: "POST",
      body: form,
      headers: { Cookie: cookies.volunteer },
      redirect: "manual",
    });
    if (response.status !== 302) throw new Error(`POST /activities/new: ${response.status} ${await response.text()}`);
  });
});
