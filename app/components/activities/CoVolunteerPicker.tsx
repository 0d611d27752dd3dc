import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { t } from "~/i18n";
import { foldName } from "~/utils/regions";
import { CO_VOLUNTEER_QUERY_MIN, type CoVolunteer } from "~/validation/co-volunteers";

type Search = { state: "idle" } | { state: "searching" } | { state: "found"; matches: CoVolunteer[] } | { state: "failed" };

const SEARCH_URL = "/activities/co-volunteers";
const DEBOUNCE_MS = 250;

/**
 * Chooses the activity's co-volunteers without sending the chapter's member list to the phone:
 * after two letters (or digits of a member number) it asks the server (debounced) and shows the
 * matches as large buttons; the chosen ones are chips, each carrying a hidden `coVolunteers`
 * input, so the form posts what it always did. The volunteer's recent co-volunteers are quick
 * chips, which also work without signal. A plain fetch, not a fetcher: a fetcher's failed
 * request (no signal) would replace the whole form with the error page.
 */
export function CoVolunteerPicker({ chosen: given, recent, error }: { chosen: CoVolunteer[]; recent: CoVolunteer[]; error?: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLUListElement>(null);
  const [chosen, setChosen] = useState(given);
  // The page's list changes when a refused form comes back with what it kept: show that.
  const givenKey = given.map((c) => c.id).join(",");
  const [shownKey, setShownKey] = useState(givenKey);
  if (shownKey !== givenKey) {
    setShownKey(givenKey);
    setChosen(given);
  }
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState<Search>({ state: "idle" });
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    if (foldName(query).length < CO_VOLUNTEER_QUERY_MIN) {
      setSearch({ state: "idle" });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearch({ state: "searching" });
      fetch(`${SEARCH_URL}?q=${encodeURIComponent(query)}`, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(async (response) => {
          // signed out, the server down, a captive portal's page: all the same to the volunteer
          if (!response.ok || !response.headers.get("Content-Type")?.includes("application/json")) throw new Error("search failed");
          const body = (await response.json()) as { matches: CoVolunteer[] };
          setSearch({ state: "found", matches: body.matches });
        })
        .catch(() => {
          if (!controller.signal.aborted) setSearch({ state: "failed" });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const chosenIds = new Set(chosen.map((c) => c.id));
  const searching = foldName(query).length >= CO_VOLUNTEER_QUERY_MIN;
  const matches = searching && search.state === "found" ? search.matches.filter((m) => !chosenIds.has(m.id)) : [];
  const quick = recent.filter((r) => !chosenIds.has(r.id));

  // A button pressed with the keyboard (detail 0) hands the focus back to the search box.
  const add = (member: CoVolunteer, event?: MouseEvent) => {
    setChosen((current) => (current.some((c) => c.id === member.id) ? current : [...current, member]));
    setAnnouncement(t("activities.coVolunteers.added", { name: member.fullName }));
    setQuery("");
    if (event?.detail === 0) inputRef.current?.focus();
  };
  const remove = (member: CoVolunteer) => {
    setChosen((current) => current.filter((c) => c.id !== member.id));
    setAnnouncement(t("activities.coVolunteers.removed", { name: member.fullName }));
    inputRef.current?.focus();
  };
  // Enter in the search box goes to the results (never sends the form); arrows move between them.
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter" && event.key !== "ArrowDown") return;
    event.preventDefault();
    resultsRef.current?.querySelector("button")?.focus();
  };
  const onResultKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const buttons = [...(resultsRef.current?.querySelectorAll("button") ?? [])];
    const at = buttons.indexOf(event.currentTarget);
    const next = buttons[at + (event.key === "ArrowDown" ? 1 : -1)];
    if (next) next.focus();
    else if (event.key === "ArrowUp") inputRef.current?.focus();
  };

  const status = !searching
    ? announcement
    : search.state === "searching"
      ? t("activities.coVolunteers.searching")
      : search.state === "failed"
        ? t("activities.coVolunteers.offline")
        : search.state === "found"
          ? matches.length
            ? t("activities.coVolunteers.found", { count: matches.length })
            : t("activities.coVolunteers.noMatch")
          : announcement;

  return (
    <div className="field co-volunteers">
      <label htmlFor={id}>{t("activities.field.coVolunteers")}</label>
      {chosen.length ? (
        <ul className="chips" aria-label={t("activities.coVolunteers.chosen")} data-testid="co-volunteers-chosen">
          {chosen.map((member) => (
            <li key={member.id} className="chip">
              <span>{member.fullName}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={t("activities.coVolunteers.remove", { name: member.fullName })}
                onClick={() => remove(member)}
              >
                ×
              </button>
              <input type="hidden" name="coVolunteers" value={member.id} />
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        ref={inputRef}
        type="search"
        autoComplete="off"
        enterKeyHint="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onSearchKey}
        aria-describedby={`${id}-help ${id}-status`}
        aria-invalid={error ? true : undefined}
      />
      <small id={`${id}-help`} className="muted">
        {t("activities.coVolunteers.help")}
      </small>
      <p id={`${id}-status`} role="status" aria-live="polite" className={search.state === "failed" ? "notice" : "muted"}>
        {status}
      </p>
      {matches.length ? (
        <ul ref={resultsRef} className="picker-options" aria-label={t("activities.coVolunteers.results")}>
          {matches.map((member) => (
            <li key={member.id}>
              <button type="button" className="picker-option" onClick={(event) => add(member, event)} onKeyDown={onResultKey}>
                <span>{member.fullName}</span>
                {member.memberNumber ? <small className="muted">{member.memberNumber}</small> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {quick.length ? (
        <div className="co-volunteers__recent">
          <p className="muted" aria-hidden="true">
            {t("activities.coVolunteers.recent")}
          </p>
          <ul className="chips" aria-label={t("activities.coVolunteers.recent")}>
            {quick.map((member) => (
              <li key={member.id}>
                <button
                  type="button"
                  className="chip chip--add"
                  aria-label={t("activities.coVolunteers.add", { name: member.fullName })}
                  onClick={(event) => add(member, event)}
                >
                  + {member.fullName}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
