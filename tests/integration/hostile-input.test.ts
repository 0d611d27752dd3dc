// Hostile input a browser can send, against every loader and action under app/routes, as the
// demo board user (the Ketua) and as a volunteer, on the demo data of the seed: NUL bytes, 100 kB
// strings, line breaks and %00 in URL params and query strings, ids that do not exist,
// malformed dates, a multipart body where a urlencoded one is expected and the other way round,
// an empty body, duplicated fields. No answer may be a 5xx (a thrown Response below 500 is an
// answer; any other thrown error is what a browser would see as a 500).
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seed } from "../../prisma/seed";
import { db } from "~/utils/db.server";
import { run, signIn, statusOf } from "../support/requests";

type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };

const ROUTES_DIR = path.resolve("app/routes");
/** Routes that end the session they are called with (GET or POST /logout) are called last. */
const SESSION_ENDING = new Set(["logout.tsx"]);
const modules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}");
const routeFiles = Object.keys(modules)
  .map((key) => ({ key, file: path.basename(key) }))
  .sort((a, b) => Number(SESSION_ENDING.has(a.file)) - Number(SESSION_ENDING.has(b.file)) || a.file.localeCompare(b.file));

const ORIGIN = "http://localhost:3000";
const NUL = "\u0000";
const HUGE = "x".repeat(100_000);

/** The URL path params of a flat route file: "members.$id.photo[.]jpg.ts" -> ["id"]. */
function paramNames(file: string): string[] {
  return [...file.replace(/\.(tsx?)$/, "").matchAll(/\$([A-Za-z]+)/g)].map((m) => m[1]!);
}

/** A path for a route file with params filled in (as the browser would have asked for). */
function urlPath(file: string, params: Record<string, string>): string {
  const name = file.replace(/\.(tsx?)$/, "").replace(/\[\.\]/g, "~dot~");
  const segments = name
    .split(".")
    .filter((s) => s !== "_index" && s !== "$")
    .map((s) => s.replace(/_$/, "").replace(/~dot~/g, "."))
    .map((s) => (s.startsWith("$") ? encodeURIComponent(params[s.slice(1)] ?? "x") : s));
  return `/${segments.filter((s) => !s.startsWith("_")).join("/")}`;
}

