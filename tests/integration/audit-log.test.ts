// The board's audit log (/audit) and its spreadsheet, against the real test database, through the
// routes with real Requests: who may read it, the chapter scope, the filters, paging, readable
// before/after and the masking of NIK/KK.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as auditLoader } from "~/routes/audit._index";
import { loader as exportLoader } from "~/routes/audit.export[.]xlsx";
import { auditChanges } from "~/domain/audit/audit-log.server";
import { maskIdentifiers, recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { buildBoardUser, buildChapter, buildMember, buildUser } from "../factories";
import { dataOf, getRequest, run, signIn, statusOf } from "../support/requests";

const VILLAGE = "61.71.01.1002";
const NIK = "6171014107900003";
const KK = "6171010101200009";
const NIK_MASKED = "6171********0003";
const KK_MASKED = "6171********0009";

let chapterId: string;
let otherChapterId: string;
let ketuaId: string;
let sekretarisId: string;
let memberId: string;
let otherMemberId: string;
const cookies = { ketua: "", bendahara: "", bidang: "", volunteer: "", dinsos: "", otherKetua: "" };

type Page = {
  total: number;
  page: number;
  pages: number;
  memberNotFound: boolean;
  notes: string[];
  actors: { id: string; name: string }[];
  entries: {
    id: string;
    action: string;
    actionLabel: string;
    actorName: string;
    entityName: string | null;
    changes: { field: string; before?: string; after?: string }[];
  }[];
};

async function page(query: string, cookie = cookies.ketua): Promise<Page> {
  const result = await run(auditLoader, getRequest(`/audit${query}`, cookie));
  expect(statusOf(result)).toBe(200);
  return dataOf<Page>(result);
}

async function at(iso: string, entry: Parameters<typeof recordAudit>[0]) {
  await recordAudit(entry);
  const row = await db.auditLog.findFirstOrThrow({
    where: { action: entry.action, entityId: entry.entityId },
    orderBy: { at: "desc" },
    select: { id: true },
  });
  await db.auditLog.update({ where: { id: row.id }, data: { at: new Date(iso) } });
  return row.id;
}

async function workbookOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

beforeAll(async () => {
  // WITA (UTC+8): the date filters are days in the chapter's time zone, not UTC days.
  chapterId = (await buildChapter({ code: "AUD", name: "IPSM Kota Audit", timeZone: "Asia/Makassar" })).id;
  otherChapterId = (await buildChapter({ code: "AUO", name: "IPSM Kabupaten Lain" })).id;
  const ketua = await buildBoardUser({ chapterId, kind: "ketua", email: "ketua@audit.test", name: "Ketua Audit" });
  ketuaId = ketua.id;
  sekretarisId = (await buildBoardUser({ chapterId, kind: "sekretaris", email: "sekretaris@audit.test", name: "Sekretaris Audit" })).id;
  await buildBoardUser({ chapterId, kind: "bendahara", email: "bendahara@audit.test" });
  await buildBoardUser({ chapterId, kind: "koordinator_bidang", email: "bidang@audit.test" });
  await buildBoardUser({ chapterId: otherChapterId, kind: "ketua", email: "other-ketua@audit.test" });
  memberId = (await buildMember({ chapterId, villageCode: VILLAGE, fullName: "Siti Auditawati" })).id;
  otherMemberId = (await buildMember({ chapterId: otherChapterId, villageCode: VILLAGE, fullName: "Anggota Luar" })).id;
  await buildUser({ chapterId, role: "volunteer", email: "volunteer@audit.test", memberId });
  await buildUser({ chapterId, role: "dinsos", email: "dinsos@audit.test" });
  cookies.ketua = await signIn("ketua@audit.test");
  cookies.bendahara = await signIn("bendahara@audit.test");
  cookies.bidang = await signIn("bidang@audit.test");
  cookies.volunteer = await signIn("volunteer@audit.test");
  cookies.dinsos = await signIn("dinsos@audit.test");
  cookies.otherKetua = await signIn("other-ketua@audit.test");

  // The records the tests read (besides the logins the sign-ins wrote).
  await at("2026-01-10T02:00:00Z", {
    actorId: sekretarisId,
    chapterId,
    action: "member.update",
    entityType: "Member",
    entityId: memberId,
    before: { address: "Jl. Lama No. 1", phone: "+6281234567890", status: "aktif", fullName: "Siti Auditawati" },
    after: { address: "Jl. Baru No. 2", phone: "+6281234567890", status: "nonaktif", fullName: "Siti Auditawati" },
  });
  // 00:30 WITA on 20 January (still the 19th in UTC)
  await at("2026-01-19T16:30:00Z", {
    actorId: ketuaId,
    chapterId,
    action: "member.card.issue",
    entityType: "Member",
    entityId: memberId,
    after: { validUntil: "2031-01-19T00:00:00.000Z" },
  });
  // 23:59 WITA on 20 January
  await at("2026-01-20T15:59:00Z", {
    actorId: ketuaId,
    chapterId,
    action: "report.create",
    entityType: "Report",
    entityId: "rpt-1",
    after: { kind: "month" },
  });
  // 00:00 WITA on 21 January
  await at("2026-01-20T16:00:00Z", {
    actorId: ketuaId,
    chapterId,
    action: "report.submit",
    entityType: "Report",
    entityId: "rpt-1",
    after: { number: "001/IPSM-AUD/I/2026" },
  });
  // Another chapter's record: never shown here.
  await at("2026-01-20T03:00:00Z", {
    actorId: null,
    chapterId: otherChapterId,
    action: "member.update",
    entityType: "Member",
    entityId: otherMemberId,
    after: { address: "Rahasia Lain" },
  });
  // A record written before masking was complete: the NIK and KK whole in the stored JSON.
  await db.auditLog.create({
    data: {
      actorId: sekretarisId,
      chapterId,
      action: "member.create",
      entityType: "Member",
      entityId: memberId,
      at: new Date("2025-12-01T01:00:00Z"),
      after: JSON.stringify({ fullName: "Siti Auditawati", nik: NIK, kk: KK, address: "Jl. Lama No. 1", notes: `cek NIK ${NIK}` }),
    },
  });
  // A follow-up's resident identifier, and an export whose search was a whole NIK.
  await at("2025-12-02T01:00:00Z", {
    actorId: ketuaId,
    chapterId,
    action: "followup.identifier.set",
    entityType: "FollowUp",
    entityId: "fu-1",
    after: { caseIdentifier: KK },
  });
  await at("2025-12-03T01:00:00Z", {
    actorId: ketuaId,
    chapterId,
    action: "member.export",
    entityType: "Chapter",
    entityId: chapterId,
    after: { format: "xlsx", count: 1, filters: { search: NIK } },
  });
});

describe("who may read the audit log", () => {
  it("answers 403 to a volunteer, the Dinas Sosial and a board position without read:audit, on the page and the export", async () => {
    for (const who of ["volunteer", "dinsos", "bidang"] as const) {
      expect(statusOf(await run(auditLoader, getRequest("/audit", cookies[who]))), who).toBe(403);
      expect(statusOf(await run(exportLoader, getRequest("/audit/export.xlsx", cookies[who]))), who).toBe(403);
    }
  });

  it("sends a visitor who is not signed in to the login page", async () => {
    const result = (await run(auditLoader, getRequest("/audit"))) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/login?redirectTo=%2Faudit");
  });

  it("shows the Bendahara (read:audit) their chapter's log and never another chapter's", async () => {
    const mine = await page("", cookies.bendahara);
    const chapterRows = await db.auditLog.count({ where: { chapterId } });
    expect(mine.total).toBe(chapterRows);
    expect(JSON.stringify(mine)).not.toContain("Rahasia Lain");
    const theirs = await page("?action=member.update", cookies.otherKetua);
    expect(theirs.total).toBe(1);
    expect(JSON.stringify(theirs)).toContain("Rahasia Lain");
    expect(JSON.stringify(theirs)).not.toContain("Jl. Baru No. 2");
  });
});

describe("reading the log", () => {
  it("shows before/after as changed fields with Indonesian labels and the action in Indonesian", async () => {
    const { entries } = await page("?action=member.update");
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry!.actionLabel).toBe("Data anggota diubah");
    expect(entry!.actorName).toBe("Sekretaris Audit");
    expect(entry!.entityName).toMatch(/^Siti Auditawati \(AUD-\d{4}-\d{4}\)$/);
    expect(entry!.changes).toEqual([
      { field: "Alamat", before: "Jl. Lama No. 1", after: "Jl. Baru No. 2" },
      { field: "Status", before: "Aktif", after: "Nonaktif" },
    ]);
  });

  it("filters by person, member (name or number), action and days in the chapter's time zone", async () => {
    expect((await page(`?actor=${sekretarisId}`)).entries.map((e) => e.action).sort()).toEqual(["member.create", "member.update"]);
    const byName = await page("?member=auditawati");
    expect(byName.entries.map((e) => e.action).sort()).toEqual(["member.card.issue", "member.create", "member.update"]);
    const number = (await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { memberNumber: true } })).memberNumber!;
    expect((await page(`?member=${encodeURIComponent(number)}`)).total).toBe(3);
    // a member of another chapter is not found here
    const outside = await page("?member=Anggota%20Luar");
    expect(outside.total).toBe(0);
    expect(outside.memberNotFound).toBe(true);
    expect((await page("?action=report.submit")).entries.map((e) => e.action)).toEqual(["report.submit"]);
    // 20 January in WITA: from 00:30 to 23:59, not 00:00 on the 21st
    const day = await page("?from=2026-01-20&to=2026-01-20");
    expect(day.entries.map((e) => e.action).sort()).toEqual(["member.card.issue", "report.create"]);
    // filters combine
    expect((await page(`?actor=${ketuaId}&from=2026-01-20&to=2026-01-21&action=report.submit`)).total).toBe(1);
  });

  it("keeps the page working on bad filter values, with a note", async () => {
    const bad = await page("?from=31-02-2026&to=2026-13-01");
    expect(bad.notes).toEqual(["Tanggal tidak dikenal; filter tanggal diabaikan. Gunakan pemilih tanggal."]);
    expect(bad.total).toBe(await db.auditLog.count({ where: { chapterId } }));
    const reversed = await page("?from=2026-01-21&to=2026-01-20");
    expect(reversed.notes).toEqual(["Tanggal awal sesudah tanggal akhir; kedua tanggal ditukar."]);
    expect(reversed.entries.map((e) => e.action).sort()).toEqual(["member.card.issue", "report.create", "report.submit"]);
  });

  it("pages on the server: each record once, newest first", async () => {
    for (let i = 0; i < 30; i++) {
      await at(`2025-11-01T0${i % 10}:00:0${Math.floor(i / 10)}Z`, {
        actorId: ketuaId,
        chapterId,
        action: "member.nik.view",
        entityType: "Member",
        entityId: memberId,
      });
    }
    const first = await page("?action=member.nik.view");
    const second = await page("?action=member.nik.view&page=2");
    expect(first.total).toBe(30);
    expect(first.pages).toBe(2);
    expect(first.entries).toHaveLength(25);
    expect(second.entries).toHaveLength(5);
    const ids = [...first.entries, ...second.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(30);
    const stored = await db.auditLog.findMany({
      where: { chapterId, action: "member.nik.view" },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(ids).toEqual(stored.map((r) => r.id));
    // a page past the end shows the last page
    expect((await page("?action=member.nik.view&page=99")).page).toBe(2);
  });

  it("masks NIK and KK numbers, also in records written whole and in a search typed into a filter", async () => {
    const all = JSON.stringify(await page("?from=2025-12-01&to=2025-12-03"));
    expect(all).not.toContain(NIK);
    expect(all).not.toContain(KK);
    expect(all).toContain(NIK_MASKED);
    expect(all).toContain(KK_MASKED);
    expect(all).toContain("NIK");
    expect(all).toContain("Nomor KK");
  });

  it("writes new records with the NIK/KK already masked", async () => {
    await recordAudit({
      actorId: ketuaId,
      chapterId,
      action: "member.status",
      entityType: "Member",
      entityId: "masked-check",
      after: { nik: NIK, note: `KK ${KK.slice(0, 4)} ${KK.slice(4, 8)} ${KK.slice(8, 12)} ${KK.slice(12)}` },
    });
    const row = await db.auditLog.findFirstOrThrow({ where: { entityId: "masked-check" }, select: { after: true } });
    expect(row.after).not.toContain(NIK);
    expect(row.after!.replace(/\D/g, "")).not.toContain(KK);
    expect(JSON.parse(row.after!)).toEqual({ nik: NIK_MASKED, note: `KK ${KK_MASKED}` });
  });
});

describe("the spreadsheet", () => {
  it("holds the filtered records with readable changes, NIK/KK masked, and is itself audited", async () => {
    const before = await db.auditLog.count({ where: { chapterId, action: "audit.export" } });
    const workbook = await workbookOf(
      (await run(exportLoader, getRequest("/audit/export.xlsx?member=auditawati&to=2026-01-31", cookies.ketua))) as Response,
    );
    const sheet = workbook.getWorksheet("Log audit")!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(rows[0]).toEqual(["Waktu (WITA)", "Pengguna", "Tindakan", "Data", "Anggota (nama atau nomor anggota)", "ID data", "Perubahan"]);
    const body = rows.slice(1);
    // member.update, member.card.issue, member.create and the 30 NIK views, all of this member
    expect(body).toHaveLength(33);
    expect(body[0]![0]).toBe("20/01/2026 00.30");
    expect(body[0]![2]).toBe("Kartu anggota diterbitkan");
    const update = body.find((r) => r[2] === "Data anggota diubah")!;
    expect(update[0]).toBe("10/01/2026 10.00");
    expect(update[1]).toBe("Sekretaris Audit");
    expect(update[6]).toBe("Alamat: Jl. Lama No. 1 → Jl. Baru No. 2; Status: Aktif → Nonaktif");
    const text = JSON.stringify(rows);
    expect(text).not.toContain(NIK);
    expect(text).not.toContain(KK);
    expect(text).toContain(NIK_MASKED);
    expect(text).not.toContain("Rahasia Lain");
    const summary = workbook.getWorksheet("Keterangan")!;
    expect(summary.getCell("B4").value).toBe(33);

    const audits = await db.auditLog.findMany({ where: { chapterId, action: "audit.export" }, select: { actorId: true, after: true } });
    expect(audits).toHaveLength(before + 1);
    const last = audits.find((a) => a.actorId === ketuaId)!;
    expect(JSON.parse(last.after!)).toEqual({ format: "xlsx", count: 33, filters: { member: "auditawati", to: "2026-01-31" } });
  });
});

describe("the spreadsheet of a large log", () => {
  it("writes each record once when thousands share one moment (an import writes them at once)", async () => {
    const at = new Date("2024-06-01T01:00:00Z");
    const count = 2_100; // more than one batch of the export
    await db.auditLog.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        actorId: sekretarisId,
        chapterId,
        action: "member.import",
        entityType: "MemberImport",
        entityId: `imp-${i}`,
        at,
      })),
    });
    await db.auditLog.create({
      data: {
        actorId: sekretarisId,
        chapterId,
        action: "member.import",
        entityType: "MemberImport",
        entityId: "imp-earlier",
        at: new Date("2024-05-31T01:00:00Z"),
      },
    });
    const workbook = await workbookOf(
      (await run(exportLoader, getRequest("/audit/export.xlsx?action=member.import", cookies.ketua))) as Response,
    );
    const ids: string[] = [];
    workbook.getWorksheet("Log audit")!.eachRow((row, n) => {
      if (n > 1) ids.push(String(row.getCell(6).value));
    });
    expect(ids).toHaveLength(count + 1);
    expect(new Set(ids).size).toBe(count + 1);
    expect(ids[ids.length - 1]).toBe("imp-earlier");
  });
});

