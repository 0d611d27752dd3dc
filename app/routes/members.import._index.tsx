import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { checkImport, ImportFileError, parseMemberFile } from "~/domain/imports.server";
import { t } from "~/i18n";
import { requirePermission } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: `${t("import.title")} · ${t("app.name")}` }];

const MAX_FILE_BYTES = 10 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "import:member:chapter");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "import:member:chapter");
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return data({ formError: t("import.error.size") }, { status: 400 });
    throw error;
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return data({ formError: t("import.error.missing") }, { status: 400 });
  try {
    const rows = await parseMemberFile({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    const checked = await checkImport({ chapterId: user.chapter.id, actorId: user.id, fileName: file.name, rows });
    return redirect(`/members/import/${checked.importId}`);
  } catch (error) {
    if (error instanceof ImportFileError) return data({ formError: error.message }, { status: 400 });
    throw error;
  }
}

export default function ImportPage() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader title={t("import.title")} intro={t("import.intro")} />
      <section className="card">
        <p>
          <a className="button" href="/members/template.xlsx" download>
            {t("import.template")}
          </a>
        </p>
        <p className="muted">{t("import.templateHint")}</p>
      </section>
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {actionData.formError}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card">
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
