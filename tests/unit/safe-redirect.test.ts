import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/validation/auth";

describe("safeRedirect: only a path on this site, as the browser reads it", () => {
  it.each([
    ["/members", "/members"],
    ["/members?q=siti&page=2#list", "/members?q=siti&page=2#list"],
    ["/activities/abc", "/activities/abc"],
    ["/./members", "/members"],
    ["/%2F/evil.example", "/%2F/evil.example"], // an encoded slash stays a path on this site
  ])("keeps %j as %j", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "/\t/evil.example", // the browser drops the tab: //evil.example
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\\evil.example", // a backslash counts as a slash
    "\\/evil.example",
    "/\\/evil.example",
    "/..//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    " //evil.example",
    "evil.example",
    "",
  ])("refuses %j", (input) => {
    expect(safeRedirect(input)).toBe("/");
  });

  it("never returns a control character (a newline in a Location header is a server error)", () => {
    expect(safeRedirect("/members\nSet-Cookie: x=1")).toBe("/membersSet-Cookie:%20x=1");
    expect(safeRedirect("/members\u0000")).toBe("/members");
  });

  it("takes only strings", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/profile")).toBe("/profile");
  });
});
