// A new activity as the volunteer's phone posts it: from the form page (answered with the page)
// and from the phone's queue of activities kept without signal (answered in JSON,
// /activities/sync). One reading, one check, one save for both (docs/decisions/027).
import type { Actor } from "~/domain/shared/actor.server";
import { invalid, type Refusal } from "~/domain/shared/outcome.server";
import { logActivity } from "~/domain/activities/activities.server";
import { ACTIVITY_PHOTO_MAX_BYTES, preparePhotos } from "~/domain/activities/photos.server";
import { t } from "~/i18n";
import { formValues, type FormValues } from "~/utils/forms";
import { fileFields, readMultipart } from "~/utils/uploads.server";
import { parseActivitySubmission } from "~/validation/activities";

/** What a refused form keeps: the typed values and chosen co-volunteers (`typed` false when nothing could be read). */
export type KeptActivityForm = { values: FormValues; coVolunteers: string[]; typed: boolean };

export type ActivitySubmission =
  { ok: true; id: string; submitted: boolean; repeated: boolean } | { ok: false; refusal: Refusal; keep: KeptActivityForm };

/**
 * Reads the posted activity form (with up to three photos), checks it with the form's schema
 * and saves it. The idempotency key makes a repeated post (a double tap, or the phone's queue
 * sending again an activity whose first answer was lost) one activity.
 */
export async function submitNewActivity(actor: Actor, request: Request): Promise<ActivitySubmission> {
  const form = await readMultipart(request, 2 * ACTIVITY_PHOTO_MAX_BYTES);
  // too large to read: the form comes back as it was shown (nothing typed can be kept)
  if (form === "tooBig")
    return {
      ok: false,
      refusal: invalid({ photos: t("activities.photos.error.size") }),
      keep: { values: {}, coVolunteers: [], typed: false },
    };
  const keep = { values: formValues(form), coVolunteers: form.getAll("coVolunteers").map(String), typed: true };
  const parsed = parseActivitySubmission(form);
  const photos = await preparePhotos(await fileFields(form, "photos"));
  if (!parsed.ok || !photos.ok) {
    const fieldErrors = { ...(parsed.ok ? {} : parsed.fieldErrors), ...(photos.ok ? {} : photos.fieldErrors) };
    return { ok: false, refusal: invalid(fieldErrors), keep };
  }
  // The activity and its photos are saved together (a repeated form keeps the first's photos).
  const result = await logActivity(actor, { ...parsed, photos: photos.jpegs });
  if (!result.ok) return { ok: false, refusal: result, keep };
  return { ok: true, id: result.id, submitted: parsed.submit, repeated: result.repeated };
}
