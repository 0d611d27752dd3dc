import type { ActionFunctionArgs } from "@remix-run/node";
import { submitNewActivity } from "~/http/activity-submission.server";
import { refusalJson } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";

// POST /activities/sync: where the phone sends an activity it kept while there was no signal
// (app/offline/sync.client.ts, docs/decisions/027). The same reading, rules and idempotency as
// the form page, answered in JSON: 201 saved, 200 already saved (the same key), 400/409 with the
// messages the volunteer sees on the kept activity; signed out: the redirect to /login.
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "create:activity:own");
  const result = await submitNewActivity(actor, request);
  if (!result.ok) return refusalJson(result.refusal);
  return Response.json({ ok: true, id: result.id, repeated: result.repeated }, { status: result.repeated ? 200 : 201 });
}
