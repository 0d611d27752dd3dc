// Typed permission strings, "action:entity:access". Checked on the server in every loader and
// action (permissions.server.ts); the UI only mirrors them (menu, buttons).
//
// access: "own" (the user's own records), "district" (the kecamatan a Koordinator Kecamatan
// coordinates), "chapter" (the user's chapter), "any" (every chapter: the system administrator).
// A wider access satisfies a narrower one: any > chapter > district > own.
//
// A user's rights are those of their role (the kind of account) plus those of every position
// their member holds in the chapter's active leadership period (docs/permissions.md,
// docs/decisions/007). Board rights are never stored on the account.
import { Role } from "~/generated/prisma/enums";
import type { PositionKind } from "~/validation/leadership";

/** The kinds of account (the Prisma enum on User.role): admin, volunteer, dinsos. */
export { Role };
export const ROLES = Object.values(Role);

export const ACCESS_LEVELS = ["own", "district", "chapter", "any"] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

export const ENTITIES = [
  "dashboard",
  "chapter",
  "member",
  "member-nik",
  "case-identifier",
  "leadership",
  "training",
  "activity",
  "programme",
  "programme-finance",
  "report",
  "user",
  "audit",
] as const;
export type Entity = (typeof ENTITIES)[number];

export const ACTIONS = [
  "read",
  "create",
  "update",
  "import",
  "export",
  "verify",
  "approve",
  "submit",
  "receive",
  "manage",
  "erase",
] as const;
export type Action = (typeof ACTIONS)[number];

export type Permission = `${Action}:${Entity}:${Access}`;

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    "read:dashboard:any",
    "manage:chapter:any",
    "update:chapter:any",
    "read:member:any",
    "read:member-nik:any",
    "create:member:any",
    "update:member:any",
    "erase:member:any",
    "import:member:any",
    "export:member:any",
    "read:leadership:any",
    "update:leadership:any",
    "read:training:any",
    "update:training:any",
    "read:activity:any",
    "create:activity:own",
    "verify:activity:any",
    "manage:activity:any",
    "read:case-identifier:any",
    "read:programme:any",
    "update:programme:any",
    "read:report:any",
    "create:report:any",
    "submit:report:any",
    "manage:user:any",
    "read:audit:any",
  ],
  // A member's own account: what every PSM volunteer may do, board position or not.
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
  dinsos: ["read:dashboard:chapter", "read:leadership:chapter", "receive:report:chapter"],
};

/** What every board position gives: the chapter's dashboard, registry (NIK masked) and records. */
const BOARD_BASE: readonly Permission[] = [
  "read:dashboard:chapter",
  "read:member:chapter",
  "read:leadership:chapter",
  "read:training:chapter",
  "read:activity:chapter",
  "read:programme:chapter",
];

/**
 * The rights of each position kind while it is held in the active period. Managing the member
 * registry is the Sekretaris's; money is the Bendahara's (approved by the Ketua); verifying
 * activities belongs to the Ketua, Wakil Ketua and, for their kecamatan, the Koordinator
 * Kecamatan; signing and submitting reports is the Ketua's.
 */
const POSITION_PERMISSIONS: Record<PositionKind, readonly Permission[]> = {
  ketua: [
    ...BOARD_BASE,
    "update:chapter:chapter",
    "export:member:chapter",
    "update:leadership:chapter",
    "verify:activity:chapter",
    "manage:activity:chapter",
    "read:case-identifier:chapter",
    "update:programme:chapter",
    "update:programme-finance:chapter",
    "approve:programme-finance:chapter",
    "read:report:chapter",
    "create:report:chapter",
    "submit:report:chapter",
    "read:audit:chapter",
  ],
  wakil_ketua: [
    ...BOARD_BASE,
    "export:member:chapter",
    "verify:activity:chapter",
    "manage:activity:chapter",
    "update:programme:chapter",
    "read:report:chapter",
    "create:report:chapter",
    "read:audit:chapter",
  ],
  sekretaris: [
    ...BOARD_BASE,
    "update:chapter:chapter",
    "read:member-nik:chapter",
    "create:member:chapter",
    "update:member:chapter",
    "erase:member:chapter",
    "import:member:chapter",
    "export:member:chapter",
    "update:leadership:chapter",
    "update:training:chapter",
    "manage:activity:chapter",
    "read:case-identifier:chapter",
    "read:report:chapter",
    "create:report:chapter",
    "read:audit:chapter",
    "manage:user:chapter",
  ],
  wakil_sekretaris: [
    ...BOARD_BASE,
    "create:member:chapter",
    "update:member:chapter",
    "export:member:chapter",
    "update:training:chapter",
    "read:report:chapter",
    "create:report:chapter",
  ],
  bendahara: [...BOARD_BASE, "update:programme-finance:chapter", "read:report:chapter", "read:audit:chapter"],
  wakil_bendahara: [...BOARD_BASE, "read:report:chapter"],
  koordinator_bidang: [...BOARD_BASE, "read:report:chapter"],
  koordinator_kecamatan: ["read:dashboard:chapter", "read:leadership:chapter", "read:activity:district", "verify:activity:district"],
  anggota_pengurus: [...BOARD_BASE],
};

export function rolePermissions(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function positionPermissions(kind: PositionKind): readonly Permission[] {
  return POSITION_PERMISSIONS[kind];
}

/** The role's rights plus those of the positions held now, without repeats. */
export function permissionsFor(role: Role, positionKinds: readonly PositionKind[] = []): Permission[] {
  const granted = new Set<Permission>(ROLE_PERMISSIONS[role]);
  for (const kind of positionKinds) for (const p of POSITION_PERMISSIONS[kind]) granted.add(p);
  return [...granted];
}

const ACCESS_RANK: Record<Access, number> = { own: 0, district: 1, chapter: 2, any: 3 };

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
