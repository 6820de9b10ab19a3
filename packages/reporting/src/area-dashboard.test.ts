import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema as s, sql, type Db } from "@eduplan/db";
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

function inputFor(localityId: number, targetId: number, year: number) {
  const target = db.select().from(s.targets).where(sql`id = ${targetId}`).get()!;
  const indicator = db.select().from(s.indicators).where(sql`id = ${target.indicatorId}`).get()!;
  const plan = db.select().from(s.plans).where(sql`id = ${target.planId}`).get()!;
  return targetEvaluationInput(db, { target, indicator, localityId, year, plan });
}

describe("areaDashboard: every child × every indicator of the plan, from the aggregates", () => {
  it("Lạng Sơn 2026: each commune's rate equals a recomputation from its figures, and each verdict equals the consolidation's for that commune", () => {
    const langSon = localityId(db, "lang-son");
    const d = areaDashboard(db, { localityId: langSon, year: 2026 });
    expect(d.plan?.code).toBe("lang-son-243-2025");
    const children = db.select().from(s.localities).where(sql`parent_id = ${langSon}`).all();
    expect(d.children.map((c) => c.id).sort()).toEqual(children.map((c) => c.id).sort());
    expect(d.cells).toHaveLength(d.children.length * d.indicators.length);
    let compared = 0;
    for (const child of d.children) {
      for (const indicator of d.indicators.filter((i) => i.aggregation === "ratio")) {
        const cell = d.cells.find((c) => c.childId === child.id && c.indicatorId === indicator.id)!;
        // Independent recomputation: the child's own figure, or the sums of the shallowest level below it.
        const own = db.get<{ n: number | null; d: number | null }>(sql`select numerator as n, denominator as d from indicator_values where locality_id = ${child.id} and indicator_id = ${indicator.id} and year = 2026`);
        const below = db.get<{ n: number; d: number }>(
          sql`select sum(v.numerator) as n, sum(v.denominator) as d from localities l join indicator_values v on v.locality_id = l.id
              where l.parent_id = ${child.id} and v.indicator_id = ${indicator.id} and v.year = 2026`,
        );
        const expected = below?.d ? rateOf(below.n, below.d, indicator.unit) : own ? rateOf(own.n, own.d, indicator.unit) : null;
        if (expected === null) expect(cell.value).toBeNull();
        else expect(cell.value).toBeCloseTo(expected, 9);
        // The verdict is the one evaluation of that figure, with the inputs every other view prepares.
        expect(cell.evaluation).toEqual(verdictOf(inputFor(child.id, indicator.targetId, 2026), cell.value));
        if (cell.value !== null) compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    const counted = Object.values(d.summary).reduce((n, counts) => n + Object.values(counts).reduce((a, b) => a + b, 0), 0);
    expect(counted).toBe(d.cells.length);
  });

  it("the nation: every province against the national strategy", () => {
    const nation = db.select().from(s.localities).where(sql`level_code = 'nation'`).get()!;
    const d = areaDashboard(db, { localityId: nation.id, year: 2026 });
    expect(d.children.map((c) => c.code)).toEqual(expect.arrayContaining(["lang-son", "lai-chau"]));
    expect(d.plan).not.toBeNull();
    const withFigures = d.cells.filter((c) => c.value !== null);
    expect(withFigures.length).toBeGreaterThan(0);
    for (const c of withFigures) expect(c.evaluation).toEqual(verdictOf(inputFor(c.childId, d.indicators.find((i) => i.id === c.indicatorId)!.targetId, 2026), c.value));
    expect(withFigures.some((c) => c.evaluation.state !== "noData")).toBe(true);
  });
});
