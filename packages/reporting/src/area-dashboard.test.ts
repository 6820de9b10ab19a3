import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { first, one, schema as s, sql, type Db } from "@eduplan/db";
import { rateOf } from "@eduplan/domain";
import { areaDashboard } from "./area-dashboard.js";
import { targetEvaluationInput, verdictOf } from "./evaluation.js";
import { localityId, seededDatabase, type Seeded } from "./test-support.js";

let seeded: Seeded;
let db: Db;
beforeAll(async () => {
  seeded = await seededDatabase("area-dashboard");
  db = seeded.db;
});
afterAll(() => seeded.close());

async function inputFor(localityId: number, targetId: number, year: number) {
  const target = (await first(db.select().from(s.targets).where(sql`id = ${targetId}`)))!;
  const indicator = (await first(db.select().from(s.indicators).where(sql`id = ${target.indicatorId}`)))!;
  const plan = (await first(db.select().from(s.plans).where(sql`id = ${target.planId}`)))!;
  return targetEvaluationInput(db, { target, indicator, localityId, year, plan });
}

describe("areaDashboard: every child × every indicator of the plan, from the aggregates", () => {
  it("Lạng Sơn 2026: each commune's rate equals a recomputation from its figures, and each verdict equals the consolidation's for that commune", async () => {
    const langSon = await localityId(db, "lang-son");
    const d = await areaDashboard(db, { localityId: langSon, year: 2026 });
    expect(d.plan?.code).toBe("lang-son-243-2025");
    const children = await db.select().from(s.localities).where(sql`parent_id = ${langSon}`);
    expect(d.children.map((c) => c.id).sort()).toEqual(children.map((c) => c.id).sort());
    expect(d.cells).toHaveLength(d.children.length * d.indicators.length);
    let compared = 0;
    for (const child of d.children) {
      for (const indicator of d.indicators.filter((i) => i.aggregation === "ratio")) {
        const cell = d.cells.find((c) => c.childId === child.id && c.indicatorId === indicator.id)!;
        // Independent recomputation: the child's own figure, or the sums of the shallowest level below it.
        const own = await one<{ n: number | null; d: number | null }>(db, sql`select numerator as n, denominator as d from indicator_values where locality_id = ${child.id} and indicator_id = ${indicator.id} and year = 2026`);
        const below = await one<{ n: number; d: number }>(
          db,
          sql`select sum(v.numerator) as n, sum(v.denominator) as d from localities l join indicator_values v on v.locality_id = l.id
              where l.parent_id = ${child.id} and v.indicator_id = ${indicator.id} and v.year = 2026`,
        );
        const expected = below?.d ? rateOf(below.n, below.d, indicator.unit) : own ? rateOf(own.n, own.d, indicator.unit) : null;
        if (expected === null) expect(cell.value).toBeNull();
        else expect(cell.value).toBeCloseTo(expected, 9);
        // The verdict is the one evaluation of that figure, with the inputs every other view prepares.
        expect(cell.evaluation).toEqual(verdictOf(await inputFor(child.id, indicator.targetId, 2026), cell.value));
        if (cell.value !== null) compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    const counted = Object.values(d.summary).reduce((n, counts) => n + Object.values(counts).reduce((a, b) => a + b, 0), 0);
    expect(counted).toBe(d.cells.length);
  });

  it("the nation: every province against the national strategy", async () => {
    const nation = (await first(db.select().from(s.localities).where(sql`level_code = 'nation'`)))!;
    const d = await areaDashboard(db, { localityId: nation.id, year: 2026 });
    expect(d.children.map((c) => c.code)).toEqual(expect.arrayContaining(["lang-son", "lai-chau"]));
    expect(d.plan).not.toBeNull();
    const withFigures = d.cells.filter((c) => c.value !== null);
    expect(withFigures.length).toBeGreaterThan(0);
    for (const c of withFigures) expect(c.evaluation).toEqual(verdictOf(await inputFor(c.childId, d.indicators.find((i) => i.id === c.indicatorId)!.targetId, 2026), c.value));
    expect(withFigures.some((c) => c.evaluation.state !== "noData")).toBe(true);
  });
});
