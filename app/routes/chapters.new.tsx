import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ChapterForm } from "~/components/chapters/ChapterForm";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { createChapterFor, newChapterForm } from "~/domain/chapters/chapter-admin.server";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { chapterFormSchema } from "~/validation/chapters";

export const meta: MetaFunction = () => [{ title: `${t("chapters.form.newTitle")} · ${t("app.name")}` }];

// /chapters/new: the administrator adds a chapter (any level, under a parent whose region holds it).
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const { parents } = unwrap(await newChapterForm(actor));
  const parentId = new URL(request.url).searchParams.get("parent") ?? "";
  return { parents, parentId: parents.some((p) => p.id === parentId) ? parentId : "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const parsed = parseForm(chapterFormSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed);
  const result = await createChapterFor(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return redirectWithToast("/chapters", "success", "chapters.created");
}

export default function NewChapterPage() {
  const { parents, parentId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("chapters.form.newTitle")} intro={t("chapters.form.intro")} />
      <ChapterForm
        parents={parents}
        defaults={actionData?.values ?? { parentId }}
        fieldErrors={actionData?.fieldErrors}
        formError={actionData?.formError}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
