// A prospective PSM applies from a phone (360 px) at /apply, with the privacy notice and the
// consent tick; the demo Sekretaris finds the application in the queue and accepts it, and the
// applicant is a candidate member.
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

describe("applying to become a PSM", () => {
  it("takes the application on a phone and the Sekretaris accepts it as a candidate", async () => {
    await page.goto("/login");
    await page.getByRole("link", { name: "Daftar menjadi PSM" }).click();
    await page.getByRole("link", { name: "IPSM Kota Pontianak", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Daftar menjadi PSM" }).waitFor();

    await page.getByLabel("Nama lengkap").fill("Dewi Ma'rifah");
    await page.getByLabel("NIK").fill("3171015708900004");
    await page.getByLabel("Jenis kelamin").selectOption("P");
    await page.getByLabel("Tanggal lahir").fill("1990-08-17");
    await page.getByLabel("Nomor HP").fill("0857 2222 3333");
    await page.getByLabel("Alamat").fill("Gg. Purnama 3 No. 1");
    await page.getByLabel("Cari kelurahan atau kecamatan").fill("akcaya");
    await page.getByLabel("Kelurahan/desa", { exact: true }).selectOption({ label: "Akcaya" });
    await page.getByLabel("Mengapa Anda ingin menjadi PSM?").fill("Saya ingin membantu warga lansia di lingkungan saya.");
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    // Without the consent tick nothing is sent.
    await page.getByText("Centang persetujuan untuk mengirim pendaftaran.").waitFor();
    await page.getByLabel("Saya sudah membaca pemberitahuan privasi", { exact: false }).check();
    expect(await noSideways()).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    await page.getByTestId("apply-done").waitFor();

    await logIn(page, "sekretaris@demo.ipsm.id", "demo-ipsm-2026");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto("/members");
    await page.getByRole("link", { name: /^Pendaftaran masuk \(\d+\)$/ }).click();
    const card = page.locator("[data-testid=applications] li", { hasText: "Dewi Ma'rifah" });
    await card.getByText("Saya ingin membantu warga lansia di lingkungan saya.").waitFor();
    expect(await noSideways()).toBeLessThanOrEqual(0);
    await card.getByRole("button", { name: "Terima sebagai calon" }).click();
    await page.getByRole("heading", { level: 1, name: "Dewi Ma'rifah" }).waitFor();
    await page.getByText("Dewi Ma'rifah dicatat sebagai anggota calon.").waitFor();
  });
});
