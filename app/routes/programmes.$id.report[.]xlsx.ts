import type { LoaderFunctionArgs } from "@remix-run/node";
import { maySeeMoney } from "~/domain/programmes/money.server";
import { programmeReportFileName, programmeReportXlsx } from "~/domain/programmes/report-xlsx.server";
import { programmeReport } from "~/domain/programmes/report.server";
import { getProgramme, programmeActorOf } from "~/domain/programmes/programmes.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /programmes/:id/report.xlsx: the programme report's figures as a spreadsheet. Like the PDF,
// only for those who may see the programme's money.
async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:programme:own");
  const actor = programmeActorOf(user);
  const id = params.id ?? "";
  const programme = await getProgramme(actor, id);
  if (!programme) notFound();
  if (!maySeeMoney(actor, programme)) throw new Response("Forbidden", { status: 403 });
  const data = await programmeReport(actor, id);
  if (!data) notFound();
  const body = await programmeReportXlsx(data);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${programmeReportFileName(data.programme.name, "xlsx")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
