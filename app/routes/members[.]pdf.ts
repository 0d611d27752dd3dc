import type { LoaderFunctionArgs } from "@remix-run/node";
import { getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { listMembersForPrint, recordMemberExport } from "~/domain/members/members.server";
import { pdfResponse, renderMemberListPdf } from "~/documents/pdf/render.server";
import { requirePermission } from "~/utils/permissions.server";
import { parseMemberFilters } from "~/validation/members";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /members.pdf[?filters]: the chapter's member list on its letterhead (board and administrator).
async function load({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:member:chapter");
  const filters = parseMemberFilters(new URL(request.url).searchParams);
  const [chapter, members] = await Promise.all([getChapterLetterhead(user.chapter.id), listMembersForPrint(user.chapter.id, filters)]);
  const pdf = await renderMemberListPdf({ chapter, members, generatedAt: new Date() });
  await recordMemberExport({ chapterId: user.chapter.id, actorId: user.id, format: "pdf", count: members.length, filters });
  return pdfResponse(pdf, `daftar-anggota-${chapter.code.toLowerCase()}.pdf`);
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
