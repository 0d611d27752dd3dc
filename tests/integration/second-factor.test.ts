// The second factor (issue 17, docs/decisions/024): turning it on with a real TOTP code computed
// by the library (the secret waits in a signed cookie until confirmed), the sign-in's code step
// (no session before it), wrong codes refused and throttled per account, a code refused the
// second time, recovery codes used once, new recovery codes, turning it off, and the
// administrator's chapter requirement that leads the board to enrol and keeps them from turning
// it off. Every change leaves an audit record.
import { Secret, TOTP } from "otpauth";
import { beforeAll, describe, expect, it } from "vitest";
import { makeLoginLink } from "~/domain/accounts/links.server";
import { THROTTLE } from "~/domain/accounts/login-throttle.server";
import {
  confirmEnrolment,
  hashRecoveryCode,
  needsSecondFactor,
  regenerateRecoveryCodes,
  secondFactorEnrolmentDue,
  secondFactorRequired,
  signInWithRecoveryCode,
  startEnrolment,
  turnOffSecondFactor,
  verifySignInCode,
} from "~/domain/accounts/second-factor.server";
import { setSecondFactorRequirement } from "~/domain/chapters/second-factor-requirement.server";
import { t } from "~/i18n";
import { loader as dashboardLoader } from "~/routes/_index";
import { action as chapterAction, loader as chapterLoader } from "~/routes/chapters.$id";
import { action as loginAction } from "~/routes/login";
import { action as codeAction, loader as codeLoader } from "~/routes/login_.code";
import { action as logoutAction } from "~/routes/logout";
import { loader as membersLoader } from "~/routes/members._index";
import { action as memberLoginAction, loader as memberLoginLoader } from "~/routes/members.$id.login";
import { loader as profileLoader } from "~/routes/profile";
import { action as secondFactorAction, loader as secondFactorLoader } from "~/routes/profile_.second-factor";
import { action as resetAction } from "~/routes/reset-password.$token";
import { db } from "~/utils/db.server";
import type { PositionKind } from "~/validation/leadership";
import { buildChapter } from "../factories";
import { account, actorWith, boardMember, volunteer, type TestActor } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { cookiesFrom, dataOf, getRequest, postForm, run, signIn, statusOf, toastMessageOf } from "../support/requests";

const ADDRESS = { clientAddress: "10.20.0.1" };

/** The code an authenticator app shows for the secret at a moment. */
const codeAt = (secret: string, at: Date | number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: typeof at === "number" ? at : at.getTime(),
  });

/** A 6-digit code that matches none of the steps around the moment. */
function wrongCodeAt(secret: string, at: Date) {
  const near = [-30_000, 0, 30_000].map((d) => codeAt(secret, at.getTime() + d));
  for (let n = 123_456; ; n = (n + 77_777) % 1_000_000) {
    const code = String(n).padStart(6, "0");
    if (!near.includes(code)) return code;
  }
}

/** Turns the second factor on for the actor through the domain, at a moment; the secret and the recovery codes. */
async function enrol(actor: TestActor, now = new Date()) {
  const { secret } = expectOk(await startEnrolment(actor));
  const { recoveryCodes } = expectOk(
    await confirmEnrolment(actor, { secret, code: codeAt(secret, now), password: actor.password }, { ...ADDRESS, now }),
  );
  return { secret, recoveryCodes };
}

const sessionCookieIn = (response: Response) => cookiesFrom(response).includes("ipsm_session=");
const auditCount = (action: string, entityId: string) => db.auditLog.count({ where: { action, entityId } });

let chapterId: string;

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "DUA", name: "IPSM Kota Dua Langkah" })).id;
});

describe("who must use a second factor when the chapter requires it", () => {
  it("is the administrator and the positions whose rights reach money or personal data", () => {
    const inScope = (role: "admin" | "volunteer" | "dinsos", kinds: PositionKind[] = []) =>
      needsSecondFactor(actorWith({ chapterId, role, kinds }));
    expect(inScope("admin")).toBe(true);
    for (const kind of ["ketua", "wakil_ketua", "sekretaris", "wakil_sekretaris", "bendahara"] as const)
      expect(inScope("volunteer", [kind])).toBe(true);
    for (const kind of ["wakil_bendahara", "koordinator_bidang", "koordinator_kecamatan", "anggota_pengurus"] as const) {
      expect(inScope("volunteer", [kind])).toBe(false);
    }
    expect(inScope("volunteer")).toBe(false);
    expect(inScope("dinsos")).toBe(false);
  });
});

