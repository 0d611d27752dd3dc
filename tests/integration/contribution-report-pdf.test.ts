// The contribution report to the Dinas Sosial (Laporan Kontribusi Relawan PSM) as PDF and xlsx,
// made from a hand-built ReportFigures with known numbers (no activities in the database: the
// figures module has its own tests). The letterhead comes from a real chapter. Checked in the
// PDF's text: the letter's parts, every summary figure, a category x kecamatan cell, a volunteer
// row, the programme's money, page numbers, the verification line and content hash on every
// page, the draft mark, the table of contents of a long report (300 volunteers) with the right
// pages, and that no 16-digit number (NIK, KK) is printed anywhere.
import ExcelJS from "exceljs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import QRCode from "qrcode";
import { beforeAll, describe, expect, it } from "vitest";
import { getChapterLetterhead, type ChapterLetterhead } from "~/domain/chapters/chapters.server";
import type { ReportFigures } from "~/domain/reports/figures.server";
import { contributionReportXlsx } from "~/documents/xlsx/contribution-report";
import { t } from "~/i18n";
import type { ContributionReportPdfData } from "~/documents/pdf/contribution-report-data";
import { CONTRIBUTION_REPORT_SECTIONS, DISTRICTS_PER_TABLE, evenGroups } from "~/documents/pdf/ContributionReportDocument";
import { renderContributionReportPdf, verifyUrl } from "~/documents/pdf/render.server";
import { formatHours, formatNumber } from "~/utils/format";
import { formatReportHours } from "~/utils/report-hours";
import { buildChapter, fakeName, seededRandom } from "../factories";
import { pdfText } from "../support/pdf-text";

const NUMBER = "012/IPSM-PTK/IV/2026";
const HASH = "a3f9c2e1b7d04f68e2c1d9b0f7a6e5d4c3b2a19087f6e5d4c3b2a1908f7e6d5c";
const URL = verifyUrl("https://portal.ipsm-pontianak.or.id/", "LKR7Q2M9X4");

const DISTRICTS = [
  "Pontianak Selatan",
  "Pontianak Timur",
  "Pontianak Barat",
  "Pontianak Utara",
  "Pontianak Kota",
  "Pontianak Tenggara",
  "Sungai Raya",
  "Sungai Kakap",
];
// People per category and kecamatan; the row sums are the category totals below.
const GRID: Record<string, { number: number; male: number; female: number; counts: number[] }> = {
  "Anak Terlantar": { number: 2, male: 103, female: 74, counts: [20, 31, 18, 40, 12, 26, 19, 11] },
  "Lanjut Usia Terlantar": { number: 8, male: 300, female: 450, counts: [120, 95, 88, 101, 77, 93, 96, 80] },
  "Penyandang Disabilitas": { number: 9, male: 200, female: 180, counts: [50, 44, 39, 61, 48, 52, 45, 41] },
  "Fakir Miskin": { number: 24, male: 800, female: 850, counts: [211, 198, 187, 517, 160, 143, 134, 100] },
};

