import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import type { z } from "~/validation/zod";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { contactSchema, type ContactData } from "~/validation/programmes";
import { FormField } from "../FormField";

const loadContactSchema = () => import("~/validation/programmes").then((m) => m.contactSchema);

/** A partner's contact person (name, position, phone, email), checked in the browser by the server's schema. */
export function ContactForm({
  defaults,
  fieldErrors,
}: {
  defaults?: Record<string, string>;
  fieldErrors?: Record<string, string | undefined>;
}) {
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof contactSchema>, unknown, ContactData>({
    resolver: useLazyZodResolver(loadContactSchema),
    defaultValues: defaults,
  });
  useServerFieldErrors(fieldErrors as Record<string, string> | undefined, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" noValidate aria-label={t("programmes.partners.addContact")} onSubmit={onSubmit}>
      <h3>{t("programmes.partners.addContact")}</h3>
      <input type="hidden" name="intent" value="contact" />
      <FormField label={t("programmes.partners.contactName")} error={errors.name?.message} {...register("name")} />
      <FormField label={t("programmes.partners.contactPosition")} error={errors.position?.message} {...register("position")} />
      <FormField label={t("programmes.partners.contactPhone")} inputMode="tel" error={errors.phone?.message} {...register("phone")} />
      <FormField label={t("programmes.partners.contactEmail")} type="email" error={errors.email?.message} {...register("email")} />
      <button type="submit" className="button">
        {t("programmes.partners.addContact")}
      </button>
    </Form>
  );
}
