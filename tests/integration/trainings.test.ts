// Trainings and competencies against the real database: the national and the chapter's own
// catalogue, events and their participants, attendance and results (all or nothing), the
// competencies passing gives, certificates (numbers, expiry, scans), outside trainings, expiry
// windows in the chapter's time zone, the training path (basic bimtek), training hours for
// reports, and the competency matrix.
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const UPLOADS = vi.hoisted(() => {
  // Certificate scans go to a scratch folder; the env module reads UPLOADS_DIR on first use.
  const dir = `${process.env.TMPDIR ?? "/tmp"}/ipsm-certificates-${process.pid}-${Date.now()}`;
  process.env.UPLOADS_DIR = dir;
  return dir;
});

import {
  addExternalTraining,
  expiringCertificates,
  expiryCounts,
  readCertificateFile,
  saveParticipantCertificate,
} from "~/domain/trainings/certificates.server";
import { competencyMatrix, confirmCompetency } from "~/domain/trainings/competencies.server";
import { createCompetency, createCourse, ensureNationalCatalogue, listCompetencies, listCourses } from "~/domain/trainings/courses.server";
import { addParticipants, createEvent, getEvent, listEvents, recordResults } from "~/domain/trainings/events.server";
import { memberTrainingRecord, membersWithoutBasicBimtek, trainingHours } from "~/domain/trainings/record.server";
import { addDays, calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { toDateInput } from "~/validation/fields";
import type { MemberStatus } from "~/validation/members";
import {
  NATIONAL_COMPETENCIES,
  NATIONAL_COURSES,
  certificateFormSchema,
  externalTrainingSchema,
  memberCompetencySchema,
} from "~/validation/trainings";
import { buildChapter, calendarDate } from "../factories";
import {
  certificateData,
  competenciesOf,
  courseData,
  eventData,
  externalData,
  nationalCompetencyId,
  nationalCourseId,
  participantOf,
  resultRow,
  storedCertificateFiles as storedFiles,
  takePart,
  trainee,
  trainingEvent,
} from "../factories/trainings";
import { account, actorWith, boardMember, volunteer, type TestActor } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { PLACES } from "../support/timeline";

const TZ = PLACES.TZ;
const { V1002, V1003, V0401 } = PLACES;

const BIMTEK = "Bimbingan Teknis Dasar Pekerja Sosial Masyarakat";
const DTSEN = "Bimtek Pendataan dan Verifikasi Validasi DTSEN";
const DIKLAT = "Diklat Pendampingan Sosial (Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial)";
const SERTIFIKASI = "Sertifikasi Kompetensi Pekerja Sosial Masyarakat (LSP Kemensos)";

const PENDATAAN = "Pendataan dan verval DTSEN";
const ASESMEN = "Asesmen PPKS";
const PENDAMPINGAN = "Pendampingan dan rujukan";
const BENCANA = "Penanganan bencana";

const MSG = {
  courseTaken: "Pelatihan dengan nama ini sudah ada di katalog.",
  competency: "Pilih kompetensi dari daftar.",
  competencyTaken: "Kompetensi dengan nama ini sudah ada.",
  course: "Pilih pelatihan dari katalog.",
  notRegistrable: "Hanya anggota aktif atau calon anggota cabang ini yang dapat didaftarkan.",
  noMembers: "Pilih paling sedikit satu anggota.",
  eventMissing: "Kegiatan pelatihan tidak ditemukan.",
  notParticipant: "Anggota ini tidak terdaftar sebagai peserta kegiatan ini.",
  hoursWhenAbsent: "Peserta yang tidak hadir tidak memiliki jam diikuti.",
  passedWhenAbsent: "Peserta yang tidak hadir tidak dapat dinyatakan lulus.",
  notPassed: "Sertifikat hanya dicatat untuk peserta yang lulus.",
  expiryBeforeIssue: "Tanggal berakhir sertifikat tidak boleh sebelum tanggal terbitnya.",
  fileType: "Berkas harus berupa PDF, JPG atau PNG.",
  fileMissing: "Pilih berkas terlebih dahulu.",
  numberForFile: "Isi nomor sertifikat untuk berkas yang diunggah.",
  certificateTaken: (name: string) => `Nomor sertifikat ini sudah tercatat untuk ${name}.`,
  capacity: (capacity: number, free: number) => `Kapasitas kegiatan ${capacity} peserta; tersisa ${free} tempat.`,
  hoursAbove: (hours: string) => `Jam diikuti tidak boleh lebih dari jam pelatihan (${hours} jam).`,
};

const encode = (text: string) => new TextEncoder().encode(text);
const upload = (bytes: Uint8Array) => ({ bytes, size: bytes.length });
const storedCertificateFiles = () => storedFiles(UPLOADS);
const PDF = encode("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const EXE = encode("MZ\u0090\u0000 This program cannot be run in DOS mode.");

let chapterId: string;
let otherChapterId: string;
/** The Sekretaris of the chapter (Kota Pontianak), who records its trainings. */
let sekretaris: TestActor;
/** The administrator, working in another chapter (Kubu Raya). */
let theirAdmin: TestActor;

afterAll(async () => {
  await rm(UPLOADS, { recursive: true, force: true });
});

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "TRA", name: "IPSM Kota Pontianak" })).id;
  otherChapterId = (await buildChapter({ code: "TRB", name: "IPSM Kabupaten Kubu Raya", regionCode: "61.12" })).id;
  sekretaris = await boardMember(chapterId, "sekretaris", { email: "sekretaris@trainings.test", name: "Sekretaris Pelatihan" });
  theirAdmin = await account(otherChapterId, "admin");
});

// ---------------------------------------------------------------------------------------------

