import { and, asc, desc, eq, getTableColumns, inArray, like, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { fieldErrorsFromZod, foldVietnamese, type FieldError } from "@eduplan/domain";
import type { z } from "zod";
import type { Db } from "./client.js";
import { EduplanError, fieldError, notFound, staleVersion, validation } from "./errors.js";
import { recordAudit, type Actor } from "./audit.js";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Row = Record<string, unknown> & { id: number; version: number };

/** How a record belongs to a locality, for scoping reads and writes to a user's area. */
export type Scope =
  | { kind: "locality"; column: string }
  | { kind: "plan"; column: string }
  | { kind: "target"; column: string }
  | { kind: "report"; column: string }
  | { kind: "global" };

export type ListParams = {
  pagination?: { page: number; perPage: number } | undefined;
  sort?: { field: string; order: "ASC" | "DESC" } | undefined;
  filter?: Record<string, unknown> | undefined;
  /** Restrict to records within this locality's subtree; null = everything. */
  scopeRoot?: number | null | undefined;
};

export type ResourceDefinition = {
  name: string;
  entityVi: string;
  table: SQLiteTable;
  /** Validates create input; `partial()` of it validates updates. */
  inputSchema: z.ZodType<Record<string, unknown>>;
  /** Validates the merged record on update, when it differs from `inputSchema` (users: password optional). */
  updateSchema?: z.ZodType<Record<string, unknown>>;
  /** Fields folded (without diacritics) into `searchText` for `filter.q`. */
  searchFields?: string[];
  scope: Scope;
  /** Columns never returned (password hashes). */
  hiddenColumns?: string[];
  /** Extra fields on output that are not columns (task assignees): loaded after reads, written after writes. */
  virtualFields?: string[];
  load?: (db: Db | Tx, rows: Row[]) => Row[];
  beforeWrite?: (tx: Tx, data: Record<string, unknown>, existing: Row | null) => Record<string, unknown>;
  afterWrite?: (tx: Tx, after: Row, before: Row | null, data: Record<string, unknown>) => void;
  beforeDelete?: (tx: Tx, row: Row) => void;
  /** Validation that needs the database (a target's value against its indicator's unit). */
  check?: (tx: Tx, merged: Record<string, unknown>) => FieldError[];
  /** Filters on something other than a column (tasks by agency): key → SQL condition for a value. */
  virtualFilters?: Record<string, (value: unknown) => SQL>;
  /** Default sort. */
  defaultSort?: { field: string; order: "ASC" | "DESC" };
};

const INTERNAL_COLUMNS = new Set(["searchText"]);

function columnsOf(def: ResourceDefinition): Record<string, SQLiteColumn> {
  return getTableColumns(def.table) as Record<string, SQLiteColumn>;
}

function column(def: ResourceDefinition, field: string): SQLiteColumn | undefined {
  if (INTERNAL_COLUMNS.has(field) || def.hiddenColumns?.includes(field)) return undefined;
  return columnsOf(def)[field];
}

/** SQL for "this record lies within `root`'s subtree", per the resource's scope. */
export function scopeCondition(def: ResourceDefinition, root: number): SQL | undefined {
  const inSubtree = sql`(select descendant_id from locality_closure where ancestor_id = ${root})`;
  switch (def.scope.kind) {
    case "global":
      return undefined;
    case "locality":
      return sql`${columnsOf(def)[def.scope.column]} in ${inSubtree}`;
    case "plan":
      return sql`${columnsOf(def)[def.scope.column]} in (select id from plans where locality_id in ${inSubtree})`;
    case "target":
      return sql`${columnsOf(def)[def.scope.column]} in (select t.id from targets t join plans p on p.id = t.plan_id where p.locality_id in ${inSubtree})`;
    case "report":
      return sql`${columnsOf(def)[def.scope.column]} in (select id from reports where locality_id in ${inSubtree})`;
  }
}

function publicRow(def: ResourceDefinition, row: Record<string, unknown>): Row {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (INTERNAL_COLUMNS.has(k) || def.hiddenColumns?.includes(k)) continue;
    out[k] = v;
  }
  return out as Row;
}

function filterConditions(def: ResourceDefinition, filter: Record<string, unknown>): SQL[] {
  const conditions: SQL[] = [];
  const errors: FieldError[] = [];
  for (const [key, raw] of Object.entries(filter)) {
    if (raw === undefined || raw === "") continue;
    if (key === "q") {
      const folded = foldVietnamese(String(raw)).replace(/[%_\\]/g, (c) => `\\${c}`);
      const search = columnsOf(def).searchText;
      if (search && folded) conditions.push(sql`${search} like ${`%${folded}%`} escape '\\'`);
      continue;
    }
    const virtual = def.virtualFilters?.[key];
    if (virtual) {
      conditions.push(virtual(raw));
      continue;
    }
    const col = column(def, key);
    if (!col) {
      errors.push(fieldError(`filter.${key}`, `unknown filter field '${key}'`, `Không lọc được theo trường '${key}'`));
      continue;
    }
    if (Array.isArray(raw)) conditions.push(raw.length ? inArray(col, raw) : sql`0`);
    else if (raw === null) conditions.push(sql`${col} is null`);
    else conditions.push(eq(col, typeof raw === "boolean" ? (raw ? 1 : 0) : (raw as never)));
  }
  if (errors.length) throw validation(errors);
  return conditions;
}

