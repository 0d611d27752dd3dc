import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { t } from "~/i18n";
import { SignOutForm } from "./SignOutForm";
import { roleLabel } from "~/i18n/labels";
import type { Role } from "~/utils/permissions";

export type ShellUser = {
  name: string;
  role: Role;
  positions: string[];
  chapterName: string;
  chapterId: string;
  chapters: { id: string; name: string }[] | null;
  /** the menu, its labels already in Indonesian (translated by the root loader) */
  nav: { to: string; label: string }[];
  /** unread notifications (docs/decisions/029) */
  unread?: number;
};

/** The page frame: header with the user's menu (a disclosure on narrow screens) and the content. */
export function AppShell({ user, unsent = null, children }: { user: ShellUser | null; unsent?: number | null; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <Link to="/" className="brand">
            <span className="brand__name">{t("app.name")}</span>
            {user ? <span className="brand__chapter">{user.chapterName}</span> : null}
          </Link>
          {unsent ? (
            <Link to="/activities#unsent" className="unsent-badge" data-testid="unsent-count" reloadDocument>
              {t("activities.offline.badge", { count: unsent })}
            </Link>
          ) : null}
          {user ? (
            <Link
              to="/notifications"
              className={user.unread ? "notification-badge notification-badge--unread" : "notification-badge"}
              data-testid="notification-badge"
            >
              {user.unread ? t("notifications.badge", { count: user.unread }) : t("notifications.badgeNone")}
            </Link>
          ) : null}
          {user ? (
            <>
              {/* Phones: a disclosure that opens without JavaScript. Wide screens: a bar. */}
              <details className="menu">
                <summary className="menu__toggle">{t("nav.menu")}</summary>
                <div className="menu__panel">
                  <UserNav user={user} />
                </div>
              </details>
              <div className="nav-bar">
                <UserNav user={user} />
              </div>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <Link to="/privacy">{t("privacy.footer")}</Link>
      </footer>
    </>
  );
}

function UserNav({ user }: { user: ShellUser }) {
  return (
    <>
      <nav aria-label={t("nav.menu")}>
        <ul className="nav-list">
          {user.nav.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === "/"} prefetch="intent">
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="nav-user">
        <span>{t("nav.signedInAs", { name: user.name })}</span>
        <span className="nav-user__role">{user.positions.length ? user.positions.join(", ") : roleLabel(user.role)}</span>
        {user.chapters ? <ChapterSwitcher current={user.chapterId} chapters={user.chapters} /> : null}
        <SignOutForm />
      </div>
    </>
  );
}

function ChapterSwitcher({ current, chapters }: { current: string; chapters: { id: string; name: string }[] }) {
  const location = useLocation();
  return (
    <Form method="post" action="/chapter" className="chapter-switch">
      <input type="hidden" name="redirectTo" value={location.pathname} />
      <label>
        <span className="visually-hidden">{t("chapter.label")}</span>
        <select name="chapterId" defaultValue={current} aria-label={t("chapter.label")}>
          {chapters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button--ghost">
        {t("chapter.switch")}
      </button>
    </Form>
  );
}
