// Reading a posted form. A browser can post a body the portal's forms never send (a text/plain
// form, no body at all, a multipart body cut short or without its boundary); reading it must
// answer 400 with an Indonesian message, not fail as a 500.
import { t } from "~/i18n";
import { refuseCrossSiteWrite } from "./cross-site.server";

/** The 400 answer to a body that is not a form. */
export function unreadableFormResponse(): Response {
  return new Response(t("error.formBody"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * The posted form (urlencoded or multipart). A form posted by another site throws a 403; a body
 * that cannot be read as one throws a 400 Response (shown by the route's error boundary); other
 * errors are passed on.
 */
export async function readFormData(request: Request): Promise<FormData> {
  refuseCrossSiteWrite(request);
  try {
    return await request.formData();
  } catch (error) {
    if (error instanceof TypeError) throw unreadableFormResponse();
    throw error;
  }
}
