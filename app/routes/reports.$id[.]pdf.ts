import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportActorOf, reportFile } from "~/domain/reports/reports.server";
import { notFound, requireAnyPermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

const TYPE = "application/pdf";

// GET /reports/:id.pdf: the stored file of a submitted report (as it was sent), or a fresh one
// marked as a draft, for the board and for the Dinas Sosial of the chapter's area.
async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireAnyPermission(request, ["read:report:chapter", "receive:report:chapter"]);
  const file = await reportFile(reportActorOf(user), params.id ?? "", "pdf");
  if (!file) notFound();
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": TYPE,
      "Content-Disposition": `inline; filename="${file.name}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
