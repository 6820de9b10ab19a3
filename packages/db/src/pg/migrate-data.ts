/**
 * `eduplan migrate-data`: moves a whole database from SQLite to PostgreSQL or back, as it is — every table (core and
 * plugin tables, the audit log, sessions …), ids included — then verifies it.
 *
 * It works at the driver level (better-sqlite3 and `pg`), not through the guarded record path: that path checks a
 * user's rights, writes the audit log, bumps versions and recomputes aggregates, which is right for a change and wrong
 * for a move — the data has been through it already, and the copy must be the same rows (versions, timestamps, audit
 * entries, rollups), not new ones.
 *
 * - The target must be migrated to the same schema (every table of the source, with the same columns) and hold no
 *   data: every table empty, except the rows migrations themselves write — `plugin_migrations` (which must list the
 *   same plugin migrations as the source's) and the tables of those plugins (sample rows a plugin's migration seeds) —
 *   which the copy replaces. Anything else is refused before anything is written, with the table named.
 * - Tables are copied parents first (foreign-key order), in one transaction on the target. A column that refers to its
 *   own table (`localities.parent_id`) is written after the rows on PostgreSQL; SQLite defers the checks to the commit.
 * - Identity sequences of PostgreSQL are moved past the largest id copied.
 * - Verified afterwards, table by table: the row count and a SHA-256 of a canonical serialisation of all rows ordered
 *   by primary key (booleans as true/false, JSON as its text, numbers as JSON numbers), the same on both engines.
 * - SQLite's FTS5 search index of the audit log is not copied: the target SQLite's trigger rebuilds it from the rows.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { closeDatabase, openDatabase, type Db } from "../client.js";
import { pluginTablePrefix } from "../sqlite/plugin-migrations.js";
import { describePostgres, describeSqlite, MIGRATION_TABLES, sqliteVirtualTables, type SchemaShape, type TypeFamily } from "./describe.js";
import { sqliteTypeHints } from "./migrate.js";

export type Endpoint = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export type TableResult = { table: string; sourceRows: number; targetRows: number; sourceChecksum: string; targetChecksum: string; ok: boolean };

/** A refusal or failure to show the user: bilingual, no stack trace. */
export class MigrateDataError extends Error {
  constructor(readonly messages: { vi: string; en: string }) {
    super(`${messages.vi} / ${messages.en}`);
  }
}

