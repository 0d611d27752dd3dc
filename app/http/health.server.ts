// The answer of /healthz, for uptime checks and the benchmark's bare route: "ok" when the server
// answers, the database is reachable and every trigger that keeps the search, counts and totals
// in step is there (checked at start, not on every call while they are all there); a missing
// trigger answers 503 with the reason (docs/decisions/030, 031).
import { pingDatabase } from "~/domain/accounts/accounts.server";
import { keptTriggersHealth } from "~/domain/shared/kept-tables.server";

const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

export async function healthResponse(): Promise<Response> {
  await pingDatabase();
  const missing = await keptTriggersHealth();
  if (missing.length > 0) {
    const names = missing.map((m) => `${m.trigger} on ${m.table}`).join(", ");
    return new Response(`unhealthy: database triggers missing (docs/decisions/030, 031): ${names}`, { status: 503, headers: PLAIN });
  }
  return new Response("ok", { headers: PLAIN });
}
