import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, first, lineageOf, one, openDatabase, schema as s, sql, type Db } from "@eduplan/db";
import { applyProvinceConfig, ConfigInvalidError, ensureReferenceData, parseProvinceConfig } from "./index.js";

const EXAMPLE = fileURLToPath(new URL("../../../docs/examples/province.yaml", import.meta.url));
const exampleText = readFileSync(EXAMPLE, "utf8");

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-init-"));
  db = openDatabase(join(dir, "test.db"));
  await ensureReferenceData(db);
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const counts = async (db: Db) => {
  const n: Record<string, number> = {};
  for (const t of ["localities", "agencies", "users", "plans", "targets", "milestones", "tasks", "task_assignees", "audit_log", "locality_plugins"])
    n[t] = (await one<{ n: number }>(db, sql.raw(`select count(*) as n from ${t}`)))!.n;
  return n;
};

async function expectRefused(text: string): Promise<ConfigInvalidError> {
  const before = await counts(db);
  let caught: unknown;
  try {
    await applyProvinceConfig(db, parseProvinceConfig(text, "broken.yaml"));
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ConfigInvalidError);
  expect(await counts(db)).toEqual(before);
  return caught as ConfigInvalidError;
}

describe("province init", () => {
  it("creates the example province on an empty database, then changes nothing when run again", async () => {
    const firstRun = await applyProvinceConfig(db, parseProvinceConfig(exampleText, EXAMPLE));
    expect(firstRun.created).toBeGreaterThan(20);
    const province = (await first(db.select().from(s.localities).where(sql`code = 'vi-du'`)))!;
    expect(province.nameVi).toBe("Tỉnh Ví Dụ");
    const plan = (await first(db.select().from(s.plans).where(sql`code = 'vi-du-plan-2025'`)))!;
    const targets = await db.select().from(s.targets).where(sql`plan_id = ${plan.id}`);
    expect(targets).toHaveLength(5);
    const sub = targets.find((t) => t.comparator === "range")!;
    expect(sub.parentTargetId).toBe(targets.find((t) => t.code === "vocational.trained_workforce_rate")!.id);
    const counting = targets.find((t) => t.countedEntity === "commune")!;
    expect(counting.countingOutOfVi).toBe("tất cả đơn vị hành chính cấp xã");
    expect(await db.select().from(s.milestones)).toHaveLength(2);
    expect((await db.select().from(s.localityPlugins)).map((p) => p.pluginId)).toEqual(["chinese-language"]);
    const school = (await first(db.select().from(s.localities).where(sql`code = 'vi-du.th-an-binh'`)))!;
    const ancestors = await lineageOf(db, school.id);
    expect(ancestors.map((a) => a.depth)).toEqual([0, 1, 2, 3]);
    expect(ancestors[2]!.id).toBe(province.id);

    const before = await counts(db);
    const second = await applyProvinceConfig(db, parseProvinceConfig(exampleText, EXAMPLE));
    expect(second.created).toBe(0);
    expect(second.updated).toBe(0);
    expect(await counts(db)).toEqual(before);
  });

  it("applies an edit as an update, audited, keeping ids", async () => {
    await applyProvinceConfig(db, parseProvinceConfig(exampleText, EXAMPLE));
    const before = (await first(db.select().from(s.targets).where(sql`code = 'ecec.nursery.enrolment_rate' and plan_id = (select id from plans where code = 'vi-du-plan-2025')`)))!;
    const edited = exampleText.replace("value: 40\n", "value: 42.5\n");
    const summary = await applyProvinceConfig(db, parseProvinceConfig(edited, EXAMPLE));
    expect(summary.updated).toBe(1);
    const after = (await first(db.select().from(s.targets).where(sql`code = 'ecec.nursery.enrolment_rate' and plan_id = (select id from plans where code = 'vi-du-plan-2025')`)))!;
    expect(after.id).toBe(before.id);
    expect(after.value).toBe(42.5);
    expect(after.version).toBe(before.version + 1);
    const audit = await db.select().from(s.auditLog).where(sql`entity = 'targets' and entity_id = ${after.id} and action = 'update'`);
    expect(audit).toHaveLength(1);
    expect((audit[0]!.before as { value: number }).value).toBe(40);
  });

  it("refuses an unknown indicator, a 140% target and a commune whose parent does not exist, naming path and line, writing nothing", async () => {
    const broken = exampleText
      .replace("indicator: ecec.nursery.enrolment_rate", "indicator: ecec.nursery.no_such_rate")
      .replace("value: 9\n", "value: 140\n")
      .replace("parent: vi-du.xa-an-binh\n", "parent: vi-du.no-such-commune\n");
    const error = await expectRefused(broken);
    const byPath = new Map(error.errors.map((e) => [e.path, e]));
    expect(byPath.get("plans.0.targets.0.indicator")?.message.en).toMatch(/unknown indicator code 'ecec.nursery.no_such_rate'/);
    expect(byPath.get("plans.0.targets.1.value")?.message.en).toMatch(/140 exceeds 100/);
    expect(byPath.get("plans.0.targets.1.value")?.message.vi).toMatch(/vượt quá 100/);
    expect(byPath.get("localities.2.parent")?.message.vi).toMatch(/vi-du.no-such-commune/);
    const lines = broken.split("\n");
    for (const e of error.errors) expect(e.line).toBeGreaterThan(0);
    expect(lines[byPath.get("plans.0.targets.1.value")!.line! - 1]).toContain("140");
  });

  it("refuses a commune with no parent at all (shape error, with its line)", async () => {
    const error = await expectRefused(exampleText.replace("    parent: vi-du\n    isExtremelyDifficultArea: true\n", "    isExtremelyDifficultArea: true\n"));
    expect(error.errors[0]!.path).toBe("localities.0.parent");
    expect(error.errors[0]!.message.vi).toBe("Trường này là bắt buộc");
    expect(error.errors[0]!.line).toBe(16);
  });

  it("refuses syntax errors and unknown keys", async () => {
    await expectRefused("province: [unclosed");
    const error = await expectRefused(exampleText.replace("  reportDeadline:", "  colour: blue\n  reportDeadline:"));
    expect(error.errors.some((e) => e.message.en.includes("colour"))).toBe(true);
  });

  it("accepts JSON as well as YAML", async () => {
    const { parse } = await import("yaml");
    const json = JSON.stringify(parse(exampleText));
    const summary = await applyProvinceConfig(db, parseProvinceConfig(json, "province.json"));
    expect(summary.created).toBeGreaterThan(20);
  });
});
