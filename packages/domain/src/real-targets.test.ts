/** Targets as real plans write them: pooled over levels, counted in localities, approximate, by reference. */
import { describe, expect, it } from "vitest";
import { evaluateReferenceTarget } from "./reference-target.js";
import { countedShare, DEFAULT_APPROXIMATE_TOLERANCE, TargetInputSchema, targetEducationLevels, targetShapeIssues } from "./target.js";
import { formatTarget } from "./format.js";
import { approximateBand, evaluateTargetForYear, type EvaluableTarget } from "./verdict.js";

const base = { planId: 1, indicatorId: 1, code: "t", comparator: "gt", value: 70, targetYear: 2030 };
const paths = (input: unknown) => {
  const r = TargetInputSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("targets pooled over several levels, and targets with no level", () => {
  it("'trên 70% trường mầm non, tiểu học đạt chuẩn quốc gia' is one figure over two levels, not split", () => {
    const t = TargetInputSchema.parse({ ...base, pooledEducationLevelCodes: ["preschool", "primary"] });
    expect(t.pooledEducationLevelCodes).toEqual(["preschool", "primary"]);
    expect(targetEducationLevels(t, "general")).toEqual(["preschool", "primary"]);
  });
  it("one level is a breakdown, not a pool; a pool has no breakdown; no level twice", () => {
    expect(paths({ ...base, pooledEducationLevelCodes: ["primary"] })).toEqual(["pooledEducationLevelCodes"]);
    expect(paths({ ...base, pooledEducationLevelCodes: ["primary", "primary"] })).toEqual(["pooledEducationLevelCodes"]);
    expect(paths({ ...base, pooledEducationLevelCodes: ["preschool", "primary"], breakdownEducationLevelCode: "primary" })).toEqual(["breakdownEducationLevelCode"]);
  });
  it("a target with no level at all: cross-cutting indicator, no breakdown, no pool", () => {
    const t = TargetInputSchema.parse(base);
    expect(targetEducationLevels(t, null)).toEqual([]);
    expect(targetEducationLevels({ ...t, breakdownEducationLevelCode: "primary" }, "general")).toEqual(["primary"]);
    expect(targetEducationLevels(t, "ecec")).toEqual(["ecec"]);
  });
});

describe("targets counted in localities: '4/10 xã đạt chuẩn phổ cập giáo dục THCS mức độ 3'", () => {
  const counted = { ...base, comparator: "gte", value: 4, countedEntity: "commune", countingCriterionVi: "đạt chuẩn phổ cập giáo dục THCS mức độ 3", countedNumerator: 4, countedDenominator: 10 };
  it("keeps the entity, the criterion, the count and what it is out of, as numbers", () => {
    const t = TargetInputSchema.parse({ ...counted, countedGroupRelation: "notStated" });
    expect(t).toMatchObject({ countedEntity: "commune", countedNumerator: 4, countedDenominator: 10, countedGroupRelation: "notStated" });
    expect(countedShare(t)).toBe(40);
    expect(countedShare({ countedNumerator: 4, countedDenominator: null })).toBeNull();
  });
  it("refuses a count above its total, a count without an entity, an unknown relation", () => {
    expect(paths({ ...counted, countedNumerator: 11 })).toEqual(["countedNumerator"]);
    expect(paths({ ...counted, countedEntity: null })).toEqual(["countedEntity"]);
    expect(paths({ ...counted, countedGroupRelation: "overlapping" })).toEqual(["countedGroupRelation"]);
    expect(paths({ ...counted, countedDenominator: 0 })).toContain("countedDenominator");
  });
});

describe("approximate targets: 'khoảng 30%'", () => {
  const about30: EvaluableTarget = { comparator: "eq", value: 30, valueMax: null, targetYear: 2030, direction: "increase", unit: "percent", isApproximate: true, approximateTolerance: null };
  const period = { start: 2025, end: 2030 };
  it("the band is ±2 points unless the target sets its own", () => {
    expect(DEFAULT_APPROXIMATE_TOLERANCE).toBe(2);
    expect(approximateBand(about30)).toEqual({ low: 28, high: 32, tolerance: 2 });
    expect(approximateBand({ ...about30, approximateTolerance: 5 })).toEqual({ low: 25, high: 35, tolerance: 5 });
    expect(approximateBand({ ...about30, isApproximate: false })).toBeNull();
  });
  it("achieved inside the band, at its edges too, and the reason says so", () => {
    for (const figure of [28, 29.1, 30, 32]) expect(evaluateTargetForYear(about30, [], figure, 2030, period).state).toBe("achieved");
    const v = evaluateTargetForYear(about30, [], 28.5, 2030, period);
    expect(v.reason.vi).toBe("Kết quả 28,5% nằm trong biên độ ±2 điểm phần trăm của mục tiêu khoảng 30% (28%–32%): đạt.");
    expect(v.reason.en).toMatch(/within ±2 percentage points of the approximate target about 30%/);
    expect(formatTarget(about30, "percent")).toBe("khoảng 30%");
    expect(formatTarget({ ...about30, comparator: "gte" }, "percent", "en")).toBe("about ≥ 30%");
    expect(formatTarget({ ...about30, isApproximate: false }, "percent")).toBe("30%");
  });
  it("below the band in the target year: not achieved (above it, as for 'đạt 30%' on a rising indicator, achieved); an exact 30% is not achieved by 29%", () => {
    expect(evaluateTargetForYear(about30, [], 27.9, 2030, period).state).toBe("notAchieved");
    expect(evaluateTargetForYear(about30, [], 33, 2030, period).state).toBe("achieved");
    expect(evaluateTargetForYear({ ...about30, direction: "decrease" }, [], 32.1, 2030, period).state).toBe("notAchieved");
    expect(evaluateTargetForYear({ ...about30, isApproximate: false }, [], 29, 2030, period).state).toBe("notAchieved");
    expect(evaluateTargetForYear({ ...about30, approximateTolerance: 0.5 }, [], 29, 2030, period).state).toBe("notAchieved");
  });
  it("the target's own rules: a tolerance needs isApproximate, and an approximate target a single value", () => {
    expect(paths({ ...base, comparator: "eq", value: 30, isApproximate: true, approximateTolerance: 3 })).toEqual([]);
    expect(paths({ ...base, approximateTolerance: 3 })).toEqual(["approximateTolerance"]);
    expect(paths({ ...base, comparator: "range", value: 30, valueMax: 35, isApproximate: true })).toEqual(["isApproximate"]);
    expect(paths({ ...base, approximateTolerance: -1, isApproximate: true })).toEqual(["approximateTolerance"]);
  });
});

describe("targets by reference: 'hoàn thành các mục tiêu của Kế hoạch số …'", () => {
  it("links a plan in the system or a cited document, and is a yes/no target", () => {
    expect(TargetInputSchema.parse({ ...base, comparator: "achieve", value: null, referencePlanId: 7 }).referencePlanId).toBe(7);
    expect(TargetInputSchema.parse({ ...base, comparator: "achieve", value: null, referenceCitedVi: "Kế hoạch số 1101/KH-UBND" }).referenceCitedVi).toBe("Kế hoạch số 1101/KH-UBND");
    expect(paths({ ...base, referencePlanId: 7 })).toEqual(["comparator"]);
    expect(targetShapeIssues({ comparator: "achieve", value: null, valueMax: null, ageFrom: null, ageTo: null, baselineYear: null, targetYear: null, referencePlanId: 7 })).toEqual([]);
  });
  it("judged from the referenced plan's targets: all achieved, one missed, one at risk, some on track, none judged", () => {
    const ref = (...states: Parameters<typeof evaluateReferenceTarget>[0]["states"]) => evaluateReferenceTarget({ number: "12/KH-UBND", states });
    expect(ref("achieved", "achieved").state).toBe("achieved");
    expect(ref("achieved", "achieved").reason.vi).toBe("Tất cả 2 chỉ tiêu của Kế hoạch số 12/KH-UBND đã đạt.");
    expect(ref("achieved", "notAchieved", "atRisk").state).toBe("notAchieved");
    expect(ref("achieved", "atRisk").state).toBe("atRisk");
    expect(ref("achieved", "onTrack", "noData")).toMatchObject({ state: "onTrack", reason: { vi: "1/3 chỉ tiêu của Kế hoạch số 12/KH-UBND đã đạt, 1/3 đúng tiến độ, 1/3 chưa có số liệu." } });
    expect(ref("noData").state).toBe("noData");
    expect(evaluateReferenceTarget({ number: null, states: [] }).reason.vi).toMatch(/kế hoạch được dẫn chiếu/);
  });
});

describe("the one evaluation of a target by reference (evaluateTargetForYear)", () => {
  const byRef: EvaluableTarget = { comparator: "achieve", value: null, valueMax: null, targetYear: null, direction: "increase", unit: "boolean" };
  const period = { start: 2025, end: 2030 };
  it("a plan in the system: its targets' verdicts decide, whatever figure was entered", () => {
    const target = { ...byRef, reference: { kind: "plan" as const, number: "12/KH-UBND", states: ["achieved", "atRisk"] as const } };
    for (const figure of [null, 0, 1]) {
      const v = evaluateTargetForYear(target, [], figure, 2026, period);
      expect(v).toMatchObject({ state: "atRisk", label: { vi: "Có nguy cơ không đạt" }, reason: { vi: "1/2 chỉ tiêu của Kế hoạch số 12/KH-UBND có nguy cơ không đạt.", en: "1/2 targets of plan 12/KH-UBND are at risk." }, expected: null });
    }
    expect(evaluateTargetForYear({ ...target, reference: { ...target.reference, states: ["achieved"] } }, [], 0, 2026, period)).toMatchObject({ state: "achieved", achieved: true });
    expect(evaluateTargetForYear({ ...target, reference: { ...target.reference, states: [] } }, [], 1, 2026, period).state).toBe("noData");
  });
  it("a document only cited: the yes/no entered, the reason naming the document", () => {
    const target = { ...byRef, reference: { kind: "cited" as const, citedVi: "Kế hoạch số 03/KH-UBND của UBND xã Hòa An" } };
    expect(evaluateTargetForYear(target, [], 1, 2026, period)).toMatchObject({ state: "achieved", achieved: true, reason: { vi: "Đã hoàn thành các mục tiêu của Kế hoạch số 03/KH-UBND của UBND xã Hòa An (kết quả nhập: có)." } });
    expect(evaluateTargetForYear(target, [], null, 2026, period)).toMatchObject({ state: "noData", reason: { vi: expect.stringMatching(/^Chưa nhập kết quả năm 2026 \(có\/không\)/) } });
    expect(evaluateTargetForYear(target, [], 0, 2025, period).state).toBe("onTrack");
    expect(evaluateTargetForYear(target, [], 0, 2027, period)).toMatchObject({ state: "atRisk", reason: { vi: "Chưa hoàn thành các mục tiêu của Kế hoạch số 03/KH-UBND của UBND xã Hòa An (kết quả nhập: không); hạn năm 2030." } });
    // The deadline: the target year, else the end of the plan period.
    expect(evaluateTargetForYear(target, [], 0, 2030, period)).toMatchObject({ state: "notAchieved", achieved: false, reason: { vi: expect.stringMatching(/^Đã đến năm 2030; chưa hoàn thành/) } });
    expect(evaluateTargetForYear({ ...target, targetYear: 2027 }, [], 0, 2027, period).state).toBe("notAchieved");
    // Not a yes/no: no verdict rather than a guess (a rate indicator, 45).
    expect(evaluateTargetForYear({ ...target, unit: "percent" }, [], 45, 2026, period)).toMatchObject({ state: "noData", reason: { vi: expect.stringMatching(/có\/không/) } });
    expect(evaluateTargetForYear({ ...target, unit: "percent" }, [], 1, 2026, period).state).toBe("achieved");
  });
});
