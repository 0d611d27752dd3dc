import type { LoaderFunctionArgs } from "@remix-run/node";
import { readReceipt } from "~/domain/programmes/money.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /programmes/:id/money/:entryId/receipt: a money entry's receipt scan, for those who see the money.
async function load({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:programme:own");
  const { bytes, type, name } = unwrap(await readReceipt(actor, params.entryId ?? ""));
  return fileResponse(bytes, { type, fileName: name, disposition: "inline" });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
