// Logins by single-use link (issue 16): the Sekretaris gives a member a login (an invitation
// valid 7 days, shown to copy, with a WhatsApp link, and emailed through a real SMTP server in
// this process); the member sets a password and is signed in; a used, expired or unknown link
// says so and whom to ask; of two tabs using one link, one wins; /forgot-password answers the same
// for known and unknown emails and emails a reset link (1 hour) that ends every session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLoginLink, memberLoginState, openLink, redeemLink, whatsappNumber } from "~/domain/accounts/links.server";
import { changeMemberStatus } from "~/domain/members/members.server";
import { t } from "~/i18n";
import { action as forgotAction } from "~/routes/forgot-password";
import { RESETS_PER_HOUR } from "~/domain/accounts/links.server";
import { action as inviteAction, loader as inviteLoader } from "~/routes/invite.$token";
import { action as loginAction } from "~/routes/login";
import { action as memberLoginAction, loader as memberLoginLoader } from "~/routes/members.$id.login";
import { loader as profileLoader } from "~/routes/profile";
import { loader as resetLoader, action as resetAction } from "~/routes/reset-password.$token";
import { db } from "~/utils/db.server";
import { buildChapter, buildMember, buildUser } from "../factories";
import { boardMember, volunteer, type TestActor } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { cookiesFrom, dataOf, getRequest, postForm, run, signIn, statusOf } from "../support/requests";
import { linkIn, startSmtpServer } from "../support/smtp";
import { PLACES } from "../support/timeline";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let chapterId: string;
let sekretaris: TestActor;

const tokenOf = (url: string) => url.split("/").pop()!;
const PASSWORD = "kata-sandi-baru-2026";

async function member(fields: { fullName?: string; email?: string | null; phone?: string | null } = {}) {
  const m = await buildMember({
    chapterId,
    villageCode: PLACES.V1002,
    status: "aktif",
    fullName: fields.fullName,
    phone: fields.phone ?? "+6281234567890",
  });
  if (fields.email !== undefined) await db.member.update({ where: { id: m.id }, data: { email: fields.email } });
  return m;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Portal IPSM <noreply@ipsm.test>";
  chapterId = (await buildChapter({ code: "LNK", name: "IPSM Kota Tautan", phone: "(0561) 111 222" })).id;
  sekretaris = await boardMember(chapterId, "sekretaris", { email: "sekretaris@links.test" });
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await smtp.stop();
});