describe("masking of audit values", () => {
  it("masks a 16-digit number typed anywhere, but not digits inside a content hash or code", () => {
    // a SHA-256 hex digest whose digits include a run of exactly 16 between letters
    const hash = "ab1234567890123456cd" + "e".repeat(44);
    expect(maskIdentifiers({ contentHash: hash, verifyCode: "X6171014107900003Y" })).toEqual({
      contentHash: hash,
      verifyCode: "X6171014107900003Y",
    });
    expect(maskIdentifiers({ note: `NIK ${NIK}, KK 6171 0101 0120 0009.` })).toEqual({ note: `NIK ${NIK_MASKED}, KK ${KK_MASKED}.` });
    expect(maskIdentifiers({ q: NIK, nik: "6171-0141-0790-0003" })).toEqual({ q: NIK_MASKED, nik: NIK_MASKED });
  });
});

describe("values shaped like dates", () => {
  it("shows a real date as a date and a malformed one as written, never failing the page or the export", () => {
    const changes = auditChanges(
      null,
      JSON.stringify({ filters: { from: "2026-13-45", to: "2026-06-30" }, at: "2026-12-02T17:53:00Z" }),
      "Chapter",
      "Asia/Jakarta",
    );
    const text = changes.map((c) => `${c.field}=${c.after}`).join(" | ");
    expect(text).toContain("2026-13-45");
    expect(text).toContain("30/06/2026");
    // 00:53 WIB on 3 December
    expect(text).toMatch(/03\/12\/2026/);
  });
});
