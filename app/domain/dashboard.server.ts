// What each user's dashboard shows: real figures of their chapter.
import type { CurrentUser } from "./accounts.server";
import { countMembersByStatus, countOpenDuplicateFlags, getOwnMembership } from "./members.server";

/** Figures for the dashboard; registry tasks (open duplicates) only for those who keep the registry. */
export async function getDashboard(user: Pick<CurrentUser, "role" | "memberId" | "chapter">, options: { registryTasks: boolean }) {
  const [memberCounts, openDuplicates, ownMembership] = await Promise.all([
    countMembersByStatus(user.chapter.id),
    options.registryTasks ? countOpenDuplicateFlags(user.chapter.id) : Promise.resolve(0),
    user.role === "volunteer"
      ? user.memberId
        ? getOwnMembership(user.memberId)
        : Promise.resolve(null)
      : Promise.resolve(undefined),
  ]);
  return { memberCounts, openDuplicates, ownMembership, generatedAt: new Date() };
}
