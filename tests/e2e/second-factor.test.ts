// The second factor on a phone (360 px; issue 17, docs/decisions/024): a Bendahara turns it on
// from "Profil saya" by typing the key shown on the page into their authenticator (here: the test
// computes the code from it), writes down the recovery codes, signs out, and signs in again with
// the password and the code. A Ketua whose phone is not at hand signs in with a recovery code.
import { Secret, TOTP } from "otpauth";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser, logIn, phoneContext } from "../support/browser";
import { E2E_SECOND_FACTOR } from "../support/second-factor";

const baseURL = inject("baseURL");
const PASSWORD = "demo-ipsm-2026";
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
beforeEach(async () => {
  await context?.close();
  context = await phoneContext(browser, baseURL);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** What an authenticator app shows for the secret at a moment. */
const codeAt = (secret: string, timestamp: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp });
const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("the second factor on a phone", () => {
  it("a board member turns it on with the key shown, signs out, and signs in with the password and a code", async () => {
    await logIn(page, E2E_SECOND_FACTOR.enrolEmail, PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto("/profile");
    await page.getByRole("link", { name: "Atur verifikasi dua langkah" }).click();
    await page.getByRole("heading", { level: 1, name: "Verifikasi dua langkah" }).waitFor();
    await page.getByText("Belum aktif.").waitFor();
    await page.getByRole("button", { name: "Aktifkan verifikasi dua langkah" }).click();

    // The QR code is drawn (a data: image the Content-Security-Policy allows) and the key is there to type.
    const qr = page.getByTestId("totp-qr");
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await noSideways()).toBeLessThanOrEqual(0);

    await page.getByLabel("Kode 6 angka dari aplikasi").fill(codeAt(secret, Date.now()));
    await page.getByLabel("Kata sandi Anda").fill(PASSWORD);
    await page.getByRole("button", { name: "Aktifkan", exact: true }).click();

    // The recovery codes, shown once, to write down.
    await page.getByTestId("second-factor-done").waitFor();
    const codes = (await page.getByTestId("recovery-codes").getByRole("listitem").allInnerTexts()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    expect(await noSideways()).toBeLessThanOrEqual(0);
    await page.getByRole("link", { name: "Saya sudah mencatatnya, lanjutkan" }).click();
    await page.waitForURL((url) => url.pathname === "/profile");

    await page.goto("/logout");
    await page.getByRole("main").getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL((url) => url.pathname === "/login");

    // The password alone is not enough: the code page asks for the app's code.
    await logIn(page, E2E_SECOND_FACTOR.enrolEmail, PASSWORD);
    await page.waitForURL((url) => url.pathname === "/login/code");
    const codeField = page.getByLabel("Kode 6 angka");
    expect(await codeField.getAttribute("inputmode")).toBe("numeric");
    expect(await codeField.getAttribute("autocomplete")).toBe("one-time-code");
    expect(await noSideways()).toBeLessThanOrEqual(0);
    const right = codeAt(secret, Date.now() + 30_000);
    await codeField.fill(right === "000000" ? "999999" : String((Number(right) + 1) % 1_000_000).padStart(6, "0"));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.getByText("Kode salah atau sudah kedaluwarsa.", { exact: false }).waitFor();
    // The step used to turn it on is spent: the app's next code (accepted one step ahead) signs in.
    await codeField.fill(right);
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByText("Selamat datang, Bendahara Dua Langkah.").waitFor();

    await page.goto("/profile/second-factor");
    await page.getByText(/^Aktif sejak /).waitFor();
    await page.getByText("Kode pemulihan yang belum dipakai: 10 dari 10.").waitFor();
  });

  it("signs in with a recovery code when the phone is not at hand, once", async () => {
    await page.goto("/members");
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByLabel("Email").fill(E2E_SECOND_FACTOR.recoveryEmail);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL((url) => url.pathname === "/login/code");
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/members");

    await page.getByText("Tidak bisa membuka aplikasi? Pakai kode pemulihan").click();
    // typed as read from paper: capitals and spaces
    await page.getByLabel("Kode pemulihan").fill(E2E_SECOND_FACTOR.recoveryCodes[0].toUpperCase().replace(/-/g, " "));
    await page.getByRole("button", { name: "Masuk dengan kode pemulihan" }).click();
    await page.waitForURL((url) => url.pathname === "/members");
    await page.getByText("Sisa kode pemulihan: 1.", { exact: false }).waitFor();

    await page.goto("/logout");
    await page.getByRole("main").getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await logIn(page, E2E_SECOND_FACTOR.recoveryEmail, PASSWORD);
    await page.waitForURL((url) => url.pathname === "/login/code");
    await page.getByText("Tidak bisa membuka aplikasi? Pakai kode pemulihan").click();
    await page.getByLabel("Kode pemulihan").fill(E2E_SECOND_FACTOR.recoveryCodes[0]);
    await page.getByRole("button", { name: "Masuk dengan kode pemulihan" }).click();
    await page.getByText("Kode pemulihan salah atau sudah pernah dipakai.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login/code");
  });
});
