import { Link, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { t } from "~/i18n";
import type { UnsentActivity } from "~/offline/queue.client";
import { formatCalendarDateShort, formatDateShort, formatTime } from "~/utils/format";

/**
 * "Belum terkirim": the volunteer's activities kept on this phone for lack of signal
 * (docs/decisions/027), read from the phone after the page shows. Each can be opened (to change
 * it, or to see why the server refused it) or deleted; "Kirim sekarang" sends them at once.
 */
export function UnsentActivities({ userId }: { userId: string }) {
  const [items, setItems] = useState<UnsentActivity[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<string | null>(null);
  const revalidator = useRevalidator();
  const reload = useCallback(async () => {
    const { listUnsent } = await import("~/offline/queue.client");
    setItems(await listUnsent(userId));
  }, [userId]);
  useEffect(() => {
    let live = true;
    const refresh = () => void reload().catch(() => live && setItems([]));
    refresh();
    void import("~/offline/queue.client").then(({ QUEUE_EVENT }) => live && window.addEventListener(QUEUE_EVENT, refresh));
    return () => {
      live = false;
      void import("~/offline/queue.client").then(({ QUEUE_EVENT }) => window.removeEventListener(QUEUE_EVENT, refresh));
    };
  }, [reload]);

  if (!items?.length) return null;
  const sendNow = async () => {
    setBusy(true);
    setReport(null);
    try {
      const { sendNow: send } = await import("~/offline/offline.client");
      const result = await send({ onSent: () => revalidator.revalidate() });
      if (!result) return;
      const parts = [
        result.sent ? t("activities.offline.report.sent", { count: result.sent }) : "",
        result.refused ? t("activities.offline.report.refused", { count: result.refused }) : "",
        result.problem ? t("activities.offline.report.nothing") : "",
      ];
      setReport(parts.filter(Boolean).join(" "));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (item: UnsentActivity) => {
    if (!window.confirm(t("activities.offline.deleteConfirm"))) return;
    const { deleteUnsent } = await import("~/offline/queue.client");
    await deleteUnsent(userId, item.localId);
  };
  return (
    <section className="card unsent" id="unsent" aria-labelledby="unsent-title" data-testid="unsent-list">
      <h2 id="unsent-title">
        {t("activities.offline.title")} ({items.length})
      </h2>
      <p className="muted">{t("activities.offline.intro")}</p>
      <p>
        <button type="button" className="button button--primary button--block" onClick={() => void sendNow()} disabled={busy}>
          {busy ? t("activities.offline.sending") : t("activities.offline.sendNow")}
        </button>
      </p>
      {report ? (
        <p role="status" className="notice">
          {report}
        </p>
      ) : null}
      <ul className="unsent__list">
        {items.map((item) => (
          <li key={item.localId} className={`unsent__item unsent__item--${item.state}`}>
            <p className="unsent__what">
              <strong>{item.summary.type || t("activities.offline.untitled")}</strong>
              <br />
              {item.summary.date ? formatCalendarDateShort(item.summary.date) : ""}
              {item.summary.village ? ` · ${item.summary.village}` : ""}
              {item.summary.photos ? ` · ${t("activities.offline.photos", { count: item.summary.photos })}` : ""}
            </p>
            <p className="unsent__state">
              <span className={`badge badge--${item.state === "refused" ? "returned" : "draft"}`}>
                {t(`activities.offline.state.${item.state}`)}
              </span>{" "}
              <span className="muted">
                {t("activities.offline.savedAt", {
                  time: `${formatDateShort(new Date(item.savedAt))} ${formatTime(new Date(item.savedAt))}`,
                })}
              </span>
            </p>
            {item.state === "refused" && item.refusal ? (
              <p className="field__error">
                {item.refusal.formError || Object.values(item.refusal.fieldErrors).join(" ") || t("activities.offline.refusedGeneric")}
              </p>
            ) : item.lastProblem ? (
              <p className="muted">{t(`activities.offline.problem.${item.lastProblem}`)}</p>
            ) : null}
            <p className="button-row">
              <Link to={`/activities/new?unsent=${item.localId}`} className="button">
                {t("activities.offline.open")}
              </Link>
              <button type="button" className="button button--ghost" onClick={() => void remove(item)}>
                {t("activities.offline.delete")}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
