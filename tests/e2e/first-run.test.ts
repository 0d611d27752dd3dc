// A real IPSM from an empty database (issue 16), on phones (360 px), against its own production
// server started here with SEED_DEMO_DATA=false and mail going to a real SMTP server in this
// process: every page leads to /setup; the administrator sets up the portal with the code from the
// server's log (the chapter's time zone follows its region), registers the Sekretaris, appoints
// her in the first board and invites her (link shown, WhatsApp, mail); she sets her password on
// her own phone, imports members and invites a volunteer, who sets his password and logs an activity;
// he resets a forgotten password through the mailed link; deactivated by the Sekretaris from
// /accounts, he cannot sign in any more.
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
const KETUA = "Syarif Hamid";
const SEKRETARIS = { name: "Nurul Hidayah", email: "nurul.hidayah@contoh.id", password: "sandi-nurul-2026" };
const RELAWAN = { name: "Budi Santoso", email: "budi.santoso@contoh.id", password: "sandi-budi-2026" };
const invitations = new Map<string, string>();
let sekretaris: Page;
let relawan: Page;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Registers an active member through the member form. */
async function registerMember(p: Page, m: { name: string; nik: string; birth: string; sex: "L" | "P"; phone: string; email: string }) {
  await p.goto("/members/new");
  await heading(p, "Tambah anggota");
  for (const [label, value] of Object.entries({
    "Nama lengkap": m.name,
    NIK: m.nik,
    "Tanggal lahir": m.birth,
    "Nomor HP": m.phone,
    ...(m.email ? { "Email (tidak wajib)": m.email } : {}),
    Alamat: "Gg. Purnama 2 No. 7",
  }))
    await p.getByLabel(label, { exact: true }).fill(value);
  await p.getByLabel("Jenis kelamin").selectOption(m.sex);
  await p.getByLabel("Cari kelurahan atau kecamatan").fill("akcaya");
  await p.getByLabel("Kelurahan/desa", { exact: true }).selectOption({ label: "Akcaya" });
  await p.getByLabel("Status", { exact: true }).selectOption("aktif");
  await p.getByRole("button", { name: "Simpan anggota" }).click();
  await heading(p, m.name);
}