describe("an invitation made by the Sekretaris", () => {
  it("creates the login, shows the link with a WhatsApp message, emails it, and lets the member set a password and sign in", async () => {
    const m = await member({ fullName: "Siti Ma'rufah", email: " Siti.Marufah@Contoh.ID " });
    const cookie = await signIn(sekretaris.email);
    const made = await run(memberLoginAction, postForm(`/members/${m.id}/login`, { email: "" }, cookie), { id: m.id });
    expect(statusOf(made)).toBe(200);
    const { link } = dataOf<{ link: { kind: string; url: string; whatsappUrl: string; emailedTo: string; expiresAt: Date } }>(made);
    expect(link.kind).toBe("invitation");
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(link.emailedTo).toBe("siti.marufah@contoh.id");
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3_600_000);
    const wa = new URL(link.whatsappUrl);
    expect(wa.origin + wa.pathname).toBe("https://wa.me/6281234567890");
    expect(wa.searchParams.get("text")).toContain("Halo Siti Ma'rufah");
    expect(wa.searchParams.get("text")).toContain(link.url);

    const mail = await smtp.mailTo("siti.marufah@contoh.id");
    expect(mail.subject).toBe("Undangan Portal IPSM Kota Tautan");
    expect(mail.text).toContain("Halo Siti Ma'rufah");
    expect(linkIn(mail.text)).toBe(link.url);
    expect(mail.html).toContain("Ma&#39;rufah");

    // Waiting for its person: the login cannot be used yet, and the page says so.
    const state = expectOk(await memberLoginState(sekretaris, m.id));
    expect(state.login.state).toBe("invited");
    const user = await db.user.findUniqueOrThrow({ where: { memberId: m.id } });
    expect(user).toMatchObject({ email: "siti.marufah@contoh.id", role: "volunteer", chapterId, active: true, lastSignInAt: null });
    expect(await db.accountToken.findFirst({ where: { userId: user.id }, select: { tokenHash: true } })).not.toMatchObject({
      tokenHash: tokenOf(link.url),
    });
    expect(await db.auditLog.count({ where: { action: "user.invite", entityId: user.id } })).toBe(1);

    const token = tokenOf(link.url);
    const page = dataOf<{ usable: boolean; name: string }>(await run(inviteLoader, getRequest(`/invite/${token}`), { token }));
    expect(page).toMatchObject({ usable: true, name: "Siti Ma'rufah", email: "siti.marufah@contoh.id" });
    const short = await run(inviteAction, postForm(`/invite/${token}`, { password: "pendek", confirm: "pendek" }), { token });
    expect(statusOf(short)).toBe(400);
    const accepted = await run(inviteAction, postForm(`/invite/${token}`, { password: PASSWORD, confirm: PASSWORD }), { token });
    expect(statusOf(accepted)).toBe(302);
    expect(statusOf(await run(profileLoader, getRequest("/profile", cookiesFrom(accepted as Response))))).toBe(200);
    expect(statusOf(await run(loginAction, postForm("/login", { email: "Siti.Marufah@contoh.id", password: PASSWORD })))).toBe(302);
    expect(expectOk(await memberLoginState(sekretaris, m.id)).login.state).toBe("active");

    // Used: it says so, and whom to ask.
    const again = dataOf<{ usable: boolean; problem: string }>(await run(inviteLoader, getRequest(`/invite/${token}`), { token }));
    expect(again.usable).toBe(false);
    expect(again.problem).toBe(`${t("links.error.used")} Minta tautan baru kepada Sekretaris IPSM Kota Tautan ((0561) 111 222).`);
    expect(statusOf(await run(inviteAction, postForm(`/invite/${token}`, { password: PASSWORD, confirm: PASSWORD }), { token }))).toBe(409);
  });

  it("says when a link has expired or is unknown, and a newer link replaces an older one", async () => {
    const m = await member({ email: "kedaluwarsa@contoh.id" });
    const first = expectOk(await makeLoginLink(sekretaris, m.id, { email: null })).link;
    const second = expectOk(await makeLoginLink(sekretaris, m.id, { email: null })).link;
    expect(expectRefusal(await openLink("invitation", tokenOf(first.url)), "conflict").message).toContain(t("links.error.used"));
    await db.accountToken.updateMany({
      where: { user: { memberId: m.id }, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const token = tokenOf(second.url);
    const page = dataOf<{ usable: boolean; problem: string }>(await run(inviteLoader, getRequest(`/invite/${token}`), { token }));
    expect(page.problem).toContain(t("links.error.expired"));
    expect(expectRefusal(await redeemLink("invitation", token, PASSWORD), "conflict").message).toContain(t("links.error.expired"));
    expect(expectRefusal(await openLink("invitation", "tidak-ada-tautan-seperti-ini"), "conflict").message).toContain(
      t("links.error.unknown"),
    );
    // An invitation does not open the reset page.
    const third = expectOk(await makeLoginLink(sekretaris, m.id, { email: null })).link;
    const resetPage = dataOf<{ usable: boolean }>(await run(resetLoader, getRequest("/reset-password/x"), { token: tokenOf(third.url) }));
    expect(resetPage.usable).toBe(false);
  });

  it("lets only one of two tabs use a link", async () => {
    const m = await member({ email: "dua-tab@contoh.id" });
    const { url } = expectOk(await makeLoginLink(sekretaris, m.id, { email: null })).link;
    const results = await Promise.all([
      redeemLink("invitation", tokenOf(url), PASSWORD),
      redeemLink("invitation", tokenOf(url), "kata-sandi-lain-2026"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
  });

  it("checks the email: typed or the member's, not another login's; required when the member has none", async () => {
    const noEmail = await member({ email: null });
    expect(expectInvalid(await makeLoginLink(sekretaris, noEmail.id, { email: null }))).toEqual({ email: t("links.error.emailRequired") });
    expect(expectInvalid(await makeLoginLink(sekretaris, noEmail.id, { email: sekretaris.email }))).toEqual({
      email: t("links.error.emailTaken"),
    });
    const cookie = await signIn(sekretaris.email);
    const typed = await run(memberLoginAction, postForm(`/members/${noEmail.id}/login`, { email: "  Baru@Contoh.ID " }, cookie), {
      id: noEmail.id,
    });
    expect(dataOf<{ link: { emailedTo: string } }>(typed).link.emailedTo).toBe("baru@contoh.id");
    const bad = await run(memberLoginAction, postForm(`/members/${noEmail.id}/login`, { email: "bukan-email" }, cookie), {
      id: noEmail.id,
    });
    expect(statusOf(bad)).toBe(400);
  });

  it("still gives the link to share when mail is not configured", async () => {
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      const m = await member({ email: "tanpa-email@contoh.id", phone: "0812-1111-2222" });
      const link = expectOk(await makeLoginLink(sekretaris, m.id, { email: null })).link;
      expect(link.emailedTo).toBeNull();
      expect(link.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281211112222\?text=/);
    } finally {
      process.env.SMTP_URL = saved;
    }
    expect(whatsappNumber("+62 812-3456-7890")).toBe("6281234567890");
    expect(whatsappNumber(null)).toBeNull();
  });

  it("is refused to a volunteer and for another chapter's member, and for a member who left", async () => {
    const m = await member({ email: "hak@contoh.id" });
    const plain = await volunteer(chapterId);
    expectRefusal(await makeLoginLink(plain, m.id, { email: null }), "forbidden");
    expect(statusOf(await run(memberLoginLoader, getRequest(`/members/${m.id}/login`, await signIn(plain.email)), { id: m.id }))).toBe(403);
    const otherChapter = (await buildChapter({ code: "LNL", name: "IPSM Lain" })).id;
    const otherSekretaris = await boardMember(otherChapter, "sekretaris");
    expectRefusal(await makeLoginLink(otherSekretaris, m.id, { email: null }), "notFound");

    expectOk(await changeMemberStatus(sekretaris, m.id, { status: "mengundurkan_diri", effectiveDate: "2026-11-30", reason: "Pindah" }));
    expect(expectRefusal(await makeLoginLink(sekretaris, m.id, { email: null }), "conflict").message).toContain(
      "tidak berstatus calon atau aktif",
    );
  });
});

describe("forgotten passwords", () => {
  it("answers the same for a known and an unknown email; the emailed link (1 hour) sets a new password and ends every session", async () => {
    const relawan = await volunteer(chapterId, { fullName: "Yohanes O'Neil" });
    const elsewhere = await signIn(relawan.email);

    const known = await run(forgotAction, postForm("/forgot-password", { email: `  ${relawan.email.toUpperCase()} ` }));
    const unknown = await run(forgotAction, postForm("/forgot-password", { email: "tidak-terdaftar@contoh.id" }));
    expect(statusOf(known)).toBe(statusOf(unknown));
    expect(JSON.stringify(dataOf(known))).toBe(JSON.stringify(dataOf(unknown)));

    const mail = await smtp.mailTo(relawan.email);
    expect(mail.subject).toBe("Atur ulang kata sandi Portal IPSM Kota Tautan");
    expect(mail.text).toContain("Halo Yohanes O'Neil");
    expect(mail.text).toContain("berlaku 1 jam");
    const url = linkIn(mail.text);
    expect(url).toMatch(/\/reset-password\//);
    await expect(smtp.mailTo("tidak-terdaftar@contoh.id", 500)).rejects.toThrow();

    const token = tokenOf(url);
    const expires = await db.accountToken.findFirstOrThrow({ where: { user: { email: relawan.email }, kind: "reset", usedAt: null } });
    expect(expires.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    const done = await run(resetAction, postForm(`/reset-password/${token}`, { password: PASSWORD, confirm: PASSWORD }), { token });
    expect(statusOf(done)).toBe(302);
    // The session on the other device has ended; the new one works; the old password does not.
    expect(statusOf(await run(profileLoader, getRequest("/profile", elsewhere)))).toBe(302);
    expect(statusOf(await run(profileLoader, getRequest("/profile", cookiesFrom(done as Response))))).toBe(200);
    expect(statusOf(await run(loginAction, postForm("/login", { email: relawan.email, password: relawan.password })))).toBe(401);
    expect(await db.auditLog.count({ where: { action: "user.reset", entityId: relawan.userId } })).toBe(1);
  });

  it("limits reset requests per email and address, and per address, each hour, known email or not", async () => {
    const relawan = await volunteer(chapterId, { fullName: "Dewi Lestari" });
    const ask = (email: string, address: string) =>
      run(forgotAction, postForm("/forgot-password", { email }), {}, { clientAddress: address });
    for (let i = 0; i < RESETS_PER_HOUR.perEmail; i++) expect(statusOf(await ask(relawan.email, "198.51.100.7"))).toBe(200);
    const refused = await ask(relawan.email, "198.51.100.7");
    expect(statusOf(refused)).toBe(409);
    expect(dataOf(refused)).toMatchObject({ formError: expect.stringMatching(/^Terlalu banyak permintaan tautan/) });
    // an unknown email is limited the same way (the answer tells nobody who has a login)
    for (let i = 0; i < RESETS_PER_HOUR.perEmail; i++) await ask("siapa@contoh.id", "198.51.100.8");
    expect(statusOf(await ask("siapa@contoh.id", "198.51.100.8"))).toBe(409);
    // the owner on another network still gets a link
    expect(statusOf(await ask(relawan.email, "203.0.113.9"))).toBe(200);
    expect(await db.accountToken.count({ where: { userId: relawan.userId, kind: "reset" } })).toBe(RESETS_PER_HOUR.perEmail + 1);
  });

  it("sends nothing to a deactivated login, and the board's reset link works for a login in use", async () => {
    const off = await buildUser({ chapterId, role: "volunteer", email: "nonaktif@links.test", active: false });
    await run(forgotAction, postForm("/forgot-password", { email: "nonaktif@links.test" }));
    await expect(smtp.mailTo("nonaktif@links.test", 500)).rejects.toThrow();
    expect(await db.accountToken.count({ where: { userId: off.id } })).toBe(0);

    const relawan = await volunteer(chapterId, { fullName: "Rahmat Pratama" });
    const link = expectOk(await makeLoginLink(sekretaris, relawan.memberId!, { email: null })).link;
    expect(link.kind).toBe("reset");
    await smtp.mailTo(relawan.email);
    expectOk(await redeemLink("reset", tokenOf(link.url), PASSWORD));
    expect(await db.session.count({ where: { userId: relawan.userId } })).toBe(0);
  });
});
