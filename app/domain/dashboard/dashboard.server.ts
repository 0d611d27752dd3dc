// What each user's dashboard shows: real figures of their chapter, and the tasks their rights
// give them (open duplicates for the registry, certificate expiry for trainings, activities of
// the chapter or of the kecamatan they coordinate, reports awaiting the Dinas Sosial).
import { activityDashboard } from "~/domain/activities/activities.server";
import { countMembersByStatus, countOpenDuplicateFlags, getOwnMembership } from "~/domain/members/members.server";
import { countAwaitingReview } from "~/domain/reports/reports.server";
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, ok } from "~/domain/shared/outcome.server";
import { expiryCounts } from "~/domain/trainings/certificates.server";
import { db } from "~/utils/db.server";
import { isProvinceChapter } from "./province.server";

/** The actor's dashboard: who they are, their chapter's figures, and the tasks their rights give them. */
export async function getDashboard(actor: Actor, now = new Date()) {
  if (!can(actor, "read:dashboard:own")) return forbidden();
  const activityScope = can(actor, "read:activity:chapter") ? "chapter" : can(actor, "read:activity:district") ? "district" : null;
  const [person, chapter, memberCounts, openDuplicates, ownMembership, certificates, activities, reportsAwaiting] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } }),
    db.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: { name: true } }),
    countMembersByStatus(actor),
    countOpenDuplicateFlags(actor),
    actor.role === "volunteer" ? getOwnMembership(actor) : Promise.resolve(undefined),
    can(actor, "read:training:chapter") ? expiryCounts(actor) : Promise.resolve(null),
    activityScope
      ? activityDashboard(actor.chapterId, actor.timeZone, activityScope === "district" ? actor.districtCodes : undefined)
      : Promise.resolve(null),
    countAwaitingReview(actor),
  ]);
  const isProvince = await isProvinceChapter(actor);
  return ok({
    userName: person.name,
    chapterName: chapter.name,
    timeZone: actor.timeZone,
    canExportMembers: can(actor, "export:member:chapter"),
    // a member logs their work from the top of the dashboard, one tap away
    canLogActivity: actor.memberId !== null && can(actor, "create:activity:own"),
    isDinsos: actor.role === "dinsos",
    isProvince,
    reportsAwaiting,
    memberCounts,
    openDuplicates,
    ownMembership,
    certificates,
    activities,
    generatedAt: now,
  });
}