describe("the course catalogue", () => {
  let ownCompetencyId: string;
  let theirCompetencyId: string;

  it("loads the national competencies and courses once, however often it is asked", async () => {
    await ensureNationalCatalogue();
    await ensureNationalCatalogue();
    const competencies = await db.competency.findMany({
      where: { chapterId: null },
      orderBy: { sortOrder: "asc" },
      select: { name: true },
    });
    expect(competencies.map((c) => c.name)).toEqual([...NATIONAL_COMPETENCIES]);
    expect(competencies).toHaveLength(7);
    const courses = await db.course.findMany({
      where: { chapterId: null },
      select: {
        name: true,
        kind: true,
        organiser: true,
        hours: true,
        issuesCertificate: true,
        certificateValidityYears: true,
        competencies: { select: { level: true, competency: { select: { name: true } } } },
      },
    });
    expect(courses.map((c) => c.name).sort()).toEqual(NATIONAL_COURSES.map((c) => c.name).sort());
    expect(courses).toHaveLength(4);
    const certification = courses.find((c) => c.name === SERTIFIKASI)!;
    expect(certification).toMatchObject({
      kind: "sertifikasi",
      organiser: "lsp",
      hours: 8,
      issuesCertificate: true,
      certificateValidityYears: 5,
    });
    expect(certification.competencies.map((c) => [c.competency.name, c.level]).sort()).toEqual([
      [ASESMEN, "menengah"],
      [PENDAMPINGAN, "menengah"],
    ]);
    const basic = courses.find((c) => c.name === BIMTEK)!;
    expect(basic).toMatchObject({ kind: "bimtek_dasar", hours: 24, certificateValidityYears: null });
  });

  it("shows each chapter the national entries and its own, never another chapter's own", async () => {
    ownCompetencyId = expectOk(
      await createCompetency(sekretaris, { name: "Bahasa isyarat", description: "Komunikasi dengan penyandang disabilitas rungu" }),
    ).id;
    theirCompetencyId = expectOk(await createCompetency(theirAdmin, { name: "Penyuluhan lahan gambut", description: null })).id;
    // A name taken nationally is refused; another chapter may use a name this chapter uses.
    expect(expectInvalid(await createCompetency(sekretaris, { name: ASESMEN, description: null }))).toEqual({
      name: MSG.competencyTaken,
    });
    expect(expectInvalid(await createCompetency(sekretaris, { name: "Bahasa isyarat", description: null }))).toEqual({
      name: MSG.competencyTaken,
    });
    expectOk(await createCompetency(theirAdmin, { name: "Bahasa isyarat", description: null }));

    const ownCourse = expectOk(
      await createCourse(sekretaris, {
        data: courseData({ name: "Pelatihan Bahasa Isyarat" }),
        competencies: [{ id: ownCompetencyId, level: "dasar" }],
      }),
    ).id;
    const theirCourse = expectOk(
      await createCourse(theirAdmin, {
        data: courseData({ name: "Pelatihan Lahan Gambut" }),
        competencies: [{ id: theirCompetencyId, level: "menengah" }],
      }),
    ).id;

    const courses = await listCourses(sekretaris);
    const names = courses.map((c) => c.name);
    for (const course of NATIONAL_COURSES) expect(names).toContain(course.name);
    expect(courses.map((c) => c.id)).toContain(ownCourse);
    expect(courses.map((c) => c.id)).not.toContain(theirCourse);
    // National ones first.
    expect(courses.slice(0, 4).every((c) => c.chapterId === null)).toBe(true);
    expect(courses.find((c) => c.id === ownCourse)!.competencies).toEqual([
      { level: "dasar", competency: { id: ownCompetencyId, name: "Bahasa isyarat" } },
    ]);

    const theirCourses = await listCourses(theirAdmin);
    expect(theirCourses.map((c) => c.id)).toContain(theirCourse);
    expect(theirCourses.map((c) => c.id)).not.toContain(ownCourse);
    expect(theirCourses.filter((c) => c.chapterId === null)).toHaveLength(4);

    const competencies = await listCompetencies(sekretaris);
    expect(competencies.filter((c) => c.chapterId === null).map((c) => c.name)).toEqual([...NATIONAL_COMPETENCIES]);
    expect(competencies.filter((c) => c.chapterId !== null).map((c) => c.id)).toEqual([ownCompetencyId]);
    expect((await listCompetencies(theirAdmin)).map((c) => c.id)).toContain(theirCompetencyId);
    expect(competencies.map((c) => c.id)).not.toContain(theirCompetencyId);
  });

  it("createCourse refuses a name already in the catalogue and unknown competencies, saving nothing", async () => {
    const before = await db.course.count();
    expect(
      expectInvalid(await createCourse(sekretaris, { data: courseData({ name: "Pelatihan Bahasa Isyarat" }), competencies: [] })),
    ).toEqual({
      name: MSG.courseTaken,
    });
    expect(expectInvalid(await createCourse(sekretaris, { data: courseData({ name: BIMTEK }), competencies: [] }))).toEqual({
      name: MSG.courseTaken,
    });
    expect(
      expectInvalid(
        await createCourse(sekretaris, {
          data: courseData({ name: "Pelatihan Baru" }),
          competencies: [{ id: theirCompetencyId, level: "dasar" }],
        }),
      ),
    ).toEqual({ competencies: MSG.competency });
    expect(
      expectInvalid(
        await createCourse(sekretaris, {
          data: courseData({ name: "Pelatihan Baru" }),
          competencies: [
            { id: ownCompetencyId, level: "dasar" },
            { id: "kompetensi-yang-tidak-ada", level: "dasar" },
          ],
        }),
      ),
    ).toEqual({ competencies: MSG.competency });
    expect(await db.course.count()).toBe(before);
    expect(await db.course.count({ where: { name: "Pelatihan Baru" } })).toBe(0);

    // Another chapter may have a course of the same name as this chapter's own.
    expectOk(await createCourse(theirAdmin, { data: courseData({ name: "Pelatihan Bahasa Isyarat" }), competencies: [] }));
    expect(await db.course.count({ where: { name: "Pelatihan Bahasa Isyarat" } })).toBe(2);
  });

  it("createCourse stores the course with its competencies at their levels and audits it", async () => {
    const bencana = await nationalCompetencyId(BENCANA);
    const created = expectOk(
      await createCourse(sekretaris, {
        data: courseData({
          name: "Pelatihan Penanganan Banjir",
          kind: "diklat",
          organiser: "mitra",
          hours: "20",
          issuesCertificate: "on",
          certificateValidityYears: "3",
        }),
        competencies: [
          { id: bencana, level: "mahir" },
          { id: ownCompetencyId, level: "menengah" },
        ],
      }),
    );
    const course = await db.course.findUniqueOrThrow({
      where: { id: created.id },
      select: {
        chapterId: true,
        kind: true,
        organiser: true,
        hours: true,
        issuesCertificate: true,
        certificateValidityYears: true,
        competencies: { select: { competencyId: true, level: true } },
      },
    });
    expect(course).toMatchObject({
      chapterId,
      kind: "diklat",
      organiser: "mitra",
      hours: 20,
      issuesCertificate: true,
      certificateValidityYears: 3,
    });
    expect(course.competencies.sort((a, b) => a.level.localeCompare(b.level))).toEqual([
      { competencyId: bencana, level: "mahir" },
      { competencyId: ownCompetencyId, level: "menengah" },
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "training.course.create", entityId: created.id } });
    expect(audit).toMatchObject({ actorId: sekretaris.userId, chapterId, entityType: "Course" });
    expect(JSON.parse(audit.after!)).toMatchObject({ name: "Pelatihan Penanganan Banjir", hours: 20 });
  });
});

// ---------------------------------------------------------------------------------------------

