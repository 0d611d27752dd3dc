// A real IPSM from an empty database (issue 16), on phones (360 px), against its own production
// server started here with SEED_DEMO_DATA=false and mail going to a real SMTP server in this
// process: every page leads to /setup; the administrator sets up the portal with the code from the
// server's log (the chapter's time zone follows its region), registers a member and gives her a
// login by invitation link (also mailed); the member sets her password on her own phone; later she
// resets a forgotten password through the mailed link; deactivated from /accounts, she cannot sign
// in any more.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, phoneContext } from "../support/browser";
import { freePort, startServer } from "../support/server";
import { linkIn, startSmtpServer } from "../support/smtp";

let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let browser: Browser;
let admin: BrowserContext;
let page: Page;

const ADMIN = { name: "Hj. Rosnani Abdullah", email: "admin@ipsm-pontianak.or.id", password: "sandi-admin-pontianak-2026" };
const MEMBER = { name: "Nurul Hidayah", email: "nurul.hidayah@contoh.id" };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ipsm-first-run-"));
  smtp = await startSmtpServer();
  const port = await freePort();
  const env = {
    DATABASE_URL: `file:${path.join(dir, "portal.db")}`,
    SESSION_SECRET: "first-run-secret-first-run-secret-first-run",
    SEED_DEMO_DATA: "false",
    UPLOADS_DIR: path.join(dir, "uploads"),
    SMTP_URL: smtp.url,
    MAIL_FROM: "Portal IPSM <noreply@ipsm.test>",
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
  };
  // Prepared as `npm start` prepares it: migrations and regions, no demo.
  execFileSync("node", ["scripts/db-setup.mjs"], { env: { ...process.env, ...env }, stdio: "pipe" });
  server = await startServer(env);
  browser = await launchBrowser();
  admin = await phoneContext(browser, server.baseURL);
  page = await admin.newPage();
}, 120_000);

afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await server?.stop();
  await smtp?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const noSideways = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const heading = (p: Page, name: string) => p.getByRole("heading", { level: 1, name, exact: true }).waitFor({ timeout: 10_000 });

