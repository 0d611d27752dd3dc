/** What the activity form's action answers when it kept the activity on the phone (app/offline/activity-form.client.ts). */
export type KeptOffline = { keptOffline: true; localId: string; count: number };

export function keptOffline(result: unknown): result is KeptOffline {
  return typeof result === "object" && result !== null && (result as { keptOffline?: unknown }).keptOffline === true;
}
