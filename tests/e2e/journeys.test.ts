// Each demo user's first journey, in a real Chromium against the real built server.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, inject, it } from "vitest";
import { launchBrowser, logIn, phoneContext } from "../support/browser";
import { pdfText } from "../support/pdf-text";

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
});
afterEach(async () => {
  await context.close();
});

/** Waits until the page's main heading says exactly this (navigation may still be settling). */
async function heading(text: string) {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor({ timeout: 10_000 });
}

async function menuLinks() {
  await page.getByText("Menu", { exact: true }).click();
  return page.locator(".menu__panel .nav-list a").allTextContents();
}

describe("each demo role logs in and sees its dashboard", () => {
  const cases = [
    {
      email: "admin@demo.ipsm.id",
      name: "Administrator Sistem",
      menu: [
        "Dasbor",
        "Anggota",
        "Kepengurusan",
        "Pelatihan",
        "Kegiatan",
        "Program",
        "Laporan",
        "Log audit",
        "Pengaturan IPSM",
        "Daftar IPSM",
        "Profil IPSM",
        "Akun login",
        "Profil saya",
      ],
    },
    {
      email: "ketua@demo.ipsm.id",
      name: "Hj. Rosnani Abdullah",
      menu: ["Dasbor", "Anggota", "Kepengurusan", "Pelatihan", "Kegiatan", "Program", "Laporan", "Log audit", "Profil IPSM", "Profil saya"],
    },
    {
      email: "sekretaris@demo.ipsm.id",
      name: "Muhammad Rizal Pratama",
      menu: [
        "Dasbor",
        "Anggota",
        "Kepengurusan",
        "Pelatihan",
        "Kegiatan",
        "Program",
        "Laporan",
        "Log audit",
        "Profil IPSM",
        "Akun login",
        "Profil saya",
      ],
    },
    {
      email: "relawan@demo.ipsm.id",
      name: "Utin Nurhasanah",
      menu: ["Dasbor", "Kepengurusan", "Pelatihan", "Kegiatan", "Program", "Profil saya"],
    },
    {
      email: "bendahara@demo.ipsm.id",
      name: "Lim Mei Hua",
      menu: ["Dasbor", "Anggota", "Kepengurusan", "Pelatihan", "Kegiatan", "Program", "Laporan", "Log audit", "Profil saya"],
    },
    {
      email: "korcam@demo.ipsm.id",
      name: "Syarif Hamid Alkadrie",
      menu: ["Dasbor", "Kepengurusan", "Pelatihan", "Kegiatan", "Program", "Profil saya"],
    },
    { email: "dinsos@demo.ipsm.id", name: "Staf Dinas Sosial Kota Pontianak", menu: ["Dasbor", "Kepengurusan", "Laporan", "Profil saya"] },
  ];
  for (const c of cases) {
    it(`${c.email}`, async () => {
      await logIn(page, c.email, PASSWORD);
      await heading(`Halo, ${c.name}`);
      expect(new URL(page.url()).pathname).toBe("/");
      await expect(page.getByRole("status").textContent()).resolves.toContain(`Selamat datang, ${c.name}.`);
      // The demo chapter has 120 members (other browser tests may add a few): from the database.
      await expect(page.getByTestId("stat-members-total").textContent()).resolves.toMatch(/^12\d/);
      expect(await menuLinks()).toEqual(c.menu);
      // Nothing spills sideways on a 360 px phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

describe("login", () => {
  it("refuses a wrong password with a clear message and keeps the email", async () => {
    await logIn(page, "ketua@demo.ipsm.id", "kata-sandi-salah");
    await expect(page.getByRole("alert").first().textContent()).resolves.toBe("Email atau kata sandi salah.");
    expect(await page.getByLabel("Email").inputValue()).toBe("ketua@demo.ipsm.id");
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("checks the form in the browser before sending it", async () => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("bukan-email");
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByText("Masukkan alamat email yang benar, misalnya nama@contoh.id.").isVisible()).resolves.toBe(true);
    await expect(page.getByText("Masukkan kata sandi.").isVisible()).resolves.toBe(true);
  });

  it("brings a visitor back to the page they asked for, and the /logout page's button ends the session", async () => {
    await page.goto("/members");
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByLabel("Email").fill("sekretaris@demo.ipsm.id");
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await heading("Anggota");
    expect(new URL(page.url()).pathname).toBe("/members");
    // a typed /logout only asks (a GET never signs out: docs/decisions/022); its button does
    await page.goto("/logout");
    await heading("Keluar dari Portal IPSM");
    await page.getByRole("main").getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await expect(page.getByRole("status").textContent()).resolves.toContain("Anda telah keluar.");
    await page.goto("/members");
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});

describe("permissions and errors", () => {
  it("answers a volunteer 403 with an Indonesian page on /members.pdf and /reports", async () => {
    await logIn(page, "relawan@demo.ipsm.id", PASSWORD);
    await heading("Halo, Utin Nurhasanah");
    const pdf = await page.goto("/members.pdf");
    expect(pdf?.status()).toBe(403);
    const reports = await page.goto("/reports");
    expect(reports?.status()).toBe(403);
    await heading("Akses ditolak");
  });

  it("answers unknown URLs with a 404 page", async () => {
    const response = await page.goto("/halaman-yang-tidak-ada");
    expect(response?.status()).toBe(404);
    await heading("Halaman tidak ditemukan");
  });
});

describe("member list PDF", () => {
  it("downloads for a board member, as a PDF with the chapter's name", async () => {
    await logIn(page, "sekretaris@demo.ipsm.id", PASSWORD);
    await heading("Halo, Muhammad Rizal Pratama");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Unduh daftar anggota (PDF)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("daftar-anggota-ptk.pdf");
    const file = await download.path();
    const { readFile } = await import("node:fs/promises");
    const bytes = new Uint8Array(await readFile(file));
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain("IPSM Kota Pontianak");
    expect(text).toContain("KOTA PONTIANAK");
    expect(text).toMatch(/Jumlah anggota: 12\d/);
  });
});
