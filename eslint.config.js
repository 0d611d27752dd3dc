import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "app/generated/**", "node_modules/**", "tests/.tmp/**", "data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Route modules must not talk to Prisma: domain modules do (docs/decisions/003).
    files: ["app/routes/**", "app/components/**", "app/documents/**", "app/validation/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["~/utils/db.server", "~/generated/*", "@prisma/*"], message: "Only app/domain talks to the database." }],
        },
      ],
    },
  },
);
