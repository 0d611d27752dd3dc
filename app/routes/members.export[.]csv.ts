import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildMemberExport } from "~/domain/members/export.server";
import { hasPermission } from "~/utils/permissions";
import { requirePermission } from "~/utils/permissions.server";
import { parseMemberFilters } from "~/validation/members";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /members/export.csv[?filters][&nik=1]: the filtered member list, audited. NIK is masked
// unless the user may see it whole AND asks for it with nik=1.
async function load({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:member:chapter");
  const url = new URL(request.url);
  const file = await buildMemberExport({
    chapterId: user.chapter.id,
    actorId: user.id,
    filters: parseMemberFilters(url.searchParams),
    format: "csv",
    showFullNik: hasPermission(user.permissions, "read:member-nik:chapter") && url.searchParams.get("nik") === "1",
  });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
