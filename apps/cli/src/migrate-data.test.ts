/**
 * `eduplan migrate-data` against a real PostgreSQL (one cluster for this file): the sample provinces move from SQLite
 * to PostgreSQL and back to a new SQLite file, and every table of the last is identical to the first (row count and
 * checksum of all rows); targets that are not empty, not migrated or of the same engine are refused, nothing written.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPluginMigrations, closeDatabase, exec, openDatabase, sql } from "@eduplan/db";
import { migratePostgres, tableChecksums } from "@eduplan/db/pg";
import { startPostgres, type TestPostgres } from "@eduplan/db/test-support/postgres";
import { seedSampleData } from "@eduplan/sample-data";
import { runMigrateData } from "./migrate-data.js";
import { eduplan, ROOT } from "./test-cli.js";

let server: TestPostgres;
let dir: string;
let first: string;

async function run(from: string, to: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runMigrateData(from, to, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-migrate-data-"));
  first = join(dir, "first.db");
  const db = openDatabase(first);
  await seedSampleData(db);
  // A plugin's own tables (with the sample rows its migration seeds) and a session: every kind of table moves.
  await applyPluginMigrations(db, "geopark-education", join(ROOT, "plugins/geopark-education/drizzle"));
  await exec(db, sql`insert into sessions (token_hash, user_id, created_at, expires_at) select 'hash-of-a-token', min(id), '2026-12-08T00:00:00.000Z', '2026-12-09T00:00:00.000Z' from users`);
  closeDatabase(db);
  server = await startPostgres();
}, 300_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe("eduplan migrate-data", () => {
  it("SQLite → PostgreSQL → SQLite gives identical data, table by table", async () => {
    const there = await run(`sqlite:${first}`, server.url);
    expect(there.err).toBe("");
    expect(there.code).toBe(0);
    expect(there.out).toContain("target migrated");
    expect(there.out).toMatch(/localities +\d+ +\d+ +[0-9a-f]{12} +khớp \/ ok/);
    expect(there.out).toContain("row counts and checksums match");

    const second = join(dir, "second.db");
    const back = await run(server.url, `sqlite:${second}`);
    expect(back.err).toBe("");
    expect(back.code).toBe(0);

    const a = await tableChecksums({ kind: "sqlite", file: first });
    const b = await tableChecksums({ kind: "sqlite", file: second });
    expect(Object.keys(a).length).toBeGreaterThan(30);
    for (const table of ["localities", "plans", "targets", "indicator_values", "indicator_rollups", "audit_log", "sessions", "users", "geopark_education_sites", "plugin_migrations"])
      expect(a[table]!.rows, table).toBeGreaterThan(0);
    expect(b).toEqual(a);

    // PostgreSQL's identities continue after the ids copied: a new row gets the next id.
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const max = await client.query("select max(id) as id from audit_log");
      const next = await client.query("insert into audit_log (at, username, action, entity) values ('2026-12-08T00:00:00.000Z', 'test', 'create', 'test') returning id");
      expect(next.rows[0].id).toBe(max.rows[0].id + 1);
      // Vietnamese sort keys order the same way on both engines.
      const sorted = await client.query("select name_vi from localities order by sort_key, id");
      const lite = openDatabase(second, { migrate: false });
      const expected = lite.$client.prepare("select name_vi from localities order by sort_key, id").pluck().all();
      closeDatabase(lite);
      expect(sorted.rows.map((r) => r.name_vi)).toEqual(expected);
    } finally {
      await client.end();
    }
  });

  it("refuses a target that holds data, naming its tables, and writes nothing", async () => {
    const again = await run(`sqlite:${first}`, server.url);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/the target is not empty, nothing was written — tables: .*localities \(\d+\)/);
  });

  it("refuses a target migrated to another schema", async () => {
    const drifted = await server.createDatabase("drifted");
    await migratePostgres(drifted, { plugins: [["geopark-education", join(ROOT, "plugins/geopark-education/drizzle-pg")]] });
    const c = new pg.Client({ connectionString: drifted });
    await c.connect();
    await c.query("alter table localities drop column population");
    await c.end();
    const result = await run(`sqlite:${first}`, drifted);
    expect(result.code).toBe(1);
    expect(result.err).toContain("localities.population: không có ở đích / missing in the target");
  });

  it("the command line: a bad endpoint or the same engine twice is a clear message, exit 1", async () => {
    const bad = await eduplan(["migrate-data", "--from", "mysql://x", "--to", `sqlite:${join(dir, "x.db")}`], first);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--from: must be sqlite:FILE or postgres://…");
    const same = await run(`sqlite:${first}`, `sqlite:${join(dir, "x.db")}`);
    expect(same.code).toBe(1);
    expect(same.err).toContain("must be different engines");
  });
});
