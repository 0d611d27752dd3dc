// "Unduh data saya" (issue 17, the right of access of UU 27/2022): everything the portal holds
// about the signed-in person, gathered from every model that points at their User or Member, as
// one plain object (the JSON download) and as a workbook (app/documents/xlsx/own-data.ts). Only
// the actor's own records are read, so no permission is needed; every download is audited
// ("privacy.ownData.export").
//
// What is in it, model by model (prisma/schema.prisma):
// - User: email, name, role, active, chapter, Dinas Sosial region, created/updated, last sign-in,
//   when the second factor was turned on. Session: start and expiry. AccountToken (made for
//   them): kind and dates. RecoveryCode: how many are left unused. Notification (their own:
//   kind, title, text, link, written, read), NotificationPreference (the choice per kind they
//   can receive, the default marked), OutboxMessage (the emails written for them: address,
//   subject, status, dates; the text is the notification's, the HTML the same again).
// - Member: every personal field, the whole NIK included (it is their own), photo presence,
//   consent to the privacy notice (date and version).
//   Chapter.signatureMemberId: whether their signature is stored for the cards. MemberCard:
//   issue, validity, candidate, revocation. PositionHolding (+ period and position).
//   TrainingParticipant (+ event, course), ExternalTraining, Certificate, MemberCompetency,
//   ServiceCertificate (its frozen figures), Programme (coordinator) and ProgrammeVolunteer.
//   Activity (logged) and ActivityVolunteer (joined): date, time, type, programme, place,
//   households, people reached, status, return reason, dates; photos and follow-ups counted.
//   MemberDuplicateFlag: when, status (the other record not named). MemberApplication under
//   their NIK (chapter, dates and consent version only: an application is someone's claim to
//   be that person, typed on a public page).
//   Status history: the member's "status" changes from the audit log.
// - AuditLog: entries they made or that are about their account or member record, newest
//   first, at most OWN_AUDIT_LIMIT: action, time, entity type and id, by/about them.
//
// What is left out, and why:
// - User.passwordHash, User.totpSecret, RecoveryCode.codeHash, AccountToken.tokenHash, Session
//   ids: secrets that would let a copy of the file take over the account; MemberCard.code: the
//   card's own QR already carries it. Member.anonymisedAt: an anonymised member has no login.
// - Member.photoFile bytes, ActivityPhoto files: photos (of residents too) are not data rows;
//   presence and counts only.
// - FollowUp (institution, description, caseIdentifier = a resident's NIK/KK), FollowUpUpdate
//   notes, ActivityReach per category, ActivityAid: about residents, i.e. other people; the
//   follow-ups are only counted and the activity keeps its totals.
// - Co-volunteers' names, verifiers', issuers' and deciders' names, the other record of a
//   duplicate check; on activities they only joined, the narrative and the phone's location
//   (written by another volunteer). Other people's data.
// - AuditLog before/after: a board member's entries hold other members' data; the entries keep
//   what, when and which record. Their own changes are in the status history and the record.
// - MemberImport rows, MoneyEntry, Report, ServiceCertificate they issued, AccountToken they made
//   for others: the board's working data about other people and money; their part shows as
//   audit entries.
// - LoginThrottle: transient counters keyed by the address of whoever tried to sign in.
// - KK: the portal keeps no KK number for members.
import { auditActionLabel, auditEntityLabel } from "~/domain/audit/audit-log.server";
import { kindsFor } from "~/domain/notifications/inbox.server";
import type { Actor } from "~/domain/shared/actor.server";
import type { NotificationKind } from "~/generated/prisma/enums";
import { notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { ownDataXlsx, type CalendarDay, type OwnDataExport, type OwnMemberData } from "~/documents/xlsx/own-data";
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { isoCalendarDate } from "~/utils/dates";
import { db } from "~/utils/db.server";

/** The newest audit entries the file carries. */
export const OWN_AUDIT_LIMIT = 1000;

export type OwnDataFormat = "json" | "xlsx";
export type { OwnDataExport };

/** A calendar date (stored as UTC midnight) as "YYYY-MM-DD". */
const dayOf = (value: Date): CalendarDay => value.toISOString().slice(0, 10);
const dayOrNull = (value: Date | null): CalendarDay | null => (value ? dayOf(value) : null);

/**
 * Everything the portal holds about the actor (their account and, when they are a member, their
 * member record and all that hangs on it), as a plain object; the download is audited with its
 * format. Not found when the account no longer exists.
 */
export async function collectOwnData(
  actor: Actor,
  now = new Date(),
  format: OwnDataFormat = "json",
): Promise<Outcome<{ data: OwnDataExport }>> {
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: {
      email: true,
      name: true,
      role: true,
      active: true,
      regionCode: true,
      createdAt: true,
      updatedAt: true,
      lastSignInAt: true,
      totpEnabledAt: true,
      memberId: true,
      chapter: { select: { name: true, code: true } },
      sessions: { select: { createdAt: true, expiresAt: true }, orderBy: { createdAt: "desc" } },
      tokens: { select: { kind: true, createdAt: true, expiresAt: true, usedAt: true }, orderBy: { createdAt: "desc" } },
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
      notifications: {
        select: { kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      },
      notificationPrefs: { select: { kind: true, email: true } },
      outboxMessages: {
        select: { kind: true, toAddress: true, subject: true, status: true, createdAt: true, sentAt: true },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      },
    },
  });
  if (!user) return notFound();
  const memberId = user.memberId;
  const member = memberId ? await collectMember(memberId) : null;
  const auditLog = await collectAudit(actor.userId, memberId);

  const data: OwnDataExport = {
    about: {
      title: t("ownData.about.title"),
      law: t("ownData.about.law"),
      generatedAt: now,
      timeZone: actor.timeZone,
      note: t("ownData.about.note"),
      leftOut: [
        t("ownData.leftOut.secrets"),
        t("ownData.leftOut.residents"),
        t("ownData.leftOut.photos"),
        t("ownData.leftOut.coActivities"),
        t("ownData.leftOut.audit", { max: OWN_AUDIT_LIMIT }),
        t("ownData.leftOut.boardWork"),
        t("ownData.leftOut.applications"),
        t("ownData.leftOut.kk"),
        t("ownData.leftOut.notifications"),
      ],
    },
    account: {
      email: user.email,
      name: user.name,
      role: user.role,
      active: user.active,
      chapter: user.chapter,
      regionCode: user.regionCode,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      lastSignInAt: user.lastSignInAt,
      secondFactorEnabledAt: user.totpEnabledAt,
      recoveryCodesUnused: user._count.recoveryCodes,
      sessions: user.sessions.map((s) => ({ startedAt: s.createdAt, expiresAt: s.expiresAt })),
      accountLinks: user.tokens,
      notifications: user.notifications,
      notificationPreferences: preferenceRows(actor, user.notificationPrefs),
      notificationEmails: user.outboxMessages,
    },
    member,
    auditLog,
  };

  await recordAudit({
    actorId: actor.userId,
    chapterId: actor.chapterId,
    action: "privacy.ownData.export",
    entityType: "User",
    entityId: actor.userId,
    after: { format },
  });
  return ok({ data });
}

