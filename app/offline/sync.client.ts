// Sends the activities kept on the phone (docs/decisions/027): one at a time, each with its own
// form key, to POST /activities/sync. Sent -> removed; refused (400/409, or no longer allowed)
// -> kept with the server's messages for the volunteer to fix; no signal, a server fault or a
// signed-out session -> kept as it was, tried again later. One tab sends at a time (Web Locks).
import { deleteUnsent, listUnsent, putUnsent, rememberSentKey, type UnsentActivity } from "./queue.client";

export type SendReport = { sent: number; refused: number; left: number; problem?: UnsentActivity["lastProblem"] };

export const SYNC_URL = "/activities/sync";

type Answer =
  | { kind: "sent" }
  | { kind: "refused"; formError?: string; fieldErrors: Record<string, string> }
  | { kind: "problem"; problem: NonNullable<UnsentActivity["lastProblem"]> };

async function post(item: UnsentActivity): Promise<Answer> {
  const body = new FormData();
  for (const [name, value] of item.fields) body.append(name, value);
  let response: Response;
  try {
    // manual: a session that ended answers with the redirect to /login, which must not look like success
    response = await fetch(SYNC_URL, {
      method: "POST",
      body,
      redirect: "manual",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
  } catch {
    return { kind: "problem", problem: "network" };
  }
  if (response.type === "opaqueredirect" || response.status === 401) return { kind: "problem", problem: "signedOut" };
  if (response.status === 200 || response.status === 201) return { kind: "sent" };
  if (response.status === 400 || response.status === 403 || response.status === 404 || response.status === 409) {
    const answer = (await response.json().catch(() => ({}))) as { formError?: string; fieldErrors?: Record<string, string> };
    return { kind: "refused", formError: answer.formError, fieldErrors: answer.fieldErrors ?? {} };
  }
  return { kind: "problem", problem: "server" };
}

async function exclusively<T>(userId: string, work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? locks.request(`ipsm-unsent-${userId}`, work) : work();
}

/** Sends this person's waiting activities (or only `localId`); stops at the first network, server or session problem. */
export async function sendUnsent(userId: string, localId?: string): Promise<SendReport> {
  return exclusively(userId, async () => {
    const report: SendReport = { sent: 0, refused: 0, left: 0 };
    for (const item of await listUnsent(userId)) {
      if (item.state !== "waiting" || (localId && item.localId !== localId)) continue;
      const answer = await post(item);
      if (answer.kind === "sent") {
        await rememberSentKey(userId, item.idempotencyKey);
        await deleteUnsent(userId, item.localId);
        report.sent += 1;
      } else if (answer.kind === "refused") {
        await putUnsent({
          ...item,
          state: "refused",
          refusal: { formError: answer.formError, fieldErrors: answer.fieldErrors },
          lastProblem: undefined,
          tries: item.tries + 1,
        });
        report.refused += 1;
      } else {
        await putUnsent({ ...item, lastProblem: answer.problem, tries: item.tries + 1 });
        report.problem = answer.problem;
        break;
      }
    }
    report.left = (await listUnsent(userId)).length;
    return report;
  });
}
