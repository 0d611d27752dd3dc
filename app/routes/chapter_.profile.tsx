import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChapterProfileForm } from "~/components/chapters/ChapterProfileForm";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { getChapterProfile, updateChapterProfile } from "~/domain/chapters/chapter-admin.server";
import { t } from "~/i18n";
import { formatRupiah } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { chapterProfileSchema } from "~/validation/chapters";

export const meta: MetaFunction = () => [{ title: `${t("chapterProfile.title")} · ${t("app.name")}` }];

// /chapter/profile: the chapter's board (Ketua, Sekretaris; the administrator in the chapter it
// works in) sets the letterhead, contacts and letter code. Audited.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "update:chapter:chapter");
  const { chapter } = unwrap(await getChapterProfile(actor));
  return { chapter, canSetThreshold: actor.permissions.includes("approve:programme-finance:chapter") };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:chapter:chapter");
  const parsed = parseForm(chapterProfileSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed);
  const result = await updateChapterProfile(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return redirectWithToast("/chapter/profile", "success", "chapterProfile.saved");
}

export default function ChapterProfilePage() {
  const { chapter, canSetThreshold } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