describe("turning it on", () => {
  it("keeps the secret in a signed cookie until a real code and the password confirm it, then shows 10 recovery codes once", async () => {
    const bendahara = await boardMember(chapterId, "bendahara", { email: "bendahara@dua.test" });
    const cookie = await signIn(bendahara.email);
    const page = (c = cookie) => run(secondFactorLoader, getRequest("/profile/second-factor", c));
    expect(dataOf<{ status: { enabled: boolean }; enrolment: null }>(await page())).toMatchObject({
      status: { enabled: false },
      enrolment: null,
    });

    const started = (await run(secondFactorAction, postForm("/profile/second-factor", { intent: "start" }, cookie))) as Response;
    expect(statusOf(started)).toBe(302);
    const setCookie = started.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^ipsm_2fa_enrol=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Max-Age=900/);
    const withSecret = `${cookie}; ${cookiesFrom(started)}`;
    const { enrolment } = dataOf<{ enrolment: { qrDataUrl: string; secretText: string; account: string } }>(await page(withSecret));
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrDataUrl.split(",")[1]!, "base64").toString()).toContain("<svg");
    expect(enrolment.account).toBe("bendahara@dua.test");
    const secret = enrolment.secretText.replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // nothing is stored before the confirmation
    expect(await db.user.findUniqueOrThrow({ where: { id: bendahara.userId }, select: { totpSecret: true } })).toEqual({
      totpSecret: null,
    });
    // someone else's cookie jar does not carry the secret over to them
    const other = await boardMember(chapterId, "wakil_ketua");
    const otherCookie = await signIn(other.email);
    expect(dataOf<{ enrolment: null }>(await page(`${otherCookie}; ${cookiesFrom(started)}`)).enrolment).toBeNull();

    const confirm = (fields: Record<string, string>) =>
      run(secondFactorAction, postForm("/profile/second-factor", { intent: "confirm", ...fields }, withSecret), {}, ADDRESS);
    const wrongPassword = await confirm({ code: codeAt(secret, Date.now()), password: "bukan-sandinya" });
    expect(statusOf(wrongPassword)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(wrongPassword).fieldErrors).toEqual({
      password: t("secondFactor.error.password"),
    });
    const wrongCode = await confirm({ code: wrongCodeAt(secret, new Date()), password: bendahara.password });
    expect(dataOf<{ fieldErrors: Record<string, string> }>(wrongCode).fieldErrors).toEqual({ code: t("secondFactor.login.wrongCode") });
    expect(statusOf(await confirm({ code: "12ab", password: bendahara.password }))).toBe(400);

    const done = await confirm({ code: codeAt(secret, Date.now()), password: bendahara.password });
    expect(statusOf(done)).toBe(200);
    const { recoveryCodes } = dataOf<{ recoveryCodes: string[] }>(done);
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await db.user.findUniqueOrThrow({
      where: { id: bendahara.userId },
      select: { totpSecret: true, totpEnabledAt: true, recoveryCodes: { select: { codeHash: true, usedAt: true } } },
    });
    expect(stored.totpSecret).toBe(secret);
    expect(stored.totpEnabledAt).toBeInstanceOf(Date);
    // only SHA-256 hashes of the codes are stored
    expect(stored.recoveryCodes.map((c) => c.codeHash).sort()).toEqual(recoveryCodes.map(hashRecoveryCode).sort());
    expect(stored.recoveryCodes.every((c) => /^[0-9a-f]{64}$/.test(c.codeHash) && c.usedAt === null)).toBe(true);
    expect(await auditCount("auth.second-factor.enable", bendahara.userId)).toBe(1);
    // the page now says it is on, with 10 codes left, and shows no secret again
    expect(dataOf<{ status: unknown; enrolment: null }>(await page(withSecret))).toMatchObject({
      status: { enabled: true, recoveryCodesLeft: 10 },
      enrolment: null,
    });
    // turning it on twice is refused
    expect(expectRefusal(await startEnrolment(bendahara), "conflict").message).toBe(t("secondFactor.enrol.already"));
  });

  it("ends the user's other sessions: they were opened without it", async () => {
    const sekretaris = await boardMember(chapterId, "wakil_sekretaris");
    const elsewhere = await signIn(sekretaris.email);
    expect(statusOf(await run(profileLoader, getRequest("/profile", elsewhere)))).toBe(200);
    await enrol(sekretaris);
    expect(statusOf(await run(profileLoader, getRequest("/profile", elsewhere)))).toBe(302);
  });
});

