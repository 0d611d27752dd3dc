import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentResponse } from "~/domain/shared/scans.server";
import { readAgreementScan } from "~/domain/programmes/partners.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /programmes/partners/:id/agreements/:agreementId: the agreement's scan (board only).
async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:programme:chapter");
  const scan = await readAgreementScan(user.chapter.id, params.id ?? "", params.agreementId ?? "");
  if (!scan) notFound();
  return documentResponse(scan.bytes, scan.type, scan.name);
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
