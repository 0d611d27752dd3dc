import { redirect } from "@remix-run/node";
import type { CurrentUser } from "~/domain/accounts/accounts.server";
import { getUser } from "./session.server";
import { hasAnyPermission, hasPermission, type Permission } from "./permissions";

export type { CurrentUser };

/** The signed-in user; anyone else is sent to the login page and brought back afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/** Throws the 403 response that the error boundary renders as an Indonesian page. */
export function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

/** The signed-in user if they hold the permission (or a wider one); 403 otherwise. */
export async function requirePermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!hasPermission(user.permissions, permission)) forbidden();
  return user;
}

/** The signed-in user if they hold at least one of the permissions; 403 otherwise. */
export async function requireAnyPermission(request: Request, permissions: readonly Permission[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!hasAnyPermission(user.permissions, permissions)) forbidden();
  return user;
}
