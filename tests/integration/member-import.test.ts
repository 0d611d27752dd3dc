// Importing members from .xlsx/.csv (dry run, then all or nothing) and exporting the list,
// against a real SQLite database; routes called with real Requests for each role.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { checkImport, commitImport, getImport, getImportProgress, memberImportTemplate } from "~/domain/members/import-commit.server";
import { IMPORT_MAX_ROWS, parseMemberFile, readMemberFile, TEMPLATE_COLUMNS } from "~/domain/members/import-file.server";
import type { CheckedImportRow } from "~/domain/members/import-parse.server";
import type { Actor } from "~/domain/shared/actor.server";
import { buildMemberExport } from "~/domain/members/export.server";
import { action as uploadAction, loader as uploadLoader } from "~/routes/members.import._index";
import { action as resultAction, loader as resultLoader } from "~/routes/members.import.$id";
import { action as streamAction, loader as progressLoader } from "~/routes/members.import.$id.progress";
import { loader as csvLoader } from "~/routes/members.export[.]csv";
import { loader as xlsxLoader } from "~/routes/members.export[.]xlsx";
import { loader as templateLoader } from "~/routes/members.template[.]xlsx";
import { t } from "~/i18n";
import { db } from "~/utils/db.server";
import { buildChapter, buildMember, buildUser, buildBoardUser } from "../factories";
import { actorOfUser, actorWith } from "../support/actors";
import { expectOk, expectRefusal } from "../support/outcomes";
import { dataOf, getRequest, postForm, run, signIn, statusOf } from "../support/requests";

let chapterId: string;
let boardId: string;
let board: Actor;
let existingId: string;
let unchangedId: string;
let budiId: string;
const cookies = { board: "", volunteer: "", dinsos: "" };

const HEADER = TEMPLATE_COLUMNS.map((c) => c.header);
type Cell = string | number | Date | null;

/** An .xlsx with the template's headers and the given rows (cells in template order). */
async function xlsx(rows: Cell[][], header: readonly string[] = HEADER) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Anggota");
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A row in template order from the fields that matter. */
function row(fields: Partial<Record<(typeof TEMPLATE_COLUMNS)[number]["key"], Cell>>): Cell[] {
  return TEMPLATE_COLUMNS.map((c) => fields[c.key] ?? "");
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function dryRun(fileName: string, bytes: Uint8Array) {
  const { rows, info } = await readMemberFile({ fileName, bytes });
  return expectOk(await checkImport(board, { fileName, rows, info, source: bytes }));
}

async function storedRows(importId: string): Promise<Map<number, CheckedImportRow>> {
  const record = await db.memberImport.findUniqueOrThrow({ where: { id: importId }, select: { rows: true } });
  return new Map((JSON.parse(record.rows) as CheckedImportRow[]).map((r) => [r.rowNumber, r]));
}

function upload(cookie: string, name: string, bytes: Uint8Array, intent = "check") {
  const form = new FormData();
  form.set("intent", intent);
  form.set("file", new File([new Uint8Array(bytes)], name, { type: "application/octet-stream" }));
  return new Request("http://localhost:3000/members/import", { method: "POST", body: form, headers: { Cookie: cookie } });
}

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "IMP", name: "IPSM Kota Impor", regionCode: "61.71" })).id;
  board = await actorOfUser(await buildBoardUser({ chapterId, email: "board@import.test" }));
  boardId = board.userId;
  existingId = (await buildMember({ chapterId, villageCode: "61.71.01.1002", fullName: "Sudah Ada", sex: "L", birthDate: utc(1980, 1, 1) }))
    .id;
  await db.member.update({ where: { id: existingId }, data: { nik: "6171010101800001", address: "Alamat Lama" } });
  unchangedId = (
    await buildMember({ chapterId, villageCode: "61.71.02.1003", fullName: "Tetap Sama", sex: "P", birthDate: utc(1975, 4, 2) })
  ).id;
  await db.member.update({ where: { id: unchangedId }, data: { nik: "6171024204750007" } });
  const emailOwner = await buildMember({ chapterId, villageCode: "61.71.01.1006", fullName: "Pemilik Email" });
  await db.member.update({ where: { id: emailOwner.id }, data: { email: "dipakai@contoh.id" } });
  budiId = (await buildMember({ chapterId, villageCode: "61.71.02.1003", fullName: "Budi Santoso", sex: "L", birthDate: utc(1985, 3, 10) }))
    .id;
  await buildUser({ chapterId, role: "volunteer", email: "volunteer@import.test" });
  await buildUser({ chapterId, role: "dinsos", email: "dinsos@import.test" });
  for (const who of ["board", "volunteer", "dinsos"] as const) cookies[who] = await signIn(`${who}@import.test`);
});

