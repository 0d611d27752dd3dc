// Issue 18 ("phone-first"): at 360 px every list shows its key columns as stacked cards, each value
// labelled and in view, and the page never scrolls sideways. The board's activity list carries
// the phone's location (accuracy and an OpenStreetMap link, or "Tanpa lokasi").
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, signedInPhone } from "../support/browser";

const baseURL = inject("baseURL");
const WIDTH = 360;
const DATE = /\d{2}\/\d{2}\/\d{4}/;
const ANY = /\S/;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function signedIn(email: string): Promise<Page> {
  const { context, page } = await signedInPhone(browser, baseURL, email);
  contexts.push(context);
  return page;
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(WIDTH);
}

/**
 * The row is a card: for each label, the cell carrying it shows the label (the table's header row
 * is hidden on a phone) and the value, both inside the 360 px screen.
 */
async function expectCard(row: Locator, expected: Record<string, string | RegExp>) {
  await row.scrollIntoViewIfNeeded();
  for (const [label, value] of Object.entries(expected)) {
    const cell = row.locator(`td[data-label="${label}"]`);
    expect(await cell.count(), label).toBe(1);
    const text = await cell.innerText();
    if (typeof value === "string") expect(text, label).toContain(value);
    else expect(text, label).toMatch(value);
    expect(await cell.evaluate((td) => getComputedStyle(td, "::before").content), label).toBe(JSON.stringify(label));
    expect(await cell.isVisible(), label).toBe(true);
    const box = (await cell.boundingBox())!;
    expect(box.x, label).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, label).toBeLessThanOrEqual(WIDTH);
  }
}

