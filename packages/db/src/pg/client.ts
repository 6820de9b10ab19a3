/**
 * A drizzle database over PostgreSQL with the derived tables (`pgTables`), for the engine step to build on: one pool
 * per process, snake_case columns as on SQLite. Nothing in the product uses it yet.
 */
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { pgTables } from "./schema.js";

export type PgDb = NodePgDatabase<typeof pgTables> & { $client: pg.Pool };

export function openPostgres(url: string, options: { max?: number } = {}): PgDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  return drizzle(pool, { schema: pgTables, casing: "snake_case" }) as PgDb;
}

export async function closePostgres(db: PgDb): Promise<void> {
  await db.$client.end();
}
