/**
 * Bringing a PostgreSQL database to the latest schema: the core's committed migrations (`drizzle-pg/`, drizzle's
 * migrator, tracked in `drizzle.__drizzle_migrations`) and a plugin's (`NNNN_name.sql`, tracked in
 * `plugin_migrations` as on SQLite). Also the type hints `describeSqlite` needs (booleans and JSON are invisible in a
 * SQLite file).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { toSnakeCase } from "drizzle-orm/casing";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import pg from "pg";
import { EduplanError } from "../errors.js";
import * as sqliteSchema from "../schema/index.js";
import { pluginTablePrefix } from "../sqlite/plugin-migrations.js";
import { sqliteTablesOf } from "./derive.js";

export const CORE_PG_MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle-pg", import.meta.url));

/** Applies the core PostgreSQL migrations not applied yet, then those of the plugins given ([plugin id, folder]). */
export async function migratePostgres(url: string, options: { migrationsFolder?: string; plugins?: (readonly [string, string])[] } = {}): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: options.migrationsFolder ?? CORE_PG_MIGRATIONS_FOLDER });
    for (const [pluginId, folder] of options.plugins ?? []) await applyPluginMigrationsPg(client, pluginId, folder);
  } finally {
    await client.end();
  }
}

/**
 * Applies a plugin's PostgreSQL migrations not applied yet, each in its own transaction with its `plugin_migrations`
 * row; refuses a migration that touches a table outside the plugin's prefix. Returns the names applied.
 */
export async function applyPluginMigrationsPg(client: pg.ClientBase, pluginId: string, folder: string): Promise<string[]> {
  const prefix = pluginTablePrefix(pluginId);
  const applied: string[] = [];
  for (const file of readdirSync(folder).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort()) {
    const name = file.replace(/\.sql$/, "");
    const done = await client.query("select 1 from plugin_migrations where plugin_id = $1 and name = $2", [pluginId, name]);
    if (done.rowCount) continue;
    const text = readFileSync(join(folder, file), "utf8");
    for (const [, table] of text.matchAll(/(?:create|alter|drop)\s+table\s+(?:if\s+(?:not\s+)?exists\s+)?[`"]?([A-Za-z0-9_]+)/gi))
      if (!table!.startsWith(prefix))
        throw new EduplanError("validation", {
          vi: `Plugin ${pluginId}: bảng '${table}' phải có tiền tố '${prefix}'`,
          en: `plugin ${pluginId}: table '${table}' must be prefixed '${prefix}'`,
        });
    await client.query("begin");
    try {
      for (const statement of text.split("--> statement-breakpoint")) if (statement.trim()) await client.query(statement);
      await client.query("insert into plugin_migrations (plugin_id, name, applied_at) values ($1, $2, $3)", [pluginId, name, new Date().toISOString()]);
      await client.query("commit");
    } catch (e) {
      await client.query("rollback");
      throw e;
    }
    applied.push(name);
  }
  return applied;
}

/** The columns of SQLite tables whose type family the file does not show: table → column → "boolean" | "json" | "timestamp". */
export function sqliteTypeHints(tables: Record<string, SQLiteTable> = sqliteTablesOf(sqliteSchema)): Record<string, Record<string, "boolean" | "json" | "timestamp">> {
  const hints: Record<string, Record<string, "boolean" | "json" | "timestamp">> = {};
  for (const table of Object.values(tables)) {
    const config = getTableConfig(table);
    for (const column of config.columns) {
      const family = column.columnType === "SQLiteBoolean" ? "boolean" : column.columnType === "SQLiteTextJson" ? "json" : column.columnType === "SQLiteTimestamp" ? "timestamp" : null;
      if (family) (hints[config.name] ??= {})[column.keyAsName ? toSnakeCase(column.name) : column.name] = family;
    }
  }
  return hints;
}
