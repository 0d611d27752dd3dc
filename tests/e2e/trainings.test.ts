// The Sekretaris records a certification event from the browser: participants, attendance and
// results (a mistake explained), a certificate with its scan; the expiry list and the
// competency matrix change with it.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays, calendarToday } from "~/utils/dates";
import { toDateInput } from "~/validation/fields";
import { launchBrowser, logIn } from "../support/browser";

const baseURL = inject("baseURL");
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL, viewport: { width: 1100, height: 900 }, locale: "id-ID", timezoneId: "Asia/Jakarta" });
  page = await context.newPage();
  await logIn(page, "sekretaris@demo.ipsm.id", "demo-ipsm-2026");
  await page.getByRole("heading", { level: 1, name: /^Halo, / }).waitFor();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function rowsOf(testId: string) {
  const table = page.getByTestId(testId);
  return (await table.count()) ? table.locator("tbody tr").count() : 0;
}

describe("a certification event", () => {
  it("records participants, results and a certificate, and the expiry list and matrix follow", async () => {
    await page.goto("/trainings/certificates");
    await page.getByRole("heading", { level: 1, name: "Sertifikat kedaluwarsa dan akan kedaluwarsa" }).waitFor();
    const expiringBefore = await rowsOf("expiring");

    // Five years ago, so that its 5-year certificates end within the next 90 days.
    const today = calendarToday("Asia/Jakarta");
    const held = addDays(today, -5 * 365 + 30);
    await page.goto("/trainings");
    await page.getByRole("link", { name: "Catat kegiatan pelatihan" }).click();
    const courseSelect = page.getByLabel("Pelatihan", { exact: true });
    const courseValue = await courseSelect
      .locator("option", { hasText: "Sertifikasi Kompetensi Pekerja Sosial Masyarakat" })
      .getAttribute("value");
    await courseSelect.selectOption(courseValue!);
    await page.getByLabel("Tanggal mulai").fill(toDateInput(held));
    await page.getByLabel("Tanggal selesai").fill(toDateInput(addDays(held, -1)));
    await page.getByLabel("Tempat").fill("TUK LSP Kemensos, Pontianak");
    await page.getByRole("button", { name: "Simpan kegiatan" }).click();
    await page.getByText("Tanggal selesai tidak boleh sebelum tanggal mulai.").waitFor();
    await page.getByLabel("Tanggal selesai").fill(toDateInput(held));
    await page.getByRole("button", { name: "Simpan kegiatan" }).click();
    await page.getByText("Kegiatan pelatihan dicatat. Tambahkan pesertanya.").waitFor();

    // Two active members at once (candidates show "· Calon" otherwise).
    const candidates = page.getByTestId("candidates").locator("label").filter({ hasNotText: "· Calon" });
    const names = await Promise.all([0, 1].map(async (i) => (await candidates.nth(i).innerText()).split(/\s+PTK-/)[0]!.trim()));
    for (const i of [0, 1]) await candidates.nth(i).locator("input").check();
    await page.getByRole("button", { name: "Daftarkan peserta terpilih" }).click();
    await page.getByText("2 peserta didaftarkan.").waitFor();
    const [passer, absentee] = names as [string, string];

    // More hours than the event has: explained beside the row, nothing saved.
    await page.getByLabel(`Kehadiran ${passer}`).selectOption("hadir");
    await page.getByLabel(`Jam diikuti ${passer}`).fill("10");
    await page.getByLabel(`Hasil ${passer}`).selectOption("lulus");
    await page.getByLabel(`Kehadiran ${absentee}`).selectOption("tidak_hadir");
    await page.getByRole("button", { name: "Simpan kehadiran dan hasil" }).click();
    await page.getByText("Jam diikuti tidak boleh lebih dari jam pelatihan (8 jam).").waitFor();
    expect(await page.getByLabel(`Hasil ${passer}`).inputValue()).toBe("lulus");
    await page.getByLabel(`Jam diikuti ${passer}`).fill("8");
    await page.getByRole("button", { name: "Simpan kehadiran dan hasil" }).click();
    await page.getByText("Kehadiran dan hasil 2 peserta disimpan.").waitFor();

    // The certificate, with its scan; it ends five years after issue.
    await page
      .getByRole("row", { name: new RegExp(passer) })
      .getByRole("link", { name: "Catat sertifikat" })
      .click();
    await page.getByRole("heading", { level: 1, name: `Sertifikat ${passer}` }).waitFor();
    await page.getByLabel("Nomor sertifikat").fill("LSP-PEKSOS/E2E/0001");
    await page.getByLabel("Berkas sertifikat (PDF, JPG atau PNG, paling besar 5 MB)").setInputFiles({
      name: "sertifikat.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n% sertifikat uji\n%%EOF\n"),
    });
    await page.getByRole("button", { name: "Simpan sertifikat" }).click();
    await page.getByText(`Sertifikat ${passer} disimpan.`).waitFor();
    await expect(page.getByTestId("participants").textContent()).resolves.toContain("LSP-PEKSOS/E2E/0001");

    // It now shows among those ending within 90 days.
    await page.goto("/trainings/certificates");
    expect(await rowsOf("expiring")).toBe(expiringBefore + 1);
    await expect(page.getByTestId("expiring").textContent()).resolves.toContain(passer);

    // And the matrix shows the competencies the certification gives.
    await page.goto("/trainings/matrix");
    const row = page.getByTestId("matrix").getByRole("row", { name: new RegExp(`^${passer}`) });
    await expect(row.textContent()).resolves.toContain("Menengah");

    // The member's record has the certificate with its scan.
    await row.getByRole("link", { name: passer }).click();
    await page.getByRole("heading", { level: 1, name: `Pelatihan ${passer}` }).waitFor();
    const scan = await page.getByTestId("certificates").getByRole("link", { name: "Unduh" }).first().getAttribute("href");
    const download = await page.request.get(scan!);
    expect(download.headers()["content-type"]).toBe("application/pdf");
  });
});
