import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ExistingMemberNotice } from "~/components/ExistingMemberNotice";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { MemberForm } from "~/components/MemberForm";
import { PageHeader } from "~/components/PageHeader";
import { existingMemberOf, getMember, listChapterVillages, revealNik, updateMember } from "~/domain/members/members.server";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { formatPhone, memberFormSchema, toDateInput } from "~/validation/members";

export const meta: MetaFunction = () => [{ title: `${t("members.edit")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "update:member:chapter");
  const { member } = unwrap(await getMember(actor, params.id ?? ""));
  // Editing needs the whole NIK; like every view of it, it is audited.
  const { nik } = unwrap(await revealNik(actor, member.id, { forEditing: true }));
  return {
    member: { id: member.id, fullName: member.fullName },
    defaults: {
      fullName: member.fullName,
      nik,
      sex: member.sex,
      birthDate: toDateInput(member.birthDate),
      phone: formatPhone(member.phone),
      email: member.email ?? "",
      address: member.address,
      villageCode: member.village.code,
      joinDate: toDateInput(member.joinDate),
      membershipType: member.membershipType,
      skPsmNumber: member.skPsmNumber ?? "",
      skPsmDate: toDateInput(member.skPsmDate),
      basicBimtekDate: toDateInput(member.basicBimtekDate),
    },
    villages: await listChapterVillages(actor),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:member:chapter");
  const parsed = parseForm(memberFormSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed, { existingMember: null });
  const result = await updateMember(actor, params.id ?? "", parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values, existingMember: existingMemberOf(result) });
  return redirectWithToast(`/members/${result.memberId}`, "success", "members.edit.done", { name: parsed.data.fullName });
}

export default function EditMemberPage() {
  const { member, defaults, villages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("members.edit.title", { name: member.fullName })} />
      <ExistingMemberNotice member={actionData?.existingMember} />
      <MemberForm
        defaults={actionData?.values ?? defaults}
        villages={villages}
        fieldErrors={actionData?.fieldErrors}
        submitLabel={t("members.edit.submit")}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
