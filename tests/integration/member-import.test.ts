// Importing members from xlsx/csv (dry run, then all or nothing) and exporting the list.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTemplateXlsx, checkImport, commitImport, getImport, parseMemberFile } from "~/domain/imports.server";
import { action as importAction, loader as importLoader } from "~/routes/members.import._index";
import { action as importResultAction } from "~/routes/members.import.$id";
import { loader as templateLoader } from "~/routes/members.template[.]xlsx";
import { loader as xlsxLoader } from "~/routes/members.export[.]xlsx";
import { loader as csvLoader } from "~/routes/members.export[.]csv";
import { action as loginAction } from "~/routes/login";
import { db } from "~/utils/db.server";
import { buildChapter, buildMember, buildUser } from "../factories";
import { cookiesFrom, getRequest, postForm, run, statusOf } from "../support/requests";

let chapterId: string;
let boardId: string;
let existingId: string;
const cookies = { board: "", volunteer: "", dinsos: "" };

async function signIn(email: string) {
  return cookiesFrom((await run(loginAction, postForm("/login", { email, password: "password-123" }))) as Response);
}

const HEADER = [
  "No", "Nama Lengkap", "NIK", "Jenis Kelamin (L/P)", "Tanggal Lahir (DD/MM/YYYY)", "No. HP", "Email", "Alamat",
  "Kecamatan", "Kelurahan/Desa", "Tanggal Bergabung (DD/MM/YYYY)", "Jenis Keanggotaan (Biasa/Kehormatan)", "Status (Calon/Aktif)",
];

async function xlsx(rows: (string | number | Date)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Anggota");
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function upload(cookie: string, name: string, bytes: Uint8Array, type = "application/octet-stream") {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type }));
  return new Request("http://localhost:3000/members/import", { method: "POST", body: form, headers: { Cookie: cookie } });
}

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "IMP", name: "IPSM Kota Impor", regionCode: "61.71" })).id;
  boardId = (await buildUser({ chapterId, role: "board", email: "board@import.test" })).id;
  existingId = (await buildMember({ chapterId, villageCode: "61.71.01.1002", fullName: "Sudah Ada", sex: "L", birthDate: new Date(Date.UTC(1980, 0, 1)) })).id;
  await db.member.update({ where: { id: existingId }, data: { nik: "6171010101800001", address: "Alamat Lama" } });
  await buildUser({ chapterId, role: "volunteer", email: "volunteer@import.test" });
  await buildUser({ chapterId, role: "dinsos", email: "dinsos@import.test" });
  for (const who of ["board", "volunteer", "dinsos"] as const) cookies[who] = await signIn(`${who}@import.test`);
});