function searchTextOf(def: ResourceDefinition, record: Record<string, unknown>): string | undefined {
  if (!def.searchFields) return undefined;
  return foldVietnamese(
    def.searchFields
      .map((f) => record[f])
      .filter((v) => v !== null && v !== undefined)
      .map(String)
      .join(" "),
  );
}

function splitVirtual(def: ResourceDefinition, data: Record<string, unknown>) {
  const cols = columnsOf(def);
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (k in cols && k !== "id" && k !== "version") row[k] = v;
  return row;
}

function parseInput(def: ResourceDefinition, schema: z.ZodType, data: unknown): Record<string, unknown> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validation(fieldErrorsFromZod(parsed.error));
  return parsed.data as Record<string, unknown>;
}

/** Translate SQLite constraint failures into errors the user can act on. */
function translateConstraint(def: ResourceDefinition, error: unknown): never {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? "";
  if (code === "SQLITE_CONSTRAINT_UNIQUE") {
    const field = /\.(\w+)$/.exec(message.split(",").pop() ?? "")?.[1] ?? "code";
    const camel = field.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    throw new EduplanError(
      "conflict",
      { vi: `Đã có ${def.entityVi} khác với giá trị này (${camel})`, en: `another ${def.name} record already has this ${camel}` },
      [fieldError(camel, `already used by another record`, `Giá trị này đã được dùng`)],
    );
  }
  if (code === "SQLITE_CONSTRAINT_FOREIGNKEY") {
    throw new EduplanError("reference", {
      vi: `Không thực hiện được: ${def.entityVi} đang được tham chiếu bởi dữ liệu khác, hoặc tham chiếu tới bản ghi không tồn tại`,
      en: `not possible: the ${def.name} record is referenced by other data, or refers to a record that does not exist`,
    });
  }
  throw error;
}

export class CrudRepository {
  constructor(
    readonly db: Db,
    readonly def: ResourceDefinition,
  ) {}

  private selectWhere(conditions: SQL[]) {
    return conditions.length ? and(...conditions) : undefined;
  }

  async list(params: ListParams = {}): Promise<{ data: Row[]; total: number }> {
    const def = this.def;
    const conditions = filterConditions(def, params.filter ?? {});
    if (params.scopeRoot != null) {
      const scoped = scopeCondition(def, params.scopeRoot);
      if (scoped) conditions.push(scoped);
    }
    const where = this.selectWhere(conditions);
    const sort = params.sort ?? def.defaultSort ?? { field: "id", order: "ASC" as const };
    const sortColumn = column(def, sort.field);
    if (!sortColumn) throw validation([fieldError("sort.field", `cannot sort by '${sort.field}'`, `Không sắp xếp được theo '${sort.field}'`)]);
    const textual = (sortColumn as { columnType?: string }).columnType === "SQLiteText";
    const orderExpr = textual ? sql`vi_sort_key(${sortColumn})` : sql`${sortColumn}`;
    const order = sort.order === "DESC" ? desc(orderExpr) : asc(orderExpr);
    const page = params.pagination?.page ?? 1;
    const perPage = Math.min(params.pagination?.perPage ?? 1000, 5000);
    const rows = this.db
      .select()
      .from(def.table)
      .where(where)
      .orderBy(order, asc(columnsOf(def).id!))
      .limit(perPage)
      .offset((page - 1) * perPage)
      .all() as Row[];
    const [{ total }] = this.db.select({ total: sql<number>`count(*)` }).from(def.table).where(where).all() as [{ total: number }];
    return { data: this.finish(rows), total };
  }

  private finish(rows: Row[], db: Db | Tx = this.db): Row[] {
    const loaded = this.def.load ? this.def.load(db, rows) : rows;
    return loaded.map((r) => publicRow(this.def, r));
  }

  private findRaw(db: Db | Tx, id: number): Row | undefined {
    return db.select().from(this.def.table).where(eq(columnsOf(this.def).id!, id)).get() as Row | undefined;
  }

  async getOne(id: number): Promise<Row | null> {
    const row = this.findRaw(this.db, id);
    return row ? this.finish([row])[0]! : null;
  }

