// "Unduh data saya" (issue 17): the demo volunteer opens "Profil saya" on a phone (360 px) and
// downloads everything the portal holds about them as JSON, under a file name with their name.
import { readFile } from "node:fs/promises";
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

describe("downloading one's own data", () => {
  it("gives the volunteer their data as JSON from the profile page", async () => {
    await logIn(page, "relawan@demo.ipsm.id", "demo-ipsm-2026");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto("/profile");
    await page.getByRole("heading", { level: 2, name: "Unduh data saya" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh JSON" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^data-saya-utin-nurhasanah-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile(await download.path(), "utf8")) as {
      account: { email: string };
      member: { record: { fullName: string; nik: string } } | null;
    };
    expect(data.account.email).toBe("relawan@demo.ipsm.id");
    expect(data.member?.record.fullName).toBe("Utin Nurhasanah");
    expect(data.member?.record.nik).toMatch(/^\d{16}$/);
  });
});
