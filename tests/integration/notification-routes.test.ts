// The notification pages called with real Requests: /notifications (own list, mark all read),
// /notifications/:id (marks read, leads to where the person acts; another's is 404), the
// administrator's /notifications/outbox (403 for the rest), the preferences on /profile, the
// unread count in the root loader, and the WhatsApp link the Koordinator gets after a return.
import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { action as activityAction, loader as activityLoader } from "~/routes/activities.$id._index";
import { action as queueAction, loader as queueLoader } from "~/routes/activities.verification";
import { loader as openLoader } from "~/routes/notifications.$id";
import { action as listAction, loader as listLoader } from "~/routes/notifications._index";
import { loader as outboxLoader } from "~/routes/notifications.outbox";
import { action as profileAction, loader as profileLoader } from "~/routes/profile";
import { db } from "~/utils/db.server";
import { activityChapter, koordinator, loggedFor } from "../factories/activities";
import { account, boardMember, volunteer } from "../support/actors";
import { dataOf, getRequest, postForm, run, signIn, statusOf } from "../support/requests";
import { PLACES } from "../support/timeline";

async function setting() {
  const ctx = await activityChapter({ name: "IPSM Kota Rute Notifikasi" });
  const kk = await koordinator(ctx.id, PLACES.D01);
  const author = await volunteer(ctx.id, { villageCode: PLACES.V1002, fullName: "Siti Relawan" });
  await db.member.update({ where: { id: author.memberId! }, data: { phone: "+6281234567890" } });
  const other = await volunteer(ctx.id, { villageCode: PLACES.V1003 });
  const admin = await account(ctx.id, "admin");
  const ketua = await boardMember(ctx.id, "ketua");
  return {
    ctx,
    kk,
    author,
    other,
    cookies: {
      kk: await signIn(kk.email),
      author: await signIn(author.email),
      other: await signIn(other.email),
      admin: await signIn(admin.email),
      ketua: await signIn(ketua.email),
    },
  };
}

describe("returning from the activity page and the queue", () => {
  it("the volunteer is told (count in the header, list, opening leads to the activity); the Koordinator gets the WhatsApp link with the reason", async () => {
    const { ctx, author, cookies } = await setting();
    const id = await loggedFor(ctx, author, { villageCode: PLACES.V1002 });
    const reason = "Jumlah KK tidak sesuai: tiga KK dikunjungi";
    const returned = await run(activityAction, postForm(`/activities/${id}`, { intent: "return", reason }, cookies.kk), { id });
    expect(statusOf(returned)).toBe(302);

    // the Koordinator's page: a wa.me link to 62812..., carrying the reason
    const page = dataOf<{ notices: { whatsappUrl: string | null; name: string }[] }>(
      await run(activityLoader, getRequest(`/activities/${id}`, cookies.kk), { id }),
    );
    expect(page.notices).toHaveLength(1);
    const link = new URL(page.notices[0]!.whatsappUrl!);
    expect(link.origin + link.pathname).toBe("https://wa.me/6281234567890");
    expect(link.searchParams.get("text")).toContain(reason);
    expect(link.searchParams.get("text")).toContain("IPSM Kota Rute Notifikasi");
    // the volunteer's own page offers no such link
    const own = dataOf<{ notices: unknown[] }>(await run(activityLoader, getRequest(`/activities/${id}`, cookies.author), { id }));
    expect(own.notices).toEqual([]);

    // the header's count, the list, opening it
    const root = dataOf<{ user: { unread: number } }>(await run(rootLoader, getRequest("/", cookies.author)));
    expect(root.user.unread).toBe(1);
    const list = dataOf<{ rows: { id: string; title: string; readAt: unknown }[] }>(
      await run(listLoader, getRequest("/notifications", cookies.author)),
    );
    expect(list.rows).toMatchObject([{ title: "Kegiatan Anda dikembalikan", readAt: null }]);
    const noteId = list.rows[0]!.id;
    expect(statusOf(await run(openLoader, getRequest(`/notifications/${noteId}`, cookies.other), { id: noteId }))).toBe(404);
    const opened = (await run(openLoader, getRequest(`/notifications/${noteId}`, cookies.author), { id: noteId })) as Response;
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe(`/activities/${id}`);
    expect(dataOf<{ user: { unread: number } }>(await run(rootLoader, getRequest("/", cookies.author))).user.unread).toBe(0);
  });

  it("returning several from the queue lists one WhatsApp link per volunteer; one without a phone gets none", async () => {
    const { ctx, author, other, cookies } = await setting();
    await db.member.update({ where: { id: other.memberId! }, data: { phone: null } });
    const a = await loggedFor(ctx, author, { villageCode: PLACES.V1002 });
    const b = await loggedFor(ctx, other, { villageCode: PLACES.V1003 });
    const body = new URLSearchParams({ intent: "return", reason: "Lengkapi foto kegiatan." });
    body.append("activityIds", a);
    body.append("activityIds", b);
    const request = new Request("http://localhost:3000/activities/verification", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.kk },
      body: body.toString(),
    });
    const response = (await run(queueAction, request)) as Response;
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/activities\/verification\?returned=/);
    const queue = dataOf<{ notices: { activityId: string; whatsappUrl: string | null }[] }>(
      await run(queueLoader, getRequest(location, cookies.kk)),
    );
    const byId = Object.fromEntries(queue.notices.map((n) => [n.activityId, n.whatsappUrl]));
    expect(byId[a]).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=.*Lengkapi%20foto%20kegiatan/);
    expect(byId[b]).toBeNull();
    // a plain volunteer naming them gets nothing (the page is the verifier's)
    expect(statusOf(await run(queueLoader, getRequest(location, cookies.author)))).toBe(403);
  });
});

