import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ChapterForm } from "~/components/chapters/ChapterForm";
import { SecondFactorRequirementForm } from "~/components/chapters/SecondFactorRequirementForm";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { chapterEditForm, updateChapterFor } from "~/domain/chapters/chapter-admin.server";
import { getSecondFactorRequirement, setSecondFactorRequirement } from "~/domain/chapters/second-factor-requirement.server";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { chapterFormSchema } from "~/validation/chapters";
import { chapterSecondFactorSchema } from "~/validation/second-factor";

export const meta: MetaFunction = () => [{ title: `${t("chapters.title")} · ${t("app.name")}` }];

// /chapters/:id: the administrator edits a chapter's place (level, region, parent) and details,
// and whether its board must use a second factor (POST intent=second-factor).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const { chapter, parents } = unwrap(await chapterEditForm(actor, params.id ?? ""));
  const { requireSecondFactor } = unwrap(await getSecondFactorRequirement(actor, chapter.id));
  return { chapter, parents, requireSecondFactor };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const form = await readFormData(request);
  if (form.get("intent") === "second-factor") {
    const setting = parseForm(chapterSecondFactorSchema, form);
    if (!setting.success) return invalidForm(setting);
    unwrap(await setSecondFactorRequirement(actor, params.id ?? "", setting.data.requireSecondFactor));
    return redirectWithToast(`/chapters/${params.id ?? ""}`, "success", "secondFactor.chapter.saved");
  }
  const parsed = parseForm(chapterFormSchema, form);
  if (!parsed.success) return invalidForm(parsed);
  const result = await updateChapterFor(actor, params.id ?? "", parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return redirectWithToast("/chapters", "success", "chapters.saved");
}

export default function EditChapterPage() {
  const { chapter, parents, requireSecondFactor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const defaults = {
    name: chapter.name,
    code: chapter.code,
    level: chapter.level,
    regionCode: chapter.regionCode,
    parentId: chapter.parentId ?? "",
    address: chapter.address,
    phone: chapter.phone ?? "",
    email: chapter.email ?? "",
    website: chapter.website ?? "",
    letterPlace: chapter.letterPlace,
    letterheadSubtitle: chapter.letterheadSubtitle,
  };
  return (
    <>
      <PageHeader title={t("chapters.form.editTitle", { name: chapter.name })} intro={t("chapters.form.intro")} />
      <ChapterForm
        parents={parents}
        defaults={actionData?.values ?? defaults}
        fieldErrors={actionData?.fieldErrors}
        formError={actionData?.formError}
      />
      <SecondFactorRequirementForm required={requireSecondFactor} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
