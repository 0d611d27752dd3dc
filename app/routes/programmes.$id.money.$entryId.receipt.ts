import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentResponse } from "~/domain/shared/scans.server";
import { readReceipt } from "~/domain/programmes/money.server";
import { programmeActorOf } from "~/domain/programmes/programmes.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /programmes/:id/money/:entryId/receipt: a money entry's receipt scan, for those who see the money.
async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:programme:own");
  const receipt = await readReceipt(programmeActorOf(user), params.entryId ?? "");
  if (!receipt) notFound();
  return documentResponse(receipt.bytes, receipt.type, receipt.name);
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
