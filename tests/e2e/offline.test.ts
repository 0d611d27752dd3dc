// Field capture without signal (issue 18, docs/decisions/027): the installable portal keeps the
// volunteer's pages and their activities on the phone, and sends each activity exactly once when
// the signal returns, with its photo, also when the first answer was lost on the way back.
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, logIn, signedInPhone } from "../support/browser";

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

async function phone(options: { serviceWorkers?: "allow" | "block" } = {}) {
  const signedIn = await signedInPhone(browser, baseURL, "relawan@demo.ipsm.id", options);
  contexts.push(signedIn.context);
  return signedIn;
}

/** This month's number of activities on the volunteer's own list ("12 kegiatan"). */
async function activitiesThisMonth(page: Page): Promise<number> {
  await page.goto("/activities");
  const text = await page.getByTestId("own-totals").locator(".stat").first().innerText();
  return Number(/(\d+) kegiatan/.exec(text)![1]);
}

async function fillActivity(page: Page, note: string) {
  await page.getByRole("heading", { level: 1, name: "Catat kegiatan" }).waitFor();
  await page.getByLabel("Jam mulai").fill("09:00");
  await page.getByLabel("Jam selesai").fill("10:00");
  await page.getByLabel("Jenis kegiatan").selectOption({ label: "Kunjungan rumah / validasi data PPKS" });
  await page.getByLabel("Cari kelurahan atau kecamatan").fill("tengah");
  await page.getByLabel("Kelurahan/desa", { exact: true }).selectOption({ label: "Tengah" });
  await page.getByText("8. Lanjut Usia Terlantar").click();
  await page.getByLabel("Perempuan: Lanjut Usia Terlantar").fill("1");
  await page.getByLabel("Catatan singkat").fill(note);
}

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 200, g: 90, b: 40 } } })
    .jpeg()
    .toBuffer();
}

/** "Keluar" from the phone's menu. */
async function signOut(page: Page) {
  await page.locator("summary.menu__toggle").click();
  await page.locator(".menu__panel").getByRole("button", { name: "Keluar" }).click();
  await page.getByLabel("Email").waitFor();
}

/** The newest activity on the volunteer's list: its page shows the note and the photos. */
async function newestActivity(page: Page) {
  await page.goto("/activities");
  await page.locator("table a[href^='/activities/']").first().click();
  await page.getByTestId("photos").waitFor();
}

