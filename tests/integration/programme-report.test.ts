// The programme report (PDF and xlsx) against the real database: a CSR partner with a PKS, a
// programme with a budget, money received and spent (one spending reversed, one waiting for the
// Ketua), activities logged under the programme and verified by another board member (one still
// waiting), a chosen photo; then the figures in the PDF's text and in the spreadsheet, checked
// against numbers computed by hand, and who may download them through the routes.
//
// Simulated timeline: "today" is 26 November 2026 in Asia/Jakarta (NOW) for every domain call;
// the routes run on the real clock and are only checked for who gets what.
import { rm } from "node:fs/promises";
import ExcelJS from "exceljs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const UPLOADS = vi.hoisted(() => {
  // Activity photos go to a scratch folder; the env module reads UPLOADS_DIR on first use.
  const dir = `${process.env.TMPDIR ?? "/tmp"}/ipsm-programme-report-${process.pid}-${Date.now()}`;
  process.env.UPLOADS_DIR = dir;
  return dir;
});

import { parse as parseDisposition } from "content-disposition";
import { logActivity } from "~/domain/activities/activities.server";
import { verifyActivities } from "~/domain/activities/verification.server";
import { storePhotos } from "~/domain/activities/photos.server";
import { reverseMoneyEntry } from "~/domain/programmes/money.server";
import { programmeReportXlsx } from "~/documents/xlsx/programme-report";
import { programmeReport, type ProgrammeReportData } from "~/domain/programmes/report.server";
import { createProgramme, programmeActuals, setProgrammePhotos } from "~/domain/programmes/programmes.server";
import type { Actor } from "~/domain/shared/actor.server";
import { renderProgrammeReportPdf } from "~/documents/pdf/render.server";
import { loader as pdfLoader } from "~/routes/programmes.$id.report[.]pdf";
import { loader as xlsxLoader } from "~/routes/programmes.$id.report[.]xlsx";
import { loader as programmeLoader } from "~/routes/programmes.$id._index";
import { db } from "~/utils/db.server";
import { activityFormSchema, type ReachEntry } from "~/validation/activities";
import { MAX_REPORT_PHOTOS, programmeSchema } from "~/validation/programmes";
import { buildChapter, buildMember, buildUser, calendarDate } from "../factories";
import { nextKey as key, ppksOf } from "../factories/activities";
import {
  newAgreement,
  newPartner,
  programmeChapter,
  recordedMoney,
  type MoneyFields,
  type ProgrammeChapter,
} from "../factories/programmes";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { actorOfUser, boardMember } from "../support/actors";
import { expectOk } from "../support/outcomes";
import { pdfText } from "../support/pdf-text";
import { dataOf, getRequest, run, signIn, statusOf } from "../support/requests";
import { PLACES, wib } from "../support/timeline";

const NOW = wib("2026-11-26", "10:00");
const V1002 = PLACES.V1002; // Benuamelayu Laut, Pontianak Selatan
const V1003 = PLACES.V1003; // Benuamelayu Darat, Pontianak Selatan
const PROGRAMME = "Pendampingan Lansia Terlantar Pontianak Selatan";
const PARTNER = "PT Bank Kalbar Sejahtera";
const PKS = "45/CSR-BKS/VI/2026";

let ctx: ProgrammeChapter;
let chapterId: string;
let programmeId: string;
let ketua: Actor;
let bendahara: Actor;
let wakil: Actor;
const volunteerNumbers: Record<string, string> = {};
let report: ProgrammeReportData;

/** Money recorded on the simulated day; the entry must be saved. */
const money = (actor: Actor, fields: MoneyFields) => recordedMoney(actor, programmeId, fields, NOW);

/** A volunteer of the chapter with their account; the member and their actor. */
async function volunteerOf(fullName: string, villageCode: string, email?: string) {
  const member = await buildMember({ chapterId, villageCode, fullName });
  const user = await buildUser({ chapterId, role: "volunteer", memberId: member.id, email });
  return { member, actor: await actorOfUser(user) };
}

/** The report the Ketua gets (it must be visible to them). */
async function reportOf(id: string) {
  return expectOk(await programmeReport(ketua, id, NOW)).report;
}

