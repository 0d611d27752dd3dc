// `npm run setup -- --email ... --name ... --region 33.28 --chapter-name "IPSM Kabupaten Tegal" ...`:
// the first-run setup without a browser, for scripted installs. Prepares the database (migrations
// and regions, never the demo), then creates the first administrator and the first chapter with
// the same rules as the /setup page. The password comes from SETUP_PASSWORD or is asked for on
// the terminal (not shown). Exit code 0 when done, 1 when refused, 2 for a wrong command line.
import { execFileSync } from "node:child_process";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { ensureEnvFile, loadEnvFile } from "./lib/env-file.mjs";

const OPTIONS = {
  email: { type: "string", field: "adminEmail", help: "email of the first administrator" },
  name: { type: "string", field: "adminName", help: "full name of the first administrator" },
  level: { type: "string", field: "level", help: "provinsi | kabkota | kecamatan | kelurahan (default kabkota)" },
  region: { type: "string", field: "regionCode", help: "Kemendagri code of the chapter's region, e.g. 33.28" },
  "chapter-name": { type: "string", field: "name", help: 'e.g. "IPSM Kabupaten Tegal"' },
  code: { type: "string", field: "code", help: "short code for letter numbers, e.g. TGL" },
  address: { type: "string", field: "address", help: "the secretariat's address" },
  "letter-place": { type: "string", field: "letterPlace", help: "the place written on letters, e.g. Slawi" },
  letterhead: { type: "string", field: "letterheadSubtitle", help: 'the letterhead\'s second line, e.g. "KABUPATEN TEGAL"' },
  phone: { type: "string", field: "phone", help: "optional" },
  "chapter-email": { type: "string", field: "email", help: "optional" },
  website: { type: "string", field: "website", help: "optional" },
} as const;

function usage() {
  const lines = Object.entries(OPTIONS).map(([flag, o]) => `  --${flag.padEnd(15)} ${o.help}`);
  return ["Usage: npm run setup -- [options]   (password from SETUP_PASSWORD, or asked)", ...lines].join("\n");
}

/** Asks on the terminal without echoing what is typed. */
async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      options: { ...Object.fromEntries(Object.entries(OPTIONS).map(([k]) => [k, { type: "string" as const }])), help: { type: "boolean" } },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${usage()}`);
    return 2;
  }
  if (values.help) {
    console.log(usage());
    return 0;
  }

  ensureEnvFile();
  loadEnvFile();
  process.env.DATABASE_URL ??= "file:./data/portal.db";
  // Migrations and every region of Indonesia; never the demo on a real installation.
  execFileSync("node", ["scripts/db-setup.mjs"], { stdio: "inherit", env: { ...process.env, SEED_DEMO_DATA: "false" } });

  const password = process.env.SETUP_PASSWORD ?? (process.stdin.isTTY ? await askHidden("Kata sandi administrator: ") : "");
  const input: Record<string, string> = { level: "kabkota", password };
  for (const [flag, option] of Object.entries(OPTIONS)) {
    const value = values[flag];
    if (typeof value === "string") input[option.field] = value;
  }

  // Imported after .env is loaded: the database client reads DATABASE_URL as it loads.
  const { installationSchema } = await import("~/validation/setup");
  const { setupFromCommandLine } = await import("~/domain/setup/setup.server");
  const { db } = await import("~/utils/db.server");
  const flagOf = (field: string) => {
    if (field === "password") return "SETUP_PASSWORD";
    const entry = Object.entries(OPTIONS).find(([, o]) => o.field === field);
    return entry ? `--${entry[0]}` : field;
  };
  try {
    const parsed = installationSchema.safeParse(input);
    if (!parsed.success) {
      console.error("Penyiapan ditolak / setup refused:");
      for (const issue of parsed.error.issues) console.error(`  ${flagOf(String(issue.path[0]))}: ${issue.message}`);
      return 1;
    }
    const result = await setupFromCommandLine(parsed.data);
    if (!result.ok) {
      console.error("Penyiapan ditolak / setup refused:");
      if (result.refusal === "invalid")
        for (const [field, message] of Object.entries(result.fieldErrors)) console.error(`  ${flagOf(field)}: ${message}`);
      else if (result.refusal === "conflict") console.error(`  ${result.message}`);
      else console.error("  Portal sudah disiapkan / the portal is already set up.");
      return 1;
    }
    console.log(
      `Portal siap / set up: ${parsed.data.name} (${parsed.data.code}); administrator ${parsed.data.adminEmail}. Jalankan / run: npm start`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
