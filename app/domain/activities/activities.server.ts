// Activities: what volunteers log (type, place, time, people reached by PPKS category, aid,
// co-volunteers, follow-ups) and how coordinators verify it. Rules kept here:
// - one form, one activity: the idempotency key makes a repeated submission return the first;
// - no date in the future, none older than the chapter's closing days (except for the board),
//   duration 5 minutes to 24 hours, a kelurahan of the chapter's area, counts whole and >= 0;
// - a volunteer edits their own activity while it is a draft or returned;
// - a verified activity is locked until the board reopens it (verification.server.ts: who
//   verifies, returns and reopens); every edit and resubmission is audited;
// - an activity and its evidence photos are saved together or not at all.
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { addDays, calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { Prisma } from "~/generated/prisma/client";
import type { ActivityStatus } from "~/generated/prisma/enums";
import { ACTIVITIES_PAGE_SIZE, type ActivityFilters, type ActivityFormData, type AidEntry, type ReachEntry } from "~/validation/activities";
import { calendarDateOf, toDateInput } from "~/validation/fields";
import { inRegion } from "~/utils/regions";
import { maskNik } from "~/utils/format";
import { isStorageFault, saveWithFiles } from "~/utils/uploads.server";
import { photoFiles, readActivityPhoto, recordPhotos, type PhotoFile } from "./photos.server";
import { checkFollowUps, followUpChoices, writeFollowUps, type FollowUpUpdateEntry, type OpenedFollowUp } from "./follow-ups.server";
import { listChapterVillages } from "~/domain/members/members.server";
import { checkActivityProgramme, programmeChoicesForActivity } from "~/domain/programmes/programmes.server";
import { listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import { can, type Actor } from "~/domain/shared/actor.server";
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  ok,
  refusable,
  Refused,
  type FieldErrors,
  type Outcome,
} from "~/domain/shared/outcome.server";
import { reportHours } from "~/utils/report-hours";
import { coversDistrict, isBoard, verifiable } from "./verification.server";
import { coVolunteerWhere, recentCoVolunteers } from "./co-volunteers.server";
import { readPage } from "~/domain/shared/pages.server";

type Tx = Prisma.TransactionClient;

// ---------------------------------------------------------------------------------------------
// Form choices

/**
 * What the activity form offers: types, PPKS categories, the chapter's kelurahan, the actor's
 * recent co-volunteers (the others are searched: co-volunteers.server.ts), the open follow-ups
 * the actor can move on, and whether follow-ups may keep a NIK/KK.
 */
export async function activityFormChoices(actor: Actor, activityId?: string) {
  const { chapterId, memberId } = actor;
  const [types, categories, villages, recentVolunteers, own, followUps, chapter, programmes] = await Promise.all([
    listActivityTypes(chapterId),
    listPpksCategories(chapterId),
    listChapterVillages(actor),
    recentCoVolunteers(actor),
    memberId ? db.member.findUnique({ where: { id: memberId }, select: { villageCode: true } }) : null,
    followUpChoices(actor, activityId),
    db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { keepCaseIdentifiers: true } }),
    programmeChoicesForActivity(actor),
  ]);
  // The volunteer's own kelurahan comes first in the form.
  return {
    types,
    categories,
    villages,
    recentVolunteers,
    ownVillageCode: own?.villageCode ?? null,
    followUps,
    keepCaseIdentifiers: chapter.keepCaseIdentifiers,
    programmes,
  };
}

// ---------------------------------------------------------------------------------------------
// Logging

export type ActivityInput = {
  data: ActivityFormData;
  reach: ReachEntry[];
  aid: AidEntry[];
  coVolunteerIds: string[];
  followUp: OpenedFollowUp | null;
  /** an earlier follow-up this activity moves on or closes */
  followUpUpdate?: FollowUpUpdateEntry | null;
  submit: boolean;
  /** evidence photos prepared by preparePhotos, saved with the activity or not at all */
  photos?: Buffer[];
};

/** The chapter's columns the checks need (a new activity reads them once, with whether the chapter is closed). */
const chapterRulesSelect = { regionCode: true, activityClosingDays: true } satisfies Prisma.ChapterSelect;
type ChapterRules = Prisma.ChapterGetPayload<{ select: typeof chapterRulesSelect }>;

