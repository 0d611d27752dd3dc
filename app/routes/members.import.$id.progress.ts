import type { LoaderFunctionArgs } from "@remix-run/node";
import { importProgress } from "~/domain/imports.server";
import { requirePermission } from "~/utils/permissions.server";

// GET /members/import/:id/progress: how far a running import has come (polled by its page).
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "import:member:chapter");
  return Response.json(importProgress(params.id ?? "") ?? { done: 0, total: 0, finished: false });
}
