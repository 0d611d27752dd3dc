// The whole catalogue on the server. In the browser build, "./id" is the registry of the texts the
// loaded modules name (scripts/lib/catalogue-split.ts, docs/decisions/028).
import { id, type MessageKey } from "./id";

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogues = { id } as const;
type Locale = keyof typeof catalogues;
const DEFAULT_LOCALE: Locale = "id";

/** Looks up a text in the catalogue and fills in `{name}` placeholders. */
export function t(key: MessageKey, params?: MessageParams, locale: Locale = DEFAULT_LOCALE): string {
  const template: string = catalogues[locale][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
