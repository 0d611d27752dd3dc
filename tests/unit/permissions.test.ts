import { describe, expect, it } from "vitest";
import { hasAnyPermission, hasPermission, permissionsFor, positionPermissions, rolePermissions, ROLES } from "~/utils/permissions";
import { POSITION_KINDS } from "~/validation/leadership";
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

  it("gives the administrator every chapter, and no role the board's rights", () => {
    expect(hasPermission(rolePermissions("admin"), "export:member:any")).toBe(true);
    for (const role of ["volunteer", "dinsos"] as const) {
      expect(hasPermission(rolePermissions(role), "update:leadership:chapter")).toBe(false);
      expect(hasPermission(rolePermissions(role), "verify:activity:own")).toBe(false);
    }
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

describe("position table (docs/permissions.md)", () => {
  const holds = (kind: (typeof POSITION_KINDS)[number], permission: Parameters<typeof hasPermission>[1]) =>
    hasPermission(permissionsFor("volunteer", [kind]), permission);

  it("gives the Sekretaris the member registry, and only the Sekretaris and Wakil Sekretaris", () => {
    for (const p of ["create:member:chapter", "update:member:chapter"] as const) {
      const who = POSITION_KINDS.filter((k) => holds(k, p));
      expect(who).toEqual(["sekretaris", "wakil_sekretaris"]);
    }
    expect(POSITION_KINDS.filter((k) => holds(k, "import:member:chapter"))).toEqual(["sekretaris"]);
    expect(POSITION_KINDS.filter((k) => holds(k, "read:member-nik:chapter"))).toEqual(["sekretaris"]);
  });

  it("lets only the Ketua submit reports and approve money, the Ketua and Bendahara record money", () => {
    expect(POSITION_KINDS.filter((k) => holds(k, "submit:report:chapter"))).toEqual(["ketua"]);
    expect(POSITION_KINDS.filter((k) => holds(k, "approve:programme-finance:chapter"))).toEqual(["ketua"]);
    expect(POSITION_KINDS.filter((k) => holds(k, "update:programme-finance:chapter"))).toEqual(["ketua", "bendahara"]);
  });

  it("gives a Koordinator Kecamatan verification in their kecamatan only", () => {
    expect(holds("koordinator_kecamatan", "verify:activity:district")).toBe(true);
    expect(holds("koordinator_kecamatan", "verify:activity:chapter")).toBe(false);
    expect(holds("koordinator_kecamatan", "read:member:chapter")).toBe(false);
    expect(holds("ketua", "verify:activity:district")).toBe(true);
  });

  it("shows a follow-up's whole NIK/KK to the Ketua and Sekretaris only; activity settings to the Ketua, Wakil Ketua and Sekretaris", () => {
    expect(POSITION_KINDS.filter((k) => holds(k, "read:case-identifier:chapter"))).toEqual(["ketua", "sekretaris"]);
    expect(POSITION_KINDS.filter((k) => holds(k, "manage:activity:chapter"))).toEqual(["ketua", "wakil_ketua", "sekretaris"]);
    for (const role of ["volunteer", "dinsos"] as const)
      expect(hasPermission(rolePermissions(role), "read:case-identifier:own")).toBe(false);
  });

  it("lets the Ketua and Sekretaris manage the board composition", () => {
    expect(POSITION_KINDS.filter((k) => holds(k, "update:leadership:chapter"))).toEqual(["ketua", "sekretaris"]);
  });

  it("adds position rights to the role's and repeats none", () => {
    const granted = permissionsFor("volunteer", ["ketua", "sekretaris"]);
    expect(new Set(granted).size).toBe(granted.length);
    expect(granted).toEqual(expect.arrayContaining([...rolePermissions("volunteer"), ...positionPermissions("ketua")]));
    expect(permissionsFor("volunteer", [])).toEqual([...rolePermissions("volunteer")]);
  });
});
