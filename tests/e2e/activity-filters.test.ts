// The board's activity filters at a desk (1280 x 800) and on a phone (360 x 740): every filter
// select is wide enough to read its choice (at least 120 px), never squashed to its arrow.
// Screenshots are kept in TEST_TMP_DIR (or /tmp) for a person to look at.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, logIn } from "../support/browser";

const baseURL = inject("baseURL");
const shots = process.env.TEST_TMP_DIR ?? "/tmp";
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the board's activity filters", () => {
  for (const [width, height, min] of [
    [1280, 800, 120],
    [360, 740, 120],
  ] as const) {
    it(`are usable at ${width} px`, async () => {
      const context = await browser.newContext({
        baseURL,
        viewport: { width, height },
        locale: "id-ID",
      });
      try {
        const page = await context.newPage();
        await logIn(page, "ketua@demo.ipsm.id", "demo-ipsm-2026");
        await page.getByRole("heading", { level: 1, name: /^Halo, / }).waitFor();
        await page.goto("/activities");
        const filters = page.getByTestId("activity-filters");
        await filters.waitFor();
        await filters.screenshot({
          path: `${shots}/activity-filters-${width}.png`,
        });
        const selects = filters.locator("select");
        expect(await selects.count()).toBeGreaterThanOrEqual(4);
        for (const select of await selects.all()) {
          const box = (await select.boundingBox())!;
          const name = await select.getAttribute("name");
          expect(box.width, `${name} at ${width} px`).toBeGreaterThanOrEqual(min);
          // inside the page: nothing runs off to the right
          expect(box.x + box.width, `${name} at ${width} px`).toBeLessThanOrEqual(width);
        }
      } finally {
        await context.close();
      }
    });
  }
});
