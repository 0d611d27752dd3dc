// Resource routes (files: PDFs, scans, photos, spreadsheets) render no React page, so Remix would
// send a thrown 403/404 as a bare English "Not Found". Their loaders are wrapped in fileRoute():
// a refusal or a missing file answers with the portal's Indonesian error page instead.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { t } from "~/i18n";
import appStyles from "~/styles/app.css?url";

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The portal's error page (the same words as GeneralErrorBoundary) as a whole HTML document;
 * `detail`, an Indonesian sentence, says more than the status does.
 */
export function documentErrorPage(status: number, detail?: string): Response {
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
  const message = detail ?? general;
  const html = `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(t("app.name"))}</title>
<link rel="stylesheet" href="${escapeHtml(appStyles)}">
</head>
<body>
<main id="main" class="app-main">
<section class="error-page" role="alert">
<p class="error-page__status">${escapeHtml(t("error.status", { status }))}</p>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/" class="button">${escapeHtml(t("error.backHome"))}</a></p>
</section>
</main>
</body>
</html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Wraps the loader (or action) of a route without a page, one that sends a file: redirects (to the login page) pass, a thrown
 * error status (403, 404...) or an unexpected error becomes the Indonesian error page.
 */
export function fileRoute<A extends LoaderFunctionArgs | ActionFunctionArgs>(loader: (args: A) => Promise<Response>) {
  return async (args: A): Promise<Response> => {
    try {
      return await loader(args);
    } catch (thrown) {
      if (thrown instanceof Response) {
        if (thrown.status < 400) throw thrown;
        return documentErrorPage(thrown.status, await detailOf(thrown));
      }
      console.error(thrown);
      return documentErrorPage(500);
    }
  };
}

/** The Indonesian sentence a refusal carries as plain text; none for the bare English defaults. */
async function detailOf(response: Response): Promise<string | undefined> {
  if (!(response.headers.get("Content-Type") ?? "").startsWith("text/plain")) return undefined;
  const text = (await response.text().catch(() => "")).trim();
  return text && text !== response.statusText && !ENGLISH_DEFAULTS.has(text) ? text : undefined;
}

const ENGLISH_DEFAULTS = new Set(["Not Found", "Forbidden", "Bad Request", "Conflict", "Unauthorized", "Unexpected Server Error", "Error"]);
