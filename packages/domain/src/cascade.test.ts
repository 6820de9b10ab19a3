import { describe, expect, it } from "vitest";
import { compareCascade, compareTargets, type CascadeTarget } from "./cascade.js";

let nextId = 1;
const target = (t: Partial<CascadeTarget> & Pick<CascadeTarget, "indicatorCode" | "comparator">): CascadeTarget => ({
  id: nextId++,
  direction: "increase",
  value: null,
  valueMax: null,
  targetYear: 2030,
  areaFlag: null,
  breakdownEducationLevelCode: null,
  ...t,
});

const NURSERY = "ecec.nursery.enrolment_rate";
const STANDARD = "ecec.national_standard_school_rate";
const MALNUTRITION = "ecec.malnutrition_rate";

describe("compareTargets", () => {
  it("Bằng Mạc nursery enrolment ≥ 55,7% against Lạng Sơn's ≥ 48,5% is stronger by 7,2 points", () => {
    const r = compareTargets(target({ indicatorCode: NURSERY, comparator: "gte", value: 55.7 }), target({ indicatorCode: NURSERY, comparator: "gte", value: 48.5 }));
    expect(r.verdict).toBe("stronger");
    expect(r.difference).toBeCloseTo(7.2, 9);
  });

  it("Mường Tè ≥ 35% against a province's ≥ 48,5% is weaker by 13,5 points", () => {
    const r = compareTargets(target({ indicatorCode: NURSERY, comparator: "gte", value: 35 }), target({ indicatorCode: NURSERY, comparator: "gte", value: 48.5 }));
    expect(r.verdict).toBe("weaker");
    expect(r.difference).toBeCloseTo(-13.5, 9);
  });

  it("national-standard preschools: Bằng Mạc > 75% against Lạng Sơn > 57,6% is stronger by 17,4", () => {
    const r = compareTargets(target({ indicatorCode: STANDARD, comparator: "gt", value: 75 }), target({ indicatorCode: STANDARD, comparator: "gt", value: 57.6 }));
    expect(r.verdict).toBe("stronger");
    expect(r.difference).toBeCloseTo(17.4, 9);
  });

  it("= 100% against = 100% is equal", () => {
    expect(compareTargets(target({ indicatorCode: "x", comparator: "eq", value: 100 }), target({ indicatorCode: "x", comparator: "eq", value: 100 }))).toEqual({
      verdict: "equal",
      difference: 0,
    });
  });

  it("at the same figure 'trên' (gt) is stronger than 'đạt' (gte), and the reverse weaker", () => {
    const gt = target({ indicatorCode: STANDARD, comparator: "gt", value: 57.6 });
    const gte = target({ indicatorCode: STANDARD, comparator: "gte", value: 57.6 });
    expect(compareTargets(gt, gte)).toEqual({ verdict: "stronger", difference: 0 });
    expect(compareTargets(gte, gt)).toEqual({ verdict: "weaker", difference: 0 });
  });

  it("at the same figure 'dưới' (lt) is stronger than 'tối đa' (lte)", () => {
    const lt = target({ indicatorCode: MALNUTRITION, direction: "decrease", comparator: "lt", value: 8 });
    const lte = target({ indicatorCode: MALNUTRITION, direction: "decrease", comparator: "lte", value: 8 });
    expect(compareTargets(lt, lte).verdict).toBe("stronger");
    expect(compareTargets(lte, lt).verdict).toBe("weaker");
  });

  it("a decreasing indicator: malnutrition < 1,32% against < 8,0% is stronger (a lower figure demands more)", () => {
    const bangMac = target({ indicatorCode: MALNUTRITION, direction: "decrease", comparator: "lt", value: 1.32 });
    const langSon = target({ indicatorCode: MALNUTRITION, direction: "decrease", comparator: "lt", value: 8.0 });
    const r = compareTargets(bangMac, langSon);
    expect(r.verdict).toBe("stronger");
    expect(r.difference).toBeCloseTo(1.32 - 8.0, 9);
    expect(compareTargets(langSon, bangMac).verdict).toBe("weaker");
  });

  it("range against range on an increasing indicator: 41–43% against 35–40% is stronger (bottoms 41 vs 35)", () => {
    const r = compareTargets(
      target({ indicatorCode: "x", comparator: "range", value: 41, valueMax: 43 }),
      target({ indicatorCode: "x", comparator: "range", value: 35, valueMax: 40 }),
    );
    expect(r).toEqual({ verdict: "stronger", difference: 6 });
    expect(compareTargets(target({ indicatorCode: "x", comparator: "range", value: 35, valueMax: 40 }), target({ indicatorCode: "x", comparator: "range", value: 41, valueMax: 43 })).verdict).toBe("weaker");
  });

  it("range against range on a decreasing indicator compares the tops: 2–3 against 1–4 is stronger (3 < 4)", () => {
    // The bottoms (2 against 1) would say the opposite.
    const r = compareTargets(
      target({ indicatorCode: "x", direction: "decrease", comparator: "range", value: 2, valueMax: 3 }),
      target({ indicatorCode: "x", direction: "decrease", comparator: "range", value: 1, valueMax: 4 }),
    );
    expect(r).toEqual({ verdict: "stronger", difference: -1 });
  });

  it("'≥ 35%' against a range '35–40%' compares 35 with the range's bottom: equal", () => {
    expect(compareTargets(target({ indicatorCode: "x", comparator: "gte", value: 35 }), target({ indicatorCode: "x", comparator: "range", value: 35, valueMax: 40 })).verdict).toBe("equal");
  });

  it("maintain / achieve without values: equal when both say the same, otherwise incomparable", () => {
    const maintain = () => target({ indicatorCode: "x", comparator: "maintain" });
    const achieve = () => target({ indicatorCode: "x", comparator: "achieve" });
    expect(compareTargets(maintain(), maintain())).toEqual({ verdict: "equal", difference: null });
    expect(compareTargets(achieve(), achieve())).toEqual({ verdict: "equal", difference: null });
    expect(compareTargets(achieve(), maintain())).toEqual({ verdict: "incomparable", difference: null });
    expect(compareTargets(target({ indicatorCode: "x", comparator: "achieve", value: 3 }), achieve())).toEqual({ verdict: "incomparable", difference: null });
  });

  it("maintain with values compares like a bound: maintain 100 against maintain 95 is stronger", () => {
    expect(compareTargets(target({ indicatorCode: "x", comparator: "maintain", value: 100 }), target({ indicatorCode: "x", comparator: "maintain", value: 95 }))).toEqual({
      verdict: "stronger",
      difference: 5,
    });
  });
});

