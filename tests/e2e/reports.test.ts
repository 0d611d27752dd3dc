// A monthly contribution report from the board to the Dinas Sosial: the Ketua drafts last month's
// report (the draft shows the figures and what still waits for verification) and submits it; the
// Dinas Sosial user finds it, downloads the PDF and marks it received; the public verification
// page confirms the printed copy (its number and content hash). Then the board issues a
// volunteer's certificate of service; asking for it a second time names the first, and issuing it
// again takes a confirmation.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, logIn } from "../support/browser";
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

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

async function signedIn(email: string): Promise<Page> {
  const page = await newPage();
  await logIn(page, email, "demo-ipsm-2026");
  await page.getByRole("heading", { level: 1, name: /^Halo, / }).waitFor();
  return page;
}

describe("a monthly report to the Dinas Sosial", () => {
  it("is drafted and submitted by the Ketua, received by the Dinas Sosial, and verified from its copy", async () => {
    const ketua = await signedIn("ketua@demo.ipsm.id");
    await ketua.goto("/reports");
    // The form offers last month by default.
    await ketua.getByRole("button", { name: "Buat draf laporan" }).click();
    await ketua.getByText("Draf laporan dibuat.").waitFor();
    const title = await ketua.getByRole("heading", { level: 1 }).innerText();
    expect(title).toMatch(/^Laporan kontribusi \w+ \d{4}$/);
    const activities = await ketua.getByTestId("fig-activities").locator(".stat__value").innerText();
    expect(Number(activities.replace(/\./g, ""))).toBeGreaterThan(0);

    ketua.once("dialog", (dialog) => void dialog.accept());
    await ketua.getByRole("button", { name: "Kirim ke Dinas Sosial" }).click();
    await ketua.getByText(/^Laporan \d{3}\/IPSM-PTK\/[IVX]+\/\d{4} dikirim ke Dinas Sosial\.$/).waitFor();
    const number = await ketua.getByTestId("report-number").innerText();
    const verifyHref = await ketua.getByRole("link", { name: /^\/verify\// }).getAttribute("href");
    // The frozen figures are those the draft showed.
    expect(await ketua.getByTestId("fig-activities").locator(".stat__value").innerText()).toBe(activities);

    // The Dinas Sosial finds it, downloads it and marks it received.
    const dinsos = await signedIn("dinsos@demo.ipsm.id");
    await dinsos.goto("/reports");
    await dinsos
      .getByTestId("reports")
      .getByRole("link", { name: title.replace("Laporan kontribusi ", "") })
      .first()
      .click();
    await dinsos.getByTestId("report-number").waitFor();
    expect(await dinsos.getByTestId("report-number").innerText()).toBe(number);
    const response = await dinsos.context().request.get(`${new URL(dinsos.url()).pathname}.pdf`);
    expect(response.status()).toBe(200);
    const { text, pages } = await pdfText(new Uint8Array(await response.body()));
    expect(text).toContain(number);
    expect(text).toContain("Yth.");
    expect(text).toContain("Kepala Dinas Sosial Kota Pontianak");
    expect(text.split("Periksa keaslian").length - 1).toBe(pages);
    // (the printed start of the content hash is hexadecimal and may, rarely, be all digits)
    expect(text.replace(/Kode isi: [0-9a-f]{16}/g, "")).not.toMatch(/\b\d{16}\b/);
    await dinsos.getByRole("button", { name: "Tandai diterima" }).click();
    await dinsos.getByText("Laporan ditandai diterima.").waitFor();
    expect(await dinsos.getByText("Diterima Dinas Sosial", { exact: false }).count()).toBeGreaterThan(0);

    // Anyone holding the printed copy checks it: same number, the hash printed on every page.
    const visitor = await newPage();
    await visitor.goto(verifyHref!);
    const result = visitor.getByTestId("verify-result");
    await result.waitFor();
    expect(await result.innerText()).toContain("Laporan asli");
    expect(await result.innerText()).toContain(number);
    const hash = (await result.locator("code").first().innerText()).trim();
    expect(text).toContain(hash.slice(0, 16));
  });
});

describe("a certificate of service", () => {
  it("is issued once for a volunteer and a period; issuing it again needs the board's confirmation", async () => {
    const ketua = await signedIn("ketua@demo.ipsm.id");
    await ketua.goto("/reports/certificates");
    // The demo volunteer (Utin Nurhasanah) logged activities over the last five months; most are verified.
    const day = (daysAgo: number) => new Date(Date.now() + 7 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const member = ketua.getByLabel("Anggota");
    const utin = (await member.locator("option").allTextContents()).find((o) => o.startsWith("Utin Nurhasanah"))!;
    await member.selectOption({ label: utin });
    await ketua.getByLabel("Dari tanggal").fill(day(150));
    await ketua.getByLabel("Sampai tanggal").fill(day(1));
    await ketua.getByRole("button", { name: "Terbitkan surat keterangan" }).click();
    const issued = ketua.getByText(/^Surat keterangan (\d{3}\/IPSM-PTK\/[IVX]+\/\d{4}) diterbitkan\.$/);
    await issued.waitFor();
    const first = /(\d{3}\/IPSM-PTK\/[IVX]+\/\d{4})/.exec(await issued.innerText())![1]!;

    // the same volunteer and period again
    await ketua.getByLabel("Anggota").selectOption({ label: utin });
    await ketua.getByLabel("Dari tanggal").fill(day(150));
    await ketua.getByLabel("Sampai tanggal").fill(day(1));
    await ketua.getByRole("button", { name: "Terbitkan surat keterangan" }).click();
    const alert = ketua.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain(`sudah diterbitkan: Nomor ${first}`);
    await ketua.getByRole("button", { name: "Terbitkan ulang dengan nomor baru" }).click();
    const utinRows = ketua.getByTestId("service-certificates").locator("tbody tr").filter({ hasText: "Utin Nurhasanah" });
    await utinRows.nth(1).waitFor();
    const rows = await utinRows.allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(first);
    expect(rows[0]).not.toContain(first);
  });
});
