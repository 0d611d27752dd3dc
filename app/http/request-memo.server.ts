// One answer per page request for what several loaders of that request ask alike (docs/decisions/033).
// Remix runs the root's, the layout's and the page's loaders for one page, and each asks who is
// signed in: without this the session, the user, the chapter and the positions held were read
// three times per page. The production server (server.mjs) runs each GET/HEAD request inside
// `withRequestMemo`; a POST is not memoised, since its action may change what its loaders then
// read (the chapter switched, the notice agreed to). Outside a request (tests calling a loader,
// the dev server) nothing is memoised.
import { AsyncLocalStorage } from "node:async_hooks";

const store = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs one HTTP request's handling with its own memo (GET and HEAD only). */
export function withRequestMemo<T>(method: string, handle: () => T): T {
  return method === "GET" || method === "HEAD" ? store.run(new Map(), handle) : handle();
}

/** The first answer of `compute` for `key` within this request, computed once. */
export function memoForRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const memo = store.getStore();
  if (!memo) return compute();
  let pending = memo.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = compute();
    memo.set(key, pending);
  }
  return pending;
}