describe("the dry run", () => {
  it("says row by row what would be created, updated or rejected, and why, in Indonesian", async () => {
    const bytes = await xlsx([
      [1, "Siti Aminah", "6171015708900003", "P", "17/08/1990", 81234567890, "", "Jl. A 1", "Pontianak Selatan", "Benuamelayu Laut", "20/01/2026", "Biasa", "Aktif"],
      [2, "Sudah Ada", "6171010101800001", "L", "01/01/1980", "", "", "Alamat Baru", "Pontianak Selatan", "Benuamelayu Laut", "01/01/2020", "Biasa", "Calon"],
      [3, "NIK Salah", "12345", "L", "01/01/1980", "", "", "Jl. B", "", "Akcaya", "01/01/2020", "", ""],
      [4, "Lahir Beda", "6171011708900009", "L", "18/08/1990", "", "", "Jl. C", "", "Akcaya", "01/01/2020", "", ""],
      [5, "Kelurahan Asing", "6171011708900011", "L", "17/08/1990", "", "", "Jl. D", "", "Sungai Raya", "01/01/2020", "", ""],
      [6, "Siti Kembar", "6171015708900003", "P", "17/08/1990", "", "", "Jl. E", "", "Akcaya", "01/01/2020", "", ""],
      [7, "Terlalu Muda", "6171015203100001", "P", "12/03/2010", "", "", "Jl. F", "", "Akcaya", "01/01/2026", "", ""],
    ]);
    const rows = await parseMemberFile({ fileName: "anggota.xlsx", bytes });
    const result = await checkImport({ chapterId, actorId: boardId, fileName: "anggota.xlsx", rows });
    expect(result).toMatchObject({ create: 1, update: 1, unchanged: 0, reject: 5 });
    const record = (await getImport(chapterId, result.importId))!;
    const byRow = new Map(record.rows.map((r) => [r.rowNumber, r]));
    expect(byRow.get(2)).toMatchObject({ outcome: "create", nikMasked: "6171********0003" });
    expect(byRow.get(3)).toMatchObject({ outcome: "update", existingMemberId: existingId, warnings: [expect.stringContaining("Sudah Ada")] });
    expect(byRow.get(3)!.changedFields).toEqual(expect.arrayContaining(["address"]));
    expect(byRow.get(4)!.reasons).toEqual(["NIK: NIK harus 16 angka."]);
    expect(byRow.get(5)!.reasons[0]).toMatch(/^NIK: Tanggal lahir pada NIK tidak cocok/);
    expect(byRow.get(6)!.reasons).toEqual(['Kelurahan/desa "Sungai Raya" tidak ditemukan di wilayah IPSM ini.']);
    expect(byRow.get(7)!.reasons).toEqual(["NIK sama dengan baris 2."]);
    expect(byRow.get(8)!.reasons).toEqual(["Tanggal bergabung: Anggota harus berusia minimal 18 tahun saat bergabung."]);

    // Nothing is saved while a row is rejected.
    expect(await commitImport({ chapterId, actorId: boardId, importId: result.importId })).toEqual({ ok: false, reason: "rejected" });
    expect(await db.member.count({ where: { chapterId } })).toBe(1);
  });

  it("reads the template and a CSV with semicolons and a BOM", async () => {
    const template = await parseMemberFile({ fileName: "templat.xlsx", bytes: new Uint8Array(await buildTemplateXlsx()) });
    expect(template).toHaveLength(1);
    expect(template[0]!.cells).toMatchObject({ fullName: "Siti Aminah", nik: "6171015708900003", village: "Benuamelayu Laut" });
    const csv = "\uFEFFNama Lengkap;NIK;Jenis Kelamin (L/P);Tanggal Lahir (DD/MM/YYYY);No. HP;Alamat;Kelurahan/Desa;Tanggal Bergabung (DD/MM/YYYY)\nBudi;6171011708900009;L;17/08/1990;0812-3456-7890;Jl. A;Akcaya;20/01/2026\n";
    const rows = await parseMemberFile({ fileName: "anggota.csv", bytes: new TextEncoder().encode(csv) });
    expect(rows).toEqual([
      { rowNumber: 2, cells: { fullName: "Budi", nik: "6171011708900009", sex: "L", birthDate: "17/08/1990", phone: "0812-3456-7890", address: "Jl. A", village: "Akcaya", joinDate: "20/01/2026" } },
    ]);
  });

  it("explains files it cannot use", async () => {
    await expect(parseMemberFile({ fileName: "a.pdf", bytes: new Uint8Array([1]) })).rejects.toThrow("Berkas harus berformat .xlsx atau .csv.");
    await expect(parseMemberFile({ fileName: "a.csv", bytes: new TextEncoder().encode("a;b\n1;2\n") })).rejects.toThrow(/Baris judul kolom tidak ditemukan/);
    await expect(parseMemberFile({ fileName: "a.xlsx", bytes: new TextEncoder().encode("bukan excel") })).rejects.toThrow(/tidak dapat dibaca/);
  });
});

