// Demo data for a fresh portal: every region of Indonesia, IPSM Provinsi Kalimantan Barat above
// IPSM Kota Pontianak and IPSM Kota Singkawang (seed-province.ts); Pontianak with a kecamatan
// sub-chapter, 124 members across its kelurahan (one person registered twice), its past and
// active boards, and the demo accounts (README).
// Idempotent: regions are refreshed; the rest is loaded only when the database has no chapter.
import { activatePeriod, archivePastPeriod, createPeriod } from "~/domain/leadership/periods.server";
import { addHolding, replaceHolding } from "~/domain/leadership/holdings.server";
import { createPosition, listPositions } from "~/domain/leadership/positions.server";
import { ensureActivityCatalogue, listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import { AgeBand } from "~/generated/prisma/enums";
import { createMember } from "~/domain/members/members.server";
import { createSession, deleteSession, getSessionUser } from "~/domain/accounts/accounts.server";
import { actorOf } from "~/domain/shared/actor.server";
import { addExternalTraining, saveParticipantCertificate } from "~/domain/trainings/certificates.server";
import { listCourses } from "~/domain/trainings/courses.server";
import { addParticipants, createEvent, recordResults } from "~/domain/trainings/events.server";
import { addDays, calendarToday } from "~/utils/dates";
import { listVillages, loadRegions } from "~/domain/chapters/regions.server";
import { markInstalled } from "~/domain/setup/setup.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import {
  holdingFormSchema,
  periodFormSchema,
  positionFormSchema,
  replaceHoldingSchema,
  type HoldingFormInput,
} from "~/validation/leadership";
import { memberFormSchema, type MemberStatus } from "~/validation/members";
import { certificateFormSchema, eventFormSchema, externalTrainingSchema, type ResultRow } from "~/validation/trainings";
import { buildChapter, buildMember, buildUser, calendarDate, seededRandom } from "../tests/factories";
import { buildProvinceChapter, seedProvince } from "./seed-province";
import { seedProgrammes } from "./seed-programmes";
import { seedVillageNames } from "./seed-regions";
import { seedReports } from "./seed-reports";

export const DEMO_PASSWORD = "demo-ipsm-2026";
const DEMO_CITY = "61.71"; // Kota Pontianak

