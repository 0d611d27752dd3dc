// Demo data for a fresh portal: the Kalimantan Barat regions, IPSM Kota Pontianak with a
// kecamatan sub-chapter, 122 members across its kelurahan (one person registered twice), and the five demo accounts (README).
// Idempotent: regions are refreshed; the rest is loaded only when the database has no chapter.
import { createMember } from "~/domain/members.server";
import { importProvinceRegions, listVillages } from "~/domain/regions.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { memberFormSchema, type MemberStatus } from "~/validation/members";
import { buildChapter, buildMember, buildUser, calendarDate, seededRandom } from "../tests/factories";

export const DEMO_PASSWORD = "demo-ipsm-2026";
const DEMO_PROVINCE = "61"; // Kalimantan Barat
const DEMO_CITY = "61.71"; // Kota Pontianak

async function seedDemo() {
  const random = seededRandom(2026);
  const city = await buildChapter({ code: "PTK", name: "IPSM Kota Pontianak", regionCode: DEMO_CITY });
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
  ] as const;
  const [ketua, sekretaris, relawan] = await Promise.all(
    named.map(({ village, ...m }) => buildMember({ ...m, chapterId: city.id, villageCode: villages[village]!.code, random })),
  );
  if (!ketua || !sekretaris || !relawan) throw new Error("Demo members missing");

  const accounts = [
    { email: "admin@demo.ipsm.id", name: "Administrator Sistem", role: "admin" as const, memberId: null },
    { email: "ketua@demo.ipsm.id", name: ketua.fullName, role: "board" as const, memberId: ketua.id },
    { email: "sekretaris@demo.ipsm.id", name: sekretaris.fullName, role: "board" as const, memberId: sekretaris.id },
    { email: "relawan@demo.ipsm.id", name: relawan.fullName, role: "volunteer" as const, memberId: relawan.id },
    { email: "dinsos@demo.ipsm.id", name: "Staf Dinas Sosial Kota Pontianak", role: "dinsos" as const, memberId: null },
  ];
  const users = [];
  for (const account of accounts) {
    users.push(await buildUser({ ...account, chapterId: city.id, password: DEMO_PASSWORD }));
  }

  // One person registered twice (two NIK typed differently), for the board to resolve in
  // "Kemungkinan duplikat": added through the registry, which flags it.
  const secretaryUserId = users[2]!.id;
  const twice = { fullName: "Siti Rahmawati", sex: "P", birthDate: "1979-11-05", address: "Jl. Karet No. 14", joinDate: "2019-04-01", membershipType: "biasa" } as const;
  for (const [nik, villageCode] of [["6171034511790021", villages[12]!.code], ["6171034511790012", villages[12]!.code]] as const) {
    const result = await createMember({
      chapterId: city.id,
      actorId: secretaryUserId,
      data: memberFormSchema.parse({ ...twice, nik, villageCode }),
      status: "aktif",
    });
    if (!result.ok) throw new Error(`Demo duplicate refused: ${JSON.stringify(result.fieldErrors)}`);
  }
  return { members: members.length + 5, accounts: accounts.length };
}

export async function seed() {
  const regions = await importProvinceRegions(DEMO_PROVINCE);
  if (!getEnv().SEED_DEMO_DATA) {
    console.log(`Regions: ${regions} loaded. Demo data: skipped (SEED_DEMO_DATA=false).`);
    return;
  }
  if ((await db.chapter.count()) > 0) {
    console.log(`Regions: ${regions} loaded. Demo data: the database already has data, left as it is.`);
    return;
  }
  const result = await seedDemo();
  console.log(`Regions: ${regions} loaded. Demo data: ${result.members} members, ${result.accounts} accounts.`);
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
