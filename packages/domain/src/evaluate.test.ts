import { describe, expect, it } from "vitest";
import type { Direction } from "./indicator.js";
import { evaluateTarget, expectedProgress, lowerIsBetter, meetsBound, progressTowards, type TargetBound } from "./evaluate.js";
import type { Comparator } from "./target.js";

const bound = (comparator: Comparator, value: number | null, valueMax: number | null = null, baselineValue: number | null = null): TargetBound => ({
  comparator,
  value,
  valueMax,
  baselineValue,
});

const DIRECTIONS: Direction[] = ["increase", "decrease", "maintain"];

describe("meetsBound", () => {
  describe("gte ('đạt', 'ít nhất') and gt ('trên') at the bound", () => {
    it("'đạt 57,6%' is met by exactly 57.6, 'trên 57,6%' is not", () => {
      expect(meetsBound(bound("gte", 57.6), "increase", 57.6)).toBe(true);
      expect(meetsBound(bound("gt", 57.6), "increase", 57.6)).toBe(false);
    });
    it("just above and just below the bound", () => {
      expect(meetsBound(bound("gt", 57.6), "increase", 57.61)).toBe(true);
      expect(meetsBound(bound("gte", 48.5), "increase", 48.49)).toBe(false);
      expect(meetsBound(bound("gte", 48.5), "increase", 55.7)).toBe(true);
    });
    it("tolerates floating-point noise at the bound (0.1 + 0.2 reaches 'đạt 0,3')", () => {
      expect(meetsBound(bound("gte", 0.3), "increase", 0.1 + 0.2)).toBe(true);
      expect(meetsBound(bound("gt", 0.3), "increase", 0.1 + 0.2)).toBe(false);
    });
    it("cannot be judged without a value", () => {
      for (const c of ["gte", "gt", "lte", "lt", "eq"] as const) expect(meetsBound(bound(c, null), "increase", 50)).toBeNull();
    });
  });

  describe("lte and lt ('dưới') at the bound", () => {
    it("'dưới 8,0%' is not met by exactly 8.0, 'tối đa 8,0%' is", () => {
      expect(meetsBound(bound("lt", 8.0), "decrease", 8.0)).toBe(false);
      expect(meetsBound(bound("lte", 8.0), "decrease", 8.0)).toBe(true);
    });
    it("below and above the bound", () => {
      expect(meetsBound(bound("lt", 8.0), "decrease", 7.99)).toBe(true);
      expect(meetsBound(bound("lt", 8.0), "decrease", 9.5)).toBe(false);
      expect(meetsBound(bound("lte", 1.32), "decrease", 1.33)).toBe(false);
    });
  });

  describe("eq (a stated exact value)", () => {
    it("'đạt 100%' on an increasing indicator: only 100 meets it", () => {
      expect(meetsBound(bound("eq", 100), "increase", 100)).toBe(true);
      expect(meetsBound(bound("eq", 100), "increase", 99.9)).toBe(false);
    });
    it("'= 0' on a decreasing indicator is met by anything not above it", () => {
      expect(meetsBound(bound("eq", 0), "decrease", 0)).toBe(true);
      expect(meetsBound(bound("eq", 0), "decrease", 0.5)).toBe(false);
    });
    it("on a maintain indicator it must be hit exactly, from either side", () => {
      expect(meetsBound(bound("eq", 5), "maintain", 5)).toBe(true);
      expect(meetsBound(bound("eq", 5), "maintain", 6)).toBe(false);
      expect(meetsBound(bound("eq", 5), "maintain", 4)).toBe(false);
    });
  });

  describe("range ('35 – 40%') is inclusive at both ends", () => {
    const r = bound("range", 35, 40);
    it.each([
      [34.9, false],
      [35, true],
      [37.5, true],
      [40, true],
      [40.1, false],
    ])("actual %s → %s", (actual, expected) => {
      for (const d of DIRECTIONS) expect(meetsBound(r, d, actual)).toBe(expected);
    });
    it("a range with a missing end cannot be judged", () => {
      expect(meetsBound(bound("range", 35, null), "increase", 37)).toBeNull();
      expect(meetsBound(bound("range", null, 40), "increase", 37)).toBeNull();
    });
  });

  describe("maintain ('duy trì')", () => {
    it("with a value: hold at least that level, or at most it when lower is better", () => {
      expect(meetsBound(bound("maintain", 100), "increase", 100)).toBe(true);
      expect(meetsBound(bound("maintain", 100), "increase", 99)).toBe(false);
      expect(meetsBound(bound("maintain", 95), "maintain", 96)).toBe(true);
      expect(meetsBound(bound("maintain", 95), "maintain", 94)).toBe(false);
      expect(meetsBound(bound("maintain", 5), "decrease", 4)).toBe(true);
      expect(meetsBound(bound("maintain", 5), "decrease", 6)).toBe(false);
    });
    it("without a value: hold the baseline", () => {
      expect(meetsBound(bound("maintain", null, null, 60), "increase", 60)).toBe(true);
      expect(meetsBound(bound("maintain", null, null, 60), "increase", 59)).toBe(false);
      expect(meetsBound(bound("maintain", null, null, 10), "decrease", 9)).toBe(true);
      expect(meetsBound(bound("maintain", null, null, 10), "decrease", 11)).toBe(false);
    });
    it("the value wins over the baseline", () => {
      expect(meetsBound(bound("maintain", 90, null, 80), "increase", 85)).toBe(false);
    });
    it("without a value nor a baseline it cannot be judged", () => {
      for (const d of DIRECTIONS) expect(meetsBound(bound("maintain", null), d, 50)).toBeNull();
    });
  });

  describe("achieve", () => {
    it("a level to reach ('mức độ 3')", () => {
      expect(meetsBound(bound("achieve", 3), "increase", 3)).toBe(true);
      expect(meetsBound(bound("achieve", 3), "increase", 2)).toBe(false);
      expect(meetsBound(bound("achieve", 3), "maintain", 4)).toBe(true);
    });
    it("a level to come down to on a decreasing indicator", () => {
      expect(meetsBound(bound("achieve", 2), "decrease", 1)).toBe(true);
      expect(meetsBound(bound("achieve", 2), "decrease", 3)).toBe(false);
    });
    it("without a value it is a yes/no state: 1 = yes, whatever the direction", () => {
      for (const d of DIRECTIONS) {
        expect(meetsBound(bound("achieve", null), d, 1)).toBe(true);
        expect(meetsBound(bound("achieve", null), d, 0)).toBe(false);
      }
    });
  });
});