/** `sqlite:FILE` or `postgres://…` (`postgresql://…`). */
export function parseEndpoint(text: string, option: string): Endpoint {
  if (/^postgres(ql)?:\/\//.test(text)) return { kind: "postgres", url: text };
  if (text.startsWith("sqlite:") && text.length > "sqlite:".length) return { kind: "sqlite", file: text.slice("sqlite:".length) };
  throw new MigrateDataError({
    vi: `${option}: phải là sqlite:ĐƯỜNG_DẪN_TỆP hoặc postgres://…, không phải “${text}”`,
    en: `${option}: must be sqlite:FILE or postgres://…, not “${text}”`,
  });
}

type Row = unknown[];

/** One side of the move, at the driver level. */
interface Side {
  readonly kind: "sqlite" | "postgres";
  shape(): Promise<SchemaShape>;
  count(table: string): Promise<number>;
  /** The rows of `table` (columns in the order given), ordered canonically, in canonical values. */
  rows(table: string, columns: string[], order: string[], families: TypeFamily[]): AsyncIterable<Row>;
  /** A consistent snapshot of every table, for reading the source. */
  beginRead(): Promise<void>;
  endRead(): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  deleteAll(table: string): Promise<void>;
  insert(table: string, columns: string[], families: TypeFamily[], rows: Row[]): Promise<void>;
  /** Sets `column` of the row whose primary key is `key`. */
  update(table: string, column: string, value: unknown, pk: string[], key: unknown[]): Promise<void>;
  afterCopy(shape: SchemaShape): Promise<void>;
  close(): Promise<void>;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Canonical value of a column, whichever engine it comes from. */
function canonical(value: unknown, family: TypeFamily): unknown {
  if (value === null || value === undefined) return null;
  switch (family) {
    case "boolean":
      return typeof value === "boolean" ? value : Number(value) !== 0;
    case "integer":
    case "float":
      return typeof value === "string" || typeof value === "bigint" ? Number(value) : value;
    case "timestamp":
      return value instanceof Date ? value.toISOString() : value;
    default:
      return value;
  }
}

class SqliteSide implements Side {
  readonly kind = "sqlite" as const;
  private constructor(private readonly db: Db) {}
  static open(file: string): SqliteSide {
    // openDatabase registers the SQL functions the triggers call (eduplan_fold); no migration here.
    return new SqliteSide(openDatabase(file, { migrate: false }));
  }
  private get sqlite() {
    return this.db.$client;
  }
  async shape() {
    return describeSqlite(this.sqlite, sqliteTypeHints());
  }
  async count(table: string) {
    return (this.sqlite.prepare(`select count(*) as n from ${q(table)}`).get() as { n: number }).n;
  }
  async *rows(table: string, columns: string[], order: string[], families: TypeFamily[]) {
    const statement = this.sqlite.prepare(`select ${columns.map(q).join(", ")} from ${q(table)} order by ${order.map((c) => `${q(c)} asc nulls first`).join(", ")}`).raw(true);
    for (const row of statement.iterate() as Iterable<unknown[]>) yield row.map((v, i) => canonical(v, families[i]!));
  }
  async beginRead() {
    this.sqlite.exec("begin");
  }
  async endRead() {
    if (this.sqlite.inTransaction) this.sqlite.exec("commit");
  }
  async begin() {
    this.sqlite.exec("begin immediate");
    // Foreign keys are checked at the commit: rows may come before the rows they refer to (a successor locality).
    this.sqlite.pragma("defer_foreign_keys = on");
  }
  async commit() {
    this.sqlite.exec("commit");
  }
  async rollback() {
    if (this.sqlite.inTransaction) this.sqlite.exec("rollback");
  }
  async deleteAll(table: string) {
    this.sqlite.prepare(`delete from ${q(table)}`).run();
  }
  async insert(table: string, columns: string[], families: TypeFamily[], rows: Row[]) {
    const statement = this.sqlite.prepare(`insert into ${q(table)} (${columns.map(q).join(", ")}) values (${columns.map(() => "?").join(", ")})`);
    for (const row of rows) statement.run(row.map((v, i) => (families[i] === "boolean" && v !== null ? (v ? 1 : 0) : v)));
  }
  async update() {
    throw new Error("not used on SQLite");
  }
  async afterCopy() {}
  async close() {
    closeDatabase(this.db);
  }
  /** SQLite's derived tables (FTS5), not copied. */
  virtualTables(): string[] {
    const { virtual, shadow } = sqliteVirtualTables(this.sqlite);
    return [...virtual, ...shadow];
  }
}

/** JSON comes back as its text (not parsed), so that it is copied byte for byte. */
const rawJsonTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === 114 || oid === 3802 ? (v: string) => v : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

class PostgresSide implements Side {
  readonly kind = "postgres" as const;
  private constructor(private readonly client: pg.Client) {}
  static async open(url: string): Promise<PostgresSide> {
    const client = new pg.Client({ connectionString: url, types: rawJsonTypes });
    try {
      await client.connect();
    } catch (e) {
      throw new MigrateDataError({ vi: `Không kết nối được PostgreSQL ${redact(url)}: ${(e as Error).message}`, en: `cannot connect to PostgreSQL ${redact(url)}: ${(e as Error).message}` });
    }
    return new PostgresSide(client);
  }
  async shape() {
    return describePostgres(this.client);
  }
  async count(table: string) {
    return Number((await this.client.query(`select count(*) as n from ${q(table)}`)).rows[0].n);
  }
  async *rows(table: string, columns: string[], order: string[], families: TypeFamily[]) {
    const familyOf = new Map(columns.map((c, i) => [c, families[i]!]));
    const orderBy = order.map((c) => `${q(c)}${familyOf.get(c) === "json" ? "::text" : ""} asc nulls first`).join(", ");
    const cursor = `eduplan_copy_${table}`;
    const own = !this.inTransaction;
    if (own) await this.client.query("begin isolation level repeatable read read only");
    try {
      await this.client.query(`declare ${q(cursor)} no scroll cursor for select ${columns.map(q).join(", ")} from ${q(table)} order by ${orderBy}`);
      for (;;) {
        const batch = await this.client.query({ text: `fetch 2000 from ${q(cursor)}`, rowMode: "array" });
        for (const row of batch.rows as unknown[][]) yield row.map((v, i) => canonical(v, families[i]!));
        if (batch.rows.length < 2000) break;
      }
      await this.client.query(`close ${q(cursor)}`);
    } finally {
      if (own) await this.client.query("commit");
    }
  }
  private inTransaction = false;
  async begin() {
    await this.client.query("begin");
    this.inTransaction = true;
  }
  /** A consistent snapshot for reading every table of the source. */
  async beginRead() {
    await this.client.query("begin isolation level repeatable read read only");
    this.inTransaction = true;
  }
  async endRead() {
    await this.commit();
  }
  async commit() {
    await this.client.query("commit");
    this.inTransaction = false;
  }
  async rollback() {
    if (this.inTransaction) await this.client.query("rollback");
    this.inTransaction = false;
  }
  async deleteAll(table: string) {
    await this.client.query(`delete from ${q(table)}`);
  }
  async insert(table: string, columns: string[], _families: TypeFamily[], rows: Row[]) {
    const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const values: unknown[] = [];
      const tuples = chunk.map((row) => `(${row.map((v) => (values.push(v), `$${values.length}`)).join(", ")})`);
      await this.client.query(`insert into ${q(table)} (${columns.map(q).join(", ")}) values ${tuples.join(", ")}`, values);
    }
  }
  async update(table: string, column: string, value: unknown, pk: string[], key: unknown[]) {
    await this.client.query(`update ${q(table)} set ${q(column)} = $1 where ${pk.map((c, i) => `${q(c)} = $${i + 2}`).join(" and ")}`, [value, ...key]);
  }
  async afterCopy(shape: SchemaShape) {
    for (const [table, t] of Object.entries(shape))
      for (const [column, c] of Object.entries(t.columns))
        if (c.identity)
          await this.client.query(`select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${q(column)}) from ${q(table)}), 0) + 1, false)`, [q(table), column]);
  }
  async close() {
    await this.client.end();
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

async function openSide(endpoint: Endpoint, role: "source" | "target"): Promise<Side> {
  if (endpoint.kind === "postgres") return PostgresSide.open(endpoint.url);
  const { existsSync } = await import("node:fs");
  if (!existsSync(endpoint.file))
    throw new MigrateDataError(
      role === "source"
        ? { vi: `Không có tệp nguồn ${endpoint.file}`, en: `the source file ${endpoint.file} does not exist` }
        : { vi: `Không có tệp đích ${endpoint.file} (tạo và cập nhật cấu trúc trước)`, en: `the target file ${endpoint.file} does not exist (create and migrate it first)` },
    );
  return SqliteSide.open(endpoint.file);
}

/** Parents before children; a table's references to itself do not count. Throws on a cycle between tables. */
export function foreignKeyOrder(shape: SchemaShape, tables: string[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set(shape[t]!.foreignKeys.map((fk) => fk.split(" -> ")[1]!.split("(")[0]!).filter((p) => p !== t && tables.includes(p)))]));
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p)));
    if (!ready.length) throw new Error(`foreign keys form a cycle among ${tables.filter((t) => !done.has(t)).join(", ")}`);
    for (const t of ready.sort()) {
      order.push(t);
      done.add(t);
    }
  }
  return order;
}

