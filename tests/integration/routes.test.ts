// Loaders and actions called with real Requests against the real database: who may do what.
import { beforeAll, describe, expect, it } from "vitest";
import { listVillages } from "~/domain/chapters/regions.server";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as dashboardLoader } from "~/routes/_index";
import { loader as membersLoader } from "~/routes/members._index";
import { loader as membersPdfLoader } from "~/routes/members[.]pdf";
import { loader as reportsLoader } from "~/routes/reports._index";
import { loader as leadershipLoader } from "~/routes/leadership._index";
import { loader as verifyLoader } from "~/routes/verify.$code";
import { loader as catchAllLoader } from "~/routes/$";
import { loader as rootLoader } from "~/root";
import { buildChapter, buildMember, buildUser, buildBoardUser } from "../factories";
import { pdfText } from "../support/pdf-text";
import { dataOf, getRequest, postForm, run, signIn, statusOf } from "../support/requests";

const PASSWORD = "password-123";
const users: Record<"admin" | "board" | "volunteer" | "dinsos" | "otherBoard", string> = {
  admin: "admin@routes.test",
  board: "board@routes.test",
  volunteer: "volunteer@routes.test",
  dinsos: "dinsos@routes.test",
  otherBoard: "other-board@routes.test",
};
const cookies: Partial<Record<keyof typeof users, string>> = {};

beforeAll(async () => {
  const chapter = await buildChapter({ code: "RT", name: "IPSM Kota Uji" });
  const other = await buildChapter({ code: "RO", name: "IPSM Kabupaten Tetangga" });
  const villages = await listVillages("61.71");
  const ownMember = await buildMember({ chapterId: chapter.id, villageCode: villages[0]!.code, fullName: "Relawan Uji", status: "aktif" });
  for (let i = 0; i < 3; i++) await buildMember({ chapterId: chapter.id, villageCode: villages[i]!.code, status: "aktif" });
  await buildMember({ chapterId: chapter.id, villageCode: villages[4]!.code, status: "calon" });
  await buildMember({ chapterId: other.id, villageCode: villages[5]!.code, fullName: "Anggota Tetangga" });
  // The board user is an active member holding the Sekretaris position (counted as a member).

  await buildUser({ chapterId: chapter.id, role: "admin", email: users.admin });
  await buildBoardUser({ chapterId: chapter.id, email: users.board, name: "Ketua Uji" });
  await buildUser({ chapterId: chapter.id, role: "volunteer", email: users.volunteer, memberId: ownMember.id });
  await buildUser({ chapterId: chapter.id, role: "dinsos", email: users.dinsos });
  await buildBoardUser({ chapterId: other.id, email: users.otherBoard });
  for (const key of Object.keys(users) as (keyof typeof users)[]) cookies[key] = await signIn(users[key]);
});

describe("login and logout", () => {
  it("signs in, redirects to the dashboard and sets a signed httpOnly SameSite cookie with an expiry", async () => {
    const response = (await run(loginAction, postForm("/login", { email: users.board, password: PASSWORD }))) as Response;
    expect(response.headers.get("Location")).toBe("/");
    const sessionCookie = response.headers.getSetCookie().find((c) => c.startsWith("ipsm_session="));
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookie).toMatch(/Max-Age=\d+/);
  });

  it("returns to a local redirectTo, never to another site", async () => {
    const local = (await run(
      loginAction,
      postForm("/login?redirectTo=%2Fmembers", { email: users.board, password: PASSWORD }),
    )) as Response;
    expect(local.headers.get("Location")).toBe("/members");
    const evil = (await run(
      loginAction,
      postForm("/login?redirectTo=%2F%2Fevil.example", { email: users.board, password: PASSWORD }),
    )) as Response;
    expect(evil.headers.get("Location")).toBe("/");
    // what the browser normalises away: a tab, a newline, a backslash between the slashes
    for (const trick of ["%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%5Cevil.example", "%2F..%2F%2Fevil.example"]) {
      const response = (await run(
        loginAction,
        postForm(`/login?redirectTo=${trick}`, { email: users.board, password: PASSWORD }),
      )) as Response;
      expect(response.status, trick).toBe(302);
      expect(response.headers.get("Location"), trick).toBe("/");
    }
    // a newline inside a local path is dropped, not a server error
    const newline = (await run(
      loginAction,
      postForm("/login?redirectTo=%2Fmembers%0D%0Ax", { email: users.board, password: PASSWORD }),
    )) as Response;
    expect(newline.headers.get("Location")).toBe("/membersx");
    // a signed-in visitor of the login page is sent on the same way
    const signedIn = (await run(loginLoader, getRequest("/login?redirectTo=%2F%09%2Fevil.example", cookies.board))) as Response;
    expect(signedIn.headers.get("Location")).toBe("/");
  });

  it("answers a guesser with 429, a wait and Retry-After; the owner elsewhere still signs in", async () => {
    const guess = (address: string, password = "salah") =>
      run(loginAction, postForm("/login", { email: users.volunteer, password }), {}, { clientAddress: address });
    for (let i = 0; i < 4; i++) expect(statusOf(await guess("192.0.2.50"))).toBe(401);
    const throttled = (await guess("192.0.2.50", PASSWORD)) as Response;
    expect(statusOf(throttled)).toBe(429);
    expect(dataOf(throttled)).toMatchObject({ formError: expect.stringMatching(/Coba lagi dalam 30 detik/) });
    expect(new Headers((throttled as unknown as { init: ResponseInit }).init.headers).get("Retry-After")).toBe("30");
    expect(statusOf(await guess("192.0.2.51", PASSWORD))).toBe(302);
  });

  it("refuses a wrong password in Indonesian and keeps the email typed", async () => {
    const result = await run(loginAction, postForm("/login", { email: users.board, password: "salah" }));
    expect(statusOf(result)).toBe(401);
    expect(dataOf(result)).toMatchObject({ formError: "Email atau kata sandi salah.", email: users.board });
  });

  it("explains an invalid email beside the field", async () => {
    const result = await run(loginAction, postForm("/login", { email: "bukan-email", password: "x" }));
    expect(statusOf(result)).toBe(400);
    expect(dataOf(result)).toMatchObject({ email: "bukan-email", fieldErrors: { email: expect.stringMatching(/email yang benar/) } });
  });

  it("sends a signed-in user away from the login page", async () => {
    const result = await run(loginLoader, getRequest("/login", cookies.board));
    expect(statusOf(result)).toBe(302);
  });

  it("ends the session on logout: the old cookie no longer works", async () => {
    const cookie = await signIn(users.volunteer);
    expect(statusOf(await run(dashboardLoader, getRequest("/", cookie)))).toBe(200);
    const out = (await run(logoutAction, postForm("/logout", {}, cookie))) as Response;
    expect(out.headers.get("Location")).toBe("/login");
    const after = (await run(dashboardLoader, getRequest("/", cookie))) as Response;
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toBe("/login");
  });
});

