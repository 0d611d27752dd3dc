import type { MessageKey } from "~/i18n";
import { hasAnyPermission, type Permission } from "./permissions";

export type NavItem = { to: string; label: MessageKey; anyOf: readonly Permission[] };

// The menu. An item shows when the user holds one of its permissions; the routes check the
// same permissions on the server.
export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", label: "nav.dashboard", anyOf: ["read:dashboard:own"] },
  { to: "/members", label: "nav.members", anyOf: ["read:member:chapter"] },
  { to: "/leadership", label: "nav.leadership", anyOf: ["read:leadership:chapter"] },
  { to: "/trainings", label: "nav.trainings", anyOf: ["read:training:own"] },
  { to: "/activities", label: "nav.activities", anyOf: ["read:activity:own"] },
  { to: "/programmes", label: "nav.programmes", anyOf: ["read:programme:own"] },
  { to: "/reports", label: "nav.reports", anyOf: ["read:report:chapter", "receive:report:chapter"] },
  { to: "/audit", label: "nav.audit", anyOf: ["read:audit:chapter"] },
  { to: "/chapter", label: "nav.chapter", anyOf: ["manage:chapter:any"] },
  { to: "/chapters", label: "nav.chapters", anyOf: ["manage:chapter:any"] },
  { to: "/chapter/profile", label: "nav.chapterProfile", anyOf: ["update:chapter:chapter"] },
  { to: "/accounts", label: "nav.accounts", anyOf: ["manage:user:chapter"] },
  { to: "/profile", label: "nav.profile", anyOf: ["read:dashboard:own"] },
];

export function navigationFor(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => hasAnyPermission(permissions, item.anyOf));
}
