/**
 * The plugin contract, checked on every plugin of the workspace (discovered as the registry generator discovers them)
 * and on the deliberately broken fixture; the generated registries are up to date; an upgrade runs only new migrations.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { closeDatabase, exec, one, openDatabase, rows, schema as s, sql, type Db } from "@eduplan/db";
import { describeFields, tablePrefixOf, type AnyPlugin } from "@eduplan/plugin-sdk";
import { ensureReferenceData } from "@eduplan/province-config";
import { CORE_VERSION, loadPlugins, validateDeclaration, type PluginRegistry } from "../src/index.js";
import { discoverPlugins, generateRegistry } from "../src/registry.js";
import { BROKEN_PLUGIN_ENTRY, UPGRADE_V1_ENTRY, UPGRADE_V2_ENTRY } from "./fixtures/index.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const discovered = discoverPlugins(ROOT);
const plugins = new Map<string, AnyPlugin>();
let dir: string;
let db: Db;

beforeAll(async () => {
  for (const p of discovered) plugins.set(p.pluginId, ((await import(pathToFileURL(join(p.dir, "src/server.ts")).href)) as { default: AnyPlugin }).default);
  dir = mkdtempSync(join(tmpdir(), "eduplan-plugins-"));
  db = openDatabase(join(dir, "plugins.db"));
  await ensureReferenceData(db);
});
afterAll(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const registryOf = (...extra: [string, PluginRegistry[string]][]): PluginRegistry => ({
  ...Object.fromEntries(discovered.map((p) => [p.pluginId, { folder: p.folder, packageName: p.packageName, plugin: plugins.get(p.pluginId) }])),
  ...Object.fromEntries(extra),
});

describe("every plugin of the workspace", () => {
  test("the three locality plugins are discovered from their package.json", () => {
    expect(discovered.map((p) => p.pluginId)).toEqual(expect.arrayContaining(["boarding-schools", "chinese-language", "geopark-education"]));
    for (const p of discovered) expect(p.packageName).toBe(`@eduplan/plugin-${p.pluginId}`);
  });

  test.each(discovered.map((p) => p.pluginId))("%s: its declaration is valid, namespaced and fully labelled", (id) => {
    const plugin = plugins.get(id)!;
    expect(validateDeclaration(plugin, { folder: id })).toEqual([]);
    expect(plugin.id).toBe(id);
    for (const indicator of plugin.indicators ?? []) expect(indicator.code.startsWith(`${id}.`)).toBe(true);
    for (const table of Object.keys(plugin.tables ?? {})) expect(table).toBeTruthy();
    for (const form of Object.values(plugin.forms ?? {})) {
      const fields = describeFields(form);
      expect(fields.length).toBeGreaterThan(0);
      for (const f of fields) {
        expect(f.hint.label.vi, `${id}/${form.id}.${f.name}`).not.toBe(f.name);
        expect(f.hint.label.en).toBeTruthy();
      }
      expect(form.levels.length).toBeGreaterThan(0);
    }
    for (const feed of plugin.feeds ?? []) for (const f of feed.forms) expect(plugin.forms?.[f], `${id}: feed ${feed.id}`).toBeDefined();
    // Settings have a default for every field, so enabling a plugin needs no settings.
    if (plugin.settings) expect(() => (plugin.settings as z.ZodObject).parse({})).not.toThrow();
  });

  test("loading them: all active, migrations applied, indicators upserted by code with their plugin id, never duplicated", async () => {
    const logs: string[] = [];
    const runtime = await loadPlugins(db, registryOf(), { log: (m) => logs.push(m) });
    expect(logs).toEqual([]);
    expect([...runtime.active.keys()].sort()).toEqual(discovered.map((p) => p.pluginId).sort());
    const installed = await db.select().from(s.installedPlugins);
    expect(installed.every((p) => p.status === "active" && p.error === null)).toBe(true);
    const codes = [...plugins.values()].flatMap((p) => (p.indicators ?? []).map((i) => i.code));
    const count = () => rows<{ code: string; plugin_id: string }>(db, sql`select code, plugin_id from indicators where plugin_id is not null order by code`);
    expect((await count()).map((r) => r.code)).toEqual([...codes].sort());
    for (const r of await count()) expect(r.code.startsWith(`${r.plugin_id}.`)).toBe(true);
    const audit = (await rows(db, sql`select id from audit_log`)).length;
    await loadPlugins(db, registryOf()); // a restart
    expect((await count()).length).toBe(codes.length);
    expect((await rows(db, sql`select id from audit_log`)).length).toBe(audit); // nothing changed, nothing written
    // Tables exist with the plugin's prefix; migrations are tracked per plugin.
    const tables = await rows<{ name: string }>(db, sql`select name from sqlite_master where type = 'table' and name like 'geopark_education_%'`);
    expect(tables.map((t) => t.name)).toEqual(["geopark_education_sites"]);
    expect(tables.every((t) => t.name.startsWith(tablePrefixOf("geopark-education")))).toBe(true);
    expect(await rows(db, sql`select name from plugin_migrations where plugin_id = 'geopark-education' order by name`)).toEqual([{ name: "0000_sites" }, { name: "0001_sample_sites" }]);
  });
});

describe("a broken plugin", () => {
  test("is rejected with a clear message naming it, recorded as broken, and the others still load", async () => {
    const logs: string[] = [];
    const runtime = await loadPlugins(db, registryOf(["broken-plugin", BROKEN_PLUGIN_ENTRY]), { log: (m) => logs.push(m) });
    expect(runtime.isActive("broken")).toBe(false);
    expect(runtime.isActive("geopark-education")).toBe(true);
    expect(logs).toHaveLength(1);
    const message = logs[0]!;
    expect(message).toMatch(/plugin 'broken-plugin' \(@eduplan\/plugin-broken-fixture\) is broken and was skipped/);
    expect(message).toMatch(/id 'broken' must equal its folder name 'broken-plugin'/);
    expect(message).toMatch(new RegExp(`needs core \\^9\\.0\\.0, this is core ${CORE_VERSION.replace(/\./g, "\\.")}`));
    expect(message).toMatch(/indicator code 'not_namespaced\.rate' must start with 'broken\.'/);
    expect(message).toMatch(/table 'things' must be prefixed 'broken_'/);
    const row = (await db.select().from(s.installedPlugins)).find((p) => p.pluginId === "broken-plugin")!;
    expect(row.status).toBe("broken");
    expect(row.error).toMatch(/must equal its folder name/);
    expect(await rows(db, sql`select code from indicators where code = 'not_namespaced.rate'`)).toEqual([]);
    expect(await rows(db, sql`select name from sqlite_master where name = 'things'`)).toEqual([]);
  });

  test("a missing dependency and a declaration that is not one are reported too", async () => {
    const logs: string[] = [];
    const dependent = { ...plugins.get("chinese-language")!, id: "needs-more", indicators: [], feeds: [], dependsOn: ["absent-plugin"] };
    await loadPlugins(db, {
      "needs-more": { folder: "needs-more", packageName: "@eduplan/plugin-needs-more", plugin: dependent },
      junk: { folder: "junk", packageName: "@eduplan/plugin-junk", plugin: { hello: "world" } },
    }, { log: (m) => logs.push(m) });
    expect(logs.join("\n")).toMatch(/'needs-more'.*depends on plugin 'absent-plugin', which is not installed/);
    expect(logs.join("\n")).toMatch(/'junk'.*id: .*version: /s);
  });
});

describe("upgrading a plugin", () => {
  test("version 1 → 2 applies only the new migration, and keeps the data", async () => {
    const logs: string[] = [];
    const v1 = await loadPlugins(db, { "upgrade-demo": UPGRADE_V1_ENTRY }, { log: (m) => logs.push(m) });
    expect(v1.isActive("upgrade-demo")).toBe(true);
    await exec(db, sql`insert into upgrade_demo_items (name) values ('Hang Gió')`);
    const applied = async () => (await rows<{ name: string }>(db, sql`select name from plugin_migrations where plugin_id = 'upgrade-demo' order by name`)).map((r) => r.name);
    expect(await applied()).toEqual(["0000_items"]);
    const v2 = await loadPlugins(db, { "upgrade-demo": UPGRADE_V2_ENTRY }, { log: (m) => logs.push(m) });
    expect(v2.isActive("upgrade-demo")).toBe(true);
    expect(logs).toEqual([]);
    expect(await applied()).toEqual(["0000_items", "0001_rank"]);
    expect(await one(db, sql`select name, rank from upgrade_demo_items`)).toEqual({ name: "Hang Gió", rank: null });
    expect((await db.select().from(s.installedPlugins)).find((p) => p.pluginId === "upgrade-demo")).toMatchObject({ version: "2.0.0", status: "active" });
    // Starting v2 again applies nothing.
    await loadPlugins(db, { "upgrade-demo": UPGRADE_V2_ENTRY });
    expect(await applied()).toEqual(["0000_items", "0001_rank"]);
  });
});

describe("the generated registries", () => {
  test("are up to date: regenerating them (pnpm eduplan plugin registry) would change nothing", () => {
    const result = generateRegistry(ROOT, { check: true });
    expect(result.outOfDate.map((f) => f.slice(ROOT.length))).toEqual([]);
  });
});
