import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildTemplateXlsx } from "~/domain/members/import.server";
import { requirePermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /members/template.xlsx: the import template (Indonesian headers, an example row, a sheet
// "Petunjuk" explaining each column).
async function load({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "import:member:chapter");
  return new Response(new Uint8Array(await buildTemplateXlsx()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="templat-impor-anggota.xlsx"',
      "Cache-Control": "private, max-age=0",
    },
  });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
