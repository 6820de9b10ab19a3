/**
 * The one guarded path of every read and write of a resource. Each write runs, in its transaction: the role, the area
 * of the record before and after, every reference column against the user's area, the lock, the version, the
 * resource's own checks (bounds), then the write and its audit entry. Routers, imports, plugins and scripts call this
 * and nothing else.
 */
import { and, asc, desc, eq, getTableColumns, inArray, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { fieldErrorsFromZod, foldVietnamese, vietnameseSortKey, type FieldError } from "@eduplan/domain";
import type { z } from "zod";
import type { Db } from "./client.js";
import { EduplanError, fieldError, notFound, staleVersion, validation } from "./errors.js";
import { recordAudit } from "./audit.js";
import { assertReadable, assertReferences, assertRole, assertUnlocked, assertWritable, readCondition } from "./guard.js";
import type { Principal } from "./principal.js";
import type { AnyResource, Executor, ResourceDefinition, Row, Tx } from "./resource.js";
import { first } from "./query.js";
import { transaction } from "./transaction.js";

export type { Row, Tx, Executor, ResourceDefinition, AnyResource } from "./resource.js";

export type ListParams = {
  pagination?: { page: number; perPage: number } | undefined;
  sort?: { field: string; order: "ASC" | "DESC" } | undefined;
  filter?: Record<string, unknown> | undefined;
  /** Only the user's own area, not the records public above it. */
  ownArea?: boolean;
};

/** The most records one page returns, and the furthest page (beyond it the offset is no longer a page of anything). */
export const MAX_PER_PAGE = 5000;
export const MAX_PAGE = 100_000;

/** Columns every record has that a payload may carry back unchanged (react-admin sends them); never written from input. */
const RECORD_COLUMNS = new Set(["id", "version", "createdAt", "updatedAt"]);
const INTERNAL_COLUMNS = new Set(["searchText", "sortKey"]);
const NOT_SEARCHED = new Set(["createdAt", "updatedAt", "searchText"]);

function columnsOf(def: AnyResource): Record<string, SQLiteColumn> {
  return getTableColumns(def.table) as Record<string, SQLiteColumn>;
}

/** A public column by name: an own property only (never `constructor` or `__proto__` of a plain object). */
function column(def: AnyResource, field: string): SQLiteColumn | undefined {
  if (INTERNAL_COLUMNS.has(field) || def.hiddenColumns?.includes(field)) return undefined;
  const columns = columnsOf(def);
  return Object.hasOwn(columns, field) ? columns[field] : undefined;
}

function publicRow(def: AnyResource, row: Record<string, unknown>): Row {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (INTERNAL_COLUMNS.has(k) || def.hiddenColumns?.includes(k)) continue;
    out[k] = v;
  }
  return out as Row;
}

const escapeLike = (text: string) => text.replace(/[%_\\]/g, (c) => `\\${c}`);

/** `filter.q`: the resource's FTS5 index, else the maintained `searchText` column, else the text columns folded on the fly — one condition, no id list. */
function searchCondition(def: AnyResource, q: unknown): SQL | undefined {
  const folded = escapeLike(foldVietnamese(String(q)));
  if (!folded) return undefined;
  const columns = columnsOf(def);
  const text = foldVietnamese(String(q));
  // The phrase of the query's words, the last one a prefix; a query without a letter or digit has no words to match.
  if (def.searchIndex && /[\p{L}\p{N}]/u.test(text))
    return sql`${columns.id} in (select rowid from ${sql.identifier(def.searchIndex)} where ${sql.identifier(def.searchIndex)} match ${`"${text.replace(/"/g, '""')}" *`})`;
  if (columns.searchText && def.searchFields?.length) return sql`${columns.searchText} like ${`%${folded}%`} escape '\\'`;
  const texts = Object.entries(columns)
    .filter(([key, col]) => col.columnType === "SQLiteText" && !NOT_SEARCHED.has(key) && !def.hiddenColumns?.includes(key))
    .map(([, col]) => sql`eduplan_fold(${col}) like ${`%${folded}%`} escape '\\'`);
  return texts.length ? or(...texts) : sql`0`;
}

