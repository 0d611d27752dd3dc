// A new board takes office from the browser: the Ketua records the period and its board,
// activates it, and the rights move with the positions (the e2e chapter "IPSM Kota Uji" of
// tests/setup/e2e-fixtures.ts, so that the demo accounts keep theirs).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays, calendarToday } from "~/utils/dates";
import { toDateInput } from "~/validation/fields";
import { launchBrowser, signedInPhone } from "../support/browser";
import { pdfText } from "../support/pdf-text";

const PASSWORD = "demo-ipsm-2026";
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
  const { context, page } = await signedInPhone(browser, baseURL, email, { password: PASSWORD });
  contexts.push(context);
  return page;
}

async function optionValue(page: Page, form: string, select: string, text: string) {
  const value = await page
    .getByRole("form", { name: form })
    .getByLabel(select, { exact: true })
    .locator("option", { hasText: text })
    .getAttribute("value");
  if (!value) throw new Error(`No option "${text}" in ${select}`);
  return value;
}

describe("a new board takes office", () => {
  it("moves the member registry from the previous Sekretaris to the new one when the period is activated", async () => {
    const today = calendarToday("Asia/Jakarta");
    const year = today.getUTCFullYear();
    const periodName = `Periode ${year}-${year + 5}`;

    // The serving Sekretaris manages members.
    const oldSecretary = await signedIn("sekretaris-lama@uji.test");
    await oldSecretary.goto("/members/new");
    await oldSecretary.getByRole("heading", { level: 1, name: "Tambah anggota" }).waitFor();

    // The Ketua records the next period; a mistake is explained and the input kept.
    const ketua = await signedIn("ketua@uji.test");
    await ketua.goto("/leadership");
    await ketua.getByRole("link", { name: "Tambah periode" }).click();
    await ketua.getByRole("heading", { level: 1, name: "Tambah periode kepengurusan" }).waitFor();
    await ketua.getByLabel("Nama periode").fill(periodName);
    await ketua.getByLabel("Tanggal mulai").fill(toDateInput(today));
    await ketua.getByLabel("Tanggal berakhir").fill(toDateInput(addDays(today, -1)));
    await ketua.getByLabel("Nomor SK").fill(`400.9/88/DINSOS/${year}`);
    await ketua.getByLabel("Tanggal SK").fill(toDateInput(today));
    await ketua.getByLabel("Diterbitkan oleh").fill("Wali Kota Uji");
    await ketua.getByRole("button", { name: "Simpan periode" }).click();
    await ketua.getByText("Tanggal berakhir tidak boleh sebelum tanggal mulai.").waitFor();
    expect(await ketua.getByLabel("Nama periode").inputValue()).toBe(periodName);
    await ketua
      .getByLabel("Tanggal berakhir")
      .fill(toDateInput(addDays(new Date(Date.UTC(year + 5, today.getUTCMonth(), today.getUTCDate())), -1)));
    await ketua.getByRole("button", { name: "Simpan periode" }).click();
    await ketua.getByRole("heading", { level: 1, name: periodName }).waitFor();
    await ketua.getByText(`${periodName} disimpan sebagai draf.`).waitFor();

    // Its board: the Ketua continues, a new Sekretaris; a second Ketua is refused.
    const form = "Tetapkan pemegang jabatan";
    const appoint = async (position: string, member: string) => {
      const scope = ketua.getByRole("form", { name: form });
      await scope.getByLabel("Jabatan", { exact: true }).selectOption({ label: position });
      await scope.getByLabel("Anggota", { exact: true }).selectOption(await optionValue(ketua, form, "Anggota", member));
      await scope.getByRole("button", { name: "Tetapkan" }).click();
    };
    await appoint("Ketua", "Ketua Uji Peralihan");
    await ketua.getByText("Ketua Uji Peralihan ditetapkan sebagai Ketua.").waitFor();
    await appoint("Ketua", "Sekretaris Baru Uji");
    await ketua.getByText("Jabatan Ketua sudah dipegang Ketua Uji Peralihan pada tanggal tersebut.", { exact: false }).waitFor();
    await appoint("Sekretaris", "Sekretaris Baru Uji");
    await ketua.getByText("Sekretaris Baru Uji ditetapkan sebagai Sekretaris.").waitFor();

    // Activation ends the serving board the day before.
    ketua.once("dialog", (dialog) => void dialog.accept());
    await ketua.getByRole("button", { name: "Aktifkan periode" }).click();
    await ketua.getByText(new RegExp(`${periodName} kini aktif; Periode ${year - 4}-${year + 1} berakhir\\.`)).waitFor();
    const composition = ketua.getByTestId("composition");
    await expect(composition.textContent()).resolves.toContain("Sekretaris Baru Uji");
    await expect(composition.textContent()).resolves.not.toContain("Sekretaris Lama Uji");

    // The susunan pengurus PDF says the same, with its decree.
    const pdfHref = await ketua.getByRole("link", { name: "Unduh PDF susunan pengurus" }).getAttribute("href");
    const pdf = await ketua.request.get(pdfHref!);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const { text } = await pdfText(new Uint8Array(await pdf.body()));
    expect(text).toContain(`SUSUNAN PENGURUS IPSM KOTA UJI ${periodName.toUpperCase()}`);
    expect(text).toContain(`Nomor 400.9/88/DINSOS/${year}`);
    expect(text).toMatch(/Sekretaris Sekretaris Baru Uji/);

    // The new Sekretaris may now add members ...
    const newSecretary = await signedIn("sekretaris-baru@uji.test");
    await newSecretary.goto("/members/new");
    await newSecretary.getByRole("heading", { level: 1, name: "Tambah anggota" }).waitFor();

    // ... and the previous one, still signed in, no longer may: nobody edited an account.
    await oldSecretary.goto("/members/new");
    await oldSecretary.getByRole("heading", { level: 1, name: "Akses ditolak" }).waitFor();
    await oldSecretary.goto("/leadership");
    await expect(oldSecretary.getByTestId("periods").textContent()).resolves.toContain("Berakhir");
  });
});
