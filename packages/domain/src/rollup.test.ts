import { describe, expect, it } from "vitest";
import { ratioScale } from "./indicator.js";
import { combine, displayValue, rollup, type ReportedValue, type TreeNode } from "./rollup.js";

/**
 * Province 1 → districts 10, 20 → communes 11, 12 | 21, 22 → schools.
 *   10 ─ 11 ─ 111, 112
 *      └ 12 ─ 121
 *   20 ─ 21 ─ 211
 *      └ 22 ─ 221, 222
 */
const TREE: TreeNode[] = [
  { id: 1, parentId: null },
  { id: 10, parentId: 1 },
  { id: 20, parentId: 1 },
  { id: 11, parentId: 10 },
  { id: 12, parentId: 10 },
  { id: 21, parentId: 20 },
  { id: 22, parentId: 20 },
  { id: 111, parentId: 11 },
  { id: 112, parentId: 11 },
  { id: 121, parentId: 12 },
  { id: 211, parentId: 21 },
  { id: 221, parentId: 22 },
  { id: 222, parentId: 22 },
];

const rate = (numerator: number, denominator: number): ReportedValue => ({ numerator, denominator, value: null });

/**
 * Nursery enrolment: children enrolled / children aged 0–3, per school.
 *   commune 11: (30 + 45) / (100 + 50) = 75 / 150 = 50%      commune 21: 90 / 200 = 45%
 *   commune 12: 15 / 50                = 30%                commune 22: (4 + 1) / (10 + 90) = 5 / 100 = 5%
 *   district 10: 90 / 200 = 45%                             district 20: 95 / 300 ≈ 31.67%
 *   province: 185 / 500 = 37%
 */
const schoolFigures = (): Map<number, ReportedValue> =>
  new Map([
    [111, rate(30, 100)],
    [112, rate(45, 50)],
    [121, rate(15, 50)],
    [211, rate(90, 200)],
    [221, rate(4, 10)],
    [222, rate(1, 90)],
  ]);

const PERCENT = ratioScale("percent");

describe("rollup of a ratio indicator over province → district → commune → school", () => {
  it("uses scale 100 for a percent indicator", () => expect(PERCENT).toBe(100));

  it("sums numerators and denominators at every level: 185 / 500 = 37%", () => {
    const r = rollup("ratio", TREE, schoolFigures(), 1, PERCENT);
    expect(r.numerator).toBe(185);
    expect(r.denominator).toBe(500);
    expect(r.value).toBeCloseTo(37, 10);
    expect(r.missing).toEqual([]);
    expect([...r.contributors].sort((a, b) => a - b)).toEqual([111, 112, 121, 211, 221, 222]);
  });

  it("differs from any average of percentages", () => {
    const r = rollup("ratio", TREE, schoolFigures(), 1, PERCENT);
    const averageOfCommunes = (50 + 30 + 45 + 5) / 4; // 32.5
    const averageOfDistricts = (45 + 95 / 3) / 2; // ≈ 38.33
    const averageOfSchools = (30 + 90 + 30 + 45 + 40 + 100 / 90) / 6; // ≈ 39.35
    for (const avg of [averageOfCommunes, averageOfDistricts, averageOfSchools]) expect(Math.abs(r.value! - avg)).toBeGreaterThan(1);
  });

  it("rolls up an intermediate level: district 20 is 95 / 300", () => {
    const r = rollup("ratio", TREE, schoolFigures(), 20, PERCENT);
    expect(r).toMatchObject({ numerator: 95, denominator: 300 });
    expect(r.value).toBeCloseTo(31.666666666, 6);
  });

  it("scale 1 gives the bare ratio", () => {
    expect(rollup("ratio", TREE, schoolFigures(), 1).value).toBeCloseTo(0.37, 12);
  });

  it("a commune's own figure stands for its schools and is not added to them", () => {
    const values = schoolFigures();
    values.set(12, rate(16, 50)); // commune 12 reports 16/50; its school 121 reported 15/50
    const r = rollup("ratio", TREE, values, 1, PERCENT);
    // 75 + 16 + 90 + 5 = 186 over 150 + 50 + 200 + 100 = 500 (adding both would give 201 / 550)
    expect(r.numerator).toBe(186);
    expect(r.denominator).toBe(500);
    expect(r.value).toBeCloseTo(37.2, 10);
    expect(r.contributors).toContain(12);
    expect(r.contributors).not.toContain(121);
  });

  it("a district's own figure stands for everything below it", () => {
    const values = schoolFigures();
    values.set(20, rate(100, 300));
    const r = rollup("ratio", TREE, values, 1, PERCENT);
    expect(r).toMatchObject({ numerator: 190, denominator: 500 });
    expect([...r.contributors].sort((a, b) => a - b)).toEqual([20, 111, 112, 121]);
  });

  it("the root's own figure is not part of its rollup", () => {
    const values = schoolFigures();
    values.set(1, rate(1, 1));
    expect(rollup("ratio", TREE, values, 1, PERCENT)).toMatchObject({ numerator: 185, denominator: 500 });
  });

  it("a value without numerator and denominator is no figure for a ratio", () => {
    const values = schoolFigures();
    values.set(12, { numerator: null, denominator: null, value: 99 });
    expect(rollup("ratio", TREE, values, 10, PERCENT)).toMatchObject({ numerator: 90, denominator: 200 });
  });

  describe("missing children", () => {
    it("lists direct children with no figure, and rolls up the rest", () => {
      const values = schoolFigures();
      values.delete(221);
      values.delete(222);
      const district = rollup("ratio", TREE, values, 20, PERCENT);
      expect(district.missing).toEqual([22]);
      expect(district).toMatchObject({ numerator: 90, denominator: 200 });
      // At the province, district 20 still has a figure (from commune 21): 90 + 90 over 200 + 200
      const province = rollup("ratio", TREE, values, 1, PERCENT);
      expect(province.missing).toEqual([]);
      expect(province.value).toBeCloseTo(45, 10);
    });
    it("a district with nothing below it is missing at the province", () => {
      const values = schoolFigures();
      for (const id of [211, 221, 222]) values.delete(id);
      const r = rollup("ratio", TREE, values, 1, PERCENT);
      expect(r.missing).toEqual([20]);
      expect(r).toMatchObject({ numerator: 90, denominator: 200 });
      expect(r.value).toBeCloseTo(45, 10);
    });
    it("no figures at all: every child missing, value null", () => {
      const r = rollup("ratio", TREE, new Map(), 1, PERCENT);
      expect(r).toEqual({ numerator: null, denominator: null, value: null, contributors: [], missing: [10, 20] });
    });
    it("a leaf has nothing to roll up", () => {
      expect(rollup("ratio", TREE, schoolFigures(), 111, PERCENT)).toEqual({
        numerator: null,
        denominator: null,
        value: null,
        contributors: [],
        missing: [],
      });
    });
  });

  describe("other aggregations", () => {
    it("sum: new classrooms built, from communes' values or numerators", () => {
      const values = new Map<number, ReportedValue>([
        [11, { numerator: null, denominator: null, value: 2 }],
        [12, { numerator: 3, denominator: null, value: null }],
        [211, { numerator: null, denominator: null, value: 4 }],
        [221, { numerator: null, denominator: null, value: 1 }],
        [222, { numerator: null, denominator: null, value: 5 }],
      ]);
      const r = rollup("sum", TREE, values, 1);
      expect(r.value).toBe(2 + 3 + 4 + 1 + 5);
      expect(r.denominator).toBeNull();
    });
    const levels = new Map<number, ReportedValue>([
      [11, { numerator: null, denominator: null, value: 3 }],
      [12, { numerator: null, denominator: null, value: 2 }],
      [21, { numerator: null, denominator: null, value: 3 }],
      [221, { numerator: null, denominator: null, value: 1 }],
      [222, { numerator: null, denominator: null, value: 3 }],
    ]);
    it("min: the province reaches the lowest level of its communes (universal education level 1)", () => {
      expect(rollup("min", TREE, levels, 1).value).toBe(1);
      expect(rollup("min", TREE, levels, 10).value).toBe(2);
    });
    it("max", () => {
      expect(rollup("max", TREE, levels, 1).value).toBe(3);
      expect(rollup("max", TREE, levels, 22).value).toBe(3);
    });
    it("min / max ignore a figure with no value", () => {
      const values = new Map(levels);
      values.set(12, { numerator: 0, denominator: null, value: null });
      const r = rollup("min", TREE, values, 10);
      expect(r.value).toBe(3);
      expect(r.missing).toEqual([12]);
    });
    it("none: no rollup", () => {
      expect(rollup("none", TREE, levels, 1).value).toBeNull();
    });
  });
});

