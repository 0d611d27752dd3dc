import type { LoaderFunctionArgs } from "@remix-run/node";
import { ownDataFile } from "~/domain/accounts/own-data.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /profile/data.json: everything the portal holds about the signed-in user ("Unduh data
// saya", the right of access of UU 27/2022), pretty-printed JSON with ISO dates; audited.
async function load({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { body, fileName } = unwrap(await ownDataFile(actor, "json"));
  return fileResponse(body, { type: "application/json; charset=utf-8", fileName, disposition: "attachment" });
}

// A refusal answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
