// A volunteer logs an activity on a 360 px phone, the Koordinator Kecamatan returns it with a
// reason, the volunteer fixes and resubmits it, and the coordinator verifies it; the
// volunteer's totals follow.
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, signedInPhone } from "../support/browser";

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

async function signedIn(email: string): Promise<Page> {
  const { context, page } = await signedInPhone(browser, baseURL, email);
  contexts.push(context);
  return page;
}

describe("an activity from the field to verification", () => {
  it("is logged on a phone, returned with a reason, fixed, resubmitted and verified", async () => {
    // The coordinator's dashboard before: this month's activities in Pontianak Kota.
    const coordinator = await signedIn("korcam@demo.ipsm.id");
    const countOf = async (testId: string) =>
      Number((await coordinator.getByTestId(testId).locator(".stat__value").innerText()).replace(/\./g, ""));
    const activitiesBefore = await countOf("stat-activity-count");
    const peopleBefore = await countOf("stat-activity-people");

    const volunteer = await signedIn("relawan@demo.ipsm.id");
    // "Catat kegiatan" is one tap from the dashboard, on the first screen of a phone
    const logButton = volunteer.getByTestId("log-activity");
    expect((await logButton.boundingBox())!.y).toBeLessThan(740);
    expect(await logButton.getAttribute("href")).toBe("/activities/new");
    await volunteer.goto("/activities");
    const monthBefore = await volunteer.getByTestId("own-totals").locator(".stat").first().innerText();
    await volunteer.getByRole("link", { name: "Catat kegiatan" }).click();
    await volunteer.getByRole("heading", { level: 1, name: "Catat kegiatan" }).waitFor();

    await volunteer.getByLabel("Jam mulai").fill("08:00");
    await volunteer.getByLabel("Jam selesai").fill("07:30");
    await volunteer.getByLabel("Jenis kegiatan").selectOption({ label: "Kunjungan rumah / validasi data PPKS" });
    await volunteer.getByLabel("Cari kelurahan atau kecamatan").fill("tengah");
    await volunteer.getByLabel("Kelurahan/desa", { exact: true }).selectOption({ label: "Tengah" });
    await volunteer.getByText("8. Lanjut Usia Terlantar").click();
    await volunteer.getByLabel("Perempuan: Lanjut Usia Terlantar").fill("2");
    await volunteer.getByText("9. Penyandang Disabilitas").click();
    await volunteer.getByLabel("Laki-laki: Penyandang Disabilitas").fill("1");
    await volunteer.getByLabel("Jumlah rumah tangga (KK) yang dijangkau").fill("2");
    // the phone's location, for the verifier (Tengah, Pontianak Kota)
    await volunteer.context().grantPermissions(["geolocation"], { origin: baseURL });
    await volunteer.context().setGeolocation({ latitude: -0.026312, longitude: 109.342503, accuracy: 15 });
    await volunteer.getByRole("button", { name: "Gunakan lokasi saya" }).click();
    await volunteer.getByText("Lokasi dari ponsel tersimpan.").waitFor();
    await volunteer.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    await volunteer.getByText("Jam selesai harus setelah jam mulai.").waitFor();
    expect(await volunteer.getByLabel("Perempuan: Lanjut Usia Terlantar").inputValue()).toBe("2");
    await volunteer.getByLabel("Jam selesai").fill("10:30");
    // A file that is not a photo is refused by the server; everything typed stays.
    const photoField = volunteer.getByLabel(/^Foto bukti/);
    await photoField.setInputFiles({ name: "foto.jpg", mimeType: "image/jpeg", buffer: Buffer.from("bukan gambar") });
    await volunteer.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    await volunteer.getByText("Foto harus berupa gambar JPG atau PNG.", { exact: false }).waitFor();
    expect(await volunteer.getByLabel("Perempuan: Lanjut Usia Terlantar").inputValue()).toBe("2");
    expect(await volunteer.getByLabel("Jam selesai").inputValue()).toBe("10:30");
    // A real photo (a large PNG, compressed in the browser before upload).
    const png = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 40, g: 120, b: 90 } } })
      .png()
      .toBuffer();
    await volunteer.getByLabel(/^Foto bukti/).setInputFiles({ name: "kunjungan.png", mimeType: "image/png", buffer: png });
    await volunteer.getByText(/1 foto siap dikirim/).waitFor();
    await volunteer.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    await volunteer.getByText("Kegiatan dikirim untuk verifikasi.").waitFor();
    await volunteer.getByTestId("photos").getByRole("img").first().waitFor();
    const photoSrc = await volunteer.getByTestId("photos").getByRole("img").first().getAttribute("src");
    const photo = await volunteer.request.get(photoSrc!);
    expect(photo.headers()["content-type"]).toBe("image/jpeg");
    expect((await sharp(await photo.body()).metadata()).width).toBeLessThanOrEqual(1600);
    const activityUrl = new URL(volunteer.url()).pathname;
    expect(activityUrl).toMatch(/^\/activities\/\w+$/);
    const overflow = await volunteer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // The Koordinator Kecamatan Pontianak Kota returns it.
    await coordinator.goto("/activities/verification");
    await coordinator
      .getByRole("link", { name: /\d{2}\/\d{2}\/\d{4}/ })
      .first()
      .waitFor();
    await coordinator.goto(activityUrl);
    // the verifier sees where the phone was, how precisely and when, with a link to the map app
    const location = coordinator.getByTestId("activity-location");
    await expect(location.textContent()).resolves.toMatch(
      /-0\.026312, 109\.342503 · akurasi ± 15 m · diambil \d{2}\/\d{2}\/\d{4} \d{2}\.\d{2}/,
    );
    expect(await location.getByRole("link", { name: "Buka di aplikasi peta" }).getAttribute("href")).toBe(
      "geo:-0.026312,109.342503?q=-0.026312,109.342503",
    );
    await coordinator.getByLabel("Alasan dikembalikan").fill("Jumlah KK tidak sesuai: tiga KK dikunjungi");
    await coordinator.getByRole("button", { name: "Kembalikan" }).click();
    await coordinator.getByText("1 kegiatan dikembalikan ke relawan.").waitFor();

    // On the phone the volunteer's own list shows it as a card with its status and the reason.
    await volunteer.goto("/activities");
    const card = volunteer.getByRole("row").filter({ has: volunteer.locator(`a[href="${activityUrl}"]`) });
    await expect(card.getByTestId("activity-status").textContent()).resolves.toMatch(/Dikembalikan.*Alasan: Jumlah KK tidak sesuai/);
    // in view, not off the right edge of a 360 px screen
    const status = (await card.getByTestId("activity-status").boundingBox())!;
    expect(status.x + status.width).toBeLessThanOrEqual(360);
    expect(await volunteer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // The volunteer sees why, fixes it and sends it again.
    await volunteer.goto(activityUrl);
    await expect(volunteer.getByTestId("return-reason").textContent()).resolves.toContain("tiga KK dikunjungi");
    await volunteer.getByRole("link", { name: "Ubah" }).click();
    await volunteer.getByLabel("Jumlah rumah tangga (KK) yang dijangkau").fill("3");
    await volunteer.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    await volunteer.getByText("Kegiatan dikirim untuk verifikasi.").waitFor();

    // The coordinator verifies it from the queue, ticking it. On a phone the queue is a list of
    // cards (volunteer, date, type, place, people, status all in view), with "select all" and
    // the verify/return bar kept at the bottom of the screen.
    await coordinator.goto("/activities/verification");
    expect(await coordinator.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const queueCard = coordinator.getByRole("row").filter({ has: coordinator.locator(`a[href="${activityUrl}"]`) });
    for (const text of ["Utin Nurhasanah", "Kunjungan rumah / validasi data PPKS", "Tengah", "Menunggu verifikasi"]) {
      const box = (await queueCard.getByText(text, { exact: false }).first().boundingBox())!;
      expect(box.x + box.width, text).toBeLessThanOrEqual(360);
    }
    const boxes = coordinator.locator('input[name="activityIds"]');
    await coordinator.getByLabel(/^Pilih semua \(\d+\)$/).check();
    expect(await boxes.evaluateAll((all) => all.every((b) => (b as HTMLInputElement).checked))).toBe(true);
    await coordinator.getByLabel(/^Pilih semua \(\d+\)$/).uncheck();
    expect(await boxes.evaluateAll((all) => all.some((b) => (b as HTMLInputElement).checked))).toBe(false);
    const bar = await coordinator.getByTestId("verify-bar").boundingBox();
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(740 + 1);
    await coordinator
      .getByRole("row")
      .filter({ has: coordinator.locator(`a[href="${activityUrl}"]`) })
      .getByRole("checkbox")
      .check();
    await coordinator.getByRole("button", { name: "Verifikasi" }).click();
    await coordinator.getByText("1 kegiatan diverifikasi.").waitFor();
    await coordinator.goto(activityUrl);
    await coordinator.getByText("Terverifikasi", { exact: false }).first().waitFor();

    // The coordinator's dashboard counts it: one more activity, three more people.
    await coordinator.goto("/");
    expect(await countOf("stat-activity-count")).toBe(activitiesBefore + 1);
    expect(await countOf("stat-activity-people")).toBe(peopleBefore + 3);

    // The volunteer's month now counts it (2.5 hours, 3 people).
    await volunteer.goto("/activities");
    const monthAfter = await volunteer.getByTestId("own-totals").locator(".stat").first().innerText();
    expect(monthAfter).not.toBe(monthBefore);
    await expect(volunteer.getByTestId("activities").textContent()).resolves.toContain("Terverifikasi");
  });
});
