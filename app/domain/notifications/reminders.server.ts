// Scheduled reminders (docs/decisions/029), run inside the server by croner every morning:
// - the verification digest: to each Koordinator Kecamatan (their kecamatan) and the Ketua and
//   Wakil Ketua (the chapter), the activities waiting for verification longer than the chapter's
//   N days: one message per person per day;
// - report due: from day D of the month, the Ketua and Sekretaris of a chapter whose report for
//   last month is not sent (once per month);
// - certificates of competence expiring within the chapter's warning days (once per certificate
//   and expiry date), to their holder.
// "Which day it is" is each chapter's own (WIB, WITA or WIT): the digest's day, the report's due
// day and the certificates' window are counted in the chapter's time zone; the schedule itself
// runs once per day of Asia/Jakarta.
// A day runs once: a ScheduledRun row (job, day) is claimed before the run and finished after it;
// a run cut short by a stop is finished at the next start, and every message has an event key
// (unique per recipient), so nothing is sent twice.
import { Cron } from "croner";
import { calendarToday, addDays } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { formatCalendarDateShort, formatMonth, formatNumber } from "~/utils/format";
import { notify } from "./notify.server";
import { boardUsers, usersOfMembers } from "./recipients.server";

export const REMINDER_JOB = "daily-reminders";
const SCHEDULE_ZONE = "Asia/Jakarta";
/** Reminders go out from this hour (in Asia/Jakarta); a start earlier in the day waits for it. */
export const REMINDER_HOUR = 7;

export type ReminderRun = { ran: boolean; digests: number; reportsDue: number; certificates: number };

/** The schedule's day ("YYYY-MM-DD" in Asia/Jakarta). */
export const scheduleDay = (now: Date) => calendarToday(SCHEDULE_ZONE, now).toISOString().slice(0, 10);

/** Claims the day's run: false when it already ran to the end (or another pass is running it). */
async function claimRun(job: string, day: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const run = await tx.scheduledRun.findUnique({ where: { job_day: { job, day } }, select: { finishedAt: true } });
    if (run?.finishedAt) return false;
    if (!run) await tx.scheduledRun.create({ data: { job, day, startedAt: now } });
    return true;
  });
}

/** Runs the day's reminders unless that day already ran. */
export async function runReminders(now = new Date()): Promise<ReminderRun> {
  const day = scheduleDay(now);
  if (!(await claimRun(REMINDER_JOB, day, now))) return { ran: false, digests: 0, reportsDue: 0, certificates: 0 };
  const chapters = await db.chapter.findMany({
    where: { closedAt: null },
    select: {
      id: true,
      timeZone: true,
      verificationReminderDays: true,
      reportDueDay: true,
      certificateWarningDays: true,
    },
  });
  const run: ReminderRun = { ran: true, digests: 0, reportsDue: 0, certificates: 0 };
  for (const chapter of chapters) {
    run.digests += await verificationDigest(chapter, now);
    run.reportsDue += await reportDue(chapter, now);
    run.certificates += await expiringCertificates(chapter, now);
  }
  await db.scheduledRun.update({ where: { job_day: { job: REMINDER_JOB, day } }, data: { finishedAt: new Date() } });
  return run;
}

type ChapterSettings = {
  id: string;
  timeZone: string;
  verificationReminderDays: number;
  reportDueDay: number;
  certificateWarningDays: number;
};

/** The chapter's own day ("YYYY-MM-DD" in its time zone: WIB, WITA or WIT). */
export const chapterDay = (timeZone: string, now: Date) => calendarToday(timeZone, now).toISOString().slice(0, 10);

/**
 * The daily digest of activities waiting too long, per verifier; returns the notifications written.
 * Each verifier counts what they may verify: their scope (the chapter, or their kecamatan), never
 * their own activities nor those they took part in (as `verifiable` in the activities domain).
 * One message per verifier and day of the chapter's time zone.
 */
