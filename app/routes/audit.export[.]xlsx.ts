import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditLogXlsx, auditReaderOf } from "~/domain/audit/audit-log.server";
import { forbidden, requirePermission } from "~/utils/permissions.server";
import { parseAuditFilters } from "~/validation/audit";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /audit/export.xlsx?<the page's filters>: the chapter's filtered audit log as a spreadsheet
// (NIK/KK masked); the download is itself audited.
async function load({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:audit:chapter");
  const { filters } = parseAuditFilters(new URL(request.url).searchParams);
  const result = await auditLogXlsx(auditReaderOf(user), filters);
  if (!result.ok) forbidden();
  return new Response(new Uint8Array(result.body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
