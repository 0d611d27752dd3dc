import type { SelectHTMLAttributes } from "react";
import { forwardRef, useId, useMemo, useState } from "react";
import { t } from "~/i18n";
import { foldName } from "~/utils/regions";

export type VillageOption = { code: string; name: string; parent: { code: string; name: string } | null };

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  villages: VillageOption[];
  error?: string;
  selected?: string;
};

/**
 * Chooses a desa/kelurahan of the chapter's area: a search box narrows the list (by kelurahan or
 * kecamatan name); the list itself is a plain select, grouped by kecamatan, so it also works
 * without JavaScript and with the phone's own picker.
 */
export const VillagePicker = forwardRef<HTMLSelectElement, Props>(function VillagePicker(
  { label, villages, error, selected, ...select },
  ref,
) {
  const id = useId();
  const [query, setQuery] = useState("");
  const groups = useMemo(() => {
    // Folded as the server's search is: "darat-sekip" and "Darat Sekip" find "Daratsekip".
    const q = foldName(query);
    const byDistrict = new Map<string, { name: string; villages: VillageOption[] }>();
    for (const v of villages) {
      const district = v.parent ?? { code: "", name: "" };
      const matches = !q || foldName(v.name).includes(q) || foldName(district.name).includes(q) || v.code === selected;
      if (!matches) continue;
      const group = byDistrict.get(district.code) ?? { name: district.name, villages: [] };
      group.villages.push(v);
      byDistrict.set(district.code, group);
    }
    return [...byDistrict.values()];
  }, [villages, query, selected]);

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        type="search"
        className="picker-search"
        placeholder={t("members.villageSearch")}
        aria-label={t("members.villageSearch")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <select id={id} ref={ref} aria-invalid={error ? true : undefined} {...select}>
        <option value="">{t("members.villageChoose")}</option>
        {groups.map((g) => (
          <optgroup key={g.name} label={`Kec. ${g.name}`}>
            {g.villages.map((v) => (
              <option key={v.code} value={v.code}>
                {v.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
});
