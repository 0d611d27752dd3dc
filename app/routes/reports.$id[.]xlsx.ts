import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportFile } from "~/domain/reports/reports.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /reports/:id.xlsx: the stored file of a submitted report (as it was sent), or a fresh one
// marked as a draft, for the board and for the Dinas Sosial of the chapter's area.
async function load({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, ["read:report:chapter", "receive:report:chapter"]);
  const { bytes, name } = unwrap(await reportFile(actor, params.id ?? "", "xlsx"));
  return fileResponse(bytes, { type: "xlsx", fileName: name, disposition: "attachment" });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
