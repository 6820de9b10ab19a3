import { defineConfig } from "drizzle-kit";

/**
 * PostgreSQL migrations (`db:generate:pg`), from the tables derived from the SQLite schema (`src/pg/schema.ts`).
 * `EDUPLAN_DATABASE_URL` is only read by the commands that connect (`drizzle-kit migrate`); generate and check do not.
 */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/pg/schema.ts",
  out: "./drizzle-pg",
  casing: "snake_case",
  dbCredentials: { url: process.env.EDUPLAN_DATABASE_URL ?? "postgres://localhost/eduplan" },
});
