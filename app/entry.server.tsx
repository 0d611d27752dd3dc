import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { getEnv } from "./utils/env.server";
import { announceSetupCode } from "./domain/setup/setup.server";
import { startRetentionSchedule } from "./domain/retention/retention.server";
import { startDeliveryWorker } from "./domain/notifications/delivery.server";
import { startReminderSchedule } from "./domain/notifications/reminders.server";
import { undoInterruptedImports } from "./domain/members/import-commit.server";
import { completeSealedReports } from "./domain/reports/reports.server";
import { checkKeptTriggers } from "./domain/shared/kept-tables.server";
import { closeDatabase } from "./domain/accounts/accounts.server";
import { closeRenderPool } from "./workers/render-pool.server";
import { NonceProvider } from "./utils/nonce-provider";

// Check the environment as the server starts: in production a missing SESSION_SECRET stops it
// here with a clear message.
getEnv();
// The triggers that keep the member search, counts and totals in step (docs/decisions/030, 031):
// a missing one is logged as an error and turns /healthz to 503; the server goes on serving
// (app/domain/shared/kept-tables.server.ts says why it does not stop).
void checkKeptTriggers().catch((error: unknown) => console.error("Could not check the database's triggers:", error));
// First run: print the one-time setup code in the log as the server starts (nothing when set up).
void announceSetupCode().catch((error: unknown) => console.error("Could not check whether the portal is set up:", error));
// Retention (docs/privacy.md): once at start and every night, what is no longer kept is erased.
if (process.env.NODE_ENV !== "test") startRetentionSchedule();
// A member import cut short by a stop of the server is undone (docs/decisions/033).
if (process.env.NODE_ENV !== "test")
  void undoInterruptedImports()
    .then((undone) => undone && console.log(`Member imports interrupted by the last stop, undone: ${undone}`))
    .catch((error: unknown) => console.error("Could not undo the interrupted member imports:", error));
// Notifications (docs/decisions/029): the outbox's mail worker and the daily reminders.
if (process.env.NODE_ENV !== "test") {
  startDeliveryWorker();
  startReminderSchedule();
}
// Reports numbered but left without their files (the server stopped, or their rendering failed)
// are completed at start (docs/decisions/032); a failure stays marked on the report.
if (process.env.NODE_ENV !== "test")
  void completeSealedReports()
    .then(({ sealed, completed }) => sealed && console.log(`Sealed reports: ${completed} of ${sealed} completed.`))
    .catch((error: unknown) => console.error("Could not complete the sealed reports:", error));

// The production server (server.mjs) refuses cross-site writes with this before Remix runs.
export { crossSiteRefusal } from "./utils/cross-site.server";
// It runs each page request with a memo of what the loaders ask alike (who is signed in).
export { withRequestMemo } from "./http/request-memo.server";

/**
 * The production server's orderly stop (server.mjs calls it on SIGTERM/SIGINT once it stopped
 * taking requests): the document workers are ended, then the database is closed (its WAL folded
 * back into the file). Each step is bounded by server.mjs's own deadline.
 */
export async function closeServerResources() {
  await closeRenderPool().catch((error: unknown) => console.error("Could not close the document workers:", error));
  await closeDatabase().catch((error: unknown) => console.error("Could not close the database:", error));
}

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // the Content-Security-Policy nonce server.mjs chose for this response (none under `remix vite:dev`)
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  const callback = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const app = (
      <NonceProvider value={nonce ?? ""}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>
    );
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      [callback]() {
        shellRendered = true;
        const body = new PassThrough();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        // pages carry personal data: never kept by a shared computer's browser or a proxy
        if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "private, no-store");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}
