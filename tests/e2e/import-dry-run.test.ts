// The import's dry-run page on a phone (360 px): it says which sheet of a workbook it read, lists
// the others and reads another without a new upload, lists the columns it does not recognise
// and names a missing required column once, above the rows. Nothing is saved here.
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser, logIn, phoneContext } from "../support/browser";

const PASSWORD = "demo-ipsm-2026";
const baseURL = inject("baseURL");

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await phoneContext(browser, baseURL);
  page = await context.newPage();
  await logIn(page, "sekretaris@demo.ipsm.id", PASSWORD);
  await page.getByRole("heading", { level: 1, name: "Halo, Muhammad Rizal Pratama" }).waitFor();
});
afterEach(async () => {
  await context.close();
});

const HEADER = [
  "Nama Lengkap",
  "NIK",
  "Jenis Kelamin",
  "Tgl Lahir",
  "No. HP/WA",
  "Alamat",
  "Kecamatan",
  "Kelurahan/Desa",
  "Tanggal Bergabung",
  "Agama",
  "Keterangan Tambahan Panjang Sekali",
];

async function workbook() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Petunjuk").addRow(["Isi data anggota di lembar berikut."]);
  const first = wb.addWorksheet("Anggota 2025");
  first.addRow(HEADER);
  first.addRow([
    // a person no other browser test registers (the membership test imports Fitri Handayani)
    "Sri Wahyuningsih",
    "6171045205950003",
    "P",
    "12/05/1995",
    "081377788899",
    "Jl. Budi Karya 3",
    "Pontianak Utara",
    "Siantan Hulu",
    "20/01/2025",
    "Islam",
    "",
  ]);
  const second = wb.addWorksheet("Anggota 2026");
  second.addRow(HEADER.filter((h) => h !== "Alamat"));
  second.addRow(["Agus Setiawan", "6171041707930004", "L", "17/07/1993", "", "Pontianak Utara", "Siantan Hulu", "20/01/2026", "", ""]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function noSideways() {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe("the import's dry run", () => {
  it("shows the sheet read, lets the board pick another, and lists unknown and missing columns", async () => {
    await page.goto("/members/import");
    await page.getByLabel("Berkas daftar anggota").setInputFiles({
      name: "anggota-dua-lembar.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await workbook(),
    });
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    await page.getByTestId("import-sheet-read").waitFor();
    await expect(page.getByTestId("import-sheet-read").textContent()).resolves.toBe("Lembar yang dibaca: Anggota 2025.");
    await expect(page.getByTestId("import-other-sheets").textContent()).resolves.toBe("Lembar lain di berkas ini: Petunjuk, Anggota 2026.");
    await expect(page.getByTestId("import-unknown-columns").textContent()).resolves.toContain(
      '"Agama", "Keterangan Tambahan Panjang Sekali"',
    );
    expect(await page.getByTestId("import-missing-columns").count()).toBe(0);
    await expect(page.getByTestId("import-create").textContent()).resolves.toContain("1");
    await noSideways();

    // The second sheet, without uploading again: it lacks the Alamat column, said once above the rows.
    await page.getByLabel("Baca lembar").selectOption("Anggota 2026");
    await page.getByRole("button", { name: "Periksa lembar ini" }).click();
    await page.getByTestId("import-missing-columns").waitFor();
    await expect(page.getByTestId("import-sheet-read").textContent()).resolves.toBe("Lembar yang dibaca: Anggota 2026.");
    await expect(page.getByTestId("import-missing-columns").textContent()).resolves.toContain("Kolom wajib tidak ada di berkas: Alamat.");
    await expect(page.getByTestId("import-row-2").textContent()).resolves.not.toContain("Alamat");
    await noSideways();

    // Every sheet with a header row at once; rows named with their sheet.
    await page.getByLabel("Baca lembar").selectOption({ label: "Semua lembar yang berisi judul kolom" });
    await page.getByRole("button", { name: "Periksa lembar ini" }).click();
    await page.getByText("Lembar yang dibaca: Anggota 2025, Anggota 2026.").waitFor();
    await page.getByTestId("import-row-Anggota 2025-2").waitFor();
    await expect(page.getByTestId("import-row-Anggota 2026-2").textContent()).resolves.toContain("2 (lembar Anggota 2026)");
    await noSideways();
  });
});