function filterConditions(def: AnyResource, filter: Record<string, unknown>): SQL[] {
  const conditions: SQL[] = [];
  const errors: FieldError[] = [];
  for (const [key, raw] of Object.entries(filter)) {
    if (raw === undefined || raw === "") continue;
    if (key === "q") {
      const search = searchCondition(def, raw);
      if (search) conditions.push(search);
      continue;
    }
    const virtual = def.virtualFilters && Object.hasOwn(def.virtualFilters, key) ? def.virtualFilters[key] : undefined;
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
    else if (typeof raw === "object") errors.push(fieldError(`filter.${key}`, "a filter value is a scalar or a list", "Giá trị lọc phải là một giá trị hoặc danh sách"));
    else conditions.push(eq(col, typeof raw === "boolean" ? (raw ? 1 : 0) : (raw as string | number)));
  }
  if (errors.length) throw validation(errors);
  return conditions;
}

/** The stored columns a write keeps from the record: the folded search text, the Vietnamese sort key. */
function derivedColumns(def: AnyResource, record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const search = searchTextOf(def, record);
  if (search !== undefined) out.searchText = search;
  if (def.sortKeyOf) out.sortKey = vietnameseSortKey(String(record[def.sortKeyOf] ?? ""));
  return out;
}

function searchTextOf(def: AnyResource, record: Record<string, unknown>): string | undefined {
  if (!def.searchFields) return undefined;
  return foldVietnamese(
    def.searchFields
      .map((f) => record[f])
      .filter((v) => v !== null && v !== undefined)
      .map(String)
      .join(" "),
  );
}

function splitVirtual(def: AnyResource, data: Record<string, unknown>) {
  const cols = columnsOf(def);
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (Object.hasOwn(cols, k) && !RECORD_COLUMNS.has(k)) row[k] = v;
  return row;
}

/** The keys a payload may carry: the schema's fields, the virtual fields, and the record columns sent back unchanged. */
function allowedKeys(def: AnyResource, schema: z.ZodType): Set<string> | null {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (!shape) return null;
  return new Set([...Object.keys(shape), ...(def.virtualFields ?? []), ...RECORD_COLUMNS]);
}

/** Refuse keys the resource does not have, naming them (a typo must not be silently dropped). */
function assertKnownKeys(def: AnyResource, schema: z.ZodType, data: unknown): void {
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw validation([fieldError("data", "an object is expected", "Dữ liệu phải là một đối tượng")]);
  const allowed = allowedKeys(def, schema);
  if (!allowed) return;
  const unknown = Object.keys(data).filter((k) => !allowed.has(k));
  if (unknown.length) throw validation(unknown.map((k) => fieldError(k, `unknown field '${k}'`, `Trường '${k}' không có trong ${def.entityVi}`)));
}

/**
 * The user's area before anything about the input is said: a record for another province is refused as such, not
 * answered with what is wrong with its fields. (Input too malformed to locate is left to validation.)
 */
async function assertAreaFirst(tx: Tx, def: AnyResource, principal: Principal, input: unknown): Promise<void> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return;
  try {
    await assertWritable(tx, def, principal, input as Record<string, unknown>);
  } catch (e) {
    if (e instanceof EduplanError && e.reason === "forbidden") throw e;
  }
}

function parseInput(schema: z.ZodType, data: unknown): Record<string, unknown> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validation(fieldErrorsFromZod(parsed.error));
  return parsed.data as Record<string, unknown>;
}

