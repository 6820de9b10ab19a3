// @ts-check
/**
 * The one ESLint configuration of the workspace, run once over every package by the root `lint` script (`eslint .`;
 * `npx eslint .` in a package folder finds this file too): ESLint's and typescript-eslint's recommended rules (syntax
 * only, no type information: fast, and type errors are the typecheck task's job), the rules of hooks for React code,
 * and the few choices below.
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
    files: ["**/*.tsx"],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
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
