// The logins the board administers (issue 16): /accounts lists every login for the administrator
// and the chapter's members' logins for the Sekretaris; deactivating ends the login's sessions at
// once and the login form then answers that the account is inactive; a member who leaves loses
// the login in the same change; a user changes their own password (the current one needed, the
// other sessions end) and signs out the other sessions. Everything audited.
import { beforeAll, describe, expect, it } from "vitest";
import { getSessionUser } from "~/domain/accounts/accounts.server";
import { deactivateAccount, listAccounts, reactivateAccount } from "~/domain/accounts/logins.server";
import { changeOwnPassword, endOtherSessions, listOwnSessions } from "~/domain/accounts/own-account.server";
import { changeMemberStatus } from "~/domain/members/members.server";
import { t } from "~/i18n";
import { action as loginAction } from "~/routes/login";
import { action as accountsAction, loader as accountsLoader } from "~/routes/accounts._index";
import { action as profileAction, loader as profileLoader } from "~/routes/profile";
import { db } from "~/utils/db.server";
import { navigationFor } from "~/utils/navigation";
import { permissionsFor } from "~/utils/permissions";
import { buildChapter, buildUser } from "../factories";
import { account, boardMember, volunteer, type TestActor } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { dataOf, getRequest, postForm, run, signIn, statusOf, toastMessageOf } from "../support/requests";

let chapterId: string;
let otherChapterId: string;
let admin: TestActor;
let sekretaris: TestActor;

const sessionsOf = (userId: string) => db.session.count({ where: { userId } });
const auditsOf = (entityId: string, action: string) => db.auditLog.count({ where: { entityId, action } });
const LEAVING = ["nonaktif", "mengundurkan_diri", "meninggal", "diberhentikan"] as const;
const passwordChange = (current: string, password: string) => ({ current, password, confirm: password });

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "AKN", name: "IPSM Kota Akun" })).id;
  otherChapterId = (await buildChapter({ code: "AKL", name: "IPSM Kota Lain" })).id;
  admin = await account(chapterId, "admin", { email: "admin@accounts.test" });
  sekretaris = await boardMember(chapterId, "sekretaris", { email: "sekretaris@accounts.test" });
});

