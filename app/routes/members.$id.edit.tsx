import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ExistingMemberNotice } from "~/components/ExistingMemberNotice";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { MemberForm } from "~/components/MemberForm";
import { PageHeader } from "~/components/PageHeader";
import { getMember, listChapterVillages, revealNik, updateMember } from "~/domain/members/members.server";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { formatPhone, memberFormSchema, toDateInput } from "~/validation/members";

export const meta: MetaFunction = () => [{ title: `${t("members.edit")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "update:member:chapter");
  const member = await getMember(user.chapter.id, params.id ?? "");
  if (!member) notFound();
  // Editing needs the whole NIK; like every view of it, it is audited.
  const nik = await revealNik({ chapterId: user.chapter.id, memberId: member.id, actorId: user.id });
  return {
    member: { id: member.id, fullName: member.fullName },
    defaults: {
      fullName: member.fullName,
      nik: nik ?? "",
      sex: member.sex as "L" | "P",
      birthDate: toDateInput(member.birthDate),
      phone: formatPhone(member.phone),
      email: member.email ?? "",
      address: member.address,
      villageCode: member.village.code,
      joinDate: toDateInput(member.joinDate),
      membershipType: member.membershipType as "biasa" | "kehormatan",
      skPsmNumber: member.skPsmNumber ?? "",
      skPsmDate: toDateInput(member.skPsmDate),
      basicBimtekDate: toDateInput(member.basicBimtekDate),
    },
    villages: await listChapterVillages(user.chapter.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:member:chapter");
  const parsed = parseForm(memberFormSchema, await readFormData(request));
  if (!parsed.success) return data({ ...parsed, existingMember: null }, { status: 400 });
  const result = await updateMember({ chapterId: user.chapter.id, actorId: user.id, memberId: params.id ?? "", data: parsed.data });
  if (!result) notFound();
  if (!result.ok) {
    return data(
      { fieldErrors: result.fieldErrors as Record<string, string>, values: parsed.values, existingMember: result.existingMember ?? null },
      { status: 400 },
    );
  }
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
