export { bytewiseText, derivePgTables, sqliteTablesOf, type AnyPgTable } from "./derive.js";
export { pgTables } from "./schema.js";
export { compareSchemas, describePostgres, describeSqlite, MIGRATION_TABLES, sqliteVirtualTables, type SchemaShape, type TableShape } from "./describe.js";
export { applyPluginMigrationsPg, CORE_PG_MIGRATIONS_FOLDER, migratePostgres, sqliteTypeHints } from "./migrate.js";
export { appliedPluginMigrations, formatResults, hasNoTables, tableChecksums, foreignKeyOrder, migrateData, MigrateDataError, parseEndpoint, type Endpoint, type TableResult } from "./migrate-data.js";
export { closePostgres, openPostgres, type PgDb } from "./client.js";
