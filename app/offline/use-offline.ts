// React side of the offline code (docs/decisions/027). The code itself (IndexedDB, the service
// worker, sending) is loaded with import() after the first paint, so no page's first load
// carries it.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { OfflineUser } from "./offline.client";

/**
 * Starts the offline side for the signed-in person and returns how many of their activities wait
 * on this phone (null until known). When some arrive, the page's data is loaded again.
 */
export function useOfflineQueue(user: OfflineUser | null): number | null {
  const [count, setCount] = useState<number | null>(null);
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const id = user?.id ?? null;
  const logs = user?.logsActivities ?? false;
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import("./offline.client").then((offline) => {
      if (cancelled) return;
      if (!id) {
        // the sign-in page: pages kept for whoever used the phone before are not kept further
        void offline.registerServiceWorker();
        void offline.forgetPages();
        return;
      }
      stop = offline.startOffline({ id, logsActivities: logs }, { onCount: setCount, onSent: () => revalidate.current() });
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [id, logs]);
  return id ? count : null;
}

/** Before signing out: the person confirms losing unsent activities, then their data leaves the phone. */
export async function forgetBeforeSignOut(): Promise<void> {
  const offline = await import("./offline.client");
  await offline.forgetSignedInUser();
}
