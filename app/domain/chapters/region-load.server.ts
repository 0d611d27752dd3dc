// Loads every Kemendagri region of Indonesia (38 provinces, 514 kab/kota, ~7,300 kecamatan,
// ~83,800 desa/kelurahan) from the maintained idn-area-data package, never typed by hand. Runs
// at every start (prisma/seed.ts): the first time it inserts everything in one transaction
// (a few seconds); later it compares the source with the table and writes only what changed, so
// a newer package's spellings reach the portal while a board's display names stay.
import { getDistricts, getProvinces, getRegencies, getVillages } from "idn-area-data";
import { forgetRegionReads } from "./region-cache.server";
import { db } from "~/utils/db.server";
import { regionSearchKey } from "~/utils/regions";

export const REGION_LEVELS = ["province", "regency", "district", "village"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

type SourceRegion = { code: string; officialName: string; level: RegionLevel; parentCode: string | null };
type StoredRegion = { code: string; name: string; officialName: string; parentCode: string | null };

/** "KABUPATEN ACEH SELATAN" -> "Kabupaten Aceh Selatan"; keeps the package's mixed-case names. */
export function tidyName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, " ");
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed.toLowerCase().replace(/(^|[\s(/.-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Every region of the source, parents before children. */
async function sourceRegions(): Promise<SourceRegion[]> {
  const [provinces, regencies, districts, villages] = await Promise.all([getProvinces(), getRegencies(), getDistricts(), getVillages()]);
  return [
    ...provinces.map((p) => ({ code: p.code, officialName: tidyName(p.name), level: "province" as const, parentCode: null })),
    ...regencies.map((r) => ({ code: r.code, officialName: tidyName(r.name), level: "regency" as const, parentCode: r.province_code })),
    ...districts.map((d) => ({ code: d.code, officialName: tidyName(d.name), level: "district" as const, parentCode: d.regency_code })),
    ...villages.map((v) => ({ code: v.code, officialName: tidyName(v.name), level: "village" as const, parentCode: v.district_code })),
  ];
}

/**
 * A board renamed a region when its shown name differs from the official one. A row from before
 * official names were kept (officialName "") was never renamed.
 */
function renamed(row: StoredRegion): boolean {
  return row.officialName !== "" && row.name !== row.officialName;
}

export type RegionLoad = { total: number; inserted: number; updated: number; milliseconds: number };

const INSERT_CHUNK = 5000;

/**
 * Brings the Region table in line with the source: inserts the missing regions, updates changed
 * official names and parents (the shown name follows the official one unless a board set its
 * own), and keeps the search keys. Regions the source dropped are left (members may live there).
 */
export async function loadRegions(): Promise<RegionLoad> {
  const started = performance.now();
  const [source, stored] = await Promise.all([
    sourceRegions(),
    // Raw: twice as fast as findMany on 90,000 rows, and this runs at every start.
    db.$queryRawUnsafe<StoredRegion[]>(`SELECT "code", "name", "officialName", "parentCode" FROM "Region"`),
  ]);
  const byCode = new Map(stored.map((row) => [row.code, row]));

  const fresh: SourceRegion[] = [];
  const changed: { code: string; name: string; officialName: string; parentCode: string | null }[] = [];
  for (const region of source) {
    const row = byCode.get(region.code);
    if (!row) {
      fresh.push(region);
      continue;
    }
    if (row.officialName === region.officialName && row.parentCode === region.parentCode) continue;
    const name = renamed(row) ? row.name : region.officialName;
    changed.push({ code: region.code, name, officialName: region.officialName, parentCode: region.parentCode });
  }

  if (fresh.length > 0 || changed.length > 0) {
    await db.$transaction(
      async (tx) => {
        // Parents come before children in `source`, so ordered chunks keep the foreign keys happy.
        // Many rows a statement: Prisma's createMany is several times slower on 90,000 rows.
        for (let start = 0; start < fresh.length; start += INSERT_CHUNK) {
          const chunk = fresh.slice(start, start + INSERT_CHUNK);
          await tx.$executeRawUnsafe(
            `INSERT INTO "Region" ("code", "name", "officialName", "searchKey", "level", "parentCode") VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}`,
            ...chunk.flatMap((r) => [
              r.code,
              r.officialName,
              r.officialName,
              regionSearchKey(r.officialName, r.officialName),
              r.level,
              r.parentCode,
            ]),
          );
        }
        for (const r of changed) {
          await tx.region.update({
            where: { code: r.code },
            data: {
              name: r.name,
              officialName: r.officialName,
              parentCode: r.parentCode,
              searchKey: regionSearchKey(r.name, r.officialName),
            },
          });
        }
      },
      { timeout: 120_000 },
    );
  }
  forgetRegionReads();
  return { total: source.length, inserted: fresh.length, updated: changed.length, milliseconds: Math.round(performance.now() - started) };
}
