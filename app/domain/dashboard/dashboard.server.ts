// What each user's dashboard shows: real figures of their chapter.
import type { CurrentUser } from "~/domain/accounts/accounts.server";
import { activityDashboard } from "~/domain/activities/activities.server";
import { countMembersByStatus, countOpenDuplicateFlags, getOwnMembership } from "~/domain/members/members.server";
import { expiryCounts } from "~/domain/trainings/trainings.server";

/**
 * Figures for the dashboard; registry tasks (open duplicates) only for those who keep the
 * registry, certificate expiry only for those who see the chapter's trainings.
 */
export async function getDashboard(
  user: Pick<CurrentUser, "role" | "memberId" | "chapter">,
  options: { registryTasks: boolean; trainingTasks: boolean; activities: "chapter" | "district" | null; districtCodes?: readonly string[] },
) {
  const [memberCounts, openDuplicates, ownMembership, certificates, activities] = await Promise.all([
    countMembersByStatus(user.chapter.id),
    options.registryTasks ? countOpenDuplicateFlags(user.chapter.id) : Promise.resolve(0),
    user.role === "volunteer" ? (user.memberId ? getOwnMembership(user.memberId) : Promise.resolve(null)) : Promise.resolve(undefined),
    options.trainingTasks ? expiryCounts(user.chapter.id, user.chapter.timeZone) : Promise.resolve(null),
    options.activities
      ? activityDashboard(
          user.chapter.id,
          user.chapter.timeZone,
          options.activities === "district" ? (options.districtCodes ?? []) : undefined,
        )
      : Promise.resolve(null),
  ]);
  return { memberCounts, openDuplicates, ownMembership, certificates, activities, generatedAt: new Date() };
}