describe("the commit", () => {
  it("writes all rows in one go, with member numbers, audit records and duplicate flags; only once", async () => {
    const bytes = await xlsx([
      [1, "Rina Wati", "6171014506920001", "P", "05/06/1992", "", "", "Jl. G", "", "Akcaya", "20/01/2026", "Biasa", "Aktif"],
      [2, "Sudah Ada", "6171010101800001", "L", "01/01/1980", "", "", "Alamat Baru", "", "Benuamelayu Laut", "01/01/2020", "", ""],
      [3, "rina wati", "6171024506920002", "P", "05/06/1992", "", "", "Jl. H", "", "Saigon", "20/01/2026", "", ""],
    ]);
    const checked = await checkImport({ chapterId, actorId: boardId, fileName: "ok.xlsx", rows: await parseMemberFile({ fileName: "ok.xlsx", bytes }) });
    expect(checked).toMatchObject({ create: 2, update: 1, reject: 0 });
    const record = (await getImport(chapterId, checked.importId))!;
    expect(record.rows.find((r) => r.rowNumber === 4)!.warnings).toEqual(["Nama dan tanggal lahir sama dengan baris 2; akan ditandai untuk diperiksa pengurus."]);

    expect(await commitImport({ chapterId, actorId: boardId, importId: checked.importId })).toEqual({ ok: true, created: 2, updated: 1 });
    const created = await db.member.findMany({ where: { chapterId, fullName: { in: ["Rina Wati", "rina wati"] } }, select: { id: true, memberNumber: true, status: true } });
    expect(created).toHaveLength(2);
    expect(created.every((m) => /^IMP-2026-\d{4}$/.test(m.memberNumber!))).toBe(true);
    expect((await db.member.findUniqueOrThrow({ where: { id: existingId } })).address).toBe("Alamat Baru");
    expect(await db.auditLog.count({ where: { action: "member.create", entityId: { in: created.map((m) => m.id) } } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "member.import", entityId: checked.importId } })).toBe(1);
    expect(await db.memberDuplicateFlag.count({ where: { chapterId, status: "open" } })).toBe(1);
    expect(await commitImport({ chapterId, actorId: boardId, importId: checked.importId })).toEqual({ ok: false, reason: "committed" });
  });
});

describe("routes", () => {
  it("keep volunteers and Dinas Sosial out of import, template and export", async () => {
    for (const who of ["volunteer", "dinsos"] as const) {
      expect(statusOf(await run(importLoader, getRequest("/members/import", cookies[who])))).toBe(403);
      expect(statusOf(await run(templateLoader, getRequest("/members/template.xlsx", cookies[who])))).toBe(403);
      expect(statusOf(await run(xlsxLoader, getRequest("/members/export.xlsx", cookies[who])))).toBe(403);
      expect(statusOf(await run(csvLoader, getRequest("/members/export.csv", cookies[who])))).toBe(403);
    }
  });

  it("upload, check and commit from the pages; a bad file gets a clear message", async () => {
    const bad = await run(importAction, upload(cookies.board, "anggota.docx", new Uint8Array([1, 2])));
    expect(statusOf(bad)).toBe(400);
    const bytes = await xlsx([[1, "Yusuf Rahman", "6171011111850001", "L", "11/11/1985", "", "", "Jl. I", "", "Akcaya", "20/01/2026", "", ""]]);
    const checked = (await run(importAction, upload(cookies.board, "anggota.xlsx", bytes))) as Response;
    expect(checked.status).toBe(302);
    const importId = checked.headers.get("Location")!.split("/").pop()!;
    expect(statusOf(await run(importResultAction, postForm(`/members/import/${importId}`, {}, cookies.volunteer), { id: importId }))).toBe(403);
    const committed = (await run(importResultAction, postForm(`/members/import/${importId}`, {}, cookies.board), { id: importId })) as Response;
    expect(committed.headers.get("Location")).toBe("/members");
    expect(await db.member.count({ where: { chapterId, fullName: "Yusuf Rahman" } })).toBe(1);
  });

  it("export the filtered list with NIK masked, whole only on request for those allowed, and audit it", async () => {
    const response = (await run(csvLoader, getRequest("/members/export.csv?q=Rina", cookies.board))) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"Rina Wati"');
    expect(text).toContain("6171********0001");
    expect(text).not.toContain("6171014506920001");
    const whole = await ((await run(csvLoader, getRequest("/members/export.csv?q=Rina&nik=1", cookies.board))) as Response).text();
    expect(whole).toContain("6171014506920001");

    const xlsxResponse = (await run(xlsxLoader, getRequest("/members/export.xlsx", cookies.board))) as Response;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsxResponse.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).value).toBe("NIK");
    expect(sheet.rowCount).toBe(1 + (await db.member.count({ where: { chapterId } })));
    expect(await db.auditLog.count({ where: { action: "member.export", chapterId } })).toBe(3);
  });
});
