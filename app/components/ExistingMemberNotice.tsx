import { Link } from "@remix-run/react";
import { t } from "~/i18n";

/** "This NIK is already registered to ..." with a link to that member (add and edit forms). */
export function ExistingMemberNotice({ member }: { member: { id: string; fullName: string } | null | undefined }) {
  if (!member) return null;
  return (
    <p className="form-error" role="alert">
      {t("members.nikExists", { name: member.fullName })} <Link to={`/members/${member.id}`}>{t("members.nikExistsLink")}</Link>
    </p>
  );
}
