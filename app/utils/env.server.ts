import { z } from "~/validation/zod";

// Every environment variable the app reads, checked once at start-up. (server.mjs itself reads
// PORT, HOST and TRUST_PROXY.) .env.example lists them all with their meaning.
/** `NAME=` in .env (as .env.example leaves optional settings) means the setting is not used. */
const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("file:./data/portal.db"),
  SESSION_SECRET: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 30)
    .default(12),
  /** "false" only for plain http on a network address; the cookie is Secure in production otherwise. */
  COOKIE_SECURE: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** where uploaded files (member photos, documents) are kept, outside the database */
  UPLOADS_DIR: z.string().min(1).default("./data/uploads"),
  /** the address people reach the portal at, for links printed on cards and reports (QR codes) */
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  /** outgoing mail, e.g. smtp://user:password@mail.example.id:587 (smtps:// for TLS); without it no mail is sent */
  SMTP_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^smtps?$/ }).optional()),
  /** the sender of the portal's mail, e.g. "Portal IPSM <noreply@ipsm-kota.or.id>" */
  MAIL_FROM: z.preprocess(emptyAsUnset, z.string().min(3).optional()),
  SEED_DEMO_DATA: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
});

/** The mail settings as they are now (read on each use, so a test can point them at its own SMTP server). */
export function mailSettings(source: Record<string, string | undefined> = process.env): { url: string; from: string } | null {
  const parsed = envSchema.pick({ SMTP_URL: true, MAIL_FROM: true }).safeParse(source);
  if (!parsed.success || !parsed.data.SMTP_URL || !parsed.data.MAIL_FROM) return null;
  return { url: parsed.data.SMTP_URL, from: parsed.data.MAIL_FROM };
}

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string };

const DEV_ONLY_SECRET = "dev-only-secret-not-for-production-use";

/** Parses process.env; in production refuses to go on without a real SESSION_SECRET. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  if (!env.SESSION_SECRET) {
    if (env.NODE_ENV === "production") {
      throw new Error(
        "SESSION_SECRET is not set. The portal refuses to start in production without it: " +
          "set SESSION_SECRET to a long random value (see .env.example).",
      );
    }
    return { ...env, SESSION_SECRET: DEV_ONLY_SECRET };
  }
  if (env.NODE_ENV === "production" && env.SESSION_SECRET.length < 32) {
    throw new Error("SESSION_SECRET must be at least 32 characters long in production.");
  }
  return { ...env, SESSION_SECRET: env.SESSION_SECRET };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** The only values the browser may see. */
export function getPublicEnv() {
  return { MODE: getEnv().NODE_ENV };
}
export type PublicEnv = ReturnType<typeof getPublicEnv>;