async function seedDemo() {
  const random = seededRandom(2026);
  const province = await buildProvinceChapter();
  const city = await buildChapter({ code: "PTK", name: "IPSM Kota Pontianak", regionCode: DEMO_CITY, parentId: province.id });
  await buildChapter({
    code: "PTK-PK",
    name: "IPSM Kecamatan Pontianak Kota",
    level: "kecamatan",
    regionCode: "61.71.05",
    parentId: city.id,
    address: "Kantor Camat Pontianak Kota, Jl. Zainuddin, Pontianak",
    letterheadSubtitle: "KECAMATAN PONTIANAK KOTA, KOTA PONTIANAK",
  });

  const villages = await listVillages(DEMO_CITY);
  if (villages.length === 0) throw new Error("No kelurahan found for Kota Pontianak: regions not loaded?");

  // A realistic spread over every kelurahan, enough to page through (50 a page): mostly
  // active, some candidates, a few who left.
  const statuses: MemberStatus[] = [
    ...Array<MemberStatus>(92).fill("aktif"),
    ...Array<MemberStatus>(14).fill("calon"),
    ...Array<MemberStatus>(6).fill("nonaktif"),
    ...Array<MemberStatus>(3).fill("mengundurkan_diri"),
    "meninggal",
    "diberhentikan",
  ];
  const members = [];
  for (const [index, status] of statuses.entries()) {
    const village = villages[index % villages.length]!;
    members.push(await buildMember({ chapterId: city.id, villageCode: village.code, status, random }));
  }

  // The members behind the demo board and volunteer accounts.
  const named = [
    { fullName: "Hj. Rosnani Abdullah", sex: "P", birthDate: calendarDate(1971, 5, 14), joinDate: calendarDate(2012, 3, 1), village: 0 },
    { fullName: "Muhammad Rizal Pratama", sex: "L", birthDate: calendarDate(1984, 9, 2), joinDate: calendarDate(2016, 8, 17), village: 5 },
    { fullName: "Utin Nurhasanah", sex: "P", birthDate: calendarDate(1990, 1, 23), joinDate: calendarDate(2021, 6, 10), village: 10 },
    { fullName: "Lim Mei Hua", sex: "P", birthDate: calendarDate(1979, 7, 8), joinDate: calendarDate(2014, 2, 3), village: 15 },
    { fullName: "Syarif Hamid Alkadrie", sex: "L", birthDate: calendarDate(1976, 12, 1), joinDate: calendarDate(2013, 10, 5), village: -1 },
  ] as const;
  // The Koordinator Kecamatan lives in the kecamatan he coordinates (Pontianak Kota).
  const kotaVillage = villages.find((v) => v.code.startsWith("61.71.05."))!;
  const [ketua, sekretaris, relawan, bendahara, korcam] = await Promise.all(
    named.map(({ village, ...m }) =>
      buildMember({ ...m, chapterId: city.id, villageCode: village < 0 ? kotaVillage.code : villages[village]!.code, random }),
    ),
  );
  if (!ketua || !sekretaris || !relawan || !bendahara || !korcam) throw new Error("Demo members missing");

  const accounts = [
    { email: "admin@demo.ipsm.id", name: "Administrator Sistem", role: "admin" as const, memberId: null },
    { email: "ketua@demo.ipsm.id", name: ketua.fullName, role: "volunteer" as const, memberId: ketua.id },
    { email: "sekretaris@demo.ipsm.id", name: sekretaris.fullName, role: "volunteer" as const, memberId: sekretaris.id },
    { email: "bendahara@demo.ipsm.id", name: bendahara.fullName, role: "volunteer" as const, memberId: bendahara.id },
    { email: "korcam@demo.ipsm.id", name: korcam.fullName, role: "volunteer" as const, memberId: korcam.id },
    { email: "relawan@demo.ipsm.id", name: relawan.fullName, role: "volunteer" as const, memberId: relawan.id },
    { email: "dinsos@demo.ipsm.id", name: "Staf Dinas Sosial Kota Pontianak", role: "dinsos" as const, memberId: null },
  ];
  const users = [];
  for (const account of accounts) {
    users.push(await buildUser({ ...account, chapterId: city.id, password: DEMO_PASSWORD }));
  }

  // One person registered twice (two NIK typed differently), for the board to resolve in
  // "Kemungkinan duplikat": added through the registry, which flags it.
  const adminUserId = users[0]!.id;
  await seedVillageNames(adminUserId);
  const secretaryUserId = users[2]!.id;
  const active = members.filter((m) => m.status === "aktif");
  await seedLeadership({
    chapterId: city.id,
    actorId: adminUserId,
    holders: { ketua: ketua.id, sekretaris: sekretaris.id, bendahara: bendahara.id, korcam: korcam.id },
    others: active.slice(0, 14).map((m) => m.id),
  });
  await seedActivities({
    chapterId: city.id,
    active: active.map((m) => m.id),
    named: { relawan: relawan.id, korcam: korcam.id, sekretaris: sekretaris.id },
    random,
  });
  await seedProgrammes({
    chapterId: city.id,
    users: { ketua: users[1]!.id, bendahara: users[3]!.id },
    members: { ketua: ketua.id, sekretaris: sekretaris.id, korcam: korcam.id, relawan: relawan.id },
    volunteers: active.map((m) => m.id).filter((id) => ![ketua.id, sekretaris.id, bendahara.id, korcam.id, relawan.id].includes(id)),
  });
  await seedTrainings({
    chapterId: city.id,
    actorId: adminUserId,
    active: active.map((m) => m.id),
    named: { ketua: ketua.id, sekretaris: sekretaris.id, relawan: relawan.id, bendahara: bendahara.id, korcam: korcam.id },
  });
  await seedReports({ chapterId: city.id, users: { ketua: users[1]!.id, dinsos: users[6]!.id } });
  const twice = {
    fullName: "Siti Rahmawati",
    sex: "P",
    birthDate: "1979-11-05",
    address: "Jl. Karet No. 14",
    joinDate: "2019-04-01",
    membershipType: "biasa",
  } as const;
  // Entered as the Sekretaris would enter them: their actor, built as a request builds it.
  const session = await createSession(secretaryUserId, 1);
  const secretary = actorOf((await getSessionUser(session.id))!);
  await deleteSession(session.id);
  for (const [nik, villageCode] of [
    ["6171034511790021", villages[12]!.code],
    ["6171034511790012", villages[12]!.code],
  ] as const) {
    const result = await createMember(secretary, memberFormSchema.parse({ ...twice, nik, villageCode }), "aktif");
    if (!result.ok) throw new Error(`Demo duplicate refused: ${JSON.stringify(result)}`);
  }
  const provinceDemo = await seedProvince({ provinceId: province.id, adminUserId, password: DEMO_PASSWORD });
  return { members: members.length + named.length + 2 + provinceDemo.members, accounts: accounts.length + provinceDemo.accounts };
}

