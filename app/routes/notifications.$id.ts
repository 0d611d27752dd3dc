import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { openNotification } from "~/domain/notifications/inbox.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";

// /notifications/:id: opening one of one's own notifications marks it read and leads to the page
// where the person acts (another person's answers 404).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { link } = unwrap(await openNotification(actor, params.id ?? ""));
  return redirect(link);
}
