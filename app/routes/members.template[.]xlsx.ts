import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildTemplateXlsx } from "~/domain/member-import.server";
import { requirePermission } from "~/utils/permissions.server";

// GET /members/template.xlsx: the import template (Indonesian headers, an example row, a sheet
// "Petunjuk" explaining each column).
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "import:member:chapter");
  return new Response(new Uint8Array(await buildTemplateXlsx()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="templat-impor-anggota.xlsx"',
      "Cache-Control": "private, max-age=0",
    },
  });
}