function figures(volunteers: ReportFigures["volunteers"]): ReportFigures {
  const categories = Object.entries(GRID);
  return {
    chapters: [
      { name: "IPSM Kota Pontianak", code: "PTK" },
      { name: "IPSM Kecamatan Pontianak Utara", code: "PTK-UTR" },
    ],
    period: { start: "2026-01-01", end: "2026-03-31" },
    members: { active: 128, asOf: "2026-03-31" },
    volunteersActive: 37,
    hours: { field: 1234.5, training: 86, total: 1320.5 },
    activities: {
      count: 412,
      byType: [
        { name: "Kunjungan rumah / validasi data PPKS", activities: 250, hours: 700 },
        { name: "Penyaluran bantuan", activities: 162, hours: 412.5 },
      ],
    },
    people: {
      total: 2957,
      male: 1403,
      female: 1554,
      byCategory: categories.map(([name, c]) => ({ number: c.number, name, male: c.male, female: c.female, total: c.male + c.female })),
    },
    households: 689,
    aid: {
      bySource: [
        { source: "apbd", items: 40, quantity: 400, value: 60_000_000 },
        { source: "csr", items: 12, quantity: 120, value: 18_500_000 },
      ],
      totalValue: 78_500_000,
    },
    categoryByDistrict: {
      districts: DISTRICTS.map((name, i) => ({ code: `61.71.0${i + 1}`, name })),
      rows: categories.map(([category, c]) => ({ category, counts: c.counts, total: c.counts.reduce((a, b) => a + b, 0) })),
    },
    categoryByVillage: [
      { district: "Pontianak Selatan", village: "Benuamelayu Darat", category: "Lanjut Usia Terlantar", people: 64 },
      { district: "Pontianak Selatan", village: "Benuamelayu Laut", category: "Fakir Miskin", people: 211 },
      { district: "Pontianak Utara", village: "Siantan Hulu", category: "Fakir Miskin", people: 517 },
    ],
    volunteers,
    trainings: {
      hours: 86,
      events: [
        {
          name: "Bimtek Dasar PSM Angkatan III",
          place: "Aula Dinas Sosial Kota Pontianak",
          start: "2026-02-10",
          end: "2026-02-12",
          hours: 24,
          participants: 30,
        },
      ],
    },
    programmes: [
      {
        name: "Pendampingan Lansia Terlantar",
        partners: ["PT Bank Kalbar Sejahtera"],
        budget: 150_000_000,
        received: 100_000_000,
        spent: 62_500_000,
      },
    ],
    followUps: { opened: 14, closed: 9, open: 11 },
    hoursByMonth: [
      { month: "2026-01", hours: 402.25, activities: 130 },
      { month: "2026-02", hours: 398, activities: 140 },
      { month: "2026-03", hours: 434.25, activities: 142 },
    ],
    waiting: 5,
  };
}

const FEW_VOLUNTEERS: ReportFigures["volunteers"] = [
  { name: "Budi Santoso", memberNumber: "PTK.2026.0001", activities: 21, hours: 63.5 },
  { name: "Maria Ulfah", memberNumber: "PTK.2026.0002", activities: 18, hours: 47.25 },
  { name: "Rahmat Hidayat", memberNumber: null, activities: 3, hours: 6 },
];

function manyVolunteers(count: number): ReportFigures["volunteers"] {
  const random = seededRandom(2026);
  return Array.from({ length: count }, (_, i) => ({
    name: `${fakeName(i % 2 ? "P" : "L", random)} ${i + 1}`,
    memberNumber: `PTK.2025.${String(i + 1).padStart(4, "0")}`,
    activities: 1 + (i % 9),
    hours: 2 + (i % 7) * 1.5,
  }));
}

let letterhead: ChapterLetterhead;
let qrDataUrl: string;

function reportData(overrides: Partial<ContributionReportPdfData> = {}): ContributionReportPdfData {
  return {
    letterhead,
    number: NUMBER,
    place: letterhead.letterPlace,
    // submitted at 9 in the morning WIB
    date: new Date("2026-04-02T02:00:00Z"),
    addressee: "Kepala Dinas Sosial Kota Pontianak",
    addresseePlace: "di Pontianak",
    periodLabel: "Triwulan I 2026",
    figures: figures(FEW_VOLUNTEERS),
    signatories: { ketua: { name: "Dra. Hj. Rahmawati Syarif", title: "Ketua" }, sekretaris: null },
    draft: false,
    verification: { url: URL, qrDataUrl, contentHash: HASH },
    supersedes: { number: "009/IPSM-PTK/IV/2026", date: new Date("2026-04-01T03:00:00Z") },
    ...overrides,
  };
}

/** The text of each page, whitespace collapsed. */
async function pageTexts(bytes: Uint8Array) {
  const doc = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  }
  await doc.destroy();
  return pages;
}

/** The PDF's bytes as pdf.js wants them (it refuses a Buffer). */
const render = async (data: ContributionReportPdfData) => new Uint8Array(await renderContributionReportPdf(data));

const occurrences = (text: string, part: string) => text.split(part).length - 1;