/** Translate SQLite constraint failures into errors the user can act on. */
function translateConstraint(def: AnyResource, error: unknown): never {
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

async function finish(def: AnyResource, rows: Row[], db: Executor): Promise<Row[]> {
  const loaded = def.load ? await def.load(db, rows) : rows;
  return loaded.map((r) => publicRow(def, r));
}

async function findRaw(db: Executor, def: AnyResource, id: number): Promise<Row | undefined> {
  return (await first(db.select().from(def.table).where(eq(columnsOf(def).id!, id)))) as Row | undefined;
}

/**
 * The input of a write after the resource's slow preparation (a password hashed), made BEFORE the transaction by
 * {@link prepareRecordInput}. `prepared` reaches the resource's `beforeWrite`; it is never an input field.
 */
export class PreparedInput {
  constructor(
    readonly input: unknown,
    readonly prepared: Readonly<Record<string, unknown>>,
  ) {}
}

/**
 * Prepare a create's input or an update's patch outside any transaction: the role first (no slow work for a role that
 * may not write), then the resource's `prepareInput` (users: the password's scrypt hash, off the event loop). The
 * resource router calls it before `transaction(…)`; a resource with `prepareInput` refuses input not prepared so.
 */
export async function prepareRecordInput(def: AnyResource, input: unknown, principal: Principal): Promise<PreparedInput> {
  if (input instanceof PreparedInput) return input;
  assertRole(def, principal, "write");
  if (!def.prepareInput || typeof input !== "object" || input === null || Array.isArray(input)) return new PreparedInput(input, {});
  return new PreparedInput(input, await def.prepareInput(input as Record<string, unknown>));
}

function unwrapInput(def: AnyResource, input: unknown): { input: unknown; prepared: Readonly<Record<string, unknown>> } {
  if (input instanceof PreparedInput) return { input: input.input, prepared: input.prepared };
  if (def.prepareInput) throw new Error(`resource ${def.name}: prepare the input with prepareRecordInput before the transaction`);
  return { input, prepared: {} };
}

/** A page of the records the user may read, filtered and sorted (Vietnamese order for text). */
export async function listRecords(db: Executor, def: AnyResource, params: ListParams, principal: Principal): Promise<{ data: Row[]; total: number }> {
  assertRole(def, principal, "read");
  const conditions = filterConditions(def, params.filter ?? {});
  const scoped = readCondition(db, def, principal, { ownArea: params.ownArea });
  if (scoped) conditions.push(scoped);
  const where = conditions.length ? and(...conditions) : undefined;
  const sort = params.sort ?? def.defaultSort ?? { field: "id", order: "ASC" as const };
  const sortColumn = column(def, sort.field);
  if (!sortColumn) throw validation([fieldError("sort.field", `cannot sort by '${sort.field}'`, `Không sắp xếp được theo '${sort.field}'`)]);
  const textual = sortColumn.columnType === "SQLiteText";
  // The stored, indexed key where the resource keeps one for this field; else the key computed per row.
  const stored = def.sortKeyOf === sort.field ? columnsOf(def).sortKey : undefined;
  const orderExpr = stored ? sql`${stored}` : textual ? sql`vi_sort_key(${sortColumn})` : sql`${sortColumn}`;
  const order = sort.order === "DESC" ? desc(orderExpr) : asc(orderExpr);
  const page = Math.min(Math.max(1, Math.trunc(params.pagination?.page ?? 1)), MAX_PAGE);
  const perPage = Math.min(Math.max(1, Math.trunc(params.pagination?.perPage ?? 1000)), MAX_PER_PAGE);
  const rows = (await db
    .select()
    .from(def.table)
    .where(where)
    .orderBy(order, asc(columnsOf(def).id!))
    .limit(perPage)
    .offset((page - 1) * perPage)) as Row[];
  const [{ total }] = (await db.select({ total: sql<number>`count(*)` }).from(def.table).where(where)) as [{ total: number }];
  return { data: await finish(def, rows, db), total };
}

/** One record the user may read; NOT_FOUND when missing, FORBIDDEN outside their area. */
export async function getRecord(db: Executor, def: AnyResource, id: number, principal: Principal): Promise<Row> {
  assertRole(def, principal, "read");
  const row = await findRaw(db, def, id);
  if (!row) throw notFound(def.entityVi, id);
  await assertReadable(db, def, principal, row);
  return (await finish(def, [row], db))[0]!;
}

/** Records by id, in the order asked; FORBIDDEN if any lies outside the user's area. */
export async function getRecords(db: Executor, def: AnyResource, ids: number[], principal: Principal): Promise<Row[]> {
  assertRole(def, principal, "read");
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const rows = (await db.select().from(def.table).where(inArray(columnsOf(def).id!, unique))) as Row[];
  for (const row of rows) await assertReadable(db, def, principal, row);
  const order = new Map(unique.map((id, i) => [id, i]));
  return finish(def, rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!), db);
}

