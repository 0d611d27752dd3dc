import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildMemberExport } from "~/domain/exports.server";
import { hasPermission } from "~/utils/permissions";
import { requirePermission } from "~/utils/permissions.server";
import { parseMemberFilters } from "~/validation/members";

// GET /members/export.xlsx[?filters][&nik=1]: the filtered list; NIK whole only for those allowed who ask.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:member:chapter");
  const url = new URL(request.url);
  const file = await buildMemberExport({
    chapterId: user.chapter.id,
    chapterCode: user.chapter.code,
    actorId: user.id,
    filters: parseMemberFilters(url.searchParams),
    format: "xlsx",
    showFullNik: url.searchParams.get("nik") === "1" && hasPermission(user.permissions, "read:member-nik:chapter"),
  });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
