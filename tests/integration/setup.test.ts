// First run (issue 16): on a database with regions only, every page leads to /setup; setup needs
// the one-time code the server prints in its log (a wrong code is refused, ten wrong codes replace
// it); it creates the first administrator and chapter (time zone from the region) in one step and
// signs the administrator in; afterwards /setup answers 404. A database that already has logins
// counts as set up. `npm run setup` does the same from the command line, on its own database.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { announceSetupCode, completeSetup, forgetInstalledState, isInstalled, SETUP_CODE_TRIES } from "~/domain/setup/setup.server";
import { t } from "~/i18n";
import { loader as rootLoader } from "~/root";
import { loader as dashboardLoader } from "~/routes/_index";
import { action as setupAction, loader as setupLoader } from "~/routes/setup";
import { loader as setupRegionsLoader } from "~/routes/setup_.regions";
import { db } from "~/utils/db.server";
import { cookiesFrom, dataOf, getRequest, postForm, run, statusOf } from "../support/requests";

const FORM = {
  adminName: "Ni Luh Putu Ayu Kusuma",
  adminEmail: "  Admin@IPSM-Denpasar.or.id ",
  password: "kata-sandi-bali-2026",
  confirm: "kata-sandi-bali-2026",
  level: "kabkota",
  regionCode: "51.71",
  name: "IPSM Kota Denpasar",
  code: "dps",
  address: "Jl. Melati No. 3, Denpasar",
  letterPlace: "Denpasar",
  letterheadSubtitle: "KOTA DENPASAR",
  phone: "(0361) 222 333",
  email: "",
  website: "",
};

const codeOfLog = (lines: string[]) => /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(lines.join("\n"))?.[1];

describe("first run", () => {
  it("leads every page to /setup until the portal is set up; the setup page and its region picker answer", async () => {
    expect(await db.user.count()).toBe(0);
    expect(await isInstalled()).toBe(false);
    const gated = await run(rootLoader, getRequest("/members"));
    expect(statusOf(gated)).toBe(302);
    expect((gated as Response).headers.get("Location")).toBe("/setup");
    expect(statusOf(await run(rootLoader, getRequest("/setup")))).toBe(200);
    expect(statusOf(await run(setupLoader, getRequest("/setup")))).toBe(200);
    const found = (await run(setupRegionsLoader, getRequest("/setup/regions?q=denpasar&level=regency"))) as Response;
    const { regions } = (await found.json()) as { regions: { code: string }[] };
    expect(regions.map((r) => r.code)).toContain("51.71");
  });

  it("prints a code in the log at start; without it, or with a wrong one, setup refuses and keeps nothing typed secret", async () => {
    const log: string[] = [];
    const code = await announceSetupCode((line) => log.push(line));
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(codeOfLog(log)).toBe(code);
    // Asked again (a second start of the same process), the same code stands.
    expect(await announceSetupCode(() => {})).toBe(code);

    const none = await run(setupAction, postForm("/setup", { ...FORM, setupCode: "" }));
    expect(statusOf(none)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(none).fieldErrors.setupCode).toBe(t("setup.error.codeRequired"));

    const wrong = await run(setupAction, postForm("/setup", { ...FORM, setupCode: "AAAA-BBBB-CCCC" }));
    expect(statusOf(wrong)).toBe(400);
    const body = dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(wrong);
    expect(body.fieldErrors.setupCode).toBe(t("setup.error.codeWrong"));
    expect(body.values).not.toHaveProperty("password");
    expect(body.values).not.toHaveProperty("setupCode");
    expect(body.values.name).toBe("IPSM Kota Denpasar");
    expect(await db.user.count()).toBe(0);
    expect(await db.chapter.count()).toBe(0);
  });

  it("replaces the code after ten wrong ones and prints the new one", async () => {
    const log: string[] = [];
    const first = (await announceSetupCode(() => {}))!;
    let last;
    for (let i = 0; i < SETUP_CODE_TRIES; i++)
      last = await completeSetup({ ...parsedForm(), setupCode: "ZZZZ-ZZZZ-ZZZZ" }, (l) => log.push(l));
    expect(last).toMatchObject({ refusal: "invalid", fieldErrors: { setupCode: t("setup.error.codeReplaced") } });
    const replacement = codeOfLog(log);
    expect(replacement).toBeDefined();
    expect(replacement).not.toBe(first);
    expect(await completeSetup({ ...parsedForm(), setupCode: first })).toMatchObject({ refusal: "invalid" });
  });

  it("checks the chapter and the administrator as everywhere: region of the level, the password rule, the two passwords", async () => {
    const code = (await announceSetupCode(() => {}))!;
    const badRegion = await run(setupAction, postForm("/setup", { ...FORM, setupCode: code, regionCode: "51.71.01" }));
    expect(dataOf<{ fieldErrors: Record<string, string> }>(badRegion).fieldErrors.regionCode).toBe(t("chapters.error.regionLevel"));
    const short = await run(setupAction, postForm("/setup", { ...FORM, setupCode: code, password: "pendek", confirm: "pendek" }));
    expect(dataOf<{ fieldErrors: Record<string, string> }>(short).fieldErrors.password).toBe(t("validation.passwordTooShort", { min: 10 }));
    const mismatch = await run(setupAction, postForm("/setup", { ...FORM, setupCode: code, confirm: "kata-sandi-lain-2026" }));
    expect(dataOf<{ fieldErrors: Record<string, string> }>(mismatch).fieldErrors.confirm).toBe(t("validation.passwordMismatch"));
    expect(await isInstalled()).toBe(false);
  });

  it("creates the administrator and the chapter (WITA from Bali), signs in, and answers 404 from then on", async () => {
    const code = (await announceSetupCode(() => {}))!;
    // Typed as people copy it from a log: lower case, spaces instead of dashes.
    const typed = code.toLowerCase().replace(/-/g, " ");
    const response = await run(setupAction, postForm("/setup", { ...FORM, setupCode: typed }));
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/");

    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@ipsm-denpasar.or.id" }, include: { chapter: true } });
    expect(admin).toMatchObject({ role: "admin", name: "Ni Luh Putu Ayu Kusuma", active: true });
    expect(admin.chapter).toMatchObject({
      name: "IPSM Kota Denpasar",
      code: "DPS",
      level: "kabkota",
      regionCode: "51.71",
      timeZone: "Asia/Makassar",
    });
    expect(await db.installation.findUnique({ where: { id: 1 } })).toMatchObject({ method: "setup" });
    expect(await db.auditLog.count({ where: { action: "setup.complete", actorId: admin.id } })).toBe(1);

    // The administrator is signed in: the dashboard answers with the new session.
    const cookie = cookiesFrom(response as Response);
    expect(statusOf(await run(dashboardLoader, getRequest("/", cookie)))).toBe(200);

    expect(statusOf(await run(setupLoader, getRequest("/setup")))).toBe(404);
    expect(statusOf(await run(setupAction, postForm("/setup", { ...FORM, setupCode: typed, adminEmail: "lain@contoh.id" })))).toBe(404);
    expect(statusOf(await run(setupRegionsLoader, getRequest("/setup/regions?q=bali")))).toBe(404);
    expect(statusOf(await run(rootLoader, getRequest("/login")))).toBe(200);
    expect(await announceSetupCode(() => {})).toBeNull();
    expect(await db.user.count()).toBe(1);
  });

  it("counts a database that already has logins (set up before this check) as set up, and writes its row", async () => {
    await db.installation.deleteMany();
    forgetInstalledState();
    expect(await isInstalled()).toBe(true);
    expect(await db.installation.findUnique({ where: { id: 1 } })).toMatchObject({ method: "existing" });
  });
});

