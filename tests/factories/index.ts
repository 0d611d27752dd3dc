// Factories for tests and for the demo seed: they build valid, realistic records.
// Deterministic when given a seeded random source, so the demo data is the same on every machine.
import { PRIVACY_NOTICE_VERSION } from "~/validation/privacy";
import { createChapter, type ChapterInput } from "~/domain/chapters/chapters.server";
import { ensureDefaultPositions } from "~/domain/leadership/positions.server";
import { reserveMemberNumbers } from "~/domain/members/members.server";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import type { Role } from "~/utils/permissions";
import type { PositionKind } from "~/validation/leadership";
import type { MemberStatus, Sex } from "~/validation/members";

/** A small seeded PRNG (mulberry32) so that generated data is repeatable. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
export type Random = ReturnType<typeof seededRandom>;

const defaultRandom = seededRandom(Date.now() % 2 ** 31);

const MALE_NAMES = [
  "Ahmad",
  "Budi",
  "Dedi",
  "Eko",
  "Fajar",
  "Hendra",
  "Irwan",
  "Joko",
  "Rudi",
  "Syarif",
  "Yusuf",
  "Agus",
  "Rahmat",
  "Hamdan",
  "Slamet",
];
const FEMALE_NAMES = [
  "Siti",
  "Dewi",
  "Nurhayati",
  "Ratna",
  "Wati",
  "Yuliana",
  "Fitri",
  "Lestari",
  "Maria",
  "Hasanah",
  "Aisyah",
  "Rosmawati",
  "Utin",
  "Sri",
  "Kartini",
];
const FAMILY_NAMES = [
  "Saputra",
  "Rahman",
  "Hidayat",
  "Lim",
  "Syahputra",
  "Kurniawan",
  "Pratama",
  "Wijaya",
  "Nasution",
  "Abdullah",
  "Gunawan",
  "Hasibuan",
  "Setiawan",
  "Tan",
  "Daeng",
];
const STREETS = [
  "Jl. Tanjungpura",
  "Jl. Gajah Mada",
  "Jl. Sultan Abdurrahman",
  "Jl. Imam Bonjol",
  "Jl. Ahmad Yani",
  "Jl. Kom. Yos Sudarso",
  "Jl. Veteran",
  "Jl. Sungai Raya Dalam",
];

export function fakeName(sex: Sex, random: Random = defaultRandom) {
  return `${random.pick(sex === "L" ? MALE_NAMES : FEMALE_NAMES)} ${random.pick(FAMILY_NAMES)}`;
}

/** An NIK consistent with the kecamatan code, birth date and sex (day + 40 for women). */
export function fakeNik(input: { districtCode: string; birthDate: Date; sex: Sex; serial: number }) {
  const region = input.districtCode.replaceAll(".", "");
  const day = input.birthDate.getUTCDate() + (input.sex === "P" ? 40 : 0);
  const month = input.birthDate.getUTCMonth() + 1;
  const year = input.birthDate.getUTCFullYear() % 100;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${region}${two(day)}${two(month)}${two(year)}${String(input.serial).padStart(4, "0")}`;
}

/** A calendar date at UTC midnight. */
export function calendarDate(year: number, month: number, day: number) {
  return new Date(Date.UTC(year, month - 1, day));
}

export async function buildChapter(overrides: Partial<ChapterInput> = {}) {
  const code = overrides.code ?? `T${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
  return createChapter({
    name: "IPSM Kota Pontianak",
    level: "kabkota",
    regionCode: "61.71",
    timeZone: "Asia/Jakarta",
    address: "Jl. Letjen Sutoyo No. 12, Pontianak Selatan, Kota Pontianak, Kalimantan Barat 78121",
    phone: "(0561) 736 000",
    email: "sekretariat@ipsm-pontianak.or.id",
    website: null,
    letterPlace: "Pontianak",
    letterheadSubtitle: "KOTA PONTIANAK",
    ...overrides,
    code,
  });
}

let serialCounter = 0;

export async function buildMember(input: {
  chapterId: string;
  villageCode: string;
  sex?: Sex;
  fullName?: string;
  birthDate?: Date;
  status?: MemberStatus;
  joinDate?: Date;
  phone?: string | null;
  random?: Random;
  /** whether the member has agreed to the current privacy notice (default: yes, on joining) */
  consented?: boolean;
}) {
  const random = input.random ?? defaultRandom;
  const sex = input.sex ?? random.pick(["L", "P"] as const);
  const birthDate = input.birthDate ?? calendarDate(random.int(1960, 2000), random.int(1, 12), random.int(1, 28));
  const districtCode = input.villageCode.split(".").slice(0, 3).join(".");
  serialCounter += 1;
  const joinDate = input.joinDate ?? calendarDate(random.int(2015, 2025), random.int(1, 12), random.int(1, 28));
  const status = input.status ?? "aktif";
  return db.$transaction(async (tx) => {
    const [memberNumber] = await reserveMemberNumbers(tx, input.chapterId, [joinDate.getUTCFullYear()]);
    return tx.member.create({
      data: {
        memberNumber,
        chapterId: input.chapterId,
        fullName: input.fullName ?? fakeName(sex, random),
        nik: fakeNik({ districtCode, birthDate, sex, serial: (serialCounter % 9000) + random.int(1, 999) }),
        sex,
        birthDate,
        phone: input.phone === undefined ? `+628${random.int(11, 59)}${random.int(1000000, 9999999)}` : input.phone,
        address: `${random.pick(STREETS)} No. ${random.int(1, 150)}`,
        villageCode: input.villageCode,
        status,
        statusDate: joinDate,
        joinDate,
        ...(input.consented === false ? {} : { consentAt: joinDate, consentVersion: PRIVACY_NOTICE_VERSION }),
      },
      select: { id: true, fullName: true, nik: true, status: true, chapterId: true, memberNumber: true },
    });
  });
}

let cachedTestHash: Promise<string> | undefined;

/** A user; the password defaults to "password-123" (hashed once per process for speed). */
export async function buildUser(input: {
  chapterId: string;
  role: Role;
  email?: string;
  name?: string;
  password?: string;
  memberId?: string | null;
  active?: boolean;
}) {
  const passwordHash = input.password ? await hashPassword(input.password) : await (cachedTestHash ??= hashPassword("password-123"));
  return db.user.create({
    data: {
      email: (input.email ?? `${input.role}-${Math.random().toString(36).slice(2, 10)}@test.ipsm.id`).toLowerCase(),
      name: input.name ?? `Pengguna ${input.role}`,
      passwordHash,
      role: input.role,
      chapterId: input.chapterId,
      memberId: input.memberId ?? null,
      active: input.active ?? true,
    },
    select: { id: true, email: true, role: true, chapterId: true, memberId: true },
  });
}

/**
 * The chapter's active leadership period (created around today when there is none): where
 * board rights come from.
 */
export async function ensureActivePeriod(chapterId: string) {
  const existing = await db.leadershipPeriod.findFirst({ where: { chapterId, status: "active" }, select: { id: true } });
  if (existing) return existing;
  const year = new Date().getUTCFullYear();
  return db.leadershipPeriod.create({
    data: {
      chapterId,
      name: `Periode ${year - 1}-${year + 4}`,
      startDate: calendarDate(year - 1, 1, 1),
      endDate: calendarDate(year + 4, 12, 31),
      skNumber: `400.9/${year - 1}/UJI`,
      skDate: calendarDate(year - 1, 1, 1),
      status: "active",
      activatedAt: new Date(),
    },
    select: { id: true },
  });
}

/**
 * A board member: an active member holding a position of the kind (Sekretaris by default) in
 * the chapter's active period, with their account (role volunteer: board rights come from the
 * position). `districtCode` binds a Koordinator Kecamatan to a kecamatan.
 */
export async function buildBoardUser(input: {
  chapterId: string;
  kind?: PositionKind;
  email?: string;
  name?: string;
  villageCode?: string;
  districtCode?: string;
}) {
  const kind = input.kind ?? "sekretaris";
  await ensureDefaultPositions(input.chapterId);
  const period = await ensureActivePeriod(input.chapterId);
  const periodRow = await db.leadershipPeriod.findUniqueOrThrow({ where: { id: period.id }, select: { startDate: true } });
  const position =
    kind === "koordinator_kecamatan"
      ? await db.boardPosition.upsert({
          where: { chapterId_title: { chapterId: input.chapterId, title: `Koordinator Kecamatan ${input.districtCode}` } },
          create: {
            chapterId: input.chapterId,
            title: `Koordinator Kecamatan ${input.districtCode}`,
            kind,
            districtCode: input.districtCode ?? null,
            singleHolder: true,
          },
          update: {},
          select: { id: true },
        })
      : await db.boardPosition.findFirstOrThrow({
          where: { chapterId: input.chapterId, kind },
          select: { id: true },
          orderBy: { sortOrder: "asc" },
        });
  const member = await buildMember({
    chapterId: input.chapterId,
    villageCode: input.villageCode ?? "61.71.01.1002",
    fullName: input.name,
    status: "aktif",
  });
  await db.positionHolding.create({
    data: { periodId: period.id, positionId: position.id, memberId: member.id, startDate: periodRow.startDate },
  });
  const user = await buildUser({
    chapterId: input.chapterId,
    role: "volunteer",
    email: input.email,
    name: input.name ?? member.fullName,
    memberId: member.id,
  });
  return { ...user, memberId: member.id, periodId: period.id, positionId: position.id };
}
