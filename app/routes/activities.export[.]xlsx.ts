import type { LoaderFunctionArgs } from "@remix-run/node";
import { readingScope } from "~/domain/activities/activities.server";
import { activitiesXlsx } from "~/domain/activities/export.server";
import { calendarToday } from "~/utils/dates";
import { fileResponse } from "~/http/file-response.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";
import { parseBoardFilters } from "~/validation/activities";

// GET /activities/export.xlsx?<the list's filters>: the board's filtered list as a spreadsheet; a
// Koordinator Kecamatan gets their kecamatan only.
async function load({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:activity:district");
  const filters = parseBoardFilters(new URL(request.url).searchParams, calendarToday(actor.timeZone));
  const body = await activitiesXlsx({ chapterId: actor.chapterId, actorId: actor.userId }, filters, readingScope(actor));
  const fileName = `kegiatan-${actor.chapterCode.toLowerCase()}-${filters.from ?? "awal"}-${filters.to ?? "akhir"}.xlsx`;
  return fileResponse(body, { type: "xlsx", fileName });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
