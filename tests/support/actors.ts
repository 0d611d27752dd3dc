// The people who act in tests, as the portal sees them: every domain call takes an `Actor`
// (docs/decisions/016). Built the way a request builds them (a real session, the positions held
// today, the permissions that follow), so a test cannot hand an actor rights the portal would not.
import { createSession, getSessionUser } from "~/domain/accounts/accounts.server";
import { actorOf, type Actor } from "~/domain/shared/actor.server";
import { permissionsFor, type Role } from "~/utils/permissions";
import type { PositionKind } from "~/validation/leadership";
import { buildBoardUser, buildMember, buildUser } from "../factories";
import { PLACES } from "./timeline";

/** An actor with the account's email (to sign in through the routes) and its password. */
export type TestActor = Actor & { email: string; password: string };

const PASSWORD = "password-123";

/** The actor of an existing account, exactly as `requireActor` builds it for a request now. */
export async function actorOfUser(user: { id: string; email: string }): Promise<TestActor> {
  const session = await createSession(user.id, 1);
  const current = await getSessionUser(session.id);
  if (!current) throw new Error(`no live session for ${user.email}`);
  return { ...actorOf(current), email: user.email, password: PASSWORD };
}

/** A plain volunteer: an active member of the chapter with their own account, no board position. */
export async function volunteer(chapterId: string, options: { villageCode?: string; fullName?: string } = {}): Promise<TestActor> {
  const member = await buildMember({
    chapterId,
    villageCode: options.villageCode ?? PLACES.V1002,
    status: "aktif",
    fullName: options.fullName,
  });
  const user = await buildUser({ chapterId, role: "volunteer", memberId: member.id, name: member.fullName });
  return actorOfUser(user);
}

/**
 * A board member holding a position of the kind in the chapter's active period (created around
 * today when there is none); a Koordinator Kecamatan needs the kecamatan they coordinate.
 */
export async function boardMember(
  chapterId: string,
  kind: PositionKind = "sekretaris",
  options: { districtCode?: string; name?: string; villageCode?: string; email?: string } = {},
): Promise<TestActor> {
  const user = await buildBoardUser({ chapterId, kind, ...options });
  return actorOfUser(user);
}

/** An account without a member: the system administrator or a Dinas Sosial officer. */
export async function account(
  chapterId: string,
  role: Extract<Role, "admin" | "dinsos">,
  options: { email?: string } = {},
): Promise<TestActor> {
  const user = await buildUser({ chapterId, role, email: options.email });
  return actorOfUser(user);
}

/**
 * An actor that exists only in the test (no account in the database): for rules that look at
 * permissions alone. Prefer the builders above whenever the rule reads the database.
 */
export function actorWith(input: {
  chapterId: string;
  role?: Role;
  kinds?: PositionKind[];
  memberId?: string | null;
  userId?: string;
  districtCodes?: string[];
  timeZone?: string;
  regionCode?: string | null;
}): Actor {
  const role = input.role ?? "volunteer";
  return {
    userId: input.userId ?? `test-user-${Math.random().toString(36).slice(2, 10)}`,
    role,
    memberId: input.memberId ?? null,
    chapterId: input.chapterId,
    chapterCode: "UJI",
    timeZone: input.timeZone ?? PLACES.TZ,
    permissions: permissionsFor(role, input.kinds ?? []),
    districtCodes: input.districtCodes ?? [],
    regionCode: input.regionCode ?? null,
  };
}
