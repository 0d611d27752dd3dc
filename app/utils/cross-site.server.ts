// Cross-site request forgery (docs/decisions/022). A request that may change something (any
// method but GET, HEAD and OPTIONS, Remix data requests included) must come from a page of this
// portal: its Origin (or, without one, its Referer) names this host or PUBLIC_URL, and the
// browser's Sec-Fetch-Site does not say another site sent it. A request with none of these
// headers is not a browser acting for a signed-in user (browsers send Origin on every POST), so
// it passes. The production server (server.mjs) asks it before Remix sees a request (Remix's own
// check of document POSTs would answer 500); inside the app it runs again where the session
// cookie is read and where a form body is read, so no action can act on a cookie or a form
// without it, in development and in tests too.
import { t } from "~/i18n";
import { getEnv } from "~/utils/env.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(value: string): string | null {
  try {
    return new URL(value).host.toLowerCase();
  } catch {
    return null;
  }
}

/** The hosts a page of the portal is served from: the request's own host (behind a proxy with TRUST_PROXY, the forwarded one) and PUBLIC_URL's. */
function ownHosts(request: Request): Set<string> {
  const hosts = new Set<string>();
  const own = hostOf(request.url);
  if (own) hosts.add(own);
  const publicHost = hostOf(getEnv().PUBLIC_URL);
  if (publicHost) hosts.add(publicHost);
  return hosts;
}

/** Whether this request changes something and was sent by another site. */
export function isCrossSiteWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") return true;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const host = origin === "null" ? null : hostOf(origin);
    return host === null || !ownHosts(request).has(host);
  }
  const referer = request.headers.get("referer");
  if (referer) {
    const host = hostOf(referer);
    return host === null || !ownHosts(request).has(host);
  }
  return false;
}

/** The 403 answer (with the Indonesian sentence) to a cross-site write, or null for any other request. */
export function crossSiteRefusal(request: Request): Response | null {
  if (!isCrossSiteWrite(request)) return null;
  const from = request.headers.get("origin") ?? request.headers.get("referer") ?? `Sec-Fetch-Site ${request.headers.get("sec-fetch-site")}`;
  console.warn(`Refused a cross-site ${request.method} to ${new URL(request.url).pathname} from ${from}`);
  return new Response(t("error.crossSite"), {
    status: 403,
    statusText: "Forbidden",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Throws the 403 answer (shown by the route's error boundary) when the request is a cross-site write. */
export function refuseCrossSiteWrite(request: Request): void {
  const refusal = crossSiteRefusal(request);
  if (refusal) throw refusal;
}
