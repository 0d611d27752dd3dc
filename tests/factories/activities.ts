// Builders for activity tests: a chapter with its catalogue, the activity form as the shared
// schema parses it, logging it for an actor, and the rows the assertions read back. Used by the
// activity, follow-up, upload and route tests (and any area that needs logged activities).
import { logActivity, updateActivity, type ActivityInput } from "~/domain/activities/activities.server";
import type { FollowUpUpdateEntry, OpenedFollowUp } from "~/domain/activities/follow-ups.server";
import { ensureActivityCatalogue, listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import type { Actor } from "~/domain/shared/actor.server";
import { db } from "~/utils/db.server";
import { activityFormSchema, type ActivityFilters, type ActivityFormData, type AgeBand, type ReachEntry } from "~/validation/activities";
import type { Sex } from "~/validation/members";
import { boardMember, type TestActor } from "../support/actors";
import { expectOk } from "../support/outcomes";
import { NOW, PLACES } from "../support/timeline";
import { buildChapter } from "./index";

/** A chapter (Kota Pontianak) with its activity types and PPKS categories. */
export type ActivityChapter = {
  id: string;
  code: string;
  types: { id: string; name: string }[];
  ppks: { id: string; number: number | null; name: string; forChildren: boolean }[];
};

/** A new chapter (Kota Pontianak unless told otherwise) with its catalogue. */
export async function activityChapter(overrides: Parameters<typeof buildChapter>[0] = {}): Promise<ActivityChapter> {
  const chapter = await buildChapter(overrides);
  await ensureActivityCatalogue(chapter.id);
  return { id: chapter.id, code: chapter.code, types: await listActivityTypes(chapter.id), ppks: await listPpksCategories(chapter.id) };
}

/** The chapter's n-th activity type. */
export const typeOf = (ctx: ActivityChapter, n = 0) => ctx.types[n]!.id;
/** The national PPKS category with its number (8: Lanjut Usia Terlantar). */
export const ppksOf = (ctx: ActivityChapter, number: number) => ctx.ppks.find((c) => c.number === number)!.id;

/** A Koordinator Kecamatan of one kecamatan (living in Benuamelayu Darat). */
export function koordinator(chapterId: string, districtCode: string = PLACES.D01): Promise<TestActor> {
  return boardMember(chapterId, "koordinator_kecamatan", { districtCode, villageCode: PLACES.V1003 });
}

let keySerial = 0;
/** A fresh idempotency key, as each new form gets one. */
export const nextKey = () => `uji-${++keySerial}-${Math.random().toString(36).slice(2, 10)}`;

/** The scalar fields as the form posts them (strings), parsed by the shared schema: 60 minutes on 10 June 2031 in Benuamelayu Laut. */
export function activityForm(ctx: ActivityChapter, fields: Record<string, string> = {}): ActivityFormData {
  return activityFormSchema.parse({
    idempotencyKey: nextKey(),
    date: "2031-06-10",
    durationMinutes: "60",
    typeId: typeOf(ctx),
    villageCode: PLACES.V1002,
    households: "1",
    narrative: "Kunjungan rumah lansia terlantar dan pendataan kebutuhan.",
    ...fields,
  });
}

export type ActivityExtra = Partial<Omit<ActivityInput, "data">>;

/** A whole activity input (submitted, nobody reached) around the form's fields. */
export function activityInput(data: ActivityFormData, extra: ActivityExtra = {}): ActivityInput {
  return { data, reach: [], aid: [], coVolunteerIds: [], followUp: null, submit: true, ...extra };
}

/** Logs an activity for the actor (the outcome, as logActivity answers). */
export function logFor(ctx: ActivityChapter, actor: Actor, fields: Record<string, string> = {}, extra: ActivityExtra = {}, now = NOW) {
  return logActivity(actor, activityInput(activityForm(ctx, fields), extra), now);
}

/** Logs an activity for the actor that must be saved; its id. */
export async function loggedFor(
  ctx: ActivityChapter,
  actor: Actor,
  fields: Record<string, string> = {},
  extra: ActivityExtra = {},
  now = NOW,
) {
  return expectOk(await logFor(ctx, actor, fields, extra, now)).id;
}

/** The author edits an activity (the outcome, as updateActivity answers). */
export function editFor(
  ctx: ActivityChapter,
  actor: Actor,
  id: string,
  fields: Record<string, string> = {},
  extra: ActivityExtra = {},
  now = NOW,
) {
  return updateActivity(actor, id, activityInput(activityForm(ctx, fields), extra), now);
}

/** People reached of one category, sex and age band. */
export function reach(categoryId: string, sex: Sex, ageBand: AgeBand | null, count: number): ReachEntry {
  return { categoryId, sex, ageBand, count };
}

/** A follow-up the activity opens (a referral to the Dinas Sosial by default). */
export const referral = (
  institution = "Dinas Sosial Kota Pontianak",
  description = "Rujukan PBI JK",
  caseIdentifier?: string,
): OpenedFollowUp => ({
  institution,
  description,
  ...(caseIdentifier ? { caseIdentifier } : {}),
});

/** An activity's update of an earlier follow-up. */
export const moveOn = (followUpId: string, status: FollowUpUpdateEntry["status"], note: string | null = null): FollowUpUpdateEntry => ({
  followUpId,
  status,
  note,
});

/** Logs an activity that opens a follow-up; its id and the follow-up's. */
export async function opening(ctx: ActivityChapter, actor: Actor, fields: Record<string, string> = {}, extra: ActivityExtra = {}) {
  const activityId = await loggedFor(ctx, actor, fields, { followUp: referral(), ...extra });
  const followUp = await db.followUp.findFirstOrThrow({ where: { openedById: activityId }, select: { id: true } });
  return { activityId, followUpId: followUp.id };
}

/** A follow-up's status and the activity that closed it. */
export function followUpState(followUpId: string) {
  return db.followUp.findUniqueOrThrow({ where: { id: followUpId }, select: { status: true, closedById: true } });
}

/** A follow-up's updates in the order of their activities' dates. */
export async function followUpUpdates(followUpId: string) {
  const rows = await db.followUpUpdate.findMany({
    where: { followUpId },
    select: { activityId: true, status: true, note: true, activity: { select: { date: true } } },
  });
  return rows
    .sort((a, b) => a.activity.date.getTime() - b.activity.date.getTime())
    .map(({ activityId, status, note }) => ({ activityId, status, note }));
}

/** Form fields as a FormData, as a browser posts them. */
export function formDataOf(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields)) fd.append(key, value);
  return fd;
}

/** The board's list filters, none set unless given. */
export function boardFilters(over: Partial<ActivityFilters> = {}): ActivityFilters {
  return {
    from: null,
    to: null,
    districtCode: null,
    villageCode: null,
    typeId: null,
    memberId: null,
    status: null,
    categoryId: null,
    programmeId: null,
    page: 1,
    ...over,
  };
}

/** An activity's status and verification columns. */
export function activityState(id: string) {
  return db.activity.findUniqueOrThrow({
    where: { id },
    select: { status: true, returnReason: true, submittedAt: true, verifiedAt: true, verifiedById: true },
  });
}

/** The audit records of an activity (of one action when given), oldest first. */
export function activityAudits(entityId: string, action?: string) {
  return db.auditLog.findMany({
    where: { entityType: "Activity", entityId, ...(action ? { action } : {}) },
    select: { action: true, actorId: true, chapterId: true, before: true, after: true },
    orderBy: { at: "asc" },
  });
}
