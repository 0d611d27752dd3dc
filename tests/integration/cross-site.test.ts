// Cross-site request forgery: every action of the portal refuses a write another site sends
// (a foreign Origin, Sec-Fetch-Site cross-site, a foreign Referer) with 403 before it changes
// anything, and sign-out happens only on a POST (docs/decisions/022). The browser suite replays
// the same against the real server, Remix data requests included (tests/e2e/security.test.ts).
import type { ActionFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as logoutLoader, action as logoutAction } from "~/routes/logout";
import { action as profileAction } from "~/routes/profile";
import { loader as dashboardLoader } from "~/routes/_index";
import { isCrossSiteWrite } from "~/utils/cross-site.server";
import { db } from "~/utils/db.server";
import { buildBoardUser, buildChapter, buildUser } from "../factories";
import { getRequest, run, signIn, statusOf } from "../support/requests";

const ORIGIN = "http://localhost:3000";
const routes = import.meta.glob<{ action?: (args: ActionFunctionArgs) => unknown }>("../../app/routes/*.{ts,tsx}", { eager: true });

let adminCookie: string;
let boardCookie: string;
let boardUserId: string;

beforeAll(async () => {
  const chapter = await buildChapter({ code: "XS", name: "IPSM Kota Silang" });
  await buildUser({ chapterId: chapter.id, role: "admin", email: "admin@cross-site.test" });
  boardUserId = (await buildBoardUser({ chapterId: chapter.id, email: "board@cross-site.test" })).id;
  adminCookie = await signIn("admin@cross-site.test");
  boardCookie = await signIn("board@cross-site.test");
});

function post(path: string, headers: Record<string, string>, cookie?: string, body = "name=Diubah&intent=profile") {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body,
  });
}

/** Route file name to a URL with every parameter filled ("routes/members.$id.edit" -> "/members/x/edit"). */
function urlOf(file: string) {
  const name = file.replace(/^.*\/routes\//, "").replace(/\.tsx?$/, "");
  const segments = name
    .replace(/\[\.\]/g, "·")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, "").replace(/^\$.*/, "x").replace(/·/g, "."));
  return `/${segments.join("/")}`.replace(/\/$/, "") || "/";
}

describe("which requests count as cross-site writes", () => {
  const at = (method: string, headers: Record<string, string>) => new Request(`${ORIGIN}/profile`, { method, headers });
  it.each([
    ["a foreign Origin", { Origin: "https://evil.example" }],
    ["an opaque Origin (sandboxed frame, data: URL)", { Origin: "null" }],
    ["the same host on another port", { Origin: "http://localhost:4000" }],
    ["Sec-Fetch-Site cross-site", { "Sec-Fetch-Site": "cross-site" }],
    ["Sec-Fetch-Site same-site (a sibling subdomain)", { "Sec-Fetch-Site": "same-site", Origin: "http://localhost:3000" }],
    ["a foreign Referer without Origin", { Referer: "https://evil.example/page" }],
  ])("refuses a POST with %s", (_label, headers) => {
    expect(isCrossSiteWrite(at("POST", headers))).toBe(true);
    expect(isCrossSiteWrite(at("DELETE", headers))).toBe(true);
  });

  it.each([
    ["its own Origin", { Origin: "http://localhost:3000", "Sec-Fetch-Site": "same-origin" }],
    ["its own Referer", { Referer: "http://localhost:3000/profile" }],
    ["no browser headers (a script, curl)", {}],
  ])("lets through a POST with %s", (_label, headers) => {
    expect(isCrossSiteWrite(at("POST", headers))).toBe(false);
  });

  it("never refuses a read", () => {
    expect(isCrossSiteWrite(at("GET", { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }))).toBe(false);
    expect(isCrossSiteWrite(at("HEAD", { "Sec-Fetch-Site": "cross-site" }))).toBe(false);
  });
});

describe("every action refuses another site's POST", () => {
  const withAction = Object.entries(routes).filter(([, module]) => typeof module.action === "function");

  it("has found the portal's actions", () => {
    expect(withAction.length).toBeGreaterThan(40);
  });

  it.each(withAction.map(([file, module]) => [urlOf(file), module.action!] as const))(
    "POST %s from evil.example is 403",
    async (url, action) => {
      const before = await db.auditLog.count();
      const params = Object.fromEntries(
        [...url.matchAll(/\/x(?=\/|$)/g)].map((_, i) => [["id", "token", "code", "holdingId", "participantId", "entryId"][i]!, "x"]),
      );
      for (const headers of [{ Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }] as Record<string, string>[]) {
        const result = await run(action, post(url, headers, adminCookie), {
          id: "x",
          token: "x",
          code: "x",
          holdingId: "x",
          participantId: "x",
          ...params,
        });
        // /setup no longer exists once the portal is set up (as here): 404 before anything is read
        expect(statusOf(result), `${url} ${JSON.stringify(headers)}`).toBe(url === "/setup" ? 404 : 403);
      }
      expect(await db.auditLog.count()).toBe(before);
    },
  );
});

describe("the profile and sign-out", () => {
  it("a foreign-Origin POST does not change the user's profile; the same POST from the portal does", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { id: boardUserId }, select: { name: true } });
    const refused = await run(
      profileAction,
      post("/profile", { Origin: "https://evil.example" }, boardCookie, "intent=profile&name=Penyerang"),
    );
    expect(statusOf(refused)).toBe(403);
    expect(await (refused as Response).text()).toMatch(/datang dari situs lain/);
    expect((await db.user.findUniqueOrThrow({ where: { id: boardUserId }, select: { name: true } })).name).toBe(before.name);
  });

  it("GET /logout only asks; the session lives on until the POST", async () => {
    const cookie = await signIn("board@cross-site.test");
    expect(statusOf(await run(logoutLoader, getRequest("/logout", cookie)))).toBe(200);
    expect(statusOf(await run(dashboardLoader, getRequest("/", cookie)))).toBe(200);
    expect(statusOf(await run(logoutAction, post("/logout", { Origin: "https://evil.example" }, cookie, "")))).toBe(403);
    expect(statusOf(await run(dashboardLoader, getRequest("/", cookie)))).toBe(200);
    const out = (await run(logoutAction, post("/logout", { Origin: ORIGIN }, cookie, ""))) as Response;
    expect(out.headers.get("Location")).toBe("/login");
    expect(statusOf(await run(dashboardLoader, getRequest("/", cookie)))).toBe(302);
  });
});
