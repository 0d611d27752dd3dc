import { Link, useLocation } from "@remix-run/react";
import { t } from "~/i18n";

/** Previous / next links that keep the current query string, changing only the page parameter. */
export function Pager({ page, pages, param = "page" }: { page: number; pages: number; param?: string }) {
  const location = useLocation();
  if (pages <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set(param, String(target));
    return `?${params.toString()}`;
  };
  return (
    <nav className="pager" aria-label={t("members.page", { page, pages })}>
      {page > 1 ? <Link to={href(page - 1)}>{t("members.prev")}</Link> : <span />}
      <span>{t("members.page", { page, pages })}</span>
      {page < pages ? <Link to={href(page + 1)}>{t("members.next")}</Link> : <span />}
    </nav>
  );
}