describe("guards", () => {
  it("sends anonymous visitors to the login page, remembering where they were going", async () => {
    const result = (await run(membersLoader, getRequest("/members?q=a"))) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/login?redirectTo=%2Fmembers%3Fq%3Da");
  });

  it("answers 403 where the role may not go", async () => {
    expect(statusOf(await run(membersLoader, getRequest("/members", cookies.volunteer)))).toBe(403);
    expect(statusOf(await run(membersLoader, getRequest("/members", cookies.dinsos)))).toBe(403);
    expect(statusOf(await run(reportsLoader, getRequest("/reports", cookies.volunteer)))).toBe(403);
    // The Dinas Sosial may see the board composition (names and positions), not the registry.
    expect(statusOf(await run(leadershipLoader, getRequest("/leadership", cookies.dinsos)))).toBe(200);
    expect(statusOf(await run(reportsLoader, getRequest("/reports", cookies.dinsos)))).toBe(200);
  });

  it("answers 404 for unknown URLs and unknown verification codes", async () => {
    expect(statusOf(await run(catchAllLoader, getRequest("/tidak-ada", cookies.board)))).toBe(404);
    expect(statusOf(await run(verifyLoader, getRequest("/verify/abc"), { code: "abc" }))).toBe(404);
  });
});

describe("menu", () => {
  it("shows each role only what it may use", async () => {
    const navOf = async (cookie?: string) =>
      dataOf<{ user: { nav: { to: string }[] } }>(await run(rootLoader, getRequest("/", cookie))).user.nav.map((n) => n.to);
    // the Sekretaris holds read:audit, update:chapter and manage:user: the audit log, the chapter's
    // profile and the chapter's logins are in the board's menu
    expect(await navOf(cookies.board)).toEqual([
      "/",
      "/members",
      "/leadership",
      "/trainings",
      "/activities",
      "/programmes",
      "/reports",
      "/audit",
      "/chapter/profile",
      "/accounts",
      "/profile",
    ]);
    expect(await navOf(cookies.volunteer)).toEqual(["/", "/leadership", "/trainings", "/activities", "/programmes", "/profile"]);
    expect(await navOf(cookies.dinsos)).toEqual(["/", "/leadership", "/reports", "/profile"]);
  });
});

describe("dashboard", () => {
  it("shows the chapter's real member figures", async () => {
    const d = dataOf<{ memberCounts: { total: number; aktif: number; calon: number } }>(
      await run(dashboardLoader, getRequest("/", cookies.board)),
    );
    expect(d.memberCounts).toMatchObject({ total: 6, aktif: 5, calon: 1 });
    const other = dataOf<{ memberCounts: { total: number } }>(await run(dashboardLoader, getRequest("/", cookies.otherBoard)));
    // "Anggota Tetangga" and the other chapter's Sekretaris.
    expect(other.memberCounts.total).toBe(2);
  });

  it("shows a volunteer their own membership", async () => {
    const d = dataOf<{ ownMembership: { fullName: string; status: string } }>(
      await run(dashboardLoader, getRequest("/", cookies.volunteer)),
    );
    expect(d.ownMembership).toMatchObject({ fullName: "Relawan Uji", status: "aktif" });
  });
});

