/**
 * The schema of a live database, read from the database itself (SQLite's pragmas, PostgreSQL's catalogs), in one
 * shape for both engines, and the differences between two of them: tables, columns (name, nullability, type family,
 * identity, default), primary keys, indexes (unique or not) and foreign keys with their actions. Used by the test
 * that proves the two migration folders agree, and by `migrate-data` to check that a target is migrated.
 */
import type Database from "better-sqlite3";
import type pg from "pg";

export type TypeFamily = "integer" | "boolean" | "float" | "text" | "json" | "timestamp" | "other";

export type ColumnShape = { family: TypeFamily; notNull: boolean; identity: boolean; default: string | null };
export type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  /** "unique name(a,b)" or "name(a,b)"; SQLite's unnamed unique constraints: "unique (a,b)". */
  indexes: string[];
  /** "(a,b) -> table(c,d) on delete cascade on update no action" */
  foreignKeys: string[];
};
export type SchemaShape = Record<string, TableShape>;

/** Tables that hold the migrator's bookkeeping, not data. */
export const MIGRATION_TABLES = new Set(["__drizzle_migrations"]);

/** Comparable form of a default: casts dropped, "now" for the creation timestamps, booleans as true/false. */
function normaliseDefault(value: string | null, family: TypeFamily): string | null {
  if (value === null) return null;
  let v = value.trim();
  if (/strftime|now\(\)/i.test(v)) return "now";
  while (v.startsWith("(") && v.endsWith(")")) v = v.slice(1, -1).trim();
  v = v.replace(/::[a-z ]+(\[\])?$/i, "");
  if (family === "boolean") {
    if (v === "0" || v === "false") return "false";
    if (v === "1" || v === "true") return "true";
  }
  return v;
}

function sqliteFamily(declared: string, hint: "boolean" | "json" | "timestamp" | undefined): TypeFamily {
  const t = declared.toLowerCase();
  const boolean = hint === "boolean";
  const json = hint === "json";
  if (hint === "timestamp" && t.startsWith("int")) return "timestamp";
  if (t.startsWith("int")) return boolean ? "boolean" : "integer";
  if (t === "real" || t.startsWith("double") || t.startsWith("float")) return "float";
  if (t.startsWith("text") || t.startsWith("varchar") || t === "") return json ? "json" : "text";
  return "other";
}

function pgFamily(dataType: string): TypeFamily {
  if (["integer", "bigint", "smallint"].includes(dataType)) return "integer";
  if (dataType === "boolean") return "boolean";
  if (["double precision", "real", "numeric"].includes(dataType)) return "float";
  if (["text", "character varying"].includes(dataType)) return "text";
  if (["json", "jsonb"].includes(dataType)) return "json";
  if (dataType.startsWith("timestamp")) return "timestamp";
  return "other";
}

/**
 * The schema of a SQLite database. SQLite stores booleans and JSON as integers and text: `hints` (from the drizzle
 * schema: table → column → "boolean" | "json") name the columns whose family is not visible in the file.
 */
/**
 * SQLite's virtual tables (FTS5 search indexes such as `audit_log_search`) and their shadow tables: derived indexes
 * kept by triggers, SQLite-only (PostgreSQL would index the same text its own way), neither compared nor copied.
 */
export function sqliteVirtualTables(sqlite: Database.Database): { virtual: string[]; shadow: string[] } {
  const rows = sqlite.prepare("select name, sql from sqlite_master where type = 'table'").all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /^create\s+virtual\s+table/i.test(r.sql ?? "")).map((r) => r.name);
  const shadow = rows.filter((r) => virtual.some((v) => r.name.startsWith(`${v}_`))).map((r) => r.name);
  return { virtual: virtual.sort(), shadow: shadow.sort() };
}

export function describeSqlite(sqlite: Database.Database, hints: Record<string, Record<string, "boolean" | "json" | "timestamp">> = {}): SchemaShape {
  const shape: SchemaShape = {};
  const tables = sqlite.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string; sql: string }[];
  const { virtual, shadow } = sqliteVirtualTables(sqlite);
  for (const { name, sql } of tables) {
    if (MIGRATION_TABLES.has(name) || virtual.includes(name) || shadow.includes(name)) continue;
    const q = (pragma: string) => sqlite.prepare(`select * from pragma_${pragma}(?)`).all(name) as Record<string, unknown>[];
    const columns: Record<string, ColumnShape> = {};
    const info = q("table_info") as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const autoIncrement = /autoincrement/i.test(sql);
    for (const c of info) {
      const family = sqliteFamily(c.type, hints[name]?.[c.name]);
      const identity = autoIncrement && c.pk === 1 && family === "integer";
      columns[c.name] = { family, notNull: c.notnull === 1 || c.pk > 0, identity, default: identity ? null : normaliseDefault(c.dflt_value, family) };
    }
    const primaryKey = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const indexes: string[] = [];
    for (const idx of q("index_list") as { name: string; unique: number; origin: string }[]) {
      if (idx.origin === "pk") continue;
      const cols = (sqlite.prepare("select name from pragma_index_info(?) order by seqno").all(idx.name) as { name: string }[]).map((c) => c.name).join(",");
      indexes.push(idx.origin === "u" ? `unique (${cols})` : `${idx.unique ? "unique " : ""}${idx.name}(${cols})`);
    }
    const fkRows = q("foreign_key_list") as { id: number; seq: number; table: string; from: string; to: string; on_update: string; on_delete: string }[];
    const byId = new Map<number, typeof fkRows>();
    for (const r of fkRows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    const foreignKeys = [...byId.values()].map((rows) => {
      rows.sort((a, b) => a.seq - b.seq);
      const r = rows[0]!;
      return `(${rows.map((x) => x.from).join(",")}) -> ${r.table}(${rows.map((x) => x.to).join(",")}) on delete ${r.on_delete.toLowerCase()} on update ${r.on_update.toLowerCase()}`;
    });
    shape[name] = { columns, primaryKey, indexes: indexes.sort(), foreignKeys: foreignKeys.sort() };
  }
  return shape;
}

