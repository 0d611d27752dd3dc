import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Imports that keep the layers apart (docs/decisions/003, 016, 017). ESLint does not merge the
// options of one rule across config blocks, so each block lists every restriction it needs.
const ZOD = { name: "zod", message: 'Import { z } from "~/validation/zod" (zod with Indonesian messages).' };
const DATABASE = {
  group: ["~/utils/db.server", "~/generated/prisma/*", "!~/generated/prisma/enums", "@prisma/*"],
  message: "Only app/domain talks to the database (the coded values of ~/generated/prisma/enums are shared).",
};
const DOMAIN = {
  group: ["~/domain/*", "~/domain/**"],
  message:
    "Documents, components and validation take plain data and define their own input types: the domain imports them, never the other way (docs/decisions/017).",
};

export default tseslint.config(
  { ignores: ["build/**", "app/generated/**", "node_modules/**", "tests/.tmp/**", "data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "no-restricted-imports": ["error", { paths: [ZOD] }],
    },
  },
  {
    // Routes never talk to Prisma: domain modules do.
    files: ["app/routes/**"],
    rules: { "no-restricted-imports": ["error", { paths: [ZOD], patterns: [DATABASE] }] },
  },
  {
    // Documents, components and validation take plain data: no database, no domain.
    files: ["app/documents/**", "app/components/**", "app/validation/**"],
    rules: { "no-restricted-imports": ["error", { paths: [ZOD], patterns: [DATABASE, DOMAIN] }] },
  },
  {
    files: ["app/validation/zod.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
