import { Form } from "@remix-run/react";
import { t } from "~/i18n";
import { formatCalendarDateLong } from "~/utils/format";

export type CardSummary = {
  id: string;
  code: string;
  issuedAt: string | Date;
  validUntil: string | Date;
  revokedAt: string | Date | null;
  revokedReason: string | null;
};

/** The member page's card section: state, print, issue anew, revoke, and the photo. */
export function MemberCardPanel({
  memberId,
  memberName,
  cards,
  hasPhoto,
  canManage,
}: {
  memberId: string;
  memberName: string;
  cards: CardSummary[];
  hasPhoto: boolean;
  canManage: boolean;
}) {
  const now = Date.now();
  const active = cards.find((c) => !c.revokedAt && new Date(c.validUntil).getTime() > now);
  const past = cards.filter((c) => c !== active);
  return (
    <section className="card">
      <h2>{t("cards.panel.title")}</h2>
      <div className="card-panel">
        {hasPhoto ? (
          <img className="card-panel__photo" src={`/members/${memberId}/photo.jpg`} alt={t("photo.alt", { name: memberName })} />
        ) : null}
        <div>
          <p data-testid="card-state">
            {active ? t("cards.panel.valid", { date: formatCalendarDateLong(active.validUntil) }) : t("cards.panel.none")}
          </p>
          <p>
            <a className="button" href={`/members/${memberId}/card.pdf`} download>
              {t("cards.panel.print")}
            </a>
          </p>
          {active ? (
            <p>
              <a href={`/verify/${active.code}`} target="_blank" rel="noreferrer">
                {t("cards.panel.verifyLink")}
              </a>
            </p>
          ) : null}
        </div>
      </div>
      {canManage ? (
        <>
          <Form method="post" action={`/members/${memberId}/card`}>
            <input type="hidden" name="intent" value="issue" />
            <button type="submit" className="button button--ghost">
              {t("cards.panel.issue")}
            </button>{" "}
            <small className="muted">{t("cards.panel.issueHint")}</small>
          </Form>
          {active ? (
            <Form method="post" action={`/members/${memberId}/card`} className="inline-form">
              <input type="hidden" name="intent" value="revoke" />
              <input type="hidden" name="cardId" value={active.id} />
              <label>
                <span>{t("cards.panel.revokeReason")}</span>
                <input name="reason" required maxLength={200} />
              </label>
              <button type="submit" className="button button--ghost">
                {t("cards.panel.revoke")}
              </button>
            </Form>
          ) : null}
          <Form method="post" action={`/members/${memberId}/photo`} encType="multipart/form-data" className="inline-form">
            <label>
              <span>{t("photo.title")}</span>
              <input type="file" name="photo" accept="image/jpeg,image/png" required />
            </label>
            <small className="muted">{t("photo.hint")}</small>
            <button type="submit" className="button button--ghost">
              {t("photo.upload")}
            </button>
          </Form>
        </>
      ) : null}
      {past.length ? (
        <details>
          <summary>{t("cards.panel.history")}</summary>
          <ul>
            {past.map((c) => (
              <li key={c.id}>
                {formatCalendarDateLong(c.issuedAt)} –{" "}
                {c.revokedAt
                  ? t("cards.panel.revokedOn", { date: formatCalendarDateLong(c.revokedAt), reason: c.revokedReason ?? "" })
                  : t("cards.panel.expiredOn", { date: formatCalendarDateLong(c.validUntil) })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
