import type { LoaderFunctionArgs } from "@remix-run/node";
import { activitiesXlsx } from "~/domain/activities/export.server";
import { calendarToday } from "~/utils/dates";
import { hasPermission } from "~/utils/permissions";
import { requirePermission } from "~/utils/permissions.server";
import { parseBoardFilters } from "~/validation/activities";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /activities/export.xlsx?<the list's filters>: the board's filtered list as a spreadsheet; a
// Koordinator Kecamatan gets their kecamatan only.
async function load({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:activity:district");
  const filters = parseBoardFilters(new URL(request.url).searchParams, calendarToday(user.chapter.timeZone));
  const scope = hasPermission(user.permissions, "read:activity:chapter") ? undefined : { districtCodes: user.districtCodes };
  const body = await activitiesXlsx({ chapterId: user.chapter.id, actorId: user.id }, filters, scope);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="kegiatan-${user.chapter.code.toLowerCase()}-${filters.from ?? "awal"}-${filters.to ?? "akhir"}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