describe("reading files", () => {
  it("gives a template with Indonesian headers, text columns, an example and instructions, and reads it back", async () => {
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(new Uint8Array(expectOk(await memberImportTemplate(board)).bytes).slice().buffer);
    expect(template.worksheets.map((s) => s.name)).toEqual(["Anggota", "Petunjuk"]);
    const sheet = template.getWorksheet("Anggota")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(HEADER.slice(0, 5)).toEqual(["No", "Nama Lengkap", "NIK", "Jenis Kelamin (L/P)", "Tanggal Lahir (DD/MM/YYYY)"]);
    expect(sheet.getColumn(3).numFmt).toBe("@"); // NIK as text
    expect(sheet.getColumn(6).numFmt).toBe("@"); // No. HP as text
    expect(sheet.getColumn(3).width).toBeGreaterThan(15);
    const help = template.getWorksheet("Petunjuk")!;
    const helpText = help.getSheetValues().flat().join(" ");
    expect(helpText).toContain("HH/BB/TTTT, harus cocok dengan NIK");
    expect(helpText).toContain("Kelurahan/Desa");

    // An office fills it in: the example row replaced, one more member added.
    sheet.getRow(2).values = row({
      no: 1,
      fullName: "Yusuf Rahman",
      nik: "6171011111850001",
      sex: "L",
      birthDate: "11/11/1985",
      address: "Jl. Templat 1",
      district: "Pontianak Selatan",
      village: "Akcaya",
      joinDate: "20/01/2026",
    });
    sheet.addRow(
      row({
        no: 2,
        fullName: "Dewi Lestari",
        nik: "6171054203880004",
        sex: "P",
        birthDate: "2/3/1988",
        phone: "0813-5555-1212",
        address: "Jl. Templat 2",
        district: "Pontianak Kota",
        village: "Mariana",
        joinDate: "20/01/2026",
        status: "Aktif",
      }),
    );
    const filled = new Uint8Array(await template.xlsx.writeBuffer());
    const rows = await parseMemberFile({ fileName: "templat-terisi.xlsx", bytes: filled });
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    const { importId, counts } = expectOk(await checkImport(board, { fileName: "templat-terisi.xlsx", rows }));
    expect(counts).toEqual({ create: 2, update: 0, unchanged: 0, reject: 0, total: 2 });
    const stored = await storedRows(importId);
    expect(stored.get(3)!.data).toMatchObject({ birthDate: "1988-03-02", phone: "+6281355551212", villageCode: "61.71.05.1004" });
    expect(stored.get(3)!.status).toBe("aktif");
    expect(stored.get(2)!.status).toBe("calon");
  });

  it("reads CSV with ';' and a BOM, or ',' with quotes, and headers written loosely", async () => {
    const semicolon =
      '\uFEFFNama Lengkap;NIK;Jenis Kelamin (L/P);Tanggal Lahir (DD/MM/YYYY);No. HP;Alamat;Kelurahan/Desa;Tanggal Bergabung (DD/MM/YYYY)\r\nBudi;6171011708900009;L;17/08/1990;0812-3456-7890;"Jl. A; RT 1";Akcaya;20/01/2026\r\n;;;;;;;\r\n';
    expect(await parseMemberFile({ fileName: "anggota.CSV", bytes: new TextEncoder().encode(semicolon) })).toEqual([
      {
        rowNumber: 2,
        cells: {
          fullName: "Budi",
          nik: "6171011708900009",
          sex: "L",
          birthDate: "17/08/1990",
          phone: "0812-3456-7890",
          address: "Jl. A; RT 1",
          village: "Akcaya",
          joinDate: "20/01/2026",
        },
      },
    ]);
    const comma =
      'nama lengkap , nik,JENIS KELAMIN,tgl lahir,No HP,alamat,Kecamatan,Kelurahan / Desa,Tanggal Bergabung\n"Rahmat, S.Sos",6171011708900009,Laki-laki,17/08/1990,81234567890,"Jl. B, No. 2",Pontianak Selatan,AKCAYA,20/01/2026\n';
    const rows = await parseMemberFile({ fileName: "anggota.csv", bytes: new TextEncoder().encode(comma) });
    expect(rows).toEqual([
      {
        rowNumber: 2,
        cells: {
          fullName: "Rahmat, S.Sos",
          nik: "6171011708900009",
          sex: "Laki-laki",
          birthDate: "17/08/1990",
          phone: "81234567890",
          address: "Jl. B, No. 2",
          district: "Pontianak Selatan",
          village: "AKCAYA",
          joinDate: "20/01/2026",
        },
      },
    ]);
    const { importId, counts } = expectOk(await checkImport(board, { fileName: "anggota.csv", rows }));
    expect(counts.create).toBe(1);
    expect((await storedRows(importId)).get(2)!.data).toMatchObject({ sex: "L", phone: "+6281234567890", villageCode: "61.71.01.1006" });
  });

  it("explains, in Indonesian, files it cannot use", async () => {
    const text = (s: string) => new TextEncoder().encode(s);
    await expect(parseMemberFile({ fileName: "a.pdf", bytes: new Uint8Array([1]) })).rejects.toThrow(
      "Berkas harus berformat .xlsx atau .csv.",
    );
    await expect(parseMemberFile({ fileName: "a.csv", bytes: text("a;b\n1;2\n") })).rejects.toThrow(/Baris judul kolom tidak ditemukan/);
    await expect(parseMemberFile({ fileName: "a.csv", bytes: text("") })).rejects.toThrow(/Baris judul kolom tidak ditemukan/);
    await expect(parseMemberFile({ fileName: "a.csv", bytes: text("Nama Lengkap;NIK\n;\n") })).rejects.toThrow(
      "Berkas tidak berisi data anggota.",
    );
    await expect(parseMemberFile({ fileName: "a.xlsx", bytes: text("bukan excel") })).rejects.toThrow(/tidak dapat dibaca/);
    const tooMany = `Nama Lengkap;NIK\n${"Budi;6171011708900009\n".repeat(IMPORT_MAX_ROWS + 1)}`;
    await expect(parseMemberFile({ fileName: "a.csv", bytes: text(tooMany) })).rejects.toThrow(
      "Paling banyak 20.000 baris sekali impor; berkas ini berisi 20.001 baris. Bagi berkas menjadi beberapa bagian.",
    );
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => ({ rowNumber: i + 2, cells: { fullName: "Budi" } }));
    expect(expectRefusal(await checkImport(board, { fileName: "a.csv", rows }), "invalid").formError).toMatch(
      /Paling banyak 20\.000 baris/,
    );
  });
});