describe("events and participants", () => {
  let bimtek: string;
  let a: string;
  let b: string;
  let c: string;
  let d: string;

  beforeAll(async () => {
    bimtek = await nationalCourseId(BIMTEK);
    a = await trainee(chapterId, "Peserta Ani");
    b = await trainee(chapterId, "Peserta Budi");
    c = await trainee(chapterId, "Peserta Candra", { status: "calon" });
    d = await trainee(chapterId, "Peserta Dodi");
  });

  it("creates an event with the course's hours unless others are given, only from the chapter's catalogue", async () => {
    const plain = await trainingEvent(sekretaris, bimtek);
    const shorter = await trainingEvent(sekretaris, bimtek, { hours: "6,5", capacity: "30", trainers: "Drs. Hamdan, M.Si." });
    expect(await db.trainingEvent.findUniqueOrThrow({ where: { id: plain } })).toMatchObject({
      chapterId,
      courseId: bimtek,
      hours: 24,
      capacity: null,
      trainers: null,
      startDate: calendarDate(2026, 2, 10),
      endDate: calendarDate(2026, 2, 12),
    });
    expect(await db.trainingEvent.findUniqueOrThrow({ where: { id: shorter } })).toMatchObject({
      hours: 6.5,
      capacity: 30,
      trainers: "Drs. Hamdan, M.Si.",
    });
    expect(await db.auditLog.count({ where: { action: "training.event.create", entityId: plain } })).toBe(1);

    const theirCourse = await db.course.findFirstOrThrow({ where: { chapterId: otherChapterId, name: "Pelatihan Lahan Gambut" } });
    const before = await db.trainingEvent.count();
    expect(expectInvalid(await createEvent(sekretaris, eventData(theirCourse.id)))).toEqual({ courseId: MSG.course });
    expect(await db.trainingEvent.count()).toBe(before);
  });

  it("lists upcoming events (soonest first) and past ones (latest first) by the chapter's today", async () => {
    const listed = (await buildChapter({ code: "TRL", name: "IPSM Daftar Kegiatan" })).id;
    const listedAdmin = await account(listed, "admin");
    const endedYesterday = await trainingEvent(listedAdmin, bimtek, { startDate: "2026-02-28", endDate: "2026-03-01" });
    const endsToday = await trainingEvent(listedAdmin, bimtek, { startDate: "2026-03-02", endDate: "2026-03-02" });
    const later = await trainingEvent(listedAdmin, bimtek, { startDate: "2026-04-01", endDate: "2026-04-03" });
    const longAgo = await trainingEvent(listedAdmin, bimtek, { startDate: "2026-01-10", endDate: "2026-01-12" });
    const x = await trainee(listed, "Anggota Daftar Satu");
    const y = await trainee(listed, "Anggota Daftar Dua");
    expectOk(await addParticipants(listedAdmin, later, [x, y]));

    // 1 March 18:30 UTC is 2 March 01:30 in Jakarta.
    const now = new Date("2026-03-01T18:30:00Z");
    const wib = await listEvents(listedAdmin, now);
    expect(wib.upcoming.map((e) => e.id)).toEqual([endsToday, later]);
    expect(wib.past.map((e) => e.id)).toEqual([endedYesterday, longAgo]);
    expect(wib.upcoming.map((e) => e.participantCount)).toEqual([0, 2]);
    const utc = await listEvents({ ...listedAdmin, timeZone: "UTC" }, now);
    expect(utc.upcoming.map((e) => e.id)).toEqual([endedYesterday, endsToday, later]);
  });

  it("registers several members at once (active or candidate) and skips those already registered", async () => {
    const event = await trainingEvent(sekretaris, bimtek);
    expect(await addParticipants(sekretaris, event, [a, b, b])).toEqual({ ok: true, added: 2, skipped: 0 });
    expect(await addParticipants(sekretaris, event, [b, c])).toEqual({ ok: true, added: 1, skipped: 1 });
    const registered = await db.trainingParticipant.findMany({
      where: { eventId: event },
      select: { memberId: true, attendance: true, result: true },
    });
    expect(registered.map((p) => p.memberId).sort()).toEqual([a, b, c].sort());
    expect(registered.every((p) => p.attendance === null && p.result === null)).toBe(true);
    const audits = await db.auditLog.findMany({ where: { action: "training.participants.add", entityId: event } });
    expect(audits.map((x) => JSON.parse(x.after!).members.join(", ")).sort()).toEqual(["Peserta Ani, Peserta Budi", "Peserta Candra"]);
  });

  it("refuses unknown ids, another chapter's members and inactive members, registering none of the list", async () => {
    const event = await trainingEvent(sekretaris, bimtek);
    const outsider = await trainee(otherChapterId, "Anggota Kubu Raya");
    const inactive = await trainee(chapterId, "Anggota Nonaktif", { status: "nonaktif" });
    const resigned = await trainee(chapterId, "Anggota Mundur", { status: "mengundurkan_diri" });
    for (const bad of ["bukan-anggota", outsider, inactive, resigned]) {
      expect(expectInvalid(await addParticipants(sekretaris, event, [a, bad]))).toEqual({
        memberIds: MSG.notRegistrable,
      });
    }
    expect(expectInvalid(await addParticipants(sekretaris, event, []))).toEqual({ memberIds: MSG.noMembers });
    const theirEvent = await trainingEvent(theirAdmin, bimtek);
    expect(expectRefusal(await addParticipants(sekretaris, theirEvent, [a]), "notFound").message).toBe(MSG.eventMissing);
    expect(await db.trainingParticipant.count({ where: { eventId: { in: [event, theirEvent] } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "training.participants.add", entityId: event } })).toBe(0);
  });

  it("keeps to the capacity, with nothing saved when refused; the already registered do not count twice", async () => {
    const event = await trainingEvent(sekretaris, bimtek, { capacity: "3" });
    expectOk(await addParticipants(sekretaris, event, [a, b]));
    expect(expectInvalid(await addParticipants(sekretaris, event, [c, d]))).toEqual({
      memberIds: MSG.capacity(3, 1),
    });
    expect(await db.trainingParticipant.count({ where: { eventId: event } })).toBe(2);
    expect(await addParticipants(sekretaris, event, [a, c])).toEqual({ ok: true, added: 1, skipped: 1 });
    expect(expectInvalid(await addParticipants(sekretaris, event, [d]))).toEqual({
      memberIds: MSG.capacity(3, 0),
    });
    // Everyone asked for already registered: nothing new, nothing refused.
    expect(await addParticipants(sekretaris, event, [a, b, c])).toEqual({ ok: true, added: 0, skipped: 3 });
    const registered = await db.trainingParticipant.findMany({ where: { eventId: event }, select: { memberId: true } });
    expect(registered.map((p) => p.memberId).sort()).toEqual([a, b, c].sort());
  });
});

// ---------------------------------------------------------------------------------------------

describe("attendance and results", () => {
  let event: string;
  let otherEvent: string;
  let r1: string;
  let r2: string;
  let r3: string;
  let p1: string;
  let p2: string;
  let p3: string;
  let q: string;

  async function snapshot() {
    return db.trainingParticipant.findMany({
      where: { eventId: { in: [event, otherEvent] } },
      select: { id: true, attendance: true, hoursAttended: true, result: true, score: true },
      orderBy: { id: "asc" },
    });
  }
  async function untouched() {
    const rows = await snapshot();
    expect(rows).toHaveLength(4);
    expect(rows.every((p) => p.attendance === null && p.hoursAttended === null && p.result === null && p.score === null)).toBe(true);
    expect(await db.memberCompetency.count({ where: { memberId: { in: [r1, r2, r3] } } })).toBe(0);
  }

  beforeAll(async () => {
    const bimtek = await nationalCourseId(BIMTEK);
    event = await trainingEvent(sekretaris, bimtek, { startDate: "2026-02-16", endDate: "2026-02-18" });
    otherEvent = await trainingEvent(sekretaris, bimtek, { startDate: "2026-05-04", endDate: "2026-05-06" });
    r1 = await trainee(chapterId, "Hasil Rina");
    r2 = await trainee(chapterId, "Hasil Rudi");
    r3 = await trainee(chapterId, "Hasil Rosmawati");
    const r4 = await trainee(chapterId, "Hasil Rahmat");
    expectOk(await addParticipants(sekretaris, event, [r1, r2, r3]));
    expectOk(await addParticipants(sekretaris, otherEvent, [r4]));
    [p1, p2, p3, q] = await Promise.all([
      participantOf(event, r1),
      participantOf(event, r2),
      participantOf(event, r3),
      participantOf(otherEvent, r4),
    ]);
  });

  it("refuses hours above the event's, keyed by participant, and saves no row", async () => {
    const result = await recordResults(sekretaris, event, [resultRow(p1, "hadir", 24, "lulus"), resultRow(p2, "hadir", 25, "lulus")]);
    expect(expectInvalid(result)).toEqual({ [`${p2}.hoursAttended`]: MSG.hoursAbove("24") });
    await untouched();
  });

  it("refuses a result for someone not registered for this event (even if registered for another)", async () => {
    const result = await recordResults(sekretaris, event, [resultRow(p1, "hadir", null, "lulus"), resultRow(q, "hadir", null, "lulus")]);
    expect(expectInvalid(result)).toEqual({ [`${q}.result`]: MSG.notParticipant });
    await untouched();
  });

  it("refuses 'lulus' or hours for someone absent, and all rows with them", async () => {
    const result = await recordResults(sekretaris, event, [
      resultRow(p1, "hadir", null, "lulus"),
      resultRow(p2, "tidak_hadir", 3, "tidak_lulus"),
      resultRow(p3, "tidak_hadir", null, "lulus"),
    ]);
    expect(expectInvalid(result)).toEqual({ [`${p2}.hoursAttended`]: MSG.hoursWhenAbsent, [`${p3}.result`]: MSG.passedWhenAbsent });
    expect(expectRefusal(await recordResults(sekretaris, "tidak-ada", [resultRow(p1, "hadir", null, "lulus")]), "notFound").message).toBe(
      MSG.eventMissing,
    );
    expect(expectRefusal(await recordResults(theirAdmin, event, [resultRow(p1, "hadir", null, "lulus")]), "notFound").message).toBe(
      MSG.eventMissing,
    );
    await untouched();
  });

  it("records the event's hours for 'hadir' without hours, 0 for the absent, and gives those who passed the course's competencies", async () => {
    const result = await recordResults(sekretaris, event, [
      resultRow(p1, "hadir", null, "lulus", 85),
      resultRow(p2, "sebagian", 10, "tidak_lulus", 55.5),
      resultRow(p3, "tidak_hadir", null, null),
    ]);
    expect(result).toEqual({ ok: true, saved: 3, passed: 1 });
    const rows = Object.fromEntries((await snapshot()).map((r) => [r.id, r]));
    expect(rows[p1]).toMatchObject({ attendance: "hadir", hoursAttended: 24, result: "lulus", score: 85 });
    expect(rows[p2]).toMatchObject({ attendance: "sebagian", hoursAttended: 10, result: "tidak_lulus", score: 55.5 });
    expect(rows[p3]).toMatchObject({ attendance: "tidak_hadir", hoursAttended: 0, result: null, score: null });
    expect(rows[q]).toMatchObject({ attendance: null, hoursAttended: null });

    const held = await competenciesOf(r1);
    expect(Object.keys(held).sort()).toEqual([ASESMEN, PENDATAAN]);
    for (const name of [ASESMEN, PENDATAAN]) {
      expect(held[name]).toMatchObject({
        level: "dasar",
        source: "training",
        sourceId: p1,
        acquiredOn: calendarDate(2026, 2, 18),
        confirmedById: null,
      });
    }
    expect(await db.memberCompetency.count({ where: { memberId: { in: [r2, r3] } } })).toBe(0);

    const audits = await db.auditLog.findMany({ where: { action: "training.result", entityId: event } });
    expect(audits).toHaveLength(3);
    const forP1 = audits.map((x) => JSON.parse(x.after!)).find((after) => after.participantId === p1);
    expect(forP1).toEqual({ participantId: p1, attendance: "hadir", hoursAttended: 24, result: "lulus", score: 85 });
  });

  it("never lowers a level already held and raises a lower one", async () => {
    const member = await trainee(chapterId, "Hasil Bertingkat");
    const teknis = await trainingEvent(sekretaris, await nationalCourseId(DTSEN), { startDate: "2025-09-01", endDate: "2025-09-02" });
    const fromTeknis = await takePart(sekretaris, teknis, member, "hadir", null, "lulus");
    expect((await competenciesOf(member))[PENDATAAN]).toMatchObject({ level: "menengah", sourceId: fromTeknis });

    const basic = await trainingEvent(sekretaris, await nationalCourseId(BIMTEK), { startDate: "2025-10-06", endDate: "2025-10-08" });
    const fromBasic = await takePart(sekretaris, basic, member, "hadir", null, "lulus");
    let held = await competenciesOf(member);
    expect(held[PENDATAAN]).toMatchObject({
      level: "menengah",
      source: "training",
      sourceId: fromTeknis,
      acquiredOn: calendarDate(2025, 9, 2),
    });
    expect(held[ASESMEN]).toMatchObject({ level: "dasar", sourceId: fromBasic });

    const certification = await trainingEvent(sekretaris, await nationalCourseId(SERTIFIKASI), {
      startDate: "2025-11-10",
      endDate: "2025-11-10",
    });
    const fromCertification = await takePart(sekretaris, certification, member, "hadir", null, "lulus");
    held = await competenciesOf(member);
    expect(held[ASESMEN]).toMatchObject({
      level: "menengah",
      source: "training",
      sourceId: fromCertification,
      acquiredOn: calendarDate(2025, 11, 10),
    });
    expect(held[PENDAMPINGAN]).toMatchObject({ level: "menengah", sourceId: fromCertification });
    expect(held[PENDATAAN]).toMatchObject({ level: "menengah", sourceId: fromTeknis });
    expect(Object.keys(held)).toHaveLength(3);
  });

  // The message names the event's hours with their fraction (a 6,5-hour event is not "7 jam").
  it("names the event's hours with their fraction in the message (6,5 jam)", async () => {
    const short = await trainingEvent(sekretaris, await nationalCourseId(BIMTEK), { hours: "6,5" });
    const member = await trainee(chapterId, "Hasil Pecahan");
    expectOk(await addParticipants(sekretaris, short, [member]));
    const participant = await participantOf(short, member);
    const result = await recordResults(sekretaris, short, [resultRow(participant, "sebagian", 6.8, null)]);
    expect(expectInvalid(result)).toEqual({ [`${participant}.hoursAttended`]: MSG.hoursAbove("6,5") });
  });
});

