import type { LoaderFunctionArgs } from "@remix-run/node";
import { competencyMatrixXlsx } from "~/domain/trainings/competencies.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /trainings/matrix.xlsx[?kecamatan=61.71.01]: the competency matrix as a spreadsheet.
async function load({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:training:chapter");
  const districtCode = new URL(request.url).searchParams.get("kecamatan") || null;
  const { bytes, fileName } = unwrap(await competencyMatrixXlsx(actor, districtCode));
  return fileResponse(bytes, { type: "xlsx", fileName });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
