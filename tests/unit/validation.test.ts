import { describe, expect, it } from "vitest";
import { loginSchema, safeRedirect } from "~/validation/auth";

describe("loginSchema", () => {
  it("normalises the email", () => {
    expect(loginSchema.parse({ email: "  Ketua@Demo.IPSM.id ", password: "x" })).toEqual({
      email: "ketua@demo.ipsm.id",
      password: "x",
    });
  });

  it("explains problems in Indonesian, per field", () => {
    const result = loginSchema.safeParse({ email: "ketua", password: "" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages.email).toBe("Masukkan alamat email yang benar, misalnya nama@contoh.id.");
    expect(messages.password).toBe("Masukkan kata sandi.");
    const empty = loginSchema.safeParse({});
    expect(empty.error!.issues.map((i) => i.message)).toEqual(["Wajib diisi.", "Masukkan kata sandi."]);
  });
});

describe("safeRedirect", () => {
  it("allows local paths only", () => {
    expect(safeRedirect("/members?q=a")).toBe("/members?q=a");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect(null)).toBe("/");
  });
});
