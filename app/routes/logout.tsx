import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { endUserSession } from "~/http/session.server";

// POST /logout from the menu; GET /logout (a typed URL or a link) ends the session too.
export async function action({ request }: ActionFunctionArgs) {
  return endUserSession(request);
}

export async function loader({ request }: LoaderFunctionArgs) {
  return endUserSession(request);
}
