import type { LoaderFunctionArgs } from "@remix-run/node";
import { readCertificateFile } from "~/domain/trainings/certificates.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /trainings/certificates/:id/file: a certificate's scan, for the board or the member it belongs to.
async function load({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:training:own");
  const file = unwrap(await readCertificateFile(actor, params.id ?? ""));
  return fileResponse(file.bytes, { type: file.type, fileName: file.name, disposition: "inline" });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