/** The download: the JSON (pretty-printed, dates ISO) or the workbook, with its Indonesian file name. */
export async function ownDataFile(
  actor: Actor,
  format: OwnDataFormat,
  now = new Date(),
): Promise<Outcome<{ body: string | Buffer; fileName: string }>> {
  const collected = await collectOwnData(actor, now, format);
  if (!collected.ok) return collected;
  const { data } = collected;
  const person = data.member?.record.fullName ?? data.account.name;
  const base = t("ownData.fileName", { name: fileSlug(person), date: isoCalendarDate(now, actor.timeZone) });
  const body = format === "json" ? `${JSON.stringify(data, null, 2)}\n` : await ownDataXlsx(data);
  return ok({ body, fileName: `${base}.${format}` });
}

/** The email choice for every kind the person can receive (and any they set earlier), defaults marked. */
function preferenceRows(actor: Actor, stored: { kind: NotificationKind; email: boolean }[]) {
  const chosen = new Map(stored.map((p) => [p.kind, p.email]));
  const kinds = [...new Set([...kindsFor(actor), ...chosen.keys()])];
  return kinds.map((kind) => ({ kind, email: chosen.get(kind) ?? true, chosen: chosen.has(kind) }));
}

/** A name as it goes into a file name: "Utin Nurhasanah" -> "utin-nurhasanah". */
export function fileSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || t("ownData.fileNameFallback");
}