/** The names of the fields a route's forms post, read from its source and the forms and schemas it imports. */
function fieldNames(file: string): { fields: string[]; intents: string[] } {
  const sources = [readFileSync(path.join(ROUTES_DIR, file), "utf8")];
  for (const [, spec] of sources[0]!.matchAll(/from "~\/((?:components|validation)\/[^"]+)"/g)) {
    for (const candidate of [`${spec}.tsx`, `${spec}.ts`, `${spec}/index.ts`]) {
      try {
        sources.push(readFileSync(path.resolve("app", candidate), "utf8"));
        break;
      } catch {
        // not this extension
      }
    }
  }
  const fields = new Set<string>();
  const intents = new Set<string>();
  for (const source of sources) {
    for (const m of source.matchAll(/\.get(?:All)?\("([^"]+)"\)/g)) fields.add(m[1]!);
    for (const m of source.matchAll(/register\("([^"]+)"/g)) fields.add(m[1]!);
    for (const m of source.matchAll(/\bname="([^"]+)"/g)) fields.add(m[1]!);
    for (const m of source.matchAll(
      /^\s{2,6}(\w+): (?:z\.|requiredText|optionalText|text\(|calendarDate|optionalCalendarDate|birthDate|rupiah|wholeCount|id\b)/gm,
    ))
      fields.add(m[1]!);
    for (const m of source.matchAll(/intent\s*[!=]==\s*"([^"]+)"/g)) intents.add(m[1]!);
    for (const m of source.matchAll(/name="intent"\s+value="([^"]+)"/g)) intents.add(m[1]!);
  }
  fields.delete("intent");
  // the fields every form of the app may carry
  for (const name of ["id", "memberId", "date", "startDate", "endDate", "status", "reason", "q", "page"]) fields.add(name);
  return { fields: [...fields], intents: [...intents, ""] };
}

const QUERY_KEYS = [
  "p",
  "relawan",
  "kategori",
  "program",
  "q",
  "status",
  "page",
  "from",
  "to",
  "sort",
  "dir",
  "kecamatan",
  "kelurahan",
  "jenis",
  "year",
  "month",
  "quarter",
  "kind",
  "start",
  "end",
  "redirectTo",
  "memberId",
  "member",
  "days",
  "action",
  "sheet",
  "type",
  "village",
  "programme",
  "event",
  "course",
  "competency",
  "download",
  "index",
];

/** Query strings a browser can send: NUL, %00, line breaks, 100 kB, malformed dates, duplicates, broken escapes. */
function hostileQueries(): string[] {
  const all = (value: string) => QUERY_KEYS.map((k) => `${k}=${encodeURIComponent(value)}`).join("&");
  return [
    "",
    `?${all(NUL)}`,
    `?${QUERY_KEYS.map((k) => `${k}=%00`).join("&")}`,
    `?${all("a\nb")}`,
    `?${all(HUGE)}`,
    `?${all("31/02/2026")}`,
    `?${all("2026-13-45")}`,
    `?${all("-1")}`,
    `?${all("99999999999999999999")}`,
    `?${QUERY_KEYS.map((k) => `${k}=1&${k}=2`).join("&")}`,
    `?${QUERY_KEYS.map((k) => `${k}=%E0%A4%A`).join("&")}`,
  ];
}

type Body = { label: string; init: () => { body?: BodyInit; headers: Record<string, string> } };

/** Request bodies for an action: each field of its forms hostile, posted both ways. */
function hostileBodies(fields: string[], intent: string): Body[] {
  const entries = (value: string): [string, string][] => [
    ...(intent ? [["intent", intent] as [string, string]] : []),
    ...fields.map((f) => [f, value] as [string, string]),
  ];
  const urlencoded = (pairs: [string, string][]) => ({
    body: new URLSearchParams(pairs).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  const multipart = (pairs: [string, string][], withFile = false) => {
    const form = new FormData();
    for (const [k, v] of pairs) form.append(k, v);
    if (withFile) for (const f of fields) form.append(f, new File([new Uint8Array([0, 1, 2, 3])], "a\u0000b.jpg", { type: "image/jpeg" }));
    return { body: form, headers: {} };
  };
  return [
    { label: "empty body", init: () => ({ body: "", headers: { "Content-Type": "application/x-www-form-urlencoded" } }) },
    { label: "no body, no content type", init: () => ({ headers: {} }) },
    { label: "intent only", init: () => urlencoded(entries("").slice(0, intent ? 1 : 0)) },
    { label: "NUL in every field", init: () => urlencoded(entries(`${NUL}a${NUL}`)) },
    { label: "100 kB in every field", init: () => urlencoded(entries(HUGE)) },
    { label: "malformed date 31/02/2026", init: () => urlencoded(entries("31/02/2026")) },
    { label: "malformed date 2026-13-45", init: () => urlencoded(entries("2026-13-45")) },
    { label: "far dates", init: () => urlencoded(entries("9999-12-31")) },
    { label: "numbers out of range", init: () => urlencoded(entries("-99999999999999999999")) },
    { label: "duplicated fields", init: () => urlencoded([...entries("1"), ...entries("2"), ...entries("")]) },
    { label: "multipart body", init: () => multipart(entries(`${NUL}\n${"y".repeat(300)}`)) },
    { label: "multipart body with files in every field", init: () => multipart(entries("2026-02-31"), true) },
    {
      label: "multipart content type, urlencoded body",
      init: () => ({
        body: new URLSearchParams(entries("a")).toString(),
        headers: { "Content-Type": "multipart/form-data; boundary=----x" },
      }),
    },
    { label: "multipart content type without boundary", init: () => ({ body: "abc", headers: { "Content-Type": "multipart/form-data" } }) },
    {
      label: "text/plain form",
      init: () => ({
        body: entries("a")
          .map(([k, v]) => `${k}=${v}`)
          .join("\r\n"),
        headers: { "Content-Type": "text/plain" },
      }),
    },
  ];
}

/** How many answers of each status the hostile requests got (printed, to show the sweep went deep). */
const tally = new Map<number, number>();

type Failure = { route: string; who: string; method: string; url: string; input: string; outcome: string };

const users = { board: "ketua@demo.ipsm.id", volunteer: "relawan@demo.ipsm.id" } as const;
const cookies: Record<keyof typeof users, string> = { board: "", volunteer: "" };
/** Real ids of the demo data for each param name (an existing record takes a request deepest). */
const realIds: Record<string, string> = {};

beforeAll(async () => {
  process.env.SEED_DEMO_DATA = "true";
  await seed();
  cookies.board = await signIn(users.board, DEMO_PASSWORD);
  cookies.volunteer = await signIn(users.volunteer, DEMO_PASSWORD);
  const first = async (find: () => Promise<{ id: string } | null>) => (await find())?.id ?? "";
  const ketua = await db.user.findUniqueOrThrow({ where: { email: users.board } });
  const chapterId = ketua.chapterId!;
  realIds.memberId = ketua.memberId ?? "";
  realIds.photoId = await first(() => db.activityPhoto.findFirst({ select: { id: true } }));
  realIds.entryId = await first(() => db.moneyEntry.findFirst({ select: { id: true } }));
  realIds.agreementId = await first(() => db.partnerAgreement.findFirst({ select: { id: true } }));
  realIds.holdingId = await first(() => db.positionHolding.findFirst({ select: { id: true } }));
  realIds.participantId = await first(() => db.trainingParticipant.findFirst({ select: { id: true } }));
  realIds.kind = "logo";
  realIds.code = (await db.memberCard.findFirst({ select: { code: true } }))?.code ?? "ABC";
  realIds.ids = {
    activities: await first(() => db.activity.findFirst({ where: { chapterId }, select: { id: true } })),
    "activities.follow-ups": await first(() => db.followUp.findFirst({ select: { id: true } })),
    certificates: await first(() => db.serviceCertificate.findFirst({ select: { id: true } })),
    leadership: await first(() => db.leadershipPeriod.findFirst({ where: { chapterId }, select: { id: true } })),
    members: ketua.memberId ?? "",
    "members.import": await first(() => db.memberImport.findFirst({ select: { id: true } })),
    programmes: await first(() => db.programme.findFirst({ where: { chapterId }, select: { id: true } })),
    "programmes.partners": await first(() => db.partner.findFirst({ where: { chapterId }, select: { id: true } })),
    reports: await first(() => db.report.findFirst({ where: { chapterId }, select: { id: true } })),
    "trainings.certificates": await first(() => db.certificate.findFirst({ select: { id: true } })),
    "trainings.events": await first(() => db.trainingEvent.findFirst({ where: { chapterId }, select: { id: true } })),
  } as unknown as string;
}, 600_000);

/** The value of $id for a route file: the id of the record kind the route is about. */
function realParams(file: string): Record<string, string> {
  const ids = realIds.ids as unknown as Record<string, string>;
  const prefix = file.split(".$id")[0]!;
  const params: Record<string, string> = {};
  for (const name of paramNames(file)) params[name] = name === "id" ? (ids[prefix] ?? "") : (realIds[name] ?? "");
  return params;
}

/** Param sets: the real record, one that does not exist, a NUL and a line break (%00, %0A), 100 kB, a broken escape. */
function paramSets(file: string): { label: string; params: Record<string, string> }[] {
  const names = paramNames(file);
  if (!names.length) return [{ label: "no params", params: {} }];
  const all = (value: string) => Object.fromEntries(names.map((n) => [n, value]));
  return [
    { label: "real ids", params: realParams(file) },
    { label: "ids that do not exist", params: all("clxxxxxxxxxxxxxxxxxxxxxxx") },
    { label: "NUL and line break", params: all(`a${NUL}b\nc`) },
    { label: "100 kB id", params: all(HUGE) },
    { label: "broken escape", params: all("%E0%A4%A") },
    { label: "empty", params: all("") },
  ];
}

async function attempt(
  failures: Failure[],
  context: Omit<Failure, "outcome">,
  handler: (args: never) => unknown,
  request: Request,
  params: Record<string, string>,
) {
  try {
    const result = await run(handler as never, request, params);
    const status = statusOf(result);
    tally.set(status, (tally.get(status) ?? 0) + 1);
    if (status >= 500) failures.push({ ...context, outcome: `answered ${status}` });
  } catch (error) {
    const stack = error instanceof Error ? (error.stack ?? String(error)).split("\n").slice(0, 6).join(" | ") : String(error);
    failures.push({ ...context, outcome: `threw ${stack}` });
  }
}

const short = (value: string) =>
  (value.length > 120 ? `${value.slice(0, 120)}…(${value.length})` : value).replaceAll(NUL, "\\0").replace(/\n/g, "\\n");

describe("hostile input to every route", () => {
  it("finds the route modules", () => {
    expect(routeFiles.length).toBeGreaterThan(50);
  });

  for (const who of ["board", "volunteer"] as const) {
    it(`no loader answers 5xx to hostile URLs (${who})`, async () => {
      const failures: Failure[] = [];
      cookies[who] = await signIn(users[who], DEMO_PASSWORD);
      for (const { key, file } of routeFiles) {
        const mod = await modules[key]!();
        if (!mod.loader) continue;
        for (const { label, params } of paramSets(file)) {
          const queries = label === "real ids" || label === "no params" ? hostileQueries() : [""];
          for (const query of queries) {
            const url = `${ORIGIN}${urlPath(file, params)}${query}`;
            const request = new Request(url, { headers: { Cookie: cookies[who] } });
            await attempt(failures, { route: file, who, method: "GET", url: short(url), input: label }, mod.loader, request, params);
          }
        }
      }
      console.info(`loaders as ${who}:`, Object.fromEntries(tally));
      tally.clear();
      expect(failures).toEqual([]);
    }, 600_000);
  }

  for (const who of ["volunteer", "board"] as const) {
    it(`no action answers 5xx to hostile bodies (${who})`, async () => {
      const failures: Failure[] = [];
      cookies[who] = await signIn(users[who], DEMO_PASSWORD);
      for (const route of routeFiles) await hostileActions(failures, who, route);
      console.info(`actions as ${who}:`, Object.fromEntries(tally));
      tally.clear();
      expect(failures).toEqual([]);
    }, 600_000);
  }
});

async function hostileActions(failures: Failure[], who: keyof typeof users, { key, file }: { key: string; file: string }) {
  const mod = await modules[key]!();
  if (!mod.action) return;
  const { fields, intents } = fieldNames(file);
  for (const { label, params } of paramSets(file)) {
    const deep = label === "real ids" || label === "no params";
    for (const intent of intents) {
      const bodies = hostileBodies(fields, intent);
      for (const body of deep ? bodies : bodies.slice(3, 4)) {
        const url = `${ORIGIN}${urlPath(file, params)}`;
        const { body: payload, headers } = body.init();
        const request = new Request(url, { method: "POST", body: payload, headers: { ...headers, Cookie: cookies[who] } });
        await attempt(
          failures,
          { route: file, who, method: "POST", url: short(url), input: `${label}; intent=${intent}; ${body.label}` },
          mod.action,
          request,
          params,
        );
      }
    }
  }
}