/** Makes a member's invitation from their page; the link shown, with its WhatsApp link and the mail sent. */
async function invite(p: Page, name: string, email: string, whatsapp: string) {
  await p.goto(`/members?q=${encodeURIComponent(name)}`);
  await p.getByRole("link", { name, exact: true }).click();
  await heading(p, name);
  await p.getByRole("link", { name: "Akses login" }).click();
  await heading(p, "Akses login");
  await p.getByTestId("login-state").getByText("Belum punya login.").waitFor();
  // The member's own email when the registry has one; typed otherwise.
  if (!(await p.getByLabel("Email untuk login").inputValue())) await p.getByLabel("Email untuk login").fill(email);
  expect(await p.getByLabel("Email untuk login").inputValue()).toBe(email);
  await p.getByRole("button", { name: "Buat tautan undangan" }).click();
  await p.getByText("Tautan undangan dibuat. Berlaku 7 hari, hanya sekali pakai.").waitFor();
  const link = await p.getByTestId("login-link").inputValue();
  expect(link).toMatch(new RegExp(`^${server.baseURL}/invite/`));
  const href = await p.getByRole("link", { name: "Kirim lewat WhatsApp" }).getAttribute("href");
  expect(href).toMatch(new RegExp(`^https://wa\\.me/${whatsapp}\\?text=`));
  expect(new URL(href!).searchParams.get("text")).toContain(`Halo ${name}`);
  await p.getByText(`Tautan juga sudah dikirim ke email ${email}.`).waitFor();
  expect(await noSideways(p)).toBeLessThanOrEqual(0);
  return link;
}

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

  it("registers the Sekretaris, appoints her in the first board and gives her a login by invitation link, also mailed", async () => {
    await registerMember(page, { name: KETUA, nik: "6171010907750002", birth: "1975-07-09", sex: "L", phone: "0813 4444 5555", email: "" });
    await registerMember(page, {
      name: SEKRETARIS.name,
      nik: "6171016203930007",
      birth: "1993-03-22",
      sex: "P",
      phone: "0857 1234 5678",
      email: SEKRETARIS.email,
    });

    // The first board: a period with its decree, the Sekretaris appointed, the period activated.
    const today = new Date();
    const year = today.getUTCFullYear();
    const periodName = `Periode ${year}-${year + 5}`;
    await page.goto("/leadership");
    await page.getByRole("link", { name: "Tambah periode" }).click();
    await page.getByLabel("Nama periode").fill(periodName);
    await page.getByLabel("Tanggal mulai").fill(isoDay(today));
    await page.getByLabel("Tanggal berakhir").fill(`${year + 5}-01-01`);
    await page.getByLabel("Nomor SK").fill(`400.9/12/DINSOS/${year}`);
    await page.getByLabel("Tanggal SK").fill(isoDay(today));
    await page.getByLabel("Diterbitkan oleh").fill("Wali Kota Pontianak");
    await page.getByRole("button", { name: "Simpan periode" }).click();
    await heading(page, periodName);
    const appoint = async (position: string, name: string) => {
      const form = page.getByRole("form", { name: "Tetapkan pemegang jabatan" });
      await form.getByLabel("Jabatan", { exact: true }).selectOption({ label: position });
      const option = await form.getByLabel("Anggota", { exact: true }).locator("option", { hasText: name }).getAttribute("value");
      await form.getByLabel("Anggota", { exact: true }).selectOption(option!);
      await form.getByRole("button", { name: "Tetapkan" }).click();
      await page.getByText(`${name} ditetapkan sebagai ${position}.`).waitFor();
    };
    await appoint("Ketua", KETUA);
    await appoint("Sekretaris", SEKRETARIS.name);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Aktifkan periode" }).click();
    await page.getByText(`${periodName} kini aktif.`).waitFor();

    const link = await invite(page, SEKRETARIS.name, SEKRETARIS.email, "6285712345678");
    const mail = await smtp.mailTo(SEKRETARIS.email);
    expect(mail.subject).toBe("Undangan Portal IPSM Kota Pontianak");
    expect(linkIn(mail.text)).toBe(link);
    // Only the one invitation was mailed.
    expect(await smtp.mailTo(SEKRETARIS.email, 200).catch(() => null)).toBeNull();
    invitations.set(SEKRETARIS.email, link);
  });

  it("lets the Sekretaris set her password on her own phone and administer logins; a used link says so", async () => {
    const link = invitations.get(SEKRETARIS.email)!;
    sekretaris = await (await phoneContext(browser, server.baseURL)).newPage();
    await sekretaris.goto(link);
    await heading(sekretaris, "Buat kata sandi");
    await sekretaris.getByLabel("Kata sandi baru", { exact: true }).fill("pendek");
    await sekretaris.getByLabel("Ulangi kata sandi baru").fill("pendek");
    await sekretaris.getByRole("button", { name: "Simpan dan masuk" }).click();
    await sekretaris.getByText("Kata sandi paling sedikit 10 karakter.").waitFor();
    await sekretaris.getByLabel("Kata sandi baru", { exact: true }).fill(SEKRETARIS.password);
    await sekretaris.getByLabel("Ulangi kata sandi baru").fill(SEKRETARIS.password);
    await sekretaris.getByRole("button", { name: "Simpan dan masuk" }).click();
    // registered by the administrator, she agrees to the privacy notice at her first page
    await heading(sekretaris, "Persetujuan pemberitahuan privasi");
    await sekretaris.getByRole("button", { name: "Setuju dan lanjutkan" }).click();
    await sekretaris.getByText("Centang persetujuan untuk melanjutkan.").waitFor();
    await sekretaris.getByLabel("Saya sudah membaca pemberitahuan privasi", { exact: false }).check();
    expect(await noSideways(sekretaris)).toBeLessThanOrEqual(0);
    await sekretaris.getByRole("button", { name: "Setuju dan lanjutkan" }).click();
    await heading(sekretaris, `Halo, ${SEKRETARIS.name}`);
    await sekretaris.goto("/accounts");
    await heading(sekretaris, "Akun login");

    const later = await phoneContext(browser, server.baseURL);
    const again = await later.newPage();
    await again.goto(link);
    await again.getByText("Tautan ini sudah dipakai.", { exact: false }).waitFor();
    await later.close();
  });

  it("lets the Sekretaris import members and invite a volunteer, who sets a password and logs an activity", async () => {
    // The Sekretaris imports the chapter's volunteers from a spreadsheet saved as CSV (BOM, semicolons).
    const header =
      "Nama Lengkap;NIK;Jenis Kelamin (L/P);Tanggal Lahir (DD/MM/YYYY);No. HP;Alamat;Kecamatan;Kelurahan/Desa;Tanggal Bergabung (DD/MM/YYYY);Status (Calon/Aktif)";
    const rows = [
      `${RELAWAN.name};6171011205880003;L;12/05/1988;0812 2222 3333;Jl. Tanjungpura 5;Pontianak Selatan;Akcaya;20/01/2026;Aktif`,
      "Rina Wulandari;6171015504920006;P;15/04/1992;;Gg. Mawar 1;Pontianak Selatan;Akcaya;20/01/2026;Calon",
    ];
    await sekretaris.goto("/members/import");
    await sekretaris.getByLabel("Berkas daftar anggota").setInputFiles({
      name: "anggota.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${[header, ...rows].join("\r\n")}\r\n`, "utf8"),
    });
    await sekretaris.getByRole("button", { name: "Periksa berkas" }).click();
    await sekretaris.getByRole("button", { name: "Simpan semua (2 baris)" }).click();
    await sekretaris.getByText("Impor selesai: 2 anggota ditambahkan, 0 diperbarui.").waitFor();

    const link = await invite(sekretaris, RELAWAN.name, RELAWAN.email, "6281222223333");
    expect(linkIn((await smtp.mailTo(RELAWAN.email)).text)).toBe(link);

    relawan = await (await phoneContext(browser, server.baseURL)).newPage();
    await relawan.goto(link);
    await relawan.getByLabel("Kata sandi baru", { exact: true }).fill(RELAWAN.password);
    await relawan.getByLabel("Ulangi kata sandi baru").fill(RELAWAN.password);
    await relawan.getByRole("button", { name: "Simpan dan masuk" }).click();
    await heading(relawan, "Persetujuan pemberitahuan privasi");
    await relawan.getByLabel("Saya sudah membaca pemberitahuan privasi", { exact: false }).check();
    await relawan.getByRole("button", { name: "Setuju dan lanjutkan" }).click();
    await heading(relawan, `Halo, ${RELAWAN.name}`);

    await relawan.goto("/activities/new");
    await heading(relawan, "Catat kegiatan");
    await relawan.getByLabel("atau lama kegiatan (menit)").fill("60");
    await relawan.getByLabel("Jenis kegiatan").selectOption({ label: "Kunjungan rumah / validasi data PPKS" });
    await relawan.getByLabel("Cari kelurahan atau kecamatan").fill("akcaya");
    await relawan.getByLabel("Kelurahan/desa", { exact: true }).selectOption({ label: "Akcaya" });
    await relawan.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    await relawan.getByText("Kegiatan dikirim untuk verifikasi.").waitFor();
    expect(await noSideways(relawan)).toBeLessThanOrEqual(0);
  });

  it("resets the volunteer's forgotten password through the mailed link, ending his other session", async () => {
    const phone = await phoneContext(browser, server.baseURL);
    const own = await phone.newPage();
    await own.goto("/login");
    await own.getByRole("link", { name: "Lupa kata sandi?" }).click();
    await heading(own, "Lupa kata sandi");
    await own.getByLabel("Email").fill(RELAWAN.email.toUpperCase());
    await own.getByRole("button", { name: "Kirim tautan" }).click();
    await own.getByTestId("forgot-sent").waitFor();
    const mail = await smtp.mailTo(RELAWAN.email);
    expect(mail.subject).toBe("Atur ulang kata sandi Portal IPSM Kota Pontianak");
    await own.goto(linkIn(mail.text));
    await heading(own, "Kata sandi baru");
    await own.getByLabel("Kata sandi baru", { exact: true }).fill("sandi-baru-budi-2026");
    await own.getByLabel("Ulangi kata sandi baru").fill("sandi-baru-budi-2026");
    await own.getByRole("button", { name: "Simpan dan masuk" }).click();
    await heading(own, `Halo, ${RELAWAN.name}`);
    await phone.close();
    // The phone that logged the activity was signed out by the reset.
    await relawan.goto("/activities");
    expect(new URL(relawan.url()).pathname).toBe("/login");
  });

  it("lets the Sekretaris deactivate the volunteer's login from /accounts; he cannot sign in any more", async () => {
    await sekretaris.goto("/accounts");
    const card = sekretaris.locator(`[data-email="${RELAWAN.email}"]`);
    await card.getByText("Aktif", { exact: true }).waitFor();
    await card.getByLabel("Alasan menonaktifkan").fill("Pindah ke luar kota");
    sekretaris.once("dialog", (dialog) => void dialog.accept());
    await card.getByRole("button", { name: "Nonaktifkan" }).click();
    await sekretaris.getByText(`Login ${RELAWAN.name} dinonaktifkan. Semua sesinya sudah berakhir.`).waitFor();
    await sekretaris.locator(`[data-email="${RELAWAN.email}"][data-state="nonaktif"]`).waitFor();
    expect(await noSideways(sekretaris)).toBeLessThanOrEqual(0);

    await logIn(relawan, RELAWAN.email, "sandi-baru-budi-2026");
    await relawan.getByText("Akun ini dinonaktifkan. Hubungi pengurus IPSM.").waitFor();
  });
});
