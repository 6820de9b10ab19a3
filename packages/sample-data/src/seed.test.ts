import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, closeDatabase, createRepositories, verifyRollups, eq, first, openDatabase, rows, schema as s, sql, type Db } from "@eduplan/db";
import { CATALOG_SOURCE_TO_PLAN, seedSampleData, SYNTHETIC_NOTE } from "./index.js";

type CatalogTarget = { source: string; indicator: string; comparator: string; value: number | null; value_max: number | null; target_year: number | null };
const catalog = JSON.parse(readFileSync(new URL("../reference/catalog-indicators.json", import.meta.url), "utf8")) as { targets: CatalogTarget[] };

let dir: string;
let db: Db;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-seed-"));
  db = openDatabase(join(dir, "seed.db"));
  await seedSampleData(db);
}, 60_000);
afterAll(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const key = (t: { indicator: string; comparator: string; value: number | null; valueMax: number | null; year: number | null }) =>
  JSON.stringify([t.indicator, t.comparator, t.value, t.valueMax, t.year]);

describe("the loaded sample data", () => {
  it("holds every target of the catalog for the three documents, with the same indicator, comparator, value and year", async () => {
    for (const [source, planCode] of Object.entries(CATALOG_SOURCE_TO_PLAN)) {
      const expected = catalog.targets
        .filter((t) => t.source === source)
        .map((t) => key({ indicator: t.indicator, comparator: t.comparator, value: t.value, valueMax: t.value_max, year: t.target_year }))
        .sort();
      const loaded = (await db
        .select({ indicator: s.indicators.code, comparator: s.targets.comparator, value: s.targets.value, valueMax: s.targets.valueMax, year: s.targets.targetYear })
        .from(s.targets)
        .innerJoin(s.plans, eq(s.plans.id, s.targets.planId))
        .innerJoin(s.indicators, eq(s.indicators.id, s.targets.indicatorId))
        .where(eq(s.plans.code, planCode)))
        .map(key)
        .sort();
      expect({ planCode, targets: loaded }).toEqual({ planCode, targets: expected });
    }
    // Every target of the sample plans (the national strategy's own targets come with the reference data).
    const sampleTargets = (await first(db.select({ n: sql<number>`count(*)` }).from(s.targets).innerJoin(s.plans, eq(s.plans.id, s.targets.planId)).where(sql`${s.plans.code} <> 'national-strategy-1705'`)))!.n;
    expect(sampleTargets).toBe(catalog.targets.length);
    expect(catalog.targets.length).toBe(179);
  });

  it("links the cascade: Bằng Mạc's plan under Lạng Sơn's, Mường Tè's parent recorded by number only", async () => {
    const plans = new Map((await db.select().from(s.plans)).map((p) => [p.code, p]));
    expect(plans.get("bang-mac-2025")!.parentPlanId).toBe(plans.get("lang-son-243-2025")!.id);
    expect(plans.get("lang-son-243-2025")!.number).toBe("243/KH-UBND");
    const muongTe = plans.get("muong-te-2025")!;
    expect(muongTe.number).toBeNull();
    const relations = await db.select().from(s.documentRelations).where(eq(s.documentRelations.fromPlanId, muongTe.id));
    expect(relations.some((r) => r.citedNumber?.startsWith("1101/KH-UBND") && r.toPlanId === null)).toBe(true);
  });

  it("has agencies with duties, solution groups, funding sources and tasks with lead agencies", async () => {
    const ls = (await first(db.select().from(s.plans).where(eq(s.plans.code, "lang-son-243-2025"))))!;
    expect(await db.select().from(s.solutionGroups).where(eq(s.solutionGroups.planId, ls.id))).toHaveLength(7);
    expect((await db.select().from(s.fundingSources).where(eq(s.fundingSources.planId, ls.id))).length).toBeGreaterThan(3);
    expect((await db.select().from(s.agencyDuties).where(eq(s.agencyDuties.planId, ls.id))).length).toBeGreaterThanOrEqual(12);
    const tasks = await db.select().from(s.tasks).where(eq(s.tasks.planId, ls.id));
    expect(tasks.length).toBeGreaterThan(10);
    for (const t of tasks) {
      const leads = await db.select().from(s.taskAssignees).where(sql`task_id = ${t.id} and role = 'lead'`);
      expect(leads.length, t.code).toBeGreaterThan(0);
    }
  });

  it("fills 2025–2026 through the reporting cycle, labelling every generated figure as synthetic sample data", async () => {
    const values = await db.select().from(s.indicatorValues);
    expect(values.length).toBeGreaterThan(100);
    expect(values.every((v) => v.isSynthetic && v.noteVi === SYNTHETIC_NOTE && v.reportId !== null)).toBe(true);
    expect(new Set(values.map((v) => v.year))).toEqual(new Set([2025, 2026]));
    const statuses = await rows<{ year: number; status: string; n: number }>(db,
      sql`select p.year, r.status, count(*) as n from reports r join reporting_periods p on p.id = r.period_id group by p.year, r.status order by p.year, r.status`,
    );
    expect(statuses.filter((r) => r.year === 2025).map((r) => r.status)).toEqual(["approved"]);
    expect(new Set(statuses.filter((r) => r.year === 2026).map((r) => r.status))).toEqual(new Set(["approved", "draft", "returned", "submitted"]));
    // Approvals publish figures and their aggregates in set-based writes: the aggregates equal a recomputation.
    expect(await verifyRollups(db)).toEqual([]);
  });

  it("lists the tasks an agency leads or coordinates", async () => {
    const dept = (await first(db.select().from(s.agencies).where(eq(s.agencies.code, "lang-son.education-dept"))))!;
    const expected = await rows<{ task_id: number; role: string }>(db, sql`select distinct task_id, role from task_assignees where agency_id = ${dept.id}`);
    const repos = createRepositories(db);
    const all = await repos.tasks.list({ filter: { agencyId: dept.id } }, SYSTEM_ACTOR);
    expect(all.data.map((t) => t.id).sort()).toEqual([...new Set(expected.map((e) => e.task_id))].sort());
    const led = await repos.tasks.list({ filter: { leadAgencyId: dept.id } }, SYSTEM_ACTOR);
    expect(led.total).toBe(new Set(expected.filter((e) => e.role === "lead").map((e) => e.task_id)).size);
    expect(led.total).toBeGreaterThan(5);
    expect(led.data.every((t) => (t.leadAgencyIds as number[]).includes(dept.id))).toBe(true);
  });

  it("is idempotent: seeding again creates and changes nothing", async () => {
    const again = await seedSampleData(db);
    expect(again).toMatchObject({ created: 0, updated: 0, syntheticValues: 0 });
  });
});