// ---------------------------------------------------------------------------------------------

describe("certificates of participants", () => {
  let event: string;
  let theirEvent: string;
  let passed: string;
  let failed: string;
  let second: string;
  let theirs: string;
  let passedMember: string;
  let secondMember: string;
  let theirMember: string;

  beforeAll(async () => {
    const certification = await nationalCourseId(SERTIFIKASI);
    event = await trainingEvent(sekretaris, certification, {
      startDate: "2026-01-12",
      endDate: "2026-01-14",
      organiser: "LSP Pekerja Sosial",
    });
    theirEvent = await trainingEvent(theirAdmin, certification, { startDate: "2026-01-12", endDate: "2026-01-14" });
    passedMember = await trainee(chapterId, "Sertifikat Siti Lulus");
    secondMember = await trainee(chapterId, "Sertifikat Sri Lulus");
    const failedMember = await trainee(chapterId, "Sertifikat Slamet Gagal");
    theirMember = await trainee(otherChapterId, "Sertifikat Kubu Raya");
    expectOk(await addParticipants(sekretaris, event, [passedMember, secondMember, failedMember]));
    [passed, second, failed] = await Promise.all([
      participantOf(event, passedMember),
      participantOf(event, secondMember),
      participantOf(event, failedMember),
    ]);
    expectOk(
      await recordResults(sekretaris, event, [
        resultRow(passed, "hadir", null, "lulus"),
        resultRow(second, "hadir", null, "lulus"),
        resultRow(failed, "hadir", null, "tidak_lulus"),
      ]),
    );
    theirs = await takePart(theirAdmin, theirEvent, theirMember, "hadir", null, "lulus");
  });

  it("is recorded only for a participant who passed, of this event", async () => {
    const result = await saveParticipantCertificate(sekretaris, {
      eventId: event,
      participantId: failed,
      data: certificateData(),
      file: null,
    });
    expect(expectInvalid(result)).toEqual({ number: MSG.notPassed });
    const wrongEvent = await saveParticipantCertificate(sekretaris, {
      eventId: event,
      participantId: theirs,
      data: certificateData(),
      file: null,
    });
    expect(expectRefusal(wrongEvent, "notFound").message).toBe(MSG.notParticipant);
    const otherChapter = await saveParticipantCertificate(theirAdmin, {
      eventId: event,
      participantId: passed,
      data: certificateData(),
      file: null,
    });
    expect(expectRefusal(otherChapter, "notFound").message).toBe(MSG.notParticipant);
    expect(await db.certificate.count({ where: { participantId: { in: [failed, theirs, passed] } } })).toBe(0);
  });

  it("expires by default on the issue date plus the course's validity less one day; a second save replaces it", async () => {
    const saved = expectOk(
      await saveParticipantCertificate(sekretaris, {
        eventId: event,
        participantId: passed,
        data: certificateData({ number: "LSP-2026/0001" }),
        file: null,
      }),
    );
    expect(saved.memberName).toBe("Sertifikat Siti Lulus");
    const certificate = await db.certificate.findUniqueOrThrow({ where: { id: saved.id } });
    expect(certificate).toMatchObject({
      chapterId,
      memberId: passedMember,
      participantId: passed,
      title: SERTIFIKASI,
      number: "LSP-2026/0001",
      issuer: "LSP Pekerja Sosial",
      issuedOn: calendarDate(2026, 1, 15),
      expiresOn: calendarDate(2031, 1, 14),
      file: null,
    });

    // Issued on 29 February: five years on there is no 29 February.
    const leap = expectOk(
      await saveParticipantCertificate(sekretaris, {
        eventId: event,
        participantId: passed,
        data: certificateData({ number: "LSP-2026/0001", issuedOn: "2024-02-29" }),
        file: null,
      }),
    );
    expect(leap.id).toBe(saved.id);
    expect(await db.certificate.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({
      issuedOn: calendarDate(2024, 2, 29),
      expiresOn: calendarDate(2029, 2, 28),
    });

    // An expiry given is kept as given.
    expectOk(
      await saveParticipantCertificate(sekretaris, {
        eventId: event,
        participantId: passed,
        data: certificateData({ number: "LSP-2026/0001", issuedOn: "2026-01-15", expiresOn: "2027-06-30" }),
        file: null,
      }),
    );
    expect(await db.certificate.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({
      issuedOn: calendarDate(2026, 1, 15),
      expiresOn: calendarDate(2027, 6, 30),
    });
    expect(await db.certificate.count({ where: { participantId: passed } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "training.certificate.save", entityId: passedMember } })).toBe(3);
  });

  it("refuses, in the form's schema, an expiry before the issue date", () => {
    const parsed = certificateFormSchema.safeParse({
      number: "LSP-2026/0009",
      issuer: "LSP",
      issuedOn: "2026-01-15",
      expiresOn: "2026-01-14",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["expiresOn", MSG.expiryBeforeIssue]]);
    expect(
      certificateFormSchema.safeParse({ number: "LSP-2026/0009", issuer: "LSP", issuedOn: "2026-01-15", expiresOn: "2026-01-15" }).success,
    ).toBe(true);
    const outside = externalTrainingSchema.safeParse({
      ...externalData(),
      hours: "12",
      certificateNumber: "X-1",
      certificateIssuedOn: "2026-01-15",
      certificateExpiresOn: "2025-12-31",
    });
    expect(outside.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["certificateExpiresOn", MSG.expiryBeforeIssue]]);
  });

  it("refuses a number already used in the chapter, naming its holder; another chapter may use it", async () => {
    const result = await saveParticipantCertificate(sekretaris, {
      eventId: event,
      participantId: second,
      data: certificateData({ number: "LSP-2026/0001" }),
      file: null,
    });
    expect(expectRefusal(result, "conflict").fieldErrors).toEqual({ number: MSG.certificateTaken("Sertifikat Siti Lulus") });
    expect(await db.certificate.count({ where: { participantId: second } })).toBe(0);

    // The same through an outside training: neither the training nor the certificate is kept.
    const outside = await addExternalTraining(sekretaris, secondMember, {
      data: externalData({ certificateNumber: "LSP-2026/0001", certificateIssuedOn: "2025-11-05" }),
      file: null,
    });
    expect(expectRefusal(outside, "conflict").fieldErrors).toEqual({ number: MSG.certificateTaken("Sertifikat Siti Lulus") });
    expect(await db.externalTraining.count({ where: { memberId: secondMember } })).toBe(0);

    expectOk(
      await saveParticipantCertificate(theirAdmin, {
        eventId: theirEvent,
        participantId: theirs,
        data: certificateData({ number: "LSP-2026/0001" }),
        file: null,
      }),
    );
    const holders = await db.certificate.findMany({ where: { number: "LSP-2026/0001" }, select: { chapterId: true, memberId: true } });
    expect(holders.map((h) => h.memberId).sort()).toEqual([passedMember, theirMember].sort());
  });

  it("refuses a scan that is not a PDF, JPEG or PNG by its content, storing nothing", async () => {
    const filesBefore = await storedCertificateFiles();
    const fake = await saveParticipantCertificate(sekretaris, {
      eventId: event,
      participantId: second,
      data: certificateData({ number: "LSP-2026/0002" }),
      file: upload(EXE),
    });
    expect(expectInvalid(fake)).toEqual({ file: MSG.fileType });
    const empty = await saveParticipantCertificate(sekretaris, {
      eventId: event,
      participantId: second,
      data: certificateData({ number: "LSP-2026/0002" }),
      file: upload(new Uint8Array()),
    });
    expect(expectInvalid(empty)).toEqual({ file: MSG.fileMissing });
    expect(await db.certificate.count({ where: { participantId: second } })).toBe(0);
    expect(await storedCertificateFiles()).toEqual(filesBefore);
  });

  it("stores a real PDF, readable by the chapter and by its holder only; a new scan replaces the old file", async () => {
    const saved = expectOk(
      await saveParticipantCertificate(sekretaris, {
        eventId: event,
        participantId: second,
        data: certificateData({ number: "LSP-2026/0002" }),
        file: upload(PDF),
      }),
    );
    const certificate = await db.certificate.findUniqueOrThrow({ where: { id: saved.id } });
    expect(certificate.fileType).toBe("application/pdf");
    expect(certificate.file).toMatch(new RegExp(`^${secondMember}-[0-9a-f]{16}\\.pdf$`));
    expect(new Uint8Array(await readFile(path.join(UPLOADS, "certificates", certificate.file!)))).toEqual(PDF);

    const read = expectOk(await readCertificateFile(sekretaris, saved.id));
    expect(new Uint8Array(read.bytes)).toEqual(PDF);
    expect(read.type).toBe("application/pdf");
    expect(read.name).toBe("Sertifikat LSP-2026/0002.pdf");
    // Its holder reads it; another member (even one with a certificate of the same event) does not.
    expect(expectOk(await readCertificateFile(actorWith({ chapterId, memberId: secondMember }), saved.id)).type).toBe("application/pdf");
    expectRefusal(await readCertificateFile(actorWith({ chapterId, memberId: passedMember }), saved.id), "notFound");
    expectRefusal(await readCertificateFile(theirAdmin, saved.id), "notFound");
    // A certificate without a scan has nothing to read.
    const noScan = await db.certificate.findFirstOrThrow({ where: { participantId: passed } });
    expectRefusal(await readCertificateFile(sekretaris, noScan.id), "notFound");

    expectOk(
      await saveParticipantCertificate(sekretaris, {
        eventId: event,
        participantId: second,
        data: certificateData({ number: "LSP-2026/0002" }),
        file: upload(PNG),
      }),
    );
    const replaced = await db.certificate.findUniqueOrThrow({ where: { id: saved.id } });
    expect(replaced).toMatchObject({ fileType: "image/png" });
    expect(replaced.file).toMatch(/\.png$/);
    const files = await storedCertificateFiles();
    expect(files).toContain(replaced.file);
    expect(files).not.toContain(certificate.file);
    expect(expectOk(await readCertificateFile(sekretaris, saved.id)).name).toBe("Sertifikat LSP-2026/0002.png");
  });

  it("gives a certification's competencies (source certificate) when above the level held", async () => {
    const asesmen = await nationalCompetencyId(ASESMEN);
    expectOk(await confirmCompetency(sekretaris, passedMember, { competencyId: asesmen, level: "dasar" }));
    expect((await competenciesOf(passedMember))[ASESMEN]).toMatchObject({ level: "dasar", source: "board" });
    const saved = expectOk(
      await saveParticipantCertificate(sekretaris, {
        eventId: event,
        participantId: passed,
        data: certificateData({ number: "LSP-2026/0001", issuedOn: "2026-01-20" }),
        file: null,
      }),
    );
    const held = await competenciesOf(passedMember);
    expect(held[ASESMEN]).toMatchObject({
      level: "menengah",
      source: "certificate",
      sourceId: saved.id,
      acquiredOn: calendarDate(2026, 1, 20),
    });
    // Already held at that level from the training: left as it was.
    expect(held[PENDAMPINGAN]).toMatchObject({ level: "menengah", source: "training", sourceId: passed });
  });
});

