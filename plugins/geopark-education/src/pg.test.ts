/**
 * The plugin's PostgreSQL migrations (`drizzle-pg/`) agree with its SQLite ones (`drizzle/`), on a real PostgreSQL:
 * same table, columns, indexes and the same sample sites.
 */
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applyPluginMigrations, closeDatabase, openDatabase, type Db } from "@eduplan/db";
import { compareSchemas, describePostgres, describeSqlite, migratePostgres, sqliteTypeHints } from "@eduplan/db/pg";
import { startPostgres, type TestPostgres } from "@eduplan/db/test-support/postgres";
import { sites } from "./schema.js";

const folder = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));
let server: TestPostgres;
let sqlite: Db;

beforeAll(async () => {
  server = await startPostgres();
  await migratePostgres(server.url, { plugins: [["geopark-education", folder("drizzle-pg")]] });
  sqlite = openDatabase(":memory:");
  await applyPluginMigrations(sqlite, "geopark-education", folder("drizzle"));
}, 240_000);

afterAll(async () => {
  await server?.stop();
  if (sqlite) closeDatabase(sqlite);
}, 120_000);

it("the plugin's table and sample rows are the same on SQLite and PostgreSQL", async () => {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    const a = describeSqlite(sqlite.$client, sqliteTypeHints({ sites }));
    const b = await describePostgres(client);
    expect(compareSchemas({ geopark_education_sites: a.geopark_education_sites! }, { geopark_education_sites: b.geopark_education_sites! })).toEqual([]);
    const pgRows = (await client.query("select code, name_vi, is_sample from geopark_education_sites order by code")).rows;
    const liteRows = sqlite.$client.prepare("select code, name_vi, is_sample from geopark_education_sites order by code").all() as { code: string; name_vi: string; is_sample: number }[];
    expect(pgRows).toEqual(liteRows.map((r) => ({ ...r, is_sample: r.is_sample === 1 })));
    expect(pgRows.length).toBe(5);
  } finally {
    await client.end();
  }
});
