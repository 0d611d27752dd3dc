// Merging a duplicate member into the member kept. Every relation of the schema that points at a
// Member has its own rule below (MERGE_RULES, keyed "Model.field"): move the rows to the kept
// member, drop the rows the kept member already has (unique constraints), or refuse the merge
// with a reason the board can act on. tests/integration/member-merge.test.ts walks the schema and
// fails when a relation to Member has no rule, so a table added later cannot be forgotten.
import { can, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, notFound, ok, refusable, Refused, type Outcome } from "~/domain/shared/outcome.server";
import { db, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/utils/audit.server";
import { t } from "~/i18n/index";
import { LEVEL_RANK } from "~/validation/trainings";
import { revokeActiveCardsInTx } from "./card-revocation.server";
import { memberAuditView } from "./members.server";
import { deletePhotoFileQuietly } from "./photos.server";

type Tx = Prisma.TransactionClient;

type MergeMember = NonNullable<Awaited<ReturnType<typeof loadMember>>>;

/** What one rule did: rows moved to the kept member, rows dropped as already held by them. */
type RuleOutcome = { moved: number; dropped: number };

type MergeContext = { tx: Tx; keep: MergeMember; remove: MergeMember; chapterId: string; actorId: string; now: Date };

/** The duplicate (or the member kept) is no longer in the chapter, or both are the same. */
const missing = () => notFound(t("members.duplicates.mergeMissing"));

/**
 * One rule per relation to Member ("Model.relationField", the side that holds the foreign key),
 * and per plain column holding a member id without a relation ("Model.column").
 * Rules run in this order inside one transaction; a rule may throw Refused (rolling it back).
 */
export const MERGE_RULES: Record<string, (ctx: MergeContext) => Promise<RuleOutcome>> = {
  // A login account is one per member: two accounts cannot become one (refused before this).
  "User.member": async ({ tx, keep, remove }) => {
    const { count } = await tx.user.updateMany({ where: { memberId: remove.id }, data: { memberId: keep.id } });
    return { moved: count, dropped: 0 };
  },

  // The duplicate's cards move too; if the kept member already has a valid card, theirs stop.
  "MemberCard.member": async ({ tx, keep, remove, chapterId, actorId, now }) => {
    const keepHasCard = (await tx.memberCard.count({ where: { memberId: keep.id, revokedAt: null, validUntil: { gt: now } } })) > 0;
    if (keepHasCard) {
      await revokeActiveCardsInTx(tx, { memberId: remove.id, chapterId, actorId, reason: t("cards.mergedReason"), now });
    }
    const { count } = await tx.memberCard.updateMany({ where: { memberId: remove.id }, data: { memberId: keep.id } });
    return { moved: count, dropped: 0 };
  },

  // The pair's own flag goes with the duplicate (the merge audit records it); a flag between the
  // duplicate and a third member moves to the kept member unless they already have one.
  "MemberDuplicateFlag.member": (ctx) => moveDuplicateFlags(ctx, "memberId", "otherMemberId"),
  "MemberDuplicateFlag.otherMember": (ctx) => moveDuplicateFlags(ctx, "otherMemberId", "memberId"),

  // Board positions stay in the history under the kept member. Refused when the two held the same
  // position (or two single-holder positions) at overlapping times: one person cannot, and the
  // board must correct the holdings first.
  "PositionHolding.member": async ({ tx, keep, remove }) => {
    const holdings = await tx.positionHolding.findMany({
      where: { memberId: { in: [keep.id, remove.id] } },
      select: {
        memberId: true,
        periodId: true,
        positionId: true,
        startDate: true,
        endDate: true,
        period: { select: { name: true, endDate: true } },
        position: { select: { title: true, singleHolder: true } },
      },
    });
    const kept = holdings.filter((h) => h.memberId === keep.id);
    for (const h of holdings.filter((h) => h.memberId === remove.id)) {
      for (const k of kept) {
        if (k.periodId !== h.periodId) continue;
        const overlap = h.startDate <= (k.endDate ?? k.period.endDate) && k.startDate <= (h.endDate ?? h.period.endDate);
        if (!overlap) continue;
        if (k.positionId === h.positionId || (k.position.singleHolder && h.position.singleHolder)) {
          throw new Refused(conflict(t("members.duplicates.mergePositions", { position: h.position.title, period: h.period.name })));
        }
      }
    }
    const { count } = await tx.positionHolding.updateMany({ where: { memberId: remove.id }, data: { memberId: keep.id } });
    return { moved: count, dropped: 0 };
  },

  // An event both attended keeps the kept member's entry, completed from the duplicate's where it
  // is blank; the duplicate's certificate for it is never lost (it moves to the kept entry, or
  // stays as a certificate on its own when the kept entry has one).
  "TrainingParticipant.member": async ({ tx, keep, remove }) => {
    const select = {
      id: true,
      eventId: true,
      attendance: true,
      hoursAttended: true,
      result: true,
      score: true,
      certificate: { select: { id: true } },
    } as const;
    const keptByEvent = new Map(
      (await tx.trainingParticipant.findMany({ where: { memberId: keep.id }, select })).map((p) => [p.eventId, p]),
    );
    let dropped = 0;
    for (const p of await tx.trainingParticipant.findMany({ where: { memberId: remove.id }, select })) {
      const k = keptByEvent.get(p.eventId);
      if (!k) continue;
      if (p.certificate) {
        await tx.certificate.update({ where: { id: p.certificate.id }, data: { participantId: k.certificate ? null : k.id } });
      }
      await tx.memberCompetency.updateMany({ where: { sourceId: p.id }, data: { sourceId: k.id } });
      await tx.trainingParticipant.update({
        where: { id: k.id },
        data: {
          attendance: k.attendance ?? p.attendance,
          hoursAttended: k.hoursAttended ?? p.hoursAttended,
          result: k.result ?? p.result,
          score: k.score ?? p.score,
        },
      });
      await tx.trainingParticipant.delete({ where: { id: p.id } });
      dropped++;
    }
    const { count } = await tx.trainingParticipant.updateMany({ where: { memberId: remove.id }, data: { memberId: keep.id } });
    return { moved: count, dropped };
  },

  "ExternalTraining.member": async ({ tx, keep, remove }) => {
    const { count } = await tx.externalTraining.updateMany({ where: { memberId: remove.id }, data: { memberId: keep.id } });
    return { moved: count, dropped: 0 };
  },

  // Certificates have their own numbers (unique per chapter): all of them move.
  "Certificate.member": async ({ tx, keep, remove }) => {
    const { count } = await tx.certificate.updateMany({ where: { memberId: remove.id }, data: { memberId: keep.id } });
    return { moved: count, dropped: 0 };
  },

  // A competency both hold keeps the higher level.
  "MemberCompetency.member": async ({ tx, keep, remove }) => {
    const select = { id: true, competencyId: true, level: true } as const;
    const kept = new Map((await tx.memberCompetency.findMany({ where: { memberId: keep.id }, select })).map((c) => [c.competencyId, c]));
    let moved = 0;
    let dropped = 0;
    for (const c of await tx.memberCompetency.findMany({ where: { memberId: remove.id }, select })) {
      const both = kept.get(c.competencyId);
      const higher = both && LEVEL_RANK[c.level] > LEVEL_RANK[both.level];
      dropped += both ? 1 : 0;
      if (both && !higher) {
        await tx.memberCompetency.delete({ where: { id: c.id } });
        continue;
      }
      if (both) await tx.memberCompetency.delete({ where: { id: both.id } });
      await tx.memberCompetency.update({ where: { id: c.id }, data: { memberId: keep.id } });
      moved++;
    }
    return { moved, dropped };
  },

  // Activities the duplicate logged become the kept member's; where the kept member was listed as
  // a co-volunteer on one of them, that line goes (one person, counted once, as the author).
  "Activity.member": async ({ tx, keep, remove }) => {
    const { count: dropped } = await tx.activityVolunteer.deleteMany({ where: { memberId: keep.id, activity: { memberId: remove.id } } });
    const { count } = await tx.activity.updateMany({ where: { memberId: remove.id }, data: { memberId: keep.id } });
    return { moved: count, dropped };
  },

  // The duplicate's co-volunteer lines move, except on activities the kept member logged or is
  // already listed on (the same person, counted once).
  "ActivityVolunteer.member": async ({ tx, keep, remove }) => {
    const { count: dropped } = await tx.activityVolunteer.deleteMany({
      where: {
        memberId: remove.id,
        OR: [{ activity: { memberId: { in: [keep.id, remove.id] } } }, { activity: { volunteers: { some: { memberId: keep.id } } } }],
      },
    });
    const { count } = await tx.activityVolunteer.updateMany({ where: { memberId: remove.id }, data: { memberId: keep.id } });
    return { moved: count, dropped };
  },

  "Programme.coordinator": async ({ tx, keep, remove }) => {
    const { count } = await tx.programme.updateMany({ where: { coordinatorId: remove.id }, data: { coordinatorId: keep.id } });
    return { moved: count, dropped: 0 };
  },

  // A programme both are assigned to keeps one assignment.
  "ProgrammeVolunteer.member": async ({ tx, keep, remove }) => {
    const { count: dropped } = await tx.programmeVolunteer.deleteMany({
      where: { memberId: remove.id, programme: { volunteers: { some: { memberId: keep.id } } } },
    });
    const { count } = await tx.programmeVolunteer.updateMany({ where: { memberId: remove.id }, data: { memberId: keep.id } });
    return { moved: count, dropped };
  },

  // Not a relation but a plain column: the member whose signature the chapter prints. The same
  // person's signature stays in use.
  "Chapter.signatureMemberId": async ({ tx, keep, remove }) => {
    const { count } = await tx.chapter.updateMany({ where: { signatureMemberId: remove.id }, data: { signatureMemberId: keep.id } });
    return { moved: count, dropped: 0 };
  },

  // Certificates of service are issued documents with their own numbers and verify codes: all
  // stay valid, under the kept member.
  "ServiceCertificate.member": async ({ tx, keep, remove }) => {
    const { count } = await tx.serviceCertificate.updateMany({ where: { memberId: remove.id }, data: { memberId: keep.id } });
    return { moved: count, dropped: 0 };
  },
};

async function moveDuplicateFlags(
  ctx: MergeContext,
  side: "memberId" | "otherMemberId",
  otherSide: "memberId" | "otherMemberId",
): Promise<RuleOutcome> {
  const { tx, keep, remove } = ctx;
  let moved = 0;
  let dropped = 0;
  const flags = await tx.memberDuplicateFlag.findMany({
    where: { [side]: remove.id },
    select: { id: true, memberId: true, otherMemberId: true },
  });
  for (const flag of flags) {
    const third = flag[otherSide];
    const exists =
      third === keep.id ||
      (await tx.memberDuplicateFlag.count({
        where: {
          OR: [
            { memberId: keep.id, otherMemberId: third },
            { memberId: third, otherMemberId: keep.id },
          ],
        },
      })) > 0;
    if (exists) {
      await tx.memberDuplicateFlag.delete({ where: { id: flag.id } });
      dropped++;
    } else {
      await tx.memberDuplicateFlag.update({ where: { id: flag.id }, data: { [side]: keep.id } });
      moved++;
    }
  }
  return { moved, dropped };
}

function loadMember(tx: Tx, chapterId: string, id: string) {
  return tx.member.findFirst({ where: { id, chapterId }, include: { user: { select: { id: true } } } });
}

/**
 * Merges a duplicate into the member kept, in one transaction: every record that points at the
 * duplicate moves to the kept member (or is dropped where the kept member has the same one),
 * missing data is filled in from the duplicate, and the duplicate is removed. Refused, with
 * nothing changed, when the two cannot be one person as recorded (two login accounts, the same
 * board position at the same time). The audit keeps the duplicate as it was and what moved.
 */
export async function mergeMembers(actor: Actor, keepId: string, removeId: string, now: Date = new Date()): Promise<Outcome> {
  if (!can(actor, "update:member:chapter")) return forbidden();
  if (keepId === removeId) return missing();
  const { chapterId } = actor;
  const actorId = actor.userId;
  let orphanPhoto: string | null = null;
  const merged = await refusable(() =>
    db.$transaction(async (tx) => {
      const [keep, remove] = await Promise.all([loadMember(tx, chapterId, keepId), loadMember(tx, chapterId, removeId)]);
      if (!keep || !remove) throw new Refused(missing());
      if (keep.user && remove.user) throw new Refused(conflict(t("members.duplicates.mergeTwoAccounts")));
      const ctx: MergeContext = { tx, keep, remove, chapterId, actorId, now };
      const outcome: Record<string, RuleOutcome> = {};
      for (const [relation, rule] of Object.entries(MERGE_RULES)) {
        const result = await rule(ctx);
        if (result.moved || result.dropped) outcome[relation] = result;
      }
      const fill = {
        phone: keep.phone ?? remove.phone,
        email: keep.email ?? remove.email,
        skPsmNumber: keep.skPsmNumber ?? remove.skPsmNumber,
        skPsmDate: keep.skPsmDate ?? remove.skPsmDate,
        basicBimtekDate: keep.basicBimtekDate ?? remove.basicBimtekDate,
        photoFile: keep.photoFile ?? remove.photoFile,
      };
      if (keep.photoFile && remove.photoFile) orphanPhoto = remove.photoFile;
      await tx.member.delete({ where: { id: remove.id } });
      await tx.member.update({ where: { id: keep.id }, data: fill });
      const { user: _u, ...removed } = remove;
      await recordAudit(
        {
          actorId,
          chapterId,
          action: "member.merge",
          entityType: "Member",
          entityId: keep.id,
          before: { merged: memberAuditView(removed), mergedId: remove.id },
          after: { keptId: keep.id, relations: outcome },
        },
        tx,
      );
      await recordAudit(
        {
          actorId,
          chapterId,
          action: "member.merged-into",
          entityType: "Member",
          entityId: remove.id,
          after: { keptId: keep.id },
        },
        tx,
      );
      return ok();
    }),
  );
  if (!merged.ok) return merged;
  // The duplicate's photo is not used any more once the kept member has their own.
  if (orphanPhoto) await deletePhotoFileQuietly(orphanPhoto);
  return ok();
}
