import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildMemberExport } from "~/domain/members/export.server";
import { mayExportWholeNik } from "~/domain/members/members.server";
import { fileResponse } from "~/http/file-response.server";
import { requireActor } from "~/http/permissions.server";
import { parseMemberFilters } from "~/validation/members";
import { fileRoute } from "~/http/resource-errors.server";

// GET /members/export.csv[?filters][&nik=1]: the filtered member list, audited. NIK is masked
// unless the user may see it whole AND asks for it with nik=1.
async function load({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "export:member:chapter");
  const url = new URL(request.url);
  const file = await buildMemberExport({
    chapterId: actor.chapterId,
    actorId: actor.userId,
    filters: parseMemberFilters(url.searchParams),
    format: "csv",
    showFullNik: mayExportWholeNik(actor) && url.searchParams.get("nik") === "1",
  });
  return fileResponse(file.body, { type: "csv", fileName: file.fileName });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
