import { t } from "~/i18n";
import { PageHeader } from "./PageHeader";

/** An area whose URL is already reserved and guarded, before its features arrive. */
export function ComingSoon({ title, intro }: { title: string; intro: string }) {
  return (
    <>
      <PageHeader title={title} intro={intro} />
      <p className="notice">{t("area.comingSoon")}</p>
    </>
  );
}
