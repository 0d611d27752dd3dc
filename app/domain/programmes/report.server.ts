// The figures of a programme report, for the partner and the Dinas Sosial: the programme and its
// partners, budget and realisation (approved money only, by partner and by entry), beneficiaries
// by PPKS category (target vs actual) and kelurahan, volunteers and hours (verified activities),
// the photos the coordinator chose, and who signs (the serving Ketua and Bendahara). No resident
// data: activities count people by category and place only.
import { calendarToday } from "~/utils/dates";
import { programmePhase, agreementKindLabel } from "~/validation/programmes";
import { readActivityPhoto } from "~/domain/activities/photos.server";
import { getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { listMoneyEntries, maySeeMoney, moneyTotals, receivedByPartner } from "./money.server";
import { findProgramme, programmeActuals } from "./programmes.server";
import { servingHolder } from "~/domain/reports/figures.server";
import type { Actor } from "~/domain/shared/actor.server";
import { forbidden, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { programmeReportFileName } from "~/documents/xlsx/programme-report";
import { renderForRoute } from "~/workers/render-pool.server";

/** Everything the programme report shows (PDF and xlsx read the same figures), for those who may see the money. */
export async function programmeReport(actor: Actor, programmeId: string, now = new Date()) {
  const programme = await findProgramme(actor, programmeId);
  if (!programme) return notFound();
  // The report shows the money: the board and the coordinator only, never an assigned volunteer.
  if (!maySeeMoney(actor, programme)) return forbidden();
  const today = calendarToday(actor.timeZone, now);
  const [letterhead, totals, entries, received, actuals, ketua, bendahara] = await Promise.all([
    getChapterLetterhead(actor.chapterId),
    moneyTotals(programme.id, programme.budget),
    listMoneyEntries(programme.id),
    receivedByPartner(programme.id),
    programmeActuals(programme.id),
    servingHolder(actor.chapterId, "ketua", today),
    servingHolder(actor.chapterId, "bendahara", today),
  ]);
  // `actual` is every verified person reached; `inTarget` only those in the target kelurahan,
  // which is what the percentage against the target counts.
  const actualByCategory = new Map(actuals.byCategory.map((c) => [c.categoryId, c]));
  const targeted = new Set(programme.targets.map((x) => x.categoryId));
  const beneficiaries = [
    ...programme.targets.map((x) => ({
      name: x.category.name,
      target: x.target,
      actual: actualByCategory.get(x.categoryId)?.people ?? 0,
      inTarget: actualByCategory.get(x.categoryId)?.inTarget ?? 0,
    })),
    ...actuals.byCategory
      .filter((c) => !targeted.has(c.categoryId))
      .map((c) => ({ name: c.name, target: 0, actual: c.people, inTarget: c.inTarget })),
  ];
  const photos = (
    await Promise.all(
      programme.photos.map(async (p) => {
        const photo = await readActivityPhoto(actor.chapterId, p.activityId, p.photoId);
        return photo ? { id: p.photoId, bytes: photo } : null;
      }),
    )
  ).filter((p) => p !== null);
  return ok({
    report: {
      letterhead,
      printedOn: today,
      programme: {
        name: programme.name,
        goal: programme.goal,
        startDate: programme.startDate,
        endDate: programme.endDate,
        phase: programmePhase(programme, today),
        fundingSource: programme.fundingSource,
        coordinator: programme.coordinator.fullName,
        villages: programme.villages.map((v) => v.village.name),
      },
      partners: programme.partners.map((p) => ({
        name: p.partner.name,
        agreement: p.agreement ? `${agreementKindLabel(p.agreement.kind)} ${p.agreement.number}` : null,
        committed: p.committed,
        received: received.get(p.partnerId) ?? 0,
      })),
      ownFundsReceived: received.get(null) ?? 0,
      totals,
      entries: entries
        .filter((e) => e.status === "approved")
        .map((e) => ({
          date: e.date,
          kind: e.kind,
          purpose: e.purpose,
          amount: e.amount,
          partner: e.partner?.name ?? null,
          hasReceipt: Boolean(e.receiptFile),
        })),
      beneficiaries,
      byVillage: actuals.byVillage,
      volunteers: actuals.volunteers,
      activities: actuals.activities,
      people: actuals.people,
      households: actuals.households,
      volunteerHours: actuals.volunteerHours,
      waiting: actuals.waiting,
      outsideTarget: actuals.outsideTarget,
      unassigned: actuals.unassigned,
      photos,
      signatures: { ketua, bendahara },
    },
  });
}
export type ProgrammeReportData = Extract<Awaited<ReturnType<typeof programmeReport>>, { ok: true }>["report"];

/** The programme report as a PDF or a spreadsheet, with its file name. */
export async function programmeReportFile(
  actor: Actor,
  programmeId: string,
  kind: "pdf" | "xlsx",
  now = new Date(),
): Promise<Outcome<{ bytes: Buffer; name: string }>> {
  const outcome = await programmeReport(actor, programmeId, now);
  if (!outcome.ok) return outcome;
  const { report } = outcome;
  // rendered in the render pool (docs/decisions/032); a failure is the 503 page
  const bytes = await renderForRoute(kind === "pdf" ? "programmeReportPdf" : "programmeReportXlsx", report);
  return ok({ bytes, name: programmeReportFileName(report.programme.name, kind) });
}