beforeAll(async () => {
  // A period that covers the simulated 2026 and the real clock (the routes), so the signatories hold office on both.
  ctx = await programmeChapter({ until: 2030, overrides: { code: "PRG", name: "IPSM Kota Pontianak" } });
  chapterId = ctx.id;
  ketua = await boardMember(chapterId, "ketua", { name: "Rahmat Hidayat", email: "ketua@prg.test" });
  bendahara = await boardMember(chapterId, "bendahara", { name: "Siti Rohani", email: "bendahara@prg.test" });
  wakil = await boardMember(chapterId, "wakil_ketua", { name: "Yuliana Gunawan" });

  const budi = await volunteerOf("Budi Santoso", V1002, "budi@prg.test");
  const maria = await volunteerOf("Maria Ulfah", V1003);
  volunteerNumbers.budi = budi.member.memberNumber ?? "";
  volunteerNumbers.maria = maria.member.memberNumber ?? "";

  // The partner, its PKS, and the programme it funds.
  const partnerId = await newPartner(ketua, PARTNER, { kind: "bumd", sector: "Perbankan", address: "Jl. Rahadi Usman No. 8, Pontianak" });
  const agreementId = await newAgreement(ketua, partnerId, PKS, "2026-06-20", "2027-06-30");
  const LANSIA = ppksOf(ctx, 8); // Lanjut Usia Terlantar
  const DISABILITAS = ppksOf(ctx, 9); // Penyandang Disabilitas
  const FAKIR = ppksOf(ctx, 24); // Fakir Miskin
  programmeId = expectOk(
    await createProgramme(ketua, {
      data: programmeSchema.parse({
        name: PROGRAMME,
        goal: "Mendampingi lanjut usia terlantar agar mendapat bantuan pangan, layanan kesehatan, dan rujukan ke layanan sosial.",
        startDate: "2026-07-01",
        endDate: "2026-12-31",
        budget: "50.000.000",
        fundingSource: "csr",
        coordinatorId: ketua.memberId!,
      }),
      partners: [{ partnerId, committed: 40_000_000, agreementId }],
      villageCodes: [V1002, V1003],
      targets: [
        { categoryId: LANSIA, target: 40 },
        { categoryId: DISABILITAS, target: 10 },
      ],
      volunteerIds: [budi.member.id, maria.member.id],
    }),
  ).id;

  // Money: 30 M from the partner and 2 M of the chapter's own; two spendings, the second reversed;
  // a Bendahara's spending above the threshold still waits for the Ketua and must not count.
  await money(ketua, { kind: "disbursement", date: "2026-07-15", amount: "30.000.000", purpose: "Pencairan tahap I", partnerId });
  await money(ketua, { kind: "disbursement", date: "2026-08-01", amount: "2.000.000", purpose: "Dana swadaya cabang" });
  await money(ketua, { kind: "spending", date: "2026-08-10", amount: "15.625.000", purpose: "Paket sembako lansia" });
  const transport = await money(ketua, { kind: "spending", date: "2026-09-05", amount: "4.750.000", purpose: "Transport relawan" });
  expectOk(await reverseMoneyEntry(ketua, transport.id, "Salah catat, dibayar dari dana lain", key(), NOW));
  expect((await money(bendahara, { kind: "spending", date: "2026-10-01", amount: "6.100.000", purpose: "Sewa tenda" })).status).toBe(
    "pending",
  );

  // Activities under the programme: two verified by the Wakil Ketua, one still waiting.
  const log = async (actor: Actor, fields: Record<string, string>, reach: ReachEntry[], coVolunteerIds: string[] = []) => {
    const data = activityFormSchema.parse({
      idempotencyKey: key(),
      typeId: ctx.typeId,
      narrative: "Kunjungan dan pendataan lansia.",
      programmeId,
      ...fields,
    });
    return expectOk(await logActivity(actor, { data, reach, aid: [], coVolunteerIds, followUp: null, submit: true }, NOW)).id;
  };
  const first = await log(
    budi.actor,
    { date: "2026-11-20", durationMinutes: "120", villageCode: V1002, households: "6" },
    [
      { categoryId: LANSIA, sex: "P", ageBand: "lansia", count: 5 },
      { categoryId: LANSIA, sex: "L", ageBand: "lansia", count: 3 },
    ],
    [maria.member.id],
  );
  const second = await log(budi.actor, { date: "2026-11-22", durationMinutes: "90", villageCode: V1003, households: "4" }, [
    { categoryId: LANSIA, sex: "P", ageBand: "lansia", count: 4 },
    { categoryId: FAKIR, sex: "L", ageBand: "dewasa", count: 2 },
  ]);
  await log(maria.actor, { date: "2026-11-24", durationMinutes: "60", villageCode: V1002, households: "3" }, [
    { categoryId: LANSIA, sex: "P", ageBand: "lansia", count: 3 },
  ]);
  expect(await verifyActivities(wakil, [first, second], NOW)).toEqual({ ok: true, verified: 2, skipped: 0 });

  // A photo of the first activity, chosen for the report.
  const jpeg = await sharp({ create: { width: 480, height: 320, channels: 3, background: "#3366aa" } })
    .jpeg()
    .toBuffer();
  await storePhotos(first, [jpeg]);
  const photo = await db.activityPhoto.findFirstOrThrow({ where: { activityId: first }, select: { id: true } });
  expect(await setProgrammePhotos(ketua, programmeId, [photo.id], MAX_REPORT_PHOTOS)).toEqual({ ok: true });

  report = await reportOf(programmeId);
});

