// The frozen payload of a submitted report (Report.figures, JSON): what was sent to the Dinas
// Sosial, hashed and printed on the letter. It is read for the report page, /verify and the Dinas
// Sosial's summary for as long as the portal runs, so it is read through a schema per version,
// never by a bare type cast: a change to the figures that cannot read the reports already sent
// fails tests/integration/report-payload.test.ts (against a committed fixture of each version).
//
// Versions:
// - 1: the payload as written from the start (no `version` field): number, chapter, period,
//   submittedAt, figures.
// - 2: the same with `version: 2` and `members.asOf` (the day the member counts are taken on,
//   the period's last day).
import { z } from "~/validation/zod";
import type { ReportFigures } from "./figures.server";

export const REPORT_PAYLOAD_VERSION = 2;

const int = z.number().int();
const num = z.number().finite();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The figures as version 1 wrote them; every later version adds to them. */
const figuresV1 = z.object({
  chapters: z.array(z.object({ name: z.string(), code: z.string() })),
  period: z.object({ start: isoDay, end: isoDay }),
  members: z.object({ active: int }),
  volunteersActive: int,
  hours: z.object({ field: num, training: num, total: num }),
  activities: z.object({ count: int, byType: z.array(z.object({ name: z.string(), activities: int, hours: num })) }),
  people: z.object({
    total: int,
    male: int,
    female: int,
    byCategory: z.array(z.object({ number: int.nullable(), name: z.string(), male: int, female: int, total: int })),
  }),
  households: int,
  aid: z.object({ bySource: z.array(z.object({ source: z.string(), items: int, quantity: num, value: num })), totalValue: num }),
  categoryByDistrict: z.object({
    districts: z.array(z.object({ code: z.string(), name: z.string() })),
    rows: z.array(z.object({ category: z.string(), counts: z.array(int), total: int })),
  }),
  categoryByVillage: z.array(z.object({ district: z.string(), village: z.string(), category: z.string(), people: int })),
  volunteers: z.array(z.object({ name: z.string(), memberNumber: z.string().nullable(), activities: int, hours: num })),
  trainings: z.object({
    hours: num,
    events: z.array(z.object({ name: z.string(), place: z.string(), start: isoDay, end: isoDay, hours: num, participants: int })),
  }),
  programmes: z.array(z.object({ name: z.string(), partners: z.array(z.string()), budget: num, received: num, spent: num })),
  followUps: z.object({ opened: int, closed: int, open: int }),
  hoursByMonth: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), hours: num, activities: int })),
  waiting: int,
});

const head = {
  number: z.string(),
  chapter: z.string(),
  period: z.object({ kind: z.string(), start: isoDay, end: isoDay }),
  submittedAt: z.string().datetime(),
};

const payloadV1 = z.object({ ...head, version: z.literal(1).optional(), figures: figuresV1 });
const payloadV2 = z.object({
  ...head,
  version: z.literal(2),
  figures: figuresV1.extend({ members: z.object({ active: int, asOf: isoDay }) }),
});

export type StoredPayload = z.infer<typeof payloadV2>;

/** The payload written at submission (always the current version). */
export function payloadOf(head: Omit<StoredPayload, "version" | "figures">, figures: ReportFigures): StoredPayload {
  return { version: REPORT_PAYLOAD_VERSION, ...head, figures };
}

export class UnreadablePayloadError extends Error {
  constructor(message: string) {
    super(`Stored report payload cannot be read: ${message}`);
  }
}

/**
 * A stored payload, any version, brought to the current shape. Version 1 had no `asOf`: its
 * member count was taken on the day of submission, which the figures cannot tell apart from the
 * period's end, so `asOf` stays null there (pages say "on the day it was sent").
 */
export function readPayload(json: string): { version: number; payload: Omit<StoredPayload, "figures"> & { figures: ReadFigures } } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new UnreadablePayloadError("not JSON");
  }
  const version = typeof raw === "object" && raw !== null && "version" in raw ? (raw as { version: unknown }).version : 1;
  if (version === 1) {
    const parsed = payloadV1.safeParse(raw);
    if (!parsed.success) throw new UnreadablePayloadError(`version 1: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
    const { version: _v, ...rest } = parsed.data;
    return {
      version: 1,
      payload: {
        ...rest,
        version: REPORT_PAYLOAD_VERSION,
        figures: { ...rest.figures, members: { active: rest.figures.members.active, asOf: null } },
      },
    };
  }
  if (version === 2) {
    const parsed = payloadV2.safeParse(raw);
    if (!parsed.success) throw new UnreadablePayloadError(`version 2: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
    return { version: 2, payload: parsed.data };
  }
  throw new UnreadablePayloadError(`unknown version ${String(version)}`);
}

/** The figures as pages read them, live (a draft) or frozen (any version). */
export type ReadFigures = Omit<ReportFigures, "members"> & { members: { active: number; asOf: string | null } };