describe("signing in with a second factor", () => {
  it("asks for the code after the password and starts the session only with a right one; a code works once", async () => {
    const ketua = await boardMember(chapterId, "ketua", { email: "ketua@dua.test" });
    const { secret } = await enrol(ketua);

    const login = (await run(
      loginAction,
      postForm("/login?redirectTo=%2Fmembers", { email: ketua.email, password: ketua.password }),
    )) as Response;
    expect(statusOf(login)).toBe(302);
    expect(login.headers.get("Location")).toBe("/login/code?redirectTo=%2Fmembers");
    expect(sessionCookieIn(login)).toBe(false);
    const pendingCookie = login.headers.get("Set-Cookie") ?? "";
    expect(pendingCookie).toMatch(/^ipsm_2fa_pending=/);
    for (const part of ["Max-Age=300", "Path=/login", "HttpOnly", "SameSite=Lax"]) expect(pendingCookie).toContain(part);
    const pending = cookiesFrom(login);
    // the pending cookie is not a session
    expect(statusOf(await run(membersLoader, getRequest("/members", pending)))).toBe(302);
    expect(await auditCount("auth.login.password", ketua.userId)).toBe(1);
    expect(await auditCount("auth.login", ketua.userId)).toBe(0);
    const { name } = await db.user.findUniqueOrThrow({ where: { id: ketua.userId }, select: { name: true } });
    expect(dataOf<{ name: string }>(await run(codeLoader, getRequest("/login/code", pending))).name).toBe(name);
    // without the cookie (or with a forged one) the code page sends back to the login page
    const noCookie = (await run(codeLoader, getRequest("/login/code"))) as Response;
    expect(noCookie.headers.get("Location")).toBe("/login");
    expect(await toastMessageOf(noCookie)).toBe(t("secondFactor.login.expired"));
    const forged = pending.replace(
      /ipsm_2fa_pending=[^;]+/,
      `ipsm_2fa_pending=${Buffer.from(JSON.stringify({ userId: ketua.userId, expiresAt: Date.now() + 1e6 })).toString("base64")}`,
    );
    expect(statusOf(await run(codeLoader, getRequest("/login/code", forged)))).toBe(302);

    const postCode = (code: string, cookie = pending) =>
      run(codeAction, postForm("/login/code?redirectTo=%2Fmembers", { intent: "code", code }, cookie), {}, ADDRESS);
    const wrong = await postCode(wrongCodeAt(secret, new Date()));
    expect(statusOf(wrong)).toBe(401);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(wrong).fieldErrors).toEqual({ code: t("secondFactor.login.wrongCode") });
    expect(statusOf(await postCode("12345"))).toBe(400);

    // the step used to turn it on is spent: the next step's code (accepted one step ahead) signs in
    const code = codeAt(secret, Date.now() + 30_000);
    const signedIn = (await postCode(code)) as Response;
    expect(statusOf(signedIn)).toBe(302);
    expect(signedIn.headers.get("Location")).toBe("/members");
    expect(sessionCookieIn(signedIn)).toBe(true);
    expect(signedIn.headers.getSetCookie().some((c) => /^ipsm_2fa_pending=[^;]*;.*Max-Age=0/.test(c))).toBe(true);
    expect(statusOf(await run(membersLoader, getRequest("/members", cookiesFrom(signedIn))))).toBe(200);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.login", entityId: ketua.userId } });
    expect(JSON.parse(audit.after ?? "{}")).toEqual({ secondFactor: "totp" });

    // the same code again, within its window, is refused
    const again = cookiesFrom((await run(loginAction, postForm("/login", { email: ketua.email, password: ketua.password }))) as Response);
    const reused = await postCode(code, again);
    expect(statusOf(reused)).toBe(401);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(reused).fieldErrors).toEqual({ code: t("secondFactor.login.usedCode") });
  });

  it("counts wrong codes in the throttle, per account as well as per address", async () => {
    const bendahara = await boardMember(chapterId, "bendahara");
    const start = new Date();
    const { secret } = await enrol(bendahara, start);
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    const attempt = (seconds: number, code: string, clientAddress = "10.30.0.1") =>
      verifySignInCode({ userId: bendahara.userId, code, clientAddress, now: at(seconds) });
    for (let i = 0; i <= THROTTLE.freeAttempts; i++)
      expect(await attempt(60, wrongCodeAt(secret, at(60)))).toEqual({ ok: false, reason: "wrong" });
    expect(await attempt(60, wrongCodeAt(secret, at(60)))).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: THROTTLE.delaysSeconds[0],
    });
    // even the right code waits, and so it does from another address: whoever is here knows the password
    expect(await attempt(70, codeAt(secret, at(70)))).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt(70, codeAt(secret, at(70)), "10.99.0.1")).toMatchObject({ ok: false, reason: "throttled" });
    // after the wait the right code signs in, and clears the counters
    expect(await attempt(95, codeAt(secret, at(95)))).toMatchObject({ ok: true, userId: bendahara.userId });
    expect(await db.loginThrottle.count({ where: { key: { contains: `2fa-account:${bendahara.userId}` } } })).toBe(0);
  });

  it("answers a guesser at the code page with 429 and Retry-After", async () => {
    const sekretaris = await boardMember(chapterId, "sekretaris");
    const { secret } = await enrol(sekretaris);
    const pending = cookiesFrom(
      (await run(loginAction, postForm("/login", { email: sekretaris.email, password: sekretaris.password }))) as Response,
    );
    const statuses: number[] = [];
    let last: unknown;
    for (let i = 0; i < THROTTLE.freeAttempts + 2; i++) {
      last = await run(
        codeAction,
        postForm("/login/code", { code: wrongCodeAt(secret, new Date()) }, pending),
        {},
        { clientAddress: "10.40.0.1" },
      );
      statuses.push(statusOf(last));
    }
    expect(statuses).toEqual([...Array(THROTTLE.freeAttempts + 1).fill(401), 429]);
    expect((last as { init: { headers: Record<string, string> } }).init.headers["Retry-After"]).toBe(String(THROTTLE.delaysSeconds[0]));
    expect(dataOf<{ formError: string }>(last).formError).toBe(t("secondFactor.login.throttled", { wait: "30 detik" }));
  });

  it("takes a recovery code once, as typed on paper, and says how many are left", async () => {
    const ketua = await boardMember(chapterId, "ketua");
    const { recoveryCodes } = await enrol(ketua);
    const pending = () =>
      run(loginAction, postForm("/login", { email: ketua.email, password: ketua.password })).then((r) => cookiesFrom(r as Response));
    const useCode = async (recoveryCode: string) =>
      run(codeAction, postForm("/login/code", { intent: "recovery", recoveryCode }, await pending()), {}, ADDRESS);

    const typed = ` ${recoveryCodes[0]!.toUpperCase().replace(/-/g, " ")} `;
    const signedIn = (await useCode(typed)) as Response;
    expect(statusOf(signedIn)).toBe(302);
    expect(sessionCookieIn(signedIn)).toBe(true);
    expect(await toastMessageOf(signedIn)).toBe(t("secondFactor.login.recoveryLeft", { count: 9 }));
    const used = await useCode(recoveryCodes[0]!);
    expect(statusOf(used)).toBe(401);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(used).fieldErrors).toEqual({
      recoveryCode: t("secondFactor.login.wrongRecovery"),
    });
    expect(await db.recoveryCode.count({ where: { userId: ketua.userId, usedAt: { not: null } } })).toBe(1);
    expect(await auditCount("auth.second-factor.recovery-code-used", ketua.userId)).toBe(1);
    // two requests racing with one code: one wins
    const racing = await Promise.all(
      [0, 1].map(() => signInWithRecoveryCode({ userId: ketua.userId, recoveryCode: recoveryCodes[1]!, clientAddress: "10.50.0.1" })),
    );
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
  });

  it("asks for the code after a password set through a reset link too", async () => {
    const sekretaris = await boardMember(chapterId, "sekretaris");
    const bendahara = await boardMember(chapterId, "bendahara");
    await enrol(bendahara);
    const { url } = expectOk(await makeLoginLink(sekretaris, bendahara.memberId!, { email: null })).link;
    const token = url.split("/").pop()!;
    const done = (await run(
      resetAction,
      postForm(`/reset-password/${token}`, { password: "sandi-baru-2026!", confirm: "sandi-baru-2026!" }),
      {
        token,
      },
    )) as Response;
    expect(statusOf(done)).toBe(302);
    expect(done.headers.get("Location")).toBe("/login/code");
    expect(sessionCookieIn(done)).toBe(false);
  });
});