describe("compareCascade", () => {
  const langSon = [
    target({ indicatorCode: NURSERY, comparator: "gte", value: 48.5 }),
    target({ indicatorCode: MALNUTRITION, direction: "decrease", comparator: "lt", value: 8.0 }),
    target({ indicatorCode: "ecec.non_public_school_share", comparator: "gte", value: 5.2 }),
  ];
  const bangMac = [
    target({ indicatorCode: NURSERY, comparator: "gte", value: 55.7 }),
    target({ indicatorCode: MALNUTRITION, direction: "decrease", comparator: "lt", value: 1.32 }),
    target({ indicatorCode: "geopark.heritage_education_rate", comparator: "eq", value: 100 }),
  ];
  const rows = compareCascade(bangMac, langSon);
  const row = (code: string) => rows.filter((r) => r.indicatorCode === code);

  it("one row per indicator", () => expect(rows).toHaveLength(4));

  it("nursery enrolment: stronger by 7,2", () => {
    const [r] = row(NURSERY);
    expect(r).toMatchObject({ verdict: "stronger", breakdownKey: "|" });
    expect(r!.difference).toBeCloseTo(7.2, 9);
    expect(r!.child!.value).toBe(55.7);
    expect(r!.parent!.value).toBe(48.5);
  });

  it("malnutrition: stronger", () => expect(row(MALNUTRITION)[0]!.verdict).toBe("stronger"));

  it("a target the parent sets and the child does not is missing", () => {
    expect(row("ecec.non_public_school_share")).toEqual([
      { indicatorCode: "ecec.non_public_school_share", breakdownKey: "|", child: null, parent: langSon[2], verdict: "missing", difference: null },
    ]);
  });

  it("a target only the child sets is additional", () => {
    expect(row("geopark.heritage_education_rate")).toEqual([
      { indicatorCode: "geopark.heritage_education_rate", breakdownKey: "|", child: bangMac[2], parent: null, verdict: "additional", difference: null },
    ]);
  });

  it("no targets on either side: no rows", () => expect(compareCascade([], [])).toEqual([]));

  describe("breakdowns are paired only with the same breakdown", () => {
    const parent = [
      target({ indicatorCode: "lit", comparator: "gte", value: 90 }),
      target({ indicatorCode: "lit", comparator: "gte", value: 25, areaFlag: "isExtremelyDifficultArea" }),
      target({ indicatorCode: "lit", comparator: "gte", value: 74.4, breakdownEducationLevelCode: "primary" }),
    ];
    const child = [
      // listed area-first, to show that order does not pair them
      target({ indicatorCode: "lit", comparator: "gte", value: 20, areaFlag: "isExtremelyDifficultArea" }),
      target({ indicatorCode: "lit", comparator: "gte", value: 92 }),
      target({ indicatorCode: "lit", comparator: "gte", value: 60, breakdownEducationLevelCode: "lowerSecondary" }),
    ];
    const rows = compareCascade(child, parent);
    const byKey = (k: string) => rows.filter((r) => r.breakdownKey === k);

    it("the overall targets: 92 against 90, stronger", () => {
      expect(byKey("|")).toHaveLength(1);
      expect(byKey("|")[0]).toMatchObject({ verdict: "stronger", difference: 2, child: child[1], parent: parent[0] });
    });
    it("the extremely-difficult-area targets: 20 against 25, weaker", () => {
      expect(byKey("isExtremelyDifficultArea|")).toHaveLength(1);
      expect(byKey("isExtremelyDifficultArea|")[0]).toMatchObject({ verdict: "weaker", difference: -5, child: child[0], parent: parent[1] });
    });
    it("a level breakdown on one side only is missing / additional, not compared with another level", () => {
      expect(byKey("|primary")).toEqual([expect.objectContaining({ verdict: "missing", parent: parent[2], child: null })]);
      expect(byKey("|lowerSecondary")).toEqual([expect.objectContaining({ verdict: "additional", child: child[2], parent: null })]);
    });
  });

  it("several targets for one key are paired by target year", () => {
    const parent = [target({ indicatorCode: "x", comparator: "gte", value: 40, targetYear: 2025 }), target({ indicatorCode: "x", comparator: "gte", value: 50, targetYear: 2030 })];
    const child = [target({ indicatorCode: "x", comparator: "gte", value: 55, targetYear: 2030 }), target({ indicatorCode: "x", comparator: "gte", value: 38, targetYear: 2025 })];
    const rows = compareCascade(child, parent);
    expect(rows.map((r) => [r.parent!.targetYear, r.child!.targetYear, r.verdict, r.difference])).toEqual([
      [2025, 2025, "weaker", -2],
      [2030, 2030, "stronger", 5],
    ]);
  });

  it("maintain without values on both sides is equal", () => {
    const rows = compareCascade([target({ indicatorCode: "x", comparator: "maintain" })], [target({ indicatorCode: "x", comparator: "maintain" })]);
    expect(rows).toEqual([expect.objectContaining({ verdict: "equal", difference: null })]);
  });

  it("a child that sets the indicator differently is paired (incomparable), not reported as missing plus additional", () => {
    const rows = compareCascade([target({ indicatorCode: "x", comparator: "maintain" })], [target({ indicatorCode: "x", comparator: "gte", value: 95 })]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ verdict: "incomparable", difference: null });
    expect(rows[0]!.child).not.toBeNull();
    expect(rows[0]!.parent).not.toBeNull();
  });
});
