import { useEffect, useState } from "react";
import { t } from "~/i18n";

export type ToastData = { kind: "success" | "error" | "info"; message: string };

/** The confirmation shown once after an action (post, redirect, toast). */
export function ToastMessage({ toast }: { toast: ToastData | null }) {
  const [visible, setVisible] = useState<ToastData | null>(toast);
  useEffect(() => {
    setVisible(toast);
    if (!toast) return;
    const timer = setTimeout(() => setVisible(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!visible) return null;
  return (
    <div className={`toast toast--${visible.kind}`} role="status" aria-live="polite">
      <span>{visible.message}</span>
      <button type="button" className="toast__close" onClick={() => setVisible(null)} aria-label={t("toast.close")}>
        ×
      </button>
    </div>
  );
}