describe("an activity logged without signal", () => {
  it("is kept on the phone, survives closing the tab, and arrives once with its photo when the signal returns", async () => {
    const { context, page } = await phone();
    const before = await activitiesThisMonth(page);
    // The phone has used the portal: the service worker keeps the dashboard, the form and the list.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            if (!navigator.serviceWorker.controller) return false;
            const kept = await (await caches.open("ipsm-pages-v1")).keys();
            const paths = kept.map((request) => new URL(request.url).pathname);
            return ["/", "/activities", "/activities/new"].every((p) => paths.includes(p));
          }),
        { timeout: 30_000, interval: 250 },
      )
      .toBe(true);
    // installable: the manifest names the portal and has icons
    const manifest = (await (await page.request.get("/manifest.webmanifest")).json()) as { name: string; icons: unknown[] };
    expect(manifest.name).toBe("Portal IPSM");
    expect(manifest.icons.length).toBeGreaterThanOrEqual(2);

    await page.goto("/activities/new");
    const note = `Kunjungan tanpa sinyal ${Date.now()}`;
    await fillActivity(page, note);
    await page.getByLabel(/^Foto bukti/).setInputFiles({ name: "rumah.jpg", mimeType: "image/jpeg", buffer: await photo() });
    await page.getByText(/1 foto siap dikirim/).waitFor();

    await context.setOffline(true);
    await page.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    // no error page: kept on the phone, said plainly, counted in the header
    await page.getByTestId("kept-offline").waitFor();
    await expect(page.getByTestId("kept-offline").innerText()).resolves.toContain("Tersimpan di ponsel, belum terkirim");
    await expect(page.getByTestId("unsent-count").innerText()).resolves.toBe("Belum terkirim: 1");
    expect(await page.getByText("Kode 500").count()).toBe(0);

    // The tab is closed; the portal is opened again, still without signal.
    await page.close();
    const reopened = await context.newPage();
    await reopened.goto("/activities");
    const unsent = reopened.getByTestId("unsent-list");
    await unsent.waitFor();
    await expect(unsent.innerText()).resolves.toMatch(/Kunjungan rumah \/ validasi data PPKS[\s\S]*Tengah[\s\S]*1 foto/);
    await expect(reopened.getByTestId("unsent-count").innerText()).resolves.toBe("Belum terkirim: 1");
    // it really is offline: a page the phone never kept shows the offline page
    const other = await context.newPage();
    await other.goto("/profile");
    await other.getByRole("heading", { name: "Tidak ada sinyal" }).waitFor();
    await other.close();

    // The signal returns: the activity is sent by itself, the count goes to zero.
    await context.setOffline(false);
    await reopened.getByTestId("unsent-count").waitFor({ state: "detached", timeout: 30_000 });
    await reopened.getByTestId("unsent-list").waitFor({ state: "detached" });

    // Exactly once on the server, with its photo; a later visit sends nothing again.
    await reopened.reload();
    expect(await activitiesThisMonth(reopened)).toBe(before + 1);
    await newestActivity(reopened);
    await reopened.getByText(note).waitFor();
    const src = await reopened.getByTestId("photos").getByRole("img").first().getAttribute("src");
    expect((await reopened.request.get(src!)).headers()["content-type"]).toBe("image/jpeg");
    expect(await activitiesThisMonth(reopened)).toBe(before + 1);
  });

  it("from a form the phone kept after its key was used is a new activity, not the earlier one", async () => {
    const { context, page } = await phone();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 }).toBe(true);
    const before = await activitiesThisMonth(page);
    await page.goto("/activities/new"); // fetched through the service worker, so kept with its key
    await fillActivity(page, "Kegiatan pertama dari formulir ini");
    await page.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    await page.getByText("Kegiatan dikirim untuk verifikasi.").waitFor();
    const first = new URL(page.url()).pathname;
    // The signal is weak: the phone shows the form as it kept it, with the key just used.
    await context.setOffline(true);
    await page.goto("/activities/new");
    await context.setOffline(false);
    await fillActivity(page, "Kegiatan kedua dari formulir yang tersimpan");
    await page.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    await page.waitForURL((url) => /^\/activities\/\w+$/.test(url.pathname) && url.pathname !== first);
    await page.getByText("Kegiatan kedua dari formulir yang tersimpan").waitFor();
    expect(await activitiesThisMonth(page)).toBe(before + 2);
  });

  it("is not saved twice when the connection drops after the server saved it", async () => {
    // Without the service worker, so that the test can cut this one answer on its way back.
    const { context, page } = await phone({ serviceWorkers: "block" });
    const before = await activitiesThisMonth(page);
    await page.goto("/activities/new");
    const note = `Sinyal putus setelah tersimpan ${Date.now()}`;
    await fillActivity(page, note);
    let saved = false;
    await context.route("**/activities/new.data*", async (route) => {
      if (route.request().method() !== "POST" || saved) return route.continue();
      await route.fetch(); // the server receives and saves the activity...
      saved = true;
      await route.abort("connectionreset"); // ...and the answer never reaches the phone
    });
    await page.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    await page.getByTestId("kept-offline").waitFor();
    expect(saved).toBe(true);
    await expect(page.getByTestId("unsent-count").innerText()).resolves.toBe("Belum terkirim: 1");

    // The phone sends it again with the same key: the server answers with the activity it has.
    await page.goto("/activities");
    await page.getByTestId("unsent-count").waitFor({ state: "detached", timeout: 30_000 });
    expect(await activitiesThisMonth(page)).toBe(before + 1);
  });

  it("comes back to the form with the server's messages when it is refused, and can be fixed or deleted", async () => {
    // Also without the service worker (its first visit, or a browser without one): the form's
    // offline code is already loaded when the signal goes.
    const { context, page } = await phone({ serviceWorkers: "block" });
    await page.goto("/activities/new");
    await fillActivity(page, "Kegiatan yang ditolak server");
    // a date the form accepts but the server refuses (in the future), sent later from the phone
    const future = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Tanggal").fill(future);
    await context.setOffline(true);
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await page.getByTestId("kept-offline").waitFor();
    await context.setOffline(false);
    await page.goto("/activities");
    const unsent = page.getByTestId("unsent-list");
    await unsent.getByText("Ditolak server: buka untuk memperbaiki").waitFor({ timeout: 30_000 });
    await unsent.getByRole("link", { name: "Buka dan ubah" }).click();
    // the form opens with what was typed and the server's message beside the date
    await expect(page.getByLabel("Catatan singkat").inputValue()).resolves.toBe("Kegiatan yang ditolak server");
    await expect(page.getByLabel("Tanggal").inputValue()).resolves.toBe(future);
    await page.getByText("Tanggal kegiatan tidak boleh di masa depan.").first().waitFor();
    // fixed and sent: it arrives, and leaves the phone
    const today = await page.evaluate(() => new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Jakarta" }));
    await page.getByLabel("Tanggal").fill(today);
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await page.getByText("Kegiatan disimpan sebagai draf.").waitFor();
    await page.getByText("Kegiatan yang ditolak server").waitFor();
    await page.goto("/activities");
    await page.getByTestId("own-totals").waitFor();
    expect(await page.getByTestId("unsent-list").count()).toBe(0);

    // another kept one is deleted from the phone instead
    await page.goto("/activities/new");
    await fillActivity(page, "Kegiatan yang dihapus dari ponsel");
    await context.setOffline(true);
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await page.getByTestId("kept-offline").waitFor();
    // the signal returns, but not yet to the queue's address (or it would be sent at once)
    await context.route("**/activities/sync", (route) => route.abort("internetdisconnected"));
    await context.setOffline(false);
    await page.goto("/activities");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("unsent-list").getByRole("button", { name: "Hapus" }).click();
    await page.getByTestId("unsent-list").waitFor({ state: "detached" });
  });

  it("belongs to the volunteer who kept it: another person on the phone never sees it, and signing out clears it", async () => {
    const { context, page } = await phone({ serviceWorkers: "block" });
    await page.goto("/activities/new");
    await fillActivity(page, "Kegiatan milik relawan");
    await context.setOffline(true);
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await page.getByTestId("kept-offline").waitFor();
    // The session ends without signing out (the phone is handed over); the coordinator signs in on it.
    await context.clearCookies();
    await context.setOffline(false);
    // keep the kept activity from being sent meanwhile: no connection to the queue's address
    await context.route("**/activities/sync", (route) => route.abort("internetdisconnected"));
    await logIn(page, "korcam@demo.ipsm.id", "demo-ipsm-2026");
    await page.getByRole("heading", { level: 1, name: /^Halo, / }).waitFor();
    await page.goto("/activities");
    await page.getByTestId("own-totals").waitFor();
    expect(await page.getByTestId("unsent-list").count()).toBe(0);
    expect(await page.getByTestId("unsent-count").count()).toBe(0);
    await signOut(page);

    // The volunteer signs in again: their activity is still on the phone.
    await logIn(page, "relawan@demo.ipsm.id", "demo-ipsm-2026");
    await page.getByRole("heading", { level: 1, name: /^Halo, / }).waitFor();
    await expect(page.getByTestId("unsent-count").innerText()).resolves.toBe("Belum terkirim: 1");
    // Signing out asks first, then clears what the phone kept for them.
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await signOut(page);
    expect(asked).toContain("1 kegiatan yang belum terkirim");
    const left = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open("ipsm-offline");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction("unsent").objectStore("unsent").count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(left).toBe(0);
  });
});