describe("recovery codes and turning it off", () => {
  it("makes new recovery codes with a current code or the password; the old ones stop working", async () => {
    const ketua = await boardMember(chapterId, "ketua");
    const { recoveryCodes: old } = await enrol(ketua);
    expect(expectInvalid(await regenerateRecoveryCodes(ketua, { confirm: "salah-sekali" }, ADDRESS))).toEqual({
      confirm: t("secondFactor.confirm.wrong"),
    });
    const { recoveryCodes } = expectOk(await regenerateRecoveryCodes(ketua, { confirm: ketua.password }, ADDRESS));
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes.some((c) => old.includes(c))).toBe(false);
    expect(await signInWithRecoveryCode({ userId: ketua.userId, recoveryCode: old[0]!, clientAddress: "10.60.0.1" })).toEqual({
      ok: false,
      reason: "wrong",
    });
    expect((await signInWithRecoveryCode({ userId: ketua.userId, recoveryCode: recoveryCodes[0]!, clientAddress: "10.60.0.1" })).ok).toBe(
      true,
    );
    expect(await auditCount("auth.second-factor.recovery-codes", ketua.userId)).toBe(1);
  });

  it("turns it off with a current code; the account signs in with the password alone again", async () => {
    const wakil = await boardMember(chapterId, "wakil_ketua");
    const start = new Date();
    const { secret } = await enrol(wakil, start);
    expect(expectInvalid(await turnOffSecondFactor(wakil, { confirm: wrongCodeAt(secret, start) }, ADDRESS))).toEqual({
      confirm: t("secondFactor.confirm.wrong"),
    });
    // the code that turned it on is spent
    expect(expectInvalid(await turnOffSecondFactor(wakil, { confirm: codeAt(secret, start) }, { ...ADDRESS, now: start }))).toEqual({
      confirm: t("secondFactor.login.usedCode"),
    });
    const later = new Date(start.getTime() + 30_000);
    expectOk(await turnOffSecondFactor(wakil, { confirm: codeAt(secret, later) }, { ...ADDRESS, now: later }));
    const user = await db.user.findUniqueOrThrow({
      where: { id: wakil.userId },
      select: { totpSecret: true, totpEnabledAt: true, _count: { select: { recoveryCodes: true } } },
    });
    expect(user).toEqual({ totpSecret: null, totpEnabledAt: null, _count: { recoveryCodes: 0 } });
    expect(await auditCount("auth.second-factor.disable", wakil.userId)).toBe(1);
    const login = (await run(loginAction, postForm("/login", { email: wakil.email, password: wakil.password }))) as Response;
    expect(login.headers.get("Location")).toBe("/");
    expect(sessionCookieIn(login)).toBe(true);
    expect(expectRefusal(await turnOffSecondFactor(wakil, { confirm: wakil.password }, ADDRESS), "conflict").message).toBe(
      t("secondFactor.notEnabled"),
    );
  });

  it("is turned off by the Sekretaris for a member who lost the phone and the codes, with a reason; the member's sessions end", async () => {
    const owner = await volunteer(chapterId);
    await enrol(owner);
    const ownerCookie = await signIn(owner.email);
    const sekretaris = await boardMember(chapterId, "sekretaris");
    const board = await signIn(sekretaris.email);
    const page = dataOf<{ login: { secondFactorSince: Date | null } }>(
      await run(memberLoginLoader, getRequest(`/members/${owner.memberId}/login`, board), { id: owner.memberId! }),
    );
    expect(page.login.secondFactorSince).not.toBeNull();
    // a plain volunteer may not; a reason is needed
    const other = await signIn((await volunteer(chapterId)).email);
    expect(
      statusOf(
        await run(
          memberLoginAction,
          postForm(`/members/${owner.memberId}/login`, { intent: "second-factor-reset", reason: "hilang" }, other),
          { id: owner.memberId! },
        ),
      ),
    ).toBe(403);
    const noReason = await run(
      memberLoginAction,
      postForm(`/members/${owner.memberId}/login`, { intent: "second-factor-reset", reason: "" }, board),
      { id: owner.memberId! },
    );
    expect(statusOf(noReason)).toBe(400);
    const done = (await run(
      memberLoginAction,
      postForm(
        `/members/${owner.memberId}/login`,
        { intent: "second-factor-reset", reason: "Ponsel hilang, dikonfirmasi lewat telepon" },
        board,
      ),
      { id: owner.memberId! },
    )) as Response;
    expect(done.status).toBe(302);
    expect(await db.user.findUniqueOrThrow({ where: { id: owner.userId }, select: { totpSecret: true, totpEnabledAt: true } })).toEqual({
      totpSecret: null,
      totpEnabledAt: null,
    });
    expect(await db.recoveryCode.count({ where: { userId: owner.userId } })).toBe(0);
    expect(statusOf(await run(profileLoader, getRequest("/profile", ownerCookie)))).toBe(302);
    expect(await auditCount("auth.second-factor.reset", owner.userId)).toBe(1);
    // the owner signs in with the password alone
    const login = (await run(loginAction, postForm("/login", { email: owner.email, password: owner.password }))) as Response;
    expect(sessionCookieIn(login)).toBe(true);
  });

  it("lets a plain volunteer use it too, and turn it off through the page with the password", async () => {
    const relawan = await volunteer(chapterId);
    const { recoveryCodes } = await enrol(relawan);
    const pending = cookiesFrom(
      (await run(loginAction, postForm("/login", { email: relawan.email, password: relawan.password }))) as Response,
    );
    expect(pending).toMatch(/^ipsm_2fa_pending=/);
    // a malformed recovery code is refused by the schema, beside the field
    const malformed = await run(codeAction, postForm("/login/code", { intent: "recovery", recoveryCode: "x" }, pending), {}, ADDRESS);
    expect(statusOf(malformed)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(malformed).fieldErrors).toEqual({
      recoveryCode: t("secondFactor.error.recoveryCode"),
    });
    const session = cookiesFrom(
      (await run(
        codeAction,
        postForm("/login/code", { intent: "recovery", recoveryCode: recoveryCodes[0]! }, pending),
        {},
        ADDRESS,
      )) as Response,
    );
    const off = (await run(
      secondFactorAction,
      postForm("/profile/second-factor", { intent: "disable", confirm: relawan.password }, session),
      {},
      ADDRESS,
    )) as Response;
    expect(statusOf(off)).toBe(302);
    expect(await toastMessageOf(off)).toBe(t("secondFactor.disable.done"));
    expect(
      dataOf<{ status: { enabled: boolean } }>(await run(secondFactorLoader, getRequest("/profile/second-factor", session))).status.enabled,
    ).toBe(false);
  });
});

