// The safety net of the split catalogue (docs/decisions/028) works: a raw key in a page's text or
// in an aria-label is seen by the watcher every browser context gets (tests/support/browser.ts).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, phoneContext, takeRawCatalogueKeys } from "../support/browser";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("raw catalogue keys", () => {
  it("are reported when a page shows one", async () => {
    const context = await phoneContext(browser, baseURL);
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByRole("button", { name: "Masuk" }).waitFor();
    expect(takeRawCatalogueKeys()).toEqual([]);
    await page.evaluate(() => {
      const text = document.createElement("p");
      text.textContent = "activities.form.title";
      const button = document.createElement("button");
      button.setAttribute("aria-label", "Hapus: nav.members");
      document.body.append(text, button);
    });
    const seen: string[] = [];
    await expect
      .poll(
        () => {
          seen.push(...takeRawCatalogueKeys());
          return seen.length;
        },
        { timeout: 5_000 },
      )
      .toBe(2);
    expect(seen.sort()).toEqual(["/login: activities.form.title", "/login: nav.members"]);
    await context.close();
  });
});
