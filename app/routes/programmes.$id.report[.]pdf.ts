import type { LoaderFunctionArgs } from "@remix-run/node";
import { maySeeMoney } from "~/domain/programmes/money.server";
import { programmeReportFileName } from "~/domain/programmes/report-xlsx.server";
import { programmeReport } from "~/domain/programmes/report.server";
import { getProgramme, programmeActorOf } from "~/domain/programmes/programmes.server";
import { renderProgrammeReportPdf } from "~/documents/pdf/render.server";
import { fileResponse } from "~/utils/file-response.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /programmes/:id/report.pdf: the programme report for the partner and the Dinas Sosial.
// It shows the money, so only those who may see the programme's money get it (not its volunteers).
async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:programme:own");
  const actor = programmeActorOf(user);
  const id = params.id ?? "";
  const programme = await getProgramme(actor, id);
  if (!programme) notFound();
  if (!maySeeMoney(actor, programme)) throw new Response("Forbidden", { status: 403 });
  const data = await programmeReport(actor, id);
  if (!data) notFound();
  const body = await renderProgrammeReportPdf(data);
  return fileResponse(body, { type: "pdf", fileName: programmeReportFileName(data.programme.name, "pdf") });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
