/**
 * Raw SQL against the database, in one place: the engine-specific calls (`all`, `get`, `run` of better-sqlite3 through
 * drizzle) sit here, behind Promises, so another engine replaces them here. Query builders are awaited directly
 * (`await db.select()…` gives the rows); `first` takes the first row of one.
 */
import type { SQLWrapper } from "drizzle-orm";
import type { Executor } from "./resource.js";

/** Every row of a raw query. */
export async function rows<T = Record<string, unknown>>(db: Executor, query: SQLWrapper): Promise<T[]> {
  return db.all<T>(query);
}

/** The first row of a raw query, or undefined. */
export async function one<T = Record<string, unknown>>(db: Executor, query: SQLWrapper): Promise<T | undefined> {
  return db.get<T>(query) ?? undefined;
}

/** Run a raw statement (or a script's statement given as text); how many rows it changed. */
export async function exec(db: Executor, query: SQLWrapper | string): Promise<{ changes: number }> {
  const result = db.run(query as SQLWrapper);
  return { changes: result.changes };
}

/** The first row of a query builder (`.limit(1)` of it), or undefined: what `.get()` was. */
export async function first<T>(query: { limit(n: number): PromiseLike<T[]> }): Promise<T | undefined> {
  const [row] = await query.limit(1);
  return row;
}
