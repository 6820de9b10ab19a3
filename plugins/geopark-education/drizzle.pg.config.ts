import { defineConfig } from "drizzle-kit";

/** The plugin's PostgreSQL migrations, from the tables derived from its SQLite schema; applied by `applyPluginMigrationsPg`. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/pg-schema.ts",
  out: "./drizzle-pg",
  casing: "snake_case",
});