afterAll(async () => {
  await rm(UPLOADS, { recursive: true, force: true });
});

describe("the report's figures", () => {
  it("counts approved money only, with the reversal netted out", () => {
    expect(report.totals).toMatchObject({
      budget: 50_000_000,
      received: 32_000_000,
      spent: 15_625_000,
      remaining: 34_375_000,
      balance: 16_375_000,
      pendingSpent: 6_100_000,
    });
    expect(report.totals.realisation).toBeCloseTo(0.3125, 10);
    expect(report.partners).toEqual([{ name: PARTNER, agreement: `PKS ${PKS}`, committed: 40_000_000, received: 30_000_000 }]);
    expect(report.ownFundsReceived).toBe(2_000_000);
    expect(report.entries.map((e) => e.amount)).toEqual([30_000_000, 2_000_000, 15_625_000, 4_750_000, -4_750_000]);
  });

  it("counts verified activities only: people by category and kelurahan, volunteers' hours", () => {
    // Both activities are in the target kelurahan, so all the reach counts toward the targets.
    expect(report.beneficiaries).toEqual([
      { name: "Lanjut Usia Terlantar", target: 40, actual: 12, inTarget: 12 },
      { name: "Penyandang Disabilitas", target: 10, actual: 0, inTarget: 0 },
      { name: "Fakir Miskin", target: 0, actual: 2, inTarget: 2 },
    ]);
    expect(report.outsideTarget).toEqual({ people: 0, villages: [] });
    expect(report.unassigned).toEqual({ hours: 0, volunteers: [] });
    expect(report.byVillage.map((v) => [v.name, v.district, v.people, v.households, v.activities])).toEqual([
      ["Benuamelayu Laut", "Pontianak Selatan", 8, 6, 1],
      ["Benuamelayu Darat", "Pontianak Selatan", 6, 4, 1],
    ]);
    expect(report.volunteers.map((v) => [v.fullName, v.hours, v.activities])).toEqual([
      ["Budi Santoso", 3.5, 2],
      ["Maria Ulfah", 2, 1],
    ]);
    expect({
      activities: report.activities,
      people: report.people,
      households: report.households,
      hours: report.volunteerHours,
      waiting: report.waiting,
    }).toEqual({
      activities: 2,
      people: 14,
      households: 10,
      hours: 5.5,
      waiting: 1,
    });
    expect(report.signatures).toMatchObject({ ketua: { name: "Rahmat Hidayat" }, bendahara: { name: "Siti Rohani" } });
    expect(report.photos).toHaveLength(1);
  });
});

