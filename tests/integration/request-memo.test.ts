// One read of "who is signed in" per page request (app/http/request-memo.server.ts): the loaders of
// one GET share the answer; a POST, and two requests, each read afresh, so a change made between
// requests (or by the POST's own action) is seen at once.
import { describe, expect, it } from "vitest";
import { withRequestMemo } from "~/http/request-memo.server";
import { getUser } from "~/http/session.server";
import { db } from "~/utils/db.server";
import { buildChapter, buildUser } from "../factories";
import { getRequest, signIn } from "../support/requests";

describe("the signed-in user within one request", () => {
  it("is read once for all the loaders of a GET, afresh for the next request and for a POST", async () => {
    const chapter = await buildChapter();
    const user = await buildUser({ chapterId: chapter.id, role: "volunteer", email: "memo@contoh.id" });
    const cookie = await signIn("memo@contoh.id");
    const request = () => getRequest("/members", cookie);

    const [first, second] = await withRequestMemo("GET", () => Promise.all([getUser(request()), getUser(request())]));
    expect(first?.id).toBe(user.id);
    expect(second).toBe(first);

    // a later request sees a change at once: the account closed in between
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await withRequestMemo("GET", () => getUser(request()))).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: true } });

    const [a, b] = await withRequestMemo("POST", () => Promise.all([getUser(request()), getUser(request())]));
    expect(a?.id).toBe(user.id);
    expect(b).not.toBe(a);
    // outside a request (a test calling a loader) nothing is kept either
    expect(await getUser(request())).not.toBe(await getUser(request()));
  });
});
