import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

/** Columns every entity table has: identity, optimistic-concurrency version, timestamps. */
export const entityColumns = () => ({
  id: integer().primaryKey({ autoIncrement: true }),
  version: integer().notNull().default(1),
  createdAt: text().notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text().notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** Lowercase, diacritic-free copy of the names, for "lang son" to find "Lạng Sơn". */
export const searchColumn = () => text().notNull().default("");

export const bool = () => integer({ mode: "boolean" });

/** The Vietnamese sort key of the resource's name (`vietnameseSortKey`), kept on write and indexed: a sorted page is an index scan. */
export const sortKeyColumn = () => text().notNull().default("");