describe("the PDF", () => {
  let text: string;
  let pages: number;
  beforeAll(async () => {
    ({ text, pages } = await pdfText(new Uint8Array(await renderProgrammeReportPdf(report))));
  });

  it("shows the programme's facts", () => {
    expect(text).toContain("LAPORAN PROGRAM");
    expect(text).toContain(PROGRAMME);
    expect(text).toContain("1 Juli 2026 – 31 Desember 2026");
    expect(text).toContain(`Mitra ${PARTNER}`);
    expect(text).toContain("Koordinator Rahmat Hidayat");
    expect(text).toContain("Kelurahan sasaran Benuamelayu Laut, Benuamelayu Darat");
    expect(text).toContain("Sumber dana Mitra CSR");
  });

  it("shows budget and realisation by partner, then the totals", () => {
    expect(text).toContain(`${PARTNER} PKS ${PKS} Rp40.000.000 Rp30.000.000`);
    expect(text).toContain("Dana sendiri cabang – – Rp2.000.000");
    expect(text).toContain("Jumlah Rp40.000.000 Rp32.000.000");
    expect(text).toContain("Anggaran Rp50.000.000");
    expect(text).toContain("Dana diterima Rp32.000.000");
    expect(text).toContain("Belanja (realisasi) Rp15.625.000");
    expect(text).toContain("Sisa anggaran Rp34.375.000");
    expect(text).toContain("Saldo kas Rp16.375.000");
    expect(text).toContain("Persentase realisasi 31,25%");
  });

  it("lists the approved entries, the reversal as a negative amount, and not the pending one", () => {
    expect(text).toContain(`15/07/2026 Dana masuk Pencairan tahap I ${PARTNER} Rp30.000.000`);
    expect(text).toContain("10/08/2026 Belanja Paket sembako lansia – Rp15.625.000");
    expect(text).toContain("05/09/2026 Belanja Transport relawan – Rp4.750.000");
    expect(text).toMatch(/26\/11\/2026 Belanja .*Transport relawan.* -Rp4\.750\.000/);
    expect(text).not.toContain("Sewa tenda");
    expect(text).not.toContain("Rp6.100.000");
  });

  it("shows beneficiaries by category (target and actual) and by kelurahan", () => {
    expect(text).toContain("Lanjut Usia Terlantar 40 12 30%");
    expect(text).toContain("Penyandang Disabilitas 10 0 0%");
    expect(text).toContain("Fakir Miskin 0 2 –");
    // The percentage of the total is over the targeted categories only (12 of 50) and says so;
    // the 2 people of Fakir Miskin (no target) count in the total, not in the percentage.
    expect(text).toContain("Jumlah 50 14 24% dari target 2 kategori");
    expect(text).not.toContain("28%");
    expect(text).toContain("Benuamelayu Laut Pontianak Selatan 8 6 1");
    expect(text).toContain("Benuamelayu Darat Pontianak Selatan 6 4 1");
    expect(text).toContain("Jumlah 14 10 2");
  });

  it("lists volunteers with their hours and the activities still waiting", () => {
    expect(text).toContain(`1 Budi Santoso ${volunteerNumbers.budi} 2 3,5`);
    expect(text).toContain(`2 Maria Ulfah ${volunteerNumbers.maria} 1 2`);
    expect(text).toContain("Jumlah jam relawan: 5,5 jam");
    expect(text).toContain("1 kegiatan masih menunggu verifikasi dan belum dihitung.");
  });

  it("has the photos, the signatures and page numbers, and no resident data", () => {
    expect(text).toContain("Dokumentasi");
    expect(text).toContain("Pontianak, 26 November 2026");
    expect(text).toContain("Ketua, Rahmat Hidayat Bendahara, Siti Rohani");
    expect(text).toContain(`Halaman 1 dari ${pages}`);
    expect(text).toContain(`Halaman ${pages} dari ${pages}`);
    expect(text).not.toMatch(/\d{16}/);
  });

  it("leaves a blank line for a missing signatory and leaves out empty sections", async () => {
    const bare = await pdfText(
      new Uint8Array(
        await renderProgrammeReportPdf({
          ...report,
          photos: [],
          waiting: 0,
          ownFundsReceived: 0,
          signatures: { ketua: report.signatures.ketua, bendahara: null },
        }),
      ),
    );
    expect(bare.text).not.toContain("Dokumentasi");
    expect(bare.text).not.toContain("menunggu verifikasi");
    expect(bare.text).not.toContain("Dana sendiri cabang");
    expect(bare.text).toMatch(/Ketua, Rahmat Hidayat Bendahara, \(\.+\)/);
  });

  it("never leaves the signatures alone on a page: they keep the last lines with them", async () => {
    /** The text of each page. */
    async function pageTexts(bytes: Uint8Array) {
      const doc = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false }).promise;
      const pages: string[] = [];
      for (let n = 1; n <= doc.numPages; n++)
        pages.push(
          ((await (await doc.getPage(n)).getTextContent()).items as { str?: string }[])
            .map((i) => i.str ?? "")
            .join(" ")
            .replace(/\s+/g, " "),
        );
      await doc.destroy();
      return pages;
    }
    const volunteer = report.volunteers[0]!;
    // Volunteer lists of 1 to 40 rows move the end of the report down over a page and a half, 3
    // rows (45 pt) at a time, less than the 130 pt of the signatures, so that some lengths put
    // the signatures right at a page break.
    let breaks = 0;
    for (let n = 1; n <= 40; n += 3) {
      const volunteers = Array.from({ length: n }, (_, i) => ({ ...volunteer, fullName: `Relawan Nomor ${i + 1}` }));
      const pages = await pageTexts(new Uint8Array(await renderProgrammeReportPdf({ ...report, volunteers, photos: [], waiting: 0 })));
      const signed = pages.filter((p) => p.includes("Bendahara") && p.includes("Ketua"));
      expect(signed, `${n} volunteers`).toHaveLength(1);
      expect(signed[0], `${n} volunteers`).toContain("Jumlah jam relawan");
      if (!pages.at(-1)!.includes(`Relawan Nomor ${n} `)) breaks++;
    }
    // Some lengths did put the last lines and the signatures on a page of their own.
    expect(breaks).toBeGreaterThan(0);
  }, 180_000);

  it("wraps a long ledger across pages without losing a row", async () => {
    const entries = Array.from({ length: 120 }, (_, i) => ({ ...report.entries[2]!, purpose: `Belanja nomor ${i + 1}`, amount: 1000 + i }));
    const long = await pdfText(
      new Uint8Array(
        await renderProgrammeReportPdf({ ...report, entries, photos: [...report.photos, ...report.photos, ...report.photos] }),
      ),
    );
    expect(long.pages).toBeGreaterThan(3);
    for (const n of [1, 60, 120]) expect(long.text).toContain(`Belanja nomor ${n} – Rp${(1000 + n - 1).toLocaleString("id-ID")}`);
    // The header row repeats on every page the ledger runs onto.
    expect(long.text.match(/Tanggal Jenis Uraian Mitra Jumlah/g)!.length).toBeGreaterThanOrEqual(3);
  });
  it("keeps long texts inside their cells and the page", async () => {
    const longName = "PT Bank Pembangunan Daerah Kalimantan Barat Sejahtera Bersama Masyarakat Tbk";
    const long = {
      ...report,
      programme: { ...report.programme, goal: "Mendampingi lanjut usia terlantar di kelurahan sasaran. ".repeat(35).trim() },
      partners: [{ ...report.partners[0]!, name: longName, agreement: "PKS 045/PKS/IPSM-PTK/BANK-KALBAR-SEJAHTERA/VII/2026" }],
      entries: report.entries.map((e, i) => ({
        ...e,
        purpose:
          i === 0
            ? `Bukti: https://drive.contoh.id/laporan/kwitansi-sembako-lansia-agustus-2026-${"x".repeat(40)}.pdf`
            : `${e.purpose} ${"untuk paket bantuan lanjut usia terlantar ".repeat(6)}`,
        partner: e.partner ? longName : null,
      })),
    };
    const bytes = new Uint8Array(await renderProgrammeReportPdf(long));
    const doc = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false }).promise;
    const A4_WIDTH = 595.28;
    for (let n = 1; n <= doc.numPages; n++) {
      const items = ((await (await doc.getPage(n)).getTextContent()).items as { str: string; transform: number[]; width: number }[]).filter(
        (i) => i.str?.trim(),
      );
      const lines = new Map<number, typeof items>();
      for (const item of items) {
        const [left, y] = [item.transform[4]!, Math.round(item.transform[5]!)];
        expect(left, item.str).toBeGreaterThanOrEqual(39);
        expect(left + item.width, item.str).toBeLessThanOrEqual(A4_WIDTH - 39);
        lines.set(y, [...(lines.get(y) ?? []), item]);
      }
      // On each line, no text runs into the next cell's text.
      for (const line of lines.values()) {
        const sorted = line.sort((a, b) => a.transform[4]! - b.transform[4]!);
        for (let i = 1; i < sorted.length; i++)
          expect(sorted[i - 1]!.transform[4]! + sorted[i - 1]!.width, `${sorted[i - 1]!.str} | ${sorted[i]!.str}`).toBeLessThanOrEqual(
            sorted[i]!.transform[4]! + 0.5,
          );
      }
    }
    await doc.destroy();
  });
});

