import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAuditLog } from "~/domain/audit/audit-log.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";
import { parseAuditFilters } from "~/validation/audit";

// GET /audit/export.xlsx?<the page's filters>: the chapter's filtered audit log as a spreadsheet
// (NIK/KK masked); the download is itself audited.
async function load({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:audit:chapter");
  const { filters } = parseAuditFilters(new URL(request.url).searchParams);
  const { bytes, fileName } = unwrap(await exportAuditLog(actor, filters));
  return fileResponse(bytes, { type: "xlsx", fileName });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