const FK_ACTIONS: Record<string, string> = { a: "no action", r: "restrict", c: "cascade", n: "set null", d: "set default" };

/** The schema of the tables of a PostgreSQL schema (`public` by default). */
export async function describePostgres(client: pg.ClientBase, schemaName = "public"): Promise<SchemaShape> {
  const shape: SchemaShape = {};
  const tables = await client.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by table_name",
    [schemaName],
  );
  for (const { table_name: name } of tables.rows) {
    if (MIGRATION_TABLES.has(name)) continue;
    shape[name] = { columns: {}, primaryKey: [], indexes: [], foreignKeys: [] };
  }
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; is_identity: string }>(
    "select table_name, column_name, data_type, is_nullable, column_default, is_identity from information_schema.columns where table_schema = $1 order by table_name, ordinal_position",
    [schemaName],
  );
  for (const c of columns.rows) {
    const table = shape[c.table_name];
    if (!table) continue;
    const family = pgFamily(c.data_type);
    const identity = c.is_identity === "YES" || /^nextval\(/.test(c.column_default ?? "");
    table.columns[c.column_name] = { family, notNull: c.is_nullable === "NO", identity, default: identity ? null : normaliseDefault(c.column_default, family) };
  }
  const indexes = await client.query<{ table_name: string; index_name: string; is_unique: boolean; is_primary: boolean; constraint_type: string | null; columns: string[] }>(
    `select t.relname as table_name, i.relname as index_name, x.indisunique as is_unique, x.indisprimary as is_primary, c.contype as constraint_type,
            array(select a.attname from unnest(x.indkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n)::text[] as columns
       from pg_index x join pg_class t on t.oid = x.indrelid join pg_class i on i.oid = x.indexrelid join pg_namespace ns on ns.oid = t.relnamespace
       left join pg_constraint c on c.conindid = x.indexrelid and c.contype = 'p'
      where ns.nspname = $1`,
    [schemaName],
  );
  for (const r of indexes.rows) {
    const table = shape[r.table_name];
    if (!table) continue;
    if (r.is_primary) table.primaryKey = r.columns;
    // A unique constraint and a unique index are the same thing to the data (the derived schema makes every unique
    // index of SQLite a unique constraint of the same name).
    else table.indexes.push(`${r.is_unique ? "unique " : ""}${r.index_name}(${r.columns.join(",")})`);
  }
  const fks = await client.query<{ table_name: string; foreign_table: string; columns: string[]; foreign_columns: string[]; on_delete: string; on_update: string }>(
    `select t.relname as table_name, f.relname as foreign_table, c.confdeltype as on_delete, c.confupdtype as on_update,
            array(select a.attname from unnest(c.conkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n)::text[] as columns,
            array(select a.attname from unnest(c.confkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = f.oid and a.attnum = k.attnum order by k.n)::text[] as foreign_columns
       from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class f on f.oid = c.confrelid join pg_namespace ns on ns.oid = t.relnamespace
      where c.contype = 'f' and ns.nspname = $1`,
    [schemaName],
  );
  for (const r of fks.rows) {
    const table = shape[r.table_name];
    if (!table) continue;
    table.foreignKeys.push(`(${r.columns.join(",")}) -> ${r.foreign_table}(${r.foreign_columns.join(",")}) on delete ${FK_ACTIONS[r.on_delete]} on update ${FK_ACTIONS[r.on_update]}`);
  }
  for (const table of Object.values(shape)) {
    table.indexes.sort();
    table.foreignKeys.sort();
  }
  return shape;
}

/** Every difference between two schemas, one line each ("localities.extra: only in sqlite"); empty when they agree. */
export function compareSchemas(a: SchemaShape, b: SchemaShape, names: [string, string] = ["sqlite", "postgres"]): string[] {
  const differences: string[] = [];
  const [an, bn] = names;
  for (const table of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const ta = a[table];
    const tb = b[table];
    if (!ta || !tb) {
      differences.push(`${table}: table only in ${ta ? an : bn}`);
      continue;
    }
    for (const column of [...new Set([...Object.keys(ta.columns), ...Object.keys(tb.columns)])]) {
      const ca = ta.columns[column];
      const cb = tb.columns[column];
      if (!ca || !cb) {
        differences.push(`${table}.${column}: column only in ${ca ? an : bn}`);
        continue;
      }
      for (const key of ["family", "notNull", "identity", "default"] as const)
        if (ca[key] !== cb[key]) differences.push(`${table}.${column}: ${key} ${JSON.stringify(ca[key])} in ${an}, ${JSON.stringify(cb[key])} in ${bn}`);
    }
    if (ta.primaryKey.join(",") !== tb.primaryKey.join(",")) differences.push(`${table}: primary key (${ta.primaryKey}) in ${an}, (${tb.primaryKey}) in ${bn}`);
    for (const key of ["indexes", "foreignKeys"] as const) {
      for (const x of ta[key]) if (!tb[key].includes(x)) differences.push(`${table}: ${key === "indexes" ? "index" : "foreign key"} ${x} only in ${an}`);
      for (const x of tb[key]) if (!ta[key].includes(x)) differences.push(`${table}: ${key === "indexes" ? "index" : "foreign key"} ${x} only in ${bn}`);
    }
  }
  return differences;
}