describe("lowerIsBetter", () => {
  it("lt / lte always, gt / gte never, other comparators by direction", () => {
    expect(lowerIsBetter("lt", "increase")).toBe(true);
    expect(lowerIsBetter("lte", "maintain")).toBe(true);
    expect(lowerIsBetter("gte", "decrease")).toBe(false);
    expect(lowerIsBetter("gt", "decrease")).toBe(false);
    expect(lowerIsBetter("gte", "increase")).toBe(false);
    expect(lowerIsBetter("eq", "decrease")).toBe(true);
    expect(lowerIsBetter("range", "decrease")).toBe(true);
    expect(lowerIsBetter("maintain", "decrease")).toBe(true);
    expect(lowerIsBetter("range", "maintain")).toBe(false);
    expect(lowerIsBetter("achieve", "increase")).toBe(false);
  });
  it("'≥ 50' on a decreasing indicator is still a floor: 5 is 10% of the way, not done", () => {
    expect(meetsBound(bound("gte", 50), "decrease", 5)).toBe(false);
    expect(progressTowards(bound("gte", 50), "decrease", 5)).toBeCloseTo(0.1, 12);
  });
});

describe("progressTowards", () => {
  it("is 1 when the bound is met", () => {
    expect(progressTowards(bound("gte", 48.5), "increase", 50)).toBe(1);
    expect(progressTowards(bound("lt", 8), "decrease", 7)).toBe(1);
    expect(progressTowards(bound("range", 35, 40), "increase", 36)).toBe(1);
  });

  describe("higher is better", () => {
    it("from zero without a baseline: 24.25 of 48.5 is half way", () => {
      expect(progressTowards(bound("gte", 48.5), "increase", 24.25)).toBeCloseTo(0.5, 12);
    });
    it("from the baseline: baseline 30.5, goal 48.5, actual 39.5 → 9 / 18 = 0.5", () => {
      expect(progressTowards(bound("gte", 48.5, null, 30.5), "increase", 39.5)).toBeCloseTo(0.5, 12);
    });
    it("the baseline changes the answer for the same actual (from zero 39.5 / 48.5)", () => {
      expect(progressTowards(bound("gte", 48.5), "increase", 39.5)).toBeCloseTo(39.5 / 48.5, 12);
    });
    it("falling below the baseline is no progress, not negative progress", () => {
      expect(progressTowards(bound("gte", 50, null, 30), "increase", 25)).toBe(0);
    });
    it("a baseline already above the goal is ignored (measured from zero)", () => {
      expect(progressTowards(bound("gte", 48.5, null, 50), "increase", 40)).toBeCloseTo(40 / 48.5, 12);
    });
    it("'trên 57,6%' at exactly 57.6: not met, though nothing is left to close", () => {
      expect(meetsBound(bound("gt", 57.6), "increase", 57.6)).toBe(false);
      expect(progressTowards(bound("gt", 57.6), "increase", 28.8)).toBeCloseTo(0.5, 12);
    });
    it("eq 100: 80 → 0.8", () => {
      expect(progressTowards(bound("eq", 100), "increase", 80)).toBeCloseTo(0.8, 12);
    });
  });

  describe("lower is better (decreasing indicators)", () => {
    it("malnutrition 'dưới 8,0%': actual 9.5 from baseline 11 → (11 − 9.5) / (11 − 8) = 0.5", () => {
      expect(progressTowards(bound("lt", 8.0, null, 11), "decrease", 9.5)).toBeCloseTo(0.5, 12);
    });
    it("without a baseline: goal / actual = 8 / 10", () => {
      expect(progressTowards(bound("lt", 8.0), "decrease", 10)).toBeCloseTo(0.8, 12);
    });
    it("getting worse than the baseline is 0", () => {
      expect(progressTowards(bound("lt", 8.0, null, 11), "decrease", 12)).toBe(0);
    });
    it("lt is lower-is-better even when the indicator's direction says increase", () => {
      expect(progressTowards(bound("lt", 8), "increase", 16)).toBeCloseTo(0.5, 12);
    });
    it("eq 0 on a decreasing indicator: from baseline 4, actual 2 → 0.5; without a baseline 0 / 2 = 0", () => {
      expect(progressTowards(bound("eq", 0, null, 4), "decrease", 2)).toBeCloseTo(0.5, 12);
      expect(progressTowards(bound("eq", 0), "decrease", 2)).toBe(0);
    });
  });

  describe("ranges", () => {
    const r = bound("range", 35, 40);
    it("inside → 1", () => expect(progressTowards(r, "increase", 40)).toBe(1));
    it("below the bottom: 28 / 35 = 0.8", () => expect(progressTowards(r, "increase", 28)).toBeCloseTo(0.8, 12));
    it("below the bottom from a baseline: (28 − 21) / (35 − 21) = 0.5", () =>
      expect(progressTowards(bound("range", 35, 40, 21), "increase", 28)).toBeCloseTo(0.5, 12));
    it("above the top is a miss: 40 / 50 = 0.8", () => {
      expect(meetsBound(r, "increase", 50)).toBe(false);
      expect(progressTowards(r, "increase", 50)).toBeCloseTo(0.8, 12);
    });
    describe("on a decreasing indicator the top of the range is the goal", () => {
      const d = bound("range", 2, 4);
      it("above the top: 4 / 5 = 0.8", () => expect(progressTowards(d, "decrease", 5)).toBeCloseTo(0.8, 12));
      it("above the top from baseline 6: (6 − 5) / (6 − 4) = 0.5", () =>
        expect(progressTowards(bound("range", 2, 4, 6), "decrease", 5)).toBeCloseTo(0.5, 12));
      it("below the bottom is an overshoot, not full progress: 1 / 2 = 0.5", () => {
        expect(meetsBound(d, "decrease", 1)).toBe(false);
        expect(progressTowards(d, "decrease", 1)).toBeCloseTo(0.5, 12);
      });
    });
  });

  describe("maintain and achieve", () => {
    it("maintain 95: 76 → 0.8", () => expect(progressTowards(bound("maintain", 95), "increase", 76)).toBeCloseTo(0.8, 12));
    it("maintain without value, baseline 60: 45 → 0.75", () =>
      expect(progressTowards(bound("maintain", null, null, 60), "increase", 45)).toBeCloseTo(0.75, 12));
    it("maintain 5 on a decreasing indicator: 10 → 0.5", () =>
      expect(progressTowards(bound("maintain", 5), "decrease", 10)).toBeCloseTo(0.5, 12));
    it("maintain without value nor baseline → null", () => expect(progressTowards(bound("maintain", null), "increase", 45)).toBeNull());
    it("achieve level 3: 1.5 → 0.5", () => expect(progressTowards(bound("achieve", 3), "increase", 1.5)).toBeCloseTo(0.5, 12));
    it("achieve level 2 on a decreasing indicator: 4 → 0.5", () =>
      expect(progressTowards(bound("achieve", 2), "decrease", 4)).toBeCloseTo(0.5, 12));
    it("achieve yes/no: 'no' is 0 progress and 'yes' is 1, whatever the direction", () => {
      for (const d of DIRECTIONS) {
        expect(progressTowards(bound("achieve", null), d, 0)).toBe(0);
        expect(progressTowards(bound("achieve", null), d, 1)).toBe(1);
      }
    });
    it("eq on a maintain indicator, overshooting: 5 wanted, 6 → 5 / 6, never full progress", () => {
      expect(progressTowards(bound("eq", 5), "maintain", 6)).toBeCloseTo(5 / 6, 12);
      expect(progressTowards(bound("eq", 5), "maintain", 4)).toBeCloseTo(0.8, 12);
    });
  });

  it("cannot be judged without a value", () => {
    expect(progressTowards(bound("gte", null), "increase", 10)).toBeNull();
  });

  it("stays within [0, 1] for every comparator and direction", () => {
    const bounds = [
      bound("gte", 50),
      bound("gt", 50),
      bound("lte", 8),
      bound("lt", 8, null, 11),
      bound("eq", 100),
      bound("range", 35, 40),
      bound("maintain", 90),
      bound("maintain", null, null, 60),
      bound("achieve", 3),
      bound("achieve", null),
    ];
    for (const b of bounds)
      for (const d of DIRECTIONS)
        for (const actual of [0, 0.5, 1, 5, 9.5, 37, 60, 100, 150]) {
          const p = progressTowards(b, d, actual);
          expect(p).not.toBeNull();
          expect(p!).toBeGreaterThanOrEqual(0);
          expect(p!).toBeLessThanOrEqual(1);
          // 1 exactly when met (no actual here sits on the edge of a strict bound).
          expect(p === 1).toBe(meetsBound(b, d, actual));
        }
  });
});

