// The administrator's outbox on a 360 px phone (docs/decisions/029): the emails that need
// attention as cards, a status filter, and "Kirim ulang" for an uncertain email only after a
// tick that says it may arrive twice. Its rows come from tests/setup/e2e-fixtures.ts.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, logIn, phoneContext } from "../support/browser";

const baseURL = inject("baseURL");
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("the outbox", () => {
  it("shows the failed and uncertain emails as cards and sends an uncertain one again only when confirmed", async () => {
    context = await phoneContext(browser, baseURL);
    const page = await context.newPage();
    await logIn(page, "admin@demo.ipsm.id", "demo-ipsm-2026");
    await page.getByRole("heading", { level: 1, name: /^Halo, / }).waitFor();

    await page.goto("/notifications/outbox");
    await page.getByRole("heading", { level: 1, name: "Kotak keluar email" }).waitFor();
    const uncertain = page.getByTestId("outbox-row").filter({ hasText: "Ringkasan verifikasi · IPSM Kota Uji" });
    await uncertain.waitFor();
    await page.getByTestId("outbox-row").filter({ hasText: "Laporan bulanan belum dikirim" }).waitFor();
    // no column runs off the right edge of a phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // the filter: only the failed ones
    await page.getByLabel("Status").selectOption("failed");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await page.waitForURL(/status=failed/);
    // (polled: on a busy machine the URL may change a moment before the new list is shown)
    await expect.poll(() => page.getByTestId("outbox-row").filter({ hasText: "Ringkasan verifikasi" }).count()).toBe(0);
    await page.getByTestId("outbox-row").filter({ hasText: "Laporan bulanan belum dikirim" }).waitFor();

    // back to what needs attention; the uncertain one warns of a second copy before it goes again
    await page.goto("/notifications/outbox");
    await uncertain.getByText("Kirim ulang", { exact: true }).first().click();
    await uncertain.getByText(/MUNGKIN SUDAH DITERIMA.*dua salinan/).waitFor();
    await uncertain.getByLabel("Saya mengerti dan tetap ingin mengirim ulang email ini").check();
    await uncertain.getByRole("button", { name: "Kirim ulang" }).click();
    await page.getByText("Email dimasukkan lagi ke antrean dan akan dikirim dalam beberapa saat.").waitFor();
    const again = page.getByTestId("outbox-row").filter({ hasText: "Ringkasan verifikasi · IPSM Kota Uji" });
    await again.getByText("Menunggu", { exact: true }).waitFor();
  });
});
