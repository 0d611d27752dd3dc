// Fill script of the lists scenario (tests/bench/scenarios/lists.ts), run once by the harness:
//   tsx tests/bench/fill/activities.ts '{"activities":2000000,"members":2000}'
// with DATABASE_URL set to a migrated database with the regions loaded.
//
// One big chapter (Kota Pontianak) with `members` members and `activities` activities over the
// last three years, 1 in 5 with a co-volunteer; a follow-up for 1 activity in 20 (most closed)
// and an audit record for 1 in 4 (as verifications leave them); a programme whose money ledger
// has 20,000 entries. The small setup (chapter, catalogue, users with password "password-123",
// the programme and its ledger) goes through the factories and Prisma; the bulk goes
// straight into SQLite: prepared statements, 100,000 rows a transaction, no journal, the
// secondary indexes and triggers dropped during the load and recreated after it, the totals the
// triggers keep (ActivityDayTotal, AuditLogHour, the co-volunteer and follow-up copies) computed
// once by the same SQL as the migration's. Prints how long the load took.
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { ensureActivityCatalogue, listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import { listVillages } from "~/domain/chapters/regions.server";
import { db } from "~/utils/db.server";
import { PRIVACY_NOTICE_VERSION } from "~/validation/privacy";
import { buildBoardUser, buildChapter, buildUser, calendarDate, fakeName, fakeNik, seededRandom } from "../../factories";

const params = JSON.parse(process.argv[2] ?? "{}") as { activities?: number; members?: number };
const ACTIVITIES = params.activities ?? 2_000_000;
const MEMBERS = params.members ?? 2_000;
const BATCH = 100_000;
/** Entries in one programme's money ledger (a long-running CSR programme's, many times over). */
const LEDGER = 20_000;
const TABLES = ["Activity", "ActivityReach", "ActivityVolunteer", "FollowUp", "AuditLog"];

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
/** Ids in insertion order (unique keys grow at their end instead of all over the B-tree). */
const serial = (prefix: string, n: number) => `${prefix}${RUN}${String(n).padStart(9, "0")}`;
const RUN = randomBytes(3).toString("hex");

async function setup() {
  const chapter = await buildChapter({ code: "LST" });
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
        status: "aktif" as const,
        joinDate: calendarDate(2020, 1, 1),
        // they agreed to the privacy notice in force (else every page sends them to /consent)
        consentAt: new Date(),
        consentVersion: PRIVACY_NOTICE_VERSION,
      };
    }),
  });
  const members = (await db.member.findMany({ where: { chapterId: chapter.id }, select: { id: true }, orderBy: { id: "asc" } })).map(
    (m) => m.id,
  );
  await buildUser({ chapterId: chapter.id, role: "volunteer", email: "relawan@lists.bench", memberId: members[0]! });
  const board = await buildBoardUser({ chapterId: chapter.id, kind: "ketua", email: "ketua@lists.bench" });
  // a programme with a long money ledger (the ledger page's benchmark)
  const programme = await db.programme.create({
    data: {
      chapterId: chapter.id,
      name: "Program Bench",
      goal: "Uji buku kas panjang",
      startDate: calendarDate(2020, 1, 1),
      endDate: calendarDate(2030, 12, 31),
      budget: 2_000_000_000,
      fundingSource: "csr",
      coordinatorId: members[1]!,
    },
    select: { id: true },
  });
  for (let from = 0; from < LEDGER; from += 2_000) {
    await db.moneyEntry.createMany({
      data: Array.from({ length: Math.min(2_000, LEDGER - from) }, (_, j) => {
        const i = from + j;
        return {
          programmeId: programme.id,
          kind: "spending" as const,
          // six years, in order
          date: new Date(Date.UTC(2020, 0, 1) + Math.floor((i * 2190) / LEDGER) * 86_400_000),
          amount: 10_000 + (i % 97) * 1_000,
          purpose: `Belanja kegiatan ${i + 1}`,
          // waiting for the Ketua: a few of the newest, and one left waiting for years (on another page)
          status: (i >= LEDGER - 50 && i % 10 === 0) || i === 1_000 ? ("pending" as const) : ("approved" as const),
          recordedById: board.id,
          idempotencyKey: `bench-ledger-${i}`,
        };
      }),
    });
  }
  const types = (await listActivityTypes(chapter.id)).map((t) => t.id);
  const categories = (await listPpksCategories(chapter.id)).map((c) => c.id);
  await db.$disconnect();
  return { chapterId: chapter.id, boardUserId: board.id, members, villages, types, categories };
}

