// The document worker from source (development and tests): tsx compiles the TypeScript and
// resolves the `~` alias in this thread, then the worker itself is loaded (docs/decisions/032).
import { register } from "tsx/esm/api";

register();
const { default: run } = await import("./render.worker.ts");
export default run;
