// Debian's Chromium driven by playwright-core (never a downloaded browser). Every context this
// browser opens watches its pages for raw catalogue keys (see watchForRawCatalogueKeys).
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { id } from "~/i18n/id";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's package (apt-get install -y chromium) ` + "or set CHROMIUM_PATH.",
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchForRawCatalogueKeys(context);
    return context;
  };
  return browser;
}

// A page showing a raw catalogue key ("activities.form.title" instead of its text) means the
// browser lacks a text: the browser build only ships the texts the page's modules name
// (docs/decisions/028), so a key that reaches the browser as data must be translated on the
// server. Every test fails when one shows (tests/setup/e2e-raw-keys.ts), and when hydration
// found the server's HTML and the browser's render different (React errors 418, 423, 425).
const KEYS = Object.keys(id);
const PREFIXES = [...new Set(KEYS.map((key) => key.split(".")[0]!))];
const rawKeysSeen: string[] = [];

/** What the pages showed since the last call: raw keys and hydration mismatches, with the page's address. */
export function takeRawCatalogueKeys(): string[] {
  return rawKeysSeen.splice(0);
}

async function watchForRawCatalogueKeys(context: BrowserContext) {
  await context.exposeBinding("__reportRawCatalogueKey", ({ page }, found: string) => {
    rawKeysSeen.push(`${new URL(page.url()).pathname}: ${found}`);
  });
  // React reports a hydration mismatch with reportError (a page error) or console.error
  const hydration = (page: Page, text: string) => {
    const error = /Minified React error #(418|423|425)\b/.exec(text);
    if (error) rawKeysSeen.push(`${new URL(page.url()).pathname}: hydration mismatch (React error #${error[1]})`);
  };
  context.on("page", (page) => {
    page.on("pageerror", (error) => hydration(page, error.message));
    page.on("console", (message) => {
      if (message.type() === "error") hydration(page, message.text());
    });
  });
  await context.addInitScript(
    ({ keys, prefixes }) => {
      const known = new Set(keys);
      const whole = new RegExp(`^(?:${prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")).join("|")})(?:\\.[\\w-]+)+$`);
      const token = /[A-Za-z][\w-]*(?:\.[\w-]+)+/g;
      const skipped = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);
      const attributes = ["aria-label", "title", "placeholder", "alt"];
      const reported = new Set<string>();
      const report = (found: string) => {
        if (reported.has(found)) return;
        reported.add(found);
        (window as unknown as { __reportRawCatalogueKey?: (found: string) => void }).__reportRawCatalogueKey?.(found);
      };
      const checkText = (text: string | null) => {
        const value = (text ?? "").trim();
        if (!value) return;
        if (whole.test(value)) return report(value);
        for (const match of value.matchAll(token)) if (known.has(match[0])) return report(match[0]);
      };
      const check = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) {
          if (!skipped.has(node.parentElement?.tagName ?? "")) checkText(node.nodeValue);
          return;
        }
        if (node.nodeType !== Node.ELEMENT_NODE || skipped.has((node as Element).tagName)) return;
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
          acceptNode: (n) =>
            n.nodeType === Node.ELEMENT_NODE && skipped.has((n as Element).tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
        });
        for (let n: Node | null = node; n; n = walker.nextNode()) {
          if (n.nodeType === Node.TEXT_NODE) {
            if (!skipped.has(n.parentElement?.tagName ?? "")) checkText(n.nodeValue);
          } else for (const name of attributes) checkText((n as Element).getAttribute(name));
        }
      };
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === "childList") record.addedNodes.forEach(check);
          else if (record.type === "characterData") check(record.target);
          else if (record.type === "attributes") checkText((record.target as Element).getAttribute(record.attributeName ?? ""));
        }
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: attributes });
      if (document.documentElement) check(document.documentElement);
    },
    { keys: KEYS, prefixes: PREFIXES },
  );
}

/** A phone-sized context (360 px wide), as most volunteers use; its service worker allowed unless told. */
export async function phoneContext(
  browser: Browser,
  baseURL: string,
  options: { serviceWorkers?: "allow" | "block" } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    serviceWorkers: options.serviceWorkers ?? "allow",
  });
}

/** A phone signed in as `email` (the demo password unless told), on its dashboard. */
export async function signedInPhone(
  browser: Browser,
  baseURL: string,
  email: string,
  options: { password?: string; serviceWorkers?: "allow" | "block" } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser, baseURL, options);
  const page = await context.newPage();
  await logIn(page, email, options.password ?? "demo-ipsm-2026");
  await page.getByRole("heading", { level: 1, name: /^Halo, / }).waitFor();
  return { context, page };
}

export async function logIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}
