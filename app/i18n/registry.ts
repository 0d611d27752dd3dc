// The texts t() reads in the browser. The server and the tests read the whole catalogue
// (app/i18n/id.ts); the browser build replaces that module with this registry, and each module
// adds the texts of the keys it names before its own code runs (scripts/lib/catalogue-split.ts,
// docs/decisions/028), so that a page ships only the texts of the code it loads.
export const messages: Record<string, string> = {};

export function addMessages(texts: Record<string, string>) {
  Object.assign(messages, texts);
}
