import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppShell } from "~/components/AppShell";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { ToastMessage } from "~/components/ToastMessage";
import { t } from "~/i18n";
import { chaptersToSwitch } from "~/domain/chapters/chapters.server";
import { isInstalled } from "~/domain/setup/setup.server";
import { unreadCount } from "~/domain/notifications/inbox.server";
import { actorOf } from "~/domain/shared/actor.server";
import { getPublicEnv } from "~/utils/env.server";
import { navigationFor } from "~/utils/navigation";
import { getUser, popToast } from "~/http/session.server";
import { useNonce } from "~/utils/nonce-provider";
import { hasPermission } from "~/utils/permissions";
import { keptOffline } from "~/offline/kept";
import { useOfflineQueue } from "~/offline/use-offline";
import appStyles from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  // the installable portal (docs/decisions/027): manifest built by vite-plugin-pwa, icons in public/icons
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "apple-touch-icon", href: "/icons/apple-touch-icon.png" },
];

export const meta: MetaFunction = () => [{ title: t("app.name") }];

const CONSENT_FREE_PATHS = ["/consent", "/privacy", "/logout", "/login", "/profile/second-factor"];

export async function loader({ request }: LoaderFunctionArgs) {
  // First run: until the portal is set up, every page leads to the setup page.
  if (!(await isInstalled()) && new URL(request.url).pathname !== "/setup") throw redirect("/setup");
  const user = await getUser(request);
  // A member who has not agreed to the current privacy notice is asked first (docs/privacy.md);
  // the notice itself, the consent page, signing out and the second factor stay reachable.
  const url = new URL(request.url);
  if (user?.consentNeeded && !CONSENT_FREE_PATHS.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) {
    throw redirect(`/consent?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const { toast, headers } = await popToast(request);
  return data(
    {
      user: user
        ? {
            id: user.id,
            // whose activities may wait on the phone without signal (app/offline)
            logsActivities: user.memberId !== null && hasPermission(user.permissions, "create:activity:own"),
            name: user.name,
            email: user.email,
            role: user.role,
            // Board members are shown by the positions they hold now ("Sekretaris").
            positions: user.positions.map((p) => p.title),
            chapterName: user.chapter.name,
            chapterId: user.chapter.id,
            // Administrators work in one chapter at a time and may switch.
            chapters: await chaptersToSwitch(actorOf(user)),
            // translated here: the browser only has the texts its own modules name (docs/decisions/028)
            nav: navigationFor(user.permissions).map(({ to, label }) => ({ to, label: t(label) })),
            // the header's count of unread notifications (one COUNT on an index)
            unread: await unreadCount(user.id),
          }
        : null,
      toast,
      env: getPublicEnv(),
    },
    { headers },
  );
}

export type RootLoaderData = typeof loader;

/** An activity kept on the phone for lack of signal is no reason to ask the server for anything (there is none). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  keptOffline(actionResult) ? false : defaultShouldRevalidate;

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="id">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5d7a" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user, toast } = useLoaderData<typeof loader>();
  const unsent = useOfflineQueue(user);
  return (
    <AppShell user={user} unsent={unsent}>
      <ToastMessage toast={toast} />
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const rootData = useRouteLoaderData<typeof loader>("root");
  return (
    <AppShell user={rootData?.user ?? null}>
      <GeneralErrorBoundary />
    </AppShell>
  );
}
