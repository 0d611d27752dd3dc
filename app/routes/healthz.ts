import { pingDatabase } from "~/domain/accounts/accounts.server";

// GET /healthz: "ok" when the server answers and the database is reachable (for uptime checks,
// and the benchmark's bare route).
export async function loader() {
  await pingDatabase();
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
