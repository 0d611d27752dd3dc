// The two pages that set a password through a single-use link (/invite/:token and
// /reset-password/:token) answer alike; only the kind of link differs.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { openLink, redeemLink } from "~/domain/accounts/links.server";
import type { AccountTokenKind } from "~/generated/prisma/enums";
import { newPasswordSchema } from "~/validation/auth";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm } from "./outcome.server";
import { readFormData } from "~/utils/request-form.server";
import { signInAfterPassword } from "./second-factor.server";

/**
 * The page: the person the link is for, or why it cannot be used (shown on the page itself, with
 * whom to ask, and answered 404 like every other refusal of a record that cannot be had).
 */
export async function linkPageLoader(kind: AccountTokenKind, { params }: LoaderFunctionArgs) {
  const opened = await openLink(kind, params.token ?? "");
  if (opened.ok) return data({ usable: true as const, name: opened.name, email: opened.email });
  return data({ usable: false as const, problem: opened.refusal === "conflict" ? opened.message : "" }, { status: 404 });
}

/** Sets the password (never sent back to the page) and signs the person in (after their second factor's code, if they use one). */
export async function linkPageAction(kind: AccountTokenKind, { request, params }: ActionFunctionArgs) {
  const parsed = parseForm(newPasswordSchema, await readFormData(request));
  if (!parsed.success) return invalidForm({ ...parsed, values: {} });
  const result = await redeemLink(kind, params.token ?? "", parsed.data.password);
  if (!result.ok) return formRefusal(result, { values: {} });
  return signInAfterPassword(request, { userId: result.userId, name: result.name }, "/");
}
