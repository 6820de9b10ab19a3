/** An approximate target ("khoảng 30%") is judged with its band wherever reporting evaluates targets. */
import { describe, expect, it } from "vitest";
import { evaluateTargetForYear } from "@eduplan/domain";
import { evaluableTarget } from "./evaluation.js";

describe("evaluableTarget", () => {
  it("carries the approximate band to the one evaluation", () => {
    const row = { comparator: "eq", value: 30, valueMax: null, baselineValue: null, baselineYear: null, targetYear: 2030, appliesEveryYear: false, isApproximate: true, approximateTolerance: null };
    const target = evaluableTarget(row as never, { direction: "increase", unit: "percent" } as never);
    expect(evaluateTargetForYear(target, [], 28.5, 2030, { start: 2025, end: 2030 }).state).toBe("achieved");
    const exact = evaluableTarget({ ...row, isApproximate: false } as never, { direction: "increase", unit: "percent" } as never);
    expect(evaluateTargetForYear(exact, [], 28.5, 2030, { start: 2025, end: 2030 }).state).toBe("notAchieved");
  });
});
