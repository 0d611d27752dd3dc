// Who is acting: built once per request from the signed-in user (`requireActor` in
// ~/http/permissions.server) and passed as the first argument of every domain call that acts
// for someone. The domain checks rights on it where the rule lives (docs/decisions/016).
import type { CurrentUser } from "~/domain/accounts/accounts.server";
import { hasAnyPermission, hasPermission, type Permission, type Role } from "~/utils/permissions";

export type Actor = {
  userId: string;
  /** the account's kind: admin, volunteer or dinsos */
  role: Role;
  /** the member behind the account (a PSM's own records), if any */
  memberId: string | null;
  /** the chapter the actor works in (an administrator's chosen one) */
  chapterId: string;
  /** the chapter's code, for letter numbers and file names */
  chapterCode: string;
  /** the chapter's IANA time zone: calendar days, "today", closing days */
  timeZone: string;
  /** from the role and the positions held today */
  permissions: readonly Permission[];
  /** the kecamatan a Koordinator Kecamatan coordinates: the scope of "district" rights */
  districtCodes: readonly string[];
  /** a Dinas Sosial login's region (a kab/kota or a province): the reports it sees; null otherwise */
  regionCode?: string | null;
};

/** The actor behind the signed-in user. */
export function actorOf(
  user: Pick<CurrentUser, "id" | "role" | "memberId" | "chapter" | "permissions" | "districtCodes"> & { regionCode?: string | null },
): Actor {
  return {
    userId: user.id,
    role: user.role,
    memberId: user.memberId,
    chapterId: user.chapter.id,
    chapterCode: user.chapter.code,
    timeZone: user.chapter.timeZone,
    permissions: user.permissions,
    districtCodes: user.districtCodes,
    regionCode: user.regionCode ?? null,
  };
}

/** Whether the actor holds the permission (or a wider one). */
export function can(actor: Pick<Actor, "permissions">, permission: Permission): boolean {
  return hasPermission(actor.permissions, permission);
}

/** Whether the actor holds at least one of the permissions. */
export function canAny(actor: Pick<Actor, "permissions">, permissions: readonly Permission[]): boolean {
  return hasAnyPermission(actor.permissions, permissions);
}
