import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ExistingMemberNotice } from "~/components/ExistingMemberNotice";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { MemberForm } from "~/components/MemberForm";
import { PageHeader } from "~/components/PageHeader";
import { createMember, existingMemberOf, listChapterVillages } from "~/domain/members/members.server";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { memberFormSchema, toDateInput } from "~/validation/members";
import { calendarToday } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: `${t("members.add.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "create:member:chapter");
  return { villages: await listChapterVillages(actor), today: toDateInput(calendarToday(actor.timeZone)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "create:member:chapter");
  const formData = await readFormData(request);
  const parsed = parseForm(memberFormSchema, formData);
  if (!parsed.success) return invalidForm(parsed, { existingMember: null });
  const status = formData.get("status") === "aktif" ? "aktif" : "calon";
  const result = await createMember(actor, parsed.data, status);
  if (!result.ok) return formRefusal(result, { values: parsed.values, existingMember: existingMemberOf(result) });
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
