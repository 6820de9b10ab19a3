import { defineConfig } from "drizzle-kit";

/** The plugin's own migrations (`pnpm db:generate`), applied by the host with `applyPluginMigrations`. */
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/schema.ts",
  out: "./drizzle",
  casing: "snake_case",
});
