// The board keeps the registry from the browser (a phone, 360 px).
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

async function fillMember(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
}

describe("adding a member", () => {
  it("explains mistakes beside the fields, keeps the input, then saves with a member number", async () => {
    await page.goto("/members");
    await page.getByRole("link", { name: "Tambah anggota" }).click();
    await page.getByRole("heading", { level: 1, name: "Tambah anggota" }).waitFor();
    await fillMember({
      "Nama lengkap": "Nurul Hidayah",
      NIK: "61710162039",
      "Tanggal lahir": "1993-03-22",
      "Nomor HP": "0857 1234 5678",
      Alamat: "Gg. Purnama 2 No. 7",
    });
    await page.getByLabel("Jenis kelamin").selectOption("P");
    await page.getByLabel("Cari kelurahan atau kecamatan").fill("akcaya");
    await page.getByLabel("Kelurahan/desa", { exact: true }).selectOption({ label: "Akcaya" });
    await page.getByRole("button", { name: "Simpan anggota" }).click();
    await page.getByText("NIK harus 16 angka.").waitFor();
    expect(await page.getByLabel("Nama lengkap").inputValue()).toBe("Nurul Hidayah");

    // A woman born 22/03/1993 in Pontianak Selatan (61.71.01): day 22 + 40 = 62.
    await page.getByLabel("NIK", { exact: true }).fill("6171016203930007");
    await page.getByRole("button", { name: "Simpan anggota" }).click();
    await page.getByRole("heading", { level: 1, name: "Nurul Hidayah" }).waitFor();
    await expect(page.getByRole("status").textContent()).resolves.toMatch(/Anggota Nurul Hidayah tersimpan dengan nomor PTK-2026-\d{4}\./);
    await expect(page.getByTestId("member-nik").textContent()).resolves.toBe("6171********0007");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // The same NIK again is refused with a link to the member already registered.
    await page.goto("/members/new");
    await fillMember({ "Nama lengkap": "Nurul H.", NIK: "6171016203930007", "Tanggal lahir": "1993-03-22", Alamat: "Jl. Lain" });
    await page.getByLabel("Jenis kelamin").selectOption("P");
    await page.getByLabel("Kelurahan/desa", { exact: true }).selectOption({ label: "Akcaya" });
    await page.getByRole("button", { name: "Simpan anggota" }).click();
    await page.getByRole("link", { name: "Lihat data anggota yang sudah terdaftar" }).click();
    await page.getByRole("heading", { level: 1, name: "Nurul Hidayah" }).waitFor();
  });

  it("edits a member's data and shows what changed in the history", async () => {
    await page.goto("/members?q=Nurul");
    await page.getByRole("link", { name: "Nurul Hidayah" }).click();
    await page.getByRole("link", { name: "Ubah data" }).click();
    await page.getByRole("heading", { level: 1, name: "Ubah data Nurul Hidayah" }).waitFor();
    expect(await page.getByLabel("NIK", { exact: true }).inputValue()).toBe("6171016203930007");
    await page.getByLabel("Alamat").fill("Gg. Purnama 2 No. 9");
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await page.getByText("Perubahan data Nurul Hidayah tersimpan.").waitFor();
    await page.getByText("Alamat: Gg. Purnama 2 No. 7 → Gg. Purnama 2 No. 9").waitFor();
  });

  it("changes a status with a reason and shows it in the history", async () => {
    await page.goto("/members?q=Nurul");
    await page.getByRole("link", { name: "Nurul Hidayah" }).click();
    await page.getByRole("heading", { level: 1, name: "Nurul Hidayah" }).waitFor();
    await page.getByLabel("Status", { exact: true }).selectOption("aktif");
    await page.getByLabel("Alasan").fill("Lulus bimtek dasar");
    await page.getByRole("button", { name: "Simpan status" }).click();
    await page.getByText("Status Nurul Hidayah diubah menjadi Aktif.").waitFor();
    await page.getByText("Alasan: Lulus bimtek dasar").waitFor();
  });

  it("pages, filters and sorts the list on the server", async () => {
    await page.goto("/members");
    await expect(page.getByTestId("members-count").textContent()).resolves.toMatch(/^12\d anggota$/);
    expect(await page.locator("tbody tr").count()).toBe(50);
    await page.getByRole("link", { name: "Berikutnya" }).click();
    await page.getByText("Halaman 2 dari 3").first().waitFor();
    await page.goto("/members?status=calon");
    const statuses = await page.locator("tbody tr td:nth-child(5)").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["Calon"]));
  });
});

