// A CSR programme from the partner to its report: the Ketua records a partner and its PKS,
// creates a programme (a negative budget is explained and the form kept), records money received
// and spent; a volunteer assigned to it logs an activity under it on a phone; the Ketua verifies
// the activity, sees the target move, and downloads the programme report whose figures match
// the page.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays, calendarToday } from "~/utils/dates";
import { toDateInput } from "~/validation/fields";
import { launchBrowser, logIn, phoneContext } from "../support/browser";
import { pdfText } from "../support/pdf-text";

const baseURL = inject("baseURL");
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function signedIn(email: string, phone = false): Promise<Page> {
  const context = phone
    ? await phoneContext(browser, baseURL)
    : await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await logIn(page, email, "demo-ipsm-2026");
  await page.getByRole("heading", { level: 1, name: /^Halo, / }).waitFor();
  return page;
}

async function chooseOption(page: Page, label: string, text: string) {
  const select = page.getByLabel(label, { exact: true }).first();
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  if (!value) throw new Error(`No option "${text}" in ${label}`);
  await select.selectOption(value);
}

const today = calendarToday("Asia/Jakarta");
const day = (offset: number) => toDateInput(addDays(today, offset));
const PROGRAMME = "Program Uji Paket Lansia";
const PARTNER = "PT Uji Peduli Sosial";