async function checkActivity(
  tx: Tx | typeof db,
  actor: Actor,
  input: ActivityInput,
  now: Date,
  stored?: { id: string; date: Date },
  rules?: ChapterRules,
) {
  const storedDate = stored?.date;
  const { data } = input;
  const errors: FieldErrors = {};
  const today = calendarToday(actor.timeZone, now);
  const date = calendarDateOf(data.date);
  const chapter = rules ?? (await tx.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: chapterRulesSelect }));
  if (date > today) errors.date = t("activities.error.future");
  // The closing rule is for new dates: an activity reopened after it closed keeps its date.
  else if (!isBoard(actor) && date < addDays(today, -chapter.activityClosingDays) && date.getTime() !== storedDate?.getTime()) {
    errors.date = t("activities.error.tooOld", { days: chapter.activityClosingDays });
  }
  const categoryIds = [...new Set(input.reach.map((r) => r.categoryId))];
  const coIds = [...new Set(input.coVolunteerIds)].filter((id) => id !== actor.memberId);
  const [type, village, knownCategories, foundCoVolunteers] = await Promise.all([
    tx.activityType.findFirst({ where: { id: data.typeId, chapterId: actor.chapterId, active: true }, select: { id: true } }),
    tx.region.findFirst({ where: { code: data.villageCode, level: "village" }, select: { code: true, parentCode: true } }),
    categoryIds.length
      ? tx.ppksCategory.count({
          where: { id: { in: categoryIds }, OR: [{ chapterId: null }, { chapterId: actor.chapterId, active: true }] },
        })
      : 0,
    coIds.length ? tx.member.count({ where: { ...(await coVolunteerWhere(actor.chapterId, tx)), id: { in: coIds } } }) : 0,
  ]);
  if (!type) errors.typeId = t("activities.error.type");
  if (!village || !inRegion(village.code, chapter.regionCode)) errors.villageCode = t("activities.error.village");
  if (knownCategories !== categoryIds.length) errors.reach = t("activities.error.category");
  if (foundCoVolunteers !== coIds.length) errors.coVolunteers = t("activities.error.coVolunteer");
  if (data.programmeId && !errors.date) {
    const programmeError = await checkActivityProgramme(tx, actor, data.programmeId, date);
    if (programmeError) errors.programmeId = programmeError;
  }
  Object.assign(
    errors,
    await checkFollowUps(tx, actor, { followUp: input.followUp, followUpUpdate: input.followUpUpdate, activityId: stored?.id, date }),
  );
  if (Object.keys(errors).length) throw new Refused(invalid(errors));
  return { date, districtCode: village!.parentCode!, coIds };
}

const peopleOf = (reach: ReachEntry[]) => reach.reduce((sum, r) => sum + r.count, 0);

/** The columns the form sets, the same for a new activity and an edit. */
function activityColumns(input: ActivityInput, date: Date, districtCode: string) {
  const { data } = input;
  return {
    date,
    startTime: data.startTime,
    endTime: data.endTime,
    durationMinutes: data.durationMinutes,
    typeId: data.typeId,
    villageCode: data.villageCode,
    districtCode,
    rt: data.rt,
    rw: data.rw,
    households: data.households,
    people: peopleOf(input.reach),
    narrative: data.narrative,
    programmeId: data.programmeId,
  };
}

async function writeDetails(tx: Tx, activityId: string, input: ActivityInput, coIds: string[]) {
  await tx.activityReach.deleteMany({ where: { activityId } });
  await tx.activityAid.deleteMany({ where: { activityId } });
  await tx.activityVolunteer.deleteMany({ where: { activityId } });
  if (input.reach.length) await tx.activityReach.createMany({ data: input.reach.map((r) => ({ activityId, ...r })) });
  if (input.aid.length) await tx.activityAid.createMany({ data: input.aid.map((a) => ({ activityId, ...a })) });
  if (coIds.length) await tx.activityVolunteer.createMany({ data: coIds.map((memberId) => ({ activityId, memberId })) });
}

/**
 * Logs a new activity (draft or submitted). The same idempotency key again returns the activity
 * already saved (a double tap on a bad connection), not a second one.
 */
export async function logActivity(
  actor: Actor,
  input: ActivityInput,
  now = new Date(),
): Promise<Outcome<{ id: string; repeated: boolean }>> {
  if (!can(actor, "create:activity:own")) return forbidden();
  if (!actor.memberId) return forbidden(t("activities.error.noMember"));
  // one read for whether the chapter is closed and the rules the checks apply
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: { ...chapterRulesSelect, closedAt: true } });
  if (chapter.closedAt) return conflict(t("chapters.error.closed"));
  const memberId = actor.memberId;
  // The photos are written first and recorded in the activity's transaction: when the uploads
  // folder cannot take them nothing is saved (the form comes back; a retry with the same key
  // saves one activity); a repeated or refused form leaves no file behind.
  const photos = photoFiles(input.photos ?? []);
  const saved = await saveWithFiles(
    photos.map((p) => p.file),
    () => saveNewActivity(actor, memberId, input, photos, now, chapter),
    (result) => result.ok && !result.repeated,
  );
  if (isStorageFault(saved)) return invalid({ photos: t("upload.storageFault") });
  return saved;
}

/** Where the phone said the volunteer was, how precisely, and when (all null without a fix). */
function locationColumns(data: ActivityInput["data"]) {
  return { latitude: data.latitude, longitude: data.longitude, locationAccuracy: data.locationAccuracy, locatedAt: data.locatedAt };
}

/**
 * The checks read before the transaction, which then only writes: SQLite has one writer, so the
 * transaction stays short under 50 volunteers posting at once (docs/decisions/033). A repeated
 * form (the same idempotency key) meets the key's unique index and is answered with the first
 * activity, without a read of its own on the way of every new form.
 */
