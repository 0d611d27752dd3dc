// "Unduh data saya" (UU 27/2022 right of access, issue 17): everything the portal holds about one
// signed-in person, as a readable workbook with one sheet per section and Indonesian headers. The
// same plain object is the JSON download, so its types live here (docs/decisions/017): coded
// values stay codes (turned into labels only in the sheets), calendar dates are "YYYY-MM-DD"
// strings and moments are Dates (ISO in the JSON, the chapter's time zone in the sheets).
import { t, type MessageKey } from "~/i18n/index";
import {
  activityStatusLabel,
  attendanceLabel,
  competencySourceLabel,
  courseKindLabel,
  holdingEndReasonLabel,
  levelLabel,
  memberStatusLabel,
  organiserLabel,
  periodStatusLabel,
  positionKindLabel,
  resultLabel,
  roleLabel,
} from "~/i18n/labels";
import { formatDateShort, formatTime, zoneAbbreviation } from "~/utils/format";
import {
  addFacts,
  addTable,
  calendarCell,
  newWorkbook,
  safeText,
  workbookBytes,
  type XlsxColumn,
  type XlsxFact,
  type XlsxValue,
} from "./kit";

/** A calendar date, "YYYY-MM-DD". */
export type CalendarDay = string;

export type OwnAccountData = {
  email: string;
  name: string;
  /** admin | volunteer | dinsos */
  role: string;
  active: boolean;
  chapter: { name: string; code: string };
  /** a Dinas Sosial login's region code */
  regionCode: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastSignInAt: Date | null;
  /** when the second factor (an authenticator app) was turned on; never its secret */
  secondFactorEnabledAt: Date | null;
  /** recovery codes of the second factor not used yet (never the codes) */
  recoveryCodesUnused: number;
  sessions: { startedAt: Date; expiresAt: Date }[];
  /** invitation and password-reset links made for the account (never the token) */
  accountLinks: { kind: string; createdAt: Date; expiresAt: Date; usedAt: Date | null }[];
  /** the person's own notifications in the portal (decision 029), newest first */
  notifications: { kind: string; title: string; body: string; link: string; createdAt: Date; readAt: Date | null }[];
  /** per kind they can receive: also by email (true) or in the portal only; `chosen` = they set it (else the default) */
  notificationPreferences: { kind: string; email: boolean; chosen: boolean }[];
  /** the notification emails written for them: address, subject, delivery (the text is the notification's) */
  notificationEmails: { kind: string; toAddress: string; subject: string; status: string; createdAt: Date; sentAt: Date | null }[];
};

