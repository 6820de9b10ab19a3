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
  cachePreparedStatements(sqlite);
  const db = drizzle(sqlite, { schema, casing: "snake_case" }) as Db;
  if (options.migrate !== false) migrateDatabase(db);
  return db;
}

/**
 * drizzle prepares every query it runs; preparing is most of the cost of a small query in SQLite. Keep the prepared
 * statements by their SQL text (bounded), so the write path's many small queries are prepared once per process. A
 * statement handed out again is reset to object rows (drizzle switches it to raw rows itself where it wants them).
 */
function cachePreparedStatements(sqlite: Database.Database, size = 2000): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

export function migrateDatabase(db: Db, migrationsFolder = CORE_MIGRATIONS_FOLDER): void {
  migrate(db, { migrationsFolder });
}

export function closeDatabase(db: Db): void {
  db.$client.close();
}
