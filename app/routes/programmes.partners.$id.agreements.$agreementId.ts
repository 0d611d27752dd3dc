import type { LoaderFunctionArgs } from "@remix-run/node";
import { readAgreementScan } from "~/domain/programmes/partners.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /programmes/partners/:id/agreements/:agreementId: the agreement's scan (board only).
async function load({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:programme:chapter");
  const { bytes, type, name } = unwrap(await readAgreementScan(actor, params.id ?? "", params.agreementId ?? ""));
  return fileResponse(bytes, { type, fileName: name, disposition: "inline" });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