describe("lists on a 360 px phone", () => {
  it("show the board's members, follow-ups, programmes, ledger, board, trainings and reports as labelled cards", async () => {
    const ketua = await signedIn("ketua@demo.ipsm.id");

    await ketua.goto("/members?q=Utin");
    await noSidewaysScroll(ketua);
    await expectCard(ketua.getByRole("row").filter({ has: ketua.getByRole("link", { name: "Utin Nurhasanah" }) }), {
      Nama: "Utin Nurhasanah",
      "Nomor anggota": ANY,
      NIK: /\*{8}/,
      Kelurahan: ANY,
      Status: "Aktif",
      "Tanggal bergabung": "10/06/2021",
    });

    await ketua.goto("/activities/follow-ups");
    await noSidewaysScroll(ketua);
    await expectCard(ketua.getByTestId("follow-ups").locator("tbody tr").first(), {
      Dibuka: DATE,
      "Dirujuk ke": /Rumah Singgah|BPJS|Panti/,
      Status: ANY,
      "Terakhir diperbarui": ANY,
    });

    await ketua.goto("/programmes");
    await noSidewaysScroll(ketua);
    const programme = ketua.getByRole("link", { name: "Bedah Rumah Tidak Layak Huni" });
    await expectCard(ketua.getByTestId("programmes").getByRole("row").filter({ has: programme }), {
      Program: "Bedah Rumah Tidak Layak Huni",
      Periode: DATE,
      "Mitra / sumber dana": "PT Borneo Energi Nusantara",
      Status: ANY,
      Anggaran: /^Rp/,
      Realisasi: /^Rp/,
    });
    const programmeUrl = await programme.getAttribute("href");
    await ketua.goto(`${programmeUrl}/money`);
    await noSidewaysScroll(ketua);
    await expectCard(ketua.getByTestId("ledger").getByRole("row").filter({ hasText: "Bahan bangunan 6 rumah" }), {
      Tanggal: DATE,
      Jenis: ANY,
      Uraian: "Bahan bangunan 6 rumah",
      "Jumlah (Rp)": "Rp54.000.000",
      Status: ANY,
    });
    // the net total under the ledger is in view too
    const total = (await ketua.getByTestId("ledger").locator("tfoot").boundingBox())!;
    expect(total.x + total.width).toBeLessThanOrEqual(WIDTH);

    await ketua.goto("/leadership");
    await noSidewaysScroll(ketua);
    await expectCard(ketua.getByTestId("composition").getByRole("row").filter({ hasText: "Hj. Rosnani Abdullah" }), {
      Jabatan: "Ketua",
      Nama: "Hj. Rosnani Abdullah",
      "No. anggota": ANY,
      Mulai: DATE,
    });
    await expectCard(ketua.getByTestId("periods").getByRole("row").filter({ hasText: "Periode 2026-2031" }), {
      Periode: "Periode 2026-2031",
      "Masa bakti": DATE,
      SK: ANY,
      Status: ANY,
      "Jabatan terisi": /\d/,
    });

    await ketua.goto("/trainings");
    await noSidewaysScroll(ketua);
    await expectCard(ketua.getByTestId("past-events").locator("tbody tr").first(), {
      Pelatihan: ANY,
      Tanggal: DATE,
      Tempat: ANY,
      Peserta: /\d/,
    });

    await ketua.goto("/reports");
    await noSidewaysScroll(ketua);
    await expectCard(ketua.getByTestId("reports").locator("tbody tr").last(), { Periode: ANY, Nomor: ANY, Status: ANY });

    // Lists that were already cards stay within the screen.
    await ketua.goto("/audit");
    await noSidewaysScroll(ketua);
    const entry = (await ketua.getByTestId("audit-entry").first().boundingBox())!;
    expect(entry.x + entry.width).toBeLessThanOrEqual(WIDTH);
  });

  it("show the administrator's chapters and accounts within the screen", async () => {
    const admin = await signedIn("admin@demo.ipsm.id");
    await admin.goto("/chapters");
    await noSidewaysScroll(admin);
    await expectCard(admin.locator('tr[data-code="PTK"]'), {
      Nama: "IPSM Kota Pontianak",
      Tingkat: ANY,
      Wilayah: ANY,
      "Anggota (aktif)": /\d/,
      Status: ANY,
    });
    await admin.goto("/accounts");
    await noSidewaysScroll(admin);
    const account = (await admin.locator('[data-email="ketua@demo.ipsm.id"]').boundingBox())!;
    expect(account.x + account.width).toBeLessThanOrEqual(WIDTH);
  });

  it("give the board's activity list a Lokasi column: accuracy and an OpenStreetMap link, or 'Tanpa lokasi'", async () => {
    const ketua = await signedIn("ketua@demo.ipsm.id");
    // Two drafts of the Ketua's own (a draft waits for no one): one with the phone's location.
    const logDraft = async (located: boolean) => {
      await ketua.goto("/activities/new");
      await ketua.getByRole("heading", { level: 1, name: "Catat kegiatan" }).waitFor();
      await ketua.getByLabel("Jam mulai").fill("08:00");
      await ketua.getByLabel("Jam selesai").fill("09:00");
      await ketua.getByLabel("Jenis kegiatan").selectOption({ label: "Kunjungan rumah / validasi data PPKS" });
      await ketua.getByLabel("Cari kelurahan atau kecamatan").fill("tengah");
      await ketua.getByLabel("Kelurahan/desa", { exact: true }).selectOption({ label: "Tengah" });
      await ketua.getByText("8. Lanjut Usia Terlantar").click();
      await ketua.getByLabel("Perempuan: Lanjut Usia Terlantar").fill("1");
      await ketua.getByLabel("Jumlah rumah tangga (KK) yang dijangkau").fill("1");
      if (located) {
        await ketua.context().grantPermissions(["geolocation"], { origin: baseURL });
        await ketua.context().setGeolocation({ latitude: -0.026312, longitude: 109.342503, accuracy: 12 });
        await ketua.getByRole("button", { name: "Gunakan lokasi saya" }).click();
        await ketua.getByText("Lokasi dari ponsel tersimpan.").waitFor();
      }
      await ketua.getByRole("button", { name: "Simpan draf" }).click();
      await ketua.getByText("Kegiatan disimpan sebagai draf.").waitFor();
      return new URL(ketua.url()).pathname;
    };
    const withLocation = await logDraft(true);
    const without = await logDraft(false);
    expect(withLocation).toMatch(/^\/activities\/\w+$/);
    expect(without).toMatch(/^\/activities\/\w+$/);

    await ketua.goto("/activities");
    await noSidewaysScroll(ketua);
    const board = ketua.locator("section").filter({ has: ketua.getByRole("heading", { name: "Semua kegiatan" }) });
    const rowOf = (url: string) => board.getByRole("row").filter({ has: ketua.locator(`a[href="${url}"]`) });
    await expectCard(rowOf(withLocation), { Tanggal: DATE, Relawan: "Hj. Rosnani Abdullah", Status: "Draf", Lokasi: "± 12 m" });
    const map = rowOf(withLocation).getByRole("link", { name: "Peta" });
    expect(await map.getAttribute("href")).toBe(
      "https://www.openstreetmap.org/?mlat=-0.026312&mlon=109.342503#map=18/-0.026312/109.342503",
    );
    const mapBox = (await map.boundingBox())!;
    expect(mapBox.x + mapBox.width).toBeLessThanOrEqual(WIDTH);
    await expectCard(rowOf(without), { Lokasi: "Tanpa lokasi" });
    // The Ketua's own list (above) does not carry the column.
    const own = ketua.locator("section").filter({ has: ketua.getByRole("heading", { name: "Kegiatan saya" }) });
    expect(await own.locator('td[data-label="Lokasi"]').count()).toBe(0);
  });
});
