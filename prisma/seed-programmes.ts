// Demo CSR partners and programmes, entered through the same rules the pages use: two partner
// companies (fictional) with contacts and PKS, two programmes in progress (economic stimulus
// for poor households, house repairs), one finished (Ramadan food packages), and the chapter's
// own "IPSM Menyapa". Money is recorded by the Ketua and the Bendahara (one entry above the
// threshold waits for the Ketua; one mistake is reversed), and the demo's verified activities
// of the right kind and dates are logged under the programmes. Dates are relative to the load day.
import { savePartner, addAgreement, addContact } from "~/domain/programmes/partners.server";
import { recordMoneyEntry, reverseMoneyEntry } from "~/domain/programmes/money.server";
import { createProgramme } from "~/domain/programmes/programmes.server";
import type { Actor } from "~/domain/shared/actor.server";
import { addDays, calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { permissionsFor } from "~/utils/permissions";
import { toDateInput } from "~/validation/fields";
import {
  agreementSchema,
  contactSchema,
  moneyEntrySchema,
  partnerSchema,
  programmeSchema,
  type ProgrammeSubmission,
} from "~/validation/programmes";

const TZ = "Asia/Jakarta";

function must<T extends { ok: boolean }>(result: T, what: string): T & { ok: true } {
  if (!result.ok) throw new Error(`Demo programme data refused (${what}): ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

export async function seedProgrammes(input: {
  chapterId: string;
  users: { ketua: string; bendahara: string };
  members: { ketua: string; sekretaris: string; korcam: string; relawan: string };
  volunteers: string[];
}) {
  const { chapterId } = input;
  const today = calendarToday(TZ);
  const day = (offset: number) => toDateInput(addDays(today, offset));
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { code: true } });
  const actor = (userId: string, memberId: string, kind: "ketua" | "bendahara"): Actor => ({
    userId,
    role: "volunteer",
    memberId,
    chapterId,
    chapterCode: chapter.code,
    timeZone: TZ,
    permissions: permissionsFor("volunteer", [kind]),
    districtCodes: [],
  });
  const bendaharaMember = await db.user.findUniqueOrThrow({ where: { id: input.users.bendahara }, select: { memberId: true } });
  const ketua = actor(input.users.ketua, input.members.ketua, "ketua");
  const bendahara = actor(input.users.bendahara, bendaharaMember.memberId!, "bendahara");
  const board = ketua;

  // Partners, their people and agreements.
  const bank = must(
    await savePartner(
      board,
      partnerSchema.parse({
        name: "PT Bank Khatulistiwa Sejahtera",
        kind: "perusahaan",
        sector: "Perbankan",
        address: "Jl. Rahadi Usman No. 8, Pontianak",
        status: "aktif",
      }),
    ),
    "partner bank",
  ).id;
  const energy = must(
    await savePartner(
      board,
      partnerSchema.parse({
        name: "PT Borneo Energi Nusantara",
        kind: "bumd",
        sector: "Energi",
        address: "Jl. Ahmad Yani No. 121, Pontianak",
        status: "aktif",
      }),
    ),
    "partner energy",
  ).id;
  must(
    await addContact(
      board,
      bank,
      contactSchema.parse({ name: "Rina Marlina", position: "Kepala Divisi CSR", phone: "081256781234", email: "csr@bks.example.id" }),
    ),
    "bank contact",
  );
  must(
    await addContact(
      board,
      energy,
      contactSchema.parse({ name: "Hendra Gunawan", position: "Manajer TJSL", phone: "082155512345", email: "tjsl@ben.example.id" }),
    ),
    "energy contact",
  );
  const bankPks = must(
    await addAgreement(
      board,
      bank,
      agreementSchema.parse({ kind: "pks", number: "PKS.017/BKS-CSR/2026", signedOn: day(-200), startDate: day(-190), endDate: day(200) }),
      null,
    ),
    "bank agreement",
  ).id;
  const energyPks = must(
    await addAgreement(
      board,
      energy,
      agreementSchema.parse({ kind: "pks", number: "045/PKS/BEN-TJSL/2026", signedOn: day(-160), startDate: day(-155), endDate: day(230) }),
      null,
    ),
    "energy agreement",
  ).id;

  const categories = await db.ppksCategory.findMany({ where: { chapterId: null }, select: { id: true, number: true } });
  const category = (n: number) => categories.find((c) => c.number === n)!.id;
  const villages = await db.region.findMany({
    where: { code: { startsWith: "61.71." }, level: "village" },
    select: { code: true },
    orderBy: { code: "asc" },
  });
  const assigned = [input.members.relawan, input.members.korcam, ...input.volunteers.slice(0, 40)];

  const programme = async (what: string, fields: Record<string, string>, rest: Omit<ProgrammeSubmission, "data">) =>
    must(await createProgramme(ketua, { data: programmeSchema.parse(fields), ...rest }), what).id;

  const stimulus = await programme(
    "stimulus",
    {
      name: "Stimulan Ekonomi Keluarga Miskin",
      goal: "Modal usaha dan pendampingan untuk keluarga miskin ekstrem (desil 1) agar berpenghasilan tetap.",
      startDate: day(-120),
      endDate: day(60),
      budget: "150.000.000",
      fundingSource: "csr",
      coordinatorId: input.members.korcam,
    },
    {
      partners: [{ partnerId: bank, committed: 150_000_000, agreementId: bankPks }],
      villageCodes: villages.slice(0, 8).map((v) => v.code),
      targets: [
        { categoryId: category(24), target: 120 },
        { categoryId: category(23), target: 40 },
      ],
      volunteerIds: assigned,
    },
  );
  const rtlh = await programme(
    "rtlh",
    {
      name: "Bedah Rumah Tidak Layak Huni",
      goal: "Perbaikan rumah tidak layak huni bagi lansia dan penyandang disabilitas.",
      startDate: day(-90),
      endDate: day(120),
      budget: "200.000.000",
      fundingSource: "csr",
      coordinatorId: input.members.ketua,
    },
    {
      partners: [{ partnerId: energy, committed: 180_000_000, agreementId: energyPks }],
      villageCodes: villages.slice(8, 14).map((v) => v.code),
      targets: [
        { categoryId: category(8), target: 20 },
        { categoryId: category(9), target: 10 },
      ],
      volunteerIds: assigned.slice(0, 15),
    },
  );
  const ramadan = await programme(
    "ramadan",
    {
      name: "Paket Sembako Ramadan",
      goal: "Paket sembako bagi lansia terlantar dan keluarga miskin menjelang Idulfitri.",
      startDate: day(-150),
      endDate: day(-110),
      budget: "60.000.000",
      fundingSource: "csr",
      coordinatorId: input.members.korcam,
    },
    {
      partners: [
        { partnerId: bank, committed: 35_000_000, agreementId: bankPks },
        { partnerId: energy, committed: 25_000_000, agreementId: energyPks },
      ],
      villageCodes: [],
      targets: [
        { categoryId: category(8), target: 150 },
        { categoryId: category(24), target: 250 },
      ],
      volunteerIds: assigned,
    },
  );
  const menyapa = await programme(
    "menyapa",
    {
      name: "IPSM Menyapa",
      goal: "Kunjungan rumah rutin untuk memvalidasi data PPKS dan menjangkau warga rentan.",
      startDate: toDateInput(new Date(Date.UTC(today.getUTCFullYear(), 0, 1))),
      endDate: toDateInput(new Date(Date.UTC(today.getUTCFullYear(), 11, 31))),
      budget: "24.000.000",
      fundingSource: "apbd",
      coordinatorId: input.members.ketua,
    },
    {
      partners: [],
      villageCodes: [],
      targets: [
        { categoryId: category(8), target: 300 },
        { categoryId: category(9), target: 120 },
      ],
      volunteerIds: assigned,
    },
  );

  // Money: received and spent, one entry waiting for the Ketua, one mistake reversed.
  let serial = 0;
  const money = async (who: Actor, programmeId: string, fields: Record<string, string>) =>
    must(
      await recordMoneyEntry(who, programmeId, moneyEntrySchema.parse({ idempotencyKey: `demo-money-${++serial}`, ...fields })),
      `money ${serial}`,
    );
  await money(ketua, stimulus, {
    kind: "disbursement",
    date: day(-115),
    amount: "75.000.000",
    purpose: "Pencairan tahap I",
    partnerId: bank,
  });
  await money(bendahara, stimulus, { kind: "spending", date: day(-100), amount: "3.500.000", purpose: "Pelatihan usaha 35 KK" });
  await money(ketua, stimulus, {
    kind: "spending",
    date: day(-80),
    amount: "42.000.000",
    purpose: "Bantuan modal usaha 28 KK @ Rp1.500.000",
  });
  const mistake = await money(bendahara, stimulus, {
    kind: "spending",
    date: day(-40),
    amount: "2.400.000",
    purpose: "Transport pendamping (salah catat)",
  });
  must(
    await reverseMoneyEntry(bendahara, mistake.id, "Dobel catat dengan kuitansi transport bulan lalu", "demo-money-reversal-1"),
    "reversal",
  );
  await money(bendahara, stimulus, {
    kind: "spending",
    date: day(-10),
    amount: "18.000.000",
    purpose: "Bantuan modal usaha tahap II (12 KK)",
  });
  await money(ketua, rtlh, { kind: "disbursement", date: day(-85), amount: "90.000.000", purpose: "Pencairan tahap I", partnerId: energy });
  await money(ketua, rtlh, { kind: "spending", date: day(-60), amount: "54.000.000", purpose: "Bahan bangunan 6 rumah" });
  await money(bendahara, rtlh, { kind: "spending", date: day(-20), amount: "2.750.000", purpose: "Upah tukang rumah Ibu S." });
  await money(ketua, ramadan, {
    kind: "disbursement",
    date: day(-148),
    amount: "35.000.000",
    purpose: "Dana CSR paket Ramadan",
    partnerId: bank,
  });
  await money(ketua, ramadan, {
    kind: "disbursement",
    date: day(-147),
    amount: "25.000.000",
    purpose: "Dana TJSL paket Ramadan",
    partnerId: energy,
  });
  await money(bendahara, ramadan, {
    kind: "spending",
    date: day(-140),
    amount: "4.950.000",
    purpose: "Paket sembako 33 paket @ Rp150.000",
  });
  await money(ketua, ramadan, { kind: "spending", date: day(-135), amount: "53.550.000", purpose: "Paket sembako 357 paket @ Rp150.000" });
  await money(ketua, ramadan, { kind: "spending", date: day(-125), amount: "1.500.000", purpose: "Sewa kendaraan distribusi" });
  await money(ketua, menyapa, { kind: "disbursement", date: day(-100), amount: "12.000.000", purpose: "Hibah APBD semester I" });
  await money(bendahara, menyapa, { kind: "spending", date: day(-30), amount: "3.600.000", purpose: "Uang transport relawan kunjungan" });

  // The demo's activities done for these programmes: aid in the stimulus and Ramadan periods,
  // RTLH assessments for the house repairs, home visits for IPSM Menyapa.
  const types = await db.activityType.findMany({ where: { chapterId }, select: { id: true, name: true } });
  const typeId = (prefix: string) => types.find((x) => x.name.startsWith(prefix))!.id;
  const link = async (programmeId: string, typePrefix: string, from: number, to: number) =>
    db.activity.updateMany({
      where: {
        chapterId,
        typeId: typeId(typePrefix),
        memberId: { in: assigned },
        date: { gte: addDays(today, from), lte: addDays(today, to) },
      },
      data: { programmeId },
    });
  await link(ramadan, "Penyaluran", -150, -110);
  await link(stimulus, "Penyaluran", -109, 0);
  await link(rtlh, "Asesmen RTLH", -90, 0);
  await link(menyapa, "Kunjungan rumah", -365, 0);

  // The coordinator's choice of photos is left to the demo user (the demo activities have none).
}
