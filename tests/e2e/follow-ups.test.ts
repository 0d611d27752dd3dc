// A case referred on and closed from the browser: the Ketua lets follow-ups keep a NIK/KK, logs a
// referral with one (a wrong number is explained and the form kept), sees it masked and reveals it
// (audited), then a later activity closes the follow-up and the list shows it done. Runs in the
// browser suite's own chapter (tests/setup/e2e-fixtures.ts) so the demo data stay as they are.
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
  await logIn(page, "ketua@uji.test", "demo-ipsm-2026");
  await page.getByRole("heading", { level: 1, name: /^Halo, / }).waitFor();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function fillActivity(type: string) {
  await page.goto("/activities/new");
  await page.getByRole("heading", { level: 1, name: "Catat kegiatan" }).waitFor();
  await page.getByLabel("atau lama kegiatan (menit)").fill("60");
  await page.getByLabel("Jenis kegiatan").selectOption({ label: type });
  await page.getByLabel("Cari kelurahan atau kecamatan").fill("benuamelayu");
  await page.getByLabel("Kelurahan/desa", { exact: true }).selectOption({ label: "Benua Melayu Laut" });
}

describe("a follow-up from referral to closing", () => {
  it("keeps a NIK/KK masked, reveals it to the Ketua, and is closed by a later activity", async () => {
    await page.goto("/activities/settings");
    await page.getByLabel(/Simpan NIK\/KK warga/).check();
    await page.getByRole("button", { name: "Simpan aturan" }).click();
    await page.getByText("Pengaturan kegiatan disimpan.").waitFor();

    await fillActivity("Pendampingan dan rujukan");
    await page.getByText("Perlu tindak lanjut / rujukan").click();
    await page.getByLabel("Dirujuk ke (lembaga)").fill("Panti Sosial Tresna Werdha");
    await page.getByLabel("Keterangan (tanpa nama warga)").fill("Lansia tinggal sendiri");
    await page.getByLabel("NIK/KK warga (bila perlu, 16 angka)").fill("6171 0101");
    await page.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    await page.getByText("NIK/KK terdiri dari 16 angka.").waitFor();
    expect(await page.getByLabel("Dirujuk ke (lembaga)").inputValue()).toBe("Panti Sosial Tresna Werdha");
    await page.getByLabel("NIK/KK warga (bila perlu, 16 angka)").fill("6171010101010003");
    await page.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    await page.getByText("Kegiatan dikirim untuk verifikasi.").waitFor();
    const opened = page.getByTestId("follow-ups-opened");
    expect(await opened.innerText()).toContain("6171********0003");
    expect(await page.content()).not.toContain("6171010101010003");

    await opened.getByRole("link", { name: /Panti Sosial Tresna Werdha/ }).click();
    await page.getByTestId("case-identifier").waitFor();
    expect(await page.getByTestId("case-identifier").innerText()).toContain("6171********0003");
    await page.getByRole("link", { name: "Tampilkan NIK/KK lengkap" }).click();
    await page.getByText("NIK/KK: 6171010101010003").waitFor();

    await fillActivity("Kunjungan rumah / validasi data PPKS");
    await page.getByText("Memperbarui tindak lanjut sebelumnya").click();
    const choice = page.getByLabel("Tindak lanjut", { exact: true });
    const value = await choice.locator("option", { hasText: "Panti Sosial Tresna Werdha: Lansia tinggal sendiri" }).getAttribute("value");
    await choice.selectOption(value!);
    await page.getByLabel("Status sekarang").selectOption({ label: "Selesai" });
    await page.getByLabel("Catatan (tanpa nama warga)").fill("Sudah diterima di panti");
    await page.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    await page.getByText("Kegiatan dikirim untuk verifikasi.").waitFor();
    expect(await page.getByTestId("follow-up-updates").innerText()).toContain("Selesai");

    await page.goto("/activities/follow-ups?status=selesai");
    const list = page.getByTestId("follow-ups");
    expect(await list.innerText()).toContain("Panti Sosial Tresna Werdha");
    expect(await list.innerText()).toContain("Sudah diterima di panti");
    await page.goto("/activities/follow-ups");
    expect(await page.getByTestId("follow-up-count").innerText()).toBe("0 tindak lanjut");
  });
});