describe("member cards", () => {
  it("prints a member's card and checks it on the public page, then revokes it", async () => {
    await page.goto("/members?q=Utin");
    await page.getByRole("link", { name: "Utin Nurhasanah" }).click();
    await page.getByRole("heading", { level: 1, name: "Utin Nurhasanah" }).waitFor();
    await page.getByRole("button", { name: "Terbitkan kartu baru" }).click();
    await page.getByText("Kartu anggota baru diterbitkan.").waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Cetak kartu (PDF)" }).click()]);
    const { readFile } = await import("node:fs/promises");
    const { pdfText } = await import("../support/pdf-text");
    const { text } = await pdfText(new Uint8Array(await readFile(await download.path())));
    expect(text).toContain("Utin Nurhasanah");
    expect(text).toMatch(/PTK-\d{4}-\d{4}/);

    const verifyHref = await page.getByRole("link", { name: "Buka halaman verifikasi kartu ini" }).getAttribute("href");
    expect(verifyHref).toMatch(/^\/verify\/[A-Za-z0-9_-]{22}$/);

    // Anyone, without logging in, can check the printed card.
    const visitor = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
    const publicPage = await visitor.newPage();
    await publicPage.goto(verifyHref!);
    await publicPage.getByRole("heading", { level: 1, name: "KARTU SAH" }).waitFor();
    const shown = await publicPage.getByTestId("verify-result").textContent();
    expect(shown).toContain("Utin Nurhasanah");
    expect(shown).toContain("IPSM Kota Pontianak");
    expect(shown).not.toMatch(/\d{16}/);

    await page.getByLabel("Alasan pencabutan").fill("Kartu hilang");
    await page.getByRole("button", { name: "Cabut kartu" }).click();
    await page.getByText("Kartu anggota dicabut.").waitFor();
    await publicPage.reload();
    await publicPage.getByRole("heading", { level: 1, name: "KARTU DICABUT" }).waitFor();

    const unknown = await publicPage.goto("/verify/kode-yang-tidak-pernah-ada");
    expect(unknown?.status()).toBe(404);
    await publicPage.getByText("Kode verifikasi ini tidak dikenal.", { exact: false }).waitFor();
    await visitor.close();
  });
});

describe("importing members", () => {
  it("shows a bad row with its reason and saves nothing, then imports the corrected file", async () => {
    const header =
      "Nama Lengkap;NIK;Jenis Kelamin (L/P);Tanggal Lahir (DD/MM/YYYY);No. HP;Alamat;Kecamatan;Kelurahan/Desa;Tanggal Bergabung (DD/MM/YYYY);Status (Calon/Aktif)";
    const good =
      "Fitri Handayani;6171044405940002;P;04/05/1994;081377788899;Jl. Budi Karya 3;Pontianak Utara;Siantan Hulu;20/01/2026;Aktif";
    const bad = "Hendra Salah;6171041505940001;L;16/05/1994;;Jl. Khatulistiwa 9;Pontianak Utara;Siantan Hulu;20/01/2026;Aktif";
    const fixed = bad.replace("16/05/1994", "15/05/1994").replace("Hendra Salah", "Hendra Benar");

    await page.goto("/members");
    await page.getByText("Unduh, cetak, impor").click();
    await page.getByRole("link", { name: "Impor dari Excel/CSV" }).click();
    await page.getByRole("heading", { level: 1, name: "Impor anggota" }).waitFor();
    await page.getByLabel("Berkas daftar anggota").setInputFiles({
      name: "anggota.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${header}\n${good}\n${bad}\n`, "utf8"),
    });
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    await page.getByTestId("import-reject").waitFor();
    await expect(page.getByTestId("import-reject").textContent()).resolves.toContain("1");
    await expect(page.getByTestId("import-create").textContent()).resolves.toContain("1");
    await expect(page.getByTestId("import-row-3").textContent()).resolves.toContain("Tanggal lahir pada NIK tidak cocok");
    await page.getByText("Tidak ada data yang disimpan", { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: /Simpan semua/ }).count()).toBe(0);

    await page.goto("/members/import");
    await page.getByLabel("Berkas daftar anggota").setInputFiles({
      name: "anggota-perbaikan.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${header}\n${good}\n${fixed}\n`, "utf8"),
    });
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    await page.getByRole("button", { name: "Simpan semua (2 baris)" }).click();
    await page.getByText("Impor selesai: 2 anggota ditambahkan, 0 diperbarui.").waitFor();
    await page.goto("/members?q=Hendra");
    await page.getByRole("link", { name: "Hendra Benar" }).waitFor();
    expect(await page.getByRole("link", { name: "Hendra Salah" }).count()).toBe(0);
  });
});
