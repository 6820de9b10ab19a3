/**
 * Where a locality stands in the tree: the only module that reads `locality_closure` (with `sqlite/aggregates.ts`, which
 * keeps it). Every area check of the write path, every scoped list and every rollup read goes through these functions,
 * so a second database engine replaces them in one place.
 */
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Executor } from "./resource.js";
import { one, rows } from "./query.js";

/** Is `localityId` the root itself or below it? One indexed lookup. */
export async function isWithin(db: Executor, rootId: number, localityId: number): Promise<boolean> {
  return !!(await one(db, sql`select 1 from locality_closure where ancestor_id = ${rootId} and descendant_id = ${localityId}`));
}

/** Is `localityId` strictly above `id` (one of its ancestors)? */
export async function isAncestorOf(db: Executor, localityId: number, id: number): Promise<boolean> {
  return !!(await one(db, sql`select 1 from locality_closure where ancestor_id = ${localityId} and descendant_id = ${id} and depth > 0`));
}

/** Ids of a locality's ancestors, nearest first (excluding itself). */
export async function ancestorsOf(db: Executor, id: number): Promise<number[]> {
  return (await rows<{ id: number }>(db, sql`select ancestor_id as id from locality_closure where descendant_id = ${id} and depth > 0 order by depth`)).map((r) => r.id);
}

/** Ids of a locality and every locality below it. */
export async function subtreeOf(db: Executor, rootId: number): Promise<number[]> {
  return (await rows<{ id: number }>(db, sql`select descendant_id as id from locality_closure where ancestor_id = ${rootId}`)).map((r) => r.id);
}

/** The nearest locality at one of `levels` at or above `id` (the province of a school), or null. */
export async function nearestAtLevel(db: Executor, id: number, levels: readonly string[]): Promise<number | null> {
  if (!levels.length) return null;
  const row = await one<{ id: number }>(db, sql`select c.ancestor_id as id from locality_closure c join localities l on l.id = c.ancestor_id
      where c.descendant_id = ${id} and l.level_code in ${levels} order by c.depth limit 1`);
  return row?.id ?? null;
}

/** Every locality at or above `id` whose level is one of `levels`. */
export async function ancestorsAtLevels(db: Executor, id: number, levels: readonly string[]): Promise<{ id: number; code: string; levelCode: string; nameVi: string }[]> {
  if (!levels.length) return [];
  return rows(db, sql`select l.id as id, l.code as code, l.level_code as levelCode, l.name_vi as nameVi from localities l
      join locality_closure c on c.ancestor_id = l.id where c.descendant_id = ${id} and l.level_code in ${levels}`);
}

/** The locality and its ancestors with their levels, nearest first (itself at depth 0). */
export async function lineageOf(db: Executor, id: number): Promise<{ id: number; levelCode: string; depth: number }[]> {
  return rows(db, sql`select l.id as id, l.level_code as levelCode, c.depth as depth from locality_closure c join localities l on l.id = c.ancestor_id
      where c.descendant_id = ${id} order by c.depth`);
}

/** SQL: `column` names a locality within `rootId`'s subtree. */
export function withinCondition(column: SQLiteColumn | SQL, rootId: number): SQL {
  return sql`${column} in (select descendant_id from locality_closure where ancestor_id = ${rootId})`;
}

/** SQL: `column` names a locality within `rootId`'s subtree, or one of its ancestors (records public to descendants). */
export function withinOrAboveCondition(column: SQLiteColumn | SQL, rootId: number): SQL {
  return sql`${column} in (select descendant_id from locality_closure where ancestor_id = ${rootId}
                           union all select ancestor_id from locality_closure where descendant_id = ${rootId})`;
}

/** SQL: `column` names `id` itself or one of its ancestors. */
export function atOrAboveCondition(column: SQLiteColumn | SQL, id: number): SQL {
  return sql`${column} in (select ancestor_id from locality_closure where descendant_id = ${id})`;
}

/** SQL: `column` names a plugin enabled for the province (or any locality) at or above `localityId`. */
export function enabledPluginCondition(column: SQLiteColumn | SQL, localityId: number): SQL {
  return sql`${column} in (select plugin_id from locality_plugins where enabled = 1
                           and locality_id in (select ancestor_id from locality_closure where descendant_id = ${localityId}))`;
}

/** SQL: some locality at or below `root` (a column, for a correlated query) has a figure of the indicator-year. */
export function figureAtOrBelowCondition(root: SQLiteColumn | SQL | number, indicatorId: number, year: number): SQL {
  return sql`exists (select 1 from locality_closure c join indicator_values v on v.locality_id = c.descendant_id
                     where c.ancestor_id = ${root} and v.indicator_id = ${indicatorId} and v.year = ${year}
                       and (v.value is not null or (v.numerator is not null and v.denominator is not null)))`;
}

/** Children of `rootId` at one depth below it, joined to a table's locality column (`depth = 1` groups by child). */
export function childOfCondition(localityColumn: SQLiteColumn | SQL, rootId: number, depth = 1): SQL {
  return sql`${localityColumn} in (select descendant_id from locality_closure where ancestor_id = ${rootId} and depth = ${depth})`;
}

/** Rows (child locality id, descendant id) for grouping the figures below `rootId` by its children. */
export async function descendantsByChild(db: Executor, rootId: number): Promise<{ childId: number; descendantId: number }[]> {
  return rows(db, sql`select c1.descendant_id as childId, c2.descendant_id as descendantId
      from locality_closure c1 join locality_closure c2 on c2.ancestor_id = c1.descendant_id
      where c1.ancestor_id = ${rootId} and c1.depth = 1`);
}

/** Years (before `beforeYear`) in which some locality at or below `rootId` has a figure of the indicator, oldest first. */
export async function yearsWithFiguresAtOrBelow(db: Executor, rootId: number, indicatorId: number, beforeYear: number): Promise<number[]> {
  return (
    await rows<{ year: number }>(
      db,
      sql`select distinct v.year as year from locality_closure c join indicator_values v on v.locality_id = c.descendant_id
        where c.ancestor_id = ${rootId} and v.indicator_id = ${indicatorId} and v.year < ${beforeYear} order by v.year`,
    )
  ).map((r) => r.year);
}

/** Does any figure of the year at or below `rootId` come from the generated sample data ("dữ liệu mẫu")? */
export async function hasSyntheticFiguresAtOrBelow(db: Executor, rootId: number, year: number): Promise<boolean> {
  return !!(await one(db, sql`select 1 from indicator_values v join locality_closure c on c.descendant_id = v.locality_id
      where c.ancestor_id = ${rootId} and v.year = ${year} and v.is_synthetic = 1 limit 1`));
}