function load(file: string, rows: Awaited<ReturnType<typeof setup>>) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -400000");
  sqlite.pragma("temp_store = MEMORY");
  // the rows refer to the chapter, members, types and villages made above: no checks during the load
  sqlite.pragma("foreign_keys = OFF");
  // secondary indexes and triggers of the bulk tables: dropped for the load, recreated after it
  const kept = sqlite
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
       AND tbl_name IN (${TABLES.map(() => "?").join(", ")})`,
    )
    .all(...TABLES) as { type: string; name: string; sql: string }[];
  for (const item of kept) sqlite.exec(`DROP ${item.type.toUpperCase()} "${item.name}"`);

  const random = seededRandom(42);
  const insertActivity = sqlite.prepare(
    `INSERT INTO "Activity" (id, chapterId, memberId, date, durationMinutes, typeId, villageCode, districtCode, households, people, status, submittedAt, idempotencyKey, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReach = sqlite.prepare(
    `INSERT INTO "ActivityReach" (id, activityId, categoryId, sex, ageBand, count) VALUES (?, ?, ?, ?, NULL, ?)`,
  );
  const insertVolunteer = sqlite.prepare(
    `INSERT INTO "ActivityVolunteer" (activityId, memberId, chapterId, status, date, typeId, districtCode, durationMinutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFollowUp = sqlite.prepare(
    `INSERT INTO "FollowUp" (id, chapterId, openedById, status, institution, description, openedOn, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAudit = sqlite.prepare(
    `INSERT INTO "AuditLog" (id, at, actorId, chapterId, action, entityType, entityId, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = new Date();
  const statuses = ["verified", "verified", "verified", "verified", "submitted", "draft", "returned"] as const;
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const activityId = serial("a", n);
      const village = rows.villages[n % rows.villages.length]!;
      const people = random.int(1, 6);
      const daysAgo = random.int(0, 3 * 365);
      const date = new Date(now.getTime() - daysAgo * 86_400_000);
      const day = iso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())));
      // many activities share a moment (an import, a sync of a phone's queue): ties in the order
      const created = iso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 10, random.int(0, 59))));
      const duration = random.pick([60, 90, 120, 180]);
      const type = rows.types[n % rows.types.length]!;
      // the last month is still being verified; older work is verified (or was returned)
      const status = daysAgo < 30 ? random.pick(statuses) : n % 50 === 0 ? "returned" : "verified";
      insertActivity.run(
        activityId,
        rows.chapterId,
        rows.members[n % rows.members.length],
        day,
        duration,
        type,
        village.code,
        village.district,
        random.int(0, 5),
        people,
        status,
        status === "draft" ? null : created,
        serial("bench-", n),
        created,
        created,
      );
      insertReach.run(serial("r", n), activityId, rows.categories[n % rows.categories.length], n % 2 ? "L" : "P", people);
      if (n % 5 === 0) {
        insertVolunteer.run(
          activityId,
          rows.members[(n + 7) % rows.members.length],
          rows.chapterId,
          status,
          day,
          type,
          village.district,
          duration,
        );
      }
      if (n % 20 === 0) {
        insertFollowUp.run(
          serial("f", n),
          rows.chapterId,
          activityId,
          daysAgo < 60 ? random.pick(["baru", "proses"]) : n % 100 === 0 ? "proses" : "selesai",
          "Dinas Sosial",
          "Rujukan lansia terlantar ke panti",
          day,
          created,
          created,
        );
      }
      if (n % 4 === 0) {
        insertAudit.run(
          serial("l", n),
          created,
          rows.boardUserId,
          rows.chapterId,
          "activity.verify",
          "Activity",
          activityId,
          null,
          '{"status":"verified"}',
        );
      }
    }
  });
  const started = Date.now();
  for (let from = 0; from < ACTIVITIES; from += BATCH) batch(from, Math.min(ACTIVITIES, from + BATCH));
  const inserted = Date.now();
  for (const item of kept.filter((k) => k.type === "index")) sqlite.exec(item.sql);
  const indexed = Date.now();
  // what the triggers keep, computed once (the same SQL as migrations lists_at_scale's and
  // activity_type_day_totals')
  sqlite.exec(`
    INSERT INTO "ActivityDayTotal" ("chapterId", "date", "districtCode", "status", "activities", "minutes", "coMinutes", "households", "people")
    SELECT "chapterId", "date", "districtCode", "status", COUNT(*), SUM("durationMinutes"), 0, SUM("households"), SUM("people")
    FROM "Activity" GROUP BY "chapterId", "date", "districtCode", "status";
    UPDATE "ActivityDayTotal" SET "coMinutes" = v."minutes"
    FROM (
        SELECT "chapterId", "date", "districtCode", "status", SUM("durationMinutes") AS "minutes" FROM "ActivityVolunteer"
        WHERE "chapterId" IS NOT NULL GROUP BY "chapterId", "date", "districtCode", "status"
    ) AS v
    WHERE "ActivityDayTotal"."chapterId" = v."chapterId" AND "ActivityDayTotal"."date" = v."date"
        AND "ActivityDayTotal"."districtCode" = v."districtCode" AND "ActivityDayTotal"."status" = v."status";
    INSERT INTO "ActivityTypeDayTotal" ("chapterId", "typeId", "date", "districtCode", "status", "activities", "minutes", "coMinutes", "households", "people")
    SELECT "chapterId", "typeId", "date", "districtCode", "status", COUNT(*), SUM("durationMinutes"), 0, SUM("households"), SUM("people")
    FROM "Activity" GROUP BY "chapterId", "typeId", "date", "districtCode", "status";
    UPDATE "ActivityTypeDayTotal" SET "coMinutes" = v."minutes"
    FROM (
        SELECT "chapterId", "typeId", "date", "districtCode", "status", SUM("durationMinutes") AS "minutes" FROM "ActivityVolunteer"
        WHERE "chapterId" IS NOT NULL GROUP BY "chapterId", "typeId", "date", "districtCode", "status"
    ) AS v
    WHERE "ActivityTypeDayTotal"."chapterId" = v."chapterId" AND "ActivityTypeDayTotal"."typeId" = v."typeId"
        AND "ActivityTypeDayTotal"."date" = v."date" AND "ActivityTypeDayTotal"."districtCode" = v."districtCode"
        AND "ActivityTypeDayTotal"."status" = v."status";
    INSERT INTO "FollowUpTally" ("chapterId", "status", "count")
    SELECT "chapterId", "status", COUNT(*) FROM "FollowUp" WHERE true GROUP BY 1, 2
    ON CONFLICT ("chapterId", "status") DO UPDATE SET "count" = "count" + excluded."count";
    INSERT INTO "AuditLogHour" ("chapterId", "hour", "records")
    SELECT "chapterId", strftime('%Y-%m-%dT%H:00:00.000+00:00', "at"), COUNT(*) FROM "AuditLog"
    WHERE "chapterId" IS NOT NULL AND strftime('%Y-%m-%dT%H:00:00.000+00:00', "at") IS NOT NULL
    GROUP BY 1, 2;
  `);
  for (const item of kept.filter((k) => k.type === "trigger")) sqlite.exec(item.sql);
  sqlite.exec("ANALYZE");
  const done = Date.now();
  sqlite.close();
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `  loaded ${ACTIVITIES.toLocaleString("en")} activities in ${s(done - started)} (rows ${s(inserted - started)}, indexes ${s(indexed - inserted)}, totals and ANALYZE ${s(done - indexed)})`,
  );
}

const rows = await setup();
load(process.env.DATABASE_URL!.replace(/^file:/, ""), rows);
