// Kemendagri administrative regions (province > kab/kota > kecamatan > desa/kelurahan): finding
// them (pickers, setup), listing a chapter's kelurahan, and the display names a chapter's board
// sets where the data source runs words together. Loading: ./region-load.server.
import { canAny, type Actor } from "~/domain/shared/actor.server";
import { forbidden, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { t } from "~/i18n";
import { recordAudit } from "~/utils/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import { foldName, inRegion, regionSearchKey } from "~/utils/regions";
import type { VillageName } from "~/validation/regions";
import { forgetRegionReads } from "./region-cache.server";
import type { RegionLevel } from "./region-load.server";

export { loadRegions, REGION_LEVELS, type RegionLevel, type RegionLoad } from "./region-load.server";

/** "61.71.01.1001" -> "kelurahan"; "61.71.01.2001" -> "desa" (Kemendagri convention). */
export function villageKind(code: string): "kelurahan" | "desa" {
  return code.split(".")[3]?.startsWith("1") ? "kelurahan" : "desa";
}

/** The codes under a region, as an index range on the primary key ("61.71." up to "61.71/"). */
function underCode(code: string): Prisma.StringFilter {
  return { gte: `${code}.`, lt: `${code}/` };
}

/** The desa/kelurahan under a kab/kota or kecamatan, with their kecamatan, by name. */
export async function listVillages(underRegion: string) {
  return db.region.findMany({
    where: { level: "village", code: underCode(underRegion) },
    select: { code: true, name: true, parent: { select: { code: true, name: true } } },
    orderBy: [{ parentCode: "asc" }, { name: "asc" }],
  });
}

const parentSelect = { code: true, name: true, level: true } as const;
const foundSelect = {
  code: true,
  name: true,
  officialName: true,
  level: true,
  parent: { select: { ...parentSelect, parent: { select: { ...parentSelect, parent: { select: parentSelect } } } } },
} satisfies Prisma.RegionSelect;
type FoundRow = Prisma.RegionGetPayload<{ select: typeof foundSelect }>;

export type FoundRegion = {
  code: string;
  name: string;
  officialName: string;
  level: RegionLevel;
  /** the regions above it, nearest first: kecamatan, kab/kota, province */
  parents: { code: string; name: string; level: RegionLevel }[];
};

function levelOf(level: string): RegionLevel {
  return level === "province" || level === "regency" || level === "district" ? level : "village";
}

function foundRegion(row: FoundRow): FoundRegion {
  const chain = [row.parent, row.parent?.parent, row.parent?.parent?.parent];
  const parents = chain.flatMap((p) => (p ? [{ code: p.code, name: p.name, level: levelOf(p.level) }] : []));
  return { code: row.code, name: row.name, officialName: row.officialName, level: levelOf(row.level), parents };
}

export type RegionSearch = {
  /** what was typed: spaces, hyphens, dots and capitals do not matter ("darat-sekip" finds "Darat Sekip") */
  q: string;
  level?: RegionLevel;
  /** only regions under this code (a province, kab/kota or kecamatan) */
  under?: string;
  /** at most this many (default 20, at most 50) */
  limit?: number;
};

/**
 * Regions whose display or official name contains what was typed (folded), names that start
 * with it first, each with the names above it for display. Public reference data: no actor (the
 * first-run setup searches before anyone has an account). An empty query lists the first
 * regions under `under` by name, or nothing without it.
 */
export async function searchRegions({ q, level, under, limit = 20 }: RegionSearch): Promise<FoundRegion[]> {
  const take = Math.min(Math.max(1, Math.trunc(limit) || 20), 50);
  const key = foldName(q);
  const where: Prisma.RegionWhereInput = { ...(level ? { level } : {}), ...(under ? { code: underCode(under) } : {}) };
  if (key === "") {
    if (!under) return [];
    const rows = await db.region.findMany({ where, select: foundSelect, orderBy: [{ name: "asc" }], take });
    return rows.map(foundRegion);
  }
  // Raw SQL for the match: instr() over the folded keys, names that start with the text first.
  // With a parent, `+level` keeps SQLite on the primary key's range (a few hundred rows);
  // without, on the (level, searchKey) index (a scan of ~84,000 short keys, ~10 ms).
  const conditions = ['instr("searchKey", ?) > 0'];
  const params: (string | number)[] = [key];
  if (level) {
    conditions.push(under ? '+"level" = ?' : '"level" = ?');
    params.push(level);
  }
  if (under) {
    conditions.push('"code" >= ? AND "code" < ?');
    params.push(`${under}.`, `${under}/`);
  }
  const matches = await db.$queryRawUnsafe<{ code: string }[]>(
    `SELECT "code" FROM "Region" WHERE ${conditions.join(" AND ")} ORDER BY instr("searchKey", ?) = 1 DESC, "name", "code" LIMIT ?`,
    ...params,
    key,
    take,
  );
  const codes = matches.map((m) => m.code);
  const rows = new Map((await db.region.findMany({ where: { code: { in: codes } }, select: foundSelect })).map((row) => [row.code, row]));
  return codes.flatMap((code) => {
    const row = rows.get(code);
    return row ? [foundRegion(row)] : [];
  });
}

/** Who may set kelurahan display names: the administrator, and the boards with chapter settings. */
function mayRename(actor: Actor): boolean {
  return canAny(actor, ["manage:chapter:any", "update:chapter:chapter"]);
}

async function chapterArea(actor: Actor) {
  return db.chapter.findUnique({
    where: { id: actor.chapterId },
    select: { id: true, name: true, regionCode: true, region: { select: { name: true } } },
  });
}

export type AreaVillage = {
  code: string;
  name: string;
  officialName: string;
  renamed: boolean;
  district: { code: string; name: string } | null;
};

/**
 * The kelurahan/desa of the actor's chapter's area with their shown and official names, by
 * kecamatan and name, narrowed by what was typed (folded, as search does).
 */
export async function listAreaVillages(
  actor: Actor,
  query: { q?: string } = {},
): Promise<Outcome<{ area: { code: string; name: string; chapterName: string }; villages: AreaVillage[] }>> {
  if (!mayRename(actor)) return forbidden();
  const chapter = await chapterArea(actor);
  if (!chapter) return notFound();
  const key = foldName(query.q ?? "");
  const codes = chapter.regionCode.split(".").length === 4 ? { equals: chapter.regionCode } : underCode(chapter.regionCode);
  const rows = await db.region.findMany({
    where: { level: "village", code: codes, ...(key ? { searchKey: { contains: key } } : {}) },
    select: { code: true, name: true, officialName: true, parent: { select: { code: true, name: true } } },
    orderBy: [{ parentCode: "asc" }, { code: "asc" }],
  });
  return ok({
    area: { code: chapter.regionCode, name: chapter.region.name, chapterName: chapter.name },
    villages: rows.map((r) => ({
      code: r.code,
      name: r.name,
      officialName: r.officialName,
      renamed: r.officialName !== "" && r.name !== r.officialName,
      district: r.parent,
    })),
  });
}

/** A kelurahan/desa of the actor's chapter's area, or the refusal. */
async function areaVillage(actor: Actor, code: string) {
  if (!mayRename(actor)) return forbidden();
  const chapter = await chapterArea(actor);
  if (!chapter) return notFound();
  const village = await db.region.findFirst({ where: { code, level: "village" }, select: { code: true, name: true, officialName: true } });
  if (!village) return notFound();
  if (!inRegion(village.code, chapter.regionCode)) return notFound(t("regions.error.notInArea"));
  return ok({ chapter, village });
}

async function setShownName(
  actor: Actor,
  chapterId: string,
  village: { code: string; name: string; officialName: string },
  name: string,
  action: string,
) {
  // A region loaded before official names were kept shows the official spelling.
  const officialName = village.officialName || village.name;
  await db.$transaction(async (tx) => {
    await tx.region.update({
      where: { code: village.code },
      data: { name, officialName, searchKey: regionSearchKey(name, officialName) },
    });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId,
        action,
        entityType: "Region",
        entityId: village.code,
        before: { name: village.name },
        after: { name },
      },
      tx,
    );
  });
  forgetRegionReads();
}

/**
 * Sets the name a kelurahan/desa of the chapter's area is shown by (pages, PDFs, exports);
 * the official name stays for search and for reloads. Audited with the name before and after.
 */
export async function renameVillage(actor: Actor, input: VillageName): Promise<Outcome<{ name: string; changed: boolean }>> {
  const found = await areaVillage(actor, input.code);
  if (!found.ok) return found;
  const { chapter, village } = found;
  if (input.name.trim() === "") return invalid({ name: t("regions.error.nameShort") });
  if (input.name === village.name) return ok({ name: village.name, changed: false });
  await setShownName(actor, chapter.id, village, input.name, "region.rename");
  return ok({ name: input.name, changed: true });
}

/** Shows a kelurahan/desa by its official name again; audited. */
export async function resetVillageName(actor: Actor, code: string): Promise<Outcome<{ name: string; changed: boolean }>> {
  const found = await areaVillage(actor, code);
  if (!found.ok) return found;
  const { chapter, village } = found;
  const official = village.officialName || village.name;
  if (village.name === official) return ok({ name: official, changed: false });
  await setShownName(actor, chapter.id, village, official, "region.reset");
  return ok({ name: official, changed: true });
}