describe("the spreadsheet", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await programmeReportXlsx(report)) as never);
  });

  const rowsOf = (name: string) => {
    const sheet = workbook.getWorksheet(name)!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it("has the six sheets with bold header rows", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Ringkasan", "Mitra", "Keuangan", "Penerima manfaat", "Kelurahan", "Relawan"]);
    for (const sheet of workbook.worksheets) expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true);
  });

  it("sums up the programme with money as numbers", () => {
    const summary = new Map(rowsOf("Ringkasan").map(([label, value]) => [label, value]));
    expect(summary.get("Program")).toBe(PROGRAMME);
    expect(summary.get("Tanggal mulai")).toEqual(calendarDate(2026, 7, 1));
    expect(summary.get("Mitra")).toBe(PARTNER);
    expect(summary.get("Anggaran")).toBe(50_000_000);
    expect(summary.get("Dana diterima")).toBe(32_000_000);
    expect(summary.get("Belanja (realisasi)")).toBe(15_625_000);
    expect(summary.get("Sisa anggaran")).toBe(34_375_000);
    expect(summary.get("Saldo kas")).toBe(16_375_000);
    expect(summary.get("Persentase realisasi")).toBeCloseTo(0.3125, 10);
    expect(summary.get("Jam relawan")).toBe(5.5);
    expect(summary.get("Kegiatan menunggu verifikasi")).toBe(1);
    const sheet = workbook.getWorksheet("Ringkasan")!;
    const budgetRow = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === "Anggaran")!;
    expect(budgetRow.getCell(2).numFmt).toBe("#,##0");
  });

  it("lists the partners and the ledger with real dates and amounts", () => {
    expect(rowsOf("Mitra").slice(1)).toEqual([
      [PARTNER, `PKS ${PKS}`, 40_000_000, 30_000_000],
      ["Dana sendiri cabang", undefined, undefined, 2_000_000],
    ]);
    const entries = rowsOf("Keuangan");
    expect(entries[0]).toEqual(["Tanggal", "Jenis", "Uraian", "Mitra", "Jumlah", "Kwitansi"]);
    expect(entries.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual([
      [calendarDate(2026, 7, 15), "Dana masuk", 30_000_000],
      [calendarDate(2026, 8, 1), "Dana masuk", 2_000_000],
      [calendarDate(2026, 8, 10), "Belanja", 15_625_000],
      [calendarDate(2026, 9, 5), "Belanja", 4_750_000],
      [calendarDate(2026, 11, 26), "Belanja", -4_750_000],
    ]);
    const sheet = workbook.getWorksheet("Keuangan")!;
    expect(sheet.getCell("A2").numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getCell("E6").numFmt).toBe("#,##0");
  });

  it("lists beneficiaries, kelurahan and volunteers with the same numbers as the PDF", () => {
    expect(
      rowsOf("Penerima manfaat")
        .slice(1)
        .map((r) => r.slice(0, 3)),
    ).toEqual([
      ["Lanjut Usia Terlantar", 40, 12],
      ["Penyandang Disabilitas", 10, 0],
      ["Fakir Miskin", 0, 2],
    ]);
    expect(rowsOf("Kelurahan").slice(1)).toEqual([
      ["Benuamelayu Laut", "Pontianak Selatan", 8, 6, 1],
      ["Benuamelayu Darat", "Pontianak Selatan", 6, 4, 1],
    ]);
    expect(rowsOf("Relawan").slice(1)).toEqual([
      [1, "Budi Santoso", volunteerNumbers.budi, 2, 3.5],
      [2, "Maria Ulfah", volunteerNumbers.maria, 1, 2],
    ]);
  });
});