describe("a CSR programme", () => {
  it("goes from partner and money to a verified activity and a report that matches the page", async () => {
    const ketua = await signedIn("ketua@demo.ipsm.id");

    // The partner and its agreement.
    await ketua.goto("/programmes/partners");
    const partnerForm = ketua.getByRole("form", { name: "Simpan mitra" });
    await partnerForm.getByLabel("Nama perusahaan / lembaga").fill(PARTNER);
    await partnerForm.getByLabel("Sektor usaha").fill("Ritel");
    await partnerForm.getByRole("button", { name: "Simpan mitra" }).click();
    await ketua.getByText(`Mitra ${PARTNER} ditambahkan.`).waitFor();
    const agreement = ketua.getByRole("form", { name: "Tambah perjanjian" });
    await agreement.getByLabel("Nomor perjanjian").fill("PKS.001/UJI/2026");
    await agreement.getByLabel("Tanggal ditandatangani").fill(day(-10));
    await agreement.getByLabel("Tanggal mulai").fill(day(-10));
    await agreement.getByLabel("Tanggal berakhir").fill(day(365));
    await agreement.getByRole("button", { name: "Tambah perjanjian" }).click();
    await ketua.getByText("Perjanjian dicatat.").waitFor();

    // The programme: a negative budget is explained, the rest of the form is kept.
    await ketua.goto("/programmes");
    await ketua.getByRole("link", { name: "Tambah program" }).click();
    await ketua.getByRole("heading", { level: 1, name: "Tambah program" }).waitFor();
    await ketua.getByLabel("Nama program").fill(PROGRAMME);
    await ketua.getByLabel("Tujuan").fill("Paket kebutuhan pokok bagi lansia terlantar.");
    await ketua.getByLabel("Tanggal mulai").fill(day(-5));
    await ketua.getByLabel("Tanggal berakhir").fill(day(30));
    await ketua.getByLabel("Anggaran (Rp)").fill("-10000000");
    await chooseOption(ketua, "Koordinator (pengurus)", "Hj. Rosnani Abdullah");
    await chooseOption(ketua, "Mitra 1", PARTNER);
    await ketua.getByLabel("Komitmen (Rp)").first().fill("10.000.000");
    await chooseOption(ketua, "Perjanjian (MoU/PKS)", "PKS.001/UJI/2026");
    await ketua.getByText("Target per kategori PPKS").click();
    await ketua.getByLabel("8. Lanjut Usia Terlantar").fill("5");
    await chooseOption(ketua, "Relawan yang ditugaskan", "Utin Nurhasanah");
    await ketua.getByRole("button", { name: "Simpan program" }).click();
    await ketua.getByText("Jumlah tidak boleh negatif.", { exact: false }).waitFor();
    expect(await ketua.getByLabel("Nama program").inputValue()).toBe(PROGRAMME);
    await ketua.getByLabel("Anggaran (Rp)").fill("10.000.000");
    await ketua.getByRole("button", { name: "Simpan program" }).click();
    await ketua.getByRole("heading", { level: 1, name: PROGRAMME }).waitFor();
    const programmeUrl = ketua.url();

    // Money received and spent.
    await ketua.getByRole("link", { name: "Keuangan program" }).click();
    const record = ketua.getByRole("form", { name: "Catat dana masuk atau belanja" });
    await record.getByLabel("Jenis").selectOption({ label: "Dana masuk" });
    await record.getByLabel("Jumlah (Rp)").fill("10.000.000");
    await record.getByLabel("Uraian").fill("Pencairan dana CSR");
    await record.getByLabel("Dari mitra (dana masuk)").selectOption({ label: PARTNER });
    await record.getByRole("button", { name: "Simpan catatan" }).click();
    await ketua.getByTestId("ledger").getByText("Pencairan dana CSR").waitFor();
    await record.getByLabel("Jenis").selectOption({ label: "Belanja" });
    await record.getByLabel("Jumlah (Rp)").fill("12.500.000");
    await record.getByLabel("Uraian").fill("Paket sembako lansia");
    await record.getByRole("button", { name: "Simpan catatan" }).click();
    await ketua.getByText("Belanja ini melebihi anggaran (sisa anggaran Rp10.000.000).", { exact: false }).waitFor();
    expect(await record.getByLabel("Uraian").inputValue()).toBe("Paket sembako lansia");
    await record.getByLabel("Jumlah (Rp)").fill("2.500.000");
    await record.getByRole("button", { name: "Simpan catatan" }).click();
    await ketua.getByTestId("ledger").getByText("Paket sembako lansia").waitFor();
    expect(await ketua.getByTestId("money-remaining").innerText()).toContain("Rp7.500.000");

    // The volunteer logs an activity under the programme, on a phone.
    const volunteer = await signedIn("relawan@demo.ipsm.id", true);
    await volunteer.goto("/programmes");
    await volunteer.getByRole("link", { name: PROGRAMME }).click();
    expect(await volunteer.getByTestId("money-summary").count()).toBe(0);
    await volunteer.getByRole("link", { name: "Catat kegiatan program" }).click();
    await volunteer.getByRole("heading", { level: 1, name: "Catat kegiatan" }).waitFor();
    const chosen = volunteer.getByLabel("Program (bila kegiatan ini bagian dari program)");
    expect(await chosen.locator("option:checked").innerText()).toBe(PROGRAMME);
    await volunteer.getByLabel("atau lama kegiatan (menit)").fill("90");
    await volunteer.getByLabel("Jenis kegiatan").selectOption({ label: "Penyaluran bantuan" });
    await volunteer.getByText("8. Lanjut Usia Terlantar").click();
    await volunteer.getByLabel("Perempuan: Lanjut Usia Terlantar").fill("3");
    await volunteer.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    await volunteer.getByText("Kegiatan dikirim untuk verifikasi.").waitFor();
    const activityUrl = volunteer.url();

    // The Ketua verifies it; the target moves.
    await ketua.goto(activityUrl.replace(/^https?:\/\/[^/]+/, ""));
    await ketua.getByRole("button", { name: "Verifikasi" }).click();
    await ketua.getByText("1 kegiatan diverifikasi.").waitFor();
    await ketua.goto(programmeUrl);
    const target = ketua.getByRole("group", { name: "Lanjut Usia Terlantar" });
    expect(await target.innerText()).toContain("3 / 5");
    const summary = await ketua.getByTestId("money-summary").innerText();
    for (const amount of ["Rp10.000.000", "Rp2.500.000", "Rp7.500.000"]) expect(summary).toContain(amount);

    // The report says what the page says.
    const href = await ketua.getByRole("link", { name: "Unduh laporan program (PDF)" }).getAttribute("href");
    const response = await ketua.context().request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const { text } = await pdfText(new Uint8Array(await response.body()));
    for (const expected of [
      PROGRAMME,
      PARTNER,
      "PKS.001/UJI/2026",
      "Rp10.000.000",
      "Rp2.500.000",
      "Rp7.500.000",
      "Utin Nurhasanah",
      "Lanjut Usia Terlantar",
      "Hj. Rosnani Abdullah",
      "Lim Mei Hua",
    ]) {
      expect(text).toContain(expected);
    }
    const xlsx = await ketua.context().request.get(`${new URL(programmeUrl).pathname}/report.xlsx`);
    expect(xlsx.status()).toBe(200);
  });
});
