import { describe, expect, it } from "vitest";
import { hasAnyPermission, hasPermission, rolePermissions, ROLES } from "~/utils/permissions";
import { navigationFor } from "~/utils/navigation";

describe("hasPermission", () => {
  it("lets a wider access cover a narrower one, never the reverse", () => {
    expect(hasPermission(["read:member:any"], "read:member:chapter")).toBe(true);
    expect(hasPermission(["read:member:chapter"], "read:member:own")).toBe(true);
    expect(hasPermission(["read:member:own"], "read:member:chapter")).toBe(false);
    expect(hasPermission(["read:member:chapter"], "read:member:any")).toBe(false);
  });

  it("matches action and entity exactly", () => {
    expect(hasPermission(["read:member:any"], "update:member:own")).toBe(false);
    expect(hasPermission(["read:member:any"], "read:member-nik:own")).toBe(false);
    expect(hasAnyPermission(["receive:report:chapter"], ["read:report:chapter", "receive:report:chapter"])).toBe(true);
  });
});

describe("role table", () => {
  it("keeps volunteers and Dinas Sosial staff out of the member registry", () => {
    for (const role of ["volunteer", "dinsos"] as const) {
      const granted = rolePermissions(role);
      expect(hasPermission(granted, "read:member:chapter")).toBe(false);
      expect(hasPermission(granted, "export:member:chapter")).toBe(false);
      expect(hasPermission(granted, "read:member-nik:own")).toBe(false);
    }
  });

  it("gives the board its chapter and the administrator every chapter", () => {
    expect(hasPermission(rolePermissions("board"), "export:member:chapter")).toBe(true);
    expect(hasPermission(rolePermissions("board"), "export:member:any")).toBe(false);
    expect(hasPermission(rolePermissions("admin"), "export:member:any")).toBe(true);
  });

  it("lets every role open its dashboard", () => {
    for (const role of ROLES) expect(hasPermission(rolePermissions(role), "read:dashboard:own")).toBe(true);
  });

  it("keeps volunteers out of reports (issue: volunteers get 403 on /reports)", () => {
    const nav = navigationFor(rolePermissions("volunteer")).map((i) => i.to);
    expect(nav).not.toContain("/reports");
    expect(nav).not.toContain("/members");
    expect(nav).toContain("/activities");
  });
});
