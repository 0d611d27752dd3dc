import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentResponse } from "~/domain/shared/scans.server";
import { certificateFile } from "~/domain/reports/service-certificates.server";
import { hasPermission } from "~/utils/permissions";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /certificates/:id.pdf: a certificate of service exactly as issued (the stored file), for
// the board of its chapter (`read:report:chapter`) or the volunteer it was issued to. An account
// with neither (the Dinas Sosial) gets 403; someone else's certificate answers 404.
async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!hasPermission(user.permissions, "read:report:chapter") && !user.memberId) forbidden();
  const file = await certificateFile(user, params.id ?? "");
  if (!file) notFound();
  return documentResponse(file.bytes, "application/pdf", file.name);
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
