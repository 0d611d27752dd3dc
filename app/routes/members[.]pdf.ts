import type { LoaderFunctionArgs } from "@remix-run/node";
import { getChapterLetterhead } from "~/domain/chapters.server";
import { listMembersForPrint } from "~/domain/members.server";
import { pdfResponse, renderMemberListPdf } from "~/pdf/render.server";
import { requirePermission } from "~/utils/permissions.server";

// GET /members.pdf: the chapter's member list on its letterhead (board and administrator).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:member:chapter");
  const [chapter, members] = await Promise.all([
    getChapterLetterhead(user.chapter.id),
    listMembersForPrint(user.chapter.id),
  ]);
  const pdf = await renderMemberListPdf({ chapter, members, generatedAt: new Date() });
  return pdfResponse(pdf, `daftar-anggota-${chapter.code.toLowerCase()}.pdf`);
}
