// Fill for tests/bench/scenarios/writes.ts: one chapter (Kota Pontianak) with its activity
// catalogue, `volunteers` volunteers with accounts (relawan1@writes.test ...), a Sekretaris
// (sekretaris@writes.test) who imports, `members` other members written in bulk, and member
// imports already checked (the dry run, status "checked") of each size in `imports`, every row a
// new member: the scenario only commits them.
import Database from "better-sqlite3";
import { listVillages } from "~/domain/chapters/regions.server";
import { ensureActivityCatalogue } from "~/domain/catalogues/catalogues.server";
import { checkImport } from "~/domain/members/import-commit.server";
import type { RawImportRow } from "~/domain/members/import-file.server";
import { db } from "~/utils/db.server";
import { buildBoardUser, buildChapter, buildMember, buildUser, calendarDate, fakeName, fakeNik, seededRandom } from "../../factories";
import { actorOfUser } from "../../support/actors";

const params = JSON.parse(process.argv[2] ?? "{}") as { volunteers: number; members: number; imports: number[] };
const random = seededRandom(20);
const chapter = await buildChapter({ code: "WRT" });
await ensureActivityCatalogue(chapter.id);
const villages = (await listVillages("61.71")).map((v) => ({
  code: v.code,
  name: v.name,
  district: v.parent!.code,
  districtName: v.parent!.name,
}));

for (let i = 1; i <= params.volunteers; i++) {
  const member = await buildMember({ chapterId: chapter.id, villageCode: villages[i % villages.length]!.code, status: "aktif" });
  await buildUser({ chapterId: chapter.id, role: "volunteer", email: `relawan${i}@writes.test`, memberId: member.id });
}
const board = await buildBoardUser({ chapterId: chapter.id, kind: "sekretaris", email: "sekretaris@writes.test" });

// NIKs differ by serial: bulk members 1..members, then each import its own range.
const usedNiks = new Set<string>();
function person(serial: number) {
  const sex = random.pick(["L", "P"] as const);
  const village = villages[serial % villages.length]!;
  let birthDate: Date;
  let nik: string;
  do {
    birthDate = calendarDate(random.int(1960, 2000), random.int(1, 12), random.int(1, 28));
    nik = fakeNik({ districtCode: village.district, birthDate, sex, serial: random.int(1, 9999) });
  } while (usedNiks.has(nik));
  usedNiks.add(nik);
  return { sex, birthDate, nik, village, fullName: fakeName(sex, random) };
}

// Other members, straight into the table.
await db.$disconnect();
const sqlite = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""));
const insert = sqlite.prepare(
  `INSERT INTO Member (id, chapterId, fullName, nik, sex, birthDate, address, villageCode, status, joinDate, memberNumber, membershipType, createdAt, updatedAt)
   VALUES (?, ?, ?, ?, ?, ?, 'Jl. Uji', ?, 'aktif', ?, ?, 'biasa', ?, ?)`,
);
const now = Date.now();
sqlite.transaction(() => {
  for (let i = 0; i < params.members; i++) {
    const p = person(i);
    insert.run(
      `bulk${i}`,
      chapter.id,
      p.fullName,
      p.nik,
      p.sex,
      p.birthDate.getTime(),
      p.village.code,
      calendarDate(2020, 1, 1).getTime(),
      `WRT-BULK-${i}`,
      now,
      now,
    );
  }
})();
sqlite.close();

// The imports, checked (dry run) by the Sekretaris.
const actor = await actorOfUser(board);
const two = (n: number) => String(n).padStart(2, "0");
for (const [n, size] of params.imports.entries()) {
  const rows: RawImportRow[] = Array.from({ length: size }, (_, i) => {
    const p = person(i);
    return {
      rowNumber: i + 2,
      cells: {
        no: String(i + 1),
        fullName: p.fullName,
        nik: p.nik,
        sex: p.sex,
        birthDate: `${two(p.birthDate.getUTCDate())}/${two(p.birthDate.getUTCMonth() + 1)}/${p.birthDate.getUTCFullYear()}`,
        phone: `08${random.int(11, 59)}${random.int(10000000, 99999999)}`,
        email: i % 10 === 0 ? `anggota${i}.${n}@writes.test` : "",
        address: `Jl. Uji No. ${i}`,
        district: p.village.districtName,
        village: p.village.name,
        joinDate: "20/01/2026",
        membershipType: "Biasa",
        status: i % 3 ? "Aktif" : "Calon",
      },
    };
  });
  const checked = await checkImport(actor, { fileName: `impor-${size}.xlsx`, rows });
  if (!checked.ok) throw new Error(`dry run of ${size} rows refused: ${JSON.stringify(checked)}`);
  if (checked.counts.create !== size) throw new Error(`dry run of ${size} rows: ${JSON.stringify(checked.counts)}`);
  console.log(`  import of ${size} rows checked: ${checked.importId}`);
}
process.exit(0);