describe("the dry run", () => {
  it("says row by row what would be created, updated, left unchanged or rejected, and why", async () => {
    const bytes = await xlsx([
      row({
        no: 1,
        fullName: "Siti Aminah",
        nik: "6171015708900003",
        sex: "P",
        birthDate: "17/08/1990",
        phone: 81234567890,
        email: "siti@contoh.id",
        address: "Jl. A 1",
        district: "Pontianak Selatan",
        village: "Benuamelayu Laut",
        joinDate: utc(2026, 1, 20),
        membershipType: "Biasa",
        status: "Aktif",
      }),
      row({
        no: 2,
        fullName: "Sudah Ada",
        nik: "6171010101800001",
        sex: "L",
        birthDate: "01/01/1980",
        address: "Alamat Baru",
        village: "benuamelayu  laut",
      }),
      row({ no: 3, fullName: "Tetap Sama", nik: "6171024204750007" }),
      row({
        no: 4,
        fullName: "NIK Salah",
        nik: "12345",
        sex: "L",
        birthDate: "01/01/1980",
        address: "Jl. B",
        village: "Akcaya",
        joinDate: "01/01/2020",
      }),
      row({
        no: 5,
        fullName: "Lahir Beda",
        nik: "6171011708900009",
        sex: "L",
        birthDate: "18/08/1990",
        address: "Jl. C",
        village: "Akcaya",
        joinDate: "01/01/2020",
      }),
      row({
        no: 6,
        fullName: "Kelurahan Asing",
        nik: "6171011708900011",
        sex: "L",
        birthDate: "17/08/1990",
        address: "Jl. D",
        village: "Sungai Raya",
        joinDate: "01/01/2020",
      }),
      row({
        no: 7,
        fullName: "Siti Kembar",
        nik: "6171015708900003",
        sex: "P",
        birthDate: "17/08/1990",
        address: "Jl. E",
        village: "Akcaya",
        joinDate: "01/01/2020",
      }),
      row({
        no: 8,
        fullName: "Email Dipakai",
        nik: "6171011708900012",
        sex: "L",
        birthDate: "17/08/1990",
        email: "Dipakai@Contoh.id",
        address: "Jl. F",
        village: "Akcaya",
        joinDate: "01/01/2020",
      }),
      row({
        no: 9,
        fullName: "Terlalu Muda",
        nik: "6171015203100001",
        sex: "P",
        birthDate: "12/03/2010",
        address: "Jl. G",
        village: "Akcaya",
        joinDate: "01/01/2026",
      }),
      row({
        no: 10,
        fullName: "BUDI  SANTOSO",
        nik: "6171021003850002",
        sex: "L",
        birthDate: "10/03/1985",
        address: "Jl. H",
        district: "Pontianak Timur",
        village: "Saigon",
        joinDate: "01/01/2020",
      }),
      row({
        no: 11,
        fullName: "Kode Wilayah",
        nik: "6171040302910001",
        sex: "Laki-laki",
        birthDate: "1991-02-03",
        address: "Jl. I",
        village: "61.71.04.1001",
        joinDate: "2020-01-01",
      }),
      row({
        no: 12,
        fullName: "Wilayah NIK Asing",
        nik: "9999011708900001",
        sex: "L",
        birthDate: "17/08/1990",
        address: "Jl. J",
        village: "Akcaya",
        joinDate: "01/01/2020",
      }),
      row({ no: 13 }), // numbered but empty: skipped
      row({
        no: 14,
        fullName: "Status Aneh",
        nik: "6171011708900013",
        sex: "X",
        birthDate: "31/02/1990",
        address: "Jl. K",
        village: "Akcaya",
        joinDate: "01/01/2020",
        status: "Pensiun",
      }),
    ]);
    const before = await db.member.count({ where: { chapterId } });
    const { importId, counts } = await dryRun("anggota.xlsx", bytes);
    expect(counts).toEqual({ create: 3, update: 1, unchanged: 1, reject: 8, total: 13 });

    const rows = await storedRows(importId);
    expect(rows.get(2)).toMatchObject({ outcome: "create", nikMasked: "6171********0003", reasons: [], status: "aktif" });
    // The phone was a number cell without its 0: restored, and the dry run says so.
    expect(rows.get(2)!.warnings).toEqual(['No. HP "81234567890" tersimpan sebagai angka tanpa 0 di depan; angka 0 ditambahkan kembali.']);
    expect(rows.get(2)!.data).toMatchObject({
      phone: "+6281234567890",
      joinDate: "2026-01-20",
      email: "siti@contoh.id",
      villageCode: "61.71.01.1002",
    });
    // An NIK already in the chapter updates that member, named, with the fields that change.
    expect(rows.get(3)).toMatchObject({
      outcome: "update",
      existingMember: { id: existingId, fullName: "Sudah Ada" },
      changes: ["address"],
    });
    expect(rows.get(4)).toMatchObject({ outcome: "unchanged", existingMember: { id: unchangedId, fullName: "Tetap Sama" }, changes: [] });
    expect(rows.get(5)!.reasons).toEqual(["NIK: NIK harus 16 angka."]);
    expect(rows.get(6)!.reasons).toEqual([expect.stringMatching(/^NIK: Tanggal lahir pada NIK tidak cocok/)]);
    expect(rows.get(7)!.reasons).toEqual(['Kelurahan/desa "Sungai Raya" tidak ditemukan di wilayah IPSM ini.']);
    expect(rows.get(8)!.reasons).toEqual(["NIK sama dengan baris 2."]);
    expect(rows.get(9)!.reasons).toEqual(["Email: Email ini sudah dipakai anggota lain."]);
    expect(rows.get(10)!.reasons).toEqual(["Tanggal Bergabung: Anggota harus berusia minimal 18 tahun saat bergabung."]);
    // Same name (any case, any spacing) and birth date as a member: still created, with a warning.
    expect(rows.get(11)).toMatchObject({ outcome: "create", warnings: [expect.stringContaining("Budi Santoso")] });
    expect(rows.get(12)).toMatchObject({
      outcome: "create",
      data: expect.objectContaining({ villageCode: "61.71.04.1001", sex: "L", birthDate: "1991-02-03" }),
    });
    expect(rows.get(13)!.reasons).toEqual(["NIK: Kode wilayah pada NIK (6 angka pertama) bukan kode kecamatan yang terdaftar."]);
    expect(rows.has(14)).toBe(false);
    expect(rows.get(15)!.reasons).toEqual([
      'Tanggal Lahir: "31/02/1990" bukan tanggal yang dikenali (gunakan HH/BB/TTTT, misalnya 17/08/1990 atau 17 Agustus 1990).',
      'Jenis Kelamin: "X" tidak dikenal (gunakan L atau P, Laki-laki atau Perempuan).',
      'Status "Pensiun" tidak dikenal (gunakan Calon, Aktif, Nonaktif, Mengundurkan diri, Meninggal atau Diberhentikan).',
    ]);

    // The page's view: counts, rows without their personal data.
    const { detail: view } = expectOk(await getImport(board, importId));
    expect(view.counts).toEqual(counts);
    expect(view.rows).toHaveLength(13);
    expect(JSON.stringify(view.rows)).not.toContain("6171015708900003");
    expectRefusal(await getImport(actorWith({ chapterId: "another-chapter", kinds: ["sekretaris"] }), importId), "notFound");

    // A rejected row blocks everything: nothing is written.
    expect(expectRefusal(await commitImport(board, importId), "conflict").message).toContain("perbaiki berkas lalu unggah ulang");
    expect(await db.member.count({ where: { chapterId } })).toBe(before);
    expect((await db.member.findUniqueOrThrow({ where: { id: existingId } })).address).toBe("Alamat Lama");
    expect(await db.auditLog.count({ where: { action: "member.import", chapterId } })).toBe(0);
  });

  it("finds a kelurahan by name with its kecamatan when the name occurs twice", async () => {
    const provinceChapter = (await buildChapter({ code: "KLB", regionCode: "61" })).id;
    const rows = [
      {
        rowNumber: 2,
        cells: {
          fullName: "Ani",
          nik: "6101014506900001",
          sex: "P",
          birthDate: "05/06/1990",
          address: "Jl. A",
          village: "Durian",
          joinDate: "20/01/2026",
        },
      },
      {
        rowNumber: 3,
        cells: {
          fullName: "Ana",
          nik: "6101014506900002",
          sex: "P",
          birthDate: "05/06/1990",
          address: "Jl. A",
          village: "Durian",
          district: "Kec. Sungai Ambawang",
          joinDate: "20/01/2026",
        },
      },
    ];
    const { importId } = expectOk(
      await checkImport(actorWith({ chapterId: provinceChapter, userId: boardId, kinds: ["sekretaris"] }), { fileName: "a.csv", rows }),
    );
    const stored = await storedRows(importId);
    expect(stored.get(2)!.reasons).toEqual(['Ada lebih dari satu kelurahan/desa bernama "Durian"; isi juga kolom Kecamatan.']);
    expect(stored.get(3)!.data!.villageCode).toBe("61.12.03.2007");
  });
});