describe("combine", () => {
  it("ratio: (30 + 45) / (100 + 50) × 100 = 50, not (30% + 90%) / 2 = 60", () => {
    expect(combine("ratio", [rate(30, 100), rate(45, 50)], 100)).toEqual({ numerator: 75, denominator: 150, value: 50 });
  });
  it("ratio: per 10,000 inhabitants", () => {
    expect(combine("ratio", [rate(300, 20_000), rate(20, 5_000)], ratioScale("per10kInhabitants")).value).toBeCloseTo(128, 10);
  });
  it("ratio: skips figures without numerator or denominator", () => {
    const c = combine("ratio", [rate(30, 100), { numerator: 5, denominator: null, value: 50 }], 100);
    expect(c).toMatchObject({ numerator: 30, denominator: 100 });
    expect(c.value).toBeCloseTo(30, 10);
  });
  it("ratio: a zero denominator gives no value", () => {
    expect(combine("ratio", [rate(0, 0)], 100)).toEqual({ numerator: 0, denominator: 0, value: null });
  });
  it("ratio: nothing usable gives nulls, not zeros", () => {
    expect(combine("ratio", [{ numerator: null, denominator: null, value: 50 }], 100)).toEqual({ numerator: null, denominator: null, value: null });
  });
  it("empty input gives nulls for every aggregation", () => {
    for (const a of ["sum", "ratio", "min", "max", "none"] as const) expect(combine(a, [])).toEqual({ numerator: null, denominator: null, value: null });
  });
  it("sum: value, else numerator", () => {
    expect(combine("sum", [{ numerator: null, denominator: null, value: 2 }, { numerator: 3, denominator: null, value: null }]).value).toBe(5);
  });
  it("sum: nothing usable gives nulls", () => {
    expect(combine("sum", [{ numerator: null, denominator: null, value: null }])).toEqual({ numerator: null, denominator: null, value: null });
  });
  it("min and max", () => {
    const vs = [3, 1, 2].map((value) => ({ numerator: null, denominator: null, value }));
    expect(combine("min", vs).value).toBe(1);
    expect(combine("max", vs).value).toBe(3);
  });
});

describe("displayValue", () => {
  it("a ratio's rate, scaled", () => expect(displayValue(rate(45, 50), "ratio", 100)).toBe(90));
  it("falls back to the stored value when the ratio cannot be computed", () =>
    expect(displayValue({ numerator: 0, denominator: 0, value: 12 }, "ratio", 100)).toBe(12));
  it("other aggregations: value, else numerator", () => {
    expect(displayValue({ numerator: 7, denominator: null, value: null }, "sum")).toBe(7);
    expect(displayValue({ numerator: 7, denominator: null, value: 3 }, "max")).toBe(3);
  });
});
