// On a 360 px phone a volunteer names a co-volunteer by typing two letters of her name and
// tapping the match (the form never holds the chapter's member list); the activity page shows
// her. On the edit page the chip is there; without signal the search says so and the recent
// co-volunteers still work.
import type { Browser, BrowserContext, Page } from "playwright-core";
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

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("choosing a co-volunteer", () => {
  it("is two letters and a tap on a phone, kept on the edit page, and works from the recent ones without signal", async () => {
    context = await phoneContext(browser, baseURL);
    const page = await context.newPage();
    await logIn(page, "relawan@demo.ipsm.id", "demo-ipsm-2026");
    await page.getByRole("heading", { level: 1, name: /^Halo, / }).waitFor();
    await page.goto("/activities/new");
    await page.getByRole("heading", { level: 1, name: "Catat kegiatan" }).waitFor();
    // the form no longer carries the chapter's members
    expect(await page.locator('select[name="coVolunteers"]').count()).toBe(0);

    await page.getByLabel("atau lama kegiatan (menit)").fill("45");
    await page.getByLabel("Jenis kegiatan").selectOption({ label: "Kunjungan rumah / validasi data PPKS" });
    await page.getByLabel("Jumlah rumah tangga (KK) yang dijangkau").fill("1");

    const search = page.getByLabel("Rekan relawan");
    await search.pressSequentially("li", { delay: 50 });
    const results = page.getByRole("list", { name: "Hasil pencarian rekan" });
    const match = results.getByRole("button", { name: /^Lim Mei Hua/ });
    await match.waitFor();
    // a large target, in view on a 360 px screen
    const box = (await match.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await match.click();
    const chosen = page.getByRole("list", { name: "Rekan yang dipilih" });
    await chosen.getByText("Lim Mei Hua").waitFor();
    expect(await search.inputValue()).toBe("");
    expect(await results.count()).toBe(0);

    await page.getByRole("button", { name: "Simpan draf" }).click();
    await page.getByText("Kegiatan disimpan sebagai draf.").waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/activities\/\w+$/);
    await page.getByText("Bersama Lim Mei Hua").waitFor();

    // The edit page shows the chip; removed, then put back from the recent ones without signal.
    await page.getByRole("link", { name: "Ubah" }).click();
    await page.getByRole("heading", { level: 1, name: "Ubah kegiatan" }).waitFor();
    await chosen.getByText("Lim Mei Hua").waitFor();
    await page.getByRole("button", { name: "Hapus Lim Mei Hua" }).click();
    expect(await chosen.count()).toBe(0);
    await context.setOffline(true);
    await search.fill("ro");
    await page.getByText("Pencarian rekan butuh sinyal; pilih dari rekan terakhir").waitFor();
    await page.getByRole("button", { name: "Tambahkan Lim Mei Hua" }).click();
    await chosen.getByText("Lim Mei Hua").waitFor();
    await context.setOffline(false);
    // keyboard: Enter in the search box goes to the first match, Enter there adds it
    await search.fill("");
    await search.pressSequentially("hj", { delay: 50 });
    await results.getByRole("button", { name: /^Hj\. Rosnani Abdullah/ }).waitFor();
    await search.press("Enter");
    await page.keyboard.press("Enter");
    await chosen.getByText("Hj. Rosnani Abdullah").waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("search");
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole("button", { name: "Simpan draf" }).click();
    await page.getByText("Kegiatan disimpan sebagai draf.").waitFor();
    await page.getByText(/Bersama (Lim Mei Hua, Hj\. Rosnani Abdullah|Hj\. Rosnani Abdullah, Lim Mei Hua)/).waitFor();
  });
});