describe("expectedProgress", () => {
  it("share of the period elapsed: 2027 in 2025 → 2030 is 2 / 5", () => {
    expect(expectedProgress(2027, 2025, 2030)).toBeCloseTo(0.4, 12);
  });
  it("0 at the start year, 1 at the target year, clamped outside", () => {
    expect(expectedProgress(2025, 2025, 2030)).toBe(0);
    expect(expectedProgress(2030, 2025, 2030)).toBe(1);
    expect(expectedProgress(2033, 2025, 2030)).toBe(1);
    expect(expectedProgress(2020, 2025, 2030)).toBe(0);
  });
  it("null without a period", () => {
    expect(expectedProgress(2027, null, 2030)).toBeNull();
    expect(expectedProgress(2027, 2025, null)).toBeNull();
    expect(expectedProgress(2027, 2030, 2030)).toBeNull();
    expect(expectedProgress(2027, 2031, 2030)).toBeNull();
  });
});

describe("evaluateTarget", () => {
  const nursery = { ...bound("gte", 48.5), targetYear: 2030 };
  const malnutrition = { ...bound("lt", 8.0, null, 11), targetYear: 2030 };

  it("noData without an actual value (null or NaN)", () => {
    expect(evaluateTarget(nursery, "increase", null, { year: 2027 })).toEqual({ achieved: null, progress: null, meetsMilestone: null, state: "noData" });
    expect(evaluateTarget(nursery, "increase", Number.NaN).state).toBe("noData");
  });

  it("noData when the bound cannot be judged (maintain without value nor baseline)", () => {
    const e = evaluateTarget({ ...bound("maintain", null), targetYear: 2030 }, "increase", 70, { year: 2027 });
    expect(e).toEqual({ achieved: null, progress: null, meetsMilestone: null, state: "noData" });
  });

  it("achieved when the final bound is met, whatever the year or milestone", () => {
    const e = evaluateTarget(nursery, "increase", 50, { year: 2026, milestone: { value: 60 } });
    expect(e.state).toBe("achieved");
    expect(e.achieved).toBe(true);
    expect(e.progress).toBe(1);
    expect(e.meetsMilestone).toBe(false);
  });

  it("notAchieved in the target year and after", () => {
    expect(evaluateTarget(nursery, "increase", 40, { year: 2030 }).state).toBe("notAchieved");
    expect(evaluateTarget(nursery, "increase", 40, { year: 2031 }).state).toBe("notAchieved");
    // ...even when this year's milestone is met
    expect(evaluateTarget(nursery, "increase", 40, { year: 2030, milestone: { value: 39 } }).state).toBe("notAchieved");
  });

  it("'trên 57,6%' is notAchieved at 57.6 in the target year, 'đạt 57,6%' is achieved", () => {
    expect(evaluateTarget({ ...bound("gt", 57.6), targetYear: 2030 }, "increase", 57.6, { year: 2030 }).state).toBe("notAchieved");
    expect(evaluateTarget({ ...bound("gte", 57.6), targetYear: 2030 }, "increase", 57.6, { year: 2030 }).state).toBe("achieved");
  });

  it("without a target year it is never notAchieved", () => {
    expect(evaluateTarget({ ...bound("gte", 48.5), targetYear: null }, "increase", 40, { year: 2040 }).state).toBe("atRisk");
  });

  describe("against the year's milestone", () => {
    it("onTrack when the milestone is met, atRisk when not", () => {
      const on = evaluateTarget(nursery, "increase", 42, { year: 2027, milestone: { value: 40 } });
      expect(on).toMatchObject({ achieved: false, meetsMilestone: true, state: "onTrack" });
      expect(on.progress).toBeCloseTo(42 / 48.5, 12);
      expect(evaluateTarget(nursery, "increase", 38, { year: 2027, milestone: { value: 40 } })).toMatchObject({ meetsMilestone: false, state: "atRisk" });
    });
    it("the milestone outranks the elapsed-time expectation", () => {
      expect(evaluateTarget(nursery, "increase", 42, { year: 2027, milestone: { value: 40 }, expectedProgress: 0.99 }).state).toBe("onTrack");
      expect(evaluateTarget(nursery, "increase", 38, { year: 2027, milestone: { value: 40 }, expectedProgress: 0.1 }).state).toBe("atRisk");
    });
    it("a decreasing indicator: malnutrition milestone 9.5 in 2027", () => {
      expect(evaluateTarget(malnutrition, "decrease", 9.0, { year: 2027, milestone: { value: 9.5 } }).state).toBe("onTrack");
      expect(evaluateTarget(malnutrition, "decrease", 10, { year: 2027, milestone: { value: 9.5 } }).state).toBe("atRisk");
    });
    it("eq 100%: a milestone of 90 is a floor on an increasing indicator", () => {
      const full = { ...bound("eq", 100), targetYear: 2030 };
      expect(evaluateTarget(full, "increase", 92, { year: 2027, milestone: { value: 90 } }).state).toBe("onTrack");
      expect(evaluateTarget(full, "increase", 88, { year: 2027, milestone: { value: 90 } }).state).toBe("atRisk");
    });
    it("eq 0 on a decreasing indicator: a milestone of 3 is a ceiling", () => {
      const zero = { ...bound("eq", 0), targetYear: 2030 };
      expect(evaluateTarget(zero, "decrease", 2, { year: 2027, milestone: { value: 3 } }).state).toBe("onTrack");
      expect(evaluateTarget(zero, "decrease", 4, { year: 2027, milestone: { value: 3 } }).state).toBe("atRisk");
    });
    it("a range target with a range milestone, and with a single-figure milestone", () => {
      const r = { ...bound("range", 35, 40), targetYear: 2030 };
      expect(evaluateTarget(r, "increase", 33, { year: 2027, milestone: { value: 30, valueMax: 35 } }).state).toBe("onTrack");
      expect(evaluateTarget(r, "increase", 29, { year: 2027, milestone: { value: 30, valueMax: 35 } }).state).toBe("atRisk");
      expect(evaluateTarget(r, "increase", 31, { year: 2027, milestone: { value: 30 } }).state).toBe("onTrack");
    });
    it("maintain on a decreasing indicator: the milestone is a ceiling", () => {
      const hold = { ...bound("maintain", 5), targetYear: 2030 };
      expect(evaluateTarget(hold, "decrease", 6, { year: 2027, milestone: { value: 7 } })).toMatchObject({ meetsMilestone: true, state: "onTrack" });
      expect(evaluateTarget(hold, "decrease", 8, { year: 2027, milestone: { value: 7 } })).toMatchObject({ meetsMilestone: false, state: "atRisk" });
    });
    it("achieve a level: a milestone of level 2 is a floor", () => {
      const level3 = { ...bound("achieve", 3), targetYear: 2030 };
      expect(evaluateTarget(level3, "increase", 2, { year: 2027, milestone: { value: 2 } }).state).toBe("onTrack");
      expect(evaluateTarget(level3, "increase", 1, { year: 2027, milestone: { value: 2 } }).state).toBe("atRisk");
    });
  });

  describe("against the expected progress (no milestone)", () => {
    const expected2027 = expectedProgress(2027, 2025, 2030); // 0.4
    it("nursery 24.25 of 48.5 (progress 0.5) is onTrack at 0.4 elapsed, atRisk at 0.6", () => {
      expect(evaluateTarget(nursery, "increase", 24.25, { year: 2027, expectedProgress: expected2027 })).toMatchObject({ state: "onTrack", progress: 0.5 });
      expect(evaluateTarget(nursery, "increase", 24.25, { year: 2028, expectedProgress: 0.6 }).state).toBe("atRisk");
    });
    it("exactly the expected progress is onTrack", () => {
      expect(evaluateTarget(nursery, "increase", 24.25, { year: 2027, expectedProgress: 0.5 }).state).toBe("onTrack");
    });
    it("malnutrition 9.5 from baseline 11 (progress 0.5)", () => {
      expect(evaluateTarget(malnutrition, "decrease", 9.5, { year: 2027, expectedProgress: 0.4 }).state).toBe("onTrack");
      expect(evaluateTarget(malnutrition, "decrease", 9.5, { year: 2027, expectedProgress: 0.6 }).state).toBe("atRisk");
    });
    it("with neither milestone nor expectation an unmet target is atRisk", () => {
      expect(evaluateTarget(nursery, "increase", 47, { year: 2027 })).toMatchObject({ meetsMilestone: null, state: "atRisk" });
      expect(evaluateTarget(nursery, "increase", 47).state).toBe("atRisk");
    });
  });
});