beforeAll(async () => {
  const chapter = await buildChapter();
  letterhead = await getChapterLetterhead(chapter.id);
  qrDataUrl = await QRCode.toDataURL(URL, { errorCorrectionLevel: "M", margin: 1, width: 240 });
});

describe("the contribution report PDF", () => {
  let submitted: { pages: number; text: string };

  beforeAll(async () => {
    submitted = await pdfText(await render(reportData()));
  });

  it("writes the cover letter: place and date, number, subject, addressee, figures, correction, signatures", () => {
    const { text } = submitted;
    expect(text).toContain("IKATAN PEKERJA SOSIAL MASYARAKAT (IPSM)");
    expect(text).toContain("Pontianak, 2 April 2026");
    expect(text).toContain(`Nomor : ${NUMBER}`);
    expect(text).toContain("Sifat : Biasa");
    expect(text).toContain("Lampiran : 1 (satu) berkas");
    expect(text).toContain("Hal : Laporan Kontribusi Relawan PSM Triwulan I 2026");
    expect(text).toContain("Yth. Kepala Dinas Sosial Kota Pontianak di Pontianak");
    expect(text).toContain("412 kegiatan");
    expect(text).toContain("1.320,5 jam");
    expect(text).toContain("2.957 orang");
    expect(text).toContain("menggantikan laporan Nomor 009/IPSM-PTK/IV/2026 tanggal 1 April 2026");
    expect(text).toContain("Demikian laporan ini kami sampaikan. Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.");
    expect(text).toContain("PENGURUS IPSM KOTA PONTIANAK");
    // the signatures close the letter and the attachment; the Sekretaris is vacant
    expect(occurrences(text, "Dra. Hj. Rahmawati Syarif")).toBe(2);
    expect(occurrences(text, "Sekretaris, (..................................)")).toBe(2);
  });

  it("prints every summary figure, the tables of section 1 and the note on verified activities", () => {
    const { text } = submitted;
    expect(text).toContain("LAMPIRAN: LAPORAN KONTRIBUSI RELAWAN PSM");
    expect(text).toContain("IPSM Kota Pontianak, IPSM Kecamatan Pontianak Utara");
    expect(text).toContain("Periode Triwulan I 2026 (1 Januari 2026 – 31 Maret 2026)");
    expect(text).toContain("Anggota aktif 128");
    expect(text).toContain("Relawan yang aktif pada periode ini 37");
    expect(text).toContain("Jumlah jam relawan 1.320,5 jam");
    expect(text).toContain("Jam kegiatan lapangan 1.234,5 jam");
    expect(text).toContain("Jam pelatihan 86 jam");
    expect(text).toContain("Kegiatan 412");
    expect(text).toContain("Orang terjangkau 2.957 orang (L 1.403, P 1.554)");
    expect(text).toContain("Keluarga (KK) 689");
    expect(text).toContain("Nilai bantuan Rp78.500.000");
    expect(text).toContain("hanya kegiatan yang telah diverifikasi pengurus yang dihitung");
    expect(text).toContain("Sebanyak 5 kegiatan pada periode ini masih menunggu verifikasi");
    expect(text).toContain("Penyaluran bantuan 162 412,5");
    expect(text).toContain("24. Fakir Miskin 800 850 1.650");
    expect(text).toContain("Jumlah 1.403 1.554 2.957");
    expect(text).toContain("APBD 40 400 Rp60.000.000");
    expect(text).toContain("Mitra CSR 12 120 Rp18.500.000");
  });

  it("splits category x kecamatan into tables of at most six kecamatan", () => {
    const { text } = submitted;
    // 8 kecamatan: two tables of 4, the row totals in the last
    expect(evenGroups(DISTRICTS.length, DISTRICTS_PER_TABLE)).toEqual([
      [0, 4],
      [4, 8],
    ]);
    expect(evenGroups(13, DISTRICTS_PER_TABLE)).toEqual([
      [0, 5],
      [5, 10],
      [10, 13],
    ]);
    const fakir = GRID["Fakir Miskin"]!.counts;
    expect(text).toContain(`Fakir Miskin ${fakir.slice(0, 4).map(formatNumber).join(" ")} `);
    expect(text).toContain(`Fakir Miskin ${fakir.slice(4).map(formatNumber).join(" ")} 1.650`);
    expect(text).toContain("Kecamatan 1–4 dari 8");
    expect(text).toContain("Kecamatan 5–8 dari 8");
    expect(text).toContain("Jumlah 401 368 332 719 ");
  });

  it("lists volunteers, trainings, programmes, follow-ups, charts and the kelurahan annex", () => {
    const { text } = submitted;
    expect(text).toContain("1 Budi Santoso PTK.2026.0001 21 63,5");
    expect(text).toContain("3 Rahmat Hidayat – 3 6");
    expect(text).toContain("Bimtek Dasar PSM Angkatan III Aula Dinas Sosial Kota Pontianak 10/02/2026 – 12/02/2026 24 30");
    expect(text).toContain("Jumlah jam pelatihan relawan pada periode ini (termasuk pelatihan di luar IPSM): 86 jam");
    expect(text).toContain("Pendampingan Lansia Terlantar PT Bank Kalbar Sejahtera Rp150.000.000 Rp100.000.000 Rp62.500.000 41,7%");
    expect(text).toContain("Tindak lanjut dibuka pada periode ini 14");
    expect(text).toContain("Tindak lanjut diselesaikan pada periode ini 9");
    expect(text).toContain("Masih terbuka pada akhir periode 11");
    expect(text).toContain("7. Grafik");
    expect(text).toContain("Januari 2026");
    expect(text).toContain("402,3");
    expect(text).toContain("Pontianak Utara Siantan Hulu Fakir Miskin 517");
  });

  it("numbers every page and carries the verification address and content hash on each", () => {
    const { text, pages } = submitted;
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Halaman 1 dari ${pages}`);
    expect(text).toContain(`Halaman ${pages} dari ${pages}`);
    expect(occurrences(text, `Periksa keaslian: ${URL}`)).toBe(pages);
    expect(occurrences(text, `Kode isi: ${HASH.slice(0, 16)}…`)).toBe(pages);
    expect(text).not.toContain(HASH.slice(0, 17));
    expect(text).not.toContain("DRAF");
    expect(text).not.toMatch(/\d{16}/);
  });

  it("marks a draft on every page, without a number, QR code or hash", async () => {
    const { text, pages } = await pdfText(await render(reportData({ draft: true, number: null, verification: null, supersedes: null })));
    expect(text).toContain("Nomor : (diberikan saat laporan dikirim)");
    expect(occurrences(text, "DRAF ")).toBeGreaterThanOrEqual(pages);
    expect(occurrences(text, "Draf — belum dikirim, angka dapat berubah")).toBe(pages);
    expect(text).not.toContain("Periksa keaslian");
    expect(text).not.toContain("Kode isi");
    expect(text).not.toContain("menggantikan");
    expect(text).not.toMatch(/\d{16}/);
  });

  it("says so when a section has no data, and a short report has no table of contents", async () => {
    const empty: ReportFigures = {
      ...figures([]),
      volunteersActive: 0,
      hours: { field: 0, training: 0, total: 0 },
      activities: { count: 0, byType: [] },
      people: { total: 0, male: 0, female: 0, byCategory: [] },
      households: 0,
      aid: { bySource: [], totalValue: 0 },
      categoryByDistrict: { districts: [], rows: [] },
      categoryByVillage: [],
      trainings: { hours: 0, events: [] },
      programmes: [],
      followUps: { opened: 0, closed: 0, open: 0 },
      hoursByMonth: [],
      waiting: 0,
    };
    const { text, pages } = await pdfText(await render(reportData({ figures: empty, supersedes: null })));
    expect(pages).toBeLessThanOrEqual(3);
    expect(text).not.toContain("Daftar isi");
    // types, categories, aid, kecamatan, volunteers, trainings, programmes, follow-ups, 2 charts, kelurahan
    expect(occurrences(text, "Tidak ada data pada periode ini.")).toBe(11);
    expect(occurrences(text, `Periksa keaslian: ${URL}`)).toBe(pages);
  });

  it("opens a long report with a table of contents whose pages are where the sections are", async () => {
    const bytes = await render(reportData({ figures: figures(manyVolunteers(300)) }));
    const pages = await pageTexts(bytes);
    const all = pages.join(" ");
    expect(pages.length).toBeGreaterThan(3);
    expect(all).toContain("Daftar isi Halaman");
    expect(all).toContain(`Halaman 1 dari ${pages.length}`);
    expect(occurrences(all, `Kode isi: ${HASH.slice(0, 16)}…`)).toBe(pages.length);
    expect(all).not.toMatch(/\d{16}/);

    const tocPage = pages.findIndex((p) => p.includes("Daftar isi"));
    expect(tocPage).toBe(1);
    const toc = pages[tocPage]!;
    for (const section of CONTRIBUTION_REPORT_SECTIONS) {
      const title = t(`reports.pdf.section.${section}`);
      const match = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} (\\d+)`).exec(toc);
      expect(match, title).not.toBeNull();
      const listed = Number(match![1]);
      // the page where the heading itself stands (the contents page lists every title once)
      const actual = pages.findIndex((p, i) => occurrences(p, title) > (i === tocPage ? 1 : 0)) + 1;
      expect(listed, title).toBe(actual);
    }
    // the volunteers run over several pages and the last one is there
    expect(pages.filter((p) => p.includes("No. anggota")).length).toBeGreaterThan(2);
    expect(all).toContain("PTK.2025.0300");
  });
});

