// What each user's dashboard shows: real figures of their chapter.
import type { CurrentUser } from "./accounts.server";
import { countMembersByStatus, getOwnMembership } from "./members.server";

export async function getDashboard(user: Pick<CurrentUser, "role" | "memberId" | "chapter">) {
  const [memberCounts, ownMembership] = await Promise.all([
    countMembersByStatus(user.chapter.id),
    user.role === "volunteer"
      ? user.memberId
        ? getOwnMembership(user.memberId)
        : Promise.resolve(null)
      : Promise.resolve(undefined),
  ]);
  return { memberCounts, ownMembership, generatedAt: new Date() };
}
