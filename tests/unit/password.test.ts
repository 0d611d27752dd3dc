import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/utils/password.server";

describe("password hashing (scrypt)", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const hash = await hashPassword("demo-ipsm-2026");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("demo-ipsm-2026", hash)).toBe(true);
    expect(await verifyPassword("demo-ipsm-2027", hash)).toBe(false);
    expect(await hashPassword("demo-ipsm-2026")).not.toBe(hash);
  });

  it("rejects malformed stored hashes", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });
});