async function saveNewActivity(actor: Actor, memberId: string, input: ActivityInput, photos: PhotoFile[], now: Date, rules: ChapterRules) {
  const key = input.data.idempotencyKey;
  return refusable(async () => {
    let checked: Awaited<ReturnType<typeof checkActivity>>;
    try {
      checked = await checkActivity(db, actor, input, now, undefined, rules);
    } catch (error) {
      // A repeat is answered with the first even when the form would not pass today (the
      // phone's queue may send again days later, after the closing days).
      const first = error instanceof Refused ? await findRepeat(memberId, key) : null;
      if (first) return first;
      throw error;
    }
    const { date, districtCode, coIds } = checked;
    const { data } = input;
    try {
      return await db.$transaction(async (tx) => {
        const activity = await tx.activity.create({
          data: {
            chapterId: actor.chapterId,
            memberId,
            ...activityColumns(input, date, districtCode),
            ...locationColumns(data),
            status: input.submit ? "submitted" : "draft",
            submittedAt: input.submit ? now : null,
            idempotencyKey: key,
            // the details in the same statement plan (a new activity has none to replace)
            ...(input.reach.length ? { reach: { createMany: { data: input.reach } } } : {}),
            ...(input.aid.length ? { aid: { createMany: { data: input.aid } } } : {}),
            ...(coIds.length ? { volunteers: { createMany: { data: coIds.map((id) => ({ memberId: id })) } } } : {}),
            ...(photos.length ? { photos: { createMany: { data: photos.map((p) => ({ file: p.name })) } } } : {}),
          },
          select: { id: true },
        });
        if (input.followUp || input.followUpUpdate) await writeFollowUps(tx, actor, activity.id, input);
        return ok({ id: activity.id, repeated: false });
      });
    } catch (error) {
      const first = isUniqueViolation(error) ? await findRepeat(memberId, key) : null;
      if (first) return first;
      throw error;
    }
  });
}

/** The activity already saved with this idempotency key: the same (repeated), or another person's (a conflict). */
async function findRepeat(memberId: string, idempotencyKey: string) {
  const existing = await db.activity.findUnique({ where: { idempotencyKey }, select: { id: true, memberId: true } });
  if (!existing) return null;
  if (existing.memberId !== memberId) return conflict(t("activities.error.duplicateKey"));
  return ok({ id: existing.id, repeated: true });
}

/** A write refused by a unique index (Prisma's P2002). */
function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** What an activity's audit record keeps of it: the fields the form sets, its details and status. */
async function auditedState(tx: Tx, activityId: string) {
  const a = await tx.activity.findUniqueOrThrow({
    where: { id: activityId },
    select: {
      status: true,
      date: true,
      startTime: true,
      endTime: true,
      durationMinutes: true,
      typeId: true,
      villageCode: true,
      rt: true,
      rw: true,
      households: true,
      people: true,
      narrative: true,
      programmeId: true,
      latitude: true,
      longitude: true,
      reach: { select: { categoryId: true, sex: true, ageBand: true, count: true } },
      aid: { select: { item: true, quantity: true, unit: true, value: true, source: true } },
      volunteers: { select: { memberId: true } },
      _count: { select: { photos: true } },
    },
  });
  const { reach, aid, volunteers, _count, date, ...columns } = a;
  return {
    ...columns,
    date: toDateInput(date),
    reach: reach.map((r) => `${r.categoryId}/${r.sex}/${r.ageBand ?? "-"}: ${r.count}`).sort(),
    aid: aid.map((x) => `${x.item}: ${x.quantity} ${x.unit ?? ""} Rp${x.value} (${x.source})`).sort(),
    coVolunteers: volunteers.map((v) => v.memberId).sort(),
    photos: _count.photos,
  } as Record<string, unknown>;
}

/** Only what changed between two audited states, as before and after. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
    changed: keys.length > 0,
  };
}

/**
 * The author edits a draft or returned activity (and may submit it), with new photos saved with
 * it or not at all. Every change is audited with what changed (before/after): "activity.update",
 * or "activity.resubmit" when a returned activity is sent again.
 */
export async function updateActivity(
  actor: Actor,
  activityId: string,
  input: ActivityInput,
  now = new Date(),
): Promise<Outcome<{ id: string }>> {
  if (!can(actor, "create:activity:own")) return forbidden();
  const photos = photoFiles(input.photos ?? []);
  const saved = await saveWithFiles(
    photos.map((p) => p.file),
    () => saveActivityEdit(actor, activityId, input, photos, now),
    (result) => result.ok,
  );
  if (isStorageFault(saved)) return invalid({ photos: t("upload.storageFault") });
  return saved;
}

/** Whether the actor may edit the activity now: their own, while it is a draft or returned. */
function editRefusal(actor: Actor, activity: { memberId: string; status: string }) {
  if (activity.memberId !== actor.memberId) return forbidden(t("activities.error.notOwn"));
  if (activity.status !== "draft" && activity.status !== "returned") return conflict(t("activities.error.locked"));
  return null;
}