  async getMany(ids: number[]): Promise<Row[]> {
    if (!ids.length) return [];
    const rows = this.db.select().from(this.def.table).where(inArray(columnsOf(this.def).id!, ids)).all() as Row[];
    return this.finish(rows);
  }

  /** The record as the API returns it, read inside a transaction. */
  readInTx(tx: Tx, id: number): Row | null {
    const row = this.findRaw(tx, id);
    return row ? this.finish([row], tx)[0]! : null;
  }

  createInTx(tx: Tx, input: unknown, actor: Actor): Row {
    const def = this.def;
    const data = parseInput(def, def.inputSchema, input);
    const checked = def.check?.(tx, data) ?? [];
    if (checked.length) throw validation(checked);
    const prepared = def.beforeWrite ? def.beforeWrite(tx, data, null) : data;
    const search = searchTextOf(def, prepared);
    const values = { ...splitVirtual(def, prepared), ...(search !== undefined ? { searchText: search } : {}) };
    let id: number;
    try {
      const inserted = tx.insert(def.table).values(values).returning().get() as Row;
      id = inserted.id;
    } catch (e) {
      translateConstraint(def, e);
    }
    const after = this.findRaw(tx, id)!;
    def.afterWrite?.(tx, after, null, prepared);
    const result = this.readInTx(tx, id)!;
    recordAudit(tx, actor, "create", def.name, id, null, result, localityHint(result));
    return result;
  }

  async create(input: unknown, actor: Actor): Promise<Row> {
    return this.db.transaction((tx) => this.createInTx(tx, input, actor));
  }

  updateInTx(tx: Tx, id: number, patch: unknown, version: number | null, actor: Actor): Row {
    const def = this.def;
    const existing = this.readInTx(tx, id);
    if (!existing) throw notFound(def.entityVi, id);
    if (version !== null && existing.version !== version) throw staleVersion(def.entityVi, id, version, existing.version);
    const base = Object.fromEntries(Object.entries(existing).filter(([k]) => !["id", "version", "createdAt", "updatedAt"].includes(k)));
    const merged = parseInput(def, def.updateSchema ?? def.inputSchema, { ...base, ...(patch as object) });
    const checked = def.check?.(tx, merged) ?? [];
    if (checked.length) throw validation(checked);
    const raw = this.findRaw(tx, id)!;
    const prepared = def.beforeWrite ? def.beforeWrite(tx, merged, raw) : merged;
    const search = searchTextOf(def, prepared);
    const values = {
      ...splitVirtual(def, prepared),
      ...(search !== undefined ? { searchText: search } : {}),
      version: existing.version + 1,
      updatedAt: new Date().toISOString(),
    };
    try {
      const idCol = columnsOf(def).id!;
      const versionCol = columnsOf(def).version!;
      const changed = tx.update(def.table).set(values).where(and(eq(idCol, id), eq(versionCol, existing.version))).run();
      if (changed.changes !== 1) throw staleVersion(def.entityVi, id, version ?? existing.version, existing.version + 1);
    } catch (e) {
      if (e instanceof EduplanError) throw e;
      translateConstraint(def, e);
    }
    def.afterWrite?.(tx, this.findRaw(tx, id)!, raw, prepared);
    const result = this.readInTx(tx, id)!;
    recordAudit(tx, actor, "update", def.name, id, existing, result, localityHint(result));
    return result;
  }

  async update(id: number, patch: unknown, version: number | null, actor: Actor): Promise<Row> {
    return this.db.transaction((tx) => this.updateInTx(tx, id, patch, version, actor));
  }

  deleteInTx(tx: Tx, id: number, version: number | null, actor: Actor): Row {
    const def = this.def;
    const existing = this.readInTx(tx, id);
    if (!existing) throw notFound(def.entityVi, id);
    if (version !== null && existing.version !== version) throw staleVersion(def.entityVi, id, version, existing.version);
    def.beforeDelete?.(tx, this.findRaw(tx, id)!);
    try {
      tx.delete(def.table).where(eq(columnsOf(def).id!, id)).run();
    } catch (e) {
      translateConstraint(def, e);
    }
    recordAudit(tx, actor, "delete", def.name, id, existing, null, localityHint(existing));
    return existing;
  }

  async delete(id: number, version: number | null, actor: Actor): Promise<Row> {
    return this.db.transaction((tx) => this.deleteInTx(tx, id, version, actor));
  }

  async updateMany(ids: number[], patch: unknown, actor: Actor): Promise<number[]> {
    return this.db.transaction((tx) => ids.map((id) => this.updateInTx(tx, id, patch, null, actor).id));
  }

  async deleteMany(ids: number[], actor: Actor): Promise<number[]> {
    return this.db.transaction((tx) => ids.map((id) => this.deleteInTx(tx, id, null, actor).id));
  }
}

function localityHint(row: Row): number | null {
  const v = row.localityId;
  return typeof v === "number" ? v : null;
}
