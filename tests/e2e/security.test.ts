// Security against the real server (docs/decisions/021, 022): the headers every page carries
// (a Content-Security-Policy with a per-response nonce that Remix's scripts use, so the pages
// still work), cross-site writes refused with 403 (a plain form POST, a Remix data request, a
// page of another site on the same host auto-posting a form), sign-out only by POST, and the
// login's redirect staying on the portal.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, logIn, phoneContext } from "../support/browser";

const baseURL = inject("baseURL");
const PASSWORD = "demo-ipsm-2026";
let browser: Browser;
let context: BrowserContext;
let page: Page;
let evil: Server;
let evilURL: string;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await phoneContext(browser, baseURL);
  page = await context.newPage();
  // "another site": a page on the same host but another port (same-site for SameSite cookies,
  // so the browser sends the session cookie: only the portal's own check can refuse it)
  evil = createServer((_req, res) => {
    res.setHeader("Content-Type", "text/html");
    res.end(
      `<form id="f" method="post" action="${baseURL}/profile"><input name="intent" value="contact"><input name="address" value="Alamat Penyerang"><input name="phone" value="081200000000"></form><script>document.getElementById("f").submit()</script>`,
    );
  });
  await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
  evilURL = `http://${new URL(baseURL).hostname}:${(evil.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((resolve) => evil?.close(resolve));
});

async function signInByFetch(email: string) {
  const response = await fetch(`${baseURL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
    body: new URLSearchParams({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(302);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

describe("headers", () => {
  it("sends a nonce-based Content-Security-Policy, Permissions-Policy and no HSTS over plain http", async () => {
    const first = await fetch(`${baseURL}/login`);
    const second = await fetch(`${baseURL}/login`);
    const csp = first.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(/'nonce-([^']+)'/.exec(second.headers.get("content-security-policy") ?? "")![1]).not.toBe(nonce);
    // every inline script of the page carries this response's nonce
    const html = await first.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, attributes] of inline) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(first.headers.get("permissions-policy")).toMatch(/geolocation=\(self\)/);
    expect(first.headers.get("permissions-policy")).toMatch(/camera=\(\)/);
    expect(first.headers.get("strict-transport-security")).toBeNull();
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    // pages carry personal data: a shared computer's browser keeps none of them
    expect(first.headers.get("cache-control")).toBe("private, no-store");
  });

  it("sends HSTS when the portal is reached over https (through a proxy that says so)", async () => {
    // the e2e server trusts no proxy, so X-Forwarded-Proto is ignored: no HSTS from a forged header
    const forged = await fetch(`${baseURL}/login`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(forged.headers.get("strict-transport-security")).toBeNull();
  });

  it("the pages still work under the policy: no script is blocked while signing in and moving around", async () => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
    });
    await logIn(page, "relawan@demo.ipsm.id", PASSWORD);
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/activities");
    await page.getByRole("link", { name: "Catat kegiatan" }).click();
    await page.getByRole("heading", { level: 1, name: "Catat kegiatan" }).waitFor();
    // client-side navigation means the scripts ran (hydrated)
    expect(await page.evaluate(() => document.querySelectorAll("script[nonce]").length)).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });
});

describe("cross-site writes", () => {
  it("refuses a foreign-Origin form POST and a Remix data POST with 403, and changes nothing", async () => {
    const cookie = await signInByFetch("bendahara@demo.ipsm.id");
    // a document POST, a Remix data request (single fetch: /profile.data) and the older ?_data form
    for (const path of ["/profile", "/profile.data", "/profile?_data=routes%2Fprofile"]) {
      const response = await fetch(`${baseURL}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "contact", address: "Alamat Penyerang", phone: "081200000000" }),
      });
      expect(response.status, path).toBe(403);
    }
    const profile = await (await fetch(`${baseURL}/profile`, { headers: { Cookie: cookie } })).text();
    expect(profile).toContain('name="address"');
    expect(profile).not.toContain("Alamat Penyerang");
    // the same POST from the portal's own origin reaches the form's rules (here: the phone is refused)
    const own = await fetch(`${baseURL}/profile.data`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: baseURL, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "contact", address: "Alamat Penyerang", phone: "bukan-nomor" }),
    });
    expect(own.status).toBe(400);
  });

  it("a page of another site that auto-posts a form to the portal gets the Indonesian 403 page", async () => {
    await page.goto(evilURL);
    await page.getByText("Permintaan ini datang dari situs lain, jadi ditolak.").waitFor();
    await page.goto("/profile");
    expect(await page.locator("input[name=address]").inputValue()).not.toBe("Alamat Penyerang");
  });

  it("GET /logout does not sign out: it asks, and the button signs out", async () => {
    await page.goto("/logout");
    await page.getByRole("heading", { level: 1, name: "Keluar dari Portal IPSM" }).waitFor();
    await page.goto("/profile");
    expect(new URL(page.url()).pathname).toBe("/profile");
    await page.goto("/logout");
    await page.getByRole("main").getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL(/\/login/);
    await page.goto("/profile");
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});

describe("after sign-in", () => {
  it("goes to a local page it was asked to, never to another site however the address is dressed", async () => {
    await page.goto("/login?redirectTo=%2F%09%2Fevil.example");
    await page.getByLabel("Email").fill("relawan@demo.ipsm.id");
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(new URL(page.url()).host).toBe(new URL(baseURL).host);
    await page.getByText("Menu", { exact: true }).click();
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL(/\/login/);

    await page.goto("/members");
    await page.waitForURL(/\/login\?redirectTo=/);
    await page.getByLabel("Email").fill("sekretaris@demo.ipsm.id");
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL((url) => url.pathname === "/members");
  });
});