describe("the accounts list", () => {
  it("shows the administrator every login, the Sekretaris only the chapter's members, a volunteer nothing", async () => {
    const mine = await volunteer(chapterId, { fullName: "Siti Ma'rufah" });
    const theirs = await volunteer(otherChapterId, { fullName: "Yohanes O'Neil" });
    const dinsos = await account(chapterId, "dinsos");

    const all = expectOk(await listAccounts(admin, {}));
    const allIds = all.rows.map((r) => r.id);
    expect(all.all).toBe(true);
    expect(allIds).toEqual(expect.arrayContaining([mine.userId, theirs.userId, dinsos.userId, admin.userId]));

    const chapter = expectOk(await listAccounts(sekretaris, {}));
    const chapterIds = chapter.rows.map((r) => r.id);
    expect(chapter.all).toBe(false);
    expect(chapterIds).toContain(mine.userId);
    expect(chapterIds).toContain(sekretaris.userId);
    expect(chapterIds).not.toContain(theirs.userId);
    expect(chapterIds).not.toContain(dinsos.userId);
    expect(chapterIds).not.toContain(admin.userId);

    expectRefusal(await listAccounts(mine, {}), "forbidden");

    // Search by the member's name with its apostrophe, and by email in capitals.
    const found = expectOk(await listAccounts(sekretaris, { q: "Ma'ruf" }));
    expect(found.rows.map((r) => r.id)).toEqual([mine.userId]);
    const byEmail = expectOk(await listAccounts(sekretaris, { q: mine.email.toUpperCase() }));
    expect(byEmail.rows.map((r) => r.id)).toEqual([mine.userId]);
  });

  it("gives each login its state: active, waiting for an invitation, deactivated", async () => {
    const invited = await buildUser({ chapterId, role: "admin", email: "invited@accounts.test", name: "Calon Admin" });
    await db.accountToken.create({
      data: { tokenHash: "hash-of-an-invitation", kind: "invitation", userId: invited.id, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const inactive = await buildUser({ chapterId, role: "dinsos", email: "off@accounts.test", active: false });

    const rows = expectOk(await listAccounts(admin, {})).rows;
    expect(rows.find((r) => r.id === invited.id)?.state).toBe("undangan");
    expect(rows.find((r) => r.id === inactive.id)?.state).toBe("nonaktif");
    expect(rows.find((r) => r.id === admin.userId)?.state).toBe("aktif");
    expect(rows.find((r) => r.id === admin.userId)?.isSelf).toBe(true);

    const waiting = expectOk(await listAccounts(admin, { state: "undangan" })).rows.map((r) => r.id);
    expect(waiting).toContain(invited.id);
    expect(waiting).not.toContain(admin.userId);
    const off = expectOk(await listAccounts(admin, { state: "nonaktif" })).rows.map((r) => r.id);
    expect(off).toEqual(expect.arrayContaining([inactive.id]));
    expect(off).not.toContain(invited.id);
  });

  it("is a page for the Sekretaris and the administrator, with the menu entry; a volunteer gets 403", async () => {
    expect(navigationFor(permissionsFor("volunteer", ["sekretaris"])).map((i) => i.to)).toContain("/accounts");
    expect(navigationFor(permissionsFor("admin")).map((i) => i.to)).toContain("/accounts");
    expect(navigationFor(permissionsFor("volunteer", ["bendahara"])).map((i) => i.to)).not.toContain("/accounts");

    const page = dataOf<{ rows: { email: string }[] }>(await run(accountsLoader, getRequest("/accounts", await signIn(sekretaris.email))));
    expect(page.rows.map((r) => r.email)).toContain(sekretaris.email);
    const plain = await volunteer(chapterId);
    expect(statusOf(await run(accountsLoader, getRequest("/accounts", await signIn(plain.email))))).toBe(403);
    expect(
      statusOf(await run(accountsAction, postForm("/accounts", { intent: "reactivate", userId: plain.userId }, await signIn(plain.email)))),
    ).toBe(403);
  });
});

describe("deactivating and reactivating a login", () => {
  it("ends the login's sessions at once; the login form then says the account is inactive; audited", async () => {
    const relawan = await volunteer(chapterId, { fullName: "Rahmat Pratama" });
    const cookie = await signIn(relawan.email);
    expect(await sessionsOf(relawan.userId)).toBeGreaterThanOrEqual(2); // the actor's own and the sign-in's
    const live = await db.session.findMany({ where: { userId: relawan.userId }, select: { id: true } });

    const response = await run(
      accountsAction,
      postForm(
        "/accounts",
        { intent: "deactivate", userId: relawan.userId, reason: "Pindah ke luar kota" },
        await signIn(sekretaris.email),
      ),
    );
    expect(statusOf(response)).toBe(302);
    expect(await toastMessageOf(response as Response)).toBe(t("accounts.deactivated", { name: "Rahmat Pratama" }));

    expect(await sessionsOf(relawan.userId)).toBe(0);
    for (const s of live) expect(await getSessionUser(s.id)).toBeNull();
    // The cookie the volunteer still holds no longer opens a page.
    expect(statusOf(await run(profileLoader, getRequest("/profile", cookie)))).toBe(302);

    const login = await run(loginAction, postForm("/login", { email: relawan.email, password: relawan.password }));
    expect(statusOf(login)).toBe(403);
    expect(dataOf<{ formError: string }>(login).formError).toBe(t("login.inactive"));
    expect(await auditsOf(relawan.userId, "user.deactivate")).toBe(1);

    expectOk(await reactivateAccount(sekretaris, relawan.userId));
    expect(statusOf(await run(loginAction, postForm("/login", { email: relawan.email, password: relawan.password })))).toBe(302);
    expect(await auditsOf(relawan.userId, "user.reactivate")).toBe(1);
  });

  it("refuses one's own login, logins the Sekretaris does not administer, and a second deactivation", async () => {
    expect(expectRefusal(await deactivateAccount(sekretaris, sekretaris.userId, "uji"), "conflict").message).toBe(t("accounts.error.self"));
    expectRefusal(await deactivateAccount(sekretaris, admin.userId, "uji"), "notFound");
    const dinsos = await account(chapterId, "dinsos");
    expectRefusal(await deactivateAccount(sekretaris, dinsos.userId, "uji"), "notFound");
    const elsewhere = await volunteer(otherChapterId);
    expectRefusal(await deactivateAccount(sekretaris, elsewhere.userId, "uji"), "notFound");
    const plain = await volunteer(chapterId);
    expectRefusal(await deactivateAccount(plain, elsewhere.userId, "uji"), "forbidden");

    // The administrator administers them all.
    expectOk(await deactivateAccount(admin, dinsos.userId, "Pegawai pindah tugas"));
    expectRefusal(await deactivateAccount(admin, dinsos.userId, "lagi"), "conflict");
    expectRefusal(await reactivateAccount(sekretaris, dinsos.userId), "notFound");
    expectOk(await reactivateAccount(admin, dinsos.userId));
    expectRefusal(await reactivateAccount(admin, dinsos.userId), "conflict");
  });

  it("needs a reason to deactivate, refused with a toast on the page", async () => {
    const plain = await volunteer(chapterId);
    const response = await run(
      accountsAction,
      postForm("/accounts", { intent: "deactivate", userId: plain.userId, reason: "   " }, await signIn(sekretaris.email)),
    );
    expect(statusOf(response)).toBe(302);
    expect(await toastMessageOf(response as Response)).toBe(t("validation.required"));
    expect((await db.user.findUniqueOrThrow({ where: { id: plain.userId } })).active).toBe(true);
  });
});

describe("a member who leaves", () => {
  it.each(LEAVING)("loses the login when the status becomes %s, in the same change, audited", async (status) => {
    const relawan = await volunteer(chapterId);
    expect(await sessionsOf(relawan.userId)).toBeGreaterThan(0);
    expectOk(await changeMemberStatus(sekretaris, relawan.memberId!, { status, effectiveDate: "2026-11-30", reason: "Uji" }));
    const user = await db.user.findUniqueOrThrow({ where: { id: relawan.userId }, select: { active: true } });
    expect(user.active).toBe(false);
    expect(await sessionsOf(relawan.userId)).toBe(0);
    expect(await auditsOf(relawan.userId, "user.deactivate")).toBe(1);
  });

  it("keeps the login of a candidate becoming active, and does not reactivate a returning member silently", async () => {
    const calon = await volunteer(chapterId);
    await db.member.update({ where: { id: calon.memberId! }, data: { status: "calon" } });
    expectOk(await changeMemberStatus(sekretaris, calon.memberId!, { status: "aktif", effectiveDate: "2026-11-30", reason: "Lulus" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: calon.userId } })).active).toBe(true);

    const leaver = await volunteer(chapterId);
    expectOk(await changeMemberStatus(sekretaris, leaver.memberId!, { status: "nonaktif", effectiveDate: "2026-11-30", reason: "Cuti" }));
    // While the member is not active, the login cannot come back.
    expect(expectRefusal(await reactivateAccount(sekretaris, leaver.userId), "conflict").message).toContain("tidak lagi berstatus");
    expectOk(await changeMemberStatus(sekretaris, leaver.memberId!, { status: "aktif", effectiveDate: "2026-12-01", reason: "Kembali" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: leaver.userId } })).active).toBe(false);
    expectOk(await reactivateAccount(sekretaris, leaver.userId));
  });
});

