/**
 * The two migration folders agree: a SQLite database migrated from `drizzle/` and a real PostgreSQL migrated from
 * `drizzle-pg/` have the same tables, columns (name, nullability, type family, identity, default), primary keys,
 * indexes and foreign keys. A column added to one side only is a difference.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type TestPostgres } from "../../test-support/postgres.js";
import { closeDatabase, openDatabase, type Db } from "../client.js";
import { compareSchemas, describePostgres, describeSqlite, sqliteVirtualTables } from "./describe.js";
import { closePostgres, openPostgres } from "./client.js";
import { migratePostgres, sqliteTypeHints } from "./migrate.js";
import { pgTables } from "./schema.js";

let server: TestPostgres;
let client: pg.Client;
let sqlite: Db;

beforeAll(async () => {
  server = await startPostgres();
  await migratePostgres(server.url);
  client = new pg.Client({ connectionString: server.url });
  await client.connect();
  sqlite = openDatabase(":memory:");
}, 240_000);

afterAll(async () => {
  await client?.end().catch(() => undefined);
  await server?.stop();
  if (sqlite) closeDatabase(sqlite);
}, 120_000);

describe("SQLite and PostgreSQL migrations agree", () => {
  it("table by table, column by column", async () => {
    const a = describeSqlite(sqlite.$client, sqliteTypeHints());
    const b = await describePostgres(client);
    expect(Object.keys(a).length).toBeGreaterThan(30);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    expect(compareSchemas(a, b)).toEqual([]);
    // The comparison looks at what matters: a sample of it.
    expect(b.localities!.columns.sort_key).toEqual({ family: "text", notNull: true, identity: false, default: "''" });
    expect(b.localities!.columns.id!.identity).toBe(true);
    expect(b.targets!.columns.applies_every_year).toEqual({ family: "boolean", notNull: true, identity: false, default: "false" });
    expect(b.tasks!.foreignKeys).toContain("(plan_id) -> plans(id) on delete cascade on update no action");
    expect(b.locality_closure!.primaryKey).toEqual(["ancestor_id", "descendant_id"]);
  });

  it("SQLite-only structures are known: the FTS5 search index of the audit log (PostgreSQL: not yet)", () => {
    expect(sqliteVirtualTables(sqlite.$client).virtual).toEqual(["audit_log_search"]);
  });

  it("sort keys compare bytewise on PostgreSQL, as on SQLite", async () => {
    const collation = await client.query("select collation_name from information_schema.columns where table_name = 'localities' and column_name = 'sort_key'");
    expect(collation.rows[0].collation_name).toBe("C");
  });

  it("the derived tables work through drizzle on PostgreSQL: identities, booleans, JSON, defaults, bytewise order", async () => {
    const db = openPostgres(server.url, { max: 2 });
    try {
      const [level] = await db
        .insert(pgTables.localityLevels!)
        .values({ code: "tinh", nameVi: "Tỉnh", nameEn: "Province", rank: 1, isAdministrative: true })
        .returning();
      expect(level).toMatchObject({ id: 1, version: 1, isAdministrative: true });
      expect(level!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const localities = pgTables.localities!;
      const names = ["Đồng Đăng", "Bằng Mạc", "An Bình", "Ái Quốc"];
      const { vietnameseSortKey } = await import("@eduplan/domain");
      for (const [i, nameVi] of names.entries())
        await db.insert(localities).values({ code: `x${i}`, nameVi, levelCode: "tinh", sortKey: vietnameseSortKey(nameVi) });
      const sorted = await db.select({ nameVi: localities.nameVi }).from(localities).orderBy(localities.sortKey);
      const lite = [...names].sort((a, b) => (vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : 1));
      expect(sorted.map((r) => r.nameVi)).toEqual(lite);
      const agencies = pgTables.agencies!;
      const [agency] = await db.insert(agencies).values({ code: "a", nameVi: "Sở GD&ĐT", kind: "department", localityId: 1, aliases: ["SGD"] }).returning();
      expect(agency!.aliases).toEqual(["SGD"]);
      expect(agency!.formerNames).toEqual([]);
    } finally {
      await closePostgres(db);
    }
  });

  it("a column added to one side only is a difference", async () => {
    sqlite.$client.exec("alter table localities add column extra_sqlite text");
    await client.query("alter table plans add column extra_pg integer not null default 0");
    const differences = compareSchemas(describeSqlite(sqlite.$client, sqliteTypeHints()), await describePostgres(client));
    expect(differences).toEqual(["localities.extra_sqlite: column only in sqlite", "plans.extra_pg: column only in postgres"]);
  });
});
