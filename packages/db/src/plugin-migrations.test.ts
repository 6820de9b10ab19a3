import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyPluginMigrations, closeDatabase, exec, one, openDatabase, rows, sql } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "eduplan-plugin-mig-"));
const db = openDatabase(join(dir, "p.db"));
afterAll(async () => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe("plugin migrations", () => {
  it("apply once, in order; an upgrade applies only the new one; tables outside the prefix are refused", async () => {
    const folder = join(dir, "migrations");
    mkdirSync(folder);
    writeFileSync(join(folder, "0000_init.sql"), "CREATE TABLE `demo_plugin_sites` (`id` integer PRIMARY KEY, `name` text NOT NULL);\n--> statement-breakpoint\nCREATE INDEX `demo_plugin_sites_name` ON `demo_plugin_sites` (`name`);");
    expect(await applyPluginMigrations(db, "demo-plugin", folder)).toEqual(["0000_init"]);
    expect(await applyPluginMigrations(db, "demo-plugin", folder)).toEqual([]);
    await exec(db, sql`insert into demo_plugin_sites (name) values ('Hang Kéo Lè')`);
    writeFileSync(join(folder, "0001_rank.sql"), "ALTER TABLE `demo_plugin_sites` ADD `rank` text;");
    expect(await applyPluginMigrations(db, "demo-plugin", folder)).toEqual(["0001_rank"]);
    expect((await one<{ name: string; rank: string | null }>(db, sql`select name, rank from demo_plugin_sites`))).toEqual({ name: "Hang Kéo Lè", rank: null });
    writeFileSync(join(folder, "0002_bad.sql"), "CREATE TABLE `users2` (`id` integer);");
    await expect(applyPluginMigrations(db, "demo-plugin", folder)).rejects.toThrow(/prefixed 'demo_plugin_'/);
    expect((await rows(db, sql`select name from sqlite_master where name = 'users2'`))).toEqual([]);
  });
});
