// The browser suite's account that already uses a second factor (tests/setup/e2e-fixtures.ts
// makes it; tests/e2e/second-factor.test.ts signs in with it): its TOTP secret and one of its
// recovery codes, known to the test as they would be written on paper.
export const E2E_SECOND_FACTOR = {
  /** a board member who turns it on in the browser */
  enrolEmail: "2fa@uji.test",
  /** a board member whose second factor is already on */
  recoveryEmail: "2fa-pulih@uji.test",
  secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
  recoveryCodes: ["2fa0-pa1h-0001", "2fa0-pa1h-0002"],
} as const;
