// The second factor's forms (docs/decisions/024): codes as people type them.
import { describe, expect, it } from "vitest";
import {
  chapterSecondFactorSchema,
  formatRecoveryCode,
  looksLikeTotpCode,
  normaliseRecoveryCode,
  recoveryCodeSchema,
  signInCodeSchema,
} from "~/validation/second-factor";

describe("second-factor forms", () => {
  it("takes a 6-digit code with spaces, and nothing else", () => {
    expect(signInCodeSchema.parse({ code: " 123 456 " })).toEqual({ code: "123456" });
    for (const code of ["12345", "1234567", "12a456", ""]) expect(signInCodeSchema.safeParse({ code }).success).toBe(false);
    expect(looksLikeTotpCode("123 456")).toBe(true);
    expect(looksLikeTotpCode("kata-sandi-panjang")).toBe(false);
  });

  it("reads a recovery code as written on paper: case, spaces and dashes ignored, o/i/l as digits", () => {
    expect(normaliseRecoveryCode(" ABCD-EFGH jkmn ")).toBe("abcdefghjkmn");
    expect(normaliseRecoveryCode("0Il1-oooo-2345")).toBe("011100002345");
    expect(recoveryCodeSchema.parse({ recoveryCode: "2FA0 PA1H 0001" })).toEqual({ recoveryCode: "2fa0pa1h0001" });
    expect(recoveryCodeSchema.safeParse({ recoveryCode: "2fa0-pa1h-000" }).success).toBe(false);
    // u is not in Crockford's alphabet
    expect(recoveryCodeSchema.safeParse({ recoveryCode: "2fa0-pu1h-0001" }).success).toBe(false);
    expect(formatRecoveryCode("2fa0pa1h0001")).toBe("2fa0-pa1h-0001");
  });

  it("reads the chapter's checkbox", () => {
    expect(chapterSecondFactorSchema.parse({ requireSecondFactor: "on" })).toEqual({ requireSecondFactor: true });
    expect(chapterSecondFactorSchema.parse({})).toEqual({ requireSecondFactor: false });
  });
});