// ---------------------------------------------------------------------------------------------

describe("trainings outside the chapter", () => {
  let member: string;

  beforeAll(async () => {
    member = await trainee(chapterId, "Luar Yuliana");
  });

  it("records one without a certificate", async () => {
    const result = expectOk(await addExternalTraining(sekretaris, member, { data: externalData({ hours: "12,5" }), file: null }));
    expect(result.memberName).toBe("Luar Yuliana");
    expect(await db.externalTraining.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({
      memberId: member,
      title: "Diklat Tagana Kementerian Sosial",
      kind: "diklat",
      organiser: "Kementerian Sosial RI",
      startDate: calendarDate(2025, 11, 3),
      endDate: calendarDate(2025, 11, 5),
      hours: 12.5,
    });
    expect(await db.certificate.count({ where: { memberId: member } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "training.external.create", entityId: member } })).toBe(1);
  });

  it("records one with its certificate and scan", async () => {
    const result = expectOk(
      await addExternalTraining(sekretaris, member, {
        data: externalData({
          title: "Webinar Pertolongan Pertama Psikologis",
          kind: "webinar",
          organiser: "Universitas Tanjungpura",
          startDate: "2026-01-07",
          endDate: "2026-01-07",
          hours: "3",
          certificateNumber: "UNTAN/PFA/2026/77",
          certificateIssuedOn: "2026-01-07",
          certificateExpiresOn: "2028-01-06",
        }),
        file: upload(PDF),
      }),
    );
    const certificate = await db.certificate.findFirstOrThrow({ where: { externalTrainingId: result.id } });
    expect(certificate).toMatchObject({
      chapterId,
      memberId: member,
      participantId: null,
      title: "Webinar Pertolongan Pertama Psikologis",
      number: "UNTAN/PFA/2026/77",
      issuer: "Universitas Tanjungpura",
      issuedOn: calendarDate(2026, 1, 7),
      expiresOn: calendarDate(2028, 1, 6),
      fileType: "application/pdf",
    });
    const read = expectOk(await readCertificateFile(actorWith({ chapterId, memberId: member }), certificate.id));
    expect(new Uint8Array(read.bytes)).toEqual(PDF);
  });

  it("refuses a scan without a certificate number, a bad scan, and another chapter's member, saving nothing", async () => {
    const before = await db.externalTraining.count({ where: { memberId: member } });
    const filesBefore = await storedCertificateFiles();
    expect(expectInvalid(await addExternalTraining(sekretaris, member, { data: externalData(), file: upload(PDF) }))).toEqual({
      certificateNumber: MSG.numberForFile,
    });
    expect(
      expectInvalid(
        await addExternalTraining(sekretaris, member, {
          data: externalData({ certificateNumber: "X-2", certificateIssuedOn: "2025-11-05" }),
          file: upload(EXE),
        }),
      ),
    ).toEqual({ file: MSG.fileType });
    const outsider = await trainee(otherChapterId, "Luar Kubu Raya");
    expectRefusal(await addExternalTraining(sekretaris, outsider, { data: externalData(), file: null }), "notFound");
    expect(await db.externalTraining.count({ where: { memberId: member } })).toBe(before);
    expect(await db.externalTraining.count({ where: { memberId: outsider } })).toBe(0);
    expect(await storedCertificateFiles()).toEqual(filesBefore);
  });
});

