// Refusals are consistent (issue 17): a URL naming a record that does not exist, or one the
// caller may not see, answers 404 (or 403 where the caller may not use the page at all), never
// 400 or 500, for every route that takes an id; and a URL that names another member's record
// where only the caller's own is served refuses instead of quietly answering with the caller's.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as recordLoader } from "~/routes/trainings.record[.]pdf";
import { listVillages } from "~/domain/chapters/regions.server";
import { buildBoardUser, buildChapter, buildMember, buildUser } from "../factories";
import { getRequest, run, signIn, statusOf } from "../support/requests";

const routes = import.meta.glob<{ loader?: (args: LoaderFunctionArgs) => unknown }>("../../app/routes/*.{ts,tsx}", { eager: true });
const cookies: Record<"admin" | "board" | "volunteer" | "dinsos", string> = { admin: "", board: "", volunteer: "", dinsos: "" };
let otherMemberId: string;
let ownMemberId: string;

beforeAll(async () => {
  const chapter = await buildChapter({ code: "RF", name: "IPSM Kota Tolak" });
  const [village] = await listVillages("61.71");
  const own = await buildMember({ chapterId: chapter.id, villageCode: village!.code, fullName: "Relawan Sendiri", status: "aktif" });
  const other = await buildMember({ chapterId: chapter.id, villageCode: village!.code, fullName: "Relawan Lain", status: "aktif" });
  ownMemberId = own.id;
  otherMemberId = other.id;
  await buildUser({ chapterId: chapter.id, role: "admin", email: "admin@refusals.test" });
  await buildBoardUser({ chapterId: chapter.id, email: "board@refusals.test" });
  await buildUser({ chapterId: chapter.id, role: "volunteer", email: "volunteer@refusals.test", memberId: own.id });
  await buildUser({ chapterId: chapter.id, role: "dinsos", email: "dinsos@refusals.test" });
  for (const who of Object.keys(cookies) as (keyof typeof cookies)[]) cookies[who] = await signIn(`${who}@refusals.test`);
});

/** Route file to URL and params, every parameter a record that does not exist. */
function requestFor(file: string) {
  const name = file.replace(/^.*\/routes\//, "").replace(/\.tsx?$/, "");
  const params: Record<string, string> = {};
  const segments = name
    .replace(/\[\.\]/g, "·")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => {
      const param = /^\$(\w+)/.exec(s)?.[1];
      if (!param) return s.replace(/_$/, "").replace(/·/g, ".");
      params[param] = "tidak-ada-123";
      return s.replace(/^\$\w+/, "tidak-ada-123").replace(/·/g, ".");
    });
  return { url: `/${segments.join("/")}`, params };
}

const withIds = Object.entries(routes)
  .filter(([file, module]) => typeof module.loader === "function" && /\$\w/.test(file) && !/\/\$\.tsx$/.test(file))
  .map(([file, module]) => ({ ...requestFor(file), loader: module.loader! }));

describe("a URL naming a record that is not there", () => {
  it("covers the routes that take an id", () => {
    expect(withIds.length).toBeGreaterThan(25);
  });

  it.each(withIds.map((r) => [r.url, r] as const))("GET %s answers 403 or 404 for every role, never 400 or 500", async (_url, route) => {
    for (const who of Object.keys(cookies) as (keyof typeof cookies)[]) {
      const status = statusOf(await run(route.loader, getRequest(route.url, cookies[who]), route.params));
      // public pages (an invitation, a card's check page) answer the same to anyone
      expect([403, 404], `${route.url} as ${who}`).toContain(status);
    }
  });
});

describe("a record that only serves the caller's own", () => {
  it("refuses another member's training record instead of returning the caller's", async () => {
    const asked = await run(recordLoader, getRequest(`/trainings/record.pdf?member=${otherMemberId}`, cookies.volunteer));
    expect(statusOf(asked)).toBe(403);
    expect(statusOf(await run(recordLoader, getRequest(`/trainings/record.pdf?member=${ownMemberId}`, cookies.volunteer)))).toBe(200);
    expect(statusOf(await run(recordLoader, getRequest("/trainings/record.pdf", cookies.volunteer)))).toBe(200);
    // the board may ask for any member of its chapter
    expect(statusOf(await run(recordLoader, getRequest(`/trainings/record.pdf?member=${otherMemberId}`, cookies.board)))).toBe(200);
  });
});