describe("the commit", () => {
  it("writes every row in one go: numbers, updates, audit (NIK masked), duplicate flags; only once", async () => {
    const bytes = await xlsx([
      row({
        fullName: "Rina Wati",
        nik: "6171014506920001",
        sex: "P",
        birthDate: "05/06/1992",
        address: "Jl. G",
        village: "Akcaya",
        joinDate: "20/01/2026",
        status: "Aktif",
      }),
      row({ fullName: "Sudah Ada", nik: "6171010101800001", address: "Alamat Baru" }),
      row({
        fullName: "rina wati",
        nik: "6171024506920002",
        sex: "P",
        birthDate: "05/06/1992",
        address: "Jl. H",
        village: "Saigon",
        joinDate: "20/01/2026",
      }),
      row({
        fullName: "Budi Santoso",
        nik: "6171021003850003",
        sex: "L",
        birthDate: "10/03/1985",
        address: "Jl. I",
        village: "Saigon",
        joinDate: "20/01/2026",
      }),
    ]);
    const { importId, counts } = await dryRun("ok.xlsx", bytes);
    expect(counts).toMatchObject({ create: 3, update: 1, reject: 0 });
    expect((await storedRows(importId)).get(4)!.warnings).toEqual([
      "Nama dan tanggal lahir sama dengan baris 2; akan ditandai untuk diperiksa pengurus.",
    ]);
    const flagsBefore = await db.memberDuplicateFlag.count({ where: { chapterId } });

    expect((await db.memberImport.findUniqueOrThrow({ where: { id: importId }, select: { source: true } })).source).not.toBeNull();
    const onProgress = vi.fn();
    expect(await commitImport(board, importId, { onProgress })).toEqual({
      ok: true,
      created: 3,
      updated: 1,
      unchanged: 0,
    });
    expect(onProgress).toHaveBeenCalledWith(0, 4);
    expect(onProgress).toHaveBeenLastCalledWith(4, 4);
    expect(getImportProgress(board, importId)).toEqual({ done: 4, total: 4, finished: true, error: null });
    expect(getImportProgress(actorWith({ chapterId: "another-chapter", kinds: ["sekretaris"] }), importId)).toBeNull();

    const created = await db.member.findMany({
      where: { chapterId, nik: { in: ["6171014506920001", "6171024506920002", "6171021003850003"] } },
      select: { id: true, nik: true, memberNumber: true, status: true, statusDate: true },
      orderBy: { memberNumber: "asc" },
    });
    expect(created).toHaveLength(3);
    expect(created.every((m) => /^IMP-2026-\d{4}$/.test(m.memberNumber!))).toBe(true);
    expect(new Set(created.map((m) => m.memberNumber)).size).toBe(3);
    expect(created.map((m) => m.status)).toEqual(["aktif", "calon", "calon"]);
    expect(created[0]!.statusDate).toEqual(utc(2026, 1, 20));
    expect((await db.member.findUniqueOrThrow({ where: { id: existingId } })).address).toBe("Alamat Baru");

    const audits = await db.auditLog.findMany({
      where: { chapterId, entityId: { in: [...created.map((m) => m.id), existingId, importId] } },
      select: { action: true, before: true, after: true, actorId: true },
    });
    expect(audits.filter((a) => a.action === "member.create")).toHaveLength(3);
    expect(audits.every((a) => a.actorId === boardId)).toBe(true);
    const createAudit = audits.find((a) => a.action === "member.create" && a.after!.includes("Rina Wati"))!;
    expect(createAudit.after).toContain("6171********0001");
    expect(createAudit.after).not.toContain("6171014506920001");
    const updateAudit = audits.find((a) => a.action === "member.update")!;
    expect(JSON.parse(updateAudit.before!)).toEqual({ address: "Alamat Lama" });
    expect(JSON.parse(updateAudit.after!)).toEqual({ address: "Alamat Baru", importId });
    expect(JSON.parse(audits.find((a) => a.action === "member.import")!.after!)).toEqual({
      fileName: "ok.xlsx",
      created: 3,
      updated: 1,
      unchanged: 0,
    });

    // Near duplicates are flagged for the board, ids in order as the registry keeps them.
    const flags = await db.memberDuplicateFlag.findMany({ where: { chapterId }, select: { memberId: true, otherMemberId: true } });
    expect(flags.length - flagsBefore).toBe(2);
    expect(flags.every((f) => f.memberId < f.otherMemberId)).toBe(true);
    expect(flags.some((f) => f.memberId === budiId || f.otherMemberId === budiId)).toBe(true);

    expect(expectRefusal(await commitImport(board, importId), "conflict").message).toBe(t("import.refused.committed"));
    expect(expectOk(await getImport(board, importId)).detail.status).toBe("committed");
    // The uploaded file is not kept once its rows are in the registry.
    expect((await db.memberImport.findUniqueOrThrow({ where: { id: importId }, select: { source: true } })).source).toBeNull();
  });

  it("re-checks NIKs at commit time and writes nothing when the registry changed", async () => {
    const bytes = await xlsx([
      row({
        fullName: "Hendra Baru",
        nik: "6171041505940001",
        sex: "L",
        birthDate: "15/05/1994",
        address: "Jl. K",
        village: "Siantan Hulu",
        joinDate: "20/01/2026",
      }),
      row({
        fullName: "Fitri Baru",
        nik: "6171044405940002",
        sex: "P",
        birthDate: "04/05/1994",
        address: "Jl. L",
        village: "Siantan Hulu",
        joinDate: "20/01/2026",
      }),
    ]);
    const { importId } = await dryRun("konflik.xlsx", bytes);
    // Someone registers Hendra by hand in the meantime.
    const hendra = await buildMember({ chapterId, villageCode: "61.71.04.1001", fullName: "Hendra Manual" });
    await db.member.update({ where: { id: hendra.id }, data: { nik: "6171041505940001" } });
    const result = await commitImport(board, importId);
    expect(expectRefusal(result, "conflict").message).toBe(t("import.refused.conflict", { rows: "2" }));
    expect(await db.member.count({ where: { chapterId, nik: "6171044405940002" } })).toBe(0);
    expect(expectOk(await getImport(board, importId)).detail.status).toBe("checked");
  });
});