function saveActivityEdit(actor: Actor, activityId: string, input: ActivityInput, photos: PhotoFile[], now: Date) {
  return refusable(() =>
    db.$transaction(async (tx) => {
      const activity = await tx.activity.findFirst({
        where: { id: activityId, chapterId: actor.chapterId },
        select: { id: true, memberId: true, status: true, date: true },
      });
      if (!activity) return notFound();
      const refusal = editRefusal(actor, activity);
      if (refusal) return refusal;
      const before = await auditedState(tx, activity.id);
      const { date, districtCode, coIds } = await checkActivity(tx, actor, input, now, activity);
      const { data } = input;
      await tx.activity.update({
        where: { id: activity.id },
        data: {
          ...activityColumns(input, date, districtCode),
          // an edit without a new fix keeps the location taken before
          ...(data.latitude !== null ? locationColumns(data) : {}),
          ...(input.submit ? { status: "submitted", submittedAt: now } : {}),
        },
      });
      await writeDetails(tx, activity.id, input, coIds);
      await writeFollowUps(tx, actor, activity.id, input);
      await recordPhotos(tx, activity.id, photos);
      const diff = changes(before, await auditedState(tx, activity.id));
      if (diff.changed) {
        const action = activity.status === "returned" && input.submit ? "activity.resubmit" : "activity.update";
        await recordAudit(
          {
            actorId: actor.userId,
            chapterId: actor.chapterId,
            action,
            entityType: "Activity",
            entityId: activity.id,
            before: diff.before,
            after: diff.after,
          },
          tx,
        );
      }
      return ok({ id: activity.id });
    }),
  );
}

/** Whether the actor may see an activity: their own (or one they worked on), or one in their reading scope. */
function canSeeActivity(actor: Actor, activity: { memberId: string; volunteerIds: string[]; districtCode: string }) {
  const involved = activity.memberId === actor.memberId || (actor.memberId !== null && activity.volunteerIds.includes(actor.memberId));
  return (
    involved ||
    can(actor, "read:activity:chapter") ||
    (can(actor, "read:activity:district") && actor.districtCodes.includes(activity.districtCode))
  );
}

/** An activity's evidence photo, if the actor may see the activity. */
export async function activityPhotoFor(actor: Actor, activityId: string, photoId: string): Promise<Outcome<{ photo: Buffer }>> {
  const activity = await db.activity.findFirst({
    where: { id: activityId, chapterId: actor.chapterId },
    select: { memberId: true, districtCode: true, volunteers: { select: { memberId: true } } },
  });
  if (!activity || !canSeeActivity(actor, { ...activity, volunteerIds: activity.volunteers.map((v) => v.memberId) })) return notFound();
  const photo = await readActivityPhoto(actor.chapterId, activityId, photoId);
  return photo ? ok({ photo }) : notFound();
}

// ---------------------------------------------------------------------------------------------
// Reading

const listSelect = {
  id: true,
  date: true,
  durationMinutes: true,
  status: true,
  returnReason: true,
  households: true,
  people: true,
  districtCode: true,
  typeId: true,
  villageCode: true,
  memberId: true,
} as const;

type NamedRow = { typeName: string; villageName: string; memberName: string; volunteers: bigint | number };

/**
 * The rows as the lists show them: with the names of their type, kelurahan and volunteer and how
 * many co-volunteers each has, read for the page's rows in one statement (docs/decisions/035:
 * Prisma's relation selects and a group-by made four queries of it, on every list page).
 */
async function listed<T extends { id: string; typeId: string; villageCode: string; memberId: string }>(rows: T[]) {
  const named = rows.length
    ? await db.$queryRaw<({ id: string } & NamedRow)[]>`
        SELECT a."id", t."name" AS "typeName", v."name" AS "villageName", m."fullName" AS "memberName",
          (SELECT count(*) FROM "ActivityVolunteer" av WHERE av."activityId" = a."id") AS "volunteers"
        FROM "Activity" a
        JOIN "ActivityType" t ON t."id" = a."typeId"
        JOIN "Region" v ON v."code" = a."villageCode"
        JOIN "Member" m ON m."id" = a."memberId"
        WHERE a."id" IN (${Prisma.join(rows.map((r) => r.id))})`
    : [];
  const byId = new Map(named.map((n) => [n.id, n]));
  return rows.flatMap(({ typeId: _type, villageCode: _village, memberId, ...row }) => {
    const n = byId.get(row.id);
    if (!n) return [];
    return [
      {
        ...row,
        type: { name: n.typeName },
        village: { name: n.villageName },
        member: { id: memberId, fullName: n.memberName },
        _count: { volunteers: Number(n.volunteers) },
      },
    ];
  });
}

/**
 * The rows with how many co-volunteers each has, counted for these rows only. (Prisma's
 * `_count: { volunteers }` in a list's select joins a count of every activity's co-volunteers,
 * the whole table, for every page.)
 */
export async function withVolunteerCounts<T extends { id: string }>(rows: T[]): Promise<(T & { _count: { volunteers: number } })[]> {
  const counts = rows.length
    ? await db.activityVolunteer.groupBy({ by: ["activityId"], where: { activityId: { in: rows.map((r) => r.id) } }, _count: true })
    : [];
  const byId = new Map(counts.map((c) => [c.activityId, c._count]));
  return rows.map((row) => ({ ...row, _count: { volunteers: byId.get(row.id) ?? 0 } }));
}

