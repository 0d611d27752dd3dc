// The co-volunteer picker's limits, shared by the browser (when to search, how many quick chips)
// and the server (app/domain/activities/co-volunteers.server.ts).

/** A member who can be named as a co-volunteer, as the picker shows them. */
export type CoVolunteer = { id: string; fullName: string; memberNumber: string | null };

/** Letters or digits typed before the picker searches. */
export const CO_VOLUNTEER_QUERY_MIN = 2;
/** Matches one search answers with. */
export const CO_VOLUNTEER_MATCHES_MAX = 20;
/** Recent co-volunteers offered as quick chips. */
export const CO_VOLUNTEER_RECENT_MAX = 8;
