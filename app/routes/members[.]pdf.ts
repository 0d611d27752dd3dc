import type { LoaderFunctionArgs } from "@remix-run/node";
import { getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { listMembersForPrint, recordMemberExport } from "~/domain/members/members.server";
import { renderForRoute } from "~/workers/render-pool.server";
import { fileResponse } from "~/http/file-response.server";
import { requireActor } from "~/http/permissions.server";
import { parseMemberFilters } from "~/validation/members";
import { fileRoute } from "~/http/resource-errors.server";

// GET /members.pdf[?filters]: the chapter's member list on its letterhead (board and administrator).
async function load({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "export:member:chapter");
  const filters = parseMemberFilters(new URL(request.url).searchParams);
  const [chapter, members] = await Promise.all([getChapterLetterhead(actor.chapterId), listMembersForPrint(actor, filters)]);
  // a chapter's whole list is many pages: rendered in the render pool (docs/decisions/032)
  const pdf = await renderForRoute("memberListPdf", { chapter, members, generatedAt: new Date() });
  await recordMemberExport(actor, { format: "pdf", count: members.length, filters });
  return fileResponse(pdf, { type: "pdf", fileName: `daftar-anggota-${chapter.code.toLowerCase()}.pdf` });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
