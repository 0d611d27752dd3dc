// Typed permission strings, "action:entity:access". Checked on the server in every loader and
// action (permissions.server.ts); the UI only mirrors them (menu, buttons).
//
// access: "own" (the user's own records), "chapter" (the user's chapter), "any" (every
// chapter: the system administrator). "any" satisfies "chapter" and "own"; "chapter" satisfies
// "own". Board rights come from the role today; the leadership issue derives them from the
// positions a member holds in the chapter's active board period (see docs/permissions.md).

export const ROLES = ["admin", "board", "volunteer", "dinsos"] as const;
export type Role = (typeof ROLES)[number];

export const ACCESS_LEVELS = ["own", "chapter", "any"] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

export const ENTITIES = [
  "dashboard",
  "chapter",
  "member",
  "member-nik",
  "leadership",
  "training",
  "activity",
  "programme",
  "report",
  "user",
  "audit",
] as const;
export type Entity = (typeof ENTITIES)[number];

export const ACTIONS = ["read", "create", "update", "import", "export", "verify", "submit", "receive", "manage"] as const;
export type Action = (typeof ACTIONS)[number];

export type Permission = `${Action}:${Entity}:${Access}`;

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    "read:dashboard:any",
    "manage:chapter:any",
    "read:member:any",
    "read:member-nik:any",
    "create:member:any",
    "update:member:any",
    "import:member:any",
    "export:member:any",
    "read:leadership:any",
    "update:leadership:any",
    "read:training:any",
    "update:training:any",
    "read:activity:any",
    "create:activity:own",
    "verify:activity:any",
    "read:programme:any",
    "update:programme:any",
    "read:report:any",
    "create:report:any",
    "submit:report:any",
    "manage:user:any",
    "read:audit:any",
  ],
  board: [
    "read:dashboard:chapter",
    "read:member:chapter",
    "read:member-nik:chapter",
    "create:member:chapter",
    "update:member:chapter",
    "import:member:chapter",
    "export:member:chapter",
    "read:leadership:chapter",
    "update:leadership:chapter",
    "read:training:chapter",
    "update:training:chapter",
    "read:activity:chapter",
    "create:activity:own",
    "verify:activity:chapter",
    "read:programme:chapter",
    "update:programme:chapter",
    "read:report:chapter",
    "create:report:chapter",
    "submit:report:chapter",
    "read:audit:chapter",
  ],
  volunteer: [
    "read:dashboard:own",
    "read:member:own",
    "update:member:own",
    "read:leadership:chapter",
    "read:training:own",
    "read:activity:own",
    "create:activity:own",
    "read:programme:own",
  ],
  dinsos: ["read:dashboard:chapter", "receive:report:chapter"],
};

export function rolePermissions(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

const ACCESS_RANK: Record<Access, number> = { own: 0, chapter: 1, any: 2 };

/** True when one of the granted permissions covers the required one. */
export function hasPermission(granted: readonly Permission[], required: Permission): boolean {
  const [action, entity, access] = required.split(":") as [Action, Entity, Access];
  return granted.some((p) => {
    const [a, e, acc] = p.split(":") as [Action, Entity, Access];
    return a === action && e === entity && ACCESS_RANK[acc] >= ACCESS_RANK[access];
  });
}

/** True when any of the required permissions is covered. */
export function hasAnyPermission(granted: readonly Permission[], required: readonly Permission[]): boolean {
  return required.some((r) => hasPermission(granted, r));
}