/** Newest first; the id last makes the order total, so that a deep page can be read from the end (shared/pages.server.ts). */
const LIST_ORDER: { date?: "asc" | "desc"; createdAt?: "asc" | "desc"; id?: "asc" | "desc" }[] = [
  { date: "desc" },
  { createdAt: "desc" },
  { id: "desc" },
];

/** The board's list also shows where the phone was (accuracy and a map link), as the xlsx does. */
const boardListSelect = { ...listSelect, latitude: true, longitude: true, locationAccuracy: true } as const;

/**
 * Activities a member logged or worked on as co-volunteer. The co-volunteered ones are looked up
 * first (few, by index), so that SQLite can use the member index instead of scanning.
 */
async function ownWhere(memberId: string): Promise<Prisma.ActivityWhereInput> {
  const co = await db.$queryRaw<{ activityId: string }[]>`SELECT "activityId" FROM "ActivityVolunteer" WHERE "memberId" = ${memberId}`;
  return co.length ? { OR: [{ memberId }, { id: { in: co.map((c) => c.activityId) } }] } : { memberId };
}

/** The actor's own activities (logged by them or with them as co-volunteer), newest first; none without a member. */
export async function listOwnActivities(actor: Actor, page = 1) {
  if (!actor.memberId) return { total: 0, page, pageCount: 1, rows: [] };
  const where: Prisma.ActivityWhereInput = { chapterId: actor.chapterId, ...(await ownWhere(actor.memberId)) };
  const total = await db.activity.count({ where });
  const rows = await readPage(LIST_ORDER, page, total, ACTIVITIES_PAGE_SIZE, (window) =>
    db.activity.findMany({ where, select: listSelect, ...window }),
  );
  return { total, page, pageCount: Math.max(1, Math.ceil(total / ACTIVITIES_PAGE_SIZE)), rows: await listed(rows) };
}

/**
 * This month's and this year's totals (activities, hours, people reached) of the actor's own
 * activities, logged or worked on as co-volunteer, drafts left out, in the chapter's time zone:
 * one statement for both (docs/decisions/035).
 */
export async function ownTotals(actor: Actor, now = new Date()) {
  const memberId = actor.memberId ?? "";
  const today = calendarToday(actor.timeZone, now);
  const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const yearStart = new Date(Date.UTC(today.getUTCFullYear(), 0, 1));
  type Sums = Record<
    "monthActivities" | "monthMinutes" | "monthPeople" | "yearActivities" | "yearMinutes" | "yearPeople",
    bigint | number | null
  >;
  const [sums] = await db.$queryRaw<Sums[]>`
    SELECT sum(a."date" >= ${monthStart}) AS "monthActivities",
      sum(CASE WHEN a."date" >= ${monthStart} THEN a."durationMinutes" ELSE 0 END) AS "monthMinutes",
      sum(CASE WHEN a."date" >= ${monthStart} THEN a."people" ELSE 0 END) AS "monthPeople",
      count(*) AS "yearActivities", sum(a."durationMinutes") AS "yearMinutes", sum(a."people") AS "yearPeople"
    FROM "Activity" a
    WHERE a."date" >= ${yearStart} AND a."status" <> 'draft'
      AND (a."memberId" = ${memberId} OR a."id" IN (SELECT "activityId" FROM "ActivityVolunteer" WHERE "memberId" = ${memberId}))`;
  const n = (value: bigint | number | null | undefined) => Number(value ?? 0);
  return {
    month: { activities: n(sums?.monthActivities), hours: hoursOfMinutes(n(sums?.monthMinutes)), people: n(sums?.monthPeople) },
    year: { activities: n(sums?.yearActivities), hours: hoursOfMinutes(n(sums?.yearMinutes)), people: n(sums?.yearPeople) },
  };
}

/** The kecamatan a list covers; null for all. A kecamatan filter narrows a coordinator's scope, never widens it. */
function filterDistricts(filters: ActivityFilters, scope?: readonly string[]): string[] | null {
  if (scope) return filters.districtCode ? scope.filter((code) => code === filters.districtCode) : [...scope];
  return filters.districtCode ? [filters.districtCode] : null;
}

function filterPeriod(filters: ActivityFilters) {
  return {
    ...(filters.from ? { gte: calendarDateOf(filters.from) } : {}),
    ...(filters.to ? { lte: calendarDateOf(filters.to) } : {}),
  };
}

