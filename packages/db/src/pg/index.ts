export { bytewiseText, derivePgTables, sqliteTablesOf, type AnyPgTable } from "./derive.js";
export { pgTables } from "./schema.js";
