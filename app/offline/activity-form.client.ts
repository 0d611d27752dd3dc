// The activity form's submission in the browser (docs/decisions/027): to the server when there is
// signal; kept on the phone when there is none, when the answer does not come back, or when a
// server fault answers, so that nothing typed is ever lost. The kept activity carries the form's
// key; the server saves an activity once per key.
import { isRouteErrorResponse } from "@remix-run/react";
import type { KeptOffline } from "./kept";
import type { CoVolunteer } from "~/validation/co-volunteers";
import { signedInUser } from "./offline.client";
import { SYNC_URL } from "./sync.client";
import { countUnsent, deleteUnsent, findByKey, getUnsent, putUnsent, rememberSentKey, wasSent, type FieldEntry } from "./queue.client";

/** How long the form waits for the server before keeping the activity (the request goes on; the key makes a late arrival harmless). */
const ANSWER_WAIT_MS = 45_000;

function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The chosen option's text of a select in the form on the page ("Kunjungan rumah", "Sukaramai I"). */
function chosenText(name: string): string {
  const select = document.querySelector<HTMLSelectElement>(`form select[name="${name}"]`);
  return select?.selectedOptions[0]?.textContent?.trim() ?? "";
}

/** The co-volunteers chosen in the form's picker, with the names its chips show. */
function chosenCoVolunteers(): CoVolunteer[] {
  return Array.from(document.querySelectorAll<HTMLInputElement>('form input[type="hidden"][name="coVolunteers"]'), (input) => ({
    id: input.value,
    fullName: input.closest("li")?.querySelector("span")?.textContent?.trim() ?? "",
    memberNumber: null,
  }));
}

class NoAnswer extends Error {}

export async function sendOrKeep(request: Request, serverAction: () => Promise<unknown>): Promise<unknown> {
  const user = signedInUser();
  const form = await request.clone().formData();
  const key = String(form.get("idempotencyKey") ?? "");
  const localId = String(form.get("localId") ?? "") || null;
  if (!user?.logsActivities) return serverAction();
  // A form shown from the phone's kept pages may carry the key of an activity already sent from
  // that page: sent as it is, the server would answer with that earlier activity. A new key.
  if (!localId && navigator.onLine && key && (await wasSent(key))) return sendWithNewKey(user.id, form);

  if (navigator.onLine) {
    let timer: number | undefined;
    try {
      const result = await Promise.race([
        serverAction(),
        new Promise<never>((_, reject) => {
          timer = window.setTimeout(() => reject(new NoAnswer()), ANSWER_WAIT_MS);
        }),
      ]);
      // the server answered with the form's messages: a kept activity opened for fixing stays kept, with them
      if (localId) await keepRefused(user.id, localId, form, result);
      return result;
    } catch (error) {
      if (error instanceof Response) {
        // saved: the redirect to the activity; this key is spent
        await rememberSentKey(user.id, key);
        if (localId) await deleteUnsent(user.id, localId);
        throw error;
      }
      // refused as a whole (403, 404): the error page says why; a kept activity stays kept
      if (isRouteErrorResponse(error) && error.status < 500) throw error;
      // no signal after all, the answer lost on the way back, or a server fault: keep it
    } finally {
      window.clearTimeout(timer);
    }
  }
  return keep(user.id, form, key, localId);
}

/**
 * The form under a new key, through the queue's address (the page's own request carries the old
 * key): saved -> to the activity; refused -> back to the form with the messages, as the form
 * page answers; no signal -> kept on the phone.
 */
async function sendWithNewKey(userId: string, form: FormData): Promise<unknown> {
  const fresh = newKey();
  const body = new FormData();
  for (const [name, value] of form) if (name !== "idempotencyKey" && name !== "localId") body.append(name, value);
  body.append("idempotencyKey", fresh);
  let response: Response;
  try {
    response = await fetch(SYNC_URL, {
      method: "POST",
      body,
      redirect: "manual",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
  } catch {
    return keep(userId, body, fresh, null);
  }
  if (response.status === 200 || response.status === 201) {
    await rememberSentKey(userId, fresh);
    const { id } = (await response.json()) as { id: string };
    return new Response(null, { status: 302, headers: { Location: `/activities/${id}` } });
  }
  if (response.status === 400 || response.status === 409) {
    const answer = (await response.json().catch(() => ({}))) as { fieldErrors?: Record<string, string>; formError?: string };
    const values: Record<string, string> = {};
    for (const [name, value] of body) if (typeof value === "string" && name !== "coVolunteers") values[name] = value;
    return { fieldErrors: answer.fieldErrors ?? {}, formError: answer.formError, values, coVolunteers: chosenCoVolunteers(), typed: true };
  }
  return keep(userId, body, fresh, null);
}

async function keep(userId: string, form: FormData, formKey: string, localId: string | null): Promise<KeptOffline> {
  const existing = localId ? await getUnsent(userId, localId) : null;
  let key = existing?.idempotencyKey ?? formKey;
  // A form shown from the phone's kept pages carries the key it had when the page was kept: when
  // that key already went to the server, or belongs to another kept activity, this is a new
  // activity and gets its own key (a key that may have reached the server is kept: its replay is harmless).
  if (!existing && (!key || (await wasSent(key)) || (await findByKey(userId, key)))) key = newKey();
  const fields: FieldEntry[] = [];
  for (const [name, value] of form) {
    if (name === "localId" || name === "idempotencyKey") continue;
    if (typeof value !== "string" && value.size === 0) continue; // an empty file input
    fields.push([name, value]);
  }
  fields.push(["idempotencyKey", key]);
  const item = {
    localId: existing?.localId ?? newKey(),
    userId,
    idempotencyKey: key,
    savedAt: existing?.savedAt ?? Date.now(),
    fields,
    summary: {
      date: String(form.get("date") ?? ""),
      type: chosenText("typeId"),
      village: chosenText("villageCode"),
      photos: fields.filter(([name, value]) => name === "photos" && typeof value !== "string").length,
      coVolunteers: chosenCoVolunteers(),
    },
    state: "waiting" as const,
    tries: existing?.tries ?? 0,
  };
  await putUnsent(item);
  return { keptOffline: true, localId: item.localId, count: await countUnsent(userId) };
}

/** A kept activity sent again from the form and refused: it stays kept, as now typed, with the messages. */
async function keepRefused(userId: string, localId: string, form: FormData, result: unknown) {
  const existing = await getUnsent(userId, localId);
  const answer = (result ?? {}) as { fieldErrors?: Record<string, string>; formError?: string };
  if (!existing || !answer.fieldErrors) return;
  const kept = await keep(userId, form, existing.idempotencyKey, localId);
  const item = await getUnsent(userId, kept.localId);
  if (item) await putUnsent({ ...item, state: "refused", refusal: { formError: answer.formError, fieldErrors: answer.fieldErrors } });
}