describe("the pages' guards and forms", () => {
  it("mark all read; the outbox is the administrator's; preferences are saved per kind", async () => {
    const { ctx, author, cookies } = await setting();
    for (let i = 0; i < 3; i++) {
      const id = await loggedFor(ctx, author, { villageCode: PLACES.V1002 });
      await run(
        activityAction,
        postForm(`/activities/${id}`, { intent: "return", reason: `Alasan ke-${i + 1} cukup panjang.` }, cookies.kk),
        { id },
      );
    }
    expect(dataOf<{ user: { unread: number } }>(await run(rootLoader, getRequest("/", cookies.author))).user.unread).toBe(3);
    expect(statusOf(await run(listAction, postForm("/notifications", { intent: "read-all" }, cookies.author)))).toBe(302);
    expect(dataOf<{ user: { unread: number } }>(await run(rootLoader, getRequest("/", cookies.author))).user.unread).toBe(0);
    expect(statusOf(await run(listAction, postForm("/notifications", { intent: "other" }, cookies.author)))).toBe(400);

    expect(statusOf(await run(outboxLoader, getRequest("/notifications/outbox", cookies.admin)))).toBe(200);
    for (const who of ["author", "kk", "ketua"] as const)
      expect(statusOf(await run(outboxLoader, getRequest("/notifications/outbox", cookies[who]))), who).toBe(403);
    expect(statusOf(await run(listLoader, getRequest("/notifications")))).toBe(302);

    const saved = await run(
      profileAction,
      postForm("/profile", { intent: "notifications", activity_returned: "portal", activity_verified: "email" }, cookies.author),
    );
    expect(statusOf(saved)).toBe(302);
    const profile = dataOf<{ notifications: { kinds: { kind: string; email: boolean }[] } }>(
      await run(profileLoader, getRequest("/profile", cookies.author)),
    );
    const choice = Object.fromEntries(profile.notifications.kinds.map((k) => [k.kind, k.email]));
    expect(choice).toMatchObject({ activity_returned: false, activity_verified: true, certificate_expiring: true });
    expect(choice).not.toHaveProperty("report_submitted");
    expect(
      statusOf(await run(profileAction, postForm("/profile", { intent: "notifications", activity_returned: "sms" }, cookies.author))),
    ).toBe(400);
  });
});
