import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { id } from "~/i18n/id";
import { memberStatusLabel } from "~/i18n/labels";
import { MEMBER_STATUSES } from "~/validation/members";
import { NAV_ITEMS } from "~/utils/navigation";

describe("the Indonesian catalogue", () => {
  it("fills in placeholders", () => {
    expect(t("login.wait.minutes", { n: 15 })).toBe("15 menit");
    expect(t("pdf.page", { page: 2, pages: 3 })).toBe("Halaman 2 dari 3");
  });

  it("has a text for every key, every member status and every menu item", () => {
    for (const [key, text] of Object.entries(id)) expect(text.trim(), key).not.toBe("");
    for (const status of MEMBER_STATUSES) expect(memberStatusLabel(status)).not.toMatch(/^member\./);
    for (const item of NAV_ITEMS) expect(t(item.label)).not.toBe(item.label);
  });
});

describe("catalogue parts", () => {
  it("never define the same key twice", async () => {
    const { parts } = await import("~/i18n/id");
    const seen = new Map<string, string>();
    for (const [part, texts] of Object.entries(parts)) {
      for (const key of Object.keys(texts)) {
        expect(seen.get(key), `${key} in ${part}`).toBeUndefined();
        seen.set(key, part);
      }
    }
  });
});
