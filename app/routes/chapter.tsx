import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import {
  CHAPTER_IMAGE_MAX_BYTES,
  getChapterImages,
  removeChapterImage,
  saveChapterImage,
  type ChapterImageKind,
} from "~/domain/chapters/chapters.server";
import type { Refusal } from "~/domain/shared/outcome.server";
import { t } from "~/i18n";
import { refusalResponse, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast, redirectWithToastText, switchChapter } from "~/http/session.server";
import { readMultipart } from "~/utils/uploads.server";
import { safeRedirect } from "~/validation/auth";

export const meta: MetaFunction = () => [{ title: `${t("chapterImages.title")} · ${t("app.name")}` }];

// GET /chapter: the administrator's chapter settings: the logo (cards, letterheads) and the
// Ketua's signature (cards), for the chapter they work in.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const { images } = unwrap(await getChapterImages(actor));
  return {
    chapterName: images.chapterName,
    hasLogo: Boolean(images.logoFile),
    hasSignature: Boolean(images.signatureFile),
    signatureInForce: images.signatureInForce,
    ketuaName: images.ketua?.name ?? null,
    // cache-busting part of the preview address: changes with the stored file
    versions: { logo: images.logoFile ?? "", signature: images.signatureFile ?? "" },
  };
}

/** A refused upload or removal comes back to the page as a toast with its sentence; forbidden is the error page. */
function refusedImage(refusal: Refusal) {
  if (refusal.refusal === "forbidden" || refusal.refusal === "notFound") throw refusalResponse(refusal);
  const message = refusal.refusal === "invalid" ? refusal.formError : refusal.message;
  return redirectWithToastText("/chapter", "error", message ?? t("error.400"));
}

// POST /chapter: intent=upload&kind=logo|signature (multipart, field "image") or
// intent=remove&kind=...; without an intent, the header's selector: the administrator switches
// the chapter they work in.
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const form = await readMultipart(request, CHAPTER_IMAGE_MAX_BYTES);
  if (form === "tooBig") return redirectWithToast("/chapter", "error", "chapterImages.error.size");
  const intent = String(form.get("intent") ?? "");
  const kind = String(form.get("kind") ?? "");
  if (intent === "remove") {
    const result = await removeChapterImage(actor, kind);
    if (!result.ok) return refusedImage(result);
    return redirectWithToast(
      "/chapter",
      "success",
      result.kind === "logo" ? "chapterImages.logo.removed" : "chapterImages.signature.removed",
    );
  }
  if (intent === "upload") {
    const file = form.get("image");
    const upload = file instanceof File ? { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type, size: file.size } : null;
    const result = await saveChapterImage(actor, kind, upload);
    if (!result.ok) return refusedImage(result);
    return redirectWithToast("/chapter", "success", result.kind === "logo" ? "chapterImages.logo.saved" : "chapterImages.signature.saved");
  }
  const { chapter } = unwrap(await switchChapter(request, actor, String(form.get("chapterId") ?? "")));
  return redirectWithToast(safeRedirect(form.get("redirectTo")), "info", "chapter.switched", { name: chapter.name });
}

function ImageForm({ kind, has }: { kind: ChapterImageKind; has: boolean }) {
  return (
    <>
      <Form method="post" encType="multipart/form-data" className="inline-form">
        <input type="hidden" name="intent" value="upload" />
        <input type="hidden" name="kind" value={kind} />
        <label>
          <span>{has ? t(`chapterImages.${kind}.replace`) : t(`chapterImages.${kind}.choose`)}</span>
          <input type="file" name="image" accept="image/png,image/jpeg" required />
        </label>
        <small className="muted">{t("chapterImages.hint")}</small>
        <button type="submit" className="button button--ghost">
          {t("chapterImages.upload")}
        </button>
      </Form>
      {has ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="kind" value={kind} />
          <button type="submit" className="button button--ghost">
            {t(`chapterImages.${kind}.remove`)}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export default function ChapterSettingsPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("chapterImages.title")} intro={t("chapterImages.intro", { chapter: d.chapterName })} />
      <section className="card" aria-labelledby="logo-title">
        <h2 id="logo-title">{t("chapterImages.logo.title")}</h2>
        <p className="muted">{t("chapterImages.logo.help")}</p>
        {d.hasLogo ? (
          <img
            className="chapter-image"
            src={`/chapter/images/logo.png?v=${encodeURIComponent(d.versions.logo)}`}
            alt={t("chapterImages.logo.alt")}
            style={{ maxWidth: 120, maxHeight: 120 }}
          />
        ) : (
          <p data-testid="logo-state">{t("chapterImages.logo.none")}</p>
        )}
        <ImageForm kind="logo" has={d.hasLogo} />
      </section>
      <section className="card" aria-labelledby="signature-title">
        <h2 id="signature-title">{t("chapterImages.signature.title")}</h2>
        <p className="muted">{t("chapterImages.signature.help")}</p>
        <p data-testid="signature-state">
          {d.ketuaName === null
            ? t("chapterImages.signature.noKetua")
            : d.signatureInForce
              ? t("chapterImages.signature.inForce", { name: d.ketuaName })
              : d.hasSignature
                ? t("chapterImages.signature.stale", { name: d.ketuaName })
                : t("chapterImages.signature.none", { name: d.ketuaName })}
        </p>
        {d.hasSignature ? (
          <img
            className="chapter-image"
            src={`/chapter/images/signature.png?v=${encodeURIComponent(d.versions.signature)}`}
            alt={t("chapterImages.signature.alt")}
            style={{ maxWidth: 240, maxHeight: 96 }}
          />
        ) : null}
        {d.ketuaName !== null || d.hasSignature ? <ImageForm kind="signature" has={d.hasSignature} /> : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