/** The record as the API returns it, unguarded: for the write path itself and for code that already checked. */
export async function readRecord(db: Executor, def: AnyResource, id: number): Promise<Row | null> {
  const row = await findRaw(db, def, id);
  return row ? (await finish(def, [row], db))[0]! : null;
}

/** Create a record (inside `transaction`); `input` is prepared by `prepareRecordInput` for a resource that needs it. */
export async function createRecord(tx: Tx, def: AnyResource, rawInput: unknown, principal: Principal): Promise<Row> {
  const { input, prepared: slow } = unwrapInput(def, rawInput);
  assertRole(def, principal, "write");
  await assertAreaFirst(tx, def, principal, input);
  assertKnownKeys(def, def.inputSchema, input);
  const data = parseInput(def.inputSchema, input);
  await assertWritable(tx, def, principal, data);
  await assertReferences(tx, def, principal, data);
  const checked = (await def.check?.(tx, data)) ?? [];
  if (checked.length) throw validation(checked);
  const prepared = def.beforeWrite ? await def.beforeWrite(tx, data, null, slow) : data;
  await assertUnlocked(tx, def, prepared);
  const values = { ...splitVirtual(def, prepared), ...derivedColumns(def, prepared) };
  let id: number;
  try {
    id = ((await tx.insert(def.table).values(values).returning()) as Row[])[0]!.id;
  } catch (e) {
    translateConstraint(def, e);
  }
  await def.afterWrite?.(tx, (await findRaw(tx, def, id))!, null, prepared);
  const result = (await readRecord(tx, def, id))!;
  await recordAudit(tx, principal, "create", def.name, id, null, result, localityHint(result));
  return result;
}

/** The stored record a change starts from: the role, its area, its version (a stale one is a conflict), its lock. */
async function storedForChange(tx: Tx, def: AnyResource, id: number, version: number, principal: Principal): Promise<Row> {
  assertRole(def, principal, "write");
  const existing = await readRecord(tx, def, id);
  if (!existing) throw notFound(def.entityVi, id);
  await assertReadable(tx, def, principal, existing);
  await assertWritable(tx, def, principal, existing);
  if (existing.version !== version) throw staleVersion(def.entityVi, id, version, existing.version);
  await assertUnlocked(tx, def, existing);
  return existing;
}

/** Change a record, based on `version` (the version the edit started from: a stale one is a conflict). */
export async function updateRecord(tx: Tx, def: AnyResource, id: number, rawPatch: unknown, version: number, principal: Principal): Promise<Row> {
  const { input: patch, prepared: slow } = unwrapInput(def, rawPatch);
  const existing = await storedForChange(tx, def, id, version, principal);
  const schema = def.updateSchema ?? def.inputSchema;
  assertKnownKeys(def, schema, patch);
  const changes = Object.fromEntries(Object.entries(patch as Record<string, unknown>).filter(([k]) => !RECORD_COLUMNS.has(k)));
  const base = Object.fromEntries(Object.entries(existing).filter(([k]) => !RECORD_COLUMNS.has(k)));
  const merged = parseInput(schema, { ...base, ...changes });
  await assertWritable(tx, def, principal, merged);
  // References already stored were checked when written; those the patch sets are checked now.
  await assertReferences(tx, def, principal, Object.fromEntries(Object.keys(changes).map((k) => [k, merged[k]])));
  const checked = (await def.check?.(tx, merged)) ?? [];
  if (checked.length) throw validation(checked);
  const raw = (await findRaw(tx, def, id))!;
  const prepared = def.beforeWrite ? await def.beforeWrite(tx, merged, raw, slow) : merged;
  await assertUnlocked(tx, def, prepared);
  const values = {
    ...splitVirtual(def, prepared),
    ...derivedColumns(def, prepared),
    version: existing.version + 1,
    ...("updatedAt" in columnsOf(def) ? { updatedAt: new Date().toISOString() } : {}),
  };
  try {
    const cols = columnsOf(def);
    const changed = await tx.update(def.table).set(values).where(and(eq(cols.id!, id), eq(cols.version!, existing.version)));
    if (changed.changes !== 1) throw staleVersion(def.entityVi, id, version, existing.version + 1);
  } catch (e) {
    if (e instanceof EduplanError) throw e;
    translateConstraint(def, e);
  }
  await def.afterWrite?.(tx, (await findRaw(tx, def, id))!, raw, prepared);
  const result = (await readRecord(tx, def, id))!;
  await recordAudit(tx, principal, "update", def.name, id, existing, result, localityHint(result));
  return result;
}