export type OwnMemberRecord = {
  chapter: { name: string; code: string };
  memberNumber: string | null;
  fullName: string;
  /** whole: it is the person's own */
  nik: string;
  /** L | P */
  sex: string;
  birthDate: CalendarDay;
  phone: string | null;
  email: string | null;
  address: string;
  village: { code: string; name: string };
  district: { code: string; name: string } | null;
  status: string;
  statusDate: CalendarDay | null;
  joinDate: CalendarDay;
  /** biasa | kehormatan */
  membershipType: string;
  skPsmNumber: string | null;
  skPsmDate: CalendarDay | null;
  basicBimtekDate: CalendarDay | null;
  /** whether a card photo is stored (the photo itself is not in the file) */
  hasPhoto: boolean;
  /** when the person agreed to the privacy notice, and its version */
  consentAt: Date | null;
  consentVersion: string | null;
  /** whether the person's signature is stored for the chapter's cards (as its Ketua) */
  signatureOnFile: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type OwnMemberData = {
  record: OwnMemberRecord;
  statusHistory: {
    recordedAt: Date;
    status: string;
    previousStatus: string | null;
    effectiveDate: CalendarDay | null;
    reason: string | null;
  }[];
  cards: { issuedAt: Date; validUntil: CalendarDay; candidate: boolean; revokedAt: Date | null; revokedReason: string | null }[];
  positions: {
    period: string;
    periodStart: CalendarDay;
    periodEnd: CalendarDay;
    periodStatus: string;
    position: string;
    kind: string;
    bidang: string | null;
    district: string | null;
    startDate: CalendarDay;
    endDate: CalendarDay | null;
    skNumber: string | null;
    skDate: CalendarDay | null;
    endReason: string | null;
    endNote: string | null;
  }[];
  trainings: {
    course: string;
    kind: string;
    organiser: string;
    startDate: CalendarDay;
    endDate: CalendarDay;
    place: string;
    eventHours: number;
    attendance: string | null;
    hoursAttended: number | null;
    result: string | null;
    score: number | null;
  }[];
  externalTrainings: { title: string; kind: string; organiser: string; startDate: CalendarDay; endDate: CalendarDay; hours: number }[];
  certificates: { title: string; number: string; issuer: string; issuedOn: CalendarDay; expiresOn: CalendarDay | null; hasScan: boolean }[];
  competencies: { name: string; level: string; source: string; acquiredOn: CalendarDay }[];
  serviceCertificates: {
    number: string;
    periodStart: CalendarDay;
    periodEnd: CalendarDay;
    issuedAt: Date;
    hours: number;
    activities: number;
    people: number;
    trainingHours: number;
  }[];
  programmes: { name: string; role: "coordinator" | "volunteer"; startDate: CalendarDay; endDate: CalendarDay }[];
  activities: {
    /** logged: the person logged it; joined: a co-volunteer on someone else's */
    role: "logged" | "joined";
    date: CalendarDay;
    startTime: string | null;
    endTime: string | null;
    durationMinutes: number;
    type: string;
    programme: string | null;
    village: string;
    district: string;
    rt: string | null;
    rw: string | null;
    households: number;
    people: number;
    status: string;
    returnReason: string | null;
    submittedAt: Date | null;
    verifiedAt: Date | null;
    /** the person's own text (null on activities they joined: another volunteer wrote it) */
    narrative: string | null;
    /** the phone's location when the person logged it (null on activities they joined) */
    latitude: number | null;
    longitude: number | null;
    photos: number;
    followUpsOpened: number;
    followUpsUpdated: number;
  }[];
  /** applications to join still waiting under the person's NIK */
  applications: { chapter: string; createdAt: Date; consentAt: Date; consentVersion: string | null }[];
  /** the board's checks of a possible double registration (the other record is not named) */
  duplicateChecks: { createdAt: Date; status: string; resolvedAt: Date | null }[];
};

export type OwnAuditEntry = {
  at: Date;
  action: string;
  actionLabel: string;
  entityType: string;
  entityLabel: string;
  entityId: string;
  /** the person did it */
  byYou: boolean;
  /** it is about the person's account or member record */
  aboutYou: boolean;
};

/** Everything the portal holds about one person: the JSON download and the workbook's input. */
export type OwnDataExport = {
  about: {
    title: string;
    law: string;
    generatedAt: Date;
    /** the chapter's IANA time zone: the sheets show moments in it */
    timeZone: string;
    note: string;
    leftOut: string[];
  };
  account: OwnAccountData;
  /** null for an account without a member (an administrator, a Dinas Sosial officer) */
  member: OwnMemberData | null;
  auditLog: { limit: number; truncated: boolean; entries: OwnAuditEntry[] };
};

const notificationKindLabel = (kind: string) => t(`notifications.kind.${kind}` as MessageKey);
const yesNo = (value: boolean) => t(value ? "ownData.yes" : "ownData.no");
const day = (value: CalendarDay | null): Date | null => (value ? calendarCell(value) : null);
const text = (value: string | null | undefined) => safeText(value);
const col = (key: MessageKey, width: number, format?: XlsxColumn["format"]): XlsxColumn => ({ header: t(key), width, format });

/** The workbook's bytes: a sheet per section; the member's sheets only when there is a member. */
export async function ownDataXlsx(data: OwnDataExport): Promise<Buffer> {
  const tz = data.about.timeZone;
  const moment = (value: Date | null): string => (value ? `${formatDateShort(value, tz)} ${formatTime(value, tz)}` : "");
  const zone = zoneAbbreviation(tz);
  const workbook = newWorkbook(data.about.title);

  addFacts(
    workbook,
    t("ownData.sheet.about"),
    [
      [t("ownData.col.title"), data.about.title],
      [t("ownData.col.law"), data.about.law],
      [t("ownData.col.generatedAt"), `${moment(data.about.generatedAt)} ${zone}`],
      [t("ownData.col.timeZone"), `${tz} (${zone})`],
      [t("ownData.col.note"), data.about.note],
      ...data.about.leftOut.map((line): XlsxFact => [t("ownData.col.leftOut"), line]),
    ],
    [22, 100],
    undefined,
    { wrap: true },
  );

  const account = data.account;
  addFacts(workbook, t("ownData.sheet.account"), [
    [t("ownData.col.email"), account.email],
    [t("ownData.col.name"), text(account.name)],
    [t("ownData.col.role"), roleLabel(account.role)],
    [t("ownData.col.active"), yesNo(account.active)],
    [t("ownData.col.chapter"), `${account.chapter.name} (${account.chapter.code})`],
    [t("ownData.col.region"), account.regionCode ?? ""],
    [t("ownData.col.createdAt"), moment(account.createdAt)],
    [t("ownData.col.updatedAt"), moment(account.updatedAt)],
    [t("ownData.col.lastSignIn"), moment(account.lastSignInAt)],
    [t("ownData.col.secondFactor"), moment(account.secondFactorEnabledAt)],
    [t("ownData.col.recoveryCodes"), account.recoveryCodesUnused, "count"],
  ]);
  addTable(
    workbook,
    t("ownData.sheet.sessions"),
    [col("ownData.col.started", 20), col("ownData.col.expires", 20)],
    account.sessions.map((s) => [moment(s.startedAt), moment(s.expiresAt)]),
  );
  addTable(
    workbook,
    t("ownData.sheet.links"),
    [col("ownData.col.kind", 24), col("ownData.col.createdAt", 20), col("ownData.col.validUntil", 20), col("ownData.col.used", 20)],
    account.accountLinks.map((l) => [
      t(`ownData.link.${l.kind}` as MessageKey),
      moment(l.createdAt),
      moment(l.expiresAt),
      moment(l.usedAt),
    ]),
  );

  addTable(
    workbook,
    t("ownData.sheet.notifications"),
    [
      col("ownData.col.createdAt", 20),
      col("ownData.col.kind", 30),
      col("ownData.col.title", 34),
      col("ownData.col.text", 60),
      col("ownData.col.link", 30),
      col("ownData.col.readAt", 20),
    ],
    account.notifications.map((n) => [
      moment(n.createdAt),
      notificationKindLabel(n.kind),
      text(n.title),
      text(n.body),
      text(n.link),
      moment(n.readAt),
    ]),
  );
  addTable(
    workbook,
    t("ownData.sheet.notificationPreferences"),
    [col("ownData.col.kind", 40), col("ownData.col.byEmail", 14), col("ownData.col.chosen", 16)],
    account.notificationPreferences.map((p) => [notificationKindLabel(p.kind), yesNo(p.email), yesNo(p.chosen)]),
  );
  addTable(
    workbook,
    t("ownData.sheet.notificationEmails"),
    [
      col("ownData.col.createdAt", 20),
      col("ownData.col.kind", 30),
      col("ownData.col.email", 30),
      col("ownData.col.subject", 40),
      col("ownData.col.status", 16),
      col("ownData.col.sentAt", 20),
    ],
    account.notificationEmails.map((e) => [
      moment(e.createdAt),
      notificationKindLabel(e.kind),
      text(e.toAddress),
      text(e.subject),
      t(`notifications.outbox.status.${e.status}` as MessageKey),
      moment(e.sentAt),
    ]),
  );

  if (data.member) addMemberSheets(workbook, data.member, moment);

  addTable(
    workbook,
    t("ownData.sheet.audit"),
    [
      col("ownData.col.at", 20),
      col("ownData.col.action", 34),
      col("ownData.col.entity", 22),
      col("ownData.col.entityId", 28),
      col("ownData.col.byYou", 10),
      col("ownData.col.aboutYou", 12),
    ],
    [
      ...data.auditLog.entries.map((e): XlsxValue[] => [
        moment(e.at),
        e.actionLabel,
        e.entityLabel,
        e.entityId,
        yesNo(e.byYou),
        yesNo(e.aboutYou),
      ]),
      ...(data.auditLog.truncated ? [[t("ownData.truncated", { max: data.auditLog.limit })]] : []),
    ],
  );
  return workbookBytes(workbook);
}

function addMemberSheets(workbook: ReturnType<typeof newWorkbook>, member: OwnMemberData, moment: (value: Date | null) => string) {
  const r = member.record;
  addFacts(workbook, t("ownData.sheet.member"), [
    [t("ownData.col.chapter"), `${r.chapter.name} (${r.chapter.code})`],
    [t("ownData.col.memberNumber"), r.memberNumber ?? "", "text"],
    [t("ownData.col.fullName"), text(r.fullName)],
    [t("ownData.col.nik"), r.nik, "text"],
    [t("ownData.col.sex"), t(`member.sex.${r.sex}` as MessageKey)],
    [t("ownData.col.birthDate"), day(r.birthDate), "date"],
    [t("ownData.col.phone"), r.phone ?? "", "text"],
    [t("ownData.col.email"), r.email ?? ""],
    [t("ownData.col.address"), text(r.address)],
    [t("ownData.col.village"), `${r.village.name} (${r.village.code})`],
    [t("ownData.col.district"), r.district ? `${r.district.name} (${r.district.code})` : ""],
    [t("ownData.col.status"), memberStatusLabel(r.status)],
    [t("ownData.col.statusDate"), day(r.statusDate), "date"],
    [t("ownData.col.joinDate"), day(r.joinDate), "date"],
    [t("ownData.col.membershipType"), t(`member.type.${r.membershipType}` as MessageKey)],
    [t("ownData.col.skPsmNumber"), text(r.skPsmNumber)],
    [t("ownData.col.skPsmDate"), day(r.skPsmDate), "date"],
    [t("ownData.col.basicBimtekDate"), day(r.basicBimtekDate), "date"],
    [t("ownData.col.photo"), yesNo(r.hasPhoto)],
    [t("ownData.col.consentAt"), moment(r.consentAt)],
    [t("ownData.col.consentVersion"), r.consentVersion ?? ""],
    [t("ownData.col.signature"), yesNo(r.signatureOnFile)],
    [t("ownData.col.createdAt"), moment(r.createdAt)],
    [t("ownData.col.updatedAt"), moment(r.updatedAt)],
  ]);
  addTable(
    workbook,
    t("ownData.sheet.status"),
    [
      col("ownData.col.recordedAt", 20),
      col("ownData.col.previousStatus", 18),
      col("ownData.col.status", 18),
      col("ownData.col.effectiveDate", 14, "date"),
      col("ownData.col.reason", 50),
    ],
    member.statusHistory.map((s) => [
      moment(s.recordedAt),
      s.previousStatus ? memberStatusLabel(s.previousStatus) : "",
      memberStatusLabel(s.status),
      day(s.effectiveDate),
      text(s.reason),
    ]),
  );
  addTable(
    workbook,
    t("ownData.sheet.cards"),
    [
      col("ownData.col.issuedAt", 20),
      col("ownData.col.validUntil", 14, "date"),
      col("ownData.col.candidate", 18),
      col("ownData.col.revokedAt", 20),
      col("ownData.col.reason", 40),
    ],
    member.cards.map((c) => [moment(c.issuedAt), day(c.validUntil), yesNo(c.candidate), moment(c.revokedAt), text(c.revokedReason)]),
  );
  addTable(
    workbook,
    t("ownData.sheet.positions"),
    [
      col("ownData.col.period", 24),
      col("ownData.col.status", 12),
      col("ownData.col.position", 34),
      col("ownData.col.kind", 22),
      col("ownData.col.bidang", 18),
      col("ownData.col.district", 18),
      col("ownData.col.startDate", 12, "date"),
      col("ownData.col.endDate", 12, "date"),
      col("ownData.col.skNumber", 22),
      col("ownData.col.skDate", 12, "date"),
      col("ownData.col.endReason", 20),
      col("ownData.col.note", 30),
    ],
    member.positions.map((p) => [
      text(p.period),
      periodStatusLabel(p.periodStatus),
      text(p.position),
      positionKindLabel(p.kind),
      text(p.bidang),
      text(p.district),
      day(p.startDate),
      day(p.endDate ?? p.periodEnd),
      text(p.skNumber),
      day(p.skDate),
      p.endReason ? holdingEndReasonLabel(p.endReason) : "",
      text(p.endNote),
    ]),
  );
  addTable(
    workbook,
    t("ownData.sheet.trainings"),
    [
      col("ownData.col.course", 34),
      col("ownData.col.kind", 16),
      col("ownData.col.organiser", 16),
      col("ownData.col.startDate", 12, "date"),
      col("ownData.col.endDate", 12, "date"),
      col("ownData.col.place", 30),
      col("ownData.col.hours", 8, "hours"),
      col("ownData.col.attendance", 14),
      col("ownData.col.hoursAttended", 10, "hours"),
      col("ownData.col.result", 14),
      col("ownData.col.score", 8),
    ],
    member.trainings.map((tr) => [
      text(tr.course),
      courseKindLabel(tr.kind),
      organiserLabel(tr.organiser),
      day(tr.startDate),
      day(tr.endDate),
      text(tr.place),
      tr.eventHours,
      attendanceLabel(tr.attendance),
      tr.hoursAttended,
      resultLabel(tr.result),
      tr.score,
    ]),
  );
  addTable(
    workbook,
    t("ownData.sheet.external"),
    [
      col("ownData.col.course", 34),
      col("ownData.col.kind", 16),
      col("ownData.col.organiser", 28),
      col("ownData.col.startDate", 12, "date"),
      col("ownData.col.endDate", 12, "date"),
      col("ownData.col.hours", 8, "hours"),
    ],
    member.externalTrainings.map((e) => [
      text(e.title),
      courseKindLabel(e.kind),
      text(e.organiser),
      day(e.startDate),
      day(e.endDate),
      e.hours,
    ]),
  );
  addTable(
    workbook,
    t("ownData.sheet.certificates"),
    [
      col("ownData.col.title", 34),
      col("ownData.col.number", 22),
      col("ownData.col.issuer", 26),
      col("ownData.col.issuedOn", 12, "date"),
      col("ownData.col.expiresOn", 12, "date"),
      col("ownData.col.scan", 12),
    ],
    member.certificates.map((c) => [text(c.title), text(c.number), text(c.issuer), day(c.issuedOn), day(c.expiresOn), yesNo(c.hasScan)]),
  );
  addTable(
    workbook,
    t("ownData.sheet.competencies"),
    [
      col("ownData.col.competency", 34),
      col("ownData.col.level", 12),
      col("ownData.col.source", 18),
      col("ownData.col.acquiredOn", 12, "date"),
    ],
    member.competencies.map((c) => [text(c.name), levelLabel(c.level), competencySourceLabel(c.source), day(c.acquiredOn)]),
  );
  addTable(
    workbook,
    t("ownData.sheet.serviceCertificates"),
    [
      col("ownData.col.number", 24),
      col("ownData.col.periodStart", 12, "date"),
      col("ownData.col.periodEnd", 12, "date"),
      col("ownData.col.issuedAt", 20),
      col("ownData.col.hours", 8, "hours"),
      col("ownData.col.activities", 10, "count"),
      col("ownData.col.people", 14, "count"),
      col("ownData.col.trainingHours", 12, "hours"),
    ],
    member.serviceCertificates.map((s) => [
      s.number,
      day(s.periodStart),
      day(s.periodEnd),
      moment(s.issuedAt),
      s.hours,
      s.activities,
      s.people,
      s.trainingHours,
    ]),
  );
  addTable(
    workbook,
    t("ownData.sheet.programmes"),
    [
      col("ownData.col.programme", 36),
      col("ownData.col.programmeRole", 14),
      col("ownData.col.startDate", 12, "date"),
      col("ownData.col.endDate", 12, "date"),
    ],
    member.programmes.map((p) => [text(p.name), t(`ownData.role.${p.role}` as MessageKey), day(p.startDate), day(p.endDate)]),
  );
  addTable(
    workbook,
    t("ownData.sheet.activities"),
    [
      col("ownData.col.date", 12, "date"),
      col("ownData.col.time", 12),
      col("ownData.col.duration", 10, "count"),
      col("ownData.col.activityRole", 18),
      col("ownData.col.type", 28),
      col("ownData.col.programme", 28),
      col("ownData.col.village", 22),
      col("ownData.col.district", 20),
      col("ownData.col.rtRw", 10),
      col("ownData.col.households", 10, "count"),
      col("ownData.col.people", 12, "count"),
      col("ownData.col.status", 16),
      col("ownData.col.returnReason", 30),
      col("ownData.col.submittedAt", 18),
      col("ownData.col.verifiedAt", 18),
      col("ownData.col.narrative", 50),
      col("ownData.col.location", 22),
      col("ownData.col.photos", 8, "count"),
      col("ownData.col.followUps", 12, "count"),
      col("ownData.col.followUpUpdates", 12, "count"),
    ],
    member.activities.map((a) => [
      day(a.date),
      a.startTime ? `${a.startTime}–${a.endTime ?? ""}` : "",
      a.durationMinutes,
      t(`ownData.role.${a.role}` as MessageKey),
      text(a.type),
      text(a.programme),
      a.village,
      a.district,
      a.rt || a.rw ? `${a.rt ?? "-"}/${a.rw ?? "-"}` : "",
      a.households,
      a.people,
      activityStatusLabel(a.status),
      text(a.returnReason),
      moment(a.submittedAt),
      moment(a.verifiedAt),
      text(a.narrative),
      a.latitude !== null && a.longitude !== null ? `${a.latitude}, ${a.longitude}` : "",
      a.photos,
      a.followUpsOpened,
      a.followUpsUpdated,
    ]),
  );
  addTable(
    workbook,
    t("ownData.sheet.applications"),
    [
      col("ownData.col.chapter", 30),
      col("ownData.col.createdAt", 20),
      col("ownData.col.consentAt", 20),
      col("ownData.col.consentVersion", 16),
    ],
    member.applications.map((a) => [a.chapter, moment(a.createdAt), moment(a.consentAt), a.consentVersion ?? ""]),
  );
  addTable(
    workbook,
    t("ownData.sheet.duplicates"),
    [col("ownData.col.createdAt", 20), col("ownData.col.status", 20), col("ownData.col.resolvedAt", 20)],
    member.duplicateChecks.map((d) => [moment(d.createdAt), t(`ownData.duplicate.${d.status}` as MessageKey), moment(d.resolvedAt)]),
  );
}
