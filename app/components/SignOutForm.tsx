import { Form, useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { t } from "~/i18n";

/**
 * Sign out (a POST, docs/decisions/022). With JavaScript, what this person kept on the phone
 * leaves it first (docs/decisions/027): the pages kept for use without signal and their unsent
 * activities, after they confirm losing those.
 */
export function SignOutForm({ className, block = false }: { className?: string; block?: boolean }) {
  const submit = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    void (async () => {
      try {
        const offline = await import("~/offline/offline.client");
        const count = await offline.unsentOfSignedInUser();
        if (count > 0 && !window.confirm(t("activities.offline.logoutConfirm", { count }))) return;
        await offline.forgetSignedInUser();
      } catch {
        // storage the browser refuses (a private window) holds nothing to clear
      }
      submit(form);
    })();
  };
  return (
    <Form method="post" action="/logout" className={className} onSubmit={onSubmit}>
      <button type="submit" className={block ? "button button--primary button--block" : "button button--ghost"}>
        {t("nav.logout")}
      </button>
    </Form>
  );
}
