// `npm run bench`: importing members from an .xlsx, parse + dry run + commit. The issue asks for
// 10,000 rows "well under a minute"; the 1,000-row case gives the ratio (about 10x = linear).
// Each run imports into a fresh chapter, so every row is a new member (the heaviest case).
// The time of each phase is printed too.
import ExcelJS from "exceljs";
import { beforeAll, bench, describe } from "vitest";
import { checkImport, commitImport } from "~/domain/members/import-commit.server";
import { parseMemberFile } from "~/domain/members/import-file.server";
import { actorWith } from "../support/actors";
import { expectOk } from "../support/outcomes";
import { listVillages } from "~/domain/chapters/regions.server";
import { buildBoardUser, buildChapter, calendarDate, fakeName, fakeNik, seededRandom } from "../factories";

// Emails are unique across the registry: every run gets a file of its own (same rows otherwise).
const files = new Map<number, Uint8Array[]>();
let actorId = "";

/** A realistic file: valid rows across Kota Pontianak's kelurahan, NIK consistent with birth and sex. */
async function memberFile(count: number, variant: number) {
  const villages = await listVillages("61.71");
  const random = seededRandom(count);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Anggota");
  sheet.addRow([
    "No",
    "Nama Lengkap",
    "NIK",
    "Jenis Kelamin (L/P)",
    "Tanggal Lahir (DD/MM/YYYY)",
    "No. HP",
    "Email",
    "Alamat",
    "Kecamatan",
    "Kelurahan/Desa",
    "Tanggal Bergabung (DD/MM/YYYY)",
    "Jenis Keanggotaan (Biasa/Kehormatan)",
    "Status (Calon/Aktif)",
  ]);
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const sex = random.pick(["L", "P"] as const);
    const village = villages[i % villages.length]!;
    let birth: Date;
    let nik: string;
    do {
      birth = calendarDate(random.int(1960, 2000), random.int(1, 12), random.int(1, 28));
      nik = fakeNik({ districtCode: village.parent!.code, birthDate: birth, sex, serial: (i % 9999) + 1 });
    } while (used.has(nik));
    used.add(nik);
    const dd = String(birth.getUTCDate()).padStart(2, "0");
    const mm = String(birth.getUTCMonth() + 1).padStart(2, "0");
    const mobile = `8${random.int(11, 59)}${random.int(10000000, 99999999)}`;
    sheet.addRow([
      i + 1,
      fakeName(sex, random),
      nik,
      sex,
      `${dd}/${mm}/${birth.getUTCFullYear()}`,
      i % 2 ? `0${mobile}` : Number(mobile), // half as Excel numbers, the leading 0 lost
      i % 10 === 0 ? `anggota${i}.${variant}@contoh.id` : "",
      `Jl. Uji No. ${i}`,
      village.parent!.name,
      village.name,
      "20/01/2026",
      "Biasa",
      i % 3 ? "Aktif" : "Calon",
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function importOnce(count: number) {
  const chapter = await buildChapter({ code: `B${count}${Math.random().toString(36).slice(2, 6)}`.toUpperCase() });
  const t0 = performance.now();
  const bytes = files.get(count)!.pop();
  if (!bytes) throw new Error("no file left for this run");
  const rows = await parseMemberFile({ fileName: "anggota.xlsx", bytes });
  const t1 = performance.now();
  // The board account, importing into this run's chapter.
  const importer = actorWith({ chapterId: chapter.id, userId: actorId, kinds: ["sekretaris"] });
  const { importId, counts } = expectOk(await checkImport(importer, { fileName: "anggota.xlsx", rows }));
  if (counts.reject > 0) throw new Error(`${counts.reject} rows rejected`);
  const t2 = performance.now();
  let progressCalls = 0;
  const result = await commitImport(importer, importId, { onProgress: () => (progressCalls += 1) });
  if (!result.ok || result.created !== count) throw new Error(`import failed: ${JSON.stringify(result)}`);
  const t3 = performance.now();
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `${count} rows: parse ${s(t1 - t0)}, dry run ${s(t2 - t1)}, commit ${s(t3 - t2)} (${progressCalls} progress reports), total ${s(t3 - t0)}`,
  );
}

beforeAll(async () => {
  const chapter = await buildChapter({ code: "BENCH" });
  actorId = (await buildBoardUser({ chapterId: chapter.id })).id;
  // tinybench may run a task once or twice more than its iterations: spare files.
  files.set(1_000, await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((variant) => memberFile(1_000, variant))));
  files.set(10_000, await Promise.all([1, 2, 3].map((variant) => memberFile(10_000, variant))));
}, 300_000);

describe("member import: parse, dry run and commit of an .xlsx", () => {
  bench("1,000 rows", () => importOnce(1_000), { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 });
  bench("10,000 rows", () => importOnce(10_000), { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 });
});
