// The activity codes and limits the activity form and list show before anything is typed: plain values,
// no zod, so that the form's first load does not carry the validation library (docs/decisions/028).
// app/validation/activities.ts re-exports them with the schemas that use them.
import { ActivityStatus, FollowUpStatus, FundingSource } from "~/generated/prisma/enums";

export const FUNDING_SOURCES = Object.values(FundingSource);
export const FOLLOW_UP_STATUSES = Object.values(FollowUpStatus);
/** The statuses an activity can move a follow-up on to ("baru" is only the start). */
export const FOLLOW_UP_UPDATE_STATUSES = FOLLOW_UP_STATUSES.filter((s): s is Exclude<FollowUpStatus, "baru"> => s !== "baru");

export const MAX_PHOTOS = 3;

export const ACTIVITY_STATUSES = Object.values(ActivityStatus);

/** The follow-up list's filters: the open ones (baru and proses), one status, or all. */
export const FOLLOW_UP_FILTERS = ["open", ...FOLLOW_UP_STATUSES, "all"] as const;
