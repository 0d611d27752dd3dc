import { redirect } from "@remix-run/node";
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { openChapters } from "~/domain/members/applications.server";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("apply.title")} · ${t("app.name")}` }];

// /apply (public): the chapters that take applications; with only one, straight to its form.
export async function loader() {
  const chapters = await openChapters();
  if (chapters.length === 1) throw redirect(`/apply/${chapters[0]!.code}`);
  return { chapters };
}

export default function ApplyChoosePage() {
  const { chapters } = useLoaderData<typeof loader>();
  return (
    <div className="login">
      <PageHeader title={t("apply.title")} intro={chapters.length ? t("apply.choose") : t("apply.none")} />
      <ul className="plain-list">
        {chapters.map((c) => (
          <li key={c.code}>
            <Link to={`/apply/${c.code}`}>{c.name}</Link> <span className="muted">{c.region.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
