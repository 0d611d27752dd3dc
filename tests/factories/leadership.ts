// Leadership builders for tests: chapters with the standard positions, periods, holdings and
// sessions of board members, entered through the domain as the administrator `adminIn` names.
import { createSession, getSessionUser } from "~/domain/accounts/accounts.server";
import { addHolding, endHolding, replaceHolding } from "~/domain/leadership/holdings.server";
import { activatePeriod, createPeriod } from "~/domain/leadership/periods.server";
import { ensureDefaultPositions } from "~/domain/leadership/positions.server";
import type { Actor } from "~/domain/shared/actor.server";
import { addDays, calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import type { Permission } from "~/utils/permissions";
import { toDateInput } from "~/validation/fields";
import {
  endHoldingSchema,
  holdingFormSchema,
  periodFormSchema,
  replaceHoldingSchema,
  type HoldingFormData,
  type PositionKind,
} from "~/validation/leadership";
import type { MemberStatus } from "~/validation/members";
import { expectOk } from "../support/outcomes";
import { PLACES } from "../support/timeline";
import { buildChapter, buildMember, buildUser } from "./index";

/** Sessions outlive every simulated date used (createSession purges only expired ones). */
const LONG_SESSION_HOURS = 24 * 365 * 40;

/**
 * The builders, acting as `adminIn(chapterId)`. "Live" boards use today in Asia/Jakarta (what a
 * live session sees); the others take simulated dates.
 */
export function boardBuilders(adminIn: (chapterId: string) => Actor) {
  const NOW = new Date();
  const TODAY = calendarToday(PLACES.TZ, NOW);
  const iso = (date: Date) => toDateInput(date);
  async function newChapter() {
    const chapter = await buildChapter();
    await ensureDefaultPositions(chapter.id);
    return chapter.id;
  }

  async function positionOf(chapterId: string, kind: PositionKind) {
    const position = await db.boardPosition.findFirstOrThrow({
      where: { chapterId, kind },
      orderBy: { sortOrder: "asc" },
      select: { id: true },
    });
    return position.id;
  }

  async function member(chapterId: string, fullName: string, status: MemberStatus = "aktif") {
    return (await buildMember({ chapterId, villageCode: PLACES.V1002, fullName, status })).id;
  }

  function periodData(startDate: string, endDate: string, name = `Periode ${startDate.slice(0, 4)}-${endDate.slice(0, 4)}`) {
    return periodFormSchema.parse({ name, startDate, endDate });
  }

  function holdingData(positionId: string, memberId: string, startDate: string, endDate = ""): HoldingFormData {
    return holdingFormSchema.parse({ positionId, memberId, startDate, endDate });
  }

  async function newPeriod(chapterId: string, startDate: string, endDate: string, name?: string) {
    return expectOk(await createPeriod(adminIn(chapterId), periodData(startDate, endDate, name))).id;
  }

  function appointRaw(chapterId: string, periodId: string, positionId: string, memberId: string, startDate: string, endDate = "") {
    return addHolding(adminIn(chapterId), periodId, holdingData(positionId, memberId, startDate, endDate));
  }

  async function appoint(chapterId: string, periodId: string, kind: PositionKind, memberId: string, startDate: string, endDate = "") {
    return expectOk(await appointRaw(chapterId, periodId, await positionOf(chapterId, kind), memberId, startDate, endDate)).id;
  }

  async function activate(chapterId: string, periodId: string, now: Date) {
    return expectOk(await activatePeriod(adminIn(chapterId), periodId, now));
  }

  function replace(chapterId: string, holdingId: string, memberId: string, startDate: string, extra: Record<string, string> = {}) {
    return replaceHolding(adminIn(chapterId), holdingId, replaceHoldingSchema.parse({ memberId, startDate, endReason: "paw", ...extra }));
  }

  function end(chapterId: string, holdingId: string, endDate: string, endReason = "mengundurkan_diri") {
    return endHolding(adminIn(chapterId), holdingId, endHoldingSchema.parse({ endDate, endReason }));
  }

  async function holding(id: string) {
    return db.positionHolding.findUniqueOrThrow({
      where: { id },
      select: { startDate: true, endDate: true, endReason: true, endNote: true, replacesId: true, memberId: true, skNumber: true },
    });
  }

  /** A simulated-time chapter: a draft period 2031-2035 with nobody appointed yet. */
  async function draftBoard() {
    const chapterId = await newChapter();
    const periodId = await newPeriod(chapterId, "2031-01-01", "2035-12-31");
    return { chapterId, periodId };
  }

  /** A member with an account of role volunteer and a session that lasts long enough. */
  async function memberWithSession(chapterId: string, fullName: string) {
    const memberId = await member(chapterId, fullName);
    const user = await buildUser({ chapterId, role: "volunteer", memberId, name: fullName });
    return { memberId, userId: user.id, sessionId: await sessionOf(user.id) };
  }

  async function sessionOf(userId: string) {
    return (await createSession(userId, LONG_SESSION_HOURS, NOW)).id;
  }

  async function current(sessionId: string, now = new Date()) {
    const user = await getSessionUser(sessionId, now);
    if (!user) throw new Error("expected a live session");
    return user;
  }

  async function permissionsOf(sessionId: string, now = new Date()): Promise<Permission[]> {
    return (await current(sessionId, now)).permissions;
  }

  /** A real-time chapter with an active period around today, activated through the domain. */
  async function liveBoard() {
    const chapterId = await newChapter();
    const periodId = await newPeriod(chapterId, iso(addDays(TODAY, -400)), iso(addDays(TODAY, 1400)));
    const ketua = await member(chapterId, "Ketua Berjalan");
    await appoint(chapterId, periodId, "ketua", ketua, iso(addDays(TODAY, -400)));
    await activate(chapterId, periodId, NOW);
    return { chapterId, periodId };
  }

  return {
    newChapter,
    positionOf,
    member,
    periodData,
    holdingData,
    newPeriod,
    appointRaw,
    appoint,
    activate,
    replace,
    end,
    holding,
    draftBoard,
    memberWithSession,
    sessionOf,
    current,
    permissionsOf,
    liveBoard,
  };
}
