// @ts-check
/**
 * The one ESLint configuration of the workspace, run once over every package by the root `lint` script (`eslint .`;
 * `npx eslint .` in a package folder finds this file too): ESLint's and typescript-eslint's recommended rules, the
 * rules of hooks for React code, and the few choices below. Three rules use type information (typescript-eslint's
 * project service, one program per tsconfig, cached): the data layer is asynchronous and a drizzle query that is not
 * awaited never runs, so a Promise must never float, be passed where a plain value is expected, or be confused with a
 * value that is awaited. Other type errors are the typecheck task's job.
 */
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["**/node_modules/", "**/dist/", "**/test-output/", "**/coverage/", "**/.turbo/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `_`-prefixed names are unused on purpose (a parameter kept for its position, a destructured rest).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: {
      parserOptions: {
        // Files outside every package's tsconfig (a few scripts and benches) get the base compiler options.
        projectService: {
          allowDefaultProject: ["apps/server/bench/*.ts", "apps/console/bench/*.ts", "apps/console/bench/bare-app/src/*.tsx", "bench/*.ts", "packages/*/scripts/*.ts"],
          defaultProject: "tsconfig.base.json",
          // More than the default 8 such files (each is one small program).
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 20,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Every thenable, not only the built-in Promise: drizzle's query builders are thenables of their own class.
      "@typescript-eslint/no-floating-promises": ["error", { checkThenables: true }],
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      // Transactions go through `transaction(db, async (tx) => …)` of @eduplan/db (one per connection at a time, nested
      // calls as savepoints, the no-I/O rule): never drizzle's or better-sqlite3's own `.transaction(…)`.
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='transaction']",
          message: "Use transaction(db, async (tx) => …) from @eduplan/db, never a connection's own .transaction(…).",
        },
      ],
    },
  },
  {
    // The one implementation of transactions.
    files: ["packages/db/src/transaction.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // Tool configuration files are in no package's program: syntax rules only.
    files: ["**/*.config.ts", "**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ["**/*.tsx"],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      // An async event handler (onClick={async () => …}) catches its own errors; a Promise elsewhere still may not float.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ["apps/console/src/**/*.ts"],
    languageOptions: { globals: globals.browser },
  },
  {
    // Tests read the API's answers over plain HTTP/JSON, untyped on purpose.
    files: ["**/*.test.ts", "**/*.test.tsx", "**/e2e/**", "**/test/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // `= {}` as a generic default means "no forms / no settings" here, where the type is only ever inferred.
    files: ["packages/plugin-sdk/src/plugin.ts"],
    rules: { "@typescript-eslint/no-empty-object-type": "off" },
  },
);
