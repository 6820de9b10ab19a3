import { describe, expect, it } from "vitest";
import { expectedForYear, LINEAR_ROADMAP_LABEL } from "./roadmap.js";
import { evaluateTargetForYear, formatExpectation, targetStateFromLabel, TARGET_STATE_LABELS, type EvaluableTarget } from "./verdict.js";

const nursery: EvaluableTarget = { comparator: "gte", value: 48.5, valueMax: null, targetYear: 2030, direction: "increase", unit: "percent" };
const period = { start: 2025, end: 2030 };

describe("expectedForYear (the roadmap)", () => {
  it("a milestone of the year wins over the straight line", () => {
    const e = expectedForYear(nursery, "increase", [{ year: 2026, value: 44 }], 2026, period, { firstReported: { year: 2025, value: 40 } });
    expect(e).toMatchObject({ source: "milestone", value: 44 });
  });
  it("without one, a straight line from the first reported figure to the target", () => {
    const e = expectedForYear(nursery, "increase", [], 2026, period, { firstReported: { year: 2025, value: 38.5 } })!;
    expect(e.source).toBe("linear");
    expect(e.value).toBeCloseTo(38.5 + (48.5 - 38.5) / 5, 9);
    expect(e.from).toMatchObject({ kind: "firstReported", year: 2025 });
  });
  it("the baseline (of the year before the period when its year is not stated) comes before the first figure", () => {
    const e = expectedForYear({ ...nursery, baselineValue: 42.5 }, "increase", [], 2027, period, { firstReported: { year: 2025, value: 30 } })!;
    expect(e.from).toMatchObject({ kind: "baseline", year: 2024 });
    expect(e.value).toBeCloseTo(42.5 + (6 * 3) / 6, 9);
  });
  it("passes through later milestones (piecewise straight)", () => {
    const e = expectedForYear(nursery, "increase", [{ year: 2028, value: 46 }], 2026, period, { firstReported: { year: 2024, value: 40 } })!;
    expect(e.value).toBeCloseTo(43, 9);
  });
  it("a decreasing target goes down; a range aims at its bottom end when higher is better", () => {
    const drop = { comparator: "lt" as const, value: 8, valueMax: null, targetYear: 2030 };
    expect(expectedForYear(drop, "decrease", [], 2027, period, { firstReported: { year: 2025, value: 12 } })!.value).toBeCloseTo(10.4, 9);
    const range = { comparator: "range" as const, value: 35, valueMax: 40, targetYear: 2030 };
    expect(expectedForYear(range, "increase", [], 2028, period, { firstReported: { year: 2025, value: 30 } })!.value).toBeCloseTo(33, 9);
  });
  it("none for yes/no or maintain targets, for a bound of every year, at the target year, or before the start", () => {
    expect(expectedForYear({ comparator: "achieve", value: null, valueMax: null, targetYear: 2030 }, "increase", [], 2026, period, { thisYear: 0 })).toBeNull();
    expect(expectedForYear({ comparator: "maintain", value: null, valueMax: null, targetYear: 2030 }, "increase", [], 2026, period, { thisYear: 90 })).toBeNull();
    expect(expectedForYear({ ...nursery, appliesEveryYear: true }, "increase", [], 2026, period, { thisYear: 40 })).toBeNull();
    expect(expectedForYear(nursery, "increase", [], 2030, period, { firstReported: { year: 2025, value: 40 } })).toBeNull();
    expect(expectedForYear(nursery, "increase", [], 2026, period, {})).toBeNull();
  });
  it("a target without a year runs to the end of the plan period", () => {
    const e = expectedForYear({ ...nursery, targetYear: null }, "increase", [], 2026, period, { firstReported: { year: 2025, value: 38.5 } })!;
    expect(e.to).toEqual({ year: 2030, value: 48.5 });
  });
});