export async function verificationDigest(chapter: ChapterSettings, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - chapter.verificationReminderDays * 86_400_000);
  const day = chapterDay(chapter.timeZone, now);
  return db.$transaction(async (tx) => {
    const base = { chapterId: chapter.id, status: "submitted", submittedAt: { lte: cutoff } } as const;
    const waitingDistricts = await tx.activity.groupBy({ by: ["districtCode"], where: base });
    if (waitingDistricts.length === 0) return 0;
    // what each person verifies: the whole chapter (Ketua, Wakil Ketua) or their kecamatan
    const scope = new Map<string, Set<string> | "chapter">();
    for (const userId of await boardUsers(tx, chapter.id, ["ketua", "wakil_ketua"], now)) scope.set(userId, "chapter");
    for (const { districtCode } of waitingDistricts) {
      for (const userId of await boardUsers(tx, chapter.id, ["koordinator_kecamatan"], now, { districtCode })) {
        const current = scope.get(userId);
        if (current === "chapter") continue;
        scope.set(userId, (current ?? new Set<string>()).add(districtCode));
      }
    }
    if (scope.size === 0) return 0;
    const members = new Map(
      (await tx.user.findMany({ where: { id: { in: [...scope.keys()] } }, select: { id: true, memberId: true } })).map((u) => [
        u.id,
        u.memberId,
      ]),
    );
    let written = 0;
    for (const [userId, districts] of scope) {
      const memberId = members.get(userId);
      const waiting = await tx.activity.aggregate({
        where: {
          ...base,
          ...(districts === "chapter" ? {} : { districtCode: { in: [...districts] } }),
          ...(memberId ? { memberId: { not: memberId }, volunteers: { none: { memberId } } } : {}),
        },
        _count: { _all: true },
        _min: { submittedAt: true },
      });
      const count = waiting._count._all;
      if (count === 0) continue;
      const oldest = waiting._min.submittedAt;
      const { notified } = await notify(
        tx,
        {
          kind: "verification_digest",
          chapterId: chapter.id,
          eventKey: `verification-digest:${chapter.id}:${day}`,
          recipients: [userId],
          link: "/activities/verification",
          params: {
            count: formatNumber(count),
            days: chapter.verificationReminderDays,
            oldest: oldest ? formatCalendarDateShort(calendarToday(chapter.timeZone, oldest)) : "-",
          },
        },
        now,
      );
      written += notified;
    }
    return written;
  });
}

/** From day D, last month's report not sent: the Ketua and Sekretaris, once per month. */
export async function reportDue(chapter: ChapterSettings, now = new Date()): Promise<number> {
  const today = calendarToday(chapter.timeZone, now);
  if (today.getUTCDate() < chapter.reportDueDay) return 0;
  const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return db.$transaction(async (tx) => {
    const sent = await tx.report.count({
      where: {
        chapterId: chapter.id,
        periodKind: "month",
        periodStart: lastMonth,
        status: { in: ["submitted", "received", "superseded"] },
      },
    });
    if (sent > 0) return 0;
    const { notified } = await notify(
      tx,
      {
        kind: "report_due",
        chapterId: chapter.id,
        eventKey: `report-due:${chapter.id}:${lastMonth.toISOString().slice(0, 7)}`,
        recipients: await boardUsers(tx, chapter.id, ["ketua", "sekretaris"], now),
        link: "/reports",
        params: { period: formatMonth(lastMonth, "UTC"), day: chapter.reportDueDay },
      },
      now,
    );
    return notified;
  });
}

/** Certificates of competence expiring within the warning days: their holder, once per certificate. */
export async function expiringCertificates(chapter: ChapterSettings, now = new Date()): Promise<number> {
  const today = calendarToday(chapter.timeZone, now);
  const until = addDays(today, chapter.certificateWarningDays);
  return db.$transaction(async (tx) => {
    const certificates = await tx.certificate.findMany({
      where: { chapterId: chapter.id, expiresOn: { gte: today, lte: until }, member: { status: "aktif" } },
      select: { id: true, title: true, memberId: true, expiresOn: true },
    });
    let written = 0;
    for (const certificate of certificates) {
      const { notified } = await notify(
        tx,
        {
          kind: "certificate_expiring",
          chapterId: chapter.id,
          eventKey: `certificate-expiring:${certificate.id}:${certificate.expiresOn!.toISOString().slice(0, 10)}`,
          recipients: await usersOfMembers(tx, [certificate.memberId]),
          link: "/trainings",
          params: { name: certificate.title, date: formatCalendarDateShort(certificate.expiresOn!) },
        },
        now,
      );
      written += notified;
    }
    return written;
  });
}

const globalForReminders = globalThis as unknown as { reminderJob?: Cron };

async function runAndLog() {
  try {
    const run = await runReminders();
    if (run.ran) console.log("Reminders:", JSON.stringify(run));
  } catch (error) {
    console.error("Reminders failed (the day is finished at the next run):", error);
  }
}

/** Every day at 07:00 (Asia/Jakarta), and at start when that hour has passed and the day has not run. */
export function startReminderSchedule() {
  if (globalForReminders.reminderJob) return globalForReminders.reminderJob;
  globalForReminders.reminderJob = new Cron(
    `0 ${REMINDER_HOUR} * * *`,
    { timezone: SCHEDULE_ZONE, protect: true, name: "reminders" },
    runAndLog,
  );
  const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: SCHEDULE_ZONE, hour: "2-digit", hourCycle: "h23" }).format(new Date()));
  if (hour >= REMINDER_HOUR) void runAndLog();
  return globalForReminders.reminderJob;
}
