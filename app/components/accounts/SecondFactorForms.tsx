// The forms of /profile/second-factor (docs/decisions/024): the first code with the password to
// turn it on, "a current code or the password" to make new recovery codes or turn it off, the
// recovery codes shown once (the card on /profile that leads there is SecondFactorCard.tsx).
// Checked in the browser with the server's schemas; nothing typed is sent back.
import { Form, Link } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { t, type MessageKey } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { confirmIdentitySchema, enrolSchema, type EnrolInput } from "~/validation/second-factor";
import type { z } from "~/validation/zod";

const loadEnrolSchema = () => import("~/validation/second-factor").then((m) => m.enrolSchema);
const loadConfirmIdentitySchema = () => import("~/validation/second-factor").then((m) => m.confirmIdentitySchema);

type Refused = { fieldErrors?: Record<string, string>; formError?: string };

function FormError({ message }: { message?: string }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** The first code from the app and the password: turns the second factor on. */
export function EnrolForm({ action, refused }: { action: string; refused?: Refused }) {
  const { register, handleSubmit, setError, formState } = useForm<EnrolInput, unknown, z.output<typeof enrolSchema>>({
    resolver: useLazyZodResolver(loadEnrolSchema),
    defaultValues: { code: "", password: "" },
  });
  useServerFieldErrors(refused?.fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit, action);
  const { errors } = formState;
  return (
    <Form method="post" action={action} noValidate onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="confirm" />
      <FormError message={refused?.formError} />
      <FormField
        label={t("secondFactor.enrol.code")}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={7}
        error={errors.code?.message}
        {...register("code")}
      />
      <FormField
        label={t("secondFactor.enrol.password")}
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <button type="submit" className="button button--primary">
        {t("secondFactor.enrol.submit")}
      </button>
    </Form>
  );
}

type ConfirmInput = z.input<typeof confirmIdentitySchema>;

/** "A current code or the password", then the change: new recovery codes, or turning it off. */
export function ConfirmIdentityForm({
  action,
  intent,
  submit,
  danger = false,
  refused,
}: {
  action: string;
  intent: "regenerate" | "disable";
  submit: MessageKey;
  danger?: boolean;
  refused?: Refused;
}) {
  const { register, handleSubmit, setError, formState } = useForm<ConfirmInput, unknown, z.output<typeof confirmIdentitySchema>>({
    resolver: useLazyZodResolver(loadConfirmIdentitySchema),
    defaultValues: { confirm: "" },
  });
  useServerFieldErrors(refused?.fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit, action);
  return (
    <Form method="post" action={action} noValidate onSubmit={onSubmit}>
      <input type="hidden" name="intent" value={intent} />
      <FormError message={refused?.formError} />
      <FormField
        label={t("secondFactor.confirm.label")}
        type="password"
        autoComplete="current-password"
        error={formState.errors.confirm?.message}
        {...register("confirm")}
      />
      <button type="submit" className={danger ? "button button--danger" : "button"}>
        {t(submit)}
      </button>
    </Form>
  );
}

/** The ten recovery codes, shown once after they are made, with the hint to write them down. */
export function RecoveryCodes({ codes, next }: { codes: string[]; next: string }) {
  return (
    <section className="card" aria-labelledby="recovery-codes">
      <h2 id="recovery-codes">{t("secondFactor.codes.title")}</h2>
      <p className="notice">{t("secondFactor.codes.intro")}</p>
      <ol className="mono" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Link className="button button--primary" to={next}>
        {t("secondFactor.codes.continue")}
      </Link>
    </section>
  );
}
