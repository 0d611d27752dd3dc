import { Form } from "@remix-run/react";
import { t } from "~/i18n";
import { DEFAULT_TIME_ZONE, formatDateLong } from "~/utils/format";
import { cardState, REVOKE_REASON_MAX } from "~/validation/member-card-state";

export type CardSummary = {
  id: string;
  code: string;
  issuedAt: string | Date;
  validUntil: string | Date;
  revokedAt: string | Date | null;
  revokedReason: string | null;
  /** a candidate's card, in force only while the member is a candidate */
  candidate?: boolean;
};

export type MemberCardPanelProps = {
  memberId: string;
  cards: CardSummary[];
  hasPhoto: boolean;
  canManage: boolean;
  /** the chapter's IANA time zone (dates are shown in it) */
  timeZone?: string;
  /** for the photo's alt text */
  memberName?: string;
  /** whether the card PDF can be printed here (a member in that status, a user allowed to); the link is hidden otherwise */
  canPrint?: boolean;
  /** the member's status: a candidate card ends with the candidacy (the server's rule, validation/member-card-state) */
  memberStatus?: string;
};

const stateOf = (card: CardSummary, memberStatus: string, now: number) =>
  cardState({ ...card, candidate: card.candidate ?? false }, memberStatus, now);

/** The card in force (not revoked, not expired, not an ended candidate card), if any. */
function activeCard(cards: CardSummary[], memberStatus: string, now: number): CardSummary | undefined {
  return cards.find((c) => stateOf(c, memberStatus, now) === "valid");
}

function PastCards({ cards, timeZone, memberStatus }: { cards: CardSummary[]; timeZone: string; memberStatus: string }) {
  if (cards.length === 0) return null;
  return (
    <details className="card-panel__history">
      <summary>{t("cards.panel.history")}</summary>
      <ul>
        {cards.map((c) => (
          <li key={c.id}>
            {formatDateLong(c.issuedAt, timeZone)} –{" "}
            {c.revokedAt
              ? t("cards.panel.revokedOn", { date: formatDateLong(c.revokedAt, timeZone), reason: c.revokedReason ?? "–" })
              : stateOf(c, memberStatus, Date.now()) === "ended"
                ? t("cards.panel.endedOn")
                : t("cards.panel.expiredOn", { date: formatDateLong(c.validUntil, timeZone) })}
          </li>
        ))}
      </ul>
    </details>
  );
}

function CardForms({ memberId, active }: { memberId: string; active: CardSummary | undefined }) {
  const action = `/members/${memberId}/card`;
  return (
    <>
      <Form method="post" action={action} className="inline-form">
        <input type="hidden" name="intent" value="issue" />
        <button type="submit" className="button button--ghost">
          {t("cards.panel.issue")}
        </button>
        <small className="muted">{active ? t("cards.panel.issueHint") : t("cards.panel.issueFirstHint")}</small>
      </Form>
      {active ? (
        <Form method="post" action={action} className="inline-form">
          <input type="hidden" name="intent" value="revoke" />
          <input type="hidden" name="cardId" value={active.id} />
          <label>
            <span>{t("cards.panel.revokeReason")}</span>
            <input name="reason" required maxLength={REVOKE_REASON_MAX} />
          </label>
          <button type="submit" className="button button--ghost">
            {t("cards.panel.revoke")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

function PhotoForm({ memberId, hasPhoto }: { memberId: string; hasPhoto: boolean }) {
  return (
    <Form method="post" action={`/members/${memberId}/photo`} encType="multipart/form-data" className="inline-form">
      <label>
        <span>{hasPhoto ? t("photo.replace") : t("photo.title")}</span>
        <input type="file" name="photo" accept="image/jpeg,image/png" required />
      </label>
      <small className="muted">{t("photo.hint")}</small>
      <button type="submit" className="button button--ghost">
        {t("photo.upload")}
      </button>
    </Form>
  );
}

/** The member page's card section: state, print, issue anew, revoke, and the photo. */
export function MemberCardPanel({
  memberId,
  cards,
  hasPhoto,
  canManage,
  timeZone = DEFAULT_TIME_ZONE,
  memberName,
  canPrint = true,
  memberStatus = "aktif",
}: MemberCardPanelProps) {
  const active = activeCard(cards, memberStatus, Date.now());
  const past = cards.filter((c) => c !== active);
  return (
    <section className="card" aria-labelledby="card-panel-title">
      <h2 id="card-panel-title">{t("cards.panel.title")}</h2>
      <div className="card-panel">
        {hasPhoto ? (
          <img
            className="card-panel__photo"
            src={`/members/${memberId}/photo.jpg`}
            alt={memberName ? t("photo.alt", { name: memberName }) : t("photo.altAnonymous")}
          />
        ) : (
          <div className="card-panel__photo card-panel__photo--none">{t("photo.none")}</div>
        )}
        <div>
          <p data-testid="card-state" className={active ? "card-panel__state--valid" : "card-panel__state--none"}>
            {active
              ? t(active.candidate ? "cards.panel.candidateValid" : "cards.panel.valid", {
                  date: formatDateLong(active.validUntil, timeZone),
                })
              : t("cards.panel.none")}
          </p>
          {memberStatus === "calon" ? <p className="muted">{t("cards.panel.candidateHint")}</p> : null}
          {canPrint ? (
            <p>
              <a className="button" href={`/members/${memberId}/card.pdf`} download>
                {t("cards.panel.print")}
              </a>
            </p>
          ) : null}
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
          <CardForms memberId={memberId} active={active} />
          <PhotoForm memberId={memberId} hasPhoto={hasPhoto} />
        </>
      ) : null}
      <PastCards cards={past} timeZone={timeZone} memberStatus={memberStatus} />
    </section>
  );
}
