/**
 * A resource: one table, the zod schema its input crosses, and the invariants of every write to it — where its records
 * belong (area), what each reference column may point at, when a record is locked, what else a write must check. The
 * repository (`crud.ts`) applies all of them, in the transaction of the write, whoever calls it: the API, the console's
 * CRUD, an import, a plugin, the command line.
 */
import type { SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { FieldError, RoleAccess } from "@eduplan/domain";
import type { z } from "zod";
import type { Db } from "./client.js";
import type { EduplanError } from "./errors.js";
import type { Principal } from "./principal.js";

/** The handle a transaction's body queries through (`transaction(db, async (tx) => …)`): the same drizzle handle. */
export type Tx = Db;
export type Executor = Db | Tx;
/** A hook's result: a value, or a Promise of it when the hook queries (every hook is awaited). */
export type Awaitable<T> = T | Promise<T>;
export type Row = Record<string, unknown> & { id: number; version: number };

/**
 * Where a record belongs, for scoping reads and writes to a user's area:
 * - `locality`: the locality named by `column` (null = a record of no locality, which only administrators write);
 * - `tree`: the localities themselves — read where it lies, written where its parent lies (an officer manages the
 *   localities below their own, never their own record or a root);
 * - `via`: where the record that `column` references belongs (a target belongs where its plan does);
 * - `global`: everywhere (reference data), written by the roles of `access` only.
 */
export type Scope =
  | { kind: "locality"; column: string }
  | { kind: "tree" }
  | { kind: "via"; column: string; parent: () => AnyResource }
  | { kind: "global" };

/**
 * What a reference column may point at, for a user other than an administrator:
 * - `readable`: a record the user may read (in their area, or public above it: the province's plan, its agencies);
 * - `writable`: a record in the user's own area;
 * - `exists`: any existing record (reference data: indicators, levels).
 */
export type RefRule = "readable" | "writable" | "exists";

export type RefsOf<T extends SQLiteTable> = { [K in keyof T["$inferSelect"] & string]?: RefRule };

/** A reference held outside the table's columns (task assignees): a list of ids of another resource. */
export type VirtualRef = { resource: () => AnyResource; rule: RefRule };

export type InputSchema = z.ZodType<Record<string, unknown>>;

export type ResourceDefinition<T extends SQLiteTable = SQLiteTable, S extends InputSchema = InputSchema> = {
  name: string;
  entityVi: string;
  table: T;
  /** Who may read and write, by role (the domain's table); the area comes on top for every role but administrators. */
  access: RoleAccess;
  /** Validates create input; each field of it, optional, validates an update's patch. */
  inputSchema: S;
  /** Validates the merged record on update, when it differs from `inputSchema` (users: password optional). */
  updateSchema?: z.ZodType<Record<string, unknown>>;
  scope: Scope;
  /** Officers may read (never write) the records of the localities above their own: plans are public documents. */
  publicToDescendants?: boolean;
  /** Every foreign-key column, declared (the registry test fails for a column left out). */
  refs: RefsOf<T>;
  virtualRefs?: Record<string, VirtualRef>;
  /** The text field whose Vietnamese sort key is kept in the indexed `sortKey` column (sorting by it is an index scan). */
  sortKeyOf?: keyof T["$inferSelect"] & string;
  /** Fields folded (without diacritics) into `searchText` for `filter.q`. */
  searchFields?: (keyof T["$inferSelect"] & string)[];
  /**
   * An FTS5 table (words, rowid = the record's id) of the folded text that `filter.q` searches, kept on write by the
   * migration that creates it: a query is the phrase of its words, the last one a prefix, read from the index
   * instead of folding every row.
   */
  searchIndex?: string;
  /** Columns never returned (password hashes). */
  hiddenColumns?: string[];
  /** Extra fields on output that are not columns (task assignees): loaded after reads, written after writes. */
  virtualFields?: string[];
  /** Why a stored record, or the record a write would leave, may not change now (an approved report); null = it may. */
  lock?: (tx: Tx, row: Record<string, unknown>) => Awaitable<EduplanError | null>;
  /** Rows a user may see within their area beyond the area itself (plugin data of enabled plugins only): SQL, no query. */
  readFilter?: (db: Executor, principal: Principal) => SQL | undefined;
  /** May the user see this row (the single-record twin of `readFilter`)? */
  isVisible?: (db: Executor, principal: Principal, row: Row) => Awaitable<boolean>;
  load?: (db: Executor, rows: Row[]) => Awaitable<Row[]>;
  /**
   * Slow work on a write's input done BEFORE its transaction (hashing a password: no real I/O inside a transaction).
   * Run by `prepareRecordInput`; what it returns reaches `beforeWrite` as `prepared`, never as input fields.
   */
  prepareInput?: (input: Record<string, unknown>) => Promise<Record<string, unknown>>;
  beforeWrite?: (tx: Tx, data: Record<string, unknown>, existing: Row | null, prepared: Readonly<Record<string, unknown>>) => Awaitable<Record<string, unknown>>;
  afterWrite?: (tx: Tx, after: Row, before: Row | null, data: Record<string, unknown>) => Awaitable<void>;
  beforeDelete?: (tx: Tx, row: Row) => Awaitable<void>;
  /** Validation that needs the database (a target's value against its indicator's unit). */
  check?: (tx: Tx, merged: Record<string, unknown>) => Awaitable<FieldError[]>;
  /** Filters on something other than a column (tasks by agency): key → SQL condition for a value. */
  virtualFilters?: Record<string, (value: unknown) => SQL>;
  defaultSort?: { field: keyof T["$inferSelect"] & string; order: "ASC" | "DESC" };
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds definitions of many tables
export type AnyResource = ResourceDefinition<any, InputSchema>;

/** Declare a resource (one file per resource under `resources/`, or a plugin's table through `pluginResource`). */
export function defineResource<T extends SQLiteTable, S extends InputSchema = InputSchema>(definition: ResourceDefinition<T, S>): ResourceDefinition<T, S> {
  return definition;
}
