import type { LoaderFunctionArgs } from "@remix-run/node";
import { searchCoVolunteers } from "~/domain/activities/co-volunteers.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";

// GET /activities/co-volunteers?q=ma%27ruf: the members the activity form's picker can name as
// co-volunteers, as JSON ({ matches: [{ id, fullName, memberNumber }] }, at most 20; fewer than
// two letters or digits find nothing). For those who log activities, as the form itself.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "create:activity:own");
  const query = new URL(request.url).searchParams.get("q") ?? "";
  const { matches } = unwrap(await searchCoVolunteers(actor, query));
  return Response.json({ matches }, { headers: { "Cache-Control": "private, no-store" } });
}
