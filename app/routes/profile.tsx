import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import type { z } from "~/validation/zod";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { getOwnMembership, updateOwnContact } from "~/domain/members/members.server";
import { listOwnCertificates } from "~/domain/reports/service-certificates.server";
import { changeOwnPassword, endOtherSessions, listOwnSessions } from "~/domain/accounts/own-account.server";
import { can } from "~/domain/shared/actor.server";
import { PasswordChangeForm } from "~/components/accounts/PasswordChangeForm";
import { SecondFactorCard } from "~/components/accounts/SecondFactorCard";
import { passwordChangeSchema } from "~/validation/accounts";
import { t, type MessageKey } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { formatCalendarDateLong, formatDateShort, formatTime } from "~/utils/format";
import { parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { badRequest, formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { notFound, requireActor } from "~/http/permissions.server";
import { currentSessionId, redirectWithToast } from "~/http/session.server";
import { profileFormSchema } from "~/validation/members";
import { formatPhone } from "~/validation/member-values";
import { mayHoldCard } from "~/validation/member-card-state";
import { preferencesForm, saveNotificationPreferences } from "~/domain/notifications/inbox.server";
import { notificationPrefsSchema } from "~/validation/notifications";
import { mailConfigured } from "~/utils/mail.server";

const loadProfileFormSchema = () => import("~/validation/members").then((m) => m.profileFormSchema);

export const meta: MetaFunction = () => [{ title: `${t("profile.title")} · ${t("app.name")}` }];

// /profile: every signed-in user's own login (password, sessions); a member's contact details
// and certificates too; which notifications also come by email. POST intent=contact (the default)
// | password | end-sessions | notifications.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const member = can(actor, "update:member:own") ? await getOwnMembership(actor) : null;
  const certificates = actor.memberId ? await listOwnCertificates(actor.memberId) : [];
  const sessions = await listOwnSessions(actor, await currentSessionId(request));
  const notifications = { ...(await preferencesForm(actor)), mail: mailConfigured() };
  return { member, certificates, sessions, timeZone: actor.timeZone, notifications };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "contact");
  if (intent === "password") {
    const parsed = parseForm(passwordChangeSchema, form);
    // Passwords are never sent back to the page.
    if (!parsed.success) return invalidForm({ ...parsed, values: {} }, { intent });
    const result = await changeOwnPassword(actor, parsed.data, await currentSessionId(request));
    if (!result.ok) return formRefusal(result, { values: {}, intent });
    return result.endedSessions > 0
      ? redirectWithToast("/profile", "success", "account.password.doneEnded", { count: result.endedSessions })
      : redirectWithToast("/profile", "success", "account.password.done");
  }
  if (intent === "notifications") {
    const parsed = parseForm(notificationPrefsSchema, form);
    if (!parsed.success) return invalidForm(parsed, { intent });
    unwrap(await saveNotificationPreferences(actor, parsed.data));
    return redirectWithToast("/profile", "success", "notifications.prefs.saved");
  }
  if (intent === "end-sessions") {
    const { ended } = unwrap(await endOtherSessions(actor, await currentSessionId(request)));
    return redirectWithToast("/profile", "success", "account.sessions.ended", { count: ended });
  }
  if (intent !== "contact") return badRequest();
  // An account without a member (an administrator, a Dinas Sosial officer) has no contact details to correct.
  if (!actor.memberId || !can(actor, "update:member:own")) notFound();
  const parsed = parseForm(profileFormSchema, form);
  if (!parsed.success) return invalidForm(parsed, { intent });
  const result = await updateOwnContact(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values, intent });
  return redirectWithToast("/profile", "success", "profile.done");
}

type ProfileInput = z.input<typeof profileFormSchema>;