/**
 * Activities over the last five months (dates relative to the load date): home visits, DTSEN
 * verval, aid distribution and the rest across the city's kelurahan, mostly verified, some
 * waiting for verification, a few returned, with people reached per PPKS category, aid and
 * follow-ups. Written in bulk (one transaction) with the same rules the form applies.
 */
async function seedActivities(input: {
  chapterId: string;
  active: string[];
  named: { relawan: string; korcam: string; sekretaris: string };
  random: ReturnType<typeof seededRandom>;
}) {
  const { chapterId, random } = input;
  await ensureActivityCatalogue(chapterId);
  const [types, categories, villages, users] = await Promise.all([
    listActivityTypes(chapterId),
    listPpksCategories(chapterId),
    listVillages(DEMO_CITY),
    db.user.findMany({ where: { email: { in: ["sekretaris@demo.ipsm.id", "korcam@demo.ipsm.id"] } }, select: { id: true } }),
  ]);
  const verifierId = users[0]!.id;
  const today = calendarToday("Asia/Jakarta");
  const volunteers = [input.named.relawan, input.named.korcam, ...input.active.slice(0, 40)];
  const common = [7, 8, 23].map((i) => categories[i]!); // lansia, disabilitas, fakir miskin
  const sources = ["apbd", "apbn", "csr", "swadaya"] as const;
  const opened: { activityId: string; memberId: string; date: Date; villageCode: string; districtCode: string }[] = [];
  await db.$transaction(async (tx) => {
    for (let n = 0; n < 360; n++) {
      const daysAgo = random.int(0, 150);
      const date = addDays(today, -daysAgo);
      const village = villages[random.int(0, villages.length - 1)]!;
      const type = types[n % 3 === 0 ? 0 : random.int(0, types.length - 1)]!;
      const memberId = n < 12 ? input.named.relawan : volunteers[random.int(0, volunteers.length - 1)]!;
      const status = daysAgo < 7 ? (n % 5 === 0 ? "returned" : "submitted") : daysAgo < 20 && n % 4 === 0 ? "submitted" : "verified";
      const start = random.int(7, 15);
      const minutes = random.pick([60, 90, 120, 150, 180, 240]);
      const reached = [...new Set([random.pick(common), random.pick(categories)])]
        .flatMap((category) =>
          (["L", "P"] as const).map((sex) => ({
            categoryId: category.id,
            sex,
            ageBand: category.forChildren ? AgeBand.anak : category.number === 8 ? AgeBand.lansia : null,
            count: random.int(0, 4),
          })),
        )
        .filter((r) => r.count > 0);
      const activity = await tx.activity.create({
        data: {
          chapterId,
          memberId,
          people: reached.reduce((sum, r) => sum + r.count, 0),
          date,
          startTime: `${String(start).padStart(2, "0")}:00`,
          endTime: `${String(start + Math.floor(minutes / 60)).padStart(2, "0")}:${minutes % 60 === 0 ? "00" : "30"}`,
          durationMinutes: minutes,
          typeId: type.id,
          villageCode: village.code,
          districtCode: village.parent!.code,
          rt: String(random.int(1, 12)).padStart(3, "0"),
          rw: String(random.int(1, 6)).padStart(3, "0"),
          households: random.int(1, 8),
          narrative: random.pick([
            "Kunjungan rumah bersama ketua RT; data diperbarui.",
            "Verifikasi lapangan usulan DTSEN dari kelurahan.",
            "Penyaluran paket sembako kepada keluarga desil 1.",
            "Pendampingan ke puskesmas dan pengurusan BPJS PBI.",
            "Tindak lanjut pengaduan warga melalui call center 112.",
          ]),
          status,
          returnReason: status === "returned" ? "Jumlah KK belum diisi sesuai kunjungan; mohon diperiksa." : null,
          submittedAt: addDays(date, 0),
          verifiedAt: status === "verified" ? addDays(date, random.int(1, 5)) : null,
          verifiedById: status === "verified" ? verifierId : null,
          idempotencyKey: `demo-${n}`,
        },
        select: { id: true },
      });
      await tx.activityReach.createMany({ data: reached.map((r) => ({ activityId: activity.id, ...r })) });
      if (type.name.startsWith("Penyaluran")) {
        await tx.activityAid.create({
          data: {
            activityId: activity.id,
            item: "Paket sembako",
            quantity: random.int(5, 30),
            unit: "paket",
            value: random.int(5, 30) * 150_000,
            source: random.pick(sources),
          },
        });
      }
      if (n % 9 === 0) {
        await tx.activityVolunteer.create({ data: { activityId: activity.id, memberId: volunteers.find((v) => v !== memberId)! } });
      }
      if (type.name.startsWith("Pendampingan") && n % 2 === 0) {
        opened.push({ activityId: activity.id, memberId, date, villageCode: village.code, districtCode: village.parent!.code });
      }
    }
    // The relawan's latest activity refers a case on too, so their follow-up list is not empty.
    const own = await tx.activity.findFirstOrThrow({
      where: { memberId: input.named.relawan },
      orderBy: { date: "desc" },
      select: { id: true, date: true, villageCode: true, districtCode: true },
    });
    if (!opened.some((o) => o.activityId === own.id))
      opened.push({
        activityId: own.id,
        memberId: input.named.relawan,
        villageCode: own.villageCode,
        districtCode: own.districtCode,
        date: own.date,
      });
    // Follow-ups: two in three were moved on by a later visit of the same volunteer, half of those closed.
    const accompany = types.find((type) => type.name.startsWith("Pendampingan"))!;
    for (const [i, f] of opened.entries()) {
      const followUp = await tx.followUp.create({
        data: {
          chapterId,
          openedById: f.activityId,
          institution: random.pick(["Rumah Singgah Dinas Sosial", "BPJS Kesehatan Cabang Pontianak", "Panti Sosial Tresna Werdha"]),
          description: random.pick([
            "Lansia tinggal sendiri, dirujuk untuk layanan",
            "Keluarga diusulkan PBI JK",
            "Penyandang disabilitas perlu alat bantu",
          ]),
        },
        select: { id: true },
      });
      const daysLeft = Math.round((today.getTime() - f.date.getTime()) / 86_400_000);
      if (i % 3 === 2 || daysLeft < 3) continue;
      const date = addDays(f.date, random.int(1, Math.min(daysLeft, 30)));
      const later = await tx.activity.create({
        data: {
          chapterId,
          memberId: f.memberId,
          date,
          durationMinutes: 90,
          typeId: accompany.id,
          villageCode: f.villageCode,
          districtCode: f.districtCode,
          households: 1,
          narrative: "Kunjungan lanjutan untuk rujukan sebelumnya.",
          status: daysLeft > 10 ? "verified" : "submitted",
          submittedAt: date,
          verifiedAt: daysLeft > 10 ? addDays(date, 1) : null,
          verifiedById: daysLeft > 10 ? verifierId : null,
          idempotencyKey: `demo-follow-up-${i}`,
        },
        select: { id: true },
      });
      const status = i % 2 === 0 ? "selesai" : "proses";
      await tx.followUpUpdate.create({
        data: {
          followUpId: followUp.id,
          activityId: later.id,
          status,
          note: status === "selesai" ? "Sudah diterima layanan." : "Berkas diserahkan, menunggu jadwal.",
        },
      });
      await tx.followUp.update({ where: { id: followUp.id }, data: { status, closedById: status === "selesai" ? later.id : null } });
    }
  });
}

