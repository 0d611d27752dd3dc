import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentResponse } from "~/domain/shared/scans.server";
import { readCertificateFile } from "~/domain/trainings/trainings.server";
import { hasPermission } from "~/utils/permissions";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /trainings/certificates/:id/file: a certificate's scan, for the board or the member it belongs to.
async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:training:own");
  const board = hasPermission(user.permissions, "read:training:chapter");
  if (!board && !user.memberId) notFound();
  const file = await readCertificateFile(user.chapter.id, params.id ?? "", board ? undefined : user.memberId!);
  if (!file) notFound();
  return documentResponse(file.bytes, file.type, file.name);
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
