// IPSM chapters (kab/kota, kecamatan, kelurahan) and the details that go on their letterhead.
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

export const CHAPTER_LEVELS = ["kabkota", "kecamatan", "kelurahan"] as const;
export type ChapterLevel = (typeof CHAPTER_LEVELS)[number];

export type ChapterInput = {
  name: string;
  code: string;
  level: ChapterLevel;
  regionCode: string;
  parentId?: string | null;
  timeZone?: string;
  address: string;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  letterPlace: string;
  letterheadSubtitle: string;
};

export async function createChapter(input: ChapterInput) {
  return db.chapter.create({ data: input, select: { id: true, name: true, code: true } });
}

/** Everything a letter or PDF of the chapter needs for its letterhead. */
export async function getChapterLetterhead(chapterId: string) {
  return db.chapter.findUniqueOrThrow({
    where: { id: chapterId },
    select: {
      id: true,
      name: true,
      code: true,
      timeZone: true,
      address: true,
      phone: true,
      email: true,
      website: true,
      letterPlace: true,
      letterheadSubtitle: true,
    },
  });
}
export type ChapterLetterhead = Awaited<ReturnType<typeof getChapterLetterhead>>;

/** The registry settings of a chapter and the serial the next member number will carry. */
export async function getMemberSettings(chapterId: string) {
  return db.chapter.findUniqueOrThrow({
    where: { id: chapterId },
    select: { code: true, memberNumberPattern: true, memberNumberNext: true, cardValidityYears: true },
  });
}

export async function updateMemberSettings(input: {
  chapterId: string;
  actorId: string;
  memberNumberPattern: string;
  cardValidityYears: number;
}) {
  const before = await getMemberSettings(input.chapterId);
  const after = { memberNumberPattern: input.memberNumberPattern, cardValidityYears: input.cardValidityYears };
  await db.$transaction(async (tx) => {
    await tx.chapter.update({ where: { id: input.chapterId }, data: after });
    await recordAudit(
      {
        actorId: input.actorId,
        chapterId: input.chapterId,
        action: "chapter.member-settings",
        entityType: "Chapter",
        entityId: input.chapterId,
        before: { memberNumberPattern: before.memberNumberPattern, cardValidityYears: before.cardValidityYears },
        after,
      },
      tx,
    );
  });
}
