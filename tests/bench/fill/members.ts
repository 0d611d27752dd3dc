// Fill script of the member benchmark (tests/bench/scenarios/members.ts), run once per size by
// the harness: `tsx tests/bench/fill/members.ts '{"members":100000,"chapters":1}'`.
// The chapters, and a board user (board@bench.ipsm.id, password "password-123") in the first,
// come from the test factories; the members are written straight with better-sqlite3 in large
// transactions (a copy of a row the factory wrote, so that every column is stored as Prisma
// stores it). The first chapter holds half of the members when there are several (a national
// spread: one big chapter among many small ones), all of them when there is one.
// Names are realistic: one to three parts from Indonesian first and family names, some with
// apostrophes ("Ma'ruf", "Nur'aini") and accents ("André", "Désirée").
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { buildBoardUser, buildChapter, buildMember, calendarDate, fakeNik, seededRandom } from "../../factories";
import { listVillages } from "~/domain/chapters/regions.server";
import { db } from "~/utils/db.server";

const FIRST = [
  "Siti",
  "Dewi",
  "Nurhayati",
  "Ratna",
  "Wati",
  "Yuliana",
  "Fitri",
  "Lestari",
  "Maria",
  "Hasanah",
  "Aisyah",
  "Rosmawati",
  "Utin",
  "Sri",
  "Kartini",
  "Nur'aini",
  "Désirée",
  "Ahmad",
  "Budi",
  "Dedi",
  "Eko",
  "Fajar",
  "Hendra",
  "Irwan",
  "Joko",
  "Rudi",
  "Syarif",
  "Yusuf",
  "Agus",
  "Rahmat",
  "Hamdan",
  "Slamet",
  "Ma'ruf",
  "André",
  "Muhammad",
  "Abdul",
  "Rina",
  "Yanti",
  "Bambang",
  "Hadi",
  "Indah",
  "Putri",
  "Wahyu",
  "Gusti",
  "Made",
  "Ketut",
  "Nyoman",
  "Dian",
  "Rizky",
  "Anisa",
];
const FAMILY = [
  "Saputra",
  "Rahman",
  "Hidayat",
  "Lim",
  "Syahputra",
  "Kurniawan",
  "Pratama",
  "Wijaya",
  "Nasution",
  "Abdullah",
  "Gunawan",
  "Hasibuan",
  "Setiawan",
  "Tan",
  "Daeng",
  "Siregar",
  "Lubis",
  "Harahap",
  "Simanjuntak",
  "Sitompul",
  "Nugroho",
  "Susanto",
  "Santoso",
  "Hakim",
  "Ramadhan",
  "Firmansyah",
  "Maulana",
  "Hutapea",
  "Manurung",
  "Panjaitan",
  "D'Silva",
  "Situmorang",
];
const STATUSES = ["aktif", "aktif", "aktif", "calon", "nonaktif", "mengundurkan_diri"] as const;

const params = JSON.parse(process.argv[2] ?? "{}") as { members?: number; chapters?: number };
const total = params.members ?? 1000;
const chapterCount = Math.max(1, params.chapters ?? 1);

const villages = await listVillages("61.71");
const chapters: { id: string; code: string }[] = [];
for (let i = 0; i < chapterCount; i++) {
  const chapter = await buildChapter({ code: i === 0 ? "PTK" : `C${String(i).padStart(3, "0")}`, name: `IPSM Uji ${i + 1}` });
  chapters.push({ id: chapter.id, code: i === 0 ? "PTK" : `C${String(i).padStart(3, "0")}` });
}
await buildBoardUser({ chapterId: chapters[0]!.id, email: "board@bench.ipsm.id" });
const template = await buildMember({ chapterId: chapters[0]!.id, villageCode: villages[0]!.code });
await db.$disconnect();

const file = process.env.DATABASE_URL!.replace(/^file:/, "");
const sqlite = new Database(file);
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = OFF");
const row = sqlite.prepare(`SELECT * FROM "Member" WHERE "id" = ?`).get(template.id) as Record<string, unknown>;
const columns = Object.keys(row);
const insert = sqlite.prepare(
  `INSERT INTO "Member" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
);
// Dates are stored as the template's are (the adapter's format): map a Date to that form.
const dateAs = (sample: unknown, date: Date) => (typeof sample === "number" ? date.getTime() : date.toISOString().replace("Z", "+00:00"));
const asStored = (column: string, date: Date) => dateAs(row[column], date);

const random = seededRandom(total * 31 + chapterCount);
const perChapter = chapters.map((_, i) => (chapterCount === 1 ? total : i === 0 ? Math.ceil(total / 2) : 0));
if (chapterCount > 1) {
  const rest = total - perChapter[0]!;
  for (let i = 1; i < chapterCount; i++) perChapter[i] = Math.floor(rest / (chapterCount - 1)) + (i <= rest % (chapterCount - 1) ? 1 : 0);
}
const fill = sqlite.transaction((chapter: { id: string; code: string }, from: number, count: number) => {
  for (let i = from; i < from + count; i++) {
    const sex = random.pick(["L", "P"] as const);
    const parts = random.int(1, 10) <= 2 ? 1 : random.int(1, 10) <= 7 ? 2 : 3;
    const name = [random.pick(FIRST), ...(parts === 3 ? [random.pick(FIRST)] : []), ...(parts >= 2 ? [random.pick(FAMILY)] : [])].join(" ");
    // NIK unique within the chapter: the serial is i % 10000, the birth year tells the ten-thousands apart.
    const birthDate = calendarDate(1960 + Math.floor(i / 10000) + 10 * random.int(0, 3), random.int(1, 12), random.int(1, 28));
    const joinDate = calendarDate(random.int(2010, 2026), random.int(1, 12), random.int(1, 28));
    const village = villages[random.int(0, villages.length - 1)]!;
    insert.run({
      ...row,
      id: randomUUID(),
      chapterId: chapter.id,
      fullName: name,
      nik: fakeNik({ districtCode: village.parent!.code, birthDate, sex, serial: i % 10000 }),
      sex,
      birthDate: asStored("birthDate", birthDate),
      phone: random.int(1, 10) === 1 ? null : `+628${random.int(11, 59)}${random.int(1000000, 9999999)}`,
      villageCode: village.code,
      status: random.pick(STATUSES),
      statusDate: asStored("statusDate", joinDate),
      joinDate: asStored("joinDate", joinDate),
      memberNumber: `${chapter.code}-${joinDate.getUTCFullYear()}-${String(i + 1).padStart(6, "0")}`,
      membershipType: random.int(1, 50) === 1 ? "kehormatan" : "biasa",
      email: null,
      createdAt: asStored("createdAt", joinDate),
      updatedAt: asStored("updatedAt", joinDate),
    });
  }
});
const CHUNK = 20_000;
for (const [index, chapter] of chapters.entries()) {
  for (let from = 0; from < perChapter[index]!; from += CHUNK) fill(chapter, from, Math.min(CHUNK, perChapter[index]! - from));
}
sqlite.close();
