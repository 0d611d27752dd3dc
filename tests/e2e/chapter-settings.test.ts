// The administrator sets the chapter's logo on a phone (360 px): a wrong file is refused with a
// reason, a PNG is kept and shown, and can be removed again.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
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

describe("the chapter's logo", () => {
  it("refuses a text file, keeps a PNG and shows it, then removes it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ipsm-logo-"));
    const bad = path.join(dir, "logo.png");
    writeFileSync(bad, "bukan gambar");
    const good = path.join(dir, "logo-ipsm.png");
    writeFileSync(
      good,
      await sharp({ create: { width: 300, height: 300, channels: 4, background: { r: 11, g: 93, b: 122, alpha: 1 } } })
        .png()
        .toBuffer(),
    );

    await logIn(page, "admin@demo.ipsm.id", "demo-ipsm-2026");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto("/chapter");
    await page.getByRole("heading", { level: 1, name: "Logo dan tanda tangan" }).waitFor();
    await page.getByLabel("Pilih berkas logo").setInputFiles(bad);
    await page.getByRole("button", { name: "Unggah" }).first().click();
    await page.getByText("Berkas gambar tidak dapat dibaca.", { exact: false }).waitFor();

    await page.getByLabel("Pilih berkas logo").setInputFiles(good);
    await page.getByRole("button", { name: "Unggah" }).first().click();
    await page.getByText("Logo tersimpan.").waitFor();
    const logo = page.getByRole("img", { name: "Logo IPSM" });
    await logo.waitFor();
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    await page.getByRole("button", { name: "Hapus logo" }).click();
    await page.getByText("Logo dihapus.").waitFor();
    await page.getByTestId("logo-state").waitFor();
  });
});