/**
 * Trainings: two basic bimtek (2019, 2025) that leave a third of the active members without one
 * on record (the path gap), a DTSEN bimtek this year, an LSP certification whose certificates
 * expire within weeks (one already expired), a diklat in two weeks, and an outside Kemensos
 * diklat of the Ketua. Relative dates keep "near expiry" and "upcoming" true whenever the demo
 * is loaded.
 */
async function seedTrainings(input: {
  chapterId: string;
  actorId: string;
  active: string[];
  named: { ketua: string; sekretaris: string; relawan: string; bendahara: string; korcam: string };
}) {
  const { actorId, active, named } = input;
  // The trainings are entered as the account would enter them: its actor, built as a request builds it.
  const session = await createSession(actorId, 1);
  const actor = actorOf((await getSessionUser(session.id))!);
  await deleteSession(session.id);
  const must = <T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> => {
    if (!result.ok) throw new Error(`Demo training refused (${what}): ${JSON.stringify(result)}`);
    return result as Extract<T, { ok: true }>;
  };
  const today = calendarToday("Asia/Jakarta");
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const courses = await listCourses(actor);
  const course = (kind: string) => courses.find((c) => c.kind === kind && c.chapterId === null)!.id;
  const event = async (kind: string, start: string, end: string, place: string, organiser: string, trainers: string, capacity?: number) =>
    must(
      await createEvent(
        actor,
        eventFormSchema.parse({
          courseId: course(kind),
          startDate: start,
          endDate: end,
          place,
          organiser,
          trainers,
          capacity: capacity ? String(capacity) : "",
        }),
      ),
      `event ${kind} ${start}`,
    ).id;
  const register = async (eventId: string, memberIds: string[]) => must(await addParticipants(actor, eventId, memberIds), "participants");
  const results = async (eventId: string, rows: (m: { id: string; index: number }) => Omit<ResultRow, "participantId">) => {
    const participants = await db.trainingParticipant.findMany({ where: { eventId }, select: { id: true }, orderBy: { createdAt: "asc" } });
    must(
      await recordResults(
        actor,
        eventId,
        participants.map((p, index) => ({ participantId: p.id, ...rows({ id: p.id, index }) })),
      ),
      "results",
    );
    return participants;
  };
  const passed = () => ({ attendance: "hadir" as const, hoursAttended: null, result: "lulus" as const, score: null });

  // Basic bimtek, 2019 and 2025: together two thirds of today's active members.
  const bimtek2019 = await event(
    "bimtek_dasar",
    "2019-07-15",
    "2019-07-17",
    "Aula Dinas Sosial Kota Pontianak",
    "Dinas Sosial Kota Pontianak",
    "Tim Dinas Sosial Provinsi Kalimantan Barat",
  );
  await register(bimtek2019, [named.ketua, named.bendahara, named.korcam, named.sekretaris, ...active.slice(0, 26)]);
  await results(bimtek2019, passed);
  const bimtek2025 = await event(
    "bimtek_dasar",
    "2025-03-10",
    "2025-03-12",
    "Hotel Kapuas Palace, Pontianak",
    "Dinas Sosial Kota Pontianak",
    "Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial Banjarmasin",
    40,
  );
  await register(bimtek2025, [named.relawan, ...active.slice(26, 60)]);
  await results(bimtek2025, ({ index }) =>
    index === 3
      ? { attendance: "sebagian", hoursAttended: 16, result: "tidak_lulus", score: 55 }
      : { ...passed(), score: 70 + (index % 25) },
  );

  // DTSEN bimtek earlier this year (from the national catalogue).
  const dtsen = await event(
    "bimtek_teknis",
    "2026-02-16",
    "2026-02-17",
    "Aula Kantor Wali Kota Pontianak",
    "Dinas Sosial Kota Pontianak",
    "Pusdatin Kesos Kementerian Sosial",
  );
  await register(dtsen, [named.relawan, named.korcam, ...active.slice(0, 14)]);
  await results(dtsen, ({ index }) =>
    index % 5 === 4 ? { attendance: "sebagian", hoursAttended: 8, result: null, score: null } : passed(),
  );

  // LSP certification five years ago: certificates expire within weeks; one expired already.
  const certIssued = addDays(today, -5 * 365 + 35);
  const lsp = await event(
    "sertifikasi",
    iso(addDays(certIssued, -4)),
    iso(addDays(certIssued, -3)),
    "TUK LSP Kemensos, Pontianak",
    "LSP Pekerja Sosial Kemensos",
    "Asesor LSP Kemensos",
  );
  await register(lsp, [named.ketua, named.sekretaris, ...active.slice(30, 34)]);
  const lspParticipants = await results(lsp, passed);
  for (const [index, participant] of lspParticipants.entries()) {
    const issued = index === lspParticipants.length - 1 ? addDays(certIssued, -60) : certIssued;
    must(
      await saveParticipantCertificate(actor, {
        eventId: lsp,
        participantId: participant.id,
        data: certificateFormSchema.parse({
          number: `LSP-PEKSOS/${issued.getUTCFullYear()}/${String(101 + index).padStart(4, "0")}`,
          issuer: "LSP Pekerja Sosial Kemensos",
          issuedOn: iso(issued),
        }),
        file: null,
      }),
      "certificate",
    );
  }

  // A diklat in two weeks, with its first participants.
  const diklat = await event(
    "diklat",
    iso(addDays(today, 14)),
    iso(addDays(today, 18)),
    "Balai Besar Diklat Kesos Banjarmasin",
    "Kementerian Sosial",
    "Widyaiswara BBPPKS Banjarmasin",
    25,
  );
  await register(diklat, [named.relawan, named.korcam, ...active.slice(40, 46)]);

  // The Ketua's own Kemensos diklat, entered with its certificate.
  must(
    await addExternalTraining(actor, named.ketua, {
      data: externalTrainingSchema.parse({
        title: "Diklat Manajemen Kasus bagi Pilar Sosial",
        kind: "diklat",
        organiser: "Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial Banjarmasin",
        startDate: "2023-05-08",
        endDate: "2023-05-12",
        hours: "40",
        certificateNumber: "BBPPKS-BJM/2023/0457",
        certificateIssuedOn: "2023-05-12",
      }),
      file: null,
    }),
    "external diklat",
  );
}