describe("routes", () => {
  it("keep volunteers and Dinas Sosial out of import, template, progress and export", async () => {
    const { importId } = await dryRun("x.xlsx", await xlsx([row({ fullName: "Tetap Sama", nik: "6171024204750007" })]));
    for (const who of ["volunteer", "dinsos"] as const) {
      const cookie = cookies[who];
      expect(statusOf(await run(uploadLoader, getRequest("/members/import", cookie)))).toBe(403);
      expect(statusOf(await run(uploadAction, upload(cookie, "a.xlsx", new Uint8Array([1]))))).toBe(403);
      expect(statusOf(await run(templateLoader, getRequest("/members/template.xlsx", cookie)))).toBe(403);
      expect(statusOf(await run(resultLoader, getRequest(`/members/import/${importId}`, cookie), { id: importId }))).toBe(403);
      expect(
        statusOf(await run(resultAction, postForm(`/members/import/${importId}`, { intent: "commit" }, cookie), { id: importId })),
      ).toBe(403);
      expect(statusOf(await run(progressLoader, getRequest(`/members/import/${importId}/progress`, cookie), { id: importId }))).toBe(403);
      expect(statusOf(await run(streamAction, postForm(`/members/import/${importId}/progress`, {}, cookie), { id: importId }))).toBe(403);
      expect(statusOf(await run(xlsxLoader, getRequest("/members/export.xlsx", cookie)))).toBe(403);
      expect(statusOf(await run(csvLoader, getRequest("/members/export.csv?nik=1", cookie)))).toBe(403);
    }
    const anonymous = (await run(uploadLoader, getRequest("/members/import"))) as Response;
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fmembers%2Fimport");
  });

  it("serve the template to the board", async () => {
    const response = (await run(templateLoader, getRequest("/members/template.xlsx", cookies.board))) as Response;
    expect(response.headers.get("Content-Disposition")).toContain("templat-impor-anggota.xlsx");
    const rows = await parseMemberFile({ fileName: "t.xlsx", bytes: new Uint8Array(await response.arrayBuffer()) });
    expect(rows[0]!.cells).toMatchObject({ fullName: "Siti Aminah", nik: "6171015708900003", village: "Benuamelayu Laut" });
  });

  it("upload and check a file; unusable files get a clear message and the page stays usable", async () => {
    const wrongType = await run(uploadAction, upload(cookies.board, "anggota.docx", new Uint8Array([1, 2])));
    expect(statusOf(wrongType)).toBe(400);
    expect(dataOf<{ formError: string }>(wrongType).formError).toBe("Berkas harus berformat .xlsx atau .csv.");
    const tooBig = await run(uploadAction, upload(cookies.board, "besar.csv", new Uint8Array(10 * 1024 * 1024 + 1)));
    expect(dataOf<{ formError: string }>(tooBig).formError).toBe("Ukuran berkas paling besar 10 MB.");
    const empty = await run(uploadAction, upload(cookies.board, "kosong.csv", new Uint8Array()));
    expect(dataOf<{ formError: string }>(empty).formError).toBe("Pilih berkas terlebih dahulu.");

    const rejected = await xlsx([row({ fullName: "NIK Salah", nik: "123" })]);
    const checked = (await run(uploadAction, upload(cookies.board, "salah.xlsx", rejected))) as Response;
    expect(checked.status).toBe(302);
    const importId = checked.headers.get("Location")!.split("/").pop()!;
    const page = dataOf<{ counts: { reject: number }; rows: { nikMasked: string }[] }>(
      await run(resultLoader, getRequest(`/members/import/${importId}`, cookies.board), { id: importId }),
    );
    expect(page.counts.reject).toBe(1);
    // Committing a file with rejected rows sends the person back with the reason.
    const refused = (await run(resultAction, postForm(`/members/import/${importId}`, { intent: "commit" }, cookies.board), {
      id: importId,
    })) as Response;
    expect(refused.headers.get("Location")).toBe(`/members/import/${importId}`);
    expect(statusOf(await run(resultLoader, getRequest("/members/import/tidak-ada", cookies.board), { id: "tidak-ada" }))).toBe(404);
  });

  it("commit with streamed progress, then land on /members with a confirmation", async () => {
    const bytes = await xlsx([
      row({
        fullName: "Yanti Stream",
        nik: "6171035212870001",
        sex: "P",
        birthDate: "12/12/1987",
        address: "Jl. M",
        village: "Pallima",
        joinDate: "20/01/2026",
      }),
    ]);
    const checked = (await run(uploadAction, upload(cookies.board, "stream.xlsx", bytes))) as Response;
    const importId = checked.headers.get("Location")!.split("/").pop()!;
    const stream = (await run(streamAction, postForm(`/members/import/${importId}/progress`, {}, cookies.board), {
      id: importId,
    })) as Response;
    expect(stream.headers.get("Content-Type")).toContain("application/x-ndjson");
    const events = (await stream.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string });
    expect(events[0]).toEqual({ type: "progress", done: 0, total: 1 });
    expect(events.at(-1)).toEqual({ type: "done", ok: true, created: 1, updated: 0 });
    const progress = (await run(progressLoader, getRequest(`/members/import/${importId}/progress`, cookies.board), {
      id: importId,
    })) as Response;
    expect(await progress.json()).toEqual({ done: 1, total: 1, finished: true, error: null });

    const finished = (await run(resultAction, postForm(`/members/import/${importId}`, { intent: "finish" }, cookies.board), {
      id: importId,
    })) as Response;
    expect(finished.headers.get("Location")).toBe("/members");
    expect(finished.headers.get("Set-Cookie")).toContain("ipsm_toast");
    expect(await db.member.count({ where: { chapterId, fullName: "Yanti Stream" } })).toBe(1);
    // Streaming it again is refused.
    const again = (await run(streamAction, postForm(`/members/import/${importId}/progress`, {}, cookies.board), {
      id: importId,
    })) as Response;
    expect(await again.text()).toContain("Impor ini sudah pernah disimpan.");
  });

  it("commit without JavaScript: the form posts, the action saves and redirects", async () => {
    const bytes = await xlsx([
      row({
        fullName: "Agus Tanpa JS",
        nik: "6171061111800001",
        sex: "L",
        birthDate: "11/11/1980",
        address: "Jl. N",
        village: "Bansir Laut",
        joinDate: "20/01/2026",
      }),
    ]);
    const checked = (await run(uploadAction, upload(cookies.board, "nojs.xlsx", bytes))) as Response;
    const importId = checked.headers.get("Location")!.split("/").pop()!;
    const committed = (await run(resultAction, postForm(`/members/import/${importId}`, { intent: "commit" }, cookies.board), {
      id: importId,
    })) as Response;
    expect(committed.headers.get("Location")).toBe("/members");
    expect(await db.member.count({ where: { chapterId, fullName: "Agus Tanpa JS" } })).toBe(1);
  });
});

