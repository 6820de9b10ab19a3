/**
 * The checks of the write path (and the area of reads), applied by the repository inside the transaction of every
 * write: role, the area of the record before and after, every reference column against the user's area, the lock.
 * Nothing above the repository repeats them.
 */
import { and, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { fieldError, EduplanError, validation } from "./errors.js";
import { isWithin, withinCondition, withinOrAboveCondition } from "./area.js";
import { isAdministrator, type Principal } from "./principal.js";
import type { AnyResource, Executor, RefRule, Row, Tx } from "./resource.js";
import type { FieldError } from "@eduplan/domain";
import { first, one } from "./query.js";

const registry = new Map<SQLiteTable, AnyResource>();

/** Make a resource known to the reference checks of other resources (every definition registers itself). */
export function registerResource(def: AnyResource): void {
  registry.set(def.table, def);
}

export const resourceOfTable = (table: SQLiteTable): AnyResource | undefined => registry.get(table);

const columnsOf = (def: AnyResource) => getTableColumns(def.table) as Record<string, SQLiteColumn>;
const idColumn = (def: AnyResource) => columnsOf(def).id!;

export const outOfArea = (def: AnyResource, field?: string) =>
  new EduplanError(
    "forbidden",
    field
      ? { vi: `Bản ghi được tham chiếu ở trường "${field}" nằm ngoài địa bàn của bạn`, en: `the record referenced by ${field} is outside your area` }
      : { vi: `${capitalise(def.entityVi)} này nằm ngoài địa bàn của bạn`, en: `this ${def.name} record is outside your area` },
    field ? [fieldError(field, "outside your area", "Nằm ngoài địa bàn của bạn")] : [],
  );

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const noLocality = () =>
  new EduplanError("forbidden", { vi: "Tài khoản của bạn chưa được gắn với địa bàn nào.", en: "Your account has no locality." });

/** The user's role may read / write this resource (and a user other than an administrator has a locality). */
export function assertRole(def: AnyResource, principal: Principal, access: "read" | "write"): void {
  const roles = access === "read" ? def.access.read : def.access.write;
  if (!roles.includes(principal.role))
    throw new EduplanError(
      "forbidden",
      access === "read"
        ? { vi: `Vai trò của bạn không được xem ${def.entityVi}.`, en: `Your role (${principal.role}) may not read ${def.name}.` }
        : { vi: `Vai trò của bạn không được thay đổi ${def.entityVi}.`, en: `Your role (${principal.role}) may not change ${def.name}.` },
    );
  if (!isAdministrator(principal) && principal.localityId === null) throw noLocality();
}

/**
 * SQL restricting a resource's rows to what the user may read; undefined = everything (administrators). With
 * `ownArea`, only the user's own area: not the public records above it (the tasks due in *their* area).
 */
export function readCondition(db: Executor, def: AnyResource, principal: Principal, options: { ownArea?: boolean } = {}): SQL | undefined {
  if (isAdministrator(principal)) return undefined;
  const root = principal.localityId;
  if (root === null) return sql`0`;
  const area = areaCondition(def, root, options.ownArea ?? false);
  const extra = def.readFilter?.(db, principal);
  return area && extra ? and(area, extra) : (area ?? extra);
}

function areaCondition(def: AnyResource, root: number, ownArea: boolean): SQL | undefined {
  const scope = def.scope;
  const inArea = (column: SQLiteColumn) => (def.publicToDescendants && !ownArea ? withinOrAboveCondition(column, root) : withinCondition(column, root));
  switch (scope.kind) {
    case "global":
      return undefined;
    case "locality":
      return inArea(columnsOf(def)[scope.column]!);
    case "tree":
      return inArea(idColumn(def));
    case "via": {
      const parent = scope.parent();
      const parentArea = areaCondition(parent, root, ownArea);
      return sql`${columnsOf(def)[scope.column]} in (select ${idColumn(parent)} from ${parent.table}${parentArea ? sql` where ${parentArea}` : sql``})`;
    }
  }
}

/** May the user read this stored row (their area, the public records above it, and the resource's own filter)? */
export async function isReadable(db: Executor, def: AnyResource, principal: Principal, row: Row): Promise<boolean> {
  if (isAdministrator(principal)) return true;
  const condition = readCondition(db, def, principal);
  if (condition && !(await first(db.select({ one: sql`1` }).from(def.table).where(and(eq(idColumn(def), row.id), condition))))) return false;
  return def.isVisible ? def.isVisible(db, principal, row) : true;
}

export async function assertReadable(db: Executor, def: AnyResource, principal: Principal, row: Row): Promise<void> {
  if (!(await isReadable(db, def, principal, row))) throw outOfArea(def);
}

/** The locality a record belongs to for writes: a number, null for a record of no locality, or "global". */
type WriteArea = { kind: "global" } | { kind: "none" } | { kind: "locality"; id: number };

const unknownReference = (field: string, value: unknown) =>
  validation([fieldError(field, `unknown reference #${String(value)}`, `Bản ghi được tham chiếu #${String(value)} không tồn tại`)]);

async function writeAreaOf(db: Executor, def: AnyResource, record: Record<string, unknown>): Promise<WriteArea> {
  const scope = def.scope;
  const localityAt = async (field: string): Promise<WriteArea> => {
    const value = record[field];
    if (value === null || value === undefined) return { kind: "none" };
    const found = await one<{ id: number }>(db, sql`select id from localities where id = ${Number(value)}`);
    if (!found) throw unknownReference(field, value);
    return { kind: "locality", id: found.id };
  };
  switch (scope.kind) {
    case "global":
      return { kind: "global" };
    case "locality":
      return localityAt(scope.column);
    case "tree":
      return localityAt("parentId");
    case "via": {
      const parent = scope.parent();
      const value = record[scope.column];
      if (value === null || value === undefined) return { kind: "none" };
      const parentRow = (await first(db.select().from(parent.table).where(eq(idColumn(parent), Number(value))))) as Row | undefined;
      if (!parentRow) throw unknownReference(scope.column, value);
      return writeAreaOf(db, parent, parentRow);
    }
  }
}

async function inWritableArea(principal: Principal, db: Executor, area: WriteArea): Promise<boolean> {
  if (isAdministrator(principal)) return true;
  if (area.kind === "global") return true; // the role decides (reference data is written by administrators only)
  if (area.kind === "none" || principal.localityId === null) return false;
  return isWithin(db, principal.localityId, area.id);
}

/** The record (stored, or as the write would leave it) lies in the user's area for writing. */
export async function assertWritable(db: Executor, def: AnyResource, principal: Principal, record: Record<string, unknown>): Promise<void> {
  const area = await writeAreaOf(db, def, record);
  if (!(await inWritableArea(principal, db, area))) throw outOfArea(def);
}

type ForeignRef = { field: string; table: SQLiteTable; column: SQLiteColumn; tableName: string };
const foreignRefsCache = new WeakMap<SQLiteTable, ForeignRef[]>();

/** The single-column foreign keys of a table, as (field of the record → referenced table and column). */
export function foreignRefs(table: SQLiteTable): ForeignRef[] {
  const cached = foreignRefsCache.get(table);
  if (cached) return cached;
  const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
  const refs: ForeignRef[] = [];
  for (const fk of getTableConfig(table).foreignKeys) {
    const ref = fk.reference();
    if (ref.columns.length !== 1) continue;
    const field = columns.find(([, c]) => c === ref.columns[0])?.[0];
    if (!field) continue;
    refs.push({ field, table: ref.foreignTable, column: ref.foreignColumns[0]!, tableName: getTableConfig(ref.foreignTable).name });
  }
  foreignRefsCache.set(table, refs);
  return refs;
}

async function checkReference(db: Executor, principal: Principal, rule: RefRule, target: AnyResource, row: Row, field: string): Promise<FieldError | null> {
  if (isAdministrator(principal) || rule === "exists") return null;
  // A locality named by a reference is in the area when it is itself there (its parent is where the record is written).
  const area: WriteArea = target.scope.kind === "tree" ? { kind: "locality", id: row.id } : await writeAreaOf(db, target, row);
  const allowed = rule === "readable" ? await isReadable(db, target, principal, row) : await inWritableArea(principal, db, area);
  return allowed ? null : fieldError(field, "the referenced record is outside your area", "Bản ghi được tham chiếu nằm ngoài địa bàn của bạn");
}

/**
 * Every id in `data` names an existing record (else a validation error on that field), and one the user may point at
 * (else FORBIDDEN, naming the field): a plan's parent, a task's assignees, a report's agency… of another province are
 * refused, whoever calls.
 */
export async function assertReferences(db: Executor, def: AnyResource, principal: Principal, data: Record<string, unknown>): Promise<void> {
  const missing: FieldError[] = [];
  const outside: FieldError[] = [];
  for (const ref of foreignRefs(def.table)) {
    const value = data[ref.field];
    if (value === null || value === undefined) continue;
    const rule = (def.refs as Record<string, RefRule | undefined>)[ref.field];
    if (!rule) throw new Error(`resource ${def.name}: reference column ${ref.field} has no declared rule`);
    const found = (await first(db.select().from(ref.table).where(eq(ref.column, value as string | number)))) as Row | undefined;
    if (!found) {
      const vi = resourceOfTable(ref.table)?.entityVi ?? ref.tableName;
      missing.push(fieldError(ref.field, `unknown ${ref.tableName.replace(/_/g, " ")} ${typeof value === "number" ? "#" : ""}${String(value)}`, `${capitalise(vi)} ${typeof value === "number" ? "#" : ""}${String(value)} không tồn tại`));
      continue;
    }
    const target = resourceOfTable(ref.table);
    const problem = target ? await checkReference(db, principal, rule, target, found, ref.field) : null;
    if (problem) outside.push(problem);
  }
  for (const [field, vref] of Object.entries(def.virtualRefs ?? {})) {
    const ids = data[field];
    if (!Array.isArray(ids) || !ids.length) continue;
    const target = vref.resource();
    const rows = (await db.select().from(target.table).where(inArray(idColumn(target), ids as number[]))) as Row[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [i, id] of ids.entries()) {
      const row = byId.get(Number(id));
      if (!row) missing.push(fieldError(`${field}.${i}`, `unknown ${target.name} #${String(id)}`, `${capitalise(target.entityVi)} #${String(id)} không tồn tại`));
      else {
        const problem = await checkReference(db, principal, vref.rule, target, row, `${field}.${i}`);
        if (problem) outside.push(problem);
      }
    }
  }
  if (missing.length) throw validation(missing);
  if (outside.length)
    throw new EduplanError(
      "forbidden",
      { vi: `Bản ghi được tham chiếu nằm ngoài địa bàn của bạn: ${outside.map((e) => e.path).join(", ")}`, en: `referenced records outside your area: ${outside.map((e) => e.path).join(", ")}` },
      outside,
    );
}

/** The record may change now (not an approved report, not a figure published from one, not a closed period). */
export async function assertUnlocked(tx: Tx, def: AnyResource, row: Record<string, unknown>): Promise<void> {
  const locked = await def.lock?.(tx, row);
  if (locked) throw locked;
}
