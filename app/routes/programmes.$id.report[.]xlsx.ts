import type { LoaderFunctionArgs } from "@remix-run/node";
import { programmeReportFile } from "~/domain/programmes/report.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /programmes/:id/report.xlsx: the programme report's figures as a spreadsheet. Like the PDF,
// only for those who may see the programme's money.
async function load({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:programme:own");
  const { bytes, name } = unwrap(await programmeReportFile(actor, params.id ?? "", "xlsx"));
  return fileResponse(bytes, { type: "xlsx", fileName: name, disposition: "attachment" });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