export function activityFilterWhere(chapterId: string, filters: ActivityFilters, scope?: readonly string[]): Prisma.ActivityWhereInput {
  const districts = filterDistricts(filters, scope);
  return {
    chapterId,
    // one kecamatan as an equality: SQLite then reads the kecamatan's index in the list's order
    // (an IN list of one made it sort the period's activities of the kecamatan first)
    ...(districts ? { districtCode: districts.length === 1 ? districts[0]! : { in: districts } } : {}),
    ...(filters.from || filters.to ? { date: filterPeriod(filters) } : {}),
    ...(filters.villageCode ? { villageCode: filters.villageCode } : {}),
    ...(filters.typeId ? { typeId: filters.typeId } : {}),
    ...(filters.memberId ? { memberId: filters.memberId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.categoryId ? { reach: { some: { categoryId: filters.categoryId } } } : {}),
    ...(filters.programmeId ? { programmeId: filters.programmeId } : {}),
  };
}

/** The order the page states the statuses in: the way an activity goes. */
const STATUS_ORDER = ["draft", "submitted", "returned", "verified"];

/** Hours as the page, the PDF and the xlsx show them: one decimal (20 minutes are 0,3 jam), as the report rounds them. */
const hoursOfMinutes = (minutes: number) => reportHours(minutes / 60);

/**
 * The totals of the activities that match, in SQL, counted the way the contribution report
 * counts them: the hours are volunteer hours (the activity's duration for its author and again
 * for each co-volunteer), rounded to one decimal once here; and which statuses they include
 * (with how many activities of each), so that the page and the xlsx can say so.
 */
export async function activityTotals(where: Prisma.ActivityWhereInput, coWhere: Prisma.ActivityVolunteerWhereInput = { activity: where }) {
  // one pass over the matching activities (per status), and the co-volunteers' minutes
  const [byStatus, co] = await Promise.all([
    db.activity.groupBy({ by: ["status"], where, _count: true, _sum: { durationMinutes: true, households: true, people: true } }),
    // co-volunteer rows carry a copy of their activity's duration (database triggers)
    db.activityVolunteer.aggregate({ where: coWhere, _sum: { durationMinutes: true } }),
  ]);
  const sum = (key: "durationMinutes" | "households" | "people") => byStatus.reduce((total, s) => total + (s._sum[key] ?? 0), 0);
  return {
    activities: byStatus.reduce((total, s) => total + s._count, 0),
    hours: hoursOfMinutes(sum("durationMinutes") + (co._sum.durationMinutes ?? 0)),
    households: sum("households"),
    people: sum("people"),
    statuses: byStatus
      .map((s) => ({ status: s.status, count: s._count }))
      .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)),
  };
}

/**
 * The co-volunteer rows of the activities that match, by their copies of the activity's chapter,
 * kecamatan, type, date and status (kept by triggers: no join); null when a filter needs the
 * activity itself (kelurahan, volunteer, PPKS category, programme).
 */
export function coVolunteerCopyWhere(chapterId: string, filters: ActivityFilters, scope?: readonly string[]) {
  if (filters.villageCode || filters.memberId || filters.categoryId || filters.programmeId) return null;
  const districts = filterDistricts(filters, scope);
  const where: Prisma.ActivityVolunteerWhereInput = {
    chapterId,
    ...(filters.typeId ? { typeId: filters.typeId } : {}),
    ...(districts ? { districtCode: { in: districts } } : {}),
    ...(filters.from || filters.to ? { date: filterPeriod(filters) } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
  return where;
}

/**
 * The same totals as activityTotals, read from ActivityDayTotal (kept by database triggers:
 * a few rows per day instead of every activity) when the filters are only about the period, the
 * kecamatan and the status, or from ActivityTypeDayTotal when they also name one activity type;
 * null when another filter needs the activities themselves.
 */
export async function dayTotals(chapterId: string, filters: ActivityFilters, scope?: readonly string[]) {
  if (filters.villageCode || filters.memberId || filters.categoryId || filters.programmeId) return null;
  const districts = filterDistricts(filters, scope);
  const period = filterPeriod(filters);
  // a page's totals, on every list page: one statement (docs/decisions/035)
  const rows = await db.$queryRaw<
    {
      status: ActivityStatus;
      activities: bigint | number;
      minutes: bigint | number;
      coMinutes: bigint | number;
      households: bigint | number;
      people: bigint | number;
    }[]
  >`
    SELECT "status", sum("activities") AS "activities", sum("minutes") AS "minutes", sum("coMinutes") AS "coMinutes",
      sum("households") AS "households", sum("people") AS "people"
    FROM ${filters.typeId ? Prisma.sql`"ActivityTypeDayTotal"` : Prisma.sql`"ActivityDayTotal"`}
    WHERE "chapterId" = ${chapterId}
      ${filters.typeId ? Prisma.sql`AND "typeId" = ${filters.typeId}` : Prisma.empty}
      ${districts ? Prisma.sql`AND "districtCode" IN (${districts.length ? Prisma.join(districts) : Prisma.sql`NULL`})` : Prisma.empty}
      ${period.gte ? Prisma.sql`AND "date" >= ${period.gte}` : Prisma.empty}
      ${period.lte ? Prisma.sql`AND "date" <= ${period.lte}` : Prisma.empty}
      ${filters.status ? Prisma.sql`AND "status" = ${filters.status}` : Prisma.empty}
    GROUP BY "status"`;
  const byStatus = rows.map((r) => ({
    status: r.status,
    _sum: {
      activities: Number(r.activities),
      minutes: Number(r.minutes),
      coMinutes: Number(r.coMinutes),
      households: Number(r.households),
      people: Number(r.people),
    },
  }));
  const sum = (key: "activities" | "minutes" | "coMinutes" | "households" | "people") =>
    byStatus.reduce((total, s) => total + (s._sum[key] ?? 0), 0);
  return {
    activities: sum("activities"),
    hours: hoursOfMinutes(sum("minutes") + sum("coMinutes")),
    households: sum("households"),
    people: sum("people"),
    statuses: byStatus
      .filter((s) => (s._sum.activities ?? 0) > 0)
      .map((s) => ({ status: s.status, count: s._sum.activities ?? 0 }))
      .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)),
  };
}

