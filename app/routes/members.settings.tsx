import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { getMemberSettings, getRetentionSettings, updateMemberSettings, updateRetentionSettings } from "~/domain/chapters/chapters.server";
import { can } from "~/domain/shared/actor.server";
import { RetentionSettingsForm } from "~/components/members/RetentionSettingsForm";
import { retentionSchema } from "~/validation/privacy";
import { t } from "~/i18n";
import { parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { memberSettingsSchema, type MemberSettingsInput } from "~/validation/members";
import { formatMemberNumber } from "~/validation/member-values";
import { calendarToday } from "~/utils/dates";

const loadMemberSettingsSchema = () => import("~/validation/members").then((m) => m.memberSettingsSchema);

export const meta: MetaFunction = () => [{ title: `${t("members.settings.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "update:member:chapter");
  const { settings } = unwrap(await getMemberSettings(actor));
  const retention = can(actor, "erase:member:chapter") ? unwrap(await getRetentionSettings(actor)).settings : null;
  return { settings, retention, year: calendarToday(actor.timeZone).getUTCFullYear() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:member:chapter");
  const form = await readFormData(request);
  // intent=retention: the retention periods (docs/privacy.md); otherwise the member numbers and cards
  if (form.get("intent") === "retention") {
    const parsed = parseForm(retentionSchema, form);
    if (!parsed.success) return invalidForm(parsed, { intent: "retention" as const });
    const result = await updateRetentionSettings(actor, parsed.data);
    if (!result.ok) return formRefusal(result, { values: parsed.values, intent: "retention" as const });
    return redirectWithToast("/members/settings", "success", "privacy.retention.settings.saved");
  }
  const parsed = parseForm(memberSettingsSchema, form);
  if (!parsed.success) return invalidForm(parsed);
  const result = await updateMemberSettings(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return redirectWithToast("/members/settings", "success", "members.settings.done");
}

export default function MemberSettingsPage() {
  const { settings, retention, year } = useLoaderData<typeof loader>();
  const allActionData = useActionData<typeof action>();
  const retentionData = allActionData && "intent" in allActionData ? allActionData : undefined;
  const actionData = allActionData && !("intent" in allActionData) ? allActionData : undefined;
  const { register, handleSubmit, setError, watch, formState } = useForm<MemberSettingsInput>({
    resolver: useLazyZodResolver(loadMemberSettingsSchema),
    defaultValues: actionData?.values ?? {
      memberNumberPattern: settings.memberNumberPattern,
      cardValidityYears: String(settings.cardValidityYears),
    },
  });
  useServerFieldErrors(actionData?.fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const pattern = String(watch("memberNumberPattern") ?? "");
  const example = formatMemberNumber(pattern, { code: settings.code, year, serial: settings.memberNumberNext });
  return (
    <>
      <PageHeader title={t("members.settings.title")} intro={t("members.settings.intro")} />
      <Form method="post" noValidate className="card" onSubmit={onSubmit}>
        <FormField
          label={t("members.settings.pattern")}
          error={formState.errors.memberNumberPattern?.message}
          {...register("memberNumberPattern")}
        />
        <p className="muted">{t("members.settings.patternHelp", { code: settings.code })}</p>
        <p data-testid="number-example">{t("members.settings.example", { example })}</p>
        <FormField
          label={t("members.settings.cardYears")}
          type="number"
          min={1}
          max={10}
          error={formState.errors.cardValidityYears?.message}
          {...register("cardValidityYears")}
        />
        <button type="submit" className="button button--primary">
          {t("members.settings.submit")}
        </button>
      </Form>
      {retention ? <RetentionSettingsForm settings={retention} fieldErrors={retentionData?.fieldErrors} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
