import type { LoaderFunctionArgs } from "@remix-run/node";
import { competencyMatrixXlsx } from "~/domain/trainings/trainings.server";
import { requirePermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /trainings/matrix.xlsx[?kecamatan=61.71.01]: the competency matrix as a spreadsheet.
async function load({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:training:chapter");
  const districtCode = new URL(request.url).searchParams.get("kecamatan") || null;
  const body = await competencyMatrixXlsx(user.chapter.id, districtCode);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="matriks-kompetensi-${user.chapter.code.toLowerCase()}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