// ---------------------------------------------------------------------------------------------

describe("certificates expiring, in the chapter's time zone", () => {
  // 1 March 18:30 UTC is already 2 March 01:30 in Jakarta (WIB).
  const NOW = new Date("2026-03-01T18:30:00Z");
  const TODAY = calendarDate(2026, 3, 2);
  let expiryAdmin: TestActor;
  const numbers: Record<string, string> = {};

  async function withCertificate(actor: TestActor, name: string, number: string, expiresOn: Date | null, status: MemberStatus = "aktif") {
    const member = await trainee(actor.chapterId, name, { status });
    const result = expectOk(
      await addExternalTraining(actor, member, {
        data: externalData({
          certificateNumber: number,
          certificateIssuedOn: "2024-01-10",
          certificateExpiresOn: expiresOn ? toDateInput(expiresOn) : "",
        }),
        file: null,
      }),
    );
    return (await db.certificate.findFirstOrThrow({ where: { externalTrainingId: result.id } })).id;
  }

  beforeAll(async () => {
    expiryAdmin = await account((await buildChapter({ code: "TRE", name: "IPSM Kedaluwarsa" })).id, "admin");
    numbers.today = await withCertificate(expiryAdmin, "Kedaluwarsa Hari Ini", "EXP-TODAY", TODAY);
    numbers.yesterday = await withCertificate(expiryAdmin, "Kedaluwarsa Kemarin", "EXP-YESTERDAY", calendarDate(2026, 3, 1));
    numbers.in90 = await withCertificate(expiryAdmin, "Kedaluwarsa 90 Hari", "EXP-90", addDays(TODAY, 90));
    numbers.in91 = await withCertificate(expiryAdmin, "Kedaluwarsa 91 Hari", "EXP-91", addDays(TODAY, 91));
    numbers.never = await withCertificate(expiryAdmin, "Tanpa Kedaluwarsa", "EXP-NEVER", null);
  });

  it("counts a certificate ending today in Jakarta as expiring (0 days) while UTC is still yesterday", async () => {
    expect(toDateInput(addDays(TODAY, 90))).toBe("2026-05-31");
    const list = expectOk(await expiringCertificates(expiryAdmin, NOW));
    expect(list.today).toEqual(TODAY);
    expect(list.expired.map((c) => [c.number, c.daysLeft])).toEqual([["EXP-YESTERDAY", -1]]);
    expect(list.expiring.map((c) => [c.number, c.daysLeft])).toEqual([
      ["EXP-TODAY", 0],
      ["EXP-90", 90],
    ]);
    expect(list.expiring[0]).toMatchObject({ id: numbers.today, member: { fullName: "Kedaluwarsa Hari Ini" } });

    // The same moment read in UTC is still 1 March: a different answer, so the zone matters.
    const utc = expectOk(await expiringCertificates({ ...expiryAdmin, timeZone: "UTC" }, NOW));
    expect(utc.today).toEqual(calendarDate(2026, 3, 1));
    expect(utc.expired).toEqual([]);
    expect(utc.expiring.map((c) => [c.number, c.daysLeft])).toEqual([
      ["EXP-YESTERDAY", 0],
      ["EXP-TODAY", 1],
    ]);
  });

  it("expiryCounts matches the lists", async () => {
    expect(await expiryCounts(expiryAdmin, NOW)).toEqual({ expired: 1, expiring: 2 });
    expect(await expiryCounts({ ...expiryAdmin, timeZone: "UTC" }, NOW)).toEqual({ expired: 0, expiring: 2 });
    const list = expectOk(await expiringCertificates(expiryAdmin, NOW));
    expect(await expiryCounts(expiryAdmin, NOW)).toEqual({ expired: list.expired.length, expiring: list.expiring.length });
  });

  // The list leaves out holders who have left (mengundurkan_diri, meninggal, diberhentikan); the
  // dashboard card that links to it counts the same certificates.
  it("expiryCounts counts the same certificates as the list when a holder has left", async () => {
    const leftAdmin = await account((await buildChapter({ code: "TRF", name: "IPSM Anggota Keluar" })).id, "admin");
    await withCertificate(leftAdmin, "Masih Aktif", "LEFT-1", addDays(TODAY, 10));
    await withCertificate(leftAdmin, "Sudah Meninggal", "LEFT-2", addDays(TODAY, 10), "meninggal");
    await withCertificate(leftAdmin, "Sudah Diberhentikan", "LEFT-3", addDays(TODAY, -10), "diberhentikan");
    const list = expectOk(await expiringCertificates(leftAdmin, NOW));
    expect(list.expiring.map((c) => c.number)).toEqual(["LEFT-1"]);
    expect(list.expired).toEqual([]);
    expect(await expiryCounts(leftAdmin, NOW)).toEqual({ expired: 0, expiring: 1 });
  });
});

// ---------------------------------------------------------------------------------------------

