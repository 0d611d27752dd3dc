// The province roll-up: a province chapter's board (and the administrator working in it) sees,
// for each chapter directly under it (its kab/kota chapters, each with its own sub-chapters),
// members by status, verified activities and the people they reached, and the reports sent and
// received this month and this year; the total is the province's whole tree (its own members
// and every chapter under it), so it equals the sum of the rows. And which chapters under it have
// not sent last month's report. Counted in SQL, never by loading activity rows.
import { Prisma } from "~/generated/prisma/client";
import { reportChapterIds } from "~/domain/reports/figures.server";
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, notFound, ok } from "~/domain/shared/outcome.server";
import type { MemberStatus, ReportStatus } from "~/generated/prisma/enums";
import { t } from "~/i18n";
import { calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";

/** Hours ahead of UTC of Indonesia's three zones (no daylight saving). */
const UTC_OFFSET_HOURS: Record<string, number> = { "Asia/Jakarta": 7, "Asia/Makassar": 8, "Asia/Jayapura": 9 };

/** The instant a calendar day starts in the time zone. */
function startOfDay(day: Date, timeZone: string): Date {
  return new Date(day.getTime() - (UTC_OFFSET_HOURS[timeZone] ?? 7) * 3_600_000);
}

const sqlDate = (d: Date) => `${d.toISOString().slice(0, 10)}T00:00:00.000+00:00`;
const num = (v: bigint | number | null | undefined) => Number(v ?? 0);

/** Statuses of a report that was sent (and not replaced by a correction). */
const SENT: ReportStatus[] = ["submitted", "received", "returned"];

export type Window = { start: Date; end: Date };

export type ChapterFigures = {
  members: { active: number; candidates: number; inactive: number; total: number };
  month: PeriodFigures;
  year: PeriodFigures;
};
export type PeriodFigures = { activities: number; people: number; reportsSent: number; reportsReceived: number };

const INACTIVE: MemberStatus[] = ["nonaktif", "mengundurkan_diri", "meninggal", "diberhentikan"];

/** Verified activities, people reached, and reports sent and received by the chapters within the window (calendar days). */
async function periodFigures(chapterIds: string[], window: Window, timeZone: string): Promise<PeriodFigures> {
  const ids = Prisma.join(chapterIds);
  const from = sqlDate(window.start);
  const to = sqlDate(window.end);
  const sentFrom = startOfDay(window.start, timeZone);
  const [activities, people, reportsSent, reportsReceived] = await Promise.all([
    db.activity.count({ where: { chapterId: { in: chapterIds }, status: "verified", date: { gte: window.start, lte: window.end } } }),
    db.$queryRaw<{ people: bigint | null }[]>`
      SELECT SUM(r.count) AS people FROM "ActivityReach" r
      WHERE r."chapterId" IN (${ids}) AND r.status = 'verified' AND r.date >= ${from} AND r.date <= ${to}`,
    db.report.count({ where: { chapterId: { in: chapterIds }, status: { in: [...SENT, "superseded"] }, submittedAt: { gte: sentFrom } } }),
    db.report.count({ where: { chapterId: { in: chapterIds }, status: "received", reviewedAt: { gte: sentFrom } } }),
  ]);
  return { activities, people: num(people[0]?.people), reportsSent, reportsReceived };
}

/** The figures of a set of chapters: members by status (today), this month's and this year's work. */
export async function chapterFigures(chapterIds: string[], windows: { month: Window; year: Window }, timeZone: string) {
  const [statuses, month, year] = await Promise.all([
    db.member.groupBy({ by: ["status"], where: { chapterId: { in: chapterIds } }, _count: { _all: true } }),
    periodFigures(chapterIds, windows.month, timeZone),
    periodFigures(chapterIds, windows.year, timeZone),
  ]);
  const count = (keep: (s: MemberStatus) => boolean) => statuses.filter((s) => keep(s.status)).reduce((sum, s) => sum + s._count._all, 0);
  const figures: ChapterFigures = {
    members: {
      active: count((s) => s === "aktif"),
      candidates: count((s) => s === "calon"),
      inactive: count((s) => INACTIVE.includes(s)),
      total: count(() => true),
    },
    month,
    year,
  };
  return figures;
}

/** This month and this year up to today, and last month, in the time zone. */
export function provinceWindows(timeZone: string, now = new Date()) {
  const today = calendarToday(timeZone, now);
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  return {
    today,
    month: { start: new Date(Date.UTC(y, m, 1)), end: today },
    year: { start: new Date(Date.UTC(y, 0, 1)), end: today },
    lastMonth: { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 0)) },
  };
}