/**
 * The kecamatan the actor reads the board's list of: undefined for the whole chapter, a
 * Koordinator Kecamatan's own kecamatan, or none at all (a plain volunteer).
 */
export function readingScope(actor: Actor): { districtCodes: readonly string[] } | undefined {
  if (can(actor, "read:activity:chapter")) return undefined;
  return { districtCodes: can(actor, "read:activity:district") ? actor.districtCodes : [] };
}

/** What the activities page offers the actor: logging, the settings, the board's list (chapter or kecamatan). */
export function activityRights(actor: Actor) {
  return {
    canLog: can(actor, "create:activity:own"),
    canManage: can(actor, "manage:activity:chapter"),
    readsBoard: can(actor, "read:activity:chapter") || can(actor, "read:activity:district"),
  };
}

/**
 * The chapter's activities with filters, a page at a time, and totals over all that match
 * (computed in SQL). A Koordinator Kecamatan without chapter-wide reading sees their kecamatan.
 */
export async function listActivities(actor: Actor, filters: ActivityFilters) {
  const scope = readingScope(actor)?.districtCodes;
  const where = activityFilterWhere(actor.chapterId, filters, scope);
  const totals =
    (await dayTotals(actor.chapterId, filters, scope)) ??
    (await activityTotals(where, coVolunteerCopyWhere(actor.chapterId, filters, scope) ?? undefined));
  const total = totals.activities;
  const rows = await readPage(LIST_ORDER, filters.page, total, ACTIVITIES_PAGE_SIZE, (window) =>
    db.activity.findMany({ where, select: boardListSelect, ...window }),
  ).then(listed);
  return {
    total,
    totals: { hours: totals.hours, households: totals.households, people: totals.people, statuses: totals.statuses },
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / ACTIVITIES_PAGE_SIZE)),
    rows,
  };
}

/**
 * How many submitted activities the actor may verify: those of their scope, less their own and
 * those they worked on as co-volunteer. Counted as a difference of three index counts: the
 * "not mine, not with me" condition counted row by row probed every submitted activity's
 * co-volunteers.
 */