/** The columns of `table` that refer to `table` itself. */
function selfReferences(shape: SchemaShape, table: string): string[] {
  return shape[table]!.foreignKeys.filter((fk) => fk.split(" -> ")[1]!.startsWith(`${table}(`)).flatMap((fk) => fk.slice(1, fk.indexOf(")")).split(","));
}

async function checksum(side: Side, table: string, columns: string[], order: string[], families: TypeFamily[]): Promise<string> {
  const hash = createHash("sha256");
  for await (const row of side.rows(table, columns, order, families)) hash.update(JSON.stringify(row) + "\n");
  return hash.digest("hex");
}

/**
 * Moves the database `from` into `to` (different engines), then verifies each table. Returns the per-table results;
 * throws `MigrateDataError` on a refusal (nothing written) or a failed verification.
 */
export async function migrateData(from: Endpoint, to: Endpoint, options: { log?: (line: string) => void } = {}): Promise<TableResult[]> {
  const log = options.log ?? (() => undefined);
  if (from.kind === to.kind)
    throw new MigrateDataError({
      vi: "--from và --to phải là hai hệ cơ sở dữ liệu khác nhau (SQLite ↔ PostgreSQL); sao chép cùng loại: eduplan backup hoặc pg_dump",
      en: "--from and --to must be different engines (SQLite ↔ PostgreSQL); for the same engine use eduplan backup or pg_dump",
    });
  const source = await openSide(from, "source");
  let target: Side | null = null;
  try {
    target = await openSide(to, "target");
    const sourceShape = await source.shape();
    const targetShape = await target.shape();
    const pgShape = source.kind === "postgres" ? sourceShape : targetShape;
    const tables = Object.keys(sourceShape).filter((t) => !MIGRATION_TABLES.has(t));
    if (!tables.length) throw new MigrateDataError({ vi: "Cơ sở dữ liệu nguồn không có bảng nào", en: "the source database has no tables" });

    // Migrated: every table of the source, with the same columns.
    const problems: string[] = [];
    for (const table of tables) {
      const t = targetShape[table];
      if (!t) {
        problems.push(`${table}: không có ở đích / missing in the target`);
        continue;
      }
      const a = Object.keys(sourceShape[table]!.columns).sort();
      const b = Object.keys(t.columns).sort();
      for (const c of a) if (!b.includes(c)) problems.push(`${table}.${c}: không có ở đích / missing in the target`);
      for (const c of b) if (!a.includes(c)) problems.push(`${table}.${c}: chỉ có ở đích / only in the target`);
    }
    if (problems.length)
      throw new MigrateDataError({
        vi: `Đích chưa được cập nhật cấu trúc giống nguồn, không có gì được ghi:\n  ${problems.join("\n  ")}`,
        en: "the target is not migrated to the source's schema; nothing was written",
      });

    // Empty, but for the rows migrations write (plugin_migrations and the tables of those plugins), replaced below.
    const pluginMigrationsOf = async (side: Side, shape: SchemaShape) => {
      if (!shape.plugin_migrations) return [] as string[];
      const rows: string[] = [];
      for await (const [pluginId, name] of side.rows("plugin_migrations", ["plugin_id", "name"], ["plugin_id", "name"], ["text", "text"])) rows.push(`${pluginId}/${name}`);
      return rows;
    };
    const sourcePlugins = await pluginMigrationsOf(source, sourceShape);
    const targetPlugins = await pluginMigrationsOf(target, targetShape);
    if (targetPlugins.length && sourcePlugins.join("\n") !== targetPlugins.join("\n"))
      throw new MigrateDataError({
        vi: `Đích đã chạy các cập nhật cấu trúc plugin khác nguồn (nguồn: ${sourcePlugins.join(", ") || "không có"}; đích: ${targetPlugins.join(", ")}); không có gì được ghi`,
        en: `the target has applied other plugin migrations than the source (source: ${sourcePlugins.join(", ") || "none"}; target: ${targetPlugins.join(", ")}); nothing was written`,
      });
    const prefixes = [...new Set(targetPlugins.map((p) => pluginTablePrefix(p.split("/")[0]!)))];
    const replaceable = (table: string) => table === "plugin_migrations" || prefixes.some((p) => table.startsWith(p));
    const holding: string[] = [];
    for (const table of tables) {
      if (replaceable(table)) continue;
      const n = await target.count(table);
      if (n) holding.push(`${table} (${n})`);
    }
    if (holding.length)
      throw new MigrateDataError({
        vi: `Đích đã có dữ liệu, không có gì được ghi — các bảng: ${holding.join(", ")}`,
        en: `the target is not empty, nothing was written — tables: ${holding.join(", ")}`,
      });

    const order = foreignKeyOrder(sourceShape, tables);
    const plan = order.map((table) => {
      const columns = Object.keys(sourceShape[table]!.columns);
      const families = columns.map((c) => pgShape[table]!.columns[c]!.family);
      const pk = sourceShape[table]!.primaryKey;
      return { table, columns, families, pk, orderBy: pk.length ? pk : columns };
    });

    // Copy, in one transaction on the target; the source read in one snapshot.
    await source.beginRead();
    await target.begin();
    try {
      for (const table of [...order].reverse()) if (replaceable(table)) await target.deleteAll(table);
      for (const { table, columns, families, pk } of plan) {
        // On PostgreSQL a reference to a row of the same table not yet copied would fail: written after the rows.
        const deferred = target.kind === "postgres" && pk.length ? selfReferences(sourceShape, table).filter((c) => !pgShape[table]!.columns[c]!.notNull) : [];
        const deferredIdx = deferred.map((c) => columns.indexOf(c));
        const pkIdx = pk.map((c) => columns.indexOf(c));
        const later: { key: unknown[]; values: unknown[] }[] = [];
        let batch: Row[] = [];
        let copied = 0;
        const flush = async () => {
          await target!.insert(table, columns, families, batch);
          copied += batch.length;
          batch = [];
        };
        for await (const row of source.rows(table, columns, pk.length ? pk : columns, families)) {
          if (deferredIdx.some((i) => row[i] !== null)) {
            later.push({ key: pkIdx.map((i) => row[i]), values: deferredIdx.map((i) => row[i]) });
            row.forEach((_, i) => deferredIdx.includes(i) && (row[i] = null));
          }
          batch.push(row);
          if (batch.length >= 2000) await flush();
        }
        await flush();
        for (const { key, values } of later)
          for (const [j, column] of deferred.entries()) if (values[j] !== null) await target.update(table, column, values[j], pk, key);
        log(`  ${table}: ${copied}`);
      }
      await target.afterCopy(targetShape);
      await target.commit();
    } catch (e) {
      await target.rollback();
      throw e instanceof MigrateDataError
        ? e
        : new MigrateDataError({ vi: `Sao chép thất bại, đích không thay đổi: ${(e as Error).message}`, en: `the copy failed, the target is unchanged: ${(e as Error).message}` });
    } finally {
      await source.endRead();
    }

    // Verify: counts and checksums of every table, on both sides.
    const results: TableResult[] = [];
    for (const { table, columns, families, orderBy } of plan) {
      const sourceRows = await source.count(table);
      const targetRows = await target.count(table);
      const sourceChecksum = await checksum(source, table, columns, orderBy, families);
      const targetChecksum = await checksum(target, table, columns, orderBy, families);
      results.push({ table, sourceRows, targetRows, sourceChecksum, targetChecksum, ok: sourceRows === targetRows && sourceChecksum === targetChecksum });
    }
    return results;
  } finally {
    await target?.close();
    await source.close();
  }
}

