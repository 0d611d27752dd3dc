import { CardCell } from "~/components/CardCell";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { listProgrammes, programmeRights } from "~/domain/programmes/programmes.server";
import { t } from "~/i18n";
import { formatCalendarDateShort, formatRupiah } from "~/utils/format";
import { requireActor } from "~/http/permissions.server";

export const meta: MetaFunction = () => [{ title: `${t("programmes.title")} · ${t("app.name")}` }];

// /programmes: the board sees every programme with its budget and realisation; a volunteer sees
// the programmes they are assigned to (or coordinate), without money.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:programme:own");
  return { programmes: await listProgrammes(actor), ...programmeRights(actor) };
}

export default function ProgrammesPage() {
  const { programmes, board, canManage, canSetThreshold } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("programmes.title")}
        intro={board ? t("programmes.list.introBoard") : t("programmes.list.introVolunteer")}
        actions={
          <>
            {canManage ? (
              <Link className="button button--primary" to="/programmes/new">
                {t("programmes.list.new")}
              </Link>
            ) : null}
            {board ? (
              <Link className="button" to="/programmes/partners">
                {t("programmes.partners.title")}
              </Link>
            ) : null}
            {canSetThreshold ? (
              <Link className="button" to="/programmes/settings">
                {t("programmes.settings.title")}
              </Link>
            ) : null}
          </>
        }
      />
      <section className="card">
        {programmes.length === 0 ? (
          <p>{board ? t("programmes.list.empty") : t("programmes.list.emptyVolunteer")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards" data-testid="programmes">
              <thead>
                <tr>
                  <th>{t("programmes.column.name")}</th>
                  <th>{t("programmes.column.period")}</th>
                  <th>{t("programmes.column.partners")}</th>
                  <th>{t("programmes.column.phase")}</th>
                  {board ? (
                    <>
                      <th className="num">{t("programmes.column.budget")}</th>
                      <th className="num">{t("programmes.column.spent")}</th>
                    </>
                  ) : (
                    <th>{t("programmes.column.coordinator")}</th>
                  )}
                </tr>
              </thead>
              <tbody>
                {programmes.map((p) => (
                  <tr key={p.id}>
                    <CardCell label={t("programmes.column.name")}>
                      <Link to={`/programmes/${p.id}`}>{p.name}</Link>
                    </CardCell>
                    <CardCell label={t("programmes.column.period")}>
                      {formatCalendarDateShort(p.startDate)} – {formatCalendarDateShort(p.endDate)}
                    </CardCell>
                    <CardCell label={t("programmes.column.partners")}>
                      {p.partners.length ? p.partners.map((x) => x.partner.name).join(", ") : t(`programmes.source.${p.fundingSource}`)}
                    </CardCell>
                    <CardCell label={t("programmes.column.phase")}>{t(`programmes.phase.${p.phase}`)}</CardCell>
                    {board ? (
                      <>
                        <CardCell label={t("programmes.column.budget")} className="num">
                          {formatRupiah(p.budget ?? 0)}
                        </CardCell>
                        <CardCell label={t("programmes.column.spent")} className="num">
                          {formatRupiah(p.spent ?? 0)}
                        </CardCell>
                      </>
                    ) : (
                      <CardCell label={t("programmes.column.coordinator")}>{p.coordinator.fullName}</CardCell>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