describe("evaluateTargetForYear", () => {
  it("no figure → no data, with the reason", () => {
    const v = evaluateTargetForYear(nursery, [], null, 2026, period);
    expect(v.state).toBe("noData");
    expect(v.reason.vi).toBe("Chưa có số liệu năm 2026.");
    expect(v.label).toEqual(TARGET_STATE_LABELS.noData);
  });
  it("meeting the final bound is achieved, in any year", () => {
    const v = evaluateTargetForYear(nursery, [], 50.1, 2026, period);
    expect(v.state).toBe("achieved");
    expect(v.reason.vi).toBe("Kết quả 50,1% đạt mục tiêu ≥ 48,5%.");
    expect(v.reason.en).toBe("The result 50.1% meets the target ≥ 48.5%.");
  });
  it("mid-plan, a figure on or above the straight line is on track, below it at risk, and says the line is estimated", () => {
    const first = { year: 2025, value: 38.5 };
    const on = evaluateTargetForYear(nursery, [], 41, 2026, period, { firstReported: first });
    expect(on.state).toBe("onTrack");
    expect(on.expected?.value).toBeCloseTo(40.5, 9);
    expect(on.reason.vi).toContain(`40,5% (${LINEAR_ROADMAP_LABEL.vi})`);
    const behind = evaluateTargetForYear(nursery, [], 39, 2026, period, { firstReported: first });
    expect(behind.state).toBe("atRisk");
    expect(behind.reason.vi).toBe(`Kết quả 39% chưa đạt mức lộ trình 2026 (40,5% (${LINEAR_ROADMAP_LABEL.vi})); mục tiêu ≥ 48,5%.`);
    expect(behind.meetsMilestone).toBeNull();
  });
  it("against a milestone: meetsMilestone is set and the figure is not called an estimate", () => {
    const v = evaluateTargetForYear(nursery, [{ year: 2026, value: 42 }], 41, 2026, period, { firstReported: { year: 2025, value: 38.5 } });
    expect(v.state).toBe("atRisk");
    expect(v.meetsMilestone).toBe(false);
    expect(v.reason.vi).not.toContain(LINEAR_ROADMAP_LABEL.vi);
  });
  it("the first year with a figure starts the line (on track), and says so", () => {
    const v = evaluateTargetForYear(nursery, [], 38.5, 2025, period);
    expect(v.state).toBe("onTrack");
    expect(v.reason.vi).toBe("Năm 2025 là năm đầu có số liệu (38,5%), làm mốc xuất phát của lộ trình đều đến mục tiêu ≥ 48,5% năm 2030.");
  });
  it("at the target year a miss is not achieved; a bound of every year is judged each year", () => {
    expect(evaluateTargetForYear(nursery, [], 47, 2030, period).state).toBe("notAchieved");
    const dropout: EvaluableTarget = { comparator: "lt", value: 8, valueMax: null, targetYear: 2030, appliesEveryYear: true, direction: "decrease", unit: "percent" };
    const v = evaluateTargetForYear(dropout, [], 9, 2026, period);
    expect(v.state).toBe("notAchieved");
    expect(v.reason.vi).toBe("Mục tiêu áp dụng hằng năm; kết quả 9% chưa đạt < 8%.");
  });
  it("a yes/no target without a roadmap is judged by the share of the period elapsed", () => {
    const centre: EvaluableTarget = { comparator: "achieve", value: null, valueMax: null, targetYear: 2030, direction: "increase", unit: "boolean" };
    expect(evaluateTargetForYear(centre, [], 0, 2025, period).state).toBe("onTrack");
    const v = evaluateTargetForYear(centre, [], 0, 2027, period);
    expect(v.state).toBe("atRisk");
    expect(v.reason.vi).toBe("Chưa có lộ trình: đã đi được 0% chặng đường tới mục tiêu Đạt, so với 40% thời gian của kế hoạch.");
    expect(evaluateTargetForYear(centre, [], 1, 2027, period).state).toBe("achieved");
  });
  it("a qualitative target on a rate (no figure stated) is not judged by 'yes = 1'", () => {
    const v = evaluateTargetForYear({ ...nursery, comparator: "achieve", value: null }, [], 50, 2026, period);
    expect(v.state).toBe("noData");
    expect(v.reason.vi).toMatch(/định tính/);
  });
  it("a target with nothing to compare with has no data", () => {
    const v = evaluateTargetForYear({ ...nursery, comparator: "maintain", value: null }, [], 50, 2026, period);
    expect(v.state).toBe("noData");
  });
  it("labels read back to states; expectations print with their origin", () => {
    for (const [state, l] of Object.entries(TARGET_STATE_LABELS)) {
      expect(targetStateFromLabel(l.vi)).toBe(state);
      expect(targetStateFromLabel(l.en)).toBe(state);
    }
    expect(formatExpectation({ year: 2026, value: 40.5, valueMax: null, source: "linear", from: null, to: null }, "percent")).toBe("40,5% (ước tính theo lộ trình đều)");
    expect(formatExpectation({ year: 2026, value: 35, valueMax: 40, source: "milestone", from: null, to: null }, "percent", "en")).toBe("35–40%");
  });
});
