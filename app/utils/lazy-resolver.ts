// A react-hook-form resolver whose zod schema is loaded after the first paint (docs/decisions/028).
// A page that imports a schema statically ships the whole zod build (26 kB gzip) before it can
// be shown; @hookform/resolvers/zod needs zod only through the schema it is given. So a form
// names its schema by a loader defined once at module level,
//
//   const loadSchema = () => import("~/validation/members").then((m) => m.memberFormSchema);
//   useForm({ resolver: useLazyZodResolver(loadSchema), defaultValues })
//
// and the schema (with zod, and zodResolver with it) is fetched when the form is shown, so that
// it is there by the time the person submits. It is the schema the server parses with, so the
// messages beside the fields are the same catalogue texts. If it cannot be fetched (the signal
// dropped), the form is posted as it is and the server checks it. Type-only imports of the
// validation modules are free: they leave no trace in the browser build.
import { useEffect, useMemo } from "react";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "~/validation/zod";

/** A zod schema from `~/validation/*`, as a module-level `() => import(...).then((m) => m.schema)`. */
export type SchemaLoader<Output = unknown, Input = unknown> = () => Promise<z.ZodType<Output, Input>>;

type AnyResolver = Resolver<FieldValues, unknown, FieldValues>;

/** The resolver of each loader, loaded once per page (forms shown later reuse it); a failed load is tried again. */
const loads = new WeakMap<SchemaLoader, Promise<AnyResolver>>();

function loadResolver(load: SchemaLoader): Promise<AnyResolver | null> {
  let pending = loads.get(load);
  if (!pending) {
    pending = Promise.all([load(), import("@hookform/resolvers/zod")]).then(
      ([schema, { zodResolver }]) => zodResolver(schema as never) as unknown as AnyResolver,
    );
    loads.set(load, pending);
    pending.catch(() => loads.delete(load));
  }
  return pending.catch(() => null);
}

/** Starts loading the schema of `load` (and zod with it) without waiting for it. */
export function preloadSchema(load: SchemaLoader) {
  void loadResolver(load);
}

/**
 * react-hook-form's zodResolver for a schema loaded with import(): the first validation waits
 * for the schema (it is fetched at most once); when it cannot be loaded, the values pass as they
 * are, so the form is posted and the server answers with the same field errors.
 */
export function lazyZodResolver<Input extends FieldValues, Context, Output>(
  load: SchemaLoader<Output, Input>,
): Resolver<Input, Context, Output> {
  const resolve: AnyResolver = async (values, context, options) => {
    const resolver = await loadResolver(load as SchemaLoader);
    if (!resolver) return { values, errors: {} };
    return resolver(values, context, options);
  };
  return resolve as unknown as Resolver<Input, Context, Output>;
}

/**
 * lazyZodResolver for a form component: the schema starts loading as soon as the form is shown
 * (after the first paint), not at the first submit. `load` must be defined at module level.
 */
export function useLazyZodResolver<Input extends FieldValues, Context, Output>(
  load: SchemaLoader<Output, Input>,
): Resolver<Input, Context, Output> {
  useEffect(() => preloadSchema(load as SchemaLoader), [load]);
  return useMemo(() => lazyZodResolver<Input, Context, Output>(load), [load]);
}