/**
 * The past board (2021-2026, with a mid-term replacement of its Bendahara) and the active one
 * (2026-2031, installed by the mayor on 20 January 2026) whose core positions the demo
 * accounts hold. Built through the leadership rules, as the board would enter them.
 */
async function seedLeadership(input: {
  chapterId: string;
  actorId: string;
  holders: { ketua: string; sekretaris: string; bendahara: string; korcam: string };
  others: string[];
}) {
  const { actorId, holders, others } = input;
  // Entered as the administrator would enter them: its actor, built as a request builds it.
  const session = await createSession(actorId, 1);
  const actor = actorOf((await getSessionUser(session.id))!);
  await deleteSession(session.id);
  const must = <T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> => {
    if (!result.ok) throw new Error(`Demo leadership refused (${what}): ${JSON.stringify(result)}`);
    return result as Extract<T, { ok: true }>;
  };
  for (const [code, name] of [
    ["61.71.05", "Pontianak Kota"],
    ["61.71.01", "Pontianak Selatan"],
  ] as const) {
    must(
      await createPosition(
        actor,
        positionFormSchema.parse({
          title: `Koordinator Kecamatan ${name}`,
          kind: "koordinator_kecamatan",
          districtCode: code,
          singleHolder: "on",
        }),
      ),
      `position ${name}`,
    );
  }
  const positions = await listPositions(actor);
  const positionId = (title: string) => positions.find((p) => p.title === title)!.id;
  const appoint = async (periodId: string, title: string, memberId: string, startDate: string, extra: Partial<HoldingFormInput> = {}) =>
    must(
      await addHolding(actor, periodId, holdingFormSchema.parse({ positionId: positionId(title), memberId, startDate, ...extra })),
      title,
    );

  // 2021-2026: entered as history, then recorded as ended.
  const past = must(
    await createPeriod(
      actor,
      periodFormSchema.parse({
        name: "Periode 2021-2026",
        startDate: "2021-01-18",
        endDate: "2026-01-19",
        skNumber: "400.9/27/DINSOS/2021",
        skDate: "2021-01-11",
        skIssuer: "Wali Kota Pontianak",
        installationDate: "2021-01-18",
        installationPlace: "Aula Sultan Syarif Abdurrahman, Kantor Wali Kota Pontianak",
      }),
    ),
    "period 2021-2026",
  );
  await appoint(past.id, "Ketua", others[0]!, "2021-01-18");
  await appoint(past.id, "Wakil Ketua", holders.ketua, "2021-01-18");
  await appoint(past.id, "Sekretaris", holders.sekretaris, "2021-01-18");
  const firstTreasurer = await appoint(past.id, "Bendahara", others[1]!, "2021-01-18");
  must(
    await replaceHolding(
      actor,
      firstTreasurer.id,
      replaceHoldingSchema.parse({
        memberId: holders.bendahara,
        startDate: "2023-07-01",
        endReason: "mengundurkan_diri",
        skNumber: "001/IPSM-PTK/VI/2023",
        skDate: "2023-06-26",
        endNote: "Pindah domisili ke Kabupaten Kubu Raya",
      }),
    ),
    "PAW Bendahara 2023",
  );
  await appoint(past.id, "Koordinator Bidang Pendataan", others[2]!, "2021-01-18");
  await appoint(past.id, "Anggota Pengurus", others[3]!, "2021-01-18");
  must(await archivePastPeriod(actor, past.id), "archive 2021-2026");

  // 2026-2031: the board installed on 20 January 2026, active now.
  const current = must(
    await createPeriod(
      actor,
      periodFormSchema.parse({
        name: "Periode 2026-2031",
        startDate: "2026-01-20",
        endDate: "2031-01-19",
        skNumber: "400.9/12/DINSOS/2026",
        skDate: "2026-01-12",
        skIssuer: "Wali Kota Pontianak",
        installationDate: "2026-01-20",
        installationPlace: "Aula Sultan Syarif Abdurrahman, Kantor Wali Kota Pontianak",
      }),
    ),
    "period 2026-2031",
  );
  await appoint(current.id, "Ketua", holders.ketua, "2026-01-20");
  await appoint(current.id, "Wakil Ketua", others[0]!, "2026-01-20");
  await appoint(current.id, "Sekretaris", holders.sekretaris, "2026-01-20");
  await appoint(current.id, "Wakil Sekretaris", others[4]!, "2026-01-20");
  await appoint(current.id, "Bendahara", holders.bendahara, "2026-01-20");
  await appoint(current.id, "Wakil Bendahara", others[5]!, "2026-01-20");
  await appoint(current.id, "Koordinator Bidang Pendataan", others[2]!, "2026-01-20");
  await appoint(current.id, "Koordinator Bidang Pelatihan", others[6]!, "2026-01-20");
  await appoint(current.id, "Koordinator Bidang Kemitraan dan CSR", others[7]!, "2026-01-20");
  await appoint(current.id, "Koordinator Bidang Humas", others[8]!, "2026-01-20");
  await appoint(current.id, "Koordinator Kecamatan Pontianak Kota", holders.korcam, "2026-01-20");
  await appoint(current.id, "Koordinator Kecamatan Pontianak Selatan", others[9]!, "2026-01-20");
  await appoint(current.id, "Anggota Pengurus", others[10]!, "2026-01-20");
  await appoint(current.id, "Anggota Pengurus", others[11]!, "2026-01-20");
  // Activated as on the day of the pelantikan (or today, for a demo loaded after 2031).
  const installed = new Date("2026-01-20T03:00:00Z");
  must(
    await activatePeriod(actor, current.id, new Date() > new Date("2031-01-19T12:00:00Z") ? installed : new Date()),
    "activate 2026-2031",
  );
}

export async function seed() {
  const load = await loadRegions();
  const regions = `${load.total} (${load.inserted} added, ${load.updated} updated, ${(load.milliseconds / 1000).toFixed(1)} s)`;
  if (!getEnv().SEED_DEMO_DATA) {
    console.log(`Regions: ${regions}. Demo data: skipped (SEED_DEMO_DATA=false).`);
    return;
  }
  if ((await db.chapter.count()) > 0) {
    console.log(`Regions: ${regions}. Demo data: the database already has data, left as it is.`);
    return;
  }
  const result = await seedDemo();
  // The demo is an installed portal: no first-run setup page.
  await markInstalled("demo");
  console.log(`Regions: ${regions}. Demo data: ${result.members} members, ${result.accounts} accounts.`);
}

// Run when called as a script (tsx prisma/seed.ts), not when imported by tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  seed()
    .then(() => db.$disconnect())
    .catch(async (error) => {
      console.error(error);
      await db.$disconnect();
      process.exit(1);
    });
}
