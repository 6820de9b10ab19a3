import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { foldVietnamese, vietnameseSortKey } from "@eduplan/domain";
import * as schema from "./schema/index.js";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const CORE_MIGRATIONS_FOLDER = fileURLToPath(new URL("../drizzle", import.meta.url));

/** The database file named by EDUPLAN_DB, or ./data/eduplan.db. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.EDUPLAN_DB ?? "./data/eduplan.db");
}

/**
 * Open (creating when missing) a SQLite database file with WAL and foreign keys on, and bring it to the latest
 * schema. This is the only place that knows SQLite pragmas.
 */
export function openDatabase(file: string = defaultDatabasePath(), options: { migrate?: boolean } = {}): Db {
  if (file !== ":memory:") mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  // SQLite has no Vietnamese collation: sort by a key computed in JavaScript.
  sqlite.function("vi_sort_key", { deterministic: true }, (text: unknown) => (typeof text === "string" ? vietnameseSortKey(text) : text));
  // `filter.q` on tables without a maintained searchText column folds their text on the fly.
  sqlite.function("eduplan_fold", { deterministic: true }, (text: unknown) => (typeof text === "string" ? foldVietnamese(text) : text));
  const db = drizzle(sqlite, { schema, casing: "snake_case" }) as Db;
  if (options.migrate !== false) migrateDatabase(db);
  return db;
}

export function migrateDatabase(db: Db, migrationsFolder = CORE_MIGRATIONS_FOLDER): void {
  migrate(db, { migrationsFolder });
}

export function closeDatabase(db: Db): void {
  db.$client.close();
}
