import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormField } from "~/components/FormField";
import { ChapterProfileForm } from "~/components/chapters/ChapterProfileForm";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { getChapterProfile, updateChapterProfile } from "~/domain/chapters/chapter-admin.server";
import { getReminderSettings, updateReminderSettings } from "~/domain/notifications/settings.server";
import { t } from "~/i18n";
import { formatRupiah } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { chapterProfileSchema } from "~/validation/chapters";
import { reminderSettingsSchema } from "~/validation/notifications";
import { REMINDER_LIMITS } from "~/validation/notification-values";

export const meta: MetaFunction = () => [{ title: `${t("chapterProfile.title")} · ${t("app.name")}` }];

// /chapter/profile: the chapter's board (Ketua, Sekretaris; the administrator in the chapter it
// works in) sets the letterhead, contacts and letter code, and (intent=reminders) the days of the
// reminders: verification digest, report due day, certificate warning (docs/decisions/029). Audited.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "update:chapter:chapter");
  const { chapter } = unwrap(await getChapterProfile(actor));
  const { settings: reminders } = unwrap(await getReminderSettings(actor));
  return { chapter, reminders, canSetThreshold: actor.permissions.includes("approve:programme-finance:chapter") };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:chapter:chapter");
  const form = await readFormData(request);
  if (form.get("intent") === "reminders") {
    const parsed = parseForm(reminderSettingsSchema, form);
    if (!parsed.success) return invalidForm(parsed, { intent: "reminders" as const });
    unwrap(await updateReminderSettings(actor, parsed.data));
    return redirectWithToast("/chapter/profile", "success", "notifications.settings.saved");
  }
  const parsed = parseForm(chapterProfileSchema, form);
  if (!parsed.success) return invalidForm(parsed, { intent: "profile" as const });
  const result = await updateChapterProfile(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values, intent: "profile" as const });
  return redirectWithToast("/chapter/profile", "success", "chapterProfile.saved");
}

type ReminderResult = { intent: "reminders"; values: Record<string, string>; fieldErrors: Record<string, string | undefined> };

function ReminderSettingsForm({
  chapter,
  settings,
  result,
}: {
  chapter: string;
  settings: { verificationReminderDays: number; reportDueDay: number; certificateWarningDays: number };
  result?: ReminderResult;
}) {
  const value = (name: keyof typeof settings) => result?.values[name] ?? String(settings[name]);
  return (
    <section className="card">
      <h2 id="reminders">{t("notifications.settings.title")}</h2>
      <p className="muted">{t("notifications.settings.intro", { chapter })}</p>
      <Form method="post" noValidate data-testid="reminder-settings">
        <input type="hidden" name="intent" value="reminders" />
        <FormField
          label={t("notifications.settings.verificationDays")}
          name="verificationReminderDays"
          type="number"
          inputMode="numeric"
          {...REMINDER_LIMITS.verificationReminderDays}
          defaultValue={value("verificationReminderDays")}
          error={result?.fieldErrors.verificationReminderDays}
        />
        <p className="muted">{t("notifications.settings.verificationDaysHelp")}</p>
        <FormField
          label={t("notifications.settings.reportDueDay")}
          name="reportDueDay"
          type="number"
          inputMode="numeric"
          {...REMINDER_LIMITS.reportDueDay}
          defaultValue={value("reportDueDay")}
          error={result?.fieldErrors.reportDueDay}
        />
        <p className="muted">{t("notifications.settings.reportDueDayHelp")}</p>
        <FormField
          label={t("notifications.settings.certificateDays")}
          name="certificateWarningDays"
          type="number"
          inputMode="numeric"
          {...REMINDER_LIMITS.certificateWarningDays}
          defaultValue={value("certificateWarningDays")}
          error={result?.fieldErrors.certificateWarningDays}
        />
        <button type="submit" className="button button--primary">
          {t("notifications.settings.save")}
        </button>
      </Form>
    </section>
  );
}

export default function ChapterProfilePage() {
  const { chapter, reminders, canSetThreshold } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const actionData = result?.intent === "profile" ? result : undefined;
  const defaults = {
    code: chapter.code,
    letterheadSubtitle: chapter.letterheadSubtitle,
    letterPlace: chapter.letterPlace,
    address: chapter.address,
    phone: chapter.phone ?? "",
    email: chapter.email ?? "",
    website: chapter.website ?? "",
  };
  return (
    <>
      <PageHeader
        title={t("chapterProfile.title")}
        intro={t("chapterProfile.intro", { chapter: chapter.name })}
        actions={
          <Link className="button" to="/chapter/villages">
            {t("regions.villages.title")}
          </Link>
        }
      />
      <ChapterProfileForm defaults={actionData?.values ?? defaults} fieldErrors={actionData?.fieldErrors} />
      <p className="muted">
        {t("chapterProfile.threshold", { amount: formatRupiah(chapter.financeApprovalThreshold) })}{" "}
        {canSetThreshold ? <Link to="/programmes/settings">{t("chapterProfile.thresholdLink")}</Link> : null}
      </p>
      <ReminderSettingsForm
        chapter={chapter.name}
        settings={reminders}
        result={result?.intent === "reminders" ? (result as ReminderResult) : undefined}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