describe("a member's record and the training path", () => {
  let pathChapter: string;
  let pathAdmin: TestActor;
  const m: Record<string, string> = {};

  beforeAll(async () => {
    pathChapter = (await buildChapter({ code: "TRP", name: "IPSM Jalur Pelatihan" })).id;
    pathAdmin = await account(pathChapter, "admin");
    const bimtek = await nationalCourseId(BIMTEK);
    const basicEvent = await trainingEvent(pathAdmin, bimtek, { startDate: "2025-08-04", endDate: "2025-08-06" });
    const teknis = await trainingEvent(pathAdmin, await nationalCourseId(DTSEN), { startDate: "2025-09-01", endDate: "2025-09-02" });

    m.none = await trainee(pathChapter, "Jalur A Belum Apa-apa");
    m.passed = await trainee(pathChapter, "Jalur B Lulus Bimtek");
    m.attended = await trainee(pathChapter, "Jalur C Hadir Belum Dinilai");
    m.failed = await trainee(pathChapter, "Jalur D Tidak Lulus");
    m.external = await trainee(pathChapter, "Jalur E Bimtek Luar");
    m.onProfile = await trainee(pathChapter, "Jalur F Tanggal Di Profil");
    m.candidate = await trainee(pathChapter, "Jalur G Calon", { status: "calon" });
    m.otherCourse = await trainee(pathChapter, "Jalur H Hanya Bimtek Teknis");
    m.registered = await trainee(pathChapter, "Jalur I Terdaftar Saja");
    m.inactive = await trainee(pathChapter, "Jalur J Nonaktif", { status: "nonaktif" });

    await takePart(pathAdmin, basicEvent, m.passed, "hadir", null, "lulus");
    await takePart(pathAdmin, basicEvent, m.attended, "hadir", null, null);
    await takePart(pathAdmin, basicEvent, m.failed, "sebagian", 12, "tidak_lulus");
    await takePart(pathAdmin, basicEvent, m.registered, null, null, null);
    await takePart(pathAdmin, teknis, m.otherCourse, "hadir", 15.5, "lulus");
    expectOk(
      await addExternalTraining(pathAdmin, m.external, {
        data: externalData({ title: "Bimtek Dasar PSM Provinsi", kind: "bimtek_dasar", organiser: "Dinsos Provinsi Kalbar", hours: "24" }),
        file: null,
      }),
    );
    await db.member.update({ where: { id: m.onProfile }, data: { basicBimtekDate: calendarDate(2019, 5, 20) } });
    // The one who passed also took a webinar outside (hours 3,5) and holds an expired certificate.
    expectOk(
      await addExternalTraining(pathAdmin, m.passed, {
        data: externalData({
          title: "Webinar Asesmen PPKS",
          kind: "webinar",
          organiser: "Kemensos",
          startDate: "2025-10-01",
          endDate: "2025-10-01",
          hours: "3,5",
          certificateNumber: "WEB-2020/1",
          certificateIssuedOn: "2019-10-01",
          certificateExpiresOn: "2020-09-30",
        }),
        file: null,
      }),
    );
  });

  const gapsOf = async (memberId: string) => expectOk(await memberTrainingRecord(pathAdmin, memberId)).record.gaps;

  it("flags an active member without the basic bimtek, and no one who has it on record or is not active", async () => {
    expect(await gapsOf(m.none!)).toEqual(["noBasicBimtek"]);
    expect(await gapsOf(m.failed!)).toEqual(["noBasicBimtek"]);
    expect(await gapsOf(m.otherCourse!)).toEqual(["noBasicBimtek"]);
    expect(await gapsOf(m.registered!)).toEqual(["noBasicBimtek"]);
    expect(await gapsOf(m.attended!)).toEqual([]);
    expect(await gapsOf(m.external!)).toEqual([]);
    expect(await gapsOf(m.onProfile!)).toEqual([]);
    expect(await gapsOf(m.candidate!)).toEqual([]);
    expect(await gapsOf(m.inactive!)).toEqual([]);
    // Passed: no basic-bimtek gap, but the expired certificate is one.
    expect(await gapsOf(m.passed!)).toEqual(["expiredCertificate"]);
  });

  it("closes the gap once the member passes the national basic bimtek", async () => {
    const later = await trainingEvent(pathAdmin, await nationalCourseId(BIMTEK), { startDate: "2026-01-19", endDate: "2026-01-21" });
    const member = await trainee(pathChapter, "Jalur K Menyusul");
    expect(await gapsOf(member)).toEqual(["noBasicBimtek"]);
    expect((await membersWithoutBasicBimtek(pathAdmin)).map((r) => r.id)).toContain(member);
    await takePart(pathAdmin, later, member, "hadir", null, "lulus");
    expect(await gapsOf(member)).toEqual([]);
    expect((await membersWithoutBasicBimtek(pathAdmin)).map((r) => r.id)).not.toContain(member);
  });

  it("membersWithoutBasicBimtek lists exactly the flagged active members, by name", async () => {
    const rows = await membersWithoutBasicBimtek(pathAdmin);
    expect(rows.map((r) => r.fullName)).toEqual([
      "Jalur A Belum Apa-apa",
      "Jalur D Tidak Lulus",
      "Jalur H Hanya Bimtek Teknis",
      "Jalur I Terdaftar Saja",
    ]);
    expect(rows.map((r) => r.id)).toEqual([m.none, m.failed, m.otherCourse, m.registered]);
    // Every active member of the chapter is flagged by one and listed by the other, or neither.
    const active = await db.member.findMany({ where: { chapterId: pathChapter, status: "aktif" }, select: { id: true } });
    for (const { id } of active) {
      expect((await gapsOf(id)).includes("noBasicBimtek")).toBe(rows.some((r) => r.id === id));
    }
  });

  it("sums attended and outside hours, newest training first, and keeps members of other chapters out", async () => {
    const { record } = expectOk(await memberTrainingRecord(pathAdmin, m.passed!));
    expect(record.member).toMatchObject({ id: m.passed, fullName: "Jalur B Lulus Bimtek", status: "aktif" });
    expect(record.trainings.map((tr) => [tr.title, tr.hours, tr.external])).toEqual([
      ["Webinar Asesmen PPKS", 3.5, true],
      [BIMTEK, 24, false],
    ]);
    expect(record.totalHours).toBe(27.5);
    expect(record.certificates.map((c) => [c.number, c.expired])).toEqual([["WEB-2020/1", true]]);
    expect(record.competencies.map((c) => [c.competency.name, c.level, c.source])).toEqual([
      [ASESMEN, "dasar", "training"],
      [PENDATAAN, "dasar", "training"],
    ]);
    expect(expectOk(await memberTrainingRecord(pathAdmin, m.failed!)).record.totalHours).toBe(12);
    expect(expectOk(await memberTrainingRecord(pathAdmin, m.registered!)).record.totalHours).toBe(0);
    expectRefusal(await memberTrainingRecord(theirAdmin, m.passed!), "notFound");
  });
});

// ---------------------------------------------------------------------------------------------

describe("training hours for reports", () => {
  let h1: string;
  let h2: string;
  let h3: string;
  let h1Admin: TestActor;
  let h2Admin: TestActor;
  let h3Admin: TestActor;

  beforeAll(async () => {
    h1 = (await buildChapter({ code: "TH1", name: "IPSM Jam Satu" })).id;
    h2 = (await buildChapter({ code: "TH2", name: "IPSM Jam Dua" })).id;
    h3 = (await buildChapter({ code: "TH3", name: "IPSM Jam Tiga" })).id;
    h1Admin = await account(h1, "admin");
    h2Admin = await account(h2, "admin");
    h3Admin = await account(h3, "admin");
    const [bimtek, teknis, diklat] = await Promise.all([nationalCourseId(BIMTEK), nationalCourseId(DTSEN), nationalCourseId(DIKLAT)]);

    // Chapter 1: a basic bimtek in February (24 h), a teknis in April (16 h).
    const february = await trainingEvent(h1Admin, bimtek, { startDate: "2025-02-10", endDate: "2025-02-12" });
    const april = await trainingEvent(h1Admin, teknis, { startDate: "2025-04-05", endDate: "2025-04-06" });
    const [x1, x2, x3] = [await trainee(h1, "Jam Satu A"), await trainee(h1, "Jam Satu B"), await trainee(h1, "Jam Satu C")];
    await takePart(h1Admin, february, x1, "hadir", null, "lulus"); // 24
    await takePart(h1Admin, february, x2, "sebagian", 10, null); // 10
    await takePart(h1Admin, february, x3, "tidak_hadir", null, null); // 0
    await takePart(h1Admin, april, x1, "hadir", null, null); // 16, April
    expectOk(
      await addExternalTraining(h1Admin, x1, {
        data: externalData({ startDate: "2025-03-31", endDate: "2025-03-31", hours: "7,5" }),
        file: null,
      }),
    );
    expectOk(
      await addExternalTraining(h1Admin, x2, {
        data: externalData({ startDate: "2024-12-31", endDate: "2025-01-02", hours: "5" }),
        file: null,
      }),
    );

    // Chapter 2: a 6-hour diklat on 1 January (the first day of the period) and 2 outside hours.
    const january = await trainingEvent(h2Admin, diklat, { startDate: "2025-01-01", endDate: "2025-01-01", hours: "6" });
    const y1 = await trainee(h2, "Jam Dua A");
    await takePart(h2Admin, january, y1, "hadir", null, "lulus"); // 6
    expectOk(
      await addExternalTraining(h2Admin, y1, {
        data: externalData({ startDate: "2025-03-01", endDate: "2025-03-01", hours: "2" }),
        file: null,
      }),
    );

    // Chapter 3: 8 hours in February, never asked for with the others.
    const h3Event = await trainingEvent(h3Admin, bimtek, { startDate: "2025-02-01", endDate: "2025-02-01", hours: "8" });
    await takePart(h3Admin, h3Event, await trainee(h3, "Jam Tiga A"), "hadir", null, null); // 8
  });

  const Q1 = [calendarDate(2025, 1, 1), calendarDate(2025, 3, 31)] as const;

  it("sums the hours attended and outside hours within the dates (inclusive), for the chapters asked", async () => {
    expect(await trainingHours([h1], ...Q1)).toEqual({ events: 34, external: 7.5, total: 41.5 });
    expect(await trainingHours([h1, h2], ...Q1)).toEqual({ events: 40, external: 9.5, total: 49.5 });
    expect(await trainingHours([h3], ...Q1)).toEqual({ events: 8, external: 0, total: 8 });
    expect(await trainingHours([h1], calendarDate(2025, 4, 1), calendarDate(2025, 4, 30))).toEqual({ events: 16, external: 0, total: 16 });
    expect(await trainingHours([h1], calendarDate(2024, 12, 1), calendarDate(2024, 12, 31))).toEqual({ events: 0, external: 5, total: 5 });
    expect(await trainingHours([h2], calendarDate(2025, 1, 2), calendarDate(2025, 12, 31))).toEqual({ events: 0, external: 2, total: 2 });
    expect(await trainingHours([], ...Q1)).toEqual({ events: 0, external: 0, total: 0 });
  });
});

