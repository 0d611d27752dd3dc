// The chapter's catalogue of board positions: the standard ones every chapter starts with, the
// positions it adds (a bidang, a kecamatan), and hiding one from new appointments. A single-
// holder position (always Ketua, Sekretaris, Bendahara) has one holder at a time.
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { t } from "~/i18n/index";
import { db } from "~/utils/db.server";
import { keptRegionRead } from "~/domain/chapters/region-cache.server";
import { DEFAULT_POSITIONS, KIND_ORDER, SINGLE_HOLDER_KINDS, type PositionFormData, type PositionKind } from "~/validation/leadership";
import { audit } from "./audit.server";

/** Gives a chapter the standard positions the first time its list is needed. */
export async function ensureDefaultPositions(chapterId: string) {
  if ((await db.boardPosition.count({ where: { chapterId } })) > 0) return;
  await db.$transaction(async (tx) => {
    if ((await tx.boardPosition.count({ where: { chapterId } })) > 0) return;
    await tx.boardPosition.createMany({
      data: DEFAULT_POSITIONS.map((p, index) => ({
        chapterId,
        title: p.title,
        kind: p.kind,
        bidang: p.bidang ?? null,
        singleHolder: SINGLE_HOLDER_KINDS.includes(p.kind),
        sortOrder: index * 10,
      })),
    });
  });
}

const positionSelect = {
  id: true,
  title: true,
  kind: true,
  bidang: true,
  districtCode: true,
  district: { select: { name: true } },
  singleHolder: true,
  sortOrder: true,
  active: true,
} as const;

/** Board order: by kind (Ketua first), then the chapter's order within a kind, then the title. */
export function byKindThenOrder<T extends { kind: PositionKind; sortOrder: number; title: string }>(a: T, b: T) {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.sortOrder - b.sortOrder || a.title.localeCompare(b.title, "id");
}

/** The actor's chapter's positions in board order (the standard ones are created on first use). */
export async function listPositions(actor: Actor, options: { activeOnly?: boolean } = {}) {
  await ensureDefaultPositions(actor.chapterId);
  const rows = await db.boardPosition.findMany({
    where: { chapterId: actor.chapterId, ...(options.activeOnly ? { active: true } : {}) },
    select: positionSelect,
  });
  return rows.sort(byKindThenOrder);
}

/** Whether the actor may change the catalogue and the board (the page's buttons follow this). */
export function canManageLeadership(actor: Actor) {
  return can(actor, "update:leadership:chapter");
}

/** Kecamatan of the chapter's area, for Koordinator Kecamatan positions (and other areas' filters). */
export async function listChapterDistricts(chapterId: string) {
  const [chapter] = await db.$queryRaw<{ regionCode: string; level: string }[]>`
    SELECT "regionCode", "level" FROM "Chapter" WHERE "id" = ${chapterId}`;
  if (!chapter) return [];
  const { regionCode, level } = chapter;
  // kept in memory until the regions change (docs/decisions/035): every activity list's filter reads it
  const districts = await keptRegionRead(`districts ${level} ${regionCode}`, () =>
    level === "kecamatan"
      ? db.region.findMany({ where: { code: regionCode }, select: { code: true, name: true } })
      : db.region.findMany({
          where: { parentCode: regionCode, level: "district" },
          select: { code: true, name: true },
          orderBy: { name: "asc" },
        }),
  );
  return [...districts];
}

export async function createPosition(actor: Actor, data: PositionFormData): Promise<Outcome<{ id: string }>> {
  if (!canManageLeadership(actor)) return forbidden();
  const chapterId = actor.chapterId;
  await ensureDefaultPositions(chapterId);
  const taken = await db.boardPosition.findFirst({ where: { chapterId, title: data.title }, select: { id: true } });
  if (taken) return invalid({ title: t("leadership.error.positionTaken") });
  let districtCode: string | null = null;
  if (data.kind === "koordinator_kecamatan") {
    const districts = await listChapterDistricts(chapterId);
    if (!districts.some((d) => d.code === data.districtCode)) {
      return invalid({ districtCode: t("leadership.error.districtRequired") });
    }
    districtCode = data.districtCode;
  }
  const last = await db.boardPosition.findFirst({
    where: { chapterId, kind: data.kind },
    orderBy: { sortOrder: "desc" },
    select: { sortOrder: true },
  });
  const singleHolder = SINGLE_HOLDER_KINDS.includes(data.kind) || data.singleHolder;
  return db.$transaction(async (tx) => {
    const position = await tx.boardPosition.create({
      data: {
        chapterId,
        title: data.title,
        kind: data.kind,
        bidang: data.kind === "koordinator_bidang" ? data.bidang : null,
        districtCode,
        singleHolder,
        sortOrder: (last?.sortOrder ?? 0) + 1,
      },
      select: { id: true },
    });
    await audit(
      tx,
      actor,
      "leadership.position.create",
      { type: "BoardPosition", id: position.id },
      { after: { title: data.title, kind: data.kind, bidang: data.bidang, districtCode, singleHolder } },
    );
    return ok({ id: position.id });
  });
}

/** Hides a position from new appointments (its history stays) or brings it back. */
export async function setPositionActive(actor: Actor, positionId: string, active: boolean): Promise<Outcome<{ title: string }>> {
  if (!canManageLeadership(actor)) return forbidden();
  const position = await db.boardPosition.findFirst({
    where: { id: positionId, chapterId: actor.chapterId },
    select: { id: true, title: true, active: true, kind: true },
  });
  // The core positions cannot be hidden: a period needs a Ketua, and the registry a Sekretaris.
  if (!position || (!active && SINGLE_HOLDER_KINDS.includes(position.kind))) return notFound();
  await db.$transaction(async (tx) => {
    await tx.boardPosition.update({ where: { id: position.id }, data: { active } });
    await audit(
      tx,
      actor,
      "leadership.position.update",
      { type: "BoardPosition", id: position.id },
      { before: { active: position.active }, after: { active } },
    );
  });
  return ok({ title: position.title });
}