export async function deleteRecord(tx: Tx, def: AnyResource, id: number, version: number, principal: Principal): Promise<Row> {
  const existing = await storedForChange(tx, def, id, version, principal);
  await def.beforeDelete?.(tx, (await findRaw(tx, def, id))!);
  try {
    await tx.delete(def.table).where(eq(columnsOf(def).id!, id));
  } catch (e) {
    translateConstraint(def, e);
  }
  await recordAudit(tx, principal, "delete", def.name, id, existing, null, localityHint(existing));
  return existing;
}

export type VersionedId = { id: number; version: number };

/** Change several records in one transaction, each based on its version (`patch` prepared like one update's). */
export async function updateRecords(tx: Tx, def: AnyResource, items: readonly VersionedId[], patch: unknown, principal: Principal): Promise<number[]> {
  const ids: number[] = [];
  for (const item of dedupe(items)) ids.push((await updateRecord(tx, def, item.id, patch, item.version, principal)).id);
  return ids;
}

export async function deleteRecords(tx: Tx, def: AnyResource, items: readonly VersionedId[], principal: Principal): Promise<number[]> {
  const ids: number[] = [];
  for (const item of dedupe(items)) ids.push((await deleteRecord(tx, def, item.id, item.version, principal)).id);
  return ids;
}

/** The functions above bound to one database and resource (for callers that hold a `Db`). Writes prepare, then transact. */
export class CrudRepository<T extends ResourceDefinition = AnyResource> {
  constructor(
    readonly db: Db,
    readonly def: T,
  ) {}
  list = (params: ListParams, principal: Principal) => listRecords(this.db, this.def, params, principal);
  getOne = (id: number, principal: Principal) => getRecord(this.db, this.def, id, principal);
  getMany = (ids: number[], principal: Principal) => getRecords(this.db, this.def, ids, principal);
  readInTx = (db: Executor, id: number) => readRecord(db, this.def, id);
  createInTx = (tx: Tx, input: unknown, principal: Principal) => createRecord(tx, this.def, input, principal);
  updateInTx = (tx: Tx, id: number, patch: unknown, version: number, principal: Principal) => updateRecord(tx, this.def, id, patch, version, principal);
  deleteInTx = (tx: Tx, id: number, version: number, principal: Principal) => deleteRecord(tx, this.def, id, version, principal);
  create = async (input: unknown, principal: Principal) => {
    const prepared = await prepareRecordInput(this.def, input, principal);
    return transaction(this.db, (tx) => createRecord(tx, this.def, prepared, principal));
  };
  update = async (id: number, patch: unknown, version: number, principal: Principal) => {
    const prepared = await prepareRecordInput(this.def, patch, principal);
    return transaction(this.db, (tx) => updateRecord(tx, this.def, id, prepared, version, principal));
  };
  delete = (id: number, version: number, principal: Principal) => transaction(this.db, (tx) => deleteRecord(tx, this.def, id, version, principal));
}

function dedupe(items: readonly VersionedId[]) {
  const seen = new Map<number, VersionedId>();
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

function localityHint(row: Row): number | null {
  const v = row.localityId;
  return typeof v === "number" ? v : null;
}