describe("one's own password and sessions", () => {
  it("needs the current password; the new one follows the rule; the other sessions end, this one stays", async () => {
    const relawan = await volunteer(chapterId);
    const here = await signIn(relawan.email);
    const elsewhere = await signIn(relawan.email);
    const current = (await db.session.findFirst({ where: { userId: relawan.userId }, orderBy: { createdAt: "desc" } }))!.id;

    expect(expectInvalid(await changeOwnPassword(relawan, passwordChange("salah-sekali", "kata-sandi-baru-1"), current))).toEqual({
      current: t("accounts.error.currentWrong"),
    });

    const short = await run(
      profileAction,
      postForm("/profile", { intent: "password", current: relawan.password, password: "pendek", confirm: "pendek" }, here),
    );
    expect(statusOf(short)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(short).fieldErrors.password).toBe(
      t("validation.passwordTooShort", { min: 10 }),
    );
    expect(dataOf<{ values: Record<string, string> }>(short).values).toEqual({});
    const mismatch = await run(
      profileAction,
      postForm(
        "/profile",
        { intent: "password", current: relawan.password, password: "kata-sandi-baru-1", confirm: "kata-sandi-baru-2" },
        here,
      ),
    );
    expect(dataOf<{ fieldErrors: Record<string, string> }>(mismatch).fieldErrors.confirm).toBe(t("validation.passwordMismatch"));

    const done = await run(
      profileAction,
      postForm(
        "/profile",
        { intent: "password", current: relawan.password, password: "kata-sandi-baru-1", confirm: "kata-sandi-baru-1" },
        here,
      ),
    );
    expect(statusOf(done)).toBe(302);
    expect(await toastMessageOf(done as Response)).toMatch(/Kata sandi diganti\. \d+ sesi lain sudah berakhir\./);
    // This device stays signed in, the other one is out.
    expect(statusOf(await run(profileLoader, getRequest("/profile", here)))).toBe(200);
    expect(statusOf(await run(profileLoader, getRequest("/profile", elsewhere)))).toBe(302);
    expect(await sessionsOf(relawan.userId)).toBe(1);

    expect(statusOf(await run(loginAction, postForm("/login", { email: relawan.email, password: relawan.password })))).toBe(401);
    expect(statusOf(await run(loginAction, postForm("/login", { email: relawan.email, password: "kata-sandi-baru-1" })))).toBe(302);
    expect(await auditsOf(relawan.userId, "auth.password.change")).toBe(1);
  });

  it("lists the sessions with this device marked, and signs the others out", async () => {
    const relawan = await volunteer(chapterId);
    await signIn(relawan.email);
    const here = await signIn(relawan.email);
    const page = dataOf<{ sessions: { current: boolean }[] }>(await run(profileLoader, getRequest("/profile", here)));
    expect(page.sessions.length).toBe(3);
    expect(page.sessions.filter((s) => s.current)).toHaveLength(1);

    const response = await run(profileAction, postForm("/profile", { intent: "end-sessions" }, here));
    expect(await toastMessageOf(response as Response)).toBe(t("account.sessions.ended", { count: 2 }));
    const after = dataOf<{ sessions: { current: boolean }[] }>(await run(profileLoader, getRequest("/profile", here)));
    expect(after.sessions).toEqual([expect.objectContaining({ current: true })]);
    expect(expectOk(await endOtherSessions(relawan, null)).ended).toBe(1);
    expect(await listOwnSessions(relawan, null)).toEqual([]);
  });

  it("is open to an administrator and a Dinas Sosial officer (no member): password and sessions, no contact form", async () => {
    const officer = await account(chapterId, "dinsos");
    const cookie = await signIn(officer.email);
    const page = dataOf<{ member: unknown; sessions: unknown[] }>(await run(profileLoader, getRequest("/profile", cookie)));
    expect(page.member).toBeNull();
    expect(page.sessions.length).toBeGreaterThan(0);
    expect(statusOf(await run(profileAction, postForm("/profile", { phone: "0812 3456 7890", email: "", address: "" }, cookie)))).toBe(404);
    const changed = await run(
      profileAction,
      postForm(
        "/profile",
        { intent: "password", current: officer.password, password: "sandi-dinas-2026", confirm: "sandi-dinas-2026" },
        cookie,
      ),
    );
    expect(statusOf(changed)).toBe(302);
    expect(statusOf(await run(profileAction, postForm("/profile", { intent: "unknown" }, cookie)))).toBe(400);
  });

  it("notes the last sign-in", async () => {
    const relawan = await volunteer(chapterId);
    await db.user.update({ where: { id: relawan.userId }, data: { lastSignInAt: null } });
    const before = Date.now();
    await signIn(relawan.email);
    const user = await db.user.findUniqueOrThrow({ where: { id: relawan.userId }, select: { lastSignInAt: true } });
    expect(user.lastSignInAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});
