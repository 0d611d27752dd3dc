// Which catalogue keys a module of the browser build carries (scripts/lib/catalogue-split.ts,
// docs/decisions/028): the keys its code names, in every form the code names them.
import { describe, expect, it } from "vitest";
import { id } from "~/i18n/id";
import { catalogueKeysIn, keyIndex } from "../../scripts/lib/catalogue-split";

const index = keyIndex(Object.keys(id));
const keysIn = (code: string) => catalogueKeysIn(code, index);

describe("the keys a module names", () => {
  it("are its string literals that are keys", () => {
    expect(keysIn(`const a = t("activities.form.title"); const b = 'nav.menu';`)).toEqual(["activities.form.title", "nav.menu"]);
    expect(keysIn(`const a = "activities.form"; const b = "hello.world"; const c = "Kegiatan"; const d = "app.css";`)).not.toContain(
      "hello.world",
    );
  });

  it("take every key under the head of a template literal", () => {
    const keys = keysIn("const label = (s) => t(`activities.source.${s}`);");
    expect(keys).toEqual(["activities.source.apbd", "activities.source.apbn", "activities.source.csr", "activities.source.swadaya"]);
    expect(keysIn("const k = `member.status.${status}`;")).toContain("member.status.aktif");
  });

  it("take a complete template literal as a key", () => {
    expect(keysIn("const k = `nav.menu`;")).toEqual(["nav.menu"]);
  });

  it("follow keys kept in arrays and objects, and prefixes joined to a value later", () => {
    const code = `
      const NAV = [{ to: "/", label: "nav.dashboard" }, { to: "/members", label: "nav.members" }];
      const LABELS = { ok: "import.title" };
      const prefix = "activities.status.";
      const group = "activities.followUp";
      export const label = (s) => t(prefix + s) + t(group + "." + s) + t(NAV[0].label);`;
    const keys = keysIn(code);
    expect(keys).toEqual(
      expect.arrayContaining(["nav.dashboard", "nav.members", "import.title", "activities.status.draft", "activities.followUp.selesai"]),
    );
  });

  it("ignore literals that only look like keys, and a group's name without a dot", () => {
    expect(keysIn(`const a = "relawan@demo.ipsm.id"; const b = "activities"; const c = "./app.css"; const d = "1.5";`)).toEqual([]);
  });

  it("read JSX once compiled (the plugin sees the code after TypeScript)", () => {
    const code = `import { jsx } from "react/jsx-runtime"; export const A = () => jsx("h1", { "aria-label": t("activities.form.title"), children: t(\`activities.followUp.\${"baru"}\`) });`;
    expect(keysIn(code)).toEqual([
      "activities.followUp.baru",
      "activities.followUp.proses",
      "activities.followUp.selesai",
      "activities.form.title",
    ]);
  });
});
