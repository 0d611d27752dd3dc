import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { DOCUMENT_MAX_BYTES } from "~/domain/shared/scans.server";
import { participantForCertificate, saveParticipantCertificate } from "~/domain/trainings/certificates.server";
import { t } from "~/i18n";
import { organiserLabel } from "~/i18n/labels";
import { formValues, parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { fileField, readMultipart } from "~/utils/uploads.server";
import { toDateInput } from "~/validation/fields";
import { certificateFormSchema, type CertificateFormData, type CertificateFormInput } from "~/validation/trainings";

const loadCertificateFormSchema = () => import("~/validation/trainings").then((m) => m.certificateFormSchema);

export const meta: MetaFunction = () => [{ title: `${t("trainings.event.certificate")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "update:training:chapter");
  const { participant } = unwrap(await participantForCertificate(actor, params.id ?? "", params.participantId ?? ""));
  const { event } = participant;
  const c = participant.certificate;
  return {
    event: { id: event.id, course: event.course.name },
    participant: { name: participant.member.fullName },
    defaults: {
      number: c?.number ?? "",
      issuer: organiserLabel(event.course.organiser),
      issuedOn: toDateInput(c?.issuedOn ?? event.endDate),
      expiresOn: toDateInput(c?.expiresOn ?? null),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:training:chapter");
  const eventId = params.id ?? "";
  const form = await readMultipart(request, DOCUMENT_MAX_BYTES);
  if (form === "tooBig") return invalidForm({ fieldErrors: { file: t("trainings.file.error.size") }, values: {} });
  const parsed = parseForm(certificateFormSchema, form);
  if (!parsed.success) return invalidForm(parsed);
  const result = await saveParticipantCertificate(actor, {
    eventId,
    participantId: params.participantId ?? "",
    data: parsed.data,
    file: await fileField(form, "file"),
  });
  if (!result.ok) return formRefusal(result, { values: formValues(form) });
  return redirectWithToast(`/trainings/events/${eventId}`, "success", "trainings.certificate.saved", { name: result.memberName });
}

export default function CertificatePage() {
  const { event, participant, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, handleSubmit, setError, formState } = useForm<CertificateFormInput, unknown, CertificateFormData>({
    resolver: useLazyZodResolver(loadCertificateFormSchema),
    defaultValues: { ...defaults, ...(actionData?.values ?? {}) },
  });
  useServerFieldErrors(actionData?.fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  const fileError = actionData?.fieldErrors.file;
  // A refusal's sentence for the whole form, unless it is already shown beside its field.
  const formError =
    actionData?.formError && !Object.values(actionData.fieldErrors).includes(actionData.formError) ? actionData.formError : undefined;
  return (
    <>
      <PageHeader
        title={t("trainings.certificate.title", { name: participant.name })}
        intro={t("trainings.certificate.intro", { course: event.course })}
        actions={
          <Link className="button" to={`/trainings/events/${event.id}`}>
            {event.course}
          </Link>
        }
      />
      <Form method="post" encType="multipart/form-data" noValidate className="form-grid" onSubmit={onSubmit}>
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : null}
        <FormField label={t("trainings.field.certNumber")} error={errors.number?.message} {...register("number")} />
        <FormField label={t("trainings.field.issuer")} error={errors.issuer?.message} {...register("issuer")} />
        <FormField label={t("trainings.field.issuedOn")} type="date" error={errors.issuedOn?.message} {...register("issuedOn")} />
        <FormField label={t("trainings.field.expiresOn")} type="date" error={errors.expiresOn?.message} {...register("expiresOn")} />
        <FormField
          label={t("trainings.field.file")}
          type="file"
          name="file"
          accept="application/pdf,image/jpeg,image/png"
          error={fileError}
        />
        <div>
          <button type="submit" className="button button--primary">
            {t("trainings.certificate.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