export async function queueSize(actor: Actor) {
  // one statement (docs/decisions/035); the scope is verifierScope's: the chapter, or a
  // coordinator's kecamatan
  const districts = isBoard(actor) ? null : [...actor.districtCodes];
  if (districts && districts.length === 0) return 0;
  const inScope = districts ? Prisma.sql`AND a."districtCode" IN (${Prisma.join(districts)})` : Prisma.empty;
  const memberId = actor.memberId;
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT (SELECT count(*) FROM "Activity" a WHERE a."chapterId" = ${actor.chapterId} AND a."status" = 'submitted' ${inScope})
      ${
        memberId
          ? Prisma.sql`- (SELECT count(*) FROM "Activity" a WHERE a."chapterId" = ${actor.chapterId} AND a."status" = 'submitted' AND a."memberId" = ${memberId} ${inScope})
      - (SELECT count(*) FROM "ActivityVolunteer" v JOIN "Activity" a ON a."id" = v."activityId"
          WHERE v."memberId" = ${memberId} AND a."chapterId" = ${actor.chapterId} AND a."status" = 'submitted' AND a."memberId" <> ${memberId} ${inScope})`
          : Prisma.empty
      } AS "n"`;
  return Number(row?.n ?? 0);
}

/** Submitted activities the actor may verify, oldest first. */
export async function verificationQueue(actor: Actor, take = 100) {
  const where: Prisma.ActivityWhereInput = { ...verifiable(actor), status: "submitted" };
  const [total, rows] = await Promise.all([
    queueSize(actor),
    db.activity.findMany({ where, select: { ...listSelect, narrative: true, submittedAt: true }, orderBy: { submittedAt: "asc" }, take }),
  ]);
  return { total, rows: await listed(rows) };
}

/** One activity of the chapter with everything logged in it (a follow-up's NIK/KK masked), whoever may see it or not. */
async function findActivity(chapterId: string, activityId: string) {
  const activity = await db.activity.findFirst({
    where: { id: activityId, chapterId },
    select: {
      id: true,
      date: true,
      startTime: true,
      endTime: true,
      durationMinutes: true,
      status: true,
      returnReason: true,
      submittedAt: true,
      verifiedAt: true,
      households: true,
      narrative: true,
      rt: true,
      rw: true,
      latitude: true,
      longitude: true,
      locationAccuracy: true,
      locatedAt: true,
      districtCode: true,
      idempotencyKey: true,
      typeId: true,
      villageCode: true,
      programmeId: true,
      programme: { select: { id: true, name: true } },
      type: { select: { name: true } },
      village: { select: { name: true, parent: { select: { name: true } } } },
      member: { select: { id: true, fullName: true, memberNumber: true } },
      reach: { select: { categoryId: true, sex: true, ageBand: true, count: true, category: { select: { name: true, number: true } } } },
      aid: { select: { item: true, quantity: true, unit: true, value: true, source: true } },
      volunteers: { select: { member: { select: { id: true, fullName: true } } } },
      followUpsOpened: { select: { id: true, status: true, institution: true, description: true, caseIdentifier: true } },
      followUpUpdates: {
        select: { followUpId: true, status: true, note: true, followUp: { select: { institution: true, description: true } } },
      },
      photos: { select: { id: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!activity) return null;
  const followUpsOpened = activity.followUpsOpened.map(({ caseIdentifier, ...f }) => ({
    ...f,
    caseIdentifierMasked: caseIdentifier ? maskNik(caseIdentifier) : null,
  }));
  return { ...activity, followUpsOpened };
}

/**
 * One activity for its page, if the actor may see it, with what the actor may do with it: edit
 * (their own draft or returned one), verify or return (submitted, in their scope, not their
 * own) and reopen (verified, the board).
 */
export async function getActivity(actor: Actor, activityId: string) {
  const activity = await findActivity(actor.chapterId, activityId);
  if (!activity) return notFound();
  const volunteerIds = activity.volunteers.map((v) => v.member.id);
  if (!canSeeActivity(actor, { memberId: activity.member.id, volunteerIds, districtCode: activity.districtCode })) return notFound();
  const involved = activity.member.id === actor.memberId || (actor.memberId !== null && volunteerIds.includes(actor.memberId));
  return ok({
    activity,
    canEdit: can(actor, "create:activity:own") && editRefusal(actor, { memberId: activity.member.id, status: activity.status }) === null,
    mayVerify: !involved && activity.status === "submitted" && coversDistrict(actor, activity.districtCode),
    mayReopen: activity.status === "verified" && isBoard(actor),
  });
}

/** The actor's own activity for its edit form: not found outside the chapter, refused when it is someone else's or no longer a draft or returned. */
export async function activityForEdit(actor: Actor, activityId: string) {
  if (!can(actor, "create:activity:own")) return forbidden();
  const activity = await findActivity(actor.chapterId, activityId);
  if (!activity) return notFound();
  const refusal = editRefusal(actor, { memberId: activity.member.id, status: activity.status });
  // the edit page of a locked activity is refused like someone else's (403), with the reason
  if (refusal) return refusal.refusal === "conflict" ? forbidden(refusal.message) : refusal;
  return ok({ activity });
}

// ---------------------------------------------------------------------------------------------
// Dashboard

/**
 * This month's figures of the chapter (or of the kecamatan given), in SQL: hours and activities
 * (submitted or verified), people reached by PPKS category, activities per kecamatan, and the
 * verification backlog.
 */
export async function activityDashboard(chapterId: string, timeZone: string, districtCodes?: readonly string[], now = new Date()) {
  const today = calendarToday(timeZone, now);
  const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const scope: Prisma.ActivityWhereInput = { chapterId, ...(districtCodes ? { districtCode: { in: [...districtCodes] } } : {}) };
  const month: Prisma.ActivityWhereInput = { ...scope, date: { gte: monthStart, lte: today }, status: { in: ["submitted", "verified"] } };
  const [sums, co, byCategory, byDistrict, backlog] = await Promise.all([
    db.activity.aggregate({ where: month, _sum: { durationMinutes: true }, _count: true }),
    // volunteer hours as the board's list and the report count them: co-volunteers' too
    db.activityVolunteer.aggregate({ where: { activity: month }, _sum: { durationMinutes: true } }),
    db.activityReach.groupBy({ by: ["categoryId"], where: { activity: month }, _sum: { count: true } }),
    db.activity.groupBy({ by: ["districtCode"], where: month, _count: true }),
    db.activity.count({ where: { ...scope, status: "submitted" } }),
  ]);
  const [categories, districts] = await Promise.all([
    db.ppksCategory.findMany({ where: { id: { in: byCategory.map((c) => c.categoryId) } }, select: { id: true, name: true } }),
    db.region.findMany({ where: { code: { in: byDistrict.map((d) => d.districtCode) } }, select: { code: true, name: true } }),
  ]);
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const districtName = new Map(districts.map((d) => [d.code, d.name]));
  return {
    monthStart,
    hours: hoursOfMinutes((sums._sum.durationMinutes ?? 0) + (co._sum.durationMinutes ?? 0)),
    activities: sums._count,
    people: byCategory.reduce((sum, c) => sum + (c._sum.count ?? 0), 0),
    byCategory: byCategory
      .map((c) => ({ label: categoryName.get(c.categoryId) ?? "", value: c._sum.count ?? 0 }))
      .sort((a, b) => b.value - a.value),
    byDistrict: byDistrict
      .map((d) => ({ label: districtName.get(d.districtCode) ?? d.districtCode, value: d._count }))
      .sort((a, b) => b.value - a.value),
    backlog,
  };
}
