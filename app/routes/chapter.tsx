import type { ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast, switchChapter } from "~/utils/session.server";
import { safeRedirect } from "~/validation/auth";

// POST /chapter: an administrator switches the chapter they work in (the header's selector).
export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "manage:chapter:any");
  const form = await request.formData();
  const chapter = await switchChapter(request, String(form.get("chapterId") ?? ""));
  if (!chapter) throw new Response("Not Found", { status: 404 });
  return redirectWithToast(safeRedirect(form.get("redirectTo")), "info", "chapter.switched", { name: chapter.name });
}

export async function loader() {
  throw new Response("Not Found", { status: 404 });
}
