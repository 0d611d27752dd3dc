// A programme's page: the programme, its targets against what verified activities reached, its
// volunteers and hours; the money and the paperwork (budget, each partner's agreement, what it
// committed and gave, totals) only for those who may see it (the board, the Bendahara, the
// coordinator), never for its volunteers: they see who funds the programme by name only
// (docs/permissions.md).
import { can, type Actor } from "~/domain/shared/actor.server";
import { notFound, ok } from "~/domain/shared/outcome.server";
import { calendarToday } from "~/utils/dates";
import { programmePhase } from "~/validation/programmes";
import { maySeeMoney, moneyTotals, receivedByPartner } from "./money.server";
import { findProgramme, managesProgrammes, mayCurate, programmeActuals } from "./programmes.server";

/** The programme page for the actor, with the money masked unless they may see it. */
export async function programmeOverview(actor: Actor, programmeId: string, now = new Date()) {
  const programme = await findProgramme(actor, programmeId);
  if (!programme) return notFound();
  const money = maySeeMoney(actor, programme);
  const [actuals, totals, received] = await Promise.all([
    programmeActuals(programme.id),
    money ? moneyTotals(programme.id, programme.budget) : null,
    money ? receivedByPartner(programme.id) : null,
  ]);
  const works =
    actor.memberId !== null &&
    (programme.coordinatorId === actor.memberId || programme.volunteers.some((v) => v.member.id === actor.memberId));
  return ok({
    programme: {
      ...programme,
      budget: money ? programme.budget : null,
      partners: programme.partners.map((p) => ({
        ...p,
        agreementId: money ? p.agreementId : null,
        agreement: money ? p.agreement : null,
        committed: money ? p.committed : null,
        received: received?.get(p.partnerId) ?? null,
      })),
    },
    phase: programmePhase(programme, calendarToday(actor.timeZone, now)),
    actuals,
    totals,
    money,
    canEdit: managesProgrammes(actor),
    canCurate: mayCurate(actor, programme),
    canLog: works && can(actor, "create:activity:own"),
  });
}