/**
 * The roll-up of the actor's chapter when it is a province chapter: a row per chapter directly
 * under it (with that chapter's own sub-chapters), one for the province chapter's own members
 * when it has any, the total over the whole tree, and the chapters under it without a report in
 * force for last month. Read by the board (`read:report:chapter`) and the administrator.
 */
export async function provinceOverview(actor: Actor, now = new Date()) {
  if (!can(actor, "read:report:chapter")) return forbidden();
  const province = await db.chapter.findUniqueOrThrow({
    where: { id: actor.chapterId },
    select: { id: true, name: true, code: true, level: true, timeZone: true },
  });
  if (province.level !== "provinsi") return notFound(t("province.notProvince"));
  const windows = provinceWindows(province.timeZone, now);
  const children = await db.chapter.findMany({
    where: { parentId: province.id },
    select: { id: true, name: true, code: true, closedAt: true, region: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
  const [rows, own, total, missing] = await Promise.all([
    Promise.all(
      children.map(async (c) => ({
        id: c.id,
        name: c.name,
        code: c.code,
        regionName: c.region.name,
        closed: Boolean(c.closedAt),
        figures: await chapterFigures(await reportChapterIds(c.id, true), windows, province.timeZone),
      })),
    ),
    chapterFigures([province.id], windows, province.timeZone),
    chapterFigures(await reportChapterIds(province.id, true), windows, province.timeZone),
    missingReports(
      children.filter((c) => !c.closedAt),
      windows.lastMonth,
    ),
  ]);
  return ok({
    province: { name: province.name, code: province.code },
    windows,
    rows,
    own: own.members.total > 0 || own.year.activities > 0 || own.year.reportsSent > 0 ? own : null,
    total,
    missing,
  });
}

/** The open chapters without a report in force covering the whole of last month, with the day they last sent one. */
async function missingReports(chapters: { id: string; name: string; region: { name: string } }[], lastMonth: Window) {
  if (chapters.length === 0) return [];
  const covered = await db.report.findMany({
    where: {
      chapterId: { in: chapters.map((c) => c.id) },
      status: { in: SENT },
      periodStart: { lte: lastMonth.start },
      periodEnd: { gte: lastMonth.end },
    },
    select: { chapterId: true },
  });
  const done = new Set(covered.map((r) => r.chapterId));
  const late = chapters.filter((c) => !done.has(c.id));
  const lastSent = await db.report.groupBy({
    by: ["chapterId"],
    // a sealed report (numbered, files not yet stored) has not reached the Dinas Sosial
    where: { chapterId: { in: late.map((c) => c.id) }, submittedAt: { not: null }, status: { not: "sealed" } },
    _max: { submittedAt: true },
  });
  return late.map((c) => ({
    id: c.id,
    name: c.name,
    regionName: c.region.name,
    lastSentAt: lastSent.find((l) => l.chapterId === c.id)?._max.submittedAt ?? null,
  }));
}

/** Whether the actor's chapter is a province chapter (the dashboard links to the roll-up). */
export async function isProvinceChapter(actor: Actor) {
  const chapter = await db.chapter.findUnique({ where: { id: actor.chapterId }, select: { level: true } });
  return chapter?.level === "provinsi" && can(actor, "read:report:chapter");
}
