// The demo's province tier (issue 16): IPSM Provinsi Kalimantan Barat above IPSM Kota Pontianak,
// and a second city chapter, IPSM Kota Singkawang, with a few members, verified activities over
// the last three months and last month's report submitted (awaiting the Dinas Sosial), so the
// province roll-up (/province, the administrator switched to the province chapter) has two
// chapters to add up and one (Pontianak) that has not sent last month's report yet. The Dinas
// Sosial logins are bound to regions: Kota Pontianak's to 61.71, the province's to 61.
// Nothing here touches Kota Pontianak's members, activities or figures.
import { AgeBand } from "~/generated/prisma/enums";
import { ensureActivityCatalogue, listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import { listVillages } from "~/domain/chapters/regions.server";
import { createReport, submitReport } from "~/domain/reports/reports.server";
import type { Actor } from "~/domain/shared/actor.server";
import { addDays, calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { rolePermissions } from "~/utils/permissions";
import type { MemberStatus } from "~/validation/members";
import { buildChapter, buildMember, buildUser, seededRandom } from "../tests/factories";

const TZ = "Asia/Jakarta";
const SINGKAWANG = "61.72";

/** The province chapter, created before Kota Pontianak's so that the city sits under it. */
export function buildProvinceChapter() {
  return buildChapter({
    code: "KALBAR",
    name: "IPSM Provinsi Kalimantan Barat",
    level: "provinsi",
    regionCode: "61",
    address: "Jl. Jenderal Ahmad Yani No. 1, Pontianak, Kalimantan Barat 78124",
    phone: "(0561) 740 000",
    email: "sekretariat@ipsm-kalbar.or.id",
    letterPlace: "Pontianak",
    letterheadSubtitle: "PROVINSI KALIMANTAN BARAT",
  });
}

/** Kota Singkawang's chapter with its members, activities and report; the Dinas Sosial logins' regions. Returns the accounts added. */
export async function seedProvince(input: { provinceId: string; adminUserId: string; password: string }) {
  const random = seededRandom(6172);
  const city = await buildChapter({
    code: "SKW",
    name: "IPSM Kota Singkawang",
    regionCode: SINGKAWANG,
    parentId: input.provinceId,
    address: "Jl. Diponegoro No. 8, Singkawang Barat, Kota Singkawang, Kalimantan Barat 79123",
    phone: "(0562) 631 000",
    email: "sekretariat@ipsm-singkawang.or.id",
    letterPlace: "Singkawang",
    letterheadSubtitle: "KOTA SINGKAWANG",
  });
  const villages = await listVillages(SINGKAWANG);
  if (villages.length === 0) throw new Error("No kelurahan found for Kota Singkawang: regions not loaded?");
  const statuses: MemberStatus[] = [...Array<MemberStatus>(9).fill("aktif"), "calon", "calon", "nonaktif"];
  const members = [];
  for (const [index, status] of statuses.entries()) {
    members.push(await buildMember({ chapterId: city.id, villageCode: villages[(index * 5) % villages.length]!.code, status, random }));
  }
  const active = members.filter((m) => m.status === "aktif").map((m) => m.id);

  // Activities over the last three months, mostly verified.
  await ensureActivityCatalogue(city.id);
  const [types, categories] = await Promise.all([listActivityTypes(city.id), listPpksCategories(city.id)]);
  const today = calendarToday(TZ);
  await db.$transaction(async (tx) => {
    for (let n = 0; n < 24; n++) {
      const daysAgo = random.int(0, 90);
      const date = addDays(today, -daysAgo);
      const village = villages[random.int(0, villages.length - 1)]!;
      const category = categories[random.pick([7, 8, 23])]!;
      const reached = (["L", "P"] as const)
        .map((sex) => ({
          categoryId: category.id,
          sex,
          ageBand: category.number === 8 ? AgeBand.lansia : null,
          count: random.int(0, 4),
        }))
        .filter((r) => r.count > 0);
      const status = daysAgo < 5 ? "submitted" : "verified";
      const activity = await tx.activity.create({
        data: {
          chapterId: city.id,
          memberId: active[random.int(0, active.length - 1)]!,
          people: reached.reduce((sum, r) => sum + r.count, 0),
          date,
          durationMinutes: random.pick([60, 90, 120]),
          typeId: types[n % 3 === 0 ? 0 : random.int(0, types.length - 1)]!.id,
          villageCode: village.code,
          districtCode: village.parent!.code,
          households: random.int(1, 5),
          narrative: random.pick([
            "Kunjungan rumah lansia bersama ketua RT.",
            "Verifikasi lapangan usulan DTSEN.",
            "Pendampingan warga ke puskesmas.",
          ]),
          status,
          submittedAt: date,
          verifiedAt: status === "verified" ? addDays(date, 2) : null,
          verifiedById: status === "verified" ? input.adminUserId : null,
          idempotencyKey: `demo-skw-${n}`,
        },
        select: { id: true },
      });
      await tx.activityReach.createMany({ data: reached.map((r) => ({ activityId: activity.id, ...r })) });
    }
  });

  // Last month's report, sent by the administrator working in the chapter (Singkawang's board has no demo login).
  const sender: Actor = {
    userId: input.adminUserId,
    role: "admin",
    memberId: null,
    chapterId: city.id,
    chapterCode: "SKW",
    timeZone: TZ,
    permissions: rolePermissions("admin"),
    districtCodes: [],
  };
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  const created = await createReport(sender, { kind: "month", start, end, includeSubChapters: true });
  if (!created.ok) throw new Error(`Singkawang report refused: ${JSON.stringify(created)}`);
  const submitted = await submitReport(sender, created.id);
  if (!submitted.ok) throw new Error(`Singkawang report not submitted: ${JSON.stringify(submitted)}`);

  // The Dinas Sosial: the city's login sees Kota Pontianak's reports, the province's every chapter in Kalimantan Barat.
  await db.user.update({ where: { email: "dinsos@demo.ipsm.id" }, data: { regionCode: "61.71" } });
  const provincial = await buildUser({
    chapterId: input.provinceId,
    role: "dinsos",
    email: "dinsos.kalbar@demo.ipsm.id",
    name: "Staf Dinas Sosial Provinsi Kalimantan Barat",
    password: input.password,
  });
  await db.user.update({ where: { id: provincial.id }, data: { regionCode: "61" } });
  return { members: members.length, accounts: 1 };
}