/** Each page's text pieces with where they stand (x from the left, y from the bottom, in points). */
async function pageItems(bytes: Uint8Array) {
  const doc = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: { str: string; x: number; y: number }[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items.flatMap((item) =>
        "str" in item && item.str.trim() ? [{ str: item.str.trim(), x: item.transform[4] as number, y: item.transform[5] as number }] : [],
      ),
    );
  }
  await doc.destroy();
  return pages;
}

describe("a large report's long tables, laid out in pages of their own", () => {
  const LONG_NAME = "Raden Ajeng Siti Nurhaliza Kartikasari Wulandari Putri Ayu Hasibuan";
  const UNBROKEN = "Tjokroaminotowidjojokusumaningratsastrowardojo";
  const LONG_CATEGORY = "Korban Tindak Kekerasan atau Diperlakukan Salah di Lingkungan Keluarga";
  let pages: { str: string; x: number; y: number }[][];
  let volunteers: ReportFigures["volunteers"];

  beforeAll(async () => {
    // 1,000 volunteers, every 50th with a name that needs two or three lines, one with a word
    // wider than its cell; 800 kelurahan rows, every 40th with a long category
    volunteers = manyVolunteers(1000).map((v, i) =>
      i % 50 === 7 ? { ...v, name: `${LONG_NAME} ${i + 1}` } : i === 500 ? { ...v, name: `${UNBROKEN} ${i + 1}` } : v,
    );
    const villages = Array.from({ length: 800 }, (_, i) => ({
      district: DISTRICTS[i % DISTRICTS.length]!,
      village: `Kelurahan Uji ${Math.floor(i / 8) + 1}`,
      category: i % 40 === 3 ? LONG_CATEGORY : "Lanjut Usia Terlantar",
      people: i + 1,
    }));
    pages = await pageItems(await render(reportData({ figures: { ...figures(volunteers), categoryByVillage: villages } })));
  }, 120_000);

  it("prints every volunteer once, each row's cells level with each other, long names whole", () => {
    for (const [i, v] of volunteers.entries()) {
      const number = v.memberNumber!;
      const at = pages.flatMap((items, page) => items.filter((item) => item.str === number).map((item) => ({ ...item, page })));
      expect(at, number).toHaveLength(1);
      const { page, y } = at[0]!;
      const row = pages[page]!.filter((item) => Math.abs(item.y - y) < 0.5).map((item) => item.str);
      // No, the name's first line, member number, activities, hours: on one baseline
      expect(row, number).toEqual([String(i + 1), expect.any(String), number, formatNumber(v.activities), formatHours(v.hours)]);
      expect(v.name.startsWith(row[1]!), number).toBe(true);
    }
    const text = pages
      .map((items) => items.map((item) => item.str).join(""))
      .join("")
      .replace(/\s/g, "");
    expect(text).toContain(`${LONG_NAME} 8`.replace(/\s/g, ""));
    expect(text).toContain(`${UNBROKEN} 501`.replace(/\s/g, ""));
    // the pages are full and none ran over onto a page of its own (the layout's room is right)
    const perPage = pages.map((items) => items.filter((item) => /^PTK\.2025\.\d{4}$/.test(item.str)).length).filter((n) => n > 0);
    expect(perPage.length).toBeGreaterThan(15);
    for (const n of perPage.slice(0, -1)) expect(n).toBeGreaterThanOrEqual(40);
    // the totals close the last page of the list
    const total = volunteers.reduce((sum, v) => sum + v.hours, 0);
    const last = pages.findLastIndex((items) => items.some((item) => item.str === "PTK.2025.1000"));
    const jumlah = pages[last]!.find((item) => item.str === "Jumlah")!;
    expect(pages[last]!.filter((item) => Math.abs(item.y - jumlah.y) < 0.5).map((item) => item.str)).toEqual([
      "Jumlah",
      formatNumber(volunteers.reduce((sum, v) => sum + v.activities, 0)),
      formatReportHours(total),
    ]);
  });

  it("prints every kelurahan row once, level, the long categories whole, and the annex after the signatures", () => {
    // (page 2 lists the title in the table of contents)
    const annex = pages.findIndex((items, i) => i > 1 && items.some((item) => item.str === t("reports.pdf.section.villages")));
    const signatures = pages.findLastIndex((items) => items.some((item) => item.str === "PENGURUS IPSM KOTA PONTIANAK"));
    expect(annex).toBeGreaterThan(signatures);
    const rows = pages.slice(annex).flatMap((items) => {
      const lines = new Map<number, string[]>();
      for (const item of items) lines.set(Math.round(item.y * 2), [...(lines.get(Math.round(item.y * 2)) ?? []), item.str]);
      return [...lines.values()];
    });
    const people = rows.filter((row) => /^Kelurahan Uji \d+$/.test(row[1] ?? "")).map((row) => row.at(-1));
    expect(people).toEqual(Array.from({ length: 800 }, (_, i) => formatNumber(i + 1)));
    const text = pages
      .slice(annex)
      .map((items) => items.map((item) => item.str).join(""))
      .join("")
      .replace(/\s/g, "");
    expect(text.split(LONG_CATEGORY.replace(/\s/g, "")).length - 1).toBe(20);
  });

  it("lists in the table of contents the page each section starts on", () => {
    const texts = pages.map((items) => items.map((item) => item.str).join(" "));
    const toc = texts[1]!;
    expect(toc).toContain("Daftar isi");
    for (const section of CONTRIBUTION_REPORT_SECTIONS) {
      const title = t(`reports.pdf.section.${section}`);
      const listed = Number(new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} (\\d+)`).exec(toc)![1]);
      const actual = texts.findIndex((p, i) => occurrences(p, title) > (i === 1 ? 1 : 0)) + 1;
      expect(listed, title).toBe(actual);
    }
    expect(texts.at(-1)).toContain(`Halaman ${texts.length} dari ${texts.length}`);
  });
});

describe("the contribution report spreadsheet", () => {
  it("has one sheet per table, bold frozen headers, and numbers as numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await contributionReportXlsx(reportData())) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Ringkasan",
      "Jenis kegiatan",
      "Kategori PPKS",
      "Bantuan",
      "Kecamatan",
      "Kelurahan",
      "Relawan",
      "Pelatihan",
      "Program",
      "Tindak lanjut",
      "Jam per bulan",
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true);
      expect(sheet.views[0], sheet.name).toMatchObject({ state: "frozen", ySplit: 1 });
    }

    const summary = workbook.getWorksheet("Ringkasan")!;
    const field = (label: string) => {
      let found: ExcelJS.Cell | undefined;
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2);
      });
      expect(found, label).toBeDefined();
      return found!;
    };
    expect(field("Nomor surat").value).toBe(NUMBER);
    expect(field("Periode").value).toBe("Triwulan I 2026");
    expect(field("Cabang").value).toBe("IPSM Kota Pontianak, IPSM Kecamatan Pontianak Utara");
    expect(field("Tanggal surat").value).toEqual(new Date("2026-04-02T00:00:00Z"));
    expect(field("Awal periode").value).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(field("Anggota aktif").value).toBe(128);
    expect(field("Jumlah jam relawan").value).toBe(1320.5);
    expect(field("Jumlah jam relawan").numFmt).toBe("#,##0.0");
    expect(field("Orang terjangkau").value).toBe(2957);
    expect(field("Nilai bantuan (Rp)").value).toBe(78_500_000);
    expect(field("Nilai bantuan (Rp)").numFmt).toBe("#,##0");
    expect(field("Kode isi").value).toBe(HASH);

    const districts = workbook.getWorksheet("Kecamatan")!;
    expect(districts.getRow(1).values).toEqual([undefined, "Kategori PPKS", ...DISTRICTS, "Jumlah"]);
    const fakirRow = districts.getRow(5);
    expect(fakirRow.getCell(1).value).toBe("Fakir Miskin");
    expect(fakirRow.getCell(5).value).toBe(517);
    expect(fakirRow.getCell(DISTRICTS.length + 2).value).toBe(1650);

    const volunteers = workbook.getWorksheet("Relawan")!;
    expect(volunteers.getRow(2).values).toEqual([undefined, 1, "Budi Santoso", "PTK.2026.0001", 21, 63.5]);
    expect(volunteers.getRow(2).getCell(5).numFmt).toBe("#,##0.0");

    const programmes = workbook.getWorksheet("Program")!;
    expect(programmes.getRow(2).getCell(3).value).toBe(150_000_000);
    expect(programmes.getRow(2).getCell(3).numFmt).toBe("#,##0");
    expect(programmes.getRow(2).getCell(6).value).toBeCloseTo(62.5 / 150);

    const aid = workbook.getWorksheet("Bantuan")!;
    expect(aid.getRow(2).values).toEqual([undefined, "APBD", 40, 400, 60_000_000]);
    expect(workbook.getWorksheet("Jam per bulan")!.getRow(2).values).toEqual([undefined, "Januari 2026", 402.3, 130]);
    expect(workbook.getWorksheet("Tindak lanjut")!.getRow(4).getCell(2).value).toBe(11);
  });

  it("marks a draft and has no number", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await contributionReportXlsx(reportData({ draft: true, number: null, verification: null }))) as never);
    const summary = workbook.getWorksheet("Ringkasan")!;
    expect(summary.getRow(2).values).toEqual([undefined, "Nomor surat", "(belum diberikan: draf)"]);
    const values: unknown[] = [];
    summary.eachRow((row) => values.push(row.getCell(2).value));
    expect(values).toContain("Draf — belum dikirim, angka dapat berubah");
  });
});

describe("headings stay with what they head", () => {
  it("never leaves a section heading or sub-heading at the foot of a page with its table or chart on the next", async () => {
    const headings = [
      ...CONTRIBUTION_REPORT_SECTIONS.filter((s) => s !== "summary").map((s) => t(`reports.pdf.section.${s}`)),
      t("reports.pdf.summary.byType"),
      t("reports.pdf.summary.byCategory"),
      t("reports.pdf.summary.aid"),
      t("reports.pdf.charts.hoursByMonth"),
      t("reports.pdf.charts.reachByCategory"),
    ];
    const stranded: string[] = [];
    // every length of the volunteers' table that stays in the flow moves the later headings down a row at a time
    for (let count = 20; count < 60; count += 3) {
      const bytes = await render(reportData({ figures: figures(manyVolunteers(count)) }));
      const pages = await pageItems(bytes);
      pages.forEach((items, p) => {
        const texts = items.map((item) => item.str.trim()).filter(Boolean);
        for (const heading of headings) {
          const at = texts.lastIndexOf(heading);
          if (at >= 0 && texts.length - at < 3) stranded.push(`${count} volunteers: "${heading}" at the foot of page ${p + 1}`);
        }
      });
    }
    expect(stranded).toEqual([]);
  }, 300_000);
});