async function collectMember(memberId: string): Promise<OwnMemberData | null> {
  const m = await db.member.findUnique({
    where: { id: memberId },
    select: {
      fullName: true,
      nik: true,
      sex: true,
      birthDate: true,
      phone: true,
      email: true,
      address: true,
      status: true,
      statusDate: true,
      joinDate: true,
      memberNumber: true,
      membershipType: true,
      skPsmNumber: true,
      skPsmDate: true,
      basicBimtekDate: true,
      photoFile: true,
      consentAt: true,
      consentVersion: true,
      createdAt: true,
      updatedAt: true,
      chapter: { select: { name: true, code: true } },
      village: { select: { code: true, name: true, parent: { select: { code: true, name: true } } } },
      cards: {
        select: { issuedAt: true, validUntil: true, candidate: true, revokedAt: true, revokedReason: true },
        orderBy: { issuedAt: "desc" },
      },
      positionHoldings: {
        select: {
          startDate: true,
          endDate: true,
          skNumber: true,
          skDate: true,
          endReason: true,
          endNote: true,
          period: { select: { name: true, startDate: true, endDate: true, status: true } },
          position: { select: { title: true, kind: true, bidang: true, district: { select: { name: true } } } },
        },
        orderBy: { startDate: "desc" },
      },
      trainingParticipations: {
        select: {
          attendance: true,
          hoursAttended: true,
          result: true,
          score: true,
          event: {
            select: {
              startDate: true,
              endDate: true,
              place: true,
              hours: true,
              course: { select: { name: true, kind: true, organiser: true } },
            },
          },
        },
        orderBy: { event: { startDate: "desc" } },
      },
      externalTrainings: {
        select: { title: true, kind: true, organiser: true, startDate: true, endDate: true, hours: true },
        orderBy: { startDate: "desc" },
      },
      certificates: {
        select: { title: true, number: true, issuer: true, issuedOn: true, expiresOn: true, file: true },
        orderBy: { issuedOn: "desc" },
      },
      competencies: {
        select: { level: true, source: true, acquiredOn: true, competency: { select: { name: true } } },
        orderBy: { acquiredOn: "desc" },
      },
      serviceCertificates: {
        select: { number: true, periodStart: true, periodEnd: true, issuedAt: true, figures: true },
        orderBy: { issuedAt: "desc" },
      },
      coordinatedProgrammes: { select: { name: true, startDate: true, endDate: true }, orderBy: { startDate: "desc" } },
      programmeAssignments: {
        select: { programme: { select: { name: true, startDate: true, endDate: true } } },
        orderBy: { programme: { startDate: "desc" } },
      },
    },
  });
  if (!m) return null;

  const [logged, joined, signature, applications, duplicates, statusRows] = await Promise.all([
    db.activity.findMany({ where: { memberId }, select: activitySelect, orderBy: [{ date: "desc" }, { createdAt: "desc" }] }),
    db.activity.findMany({
      where: { volunteers: { some: { memberId } }, NOT: { memberId } },
      select: activitySelect,
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    }),
    db.chapter.count({ where: { signatureMemberId: memberId, signatureFile: { not: null } } }),
    db.memberApplication.findMany({
      where: { nik: m.nik },
      select: { createdAt: true, consentAt: true, consentVersion: true, chapter: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
    }),
    db.memberDuplicateFlag.findMany({
      where: { OR: [{ memberId }, { otherMemberId: memberId }] },
      select: { createdAt: true, status: true, resolvedAt: true },
      orderBy: { createdAt: "desc" },
    }),
    db.auditLog.findMany({
      where: {
        entityType: "Member",
        entityId: memberId,
        action: { in: ["member.create", "member.status", "member.update", "member.merge"] },
      },
      select: { at: true, before: true, after: true },
      orderBy: { at: "desc" },
    }),
  ]);

  const activities = [...logged.map((a) => activityRow(a, "logged")), ...joined.map((a) => activityRow(a, "joined"))].sort((a, b) =>
    b.date.localeCompare(a.date),
  );

  return {
    record: {
      chapter: m.chapter,
      memberNumber: m.memberNumber,
      fullName: m.fullName,
      nik: m.nik,
      sex: m.sex,
      birthDate: dayOf(m.birthDate),
      phone: m.phone,
      email: m.email,
      address: m.address,
      village: { code: m.village.code, name: m.village.name },
      district: m.village.parent,
      status: m.status,
      statusDate: dayOrNull(m.statusDate),
      joinDate: dayOf(m.joinDate),
      membershipType: m.membershipType,
      skPsmNumber: m.skPsmNumber,
      skPsmDate: dayOrNull(m.skPsmDate),
      basicBimtekDate: dayOrNull(m.basicBimtekDate),
      hasPhoto: m.photoFile !== null,
      consentAt: m.consentAt,
      consentVersion: m.consentVersion,
      signatureOnFile: signature > 0,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    },
    statusHistory: statusRows.flatMap((row) => statusChange(row)),
    cards: m.cards.map((c) => ({ ...c, validUntil: dayOf(c.validUntil) })),
    positions: m.positionHoldings.map((h) => ({
      period: h.period.name,
      periodStart: dayOf(h.period.startDate),
      periodEnd: dayOf(h.period.endDate),
      periodStatus: h.period.status,
      position: h.position.title,
      kind: h.position.kind,
      bidang: h.position.bidang,
      district: h.position.district?.name ?? null,
      startDate: dayOf(h.startDate),
      endDate: dayOrNull(h.endDate),
      skNumber: h.skNumber,
      skDate: dayOrNull(h.skDate),
      endReason: h.endReason,
      endNote: h.endNote,
    })),
    trainings: m.trainingParticipations.map((p) => ({
      course: p.event.course.name,
      kind: p.event.course.kind,
      organiser: p.event.course.organiser,
      startDate: dayOf(p.event.startDate),
      endDate: dayOf(p.event.endDate),
      place: p.event.place,
      eventHours: p.event.hours,
      attendance: p.attendance,
      hoursAttended: p.hoursAttended,
      result: p.result,
      score: p.score,
    })),
    externalTrainings: m.externalTrainings.map((e) => ({ ...e, startDate: dayOf(e.startDate), endDate: dayOf(e.endDate) })),
    certificates: m.certificates.map(({ file, ...c }) => ({
      ...c,
      issuedOn: dayOf(c.issuedOn),
      expiresOn: dayOrNull(c.expiresOn),
      hasScan: file !== null,
    })),
    competencies: m.competencies.map((c) => ({
      name: c.competency.name,
      level: c.level,
      source: c.source,
      acquiredOn: dayOf(c.acquiredOn),
    })),
    serviceCertificates: m.serviceCertificates.map((s) => ({
      number: s.number,
      periodStart: dayOf(s.periodStart),
      periodEnd: dayOf(s.periodEnd),
      issuedAt: s.issuedAt,
      ...frozenFigures(s.figures),
    })),
    programmes: [
      ...m.coordinatedProgrammes.map((p) => ({ ...programmeDays(p), role: "coordinator" as const })),
      ...m.programmeAssignments.map((a) => ({ ...programmeDays(a.programme), role: "volunteer" as const })),
    ],
    activities,
    applications: applications.map((a) => ({
      chapter: a.chapter.name,
      createdAt: a.createdAt,
      consentAt: a.consentAt,
      consentVersion: a.consentVersion,
    })),
    duplicateChecks: duplicates,
  };
}

const activitySelect = {
  date: true,
  startTime: true,
  endTime: true,
  durationMinutes: true,
  rt: true,
  rw: true,
  households: true,
  people: true,
  narrative: true,
  latitude: true,
  longitude: true,
  status: true,
  returnReason: true,
  submittedAt: true,
  verifiedAt: true,
  type: { select: { name: true } },
  programme: { select: { name: true } },
  village: { select: { name: true, parent: { select: { name: true } } } },
  _count: { select: { photos: true, followUpsOpened: true, followUpUpdates: true } },
} as const;

type ActivityRow = {
  date: Date;
  startTime: string | null;
  endTime: string | null;
  durationMinutes: number;
  rt: string | null;
  rw: string | null;
  households: number;
  people: number;
  narrative: string | null;
  latitude: number | null;
  longitude: number | null;
  status: string;
  returnReason: string | null;
  submittedAt: Date | null;
  verifiedAt: Date | null;
  type: { name: string };
  programme: { name: string } | null;
  village: { name: string; parent: { name: string } | null };
  _count: { photos: number; followUpsOpened: number; followUpUpdates: number };
};

/** One activity; on one they only joined, the narrative and the location are another volunteer's. */
function activityRow(a: ActivityRow, role: "logged" | "joined"): OwnMemberData["activities"][number] {
  const own = role === "logged";
  return {
    role,
    date: dayOf(a.date),
    startTime: a.startTime,
    endTime: a.endTime,
    durationMinutes: a.durationMinutes,
    type: a.type.name,
    programme: a.programme?.name ?? null,
    village: a.village.name,
    district: a.village.parent?.name ?? "",
    rt: a.rt,
    rw: a.rw,
    households: a.households,
    people: a.people,
    status: a.status,
    returnReason: a.returnReason,
    submittedAt: a.submittedAt,
    verifiedAt: a.verifiedAt,
    narrative: own ? a.narrative : null,
    latitude: own ? a.latitude : null,
    longitude: own ? a.longitude : null,
    photos: a._count.photos,
    followUpsOpened: a._count.followUpsOpened,
    followUpsUpdated: a._count.followUpUpdates,
  };
}

function programmeDays(p: { name: string; startDate: Date; endDate: Date }) {
  return { name: p.name, startDate: dayOf(p.startDate), endDate: dayOf(p.endDate) };
}

/** The figures frozen on a certificate of service (zeros if the stored payload cannot be read). */
function frozenFigures(stored: string) {
  try {
    const f = (JSON.parse(stored) as { figures?: Record<string, unknown> }).figures ?? {};
    const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);
    return { hours: num(f.hours), activities: num(f.activities), people: num(f.people), trainingHours: num(f.trainingHours) };
  } catch {
    return { hours: 0, activities: 0, people: 0, trainingHours: 0 };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === "object" && !Array.isArray(value);

function parseJson(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

const asDay = (value: unknown): CalendarDay | null =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;

/** A status change of the member record, from an audit entry whose "after" sets a status. */
function statusChange(row: { at: Date; before: string | null; after: string | null }): OwnMemberData["statusHistory"] {
  const after = parseJson(row.after);
  if (typeof after.status !== "string") return [];
  const before = parseJson(row.before);
  return [
    {
      recordedAt: row.at,
      status: after.status,
      previousStatus: typeof before.status === "string" ? before.status : null,
      effectiveDate: asDay(after.statusDate) ?? asDay(after.joinDate),
      reason: typeof after.reason === "string" ? after.reason : null,
    },
  ];
}

/** The newest audit entries the user made or that are about their account or member record. */
async function collectAudit(userId: string, memberId: string | null): Promise<OwnDataExport["auditLog"]> {
  const rows = await db.auditLog.findMany({
    where: {
      OR: [
        { actorId: userId },
        { entityType: "User", entityId: userId },
        ...(memberId ? [{ entityType: "Member", entityId: memberId }] : []),
      ],
    },
    select: { at: true, action: true, entityType: true, entityId: true, actorId: true },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: OWN_AUDIT_LIMIT + 1,
  });
  const aboutYou = (entityType: string, entityId: string) =>
    (entityType === "User" && entityId === userId) || (memberId !== null && entityType === "Member" && entityId === memberId);
  return {
    limit: OWN_AUDIT_LIMIT,
    truncated: rows.length > OWN_AUDIT_LIMIT,
    entries: rows.slice(0, OWN_AUDIT_LIMIT).map((r) => ({
      at: r.at,
      action: r.action,
      actionLabel: auditActionLabel(r.action),
      entityType: r.entityType,
      entityLabel: auditEntityLabel(r.entityType),
      entityId: r.entityId,
      byYou: r.actorId === userId,
      aboutYou: aboutYou(r.entityType, r.entityId),
    })),
  };
}
