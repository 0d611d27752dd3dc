import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { t } from "~/i18n";

const ENGLISH_DEFAULTS = new Set([
  "",
  "Not Found",
  "Forbidden",
  "Bad Request",
  "Conflict",
  "Unauthorized",
  "Unexpected Server Error",
  "Error",
]);

/**
 * The one error page of the portal: 403, 404 and others, in Indonesian. Every route's
 * ErrorBoundary renders it.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  // The page's data could not be fetched: no signal, not a server fault (docs/decisions/027).
  if (!isRouteErrorResponse(error) && isNetworkFailure(error)) return <NoSignal />;

  const { title, message: general } =
    status === 403
      ? { title: t("error.403.title"), message: t("error.403") }
      : status === 404
        ? { title: t("error.404.title"), message: t("error.404") }
        : status === 409
          ? { title: t("error.409.title"), message: t("error.409") }
          : status === 400
            ? { title: t("error.title"), message: t("error.400") }
            : { title: t("error.title"), message: t("error.500") };
  // A refusal may carry an Indonesian sentence (the domain's reason); the bare English status texts are not shown.
  const detail =
    isRouteErrorResponse(error) && typeof error.data === "string" && !ENGLISH_DEFAULTS.has(error.data.trim()) ? error.data.trim() : "";
  const message = detail || general;

  return (
    <section className="error-page" role="alert">
      <p className="error-page__status">{t("error.status", { status })}</p>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/" className="button">
          {t("error.backHome")}
        </Link>
      </p>
    </section>
  );
}

/** A fetch that never reached the server (no signal, the connection dropped). */
function isNetworkFailure(error: unknown): boolean {
  if (typeof navigator !== "undefined" && navigator.onLine === false) return true;
  return error instanceof TypeError && /fetch|network|load failed/i.test(error.message);
}

function NoSignal() {
  return (
    <section className="error-page" role="alert">
      <h1>{t("error.offline.title")}</h1>
      <p>{t("activities.offline.noSignal")}</p>
      <p className="button-row">
        <a href="/" className="button">
          {t("error.backHome")}
        </a>
        <a href="/activities/new" className="button">
          {t("activities.offline.log")}
        </a>
        <a href="/activities" className="button">
          {t("activities.offline.mine")}
        </a>
      </p>
    </section>
  );
}
