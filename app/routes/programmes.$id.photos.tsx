import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { programmePhotoChoices, setProgrammePhotos } from "~/domain/programmes/programmes.server";
import { t } from "~/i18n";
import { formatCalendarDateShort } from "~/utils/format";
import { refusalResponse, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast, redirectWithToastText } from "~/http/session.server";
import { MAX_REPORT_PHOTOS } from "~/validation/programme-values";

export const meta: MetaFunction = () => [{ title: `${t("programmes.photos.choose")} · ${t("app.name")}` }];

// /programmes/:id/photos: the coordinator (or the board) picks up to six photos of the
// programme's verified activities for its report.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:programme:own");
  const { programme, chosen, photos } = unwrap(await programmePhotoChoices(actor, params.id ?? ""));
  return { programme, chosen, photos };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "read:programme:own");
  const id = params.id ?? "";
  const form = await readFormData(request);
  const result = await setProgrammePhotos(actor, id, form.getAll("photo").map(String), MAX_REPORT_PHOTOS);
  if (!result.ok) {
    // a choice the rules refuse (too many, not of this programme) comes back as a toast on the page
    if (result.refusal !== "invalid" || !result.formError) throw refusalResponse(result);
    return redirectWithToastText(`/programmes/${id}/photos`, "error", result.formError);
  }
  return redirectWithToast(`/programmes/${id}`, "success", "programmes.photos.saved");
}

export default function ProgrammePhotosPage() {
  const { programme, chosen, photos } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("programmes.photos.choose")}
        intro={t("programmes.photos.intro", { name: programme.name, max: MAX_REPORT_PHOTOS })}
        actions={<Link to={`/programmes/${programme.id}`}>{t("programmes.money.back")}</Link>}
      />
      <section className="card">
        {photos.length === 0 ? (
          <p>{t("programmes.photos.noneToChoose")}</p>
        ) : (
          <Form method="post">
            <div className="photo-pick" data-testid="photo-choices">
              {photos.map((photo) => (
                <label key={photo.id}>
                  <img src={`/activities/${photo.activityId}/photos/${photo.id}.jpg`} alt="" loading="lazy" width={140} />
                  <span>
                    <input type="checkbox" name="photo" value={photo.id} defaultChecked={chosen.includes(photo.id)} />{" "}
                    {formatCalendarDateShort(photo.activity.date)} · {photo.activity.village.name}
                  </span>
                </label>
              ))}
            </div>
            <button type="submit" className="button button--primary">
              {t("programmes.photos.save")}
            </button>
          </Form>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
