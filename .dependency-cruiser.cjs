// The import graph the architecture promises (docs/decisions/016, 017), checked by `npm run lint`:
// no circles; documents, components and validation never import the domain; the domain never
// imports routes or components; routes never import the database; app/http (requests and
// responses) sits between routes and the domain.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import circle: areas that need each other share a module below them instead (app/domain/catalogues, app/domain/shared).",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-circular-types",
      severity: "error",
      comment: "A circle through type imports too: the type belongs to the lower module.",
      from: {},
      to: { circular: true },
    },
    {
      name: "plain-layers-never-import-the-domain",
      severity: "error",
      comment: "Documents, components and validation take plain data and define their own input types; utils sit below the domain.",
      from: { path: "^app/(documents|components|validation|utils|i18n)/" },
      to: { path: "^app/domain/" },
    },
    {
      name: "validation-stays-at-the-bottom",
      severity: "error",
      comment:
        "Schemas run in the browser and the server alike; they build on zod, the messages and the generated enums only (formatting lives in app/utils/format.ts, which may use them).",
      from: { path: "^app/validation/" },
      to: { path: "^app/(utils|documents|components|routes)/" },
    },
    {
      name: "http-layer-sits-above-the-domain",
      severity: "error",
      comment:
        "app/http turns requests into actors and outcomes into responses (sessions, sign-in, file downloads): routes use it; the domain, documents, components, validation and utils never do.",
      from: { path: "^app/(domain|documents|components|validation|utils|i18n)/" },
      to: { path: "^app/http/" },
    },
    {
      name: "domain-never-imports-the-ui",
      severity: "error",
      from: { path: "^app/domain/" },
      to: { path: "^app/(routes|components)/" },
    },
    {
      name: "only-the-domain-talks-to-the-database",
      severity: "error",
      from: { path: "^app/", pathNot: "^app/(domain|generated)/|^app/utils/(db|audit)\\.server\\.ts$" },
      to: { path: "^app/utils/db\\.server\\.ts$|^app/generated/prisma/(client|internal|models)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^app/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js"],
    },
  },
};
