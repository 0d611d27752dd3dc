// Retention (docs/privacy.md, docs/decisions/023): what the portal stops keeping, once a day and
// at start-up, inside the server:
// - residents' NIK/KK on follow-ups closed longer ago than the chapter's period;
// - applications nobody decided on within 180 days;
// - expired login sessions and spent sign-in counters;
// - invitation and reset links a week after they were used or expired;
// - notifications (read after 6 months, any after 12) and the content of notification emails
//   (30 days after sending, 90 after failing), app/domain/notifications/housekeeping.server.ts.
// Departed members are anonymised by the board on request, not by this job (that needs a reason).
import { Cron } from "croner";
import { purgeStaleAuthRecords } from "~/domain/accounts/accounts.server";
import { purgeSpentLinks } from "~/domain/accounts/links.server";
import { eraseExpiredCaseIdentifiers } from "~/domain/activities/follow-ups.server";
import { purgeUndecidedApplications } from "~/domain/members/applications.server";
import { eraseOldOutboxContent, purgeOldNotifications } from "~/domain/notifications/housekeeping.server";

export type RetentionRun = {
  caseIdentifiers: number;
  applications: number;
  sessions: number;
  links: number;
  notifications: number;
  emails: number;
};

/** One pass of every retention rule; safe to run again (each deletes only what is due). */
export async function runRetention(now = new Date()): Promise<RetentionRun> {
  return {
    caseIdentifiers: await eraseExpiredCaseIdentifiers(now),
    applications: await purgeUndecidedApplications(now),
    sessions: await purgeStaleAuthRecords(now),
    links: await purgeSpentLinks(now),
    notifications: await purgeOldNotifications(now),
    emails: await eraseOldOutboxContent(now),
  };
}

const globalForRetention = globalThis as unknown as { retentionJob?: Cron };

async function runAndLog() {
  try {
    const run = await runRetention();
    if (Object.values(run).some((n) => n > 0)) console.log("Retention:", JSON.stringify(run));
  } catch (error) {
    console.error("Retention run failed (it is tried again at the next run):", error);
  }
}

/**
 * Runs the retention pass now and every day at 02:15 (Asia/Jakarta), once per server process
 * (a second call, as in development reloads, keeps the first schedule).
 */
export function startRetentionSchedule() {
  if (globalForRetention.retentionJob) return globalForRetention.retentionJob;
  globalForRetention.retentionJob = new Cron("15 2 * * *", { timezone: "Asia/Jakarta", protect: true, name: "retention" }, runAndLog);
  void runAndLog();
  return globalForRetention.retentionJob;
}