function parsedForm() {
  return {
    adminName: FORM.adminName,
    adminEmail: "admin@ipsm-denpasar.or.id",
    password: FORM.password,
    level: "kabkota" as const,
    regionCode: FORM.regionCode,
    name: FORM.name,
    code: "DPS",
    address: FORM.address,
    letterPlace: FORM.letterPlace,
    letterheadSubtitle: FORM.letterheadSubtitle,
    phone: null,
    email: null,
    website: null,
  };
}

describe("npm run setup", () => {
  it("sets up an empty database from the command line (Papua: WIT), and refuses a second time", { timeout: 120_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ipsm-setup-"));
    const file = path.join(dir, "portal.db");
    const env = { ...process.env, DATABASE_URL: `file:${file}`, SESSION_SECRET: "cli-test-secret", SETUP_PASSWORD: "sandi-jayapura-2026" };
    const args = [
      "run",
      "setup",
      "--",
      "--email",
      "Admin@Jayapura.test",
      "--name",
      "Yohanes O'Neil",
      "--region",
      "91.71",
      "--chapter-name",
      "IPSM Kota Jayapura",
      "--code",
      "JAP",
      "--address",
      "Jl. Samratulangi 1, Jayapura",
      "--letter-place",
      "Jayapura",
      "--letterhead",
      "KOTA JAYAPURA",
    ];
    try {
      const out = execFileSync("npm", args, { env, encoding: "utf8", stdio: "pipe" });
      expect(out).toContain("IPSM Kota Jayapura (JAP)");
      const sqlite = new Database(file, { readonly: true });
      const user = sqlite.prepare("SELECT u.email, u.role, u.name, c.timeZone FROM User u JOIN Chapter c ON c.id = u.chapterId").all();
      expect(user).toEqual([{ email: "admin@jayapura.test", role: "admin", name: "Yohanes O'Neil", timeZone: "Asia/Jayapura" }]);
      expect(sqlite.prepare("SELECT method FROM Installation").all()).toEqual([{ method: "cli" }]);
      sqlite.close();

      let refused: { status: number; stderr: string } | undefined;
      try {
        execFileSync("npm", args, { env, encoding: "utf8", stdio: "pipe" });
      } catch (error) {
        refused = error as { status: number; stderr: string };
      }
      expect(refused?.status).toBe(1);
      expect(refused?.stderr).toContain(t("setup.error.alreadyDone"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
