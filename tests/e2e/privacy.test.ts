// The privacy notice is one tap away on every page, signed in or not, and reads well on a
// 360 px phone (docs/privacy.md).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, logIn, phoneContext } from "../support/browser";

const baseURL = inject("baseURL");
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await phoneContext(browser, baseURL);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function footerLeadsToNotice() {
  await page.getByRole("contentinfo").getByRole("link", { name: "Pemberitahuan privasi" }).click();
  await page.getByRole("heading", { level: 1, name: "Pemberitahuan privasi" }).waitFor();
  const notice = page.getByTestId("privacy-notice");
  for (const section of ["Data yang kami simpan", "Untuk apa", "Siapa yang melihat apa", "Berapa lama", "Hak Anda"]) {
    await notice.getByRole("heading", { name: section }).waitFor();
  }
  expect(await notice.innerText()).toContain("Dinas Sosial menerima angka rekapitulasi dalam laporan, tidak pernah nama atau NIK warga");
  expect(await noSideways()).toBeLessThanOrEqual(0);
}

describe("the privacy notice", () => {
  it("is linked from the footer of the public pages and of every page after sign-in", async () => {
    await page.goto("/login");
    await footerLeadsToNotice();
    await page.goto("/apply");
    await footerLeadsToNotice();
    await logIn(page, "relawan@demo.ipsm.id", "demo-ipsm-2026");
    await page.waitForURL((url) => url.pathname === "/");
    await footerLeadsToNotice();
    await page.goto("/activities");
    await footerLeadsToNotice();
  });
});
