import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";

describe("parseEnv", () => {
  it("refuses to run in production without a session secret, saying what to do", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET is not set/);
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "short" })).toThrow(/at least 32/);
  });

  it("uses defaults for development", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBe("file:./data/portal.db");
    expect(env.SESSION_TTL_HOURS).toBe(12);
    expect(env.SESSION_SECRET.length).toBeGreaterThan(0);
  });

  it("reports invalid values", () => {
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
    expect(() => parseEnv({ SESSION_TTL_HOURS: "-1" })).toThrow(/SESSION_TTL_HOURS/);
  });
});
