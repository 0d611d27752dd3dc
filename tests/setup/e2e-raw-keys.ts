// Browser suite: a test fails when a page it opened showed a raw catalogue key or hydrated
// differently from the server's HTML (tests/support/browser.ts, docs/decisions/028).
import { afterAll, afterEach } from "vitest";
import { takeRawCatalogueKeys } from "../support/browser";

function failOnRawKeys() {
  const seen = takeRawCatalogueKeys();
  if (seen.length) throw new Error(`A page showed raw catalogue keys (a text the browser lacks):\n${seen.join("\n")}`);
}

afterEach(failOnRawKeys);
afterAll(failOnRawKeys);
