import type { LoaderFunctionArgs } from "@remix-run/node";
import { searchRegions } from "~/domain/chapters/regions.server";
import { isInstalled } from "~/domain/setup/setup.server";
import { notFound } from "~/domain/shared/outcome.server";
import { refusalResponse } from "~/http/outcome.server";
import { regionSearchSchema } from "~/validation/regions";

// GET /setup/regions?q=&level=&limit=: the region picker of the first-run setup page, before
// anyone can sign in (regions are public data); 404 once the portal is set up (then the picker
// uses /regions/search, for signed-in users).
export async function loader({ request }: LoaderFunctionArgs) {
  if (await isInstalled()) throw refusalResponse(notFound());
  const query = regionSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ regions: await searchRegions(query) }, { headers: { "Cache-Control": "no-store" } });
}
