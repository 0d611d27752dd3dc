// The logins of the portal as the board administers them (/accounts): who has one, with which
// role, member and chapter, when they last signed in and whether it works. The administrator sees
// and changes every login; the Sekretaris those of their own chapter's members (never an
// administrator's or a Dinas Sosial officer's). Nobody deactivates their own login. Every change
// is audited.
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import { can, canAny, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { mayHoldLogin } from "~/validation/members";
import type { AccountFilters, AccountState } from "~/validation/accounts";
import { ACCOUNTS_PAGE_SIZE } from "~/validation/accounts";
import { deactivateUserInTx } from "./deactivation.server";

const managesAll = (actor: Actor) => can(actor, "manage:user:any");

/** Whether the actor administers logins at all (the administrator, the Sekretaris). */
export function mayManageAccounts(actor: Actor): boolean {
  return canAny(actor, ["manage:user:any", "manage:user:chapter"]);
}

/** The logins the actor administers: every one for the administrator, the chapter's members' for the Sekretaris. */
function managedWhere(actor: Actor): Prisma.UserWhereInput {
  if (managesAll(actor)) return {};
  return { chapterId: actor.chapterId, role: "volunteer", memberId: { not: null } };
}

/** A login that never signed in and still has an unused, unexpired invitation is waiting for its person. */
function invitedWhere(now: Date): Prisma.UserWhereInput {
  return { lastSignInAt: null, tokens: { some: { kind: "invitation", usedAt: null, expiresAt: { gt: now } } } };
}

function stateWhere(state: AccountState, now: Date): Prisma.UserWhereInput {
  if (state === "nonaktif") return { active: false };
  if (state === "undangan") return { active: true, ...invitedWhere(now) };
  return { active: true, NOT: invitedWhere(now) };
}

const listSelect = (now: Date) =>
  ({
    id: true,
    email: true,
    name: true,
    role: true,
    active: true,
    lastSignInAt: true,
    regionCode: true,
    chapter: { select: { id: true, name: true } },
    member: { select: { id: true, fullName: true, memberNumber: true, status: true } },
    tokens: {
      where: { kind: "invitation", usedAt: null, expiresAt: { gt: now } },
      select: { expiresAt: true },
      take: 1,
    },
    _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
  }) satisfies Prisma.UserSelect;

/** The logins the actor administers, filtered and paged; each with its state. */
export async function listAccounts(actor: Actor, filters: AccountFilters, now = new Date()) {
  if (!mayManageAccounts(actor)) return forbidden();
  const q = filters.q?.trim();
  const where: Prisma.UserWhereInput = {
    AND: [
      managedWhere(actor),
      filters.role ? { role: filters.role } : {},
      filters.state ? stateWhere(filters.state, now) : {},
      q ? { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }, { member: { fullName: { contains: q } } }] } : {},
    ],
  };
  const page = Math.max(1, filters.page ?? 1);
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      select: listSelect(now),
      orderBy: [{ active: "desc" }, { name: "asc" }],
      skip: (page - 1) * ACCOUNTS_PAGE_SIZE,
      take: ACCOUNTS_PAGE_SIZE,
    }),
  ]);
  const rows = users.map(({ tokens, _count, ...user }) => ({
    ...user,
    state: (!user.active ? "nonaktif" : tokens.length && !user.lastSignInAt ? "undangan" : "aktif") as AccountState,
    invitationExpiresAt: tokens[0]?.expiresAt ?? null,
    liveSessions: _count.sessions,
    isSelf: user.id === actor.userId,
  }));
  const chapter = await db.chapter.findUnique({ where: { id: actor.chapterId }, select: { name: true } });
  return ok({
    rows,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE)),
    all: managesAll(actor),
    chapterName: chapter?.name ?? "",
  });
}

async function managedUser(actor: Actor, userId: string) {
  return db.user.findFirst({
    where: { AND: [{ id: userId }, managedWhere(actor)] },
    select: { id: true, name: true, active: true, chapterId: true, member: { select: { status: true } } },
  });
}

/** Deactivates a login: it cannot sign in, and its sessions end at once. */
export async function deactivateAccount(actor: Actor, userId: string, reason: string): Promise<Outcome<{ name: string }>> {
  if (!mayManageAccounts(actor)) return forbidden();
  if (userId === actor.userId) return conflict(t("accounts.error.self"));
  const user = await managedUser(actor, userId);
  if (!user) return notFound();
  if (!user.active) return conflict(t("accounts.error.alreadyInactive", { name: user.name }));
  await db.$transaction((tx) => deactivateUserInTx(tx, { userId, chapterId: user.chapterId, actorId: actor.userId, reason }));
  return ok({ name: user.name });
}

/** Lets a deactivated login sign in again; a member who has left cannot get it back until their status is active again. */
export async function reactivateAccount(actor: Actor, userId: string): Promise<Outcome<{ name: string }>> {
  if (!mayManageAccounts(actor)) return forbidden();
  const user = await managedUser(actor, userId);
  if (!user) return notFound();
  if (user.active) return conflict(t("accounts.error.alreadyActive", { name: user.name }));
  if (user.member && !mayHoldLogin(user.member.status)) return conflict(t("accounts.error.memberLeft", { name: user.name }));
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { active: true } });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: user.chapterId,
        action: "user.reactivate",
        entityType: "User",
        entityId: userId,
        before: { active: false },
        after: { active: true },
      },
      tx,
    );
  });
  return ok({ name: user.name });
}