/** The plugin migrations applied on a database ("plugin-id/0000_name"), in order; the plugins whose tables it has. */
export async function appliedPluginMigrations(endpoint: Endpoint): Promise<string[]> {
  const side = await openSide(endpoint, "source");
  try {
    const shape = await side.shape();
    if (!shape.plugin_migrations) return [];
    const rows: string[] = [];
    for await (const [pluginId, name] of side.rows("plugin_migrations", ["plugin_id", "name"], ["plugin_id", "name"], ["text", "text"])) rows.push(`${pluginId}/${name}`);
    return rows;
  } finally {
    await side.close();
  }
}

/** Whether a database has no tables at all (a PostgreSQL database just created). */
export async function hasNoTables(endpoint: Endpoint): Promise<boolean> {
  const side = await openSide(endpoint, "source");
  try {
    return Object.keys(await side.shape()).length === 0;
  } finally {
    await side.close();
  }
}

/**
 * Row count and checksum of every table of one database (the canonical serialisation `migrateData` verifies with);
 * the type families are the database's own (SQLite: from the drizzle schema's hints).
 */
export async function tableChecksums(endpoint: Endpoint): Promise<Record<string, { rows: number; checksum: string }>> {
  const side = await openSide(endpoint, "source");
  try {
    const shape = await side.shape();
    const result: Record<string, { rows: number; checksum: string }> = {};
    await side.beginRead();
    for (const [table, t] of Object.entries(shape).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const columns = Object.keys(t.columns).sort();
      const families = columns.map((c) => t.columns[c]!.family);
      result[table] = { rows: await side.count(table), checksum: await checksum(side, table, columns, t.primaryKey.length ? t.primaryKey : columns, families) };
    }
    await side.endRead();
    return result;
  } finally {
    await side.close();
  }
}

/** The per-table verification as a text table. */
export function formatResults(results: TableResult[]): string {
  const width = Math.max(5, ...results.map((r) => r.table.length));
  const lines = [`${"bảng / table".padEnd(width)}  ${"nguồn".padStart(8)}  ${"đích".padStart(8)}  sha-256 (12)  `];
  for (const r of results)
    lines.push(`${r.table.padEnd(width)}  ${String(r.sourceRows).padStart(8)}  ${String(r.targetRows).padStart(8)}  ${r.targetChecksum.slice(0, 12)}  ${r.ok ? "khớp / ok" : `KHÁC / DIFFERS (nguồn/source ${r.sourceChecksum.slice(0, 12)})`}`);
  return lines.join("\n");
}
