/**
 * Locality scoping: which locality a record (or the new data of a write) belongs to, and whether that lies within the
 * user's area (their locality's subtree in the closure table).
 */
import { and, eq, getTableColumns, type SQL } from "drizzle-orm";
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { RESOURCES, fieldError, schema as s, validation, type Db, type ResourceDefinition, type Row, type Tx } from "@eduplan/db";
import type { FieldError } from "@eduplan/domain";
import type { SessionUser } from "./auth/session.js";
import { forbidden, outOfScope } from "./errors.js";
import { isAdmin } from "./policy.js";

type Executor = Db | Tx;

/** Root of the user's area for `CrudRepository.list({ scopeRoot })`: null = everything (administrators). */
export function scopeRootOf(user: SessionUser): number | null {
  if (isAdmin(user)) return null;
  if (user.localityId === null) throw forbidden("Your account has no locality.", "Tài khoản của bạn chưa được gắn với địa bàn nào.");
  return user.localityId;
}

/** Is `localityId` the root itself or below it? One indexed lookup in the closure table. */
export function isWithin(db: Executor, rootId: number, localityId: number): boolean {
  return !!db
    .select({ d: s.localityClosure.depth })
    .from(s.localityClosure)
    .where(and(eq(s.localityClosure.ancestorId, rootId), eq(s.localityClosure.descendantId, localityId)))
    .get();
}

/** Does the resource describe the locality tree itself (its scope column is its own id)? */
export const isLocalityTree = (def: ResourceDefinition) => def.scope.kind === "locality" && def.scope.column === "id";

export type Anchor =
  | { kind: "global" }
  | { kind: "unknown" }
  /** `localityId` null: the record the scope column points to does not exist. */
  | { kind: "locality"; field: string; localityId: number | null };

/** The locality a record (stored, or about to be) belongs to, following its resource's scope. */
export function anchorOf(db: Executor, def: ResourceDefinition, record: Record<string, unknown>): Anchor {
  const scope = def.scope;
  if (scope.kind === "global") return { kind: "global" };
  const ref = record[scope.column];
  const id = typeof ref === "number" ? ref : null;
  if (id === null) return { kind: "locality", field: scope.column, localityId: null };
  switch (scope.kind) {
    case "locality": {
      const found = db.select({ id: s.localities.id }).from(s.localities).where(eq(s.localities.id, id)).get();
      return { kind: "locality", field: scope.column, localityId: found ? id : null };
    }
    case "plan": {
      const plan = db.select({ localityId: s.plans.localityId }).from(s.plans).where(eq(s.plans.id, id)).get();
      return { kind: "locality", field: scope.column, localityId: plan?.localityId ?? null };
    }
    case "target": {
      const row = db
        .select({ localityId: s.plans.localityId })
        .from(s.targets)
        .innerJoin(s.plans, eq(s.plans.id, s.targets.planId))
        .where(eq(s.targets.id, id))
        .get();
      return { kind: "locality", field: scope.column, localityId: row?.localityId ?? null };
    }
    case "report": {
      const report = db.select({ localityId: s.reports.localityId }).from(s.reports).where(eq(s.reports.id, id)).get();
      return { kind: "locality", field: scope.column, localityId: report?.localityId ?? null };
    }
    default:
      // A scope this module does not know yet: fail closed (administrators only).
      return { kind: "unknown" };
  }
}

/** May the user read this stored record? Throws FORBIDDEN when it lies outside their area. */
export function assertReadable(db: Executor, user: SessionUser, def: ResourceDefinition, row: Row): void {
  const root = scopeRootOf(user);
  if (root === null) return;
  const anchor = anchorOf(db, def, row);
  if (anchor.kind === "global") return;
  if (anchor.kind === "unknown" || anchor.localityId === null || !isWithin(db, root, anchor.localityId)) throw outOfScope(def.entityVi, def.name);
}

const unknownReference = (field: string, value: unknown) =>
  validation([fieldError(field, `unknown reference #${String(value)}`, `Bản ghi được tham chiếu #${String(value)} không tồn tại`)]);

/**
 * May the user write a record belonging where `record` says? Unknown references in the scope column are a
 * validation error (BAD_REQUEST); a locality outside the user's area is FORBIDDEN.
 * For the locality tree, the anchor of a create, a delete or a move is the parent: an officer manages the localities
 * below their own, and cannot create a root, delete their own locality, or move one out of their area.
 */
export function assertWritable(
  db: Executor,
  user: SessionUser,
  def: ResourceDefinition,
  record: Record<string, unknown>,
  options: { anchorField?: string } = {},
): void {
  const root = scopeRootOf(user);
  if (isLocalityTree(def) && options.anchorField === "parentId") {
    const parentId = record.parentId;
    if (parentId === null || parentId === undefined) {
      if (root !== null) throw outOfScope(def.entityVi, def.name);
      return;
    }
    const found = db.select({ id: s.localities.id }).from(s.localities).where(eq(s.localities.id, Number(parentId))).get();
    if (!found) throw unknownReference("parentId", parentId);
    if (root !== null && !isWithin(db, root, found.id)) throw outOfScope(def.entityVi, def.name);
    return;
  }
  const anchor = anchorOf(db, def, record);
  if (anchor.kind === "global") return;
  if (anchor.kind === "unknown") {
    if (root !== null) throw outOfScope(def.entityVi, def.name);
    return;
  }
  if (anchor.localityId === null) throw unknownReference(anchor.field, record[anchor.field]);
  if (root !== null && !isWithin(db, root, anchor.localityId)) throw outOfScope(def.entityVi, def.name);
}

const VI_NAME_BY_TABLE = new Map<SQLiteTable, string>([
  ...Object.values(RESOURCES).map((d) => [d.table, d.entityVi] as [SQLiteTable, string]),
  [s.educationLevels, "cấp học"],
  [s.localityLevels, "cấp địa bàn"],
  [s.collectiveAssignees, "nhóm cơ quan"],
]);

type ForeignRef = { field: string; table: SQLiteTable; column: SQLiteColumn; tableName: string };
const foreignRefsCache = new WeakMap<SQLiteTable, ForeignRef[]>();

/** The foreign keys of a table, as (field of the record → referenced table and column). */
function foreignRefs(table: SQLiteTable): ForeignRef[] {
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

/**
 * Every referenced id in `data` must exist: an unknown agency, plan, indicator, locality… is the user's mistake, said
 * as a validation error on that field (BAD_REQUEST), never a foreign-key failure of the database.
 */
export function assertReferencesExist(db: Executor, def: ResourceDefinition, data: Record<string, unknown>): void {
  const errors: FieldError[] = [];
  for (const ref of foreignRefs(def.table)) {
    const value = data[ref.field];
    if (value === null || value === undefined) continue;
    const where: SQL = eq(ref.column, value as never);
    const found = db.select({ one: ref.column }).from(ref.table).where(where).get();
    if (!found) {
      const vi = VI_NAME_BY_TABLE.get(ref.table) ?? ref.tableName;
      errors.push(
        fieldError(ref.field, `unknown ${ref.tableName.replace(/_/g, " ")} ${typeof value === "number" ? "#" : ""}${String(value)}`, `${vi[0]!.toUpperCase()}${vi.slice(1)} ${typeof value === "number" ? "#" : ""}${String(value)} không tồn tại`),
      );
    }
  }
  if (errors.length) throw validation(errors);
}