describe("a new IPSM starts its portal", () => {
  it("sets up the portal with the code from the server's log", async () => {
    const code = /Kode penyiapan \/ setup code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(server.log())?.[1];
    expect(code).toBeDefined();

    await page.goto("/members");
    expect(new URL(page.url()).pathname).toBe("/setup");
    await heading(page, "Penyiapan Portal IPSM");

    // A wrong code first: refused beside the field, nothing typed in the chapter lost.
    await page.getByLabel("Kode penyiapan dari log server").fill("AAAA-BBBB-CCCC");
    await page.getByLabel("Nama lengkap administrator").fill(ADMIN.name);
    await page.getByLabel("Email administrator (untuk masuk)").fill(ADMIN.email);
    await page.getByLabel("Kata sandi administrator").fill(ADMIN.password);
    await page.getByLabel("Ulangi kata sandi").fill(ADMIN.password);
    await page.getByLabel("Tingkat").selectOption("kabkota");
    await page.getByLabel("Cari wilayah").fill("kota pontianak");
    await page.getByRole("button", { name: /^Kota Pontianak, Kalimantan Barat \(61\.71\)$/ }).click();
    expect(await page.getByLabel("Kode wilayah Kemendagri (mis. 61.71)").inputValue()).toBe("61.71");
    await page.getByTestId("setup-time-zone").getByText("Zona waktu: WIB").waitFor();
    await page.getByLabel("Nama IPSM").fill("IPSM Kota Pontianak");
    await page.getByLabel("Kode surat (2-6 huruf kapital, mis. PTK)").fill("ptk");
    await page.getByLabel("Baris kedua kop surat (mis. KOTA PONTIANAK)").fill("KOTA PONTIANAK");
    await page.getByLabel("Tempat pada surat (mis. Pontianak)").fill("Pontianak");
    await page.getByLabel("Alamat sekretariat").fill("Jl. Letjen Sutoyo No. 12, Pontianak");
    expect(await noSideways(page)).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Siapkan portal" }).click();
    await page.getByText("Kode penyiapan salah. Salin kode dari log server.").waitFor();
    expect(await page.getByLabel("Nama IPSM").inputValue()).toBe("IPSM Kota Pontianak");

    await page.getByLabel("Kode penyiapan dari log server").fill(code!.toLowerCase());
    await page.getByLabel("Kata sandi administrator").fill(ADMIN.password);
    await page.getByLabel("Ulangi kata sandi").fill(ADMIN.password);
    await page.getByRole("button", { name: "Siapkan portal" }).click();
    await heading(page, `Halo, ${ADMIN.name}`);

    const again = await page.goto("/setup");
    expect(again?.status()).toBe(404);
  });

  it("registers a member and gives her a login by invitation link, also mailed", async () => {
    await page.goto("/members/new");
    await heading(page, "Tambah anggota");
    for (const [label, value] of Object.entries({
      "Nama lengkap": MEMBER.name,
      NIK: "6171016203930007",
      "Tanggal lahir": "1993-03-22",
      "Nomor HP": "0857 1234 5678",
      "Email (tidak wajib)": MEMBER.email,
      Alamat: "Gg. Purnama 2 No. 7",
    }))
      await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel("Jenis kelamin").selectOption("P");
    await page.getByLabel("Cari kelurahan atau kecamatan").fill("akcaya");
    await page.getByLabel("Kelurahan/desa", { exact: true }).selectOption({ label: "Akcaya" });
    await page.getByRole("button", { name: "Simpan anggota" }).click();
    await heading(page, MEMBER.name);

    await page.getByRole("link", { name: "Akses login" }).click();
    await heading(page, "Akses login");
    await page.getByTestId("login-state").getByText("Belum punya login.").waitFor();
    expect(await page.getByLabel("Email untuk login").inputValue()).toBe(MEMBER.email);
    await page.getByRole("button", { name: "Buat tautan undangan" }).click();
    await page.getByText("Tautan undangan dibuat. Berlaku 7 hari, hanya sekali pakai.").waitFor();
    const link = await page.getByTestId("login-link").inputValue();
    expect(link).toMatch(new RegExp(`^${server.baseURL}/invite/`));
    const whatsapp = await page.getByRole("link", { name: "Kirim lewat WhatsApp" }).getAttribute("href");
    expect(whatsapp).toMatch(/^https:\/\/wa\.me\/6285712345678\?text=/);
    await page.getByText(`Tautan juga sudah dikirim ke email ${MEMBER.email}.`).waitFor();
    expect(await noSideways(page)).toBeLessThanOrEqual(0);

    const mail = await smtp.mailTo(MEMBER.email);
    expect(mail.subject).toBe("Undangan Portal IPSM Kota Pontianak");
    expect(linkIn(mail.text)).toBe(link);
  });

  it("lets the member set her password on her own phone; a used link says so", async () => {
    // Only the one invitation was mailed.
    expect(await smtp.mailTo(MEMBER.email, 200).catch(() => null)).toBeNull();
    const link = await page.getByTestId("login-link").inputValue();
    const phone = await phoneContext(browser, server.baseURL);
    const own = await phone.newPage();
    await own.goto(link);
    await heading(own, "Buat kata sandi");
    await own.getByLabel("Kata sandi baru", { exact: true }).fill("pendek");
    await own.getByLabel("Ulangi kata sandi baru").fill("pendek");
    await own.getByRole("button", { name: "Simpan dan masuk" }).click();
    await own.getByText("Kata sandi paling sedikit 10 karakter.").waitFor();
    await own.getByLabel("Kata sandi baru", { exact: true }).fill("sandi-nurul-2026");
    await own.getByLabel("Ulangi kata sandi baru").fill("sandi-nurul-2026");
    await own.getByRole("button", { name: "Simpan dan masuk" }).click();
    await heading(own, `Halo, ${MEMBER.name}`);
    await phone.close();

    const later = await phoneContext(browser, server.baseURL);
    const again = await later.newPage();
    await again.goto(link);
    await again.getByText("Tautan ini sudah dipakai.", { exact: false }).waitFor();
    await later.close();
  });

  it("resets a forgotten password through the mailed link", async () => {
    const phone = await phoneContext(browser, server.baseURL);
    const own = await phone.newPage();
    await own.goto("/login");
    await own.getByRole("link", { name: "Lupa kata sandi?" }).click();
    await heading(own, "Lupa kata sandi");
    await own.getByLabel("Email").fill(MEMBER.email.toUpperCase());
    await own.getByRole("button", { name: "Kirim tautan" }).click();
    await own.getByTestId("forgot-sent").waitFor();
    const mail = await smtp.mailTo(MEMBER.email);
    expect(mail.subject).toBe("Atur ulang kata sandi Portal IPSM Kota Pontianak");
    await own.goto(linkIn(mail.text));
    await heading(own, "Kata sandi baru");
    await own.getByLabel("Kata sandi baru", { exact: true }).fill("sandi-baru-nurul-2026");
    await own.getByLabel("Ulangi kata sandi baru").fill("sandi-baru-nurul-2026");
    await own.getByRole("button", { name: "Simpan dan masuk" }).click();
    await heading(own, `Halo, ${MEMBER.name}`);
    await phone.close();
  });

  it("deactivates her login from /accounts; she cannot sign in any more", async () => {
    await page.goto("/accounts");
    await heading(page, "Akun login");
    const card = page.locator(`[data-email="${MEMBER.email}"]`);
    await card.getByText("Aktif", { exact: true }).waitFor();
    await card.getByLabel("Alasan menonaktifkan").fill("Pindah ke luar kota");
    page.once("dialog", (dialog) => void dialog.accept());
    await card.getByRole("button", { name: "Nonaktifkan" }).click();
    await page.getByText(`Login ${MEMBER.name} dinonaktifkan. Semua sesinya sudah berakhir.`).waitFor();
    await page.locator(`[data-email="${MEMBER.email}"][data-state="nonaktif"]`).waitFor();
    expect(await noSideways(page)).toBeLessThanOrEqual(0);

    const phone = await phoneContext(browser, server.baseURL);
    const own = await phone.newPage();
    await logIn(own, MEMBER.email, "sandi-baru-nurul-2026");
    await own.getByText("Akun ini dinonaktifkan. Hubungi pengurus IPSM.").waitFor();
    await phone.close();
  });
});
