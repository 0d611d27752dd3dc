import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { t } from "~/i18n";

type FoundRegion = { code: string; name: string; parents: { name: string }[] };

/**
 * Finds a Kemendagri region by name (spaces, hyphens, dots and capitals do not matter) at one
 * level, optionally under a parent region, and hands the chosen code to the form. `searchPath` is
 * the JSON route answering `?q=&level=&under=&limit=` (`/regions/search`, or the setup page's own
 * before anyone can sign in).
 */
export function RegionSearch({
  level,
  under,
  searchPath = "/regions/search",
  onPick,
}: {
  level?: string;
  under?: string;
  searchPath?: string;
  onPick: (code: string) => void;
}) {
  const [query, setQuery] = useState("");
  const search = useFetcher<{ regions: FoundRegion[] }>();
  const find = (q: string) => {
    setQuery(q);
    if (q.trim().length < 2) return;
    const params = new URLSearchParams({ q, limit: "10", ...(level ? { level } : {}) });
    if (under) params.set("under", under);
    search.load(`${searchPath}?${params}`);
  };
  return (
    <div className="field">
      <label htmlFor="region-search">{t("chapters.form.regionSearch")}</label>
      <input id="region-search" type="search" value={query} onChange={(e) => find(e.target.value)} aria-describedby="region-help" />
      <small id="region-help" className="muted">
        {t("chapters.form.regionHelp")}
      </small>
      {query.trim().length >= 2 && search.data?.regions.length ? (
        <ul className="region-results" data-testid="region-results">
          {search.data.regions.map((r) => (
            <li key={r.code}>
              <button
                type="button"
                className="button button--ghost"
                onClick={() => {
                  onPick(r.code);
                  setQuery(r.name);
                }}
              >
                {[r.name, ...r.parents.map((p) => p.name)].join(", ")} ({r.code})
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