describe("exports", () => {
  it("give the filtered list as CSV (BOM, ';', quoted) with NIK masked, whole only on request for those allowed; audited", async () => {
    const exportsBefore = await db.auditLog.count({ where: { action: "member.export", chapterId } });
    const response = (await run(csvLoader, getRequest("/members/export.csv?q=Rina", cookies.board))) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename="?anggota-imp-\d{4}-\d{2}-\d{2}\.csv"?/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      '"No";"Nomor Anggota";"Nama";"NIK";"L/P";"Tanggal Lahir";"No. HP";"Email";"Alamat";"Kecamatan";"Kelurahan/Desa";"Status";"Jenis Keanggotaan";"Tanggal Bergabung";"Nomor SK PSM";"Tanggal SK PSM";"Tanggal Bimtek Dasar"',
    );
    expect(lines).toHaveLength(3); // header + the two Rinas
    expect(lines[1]).toMatch(
      /^"1";"IMP-2026-\d{4}";"Rina Wati";"6171\*{8}0001";"P";"05\/06\/1992";"";"[^"]*";"[^"]*";"Pontianak Selatan";"Akcaya";"Aktif";"Anggota Biasa";"20\/01\/2026";"";"";""$/,
    );
    expect(lines.join("\n")).not.toContain("6171014506920001");

    const whole = await ((await run(csvLoader, getRequest("/members/export.csv?q=Rina&nik=1", cookies.board))) as Response).text();
    expect(whole).toContain('"6171014506920001"');

    const exports = await db.auditLog.findMany({
      where: { action: "member.export", chapterId },
      select: { actorId: true, after: true },
      orderBy: { at: "asc" },
    });
    expect(exports.length - exportsBefore).toBe(2);
    expect(JSON.parse(exports.at(-2)!.after!)).toMatchObject({ format: "csv", count: 2, filters: { search: "Rina" } });
    expect(JSON.parse(exports.at(-1)!.after!)).toMatchObject({ format: "csv+nik", count: 2 });
    expect(exports.at(-1)!.actorId).toBe(boardId);
  });

  it("give the list as .xlsx with real dates, NIK masked by default; never whole without the permission", async () => {
    const response = (await run(xlsxLoader, getRequest("/members/export.xlsx?status=aktif", cookies.board))) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Anggota");
    expect(sheet.getRow(1).getCell(4).value).toBe("NIK");
    expect(sheet.rowCount).toBe(1 + (await db.member.count({ where: { chapterId, status: "aktif" } })));
    const niks = Array.from({ length: sheet.rowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(4).value));
    expect(niks.every((nik) => /^\d{4}\*{8}\d{4}$/.test(nik))).toBe(true);
    const rina = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2)).find((r) => r.getCell(3).value === "Rina Wati")!;
    expect(rina.getCell(6).value).toEqual(utc(1992, 6, 5));
    expect(rina.getCell(6).numFmt).toBe("dd/mm/yyyy");

    // The domain masks unless told otherwise; the routes only tell it for nik=1 with the permission.
    const masked = await buildMemberExport({
      chapterId,
      actorId: boardId,
      filters: { search: "Rina", sort: "name", direction: "asc" },
      format: "csv",
      showFullNik: false,
    });
    expect(masked.body.toString("utf8")).not.toContain("6171014506920001");
    expect(await db.auditLog.count({ where: { action: "member.export", chapterId, after: { contains: '"format":"xlsx"' } } })).toBe(1);
  });
});
