import { readFormData } from "~/utils/request-form.server";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import type { z } from "~/validation/zod";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { getOwnMembership, updateOwnContact } from "~/domain/members/members.server";
import { listOwnCertificates } from "~/domain/reports/service-certificates.server";
import { t, type MessageKey } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { formatCalendarDateLong, formatDateShort } from "~/utils/format";
import { parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { formRefusal, invalidForm } from "~/utils/outcome.server";
import { notFound, requireActor } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { formatPhone, profileFormSchema } from "~/validation/members";
import { mayHoldCard } from "~/validation/member-cards";

export const meta: MetaFunction = () => [{ title: `${t("profile.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "update:member:own");
  const member = await getOwnMembership(actor);
  const certificates = actor.memberId ? await listOwnCertificates(actor.memberId) : [];
  return { member, certificates, timeZone: actor.timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:member:own");
  // An account without a member (an administrator) has no contact details to correct.
  if (!actor.memberId) notFound();
  const parsed = parseForm(profileFormSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed);
  const result = await updateOwnContact(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return redirectWithToast("/profile", "success", "profile.done");
}

type ProfileInput = z.input<typeof profileFormSchema>;

export default function ProfilePage() {
  const { member, certificates, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const defaults: ProfileInput = actionData?.values
    ? { address: "", ...actionData.values }
    : {
        phone: formatPhone(member?.phone),
        email: member?.email ?? "",
        address: member?.address ?? "",
      };
  const { register, handleSubmit, setError, formState } = useForm<ProfileInput, unknown, z.output<typeof profileFormSchema>>({
    resolver: zodResolver(profileFormSchema),
    defaultValues: defaults,
  });
  useServerFieldErrors(actionData?.fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  if (!member) {
    return (
      <>
        <PageHeader title={t("profile.title")} />
        <p className="notice">{t("profile.noMember")}</p>
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
          <FormField label={t("members.field.phone")} type="tel" inputMode="tel" error={errors.phone?.message} {...register("phone")} />
          <FormField label={t("members.field.email")} type="email" error={errors.email?.message} {...register("email")} />
          <FormField label={t("members.field.address")} error={errors.address?.message} {...register("address")} />
          <button type="submit" className="button button--primary">
            {t("profile.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