describe("the administrator's chapter requirement", () => {
  let required: string;
  let admin: TestActor;
  let adminCookie: string;

  beforeAll(async () => {
    required = (await buildChapter({ code: "WJB", name: "IPSM Kota Wajib" })).id;
    admin = await account(chapterId, "admin", { email: "admin@dua.test" });
    adminCookie = await signIn(admin.email);
  });

  it("is set by the administrator only, audited", async () => {
    const ketua = await boardMember(required, "ketua");
    expectRefusal(await setSecondFactorRequirement(ketua, required, true), "forbidden");
    const ketuaCookie = await signIn(ketua.email);
    expect(
      statusOf(
        await run(chapterAction, postForm(`/chapters/${required}`, { intent: "second-factor", requireSecondFactor: "on" }, ketuaCookie), {
          id: required,
        }),
      ),
    ).toBe(403);

    expect(
      dataOf<{ requireSecondFactor: boolean }>(await run(chapterLoader, getRequest(`/chapters/${required}`, adminCookie), { id: required }))
        .requireSecondFactor,
    ).toBe(false);
    const saved = (await run(
      chapterAction,
      postForm(`/chapters/${required}`, { intent: "second-factor", requireSecondFactor: "on" }, adminCookie),
      {
        id: required,
      },
    )) as Response;
    expect(statusOf(saved)).toBe(302);
    expect(await toastMessageOf(saved)).toBe(t("secondFactor.chapter.saved"));
    expect(await db.chapter.findUniqueOrThrow({ where: { id: required }, select: { requireSecondFactor: true } })).toEqual({
      requireSecondFactor: true,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "chapter.second-factor", entityId: required } });
    expect(audit.actorId).toBe(admin.userId);
    expect(JSON.parse(audit.after ?? "{}")).toEqual({ requireSecondFactor: true });
    // saving the same value again changes nothing and records nothing
    expectOk(await setSecondFactorRequirement(admin, required, true));
    expect(await auditCount("chapter.second-factor", required)).toBe(1);
  });

  it("leads the board members it binds to enrol from every page, and nobody else", async () => {
    const sekretaris = await boardMember(required, "sekretaris");
    const cookie = await signIn(sekretaris.email);
    const dashboard = (await run(dashboardLoader, getRequest("/", cookie))) as Response;
    expect(statusOf(dashboard)).toBe(302);
    expect(dashboard.headers.get("Location")).toBe("/profile/second-factor");
    const members = (await run(membersLoader, getRequest("/members?q=budi&_routes=routes%2Fmembers._index", cookie))) as Response;
    expect(members.headers.get("Location")).toBe(`/profile/second-factor?redirectTo=${encodeURIComponent("/members?q=budi")}`);
    // the page itself, and signing out, stay open
    const page = await run(secondFactorLoader, getRequest("/profile/second-factor?redirectTo=%2Fmembers", cookie));
    expect(dataOf<{ status: unknown }>(page).status).toMatchObject({ enabled: false, required: true });
    expect(statusOf(await run(logoutAction, postForm("/logout", {}, await signIn(sekretaris.email))))).toBe(302);

    for (const other of [await volunteer(required), await boardMember(required, "koordinator_kecamatan", { districtCode: "61.71.01" })]) {
      expect(await secondFactorEnrolmentDue(other)).toBe(false);
      expect(statusOf(await run(dashboardLoader, getRequest("/", await signIn(other.email))))).toBe(200);
    }
    // a board member of another chapter is not bound
    const elsewhere = await boardMember(chapterId, "sekretaris");
    expect(await secondFactorRequired(elsewhere)).toBe(false);

    // turning it on through the page keeps this session; then the pages open
    const started = (await run(
      secondFactorAction,
      postForm("/profile/second-factor?redirectTo=%2Fmembers", { intent: "start" }, cookie),
    )) as Response;
    expect(started.headers.get("Location")).toBe("/profile/second-factor?redirectTo=%2Fmembers");
    const withSecret = `${cookie}; ${cookiesFrom(started)}`;
    const { enrolment } = dataOf<{ enrolment: { secretText: string } }>(
      await run(secondFactorLoader, getRequest("/profile/second-factor?redirectTo=%2Fmembers", withSecret)),
    );
    const secret = enrolment.secretText.replace(/\s/g, "");
    const confirmed = await run(
      secondFactorAction,
      postForm(
        "/profile/second-factor?redirectTo=%2Fmembers",
        { intent: "confirm", code: codeAt(secret, Date.now()), password: sekretaris.password },
        withSecret,
      ),
      {},
      ADDRESS,
    );
    expect(dataOf<{ recoveryCodes: string[] }>(confirmed).recoveryCodes).toHaveLength(10);
    expect(statusOf(await run(membersLoader, getRequest("/members", cookie)))).toBe(200);
    // turning it off is refused while required
    expect(expectRefusal(await turnOffSecondFactor(sekretaris, { confirm: sekretaris.password }, ADDRESS), "conflict").message).toBe(
      t("secondFactor.disable.required"),
    );
    const refused = await run(
      secondFactorAction,
      postForm("/profile/second-factor", { intent: "disable", confirm: codeAt(secret, Date.now() + 30_000) }, cookie),
      {},
      ADDRESS,
    );
    expect(statusOf(refused)).toBe(409);
    expect(await db.user.findUniqueOrThrow({ where: { id: sekretaris.userId }, select: { totpEnabledAt: true } })).not.toEqual({
      totpEnabledAt: null,
    });
  });

  it("binds the administrator, who works in every chapter, until it is no longer required anywhere", async () => {
    expect(await secondFactorEnrolmentDue(admin)).toBe(true);
    expect(statusOf(await run(dashboardLoader, getRequest("/", adminCookie)))).toBe(302);
    expectOk(await setSecondFactorRequirement(admin, required, false));
    expect(await secondFactorEnrolmentDue(admin)).toBe(false);
    expect(statusOf(await run(dashboardLoader, getRequest("/", adminCookie)))).toBe(200);
    expect(await auditCount("chapter.second-factor", required)).toBe(2);
  });
});
