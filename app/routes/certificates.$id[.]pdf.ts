import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificateFile } from "~/domain/reports/service-certificates.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /certificates/:id.pdf: a certificate of service exactly as issued (the stored file), for
// the board of its chapter (`read:report:chapter`) or the volunteer it was issued to. An account
// with neither (the Dinas Sosial) gets 403; someone else's certificate answers 404.
async function load({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { bytes, name } = unwrap(await certificateFile(actor, params.id ?? ""));
  return fileResponse(bytes, { type: "pdf", fileName: name, disposition: "inline" });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
