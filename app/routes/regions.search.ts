import type { LoaderFunctionArgs } from "@remix-run/node";
import { searchRegions } from "~/domain/chapters/regions.server";
import { requireActor } from "~/http/permissions.server";
import { regionSearchSchema } from "~/validation/regions";

// GET /regions/search?q=darat%20sekip&level=village&under=61.71&limit=20: regions for a picker,
// as JSON ({ regions: [{ code, name, officialName, level, parents: [kecamatan, kab/kota,
// province] }] }). Spaces, hyphens, dots and capitals in `q` do not matter. For any signed-in
// user (the first-run setup page calls searchRegions itself).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request);
  const url = new URL(request.url);
  const query = regionSearchSchema.parse(Object.fromEntries(url.searchParams));
  const regions = await searchRegions(query);
  return Response.json({ regions }, { headers: { "Cache-Control": "private, max-age=300" } });
}
