// A file link that cannot be served (a photo, a scan, a card) opens the portal's Indonesian error
// page in the browser, styled like the portal, never a bare English "Not Found". Real Chromium
// against the real built server.
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

describe("a file link that cannot be served", () => {
  for (const url of [
    "/members/tidak-ada/photo.jpg",
    "/trainings/certificates/tidak-ada/file",
    "/leadership/tidak-ada/structure.pdf",
    "/members/tidak-ada/photo",
  ]) {
    it(`opens the Indonesian error page: ${url}`, async () => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" }).waitFor();
      await page.getByText("Kode 404").waitFor();
      const text = await page.locator("body").innerText();
      expect(text).not.toMatch(/Not Found/);
      // Styled like the portal: the stylesheet loaded and the way back is a button.
      const link = page.getByRole("link", { name: "Kembali ke dasbor" });
      expect(await link.evaluate((a) => getComputedStyle(a).display)).toBe("inline-block");
      await link.click();
      await page.getByRole("heading", { level: 1, name: "Halo, Muhammad Rizal Pratama" }).waitFor();
    });
  }
});
