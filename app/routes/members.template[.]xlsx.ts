import type { LoaderFunctionArgs } from "@remix-run/node";
import { memberImportTemplate } from "~/domain/members/import-commit.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /members/template.xlsx: the import template (Indonesian headers, an example row, a sheet
// "Petunjuk" explaining each column).
async function load({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "import:member:chapter");
  const { bytes, fileName } = unwrap(await memberImportTemplate(actor));
  return fileResponse(bytes, { type: "xlsx", fileName });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
