import type { LoaderFunctionArgs } from "@remix-run/node";
import { trainingRecordPdf } from "~/domain/trainings/record.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /trainings/record.pdf: the signed-in member's training record; the board may ask for any
// member of the chapter with ?member=<id>.
async function load({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:training:own");
  const asked = new URL(request.url).searchParams.get("member");
  const { bytes, fileName } = unwrap(await trainingRecordPdf(actor, asked));
  return fileResponse(bytes, { type: "pdf", fileName });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
