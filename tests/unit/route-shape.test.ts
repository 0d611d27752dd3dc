// Routes are thin (docs/decisions/016): they map domain outcomes through ~/http/outcome.server
// and never write a status code by hand, and they never reach the database themselves. This test
// reads every file in app/routes and names the file and line of each breach.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = path.resolve(__dirname, "../../app/routes");

/** The text of a call starting at `open` (the index of its opening parenthesis), up to the matching one. */
function callText(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

const lineOf = (source: string, index: number) => source.slice(0, index).split("\n").length;

const ERROR_STATUS = /status\s*:\s*[45]\d\d\b/;
const ERROR_TEXT = /["'`](Forbidden|Not Found|Bad Request)["'`]/;

/** Every breach of the route shape in one file's source, as "file:line: what". */
export function routeShapeBreaches(file: string, source: string): string[] {
  const breaches: string[] = [];
  for (const match of source.matchAll(/new\s+Response\s*\(/g)) {
    const call = callText(source, match.index + match[0].length - 1);
    if (ERROR_STATUS.test(call) || ERROR_TEXT.test(call)) {
      breaches.push(`${file}:${lineOf(source, match.index)}: new Response(...) with an error status; use unwrap/formRefusal/badRequest`);
    }
  }
  for (const match of source.matchAll(/(?<![\w.$])data\s*\(/g)) {
    const call = callText(source, match.index + match[0].length - 1);
    if (/status\s*:\s*4\d\d\b/.test(call)) {
      breaches.push(`${file}:${lineOf(source, match.index)}: data(..., { status: 4xx }); use formRefusal/invalidForm`);
    }
  }
  for (const match of source.matchAll(/(?:from\s+|import\s*\(\s*)["']~\/utils\/db\.server["']/g)) {
    breaches.push(`${file}:${lineOf(source, match.index)}: imports ~/utils/db.server; call the domain instead`);
  }
  return breaches;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe("the route shape check", () => {
  it("passes a thin route", () => {
    const source = `
import { data } from "@remix-run/node";
import { getThing } from "~/domain/things/things.server";
import { fileResponse } from "~/http/file-response.server";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
export async function loader({ request }) {
  const actor = await requireActor(request, "read:thing:chapter");
  const { thing } = unwrap(await getThing(actor));
  return new Response("ok", { headers: { "Cache-Control": "no-store" } });
}
export async function action() {
  if (!parsed.success) return invalidForm(parsed);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return data({ saved: true }, { headers: { "Set-Cookie": cookie } });
}`;
    expect(routeShapeBreaches("thin.tsx", source)).toEqual([]);
  });

  it("finds a hand-written status, an English refusal and a database import, with their lines", () => {
    const source = [
      'import { db } from "~/utils/db.server";',
      'if (!x) throw new Response("Forbidden", { status: 403 });',
      "if (!y) throw new Response(null, {",
      "  status: 404,",
      "});",
      'throw new Response("Not Found");',
      "return data(parsed, { status: 400 });",
      "return data({ formError }, {\n  status: 409,\n});",
    ].join("\n");
    const breaches = routeShapeBreaches("fat.tsx", source);
    expect(breaches.map((b) => b.split(":").slice(0, 2).join(":"))).toEqual([
      "fat.tsx:2",
      "fat.tsx:3",
      "fat.tsx:6",
      "fat.tsx:7",
      "fat.tsx:8",
      "fat.tsx:1",
    ]);
  });
});

describe("every route", () => {
  it("writes no status code and does not import the database", () => {
    const breaches = routeFiles(ROUTES).flatMap((file) =>
      routeShapeBreaches(path.relative(process.cwd(), file), readFileSync(file, "utf8")),
    );
    if (breaches.length > 0) console.error(`Routes that break the shape:\n${breaches.join("\n")}`);
    expect(breaches).toEqual([]);
  });
});