describe("member list", () => {
  it("lists the chapter's members with NIK masked", async () => {
    const d = dataOf<{ total: number; members: Record<string, unknown>[] }>(
      await run(membersLoader, getRequest("/members", cookies.board)),
    );
    expect(d.total).toBe(6);
    for (const m of d.members) {
      expect(m).not.toHaveProperty("nik");
      expect(m.nikMasked).toMatch(/^\d{4}\*{8}\d{4}$/);
    }
  });
});

describe("GET /members.pdf", () => {
  it("is refused to volunteers and Dinas Sosial staff", async () => {
    expect(statusOf(await run(membersPdfLoader, getRequest("/members.pdf", cookies.volunteer)))).toBe(403);
    expect(statusOf(await run(membersPdfLoader, getRequest("/members.pdf", cookies.dinsos)))).toBe(403);
  });

  it("gives the board the chapter's list on its letterhead, with Indonesian dates and masked NIK", async () => {
    const response = (await run(membersPdfLoader, getRequest("/members.pdf", cookies.board))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const { text } = await pdfText(bytes);
    expect(text).toContain("IKATAN PEKERJA SOSIAL MASYARAKAT (IPSM)");
    expect(text).toContain("IPSM Kota Uji");
    expect(text).toContain("Relawan Uji");
    expect(text).not.toContain("Anggota Tetangga");
    expect(text).toMatch(
      /Keadaan per \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/,
    );
    expect(text).toMatch(/\d{4}\*{8}\d{4}/);
    expect(text).not.toMatch(/\b\d{16}\b/);
    expect(text).toContain("Jumlah anggota: 6");
  });

  it("is available to the administrator", async () => {
    expect(statusOf(await run(membersPdfLoader, getRequest("/members.pdf", cookies.admin)))).toBe(200);
  });
});

describe("administrator's chapter", () => {
  it("lets an administrator switch chapters for the session, and nobody else", async () => {
    const { action: chapterAction } = await import("~/routes/chapter");
    const { db } = await import("~/utils/db.server");
    const other = await db.chapter.findUniqueOrThrow({ where: { code: "RO" }, select: { id: true } });
    const cookie = await signIn(users.admin);
    const switched = (await run(chapterAction, postForm("/chapter", { chapterId: other.id, redirectTo: "/members" }, cookie))) as Response;
    expect(switched.headers.get("Location")).toBe("/members");
    const list = dataOf<{ members: { fullName: string }[] }>(await run(membersLoader, getRequest("/members", cookie)));
    expect(list.members.map((m) => m.fullName)).toContain("Anggota Tetangga");
    expect(list.members.map((m) => m.fullName)).not.toContain("Relawan Uji");
    expect(statusOf(await run(chapterAction, postForm("/chapter", { chapterId: other.id }, cookies.board)))).toBe(403);
    // The board member still works in their own chapter.
    const own = dataOf<{ total: number }>(await run(membersLoader, getRequest("/members", cookies.board)));
    expect(own.total).toBe(6);
  });
});

describe("requireActor", () => {
  it("sends a visitor without a session to the login page, and back afterwards", async () => {
    const { requireActor } = await import("~/http/permissions.server");
    const thrown = await requireActor(getRequest("/members?page=2")).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fmembers%3Fpage%3D2");
  });

  it("refuses a signed-in user without the page's permission with 403", async () => {
    const { requireActor } = await import("~/http/permissions.server");
    const thrown = await requireActor(getRequest("/members", cookies.volunteer), "read:member:chapter").catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    const either = await requireActor(getRequest("/", cookies.dinsos), ["read:member:chapter", "receive:report:chapter"]);
    expect(either.role).toBe("dinsos");
  });

  it("builds the actor: who, the chapter and its time zone, and the permissions of the positions held today", async () => {
    const { requireActor } = await import("~/http/permissions.server");
    const { db } = await import("~/utils/db.server");
    const chapter = await db.chapter.findUniqueOrThrow({ where: { code: "RT" }, select: { id: true, timeZone: true } });
    const board = await db.user.findUniqueOrThrow({ where: { email: users.board }, select: { id: true, memberId: true } });
    const actor = await requireActor(getRequest("/members", cookies.board), "read:member:chapter");
    expect(actor).toMatchObject({
      userId: board.id,
      role: "volunteer",
      memberId: board.memberId,
      chapterId: chapter.id,
      chapterCode: "RT",
      timeZone: chapter.timeZone,
      districtCodes: [],
    });
    // a Sekretaris: the registry comes from the position, not from the account's role
    expect(actor.permissions).toContain("update:member:chapter");
    expect(actor.permissions).toContain("read:audit:chapter");
    const volunteer = await requireActor(getRequest("/", cookies.volunteer));
    expect(volunteer.permissions).not.toContain("update:member:chapter");
    expect(volunteer.chapterId).toBe(chapter.id);
  });
});
