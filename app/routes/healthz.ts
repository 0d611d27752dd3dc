import { pingDatabase } from "~/domain/accounts/accounts.server";
import { keptTriggersHealth } from "~/domain/shared/kept-tables.server";

const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

// GET /healthz: "ok" when the server answers, the database is reachable and every trigger that
// keeps the search, counts and totals in step is there (for uptime checks, and the benchmark's
// bare route: the triggers are checked at start, not on every call while they are all there).
// A missing trigger answers 503 with the reason (docs/decisions/030, 031).
export async function loader() {
  await pingDatabase();
  const missing = await keptTriggersHealth();
  if (missing.length > 0)
    return new Response(
      `unhealthy: database triggers missing (docs/decisions/030, 031): ${missing.map((m) => `${m.trigger} on ${m.table}`).join(", ")}`,
      { status: 503, headers: PLAIN },
    );
  return new Response("ok", { headers: PLAIN });
}
