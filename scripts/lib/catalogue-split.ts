// The message catalogue in the browser build, split by module (docs/decisions/028). The server
// keeps the whole catalogue (app/i18n/id.ts). In the browser build, each module of app/ carries
// the texts of the keys it names: every string literal that is a key, and every key that starts
// with a literal's text when the literal is a prefix (the head of a template literal such as
// `activities.source.${s}`, or a literal such as "member.status." or "activities.status" joined
// to a value later). Those texts are added to the registry (app/i18n/registry.ts) before the
// module's own code runs, and the browser's t() reads the registry. A page thus ships the texts
// of the modules it loads, and nothing else; `npm run dev` is untouched (whole catalogue).
//
// Keys that travel as data from the server must be translated there (toasts, the menu, outcome
// messages): a key no module of the page names would show as the raw key, which the browser
// tests refuse (tests/support/browser.ts).
import path from "node:path";
import { parseAst, type Plugin } from "vite";

/** A catalogue key's shape: a first segment, then at least one dotted segment. */
const KEY_LIKE = /^[A-Za-z][\w-]*\.[\w.-]*$/;

/** Keys sorted, for prefix look-ups. */
export type KeyIndex = { keys: readonly string[]; set: ReadonlySet<string> };

export function keyIndex(keys: Iterable<string>): KeyIndex {
  const sorted = [...keys].sort();
  return { keys: sorted, set: new Set(sorted) };
}

function withPrefix(index: KeyIndex, prefix: string, found: Set<string>) {
  const { keys } = index;
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (keys[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  for (let n = low; n < keys.length && keys[n]!.startsWith(prefix); n++) found.add(keys[n]!);
}

/**
 * The catalogue keys a piece of text in the code stands for. `open` marks the head of a
 * template literal followed by a value (`activities.source.${s}`): every key starting with it.
 * Otherwise the literal itself when it is a key, and the keys below it when it names a group
 * ("member.status." or "activities.status", completed elsewhere).
 */
export function keysForLiteral(index: KeyIndex, text: string, open: boolean, found = new Set<string>()): Set<string> {
  if (!KEY_LIKE.test(text)) return found;
  if (open) {
    withPrefix(index, text, found);
    return found;
  }
  if (index.set.has(text)) found.add(text);
  withPrefix(index, text.endsWith(".") ? text : `${text}.`, found);
  return found;
}

type Node = { type: string; [field: string]: unknown };

/** Every catalogue key a module's code names (its string literals and template literals), sorted. */
export function catalogueKeysIn(code: string, index: KeyIndex, parse: (code: string) => unknown = parseAst): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const n = node as Node;
    if (n.type === "Literal" && typeof n.value === "string") keysForLiteral(index, n.value, false, found);
    if (n.type === "TemplateLiteral") {
      const quasis = n.quasis as { value: { cooked: string | null } }[];
      const head = quasis[0]?.value.cooked ?? "";
      keysForLiteral(index, head, quasis.length > 1, found);
    }
    for (const [field, value] of Object.entries(n)) if (field !== "type" && value && typeof value === "object") visit(value);
  };
  visit(parse(code));
  return [...found].sort();
}

/**
 * The Vite plugin (client build only). `catalogue` is the whole Indonesian catalogue; `appDir`
 * the app folder; `cataloguePath` app/i18n/id.ts (replaced by the registry in the browser) and
 * `registryPath` app/i18n/registry.ts.
 */
export function catalogueSplit({
  catalogue,
  appDir,
  cataloguePath = path.join(appDir, "i18n", "id.ts"),
  registryPath = path.join(appDir, "i18n", "registry.ts"),
}: {
  catalogue: Readonly<Record<string, string>>;
  appDir: string;
  cataloguePath?: string;
  registryPath?: string;
}): Plugin {
  const index = keyIndex(Object.keys(catalogue));
  const partsDir = path.join(appDir, "i18n", "id") + path.sep;
  const registry = JSON.stringify(registryPath.split(path.sep).join("/"));
  return {
    name: "portal-ipsm:catalogue-split",
    apply: "build",
    // after TypeScript and after Remix took the server code (loader, action) out of the routes:
    // only the literals the browser really gets count
    enforce: "post",
    transform(code, id, options) {
      if (options?.ssr || id.includes("?") || id.includes("\0")) return null;
      const file = path.normalize(id);
      if (!file.startsWith(appDir + path.sep) || !/\.[cm]?[jt]sx?$/.test(file)) return null;
      if (file === cataloguePath) {
        // the browser's catalogue is the registry, filled by the modules the page loads
        return { code: `export { messages as id } from ${registry};\nexport const parts = {};\n`, map: null };
      }
      if (file === registryPath || file.startsWith(partsDir)) return null;
      const keys = catalogueKeysIn(code, index, (source) => this.parse(source));
      if (keys.length === 0) return null;
      const texts = Object.fromEntries(keys.map((key) => [key, catalogue[key]]));
      return {
        code: `import { addMessages as __addMessages } from ${registry};\n__addMessages(${JSON.stringify(texts)});\n${code}`,
        map: null,
      };
    },
  };
}
