// The board reads the audit log on a phone (360 px): filters, masked identifiers, the spreadsheet;
// a candidate's card on the member page ends when the candidate becomes a member.
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
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
});
afterEach(async () => {
  await context.close();
});

async function asSekretaris() {
  await logIn(page, "sekretaris@demo.ipsm.id", PASSWORD);
  await page.getByRole("heading", { level: 1, name: "Halo, Muhammad Rizal Pratama" }).waitFor();
}

const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Opens the first candidate (status calon) of the list and answers their name. */
async function openFirstCandidate(): Promise<string> {
  await page.goto("/members?status=calon");
  const link = page.locator("tbody tr td:first-child a").first();
  const name = (await link.textContent())!.trim();
  await link.click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
  return name;
}

describe("the audit log", () => {
  it("shows who saw a whole NIK, filtered by member and action, masked, on a phone; exports it to Excel", async () => {
    await asSekretaris();
    const name = await openFirstCandidate();
    await page.getByRole("link", { name: "Tampilkan NIK lengkap" }).click();
    await page.waitForURL(/\?nik=1$/);

    await page.goto("/");
    // in the menu (folded away on a phone)
    expect(await page.locator('nav a[href="/audit"]', { hasText: "Log audit" }).count()).toBeGreaterThan(0);
    await page.goto("/audit");
    await page.getByRole("heading", { level: 1, name: "Log audit" }).waitFor();
    await page.getByLabel("Anggota (nama atau nomor anggota)").fill(name);
    await page.getByLabel("Tindakan").selectOption({ label: "NIK lengkap dilihat" });
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await page.waitForURL(/action=member\.nik\.view/);
    const entries = page.getByTestId("audit-entry");
    await entries.first().waitFor();
    const first = (await entries.first().textContent()) ?? "";
    expect(first).toContain("NIK lengkap dilihat");
    expect(first).toContain("Muhammad Rizal Pratama");
    expect(first).toContain(name);
    expect(await page.getByTestId("audit-count").textContent()).toMatch(/^\d+ catatan$/);
    expect(await overflow()).toBeLessThanOrEqual(0);

    // No whole NIK anywhere on an unfiltered page (the member updates carry masked ones).
    await page.goto("/audit");
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toMatch(/(?<!\d)\d{16}(?!\d)/);
    expect(await overflow()).toBeLessThanOrEqual(0);

    // The spreadsheet of the filtered log, read back.
    await page.goto(`/audit?member=${encodeURIComponent(name)}&action=member.nik.view`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh Excel (.xlsx)" }).click()]);
    expect(download.suggestedFilename()).toBe("log-audit-ptk.xlsx");
    const workbook = new ExcelJS.Workbook();
    const bytes = await readFile(await download.path());
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const rows: string[] = [];
    workbook.getWorksheet("Log audit")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).join(" | ")));
    expect(rows[0]).toBe("Waktu (WIB) | Pengguna | Tindakan | Data | Anggota (nama atau nomor anggota) | ID data | Perubahan");
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[1]).toContain("Muhammad Rizal Pratama | NIK lengkap dilihat | Anggota");
    expect(rows[1]).toContain(name);

    // The download itself is in the log.
    await page.goto("/audit?action=audit.export");
    expect(await page.getByTestId("audit-entry").first().textContent()).toContain("Log audit diunduh");
  });

  it("is refused to a volunteer", async () => {
    await logIn(page, "relawan@demo.ipsm.id", PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.getByRole("heading", { level: 1, name: /^Halo, / }).waitFor();
    expect(await page.locator('nav a[href="/audit"]').count()).toBe(0);
    await page.goto("/audit");
    await page.getByRole("heading", { level: 1, name: "Akses ditolak" }).waitFor();
  });
});

describe("a candidate's card on the member page", () => {
  it("is a candidate card while the candidacy lasts and ends when the candidate becomes a member", async () => {
    await asSekretaris();
    const name = await openFirstCandidate();
    await page.getByRole("button", { name: "Terbitkan kartu baru" }).click();
    await page.getByText("Kartu anggota baru diterbitkan.").waitFor();
    await expect(page.getByTestId("card-state").textContent()).resolves.toMatch(
      /^Kartu calon anggota berlaku selama masa calon anggota, paling lama sampai \d+ \w+ \d{4}\.$/,
    );
    const verifyHref = await page.getByRole("link", { name: "Buka halaman verifikasi kartu ini" }).getAttribute("href");

    await page.getByLabel("Status", { exact: true }).selectOption("aktif");
    await page.getByLabel("Alasan", { exact: true }).fill("Lulus bimtek dasar");
    await page.getByRole("button", { name: "Simpan status" }).click();
    await page.getByText(`Status ${name} diubah menjadi Aktif.`).waitFor();
    await expect(page.getByTestId("card-state").textContent()).resolves.toBe("Belum ada kartu yang berlaku.");
    await page.getByText("Kartu sebelumnya").click();
    await page.getByText(/kartu calon anggota, berakhir karena masa calon selesai/).waitFor();

    // The public page agrees.
    await page.goto(verifyHref!);
    await page.getByRole("heading", { level: 1, name: "KARTU TIDAK BERLAKU" }).waitFor();
    await page.getByText("Kartu Calon Anggota IPSM").waitFor();
  });
});