export default function ProfilePage() {
  const { member, certificates, sessions, timeZone, notifications } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const contactData = actionData?.intent === "contact" ? actionData : undefined;
  const passwordData = actionData?.intent === "password" ? actionData : undefined;
  const defaults: ProfileInput = contactData?.values
    ? { address: "", ...contactData.values }
    : {
        phone: formatPhone(member?.phone),
        email: member?.email ?? "",
        address: member?.address ?? "",
      };
  const { register, handleSubmit, setError, formState } = useForm<ProfileInput, unknown, z.output<typeof profileFormSchema>>({
    resolver: useLazyZodResolver(loadProfileFormSchema),
    defaultValues: defaults,
  });
  useServerFieldErrors(contactData?.fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  const account = (
    <>
      <section className="card" aria-labelledby="password-change">
        <h2 id="password-change">{t("account.password.title")}</h2>
        <p className="muted">{t("account.password.intro")}</p>
        <PasswordChangeForm fieldErrors={passwordData?.fieldErrors} formError={passwordData?.formError} />
      </section>
      <section className="card" aria-labelledby="own-sessions">
        <h2 id="own-sessions">{t("account.sessions.title")}</h2>
        <p className="muted">{t("account.sessions.intro")}</p>
        <ul className="plain-list" data-testid="own-sessions">
          {sessions.map((s) => (
            <li key={`${s.createdAt}`}>
              {t("account.sessions.started", { date: `${formatDateShort(s.createdAt, timeZone)} ${formatTime(s.createdAt, timeZone)}` })}
              {" · "}
              <small className="muted">{t("account.sessions.expires", { date: formatDateShort(s.expiresAt, timeZone) })}</small>
              {s.current ? <strong> · {t("account.sessions.current")}</strong> : null}
            </li>
          ))}
        </ul>
        {sessions.some((s) => !s.current) ? (
          <Form method="post">
            <button type="submit" name="intent" value="end-sessions" className="button button--ghost">
              {t("account.sessions.endOthers")}
            </button>
          </Form>
        ) : (
          <p className="muted">{t("account.sessions.none")}</p>
        )}
      </section>
      <SecondFactorCard />
      <NotificationPrefsCard {...notifications} />
    </>
  );
  if (!member) {
    return (
      <>
        <PageHeader title={t("profile.title")} />
        <p className="notice">{t("profile.noMember")}</p>
        {account}
        <OwnDataCard />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t("profile.title")}
        intro={t("profile.intro")}
        actions={
          // A member who cannot hold a card (no longer active) gets no link that cannot work.
          mayHoldCard(member.status) ? (
            <a className="button" href={`/members/${member.id}/card.pdf`} download>
              {t("profile.card")}
            </a>
          ) : null
        }
      />
      <section className="card">
        <dl className="facts">
          <dt>{t("members.col.name")}</dt>
          <dd>{member.fullName}</dd>
          <dt>{t("members.field.memberNumber")}</dt>
          <dd data-testid="own-member-number">{member.memberNumber ?? "–"}</dd>
          <dt>{t("members.field.status")}</dt>
          <dd>{memberStatusLabel(member.status)}</dd>
          <dt>{t("members.field.membershipType")}</dt>
          <dd>{t(`member.type.${member.membershipType}` as MessageKey)}</dd>
          <dt>{t("members.field.joinDate")}</dt>
          <dd>{formatCalendarDateLong(member.joinDate)}</dd>
          <dt>{t("members.col.village")}</dt>
          <dd>{member.village.name}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="own-certificates">
        <h2 id="own-certificates">{t("certificates.profile.title")}</h2>
        {certificates.length === 0 ? (
          <p className="muted">{t("certificates.profile.empty")}</p>
        ) : (
          <>
            <p className="muted">{t("certificates.profile.intro")}</p>
            <ul data-testid="own-certificates">
              {certificates.map((c) => (
                <li key={c.id}>
                  <a href={`/certificates/${c.id}.pdf`} aria-label={t("certificates.list.downloadLabel", { number: c.number })}>
                    {c.number}
                  </a>
                  {` · ${c.periodLabel} · `}
                  <small className="muted">{formatDateShort(c.issuedAt, timeZone)}</small>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card">
        <Form method="post" noValidate onSubmit={onSubmit}>
          <input type="hidden" name="intent" value="contact" />
          <FormField label={t("members.field.phone")} type="tel" inputMode="tel" error={errors.phone?.message} {...register("phone")} />
          <FormField label={t("members.field.email")} type="email" error={errors.email?.message} {...register("email")} />
          <FormField label={t("members.field.address")} error={errors.address?.message} {...register("address")} />
          <button type="submit" className="button button--primary">
            {t("profile.submit")}
          </button>
        </Form>
      </section>
      {account}
      <OwnDataCard />
    </>
  );
}

/** Per kind of notification: in the portal only, or also by email (docs/decisions/029). */
function NotificationPrefsCard({ address, kinds, mail }: { address: string; kinds: { kind: string; email: boolean }[]; mail: boolean }) {
  return (
    <section className="card" aria-labelledby="notification-prefs">
      <h2 id="notification-prefs">{t("notifications.prefs.title")}</h2>
      <p className="muted">{t("notifications.prefs.intro", { email: address })}</p>
      {mail ? null : <p className="notice">{t("notifications.prefs.noMail")}</p>}
      <Form method="post" data-testid="notification-prefs">
        <input type="hidden" name="intent" value="notifications" />
        {kinds.map(({ kind, email }) => (
          <label key={kind} className="field">
            <span>{t(`notifications.kind.${kind}` as MessageKey)}</span>
            <select name={kind} defaultValue={email ? "email" : "portal"}>
              <option value="portal">{t("notifications.prefs.portal")}</option>
              <option value="email">{t("notifications.prefs.email")}</option>
            </select>
          </label>
        ))}
        <button type="submit" className="button">
          {t("notifications.prefs.save")}
        </button>
      </Form>
    </section>
  );
}

/** "Unduh data saya": everything the portal holds about the user, as JSON or Excel (UU 27/2022, issue 17). */
function OwnDataCard() {
  return (
    <section className="card" aria-labelledby="own-data">
      <h2 id="own-data">{t("ownData.title")}</h2>
      <p className="muted">{t("ownData.intro")}</p>
      <div className="button-row">
        <a className="button" href="/profile/data.json" download>
          {t("ownData.json")}
        </a>
        <a className="button" href="/profile/data.xlsx" download>
          {t("ownData.xlsx")}
        </a>
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
