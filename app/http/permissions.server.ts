import { redirect } from "@remix-run/node";
import type { CurrentUser } from "~/domain/accounts/accounts.server";
import { actorOf, type Actor } from "~/domain/shared/actor.server";
import * as outcome from "~/domain/shared/outcome.server";
import { refusalResponse } from "./outcome.server";
import { requireSecondFactorEnrolment } from "./second-factor.server";
import { getUser } from "./session.server";
import { hasAnyPermission, hasPermission, type Permission } from "~/utils/permissions";

export type { Actor, CurrentUser };

/**
 * The signed-in user; anyone else is sent to the login page and brought back afterwards. Someone
 * the chapter requires to use a second factor, without one yet, is led to turn it on first
 * (docs/decisions/024).
 */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
  }
  await requireSecondFactorEnrolment(request, user);
  return user;
}

/** Throws the 403 response that the error boundary renders as an Indonesian page. */
export function forbidden(message?: string): never {
  throw refusalResponse(outcome.forbidden(message));
}

/** Throws the 404 response that the error boundary renders as an Indonesian page. */
export function notFound(message?: string): never {
  throw refusalResponse(outcome.notFound(message));
}

/**
 * The actor of this request (docs/decisions/016): the signed-in user as every domain call takes
 * it. With a permission, a user without it (or a wider one) gets 403 before anything runs; the
 * domain checks the finer rules itself.
 */
export async function requireActor(request: Request, permission?: Permission | readonly Permission[]): Promise<Actor> {
  const user = await requireUser(request);
  if (permission !== undefined) {
    const allowed =
      typeof permission === "string" ? hasPermission(user.permissions, permission) : hasAnyPermission(user.permissions, permission);
    if (!allowed) forbidden();
  }
  return actorOf(user);
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
