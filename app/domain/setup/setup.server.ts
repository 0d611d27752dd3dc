// First run: a portal on an empty database answers every page with the setup page until the
// first administrator and the first chapter exist. The browser's setup is protected by a
// one-time code that the server prints in its log at start and keeps only in memory (whoever can
// read the server's log runs the server); `npm run setup` on the server machine needs no code.
// After setup the Installation row exists and setup answers 404 forever.
import { randomInt, timingSafeEqual } from "node:crypto";
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { insertChapterInTx, newChapterRefusal } from "~/domain/chapters/chapter-admin.server";
import { conflict, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import type { InstallationData } from "~/validation/setup";

export type InstallMethod = "setup" | "cli" | "demo" | "existing";

let installed = false;

/**
 * Whether the portal has been set up. A database that already has logins but no Installation row
 * (set up before this check existed) counts as installed and gets its row. Once true, remembered.
 */
export async function isInstalled(): Promise<boolean> {
  if (installed) return true;
  if (await db.installation.findUnique({ where: { id: 1 }, select: { id: true } })) return (installed = true);
  if ((await db.user.count()) > 0) {
    await markInstalled("existing");
    return (installed = true);
  }
  return false;
}

/** Forgets the remembered answer of isInstalled (tests that change the database under a loaded module). */
export function forgetInstalledState() {
  installed = false;
}

/** Writes the Installation row (once; a second call keeps the first). */
export async function markInstalled(method: InstallMethod) {
  await db.installation.upsert({ where: { id: 1 }, create: { id: 1, method }, update: {} });
  installed = true;
}

// ---------------------------------------------------------------------------------------------
// The setup code

/** Letters and digits that cannot be mistaken for each other when read off a log (no 0/O, 1/I/L). */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_GROUPS = 3;
const CODE_GROUP_LENGTH = 4;
/** Wrong codes allowed before the code is replaced by a new one (printed in the log again). */
export const SETUP_CODE_TRIES = 10;

let setupCode: string | null = null;
let wrongTries = 0;

function newSetupCode(): string {
  const groups = Array.from({ length: CODE_GROUPS }, () =>
    Array.from({ length: CODE_GROUP_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}

function printSetupCode(code: string, log: (line: string) => void) {
  log(
    [
      "",
      "  Portal IPSM belum disiapkan / is not set up yet.",
      `  Kode penyiapan / setup code: ${code}`,
      "  Buka /setup di peramban dan masukkan kode ini / open /setup in a browser and enter this code.",
      "",
    ].join("\n"),
  );
}

/**
 * Makes the setup code and prints it in the log, when the portal is not set up; called as the
 * server starts. Returns the code (for the server's own tests), or null when already installed.
 */
export async function announceSetupCode(log: (line: string) => void = console.log): Promise<string | null> {
  if (await isInstalled()) return null;
  setupCode ??= newSetupCode();
  wrongTries = 0;
  printSetupCode(setupCode, log);
  return setupCode;
}

/** Compares a typed code with the printed one in constant time; dashes, spaces and case do not matter. */
function codeMatches(typed: string): boolean {
  if (!setupCode) return false;
  const expected = Buffer.from(setupCode.replace(/-/g, ""));
  const given = Buffer.from(typed.replace(/[\s-]/g, "").toUpperCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// ---------------------------------------------------------------------------------------------
// Setting up

/** Creates the first chapter and its administrator in one transaction, and marks the portal installed. */
async function install(data: InstallationData, method: InstallMethod): Promise<Outcome<{ userId: string; chapterId: string }>> {
  const chapterData = { ...data, parentId: null };
  const refusal = await newChapterRefusal(chapterData);
  if (refusal) return refusal;
  if (await db.user.findUnique({ where: { email: data.adminEmail }, select: { id: true } }))
    return invalid({ adminEmail: t("setup.error.emailTaken") });
  const passwordHash = await hashPassword(data.password);
  const created = await db.$transaction(async (tx) => {
    // Another setup finished meanwhile: nothing is written.
    if (await tx.installation.findUnique({ where: { id: 1 }, select: { id: true } })) return null;
    const chapter = await insertChapterInTx(tx, chapterData, null);
    const user = await tx.user.create({
      data: { email: data.adminEmail, name: data.adminName, passwordHash, role: "admin", chapterId: chapter.id },
      select: { id: true },
    });
    await tx.installation.create({ data: { id: 1, method } });
    await recordAudit(
      {
        actorId: user.id,
        chapterId: chapter.id,
        action: "setup.complete",
        entityType: "User",
        entityId: user.id,
        after: { method, email: data.adminEmail, name: data.adminName, chapter: data.name, regionCode: data.regionCode },
      },
      tx,
    );
    return { userId: user.id, chapterId: chapter.id };
  });
  if (!created) return notFound();
  installed = true;
  setupCode = null;
  return ok(created);
}

/**
 * The browser's setup: refused (404) once installed; a wrong code is refused with a plain message,
 * and after SETUP_CODE_TRIES wrong codes the code is replaced by a new one printed in the log.
 */
export async function completeSetup(
  data: InstallationData & { setupCode: string },
  log: (line: string) => void = console.log,
): Promise<Outcome<{ userId: string; chapterId: string }>> {
  if (await isInstalled()) return notFound();
  if (!codeMatches(data.setupCode)) {
    wrongTries += 1;
    if (wrongTries >= SETUP_CODE_TRIES) {
      setupCode = newSetupCode();
      wrongTries = 0;
      printSetupCode(setupCode, log);
      return invalid({ setupCode: t("setup.error.codeReplaced") });
    }
    return invalid({ setupCode: t("setup.error.codeWrong") });
  }
  return install(data, "setup");
}

/** `npm run setup`: the same installation from the server's command line (no code needed there). */
export async function setupFromCommandLine(data: InstallationData): Promise<Outcome<{ userId: string; chapterId: string }>> {
  if (await isInstalled()) return conflict(t("setup.error.alreadyDone"));
  return install(data, "cli");
}