describe("the report routes", () => {
  const get = (loader: typeof pdfLoader, id: string, ext: string, cookie: string) =>
    run(loader, getRequest(`/programmes/${id}/report.${ext}`, cookie), { id });

  it("give the Ketua and the Bendahara the PDF and the spreadsheet", async () => {
    for (const email of ["ketua@prg.test", "bendahara@prg.test"]) {
      const cookie = await signIn(email);
      const pdf = (await get(pdfLoader, programmeId, "pdf", cookie)) as Response;
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
      // the file name as fileResponse writes it (RFC 6266: quoted only when it needs quotes)
      expect(parseDisposition(pdf.headers.get("Content-Disposition")!)).toEqual({
        type: "inline",
        parameters: { filename: "laporan-program-pendampingan-lansia-terlantar-pontianak-selatan.pdf" },
      });
      const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
      expect(text).toContain("Sisa anggaran Rp34.375.000");

      const xlsx = (await get(xlsxLoader, programmeId, "xlsx", cookie)) as Response;
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      expect(parseDisposition(xlsx.headers.get("Content-Disposition")!)).toEqual({
        type: "attachment",
        parameters: { filename: "laporan-program-pendampingan-lansia-terlantar-pontianak-selatan.xlsx" },
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await xlsx.arrayBuffer()) as never);
      expect(workbook.getWorksheet("Keuangan")!.rowCount).toBe(6);
    }
  });

  it("refuse the money to a volunteer assigned to the programme", async () => {
    const cookie = await signIn("budi@prg.test");
    expect(statusOf(await get(pdfLoader, programmeId, "pdf", cookie))).toBe(403);
    expect(statusOf(await get(xlsxLoader, programmeId, "xlsx", cookie))).toBe(403);
  });

  it("refuse the Dinas Sosial's account (no programme rights) and answer 404 to another chapter and to an unknown programme", async () => {
    await buildUser({ chapterId, role: "dinsos", email: "dinsos@prg.test" });
    const dinsos = await signIn("dinsos@prg.test");
    expect(statusOf(await get(pdfLoader, programmeId, "pdf", dinsos))).toBe(403);

    const other = await buildChapter({ code: "PRX" });
    const outsider = await buildMember({ chapterId: other.id, villageCode: V1002, fullName: "Eko Prasetyo" });
    await buildUser({ chapterId: other.id, role: "volunteer", memberId: outsider.id, email: "eko@prx.test" });
    const cookie = await signIn("eko@prx.test");
    expect(statusOf(await get(pdfLoader, programmeId, "pdf", cookie))).toBe(404);
    expect(statusOf(await get(xlsxLoader, programmeId, "xlsx", cookie))).toBe(404);

    const ketuaCookie = await signIn("ketua@prg.test");
    expect(statusOf(await get(pdfLoader, "tidak-ada", "pdf", ketuaCookie))).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------
// Reach outside the target kelurahan and hours of members not assigned: flagged, never silent

describe("reach outside the target kelurahan and hours of members not assigned", () => {
  let flaggedId: string;
  let data: ProgrammeReportData;
  let rinaNumber: string;
  let jokoNumber: string;
  let jokoId: string;

  beforeAll(async () => {
    const LANSIA = ppksOf(ctx, 8);
    const FAKIR = ppksOf(ctx, 24);
    const { member: rina, actor: rinaActor } = await volunteerOf("Rina Marlina", V1002);
    const joko = await buildMember({ chapterId, villageCode: V1003, fullName: "Joko Susilo" });
    rinaNumber = rina.memberNumber ?? "";
    jokoNumber = joko.memberNumber ?? "";
    jokoId = joko.id;
    // One target kelurahan (Benuamelayu Laut) and one assigned volunteer (Rina).
    flaggedId = expectOk(
      await createProgramme(ketua, {
        data: programmeSchema.parse({
          name: "Pendampingan Lansia Benuamelayu Laut",
          goal: "Mendampingi lanjut usia terlantar di Benuamelayu Laut.",
          startDate: "2026-07-01",
          endDate: "2026-12-31",
          budget: "5.000.000",
          fundingSource: "swadaya",
          coordinatorId: ketua.memberId!,
        }),
        partners: [],
        villageCodes: [V1002],
        targets: [{ categoryId: LANSIA, target: 20 }],
        volunteerIds: [rina.id],
      }),
    ).id;
    const log = async (fields: Record<string, string>, reach: ReachEntry[], coVolunteerIds: string[] = []) => {
      const form = activityFormSchema.parse({
        idempotencyKey: key(),
        typeId: ctx.typeId,
        narrative: "Kunjungan lansia.",
        programmeId: flaggedId,
        ...fields,
      });
      return expectOk(await logActivity(rinaActor, { data: form, reach, aid: [], coVolunteerIds, followUp: null, submit: true }, NOW)).id;
    };
    // In the target kelurahan: 5 people, 60 minutes.
    const inside = await log({ date: "2026-11-18", durationMinutes: "60", villageCode: V1002, households: "3" }, [
      { categoryId: LANSIA, sex: "P", ageBand: "lansia", count: 5 },
    ]);
    // Outside it (Benuamelayu Darat): 3 + 2 people, 90 minutes, with Joko (not assigned) as co-volunteer.
    const outside = await log(
      { date: "2026-11-19", durationMinutes: "90", villageCode: V1003, households: "2" },
      [
        { categoryId: LANSIA, sex: "L", ageBand: "lansia", count: 3 },
        { categoryId: FAKIR, sex: "P", ageBand: "dewasa", count: 2 },
      ],
      [joko.id],
    );
    // Still waiting for verification, outside and with Joko: counts nowhere.
    await log(
      { date: "2026-11-21", durationMinutes: "240", villageCode: V1003, households: "1" },
      [{ categoryId: LANSIA, sex: "P", ageBand: "lansia", count: 4 }],
      [joko.id],
    );
    expect(await verifyActivities(wakil, [inside, outside], NOW)).toEqual({ ok: true, verified: 2, skipped: 0 });
    data = await reportOf(flaggedId);
  });

  it("keeps the totals, gives the reach outside and the unassigned hours apart, and counts only the inside toward the target", async () => {
    const actuals = await programmeActuals(flaggedId);
    expect({ people: actuals.people, activities: actuals.activities, hours: actuals.volunteerHours, waiting: actuals.waiting }).toEqual({
      people: 10,
      activities: 2,
      hours: 4,
      waiting: 1,
    });
    expect(actuals.byCategory.map((c) => [c.name, c.people, c.inTarget])).toEqual([
      ["Lanjut Usia Terlantar", 8, 5],
      ["Fakir Miskin", 2, 0],
    ]);
    expect(actuals.outsideTarget).toEqual({
      people: 5,
      villages: [
        {
          villageCode: V1003,
          name: "Benuamelayu Darat",
          district: "Pontianak Selatan",
          people: 5,
          households: 2,
          activities: 1,
          inTarget: false,
        },
      ],
    });
    expect(actuals.byVillage.map((v) => [v.name, v.people, v.inTarget])).toEqual([
      ["Benuamelayu Darat", 5, false],
      ["Benuamelayu Laut", 5, true],
    ]);
    expect(actuals.unassigned).toEqual({
      hours: 1.5,
      volunteers: [
        { memberId: jokoId, fullName: "Joko Susilo", memberNumber: jokoNumber || null, hours: 1.5, activities: 1, assigned: false },
      ],
    });
    expect(actuals.volunteers.map((v) => [v.fullName, v.hours, v.assigned])).toEqual([
      ["Rina Marlina", 2.5, true],
      ["Joko Susilo", 1.5, false],
    ]);
    expect(data.beneficiaries).toEqual([
      { name: "Lanjut Usia Terlantar", target: 20, actual: 8, inTarget: 5 },
      { name: "Fakir Miskin", target: 0, actual: 2, inTarget: 0 },
    ]);
  });

  it("gives the programme page the same figures", async () => {
    const cookie = await signIn("ketua@prg.test");
    const page = dataOf<{ actuals: Awaited<ReturnType<typeof programmeActuals>> }>(
      await run(programmeLoader, getRequest(`/programmes/${flaggedId}`, cookie), { id: flaggedId }),
    );
    expect(page.actuals.byCategory.map((c) => [c.name, c.people, c.inTarget])).toEqual([
      ["Lanjut Usia Terlantar", 8, 5],
      ["Fakir Miskin", 2, 0],
    ]);
    expect(page.actuals.outsideTarget.people).toBe(5);
    expect(page.actuals.outsideTarget.villages.map((v) => [v.name, v.people])).toEqual([["Benuamelayu Darat", 5]]);
    expect(page.actuals.unassigned.hours).toBe(1.5);
    expect(page.actuals.unassigned.volunteers.map((v) => [v.fullName, v.hours])).toEqual([["Joko Susilo", 1.5]]);
  });

  it("warns in the PDF and takes the percentage from the target kelurahan only", async () => {
    const { text } = await pdfText(new Uint8Array(await renderProgrammeReportPdf(data)));
    // 5 of 20, not 8 of 20 (40%).
    expect(text).toContain("Lanjut Usia Terlantar 20 8 25%");
    expect(text).toContain("Jumlah 20 10 25% dari target 1 kategori");
    expect(text).not.toContain("40%");
    expect(text).toContain("Di luar kelurahan sasaran: 5 orang (Benuamelayu Darat 5 orang).");
    expect(text).toContain("Benuamelayu Darat (di luar sasaran) Pontianak Selatan 5 2 1");
    expect(text).toContain(`2 Joko Susilo (tidak ditugaskan) ${jokoNumber} 1 1,5`);
    expect(text).toContain(`1 Rina Marlina ${rinaNumber} 2 2,5`);
    expect(text).toContain("Jumlah jam relawan: 4 jam");
    expect(text).toContain("Jam relawan yang tidak ditugaskan: 1,5 jam (Joko Susilo 1,5 jam).");
  });

  it("flags the same in the spreadsheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await programmeReportXlsx(data)) as never);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const summary = new Map(rows("Ringkasan").map(([label, value]) => [label, value]));
    expect(summary.get("Penerima manfaat di luar kelurahan sasaran (orang)")).toBe(5);
    expect(summary.get("Kelurahan di luar sasaran")).toBe("Benuamelayu Darat 5 orang");
    expect(summary.get("Jam relawan yang tidak ditugaskan")).toBe(1.5);
    expect(summary.get("Relawan yang tidak ditugaskan")).toBe("Joko Susilo 1,5 jam");
    expect(rows("Penerima manfaat")).toEqual([
      ["Kategori", "Target", "Capaian", "Capaian di kelurahan sasaran", "%"],
      ["Lanjut Usia Terlantar", 20, 8, 5, 0.25],
      ["Fakir Miskin", 0, 2, 0], // no target, no percentage (an empty cell)
    ]);
    expect(
      rows("Kelurahan")
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["Benuamelayu Darat (di luar sasaran)", "Benuamelayu Laut"]);
    expect(
      rows("Relawan")
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["Rina Marlina", "Joko Susilo (tidak ditugaskan)"]);
  });
});