// ---------------------------------------------------------------------------------------------

describe("the competency matrix and the board's confirmation", () => {
  let matrix: string;
  let matrixAdmin: TestActor;
  const m: Record<string, string> = {};
  let pendataan: string;
  let asesmen: string;
  let ownCompetency: string;

  beforeAll(async () => {
    matrix = (await buildChapter({ code: "TRM", name: "IPSM Matriks" })).id;
    matrixAdmin = await account(matrix, "admin");
    [pendataan, asesmen] = await Promise.all([nationalCompetencyId(PENDATAAN), nationalCompetencyId(ASESMEN)]);
    ownCompetency = expectOk(await createCompetency(matrixAdmin, { name: "Pemetaan sosial kampung", description: null })).id;
    m.selatanA = await trainee(matrix, "Matriks Ani", { villageCode: V1002 });
    m.selatanB = await trainee(matrix, "Matriks Bayu", { villageCode: V1003 });
    m.timur = await trainee(matrix, "Matriks Citra", { villageCode: V0401 });
    m.candidate = await trainee(matrix, "Matriks Calon", { villageCode: V1002, status: "calon" });
    m.inactive = await trainee(matrix, "Matriks Nonaktif", { villageCode: V1002, status: "nonaktif" });
    const teknis = await trainingEvent(matrixAdmin, await nationalCourseId(DTSEN), { startDate: "2025-09-01", endDate: "2025-09-02" });
    await takePart(matrixAdmin, teknis, m.selatanA, "hadir", null, "lulus");
  });

  it("confirmCompetency sets the level the board gives, even lower than held, and audits it", async () => {
    expect((await competenciesOf(m.selatanA!))[PENDATAAN]).toMatchObject({ level: "menengah", source: "training" });
    const input = memberCompetencySchema.parse({ competencyId: pendataan, level: "dasar" });
    const result = await confirmCompetency(matrixAdmin, m.selatanA!, { ...input });
    expect(result).toEqual({ ok: true, memberName: "Matriks Ani", competency: PENDATAAN });
    expect((await competenciesOf(m.selatanA!))[PENDATAAN]).toMatchObject({
      level: "dasar",
      source: "board",
      sourceId: null,
      confirmedById: matrixAdmin.userId,
      acquiredOn: calendarToday(TZ),
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "training.competency.confirm", entityId: m.selatanA } });
    expect(audit).toMatchObject({ actorId: matrixAdmin.userId, chapterId: matrix, entityType: "Member" });
    expect(JSON.parse(audit.after!)).toEqual({ competency: PENDATAAN, level: "dasar" });

    expectOk(await confirmCompetency(matrixAdmin, m.selatanB!, { competencyId: asesmen, level: "mahir" }));
    expectOk(await confirmCompetency(matrixAdmin, m.timur!, { competencyId: ownCompetency, level: "menengah" }));
    expect((await competenciesOf(m.timur!))["Pemetaan sosial kampung"]).toMatchObject({ level: "menengah", source: "board" });
  });

  it("confirmCompetency refuses another chapter's competency or member", async () => {
    const theirCompetency = await db.competency.findFirstOrThrow({ where: { chapterId: otherChapterId, name: "Penyuluhan lahan gambut" } });
    expect(expectInvalid(await confirmCompetency(matrixAdmin, m.selatanB!, { competencyId: theirCompetency.id, level: "dasar" }))).toEqual({
      competencyId: MSG.competency,
    });
    const outsider = await trainee(otherChapterId, "Matriks Luar");
    expectRefusal(await confirmCompetency(matrixAdmin, outsider, { competencyId: pendataan, level: "dasar" }), "notFound");
    expect(await db.memberCompetency.count({ where: { memberId: outsider } })).toBe(0);
    expect((await competenciesOf(m.selatanB!))["Penyuluhan lahan gambut"]).toBeUndefined();
    expect(memberCompetencySchema.safeParse({ competencyId: pendataan, level: "ahli" }).success).toBe(false);
  });

  it("shows active members' levels, filtered by kecamatan", async () => {
    const all = expectOk(await competencyMatrix(matrixAdmin));
    expect(all.total).toBe(3);
    expect(all.pageCount).toBe(1);
    expect(all.rows.map((r) => r.fullName)).toEqual(["Matriks Ani", "Matriks Bayu", "Matriks Citra"]);
    expect(all.competencies.map((c) => c.name)).toEqual([...NATIONAL_COMPETENCIES, "Pemetaan sosial kampung"]);

    const selatan = expectOk(await competencyMatrix(matrixAdmin, { districtCode: "61.71.01" }));
    expect(selatan.total).toBe(2);
    expect(selatan.rows.map((r) => [r.fullName, r.district, r.levels])).toEqual([
      ["Matriks Ani", "Pontianak Selatan", { [pendataan]: "dasar" }],
      ["Matriks Bayu", "Pontianak Selatan", { [asesmen]: "mahir" }],
    ]);
    const villages = await db.region.findMany({ where: { code: { in: [V1002, V1003] } }, select: { code: true, name: true } });
    const villageName = Object.fromEntries(villages.map((v) => [v.code, v.name]));
    expect(selatan.rows.map((r) => r.village)).toEqual([villageName[V1002], villageName[V1003]]);

    const other = expectOk(await competencyMatrix(matrixAdmin, { districtCode: "61.71.04" }));
    expect(other.total).toBe(1);
    expect(other.rows.map((r) => [r.id, r.levels])).toEqual([[m.timur, { [ownCompetency]: "menengah" }]]);
    expect(other.rows[0]!.district).toBe((await db.region.findUniqueOrThrow({ where: { code: "61.71.04" } })).name);
  });
});

// ---------------------------------------------------------------------------------------------

describe("who may read and record trainings (the domain's own rules)", () => {
  it("lets the board read, only the Sekretaris record, and a volunteer read nothing but their own record", async () => {
    const rights = (await buildChapter({ code: "TRH", name: "IPSM Hak Pelatihan" })).id;
    const recorder = await boardMember(rights, "sekretaris");
    const reader = await boardMember(rights, "wakil_ketua");
    const relawan = await volunteer(rights);
    const event = await trainingEvent(recorder, await nationalCourseId(BIMTEK));
    const participant = await takePart(recorder, event, relawan.memberId!, null, null, null);

    // Reading the event and a member's record is the board's; the volunteer reads only their own record.
    expectOk(await getEvent(reader, event));
    expectRefusal(await getEvent(relawan, event), "forbidden");
    expectOk(await memberTrainingRecord(reader, relawan.memberId!));
    expectOk(await memberTrainingRecord(relawan, relawan.memberId!));
    expectRefusal(await memberTrainingRecord(relawan, recorder.memberId!), "forbidden");
    expectRefusal(await competencyMatrix(relawan), "forbidden");
    expectRefusal(await expiringCertificates(relawan), "forbidden");

    // Recording is the Sekretaris's: another board member and a volunteer are refused, nothing saved.
    for (const who of [reader, relawan]) {
      expectRefusal(await createEvent(who, eventData(await nationalCourseId(BIMTEK))), "forbidden");
      expectRefusal(await addParticipants(who, event, [recorder.memberId!]), "forbidden");
      expectRefusal(await recordResults(who, event, [resultRow(participant, "hadir", null, "lulus")]), "forbidden");
      expectRefusal(await createCompetency(who, { name: "Kompetensi Tanpa Hak", description: null }), "forbidden");
      expectRefusal(
        await confirmCompetency(who, relawan.memberId!, { competencyId: await nationalCompetencyId(ASESMEN), level: "dasar" }),
        "forbidden",
      );
      expectRefusal(await addExternalTraining(who, relawan.memberId!, { data: externalData(), file: null }), "forbidden");
    }
    expect(await db.trainingEvent.count({ where: { chapterId: rights } })).toBe(1);
    expect(await db.trainingParticipant.findUniqueOrThrow({ where: { id: participant } })).toMatchObject({
      attendance: null,
      result: null,
    });
    expect(await db.competency.count({ where: { name: "Kompetensi Tanpa Hak" } })).toBe(0);
    expect(await db.externalTraining.count({ where: { memberId: relawan.memberId! } })).toBe(0);
  });
});
