import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { checkImportFile, IMPORT_MAX_FILE_BYTES } from "~/domain/members/import-commit.server";
import { t } from "~/i18n";
import { formRefusal, invalidForm } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";

// GET /members/import: the upload form. POST (intent=check): reads the file, runs the dry run
// and shows its result at /members/import/:id. Nothing is saved to the registry here.

export const meta: MetaFunction = () => [{ title: `${t("import.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "import:member:chapter");
  return null;
}

/** The upload refused before the dry run (too big, unreadable, no file): 400 with the form's message. */
const failure = (formError: string) => invalidForm({ fieldErrors: {}, values: {}, formError });

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "import:member:chapter");
  // A body far over the limit is refused before it is read.
  if (Number(request.headers.get("Content-Length") ?? 0) > IMPORT_MAX_FILE_BYTES + 64 * 1024) return failure(t("import.error.size"));
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_MAX_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return failure(t("import.error.size"));
    return failure(t("import.error.unreadable"));
  }
  if (form.get("intent") !== "check") return failure(t("import.error.missing"));
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return failure(t("import.error.missing"));
  const result = await checkImportFile(actor, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!result.ok) return formRefusal(result);
  return redirect(`/members/import/${result.importId}`);
}

export default function ImportPage() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader title={t("import.title")} intro={t("import.intro")} />
      <section className="card">
        <h2>{t("import.steps.title")}</h2>
        <ol>
          <li>{t("import.steps.1")}</li>
          <li>{t("import.steps.2")}</li>
          <li>{t("import.steps.3")}</li>
          <li>{t("import.steps.4")}</li>
        </ol>
        <p>
          <Link className="button" to="/members/template.xlsx" reloadDocument download>
            {t("import.template")}
          </Link>
        </p>
        <p className="muted">{t("import.templateHint")}</p>
      </section>
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {actionData.formError}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card">
        <input type="hidden" name="intent" value="check" />
        <div className="field">
          <label htmlFor="file">{t("import.file")}</label>
          <input id="file" type="file" name="file" accept=".xlsx,.csv" required />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("import.checking") : t("import.check")}
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
