import { healthResponse } from "~/http/health.server";

// GET /healthz: "ok", or 503 with the reason (app/http/health.server.ts).
export function loader() {
  return healthResponse();
}
