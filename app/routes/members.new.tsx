import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ExistingMemberNotice } from "~/components/ExistingMemberNotice";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { MemberForm } from "~/components/MemberForm";
import { PageHeader } from "~/components/PageHeader";
import { createMember, listChapterVillages } from "~/domain/members/members.server";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { memberFormSchema, toDateInput } from "~/validation/members";
import { calendarToday } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: `${t("members.add.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "create:member:chapter");
  return { villages: await listChapterVillages(user.chapter.id), today: toDateInput(calendarToday(user.chapter.timeZone)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "create:member:chapter");
  const formData = await readFormData(request);
  const parsed = parseForm(memberFormSchema, formData);
  if (!parsed.success) return data({ ...parsed, existingMember: null }, { status: 400 });
  const status = formData.get("status") === "aktif" ? "aktif" : "calon";
  const result = await createMember({ chapterId: user.chapter.id, actorId: user.id, data: parsed.data, status });
  if (!result.ok) {
    return data(
      { fieldErrors: result.fieldErrors as Record<string, string>, values: parsed.values, existingMember: result.existingMember ?? null },
      { status: 400 },
    );
  }
  const message = result.possibleDuplicates.length ? "members.add.duplicate" : "members.add.done";
  return redirectWithToast(`/members/${result.memberId}`, result.possibleDuplicates.length ? "info" : "success", message, {
    name: parsed.data.fullName,
    number: result.memberNumber ?? "-",
  });
}

export default function NewMemberPage() {
  const { villages, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("members.add.title")} />
      <ExistingMemberNotice member={actionData?.existingMember} />
      <MemberForm
        defaults={actionData?.values ?? { joinDate: today, membershipType: "biasa" }}
        villages={villages}
        fieldErrors={actionData?.fieldErrors}
        submitLabel={t("members.add.submit")}
        withStatus
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
