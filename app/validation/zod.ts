// zod as the whole portal uses it, configured once: every message a schema does not set itself
// comes from zod's Indonesian locale, so no English message from zod can reach a form, in the
// browser or on the server. Import `z` from here, never from "zod" (a lint rule says so).
import { z } from "zod";

z.config(z.locales.id());

export { z };
