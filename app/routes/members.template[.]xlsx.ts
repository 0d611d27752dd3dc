import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildTemplateXlsx } from "~/domain/imports.server";
import { requirePermission } from "~/utils/permissions.server";

// GET /members/template.xlsx: the import template with Indonesian headers and instructions.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "import:member:chapter");
  return new Response(new Uint8Array(await buildTemplateXlsx()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="templat-impor-anggota.xlsx"',
    },
  });
}
