// Kemendagri administrative regions (province > kab/kota > kecamatan > desa/kelurahan),
// loaded from the maintained idn-area-data package, never typed by hand.
import { getDistricts, getProvinces, getRegencies, getVillages } from "idn-area-data";
import { db } from "~/utils/db.server";

export const REGION_LEVELS = ["province", "regency", "district", "village"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

type RegionRow = { code: string; name: string; level: RegionLevel; parentCode: string | null };

/** "KABUPATEN ACEH SELATAN" -> "Kabupaten Aceh Selatan"; keeps the package's mixed-case names. */
function tidyName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s(/-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * Loads one province with every kab/kota, kecamatan and desa/kelurahan under it. Idempotent:
 * existing codes are updated, new ones added. Returns the number of regions written.
 */
export async function importProvinceRegions(provinceCode: string): Promise<number> {
  const [provinces, regencies, districts, villages] = await Promise.all([getProvinces(), getRegencies(), getDistricts(), getVillages()]);
  const province = provinces.find((p) => p.code === provinceCode);
  if (!province) throw new Error(`Unknown province code: ${provinceCode}`);

  const under = (code: string) => code.startsWith(`${provinceCode}.`);
  const rows: RegionRow[] = [
    { code: province.code, name: tidyName(province.name), level: "province", parentCode: null },
    ...regencies
      .filter((r) => under(r.code))
      .map((r) => ({ code: r.code, name: tidyName(r.name), level: "regency" as const, parentCode: r.province_code })),
    ...districts
      .filter((d) => under(d.code))
      .map((d) => ({ code: d.code, name: tidyName(d.name), level: "district" as const, parentCode: d.regency_code })),
    ...villages
      .filter((v) => under(v.code))
      .map((v) => ({ code: v.code, name: tidyName(v.name), level: "village" as const, parentCode: v.district_code })),
  ];

  const existing = new Set(
    (await db.region.findMany({ where: { code: { in: rows.map((r) => r.code) } }, select: { code: true } })).map((r) => r.code),
  );
  const fresh = rows.filter((r) => !existing.has(r.code));
  const known = rows.filter((r) => existing.has(r.code));
  await db.$transaction(async (tx) => {
    // Parents come before children in `rows`, so one ordered insert keeps the foreign keys happy.
    if (fresh.length) await tx.region.createMany({ data: fresh });
    for (const r of known) {
      await tx.region.update({ where: { code: r.code }, data: { name: r.name, parentCode: r.parentCode } });
    }
  });
  return rows.length;
}

/** "61.71.01.1001" -> "kelurahan"; "61.71.01.2001" -> "desa" (Kemendagri convention). */
export function villageKind(code: string): "kelurahan" | "desa" {
  return code.split(".")[3]?.startsWith("1") ? "kelurahan" : "desa";
}

/** The desa/kelurahan under a kab/kota or kecamatan, with their kecamatan, by name. */
export async function listVillages(underCode: string) {
  return db.region.findMany({
    where: { level: "village", code: { startsWith: `${underCode}.` } },
    select: { code: true, name: true, parent: { select: { code: true, name: true } } },
    orderBy: [{ parentCode: "asc" }, { name: "asc" }],
  });
}
