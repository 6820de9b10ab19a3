import { describe, expect, it } from "vitest";
import { EDUCATION_LEVEL_CODES, targetShapeIssues } from "@eduplan/domain";
import { CORE_INDICATORS, NATIONAL, NATIONAL_TARGETS, REFERENCE_INDICATORS } from "./index.js";

describe("core catalog", () => {
  it("has one indicator per concept, each with a unique code and a known level of education", () => {
    expect(CORE_INDICATORS).toHaveLength(81);
    expect(new Set(CORE_INDICATORS.map((i) => i.code)).size).toBe(81);
    for (const i of CORE_INDICATORS) expect(EDUCATION_LEVEL_CODES).toContain(i.educationLevelCode);
  });
  it("aggregates rates as ratios and marks malnutrition as lower-is-better", () => {
    const byCode = new Map(CORE_INDICATORS.map((i) => [i.code, i]));
    expect(byCode.get("ecec.nursery.enrolment_rate")).toMatchObject({ unit: "percent", aggregation: "ratio", direction: "increase" });
    expect(byCode.get("ecec.malnutrition_rate")).toMatchObject({ direction: "decrease" });
    expect(byCode.get("higher.students_per_10000_population")).toMatchObject({ unit: "per10kInhabitants", aggregation: "ratio" });
  });
  it("roots the cascade at the national strategy 1705/QĐ-TTg", () => {
    expect(NATIONAL.plans[0]).toMatchObject({ code: "national-strategy-1705", number: "1705/QĐ-TTg", visionYear: 2045 });
  });
});

describe("national targets of 1705/QĐ-TTg", () => {
  it("are the press-reported 2030 figures, each on a catalog indicator, with its sources and the check-the-gazette note", () => {
    const codes = new Set(REFERENCE_INDICATORS.map((i) => i.code));
    expect(codes.size).toBe(REFERENCE_INDICATORS.length);
    expect(NATIONAL_TARGETS.plan).toBe(NATIONAL.plans[0]!.code);
    // Every line of the source list (1–30) is loaded; "each level" and "primary and lower secondary" give several.
    expect(new Set(NATIONAL_TARGETS.targets.map((t) => t.item))).toEqual(new Set(Array.from({ length: 30 }, (_, i) => i + 1)));
    expect(new Set(NATIONAL_TARGETS.targets.map((t) => t.code)).size).toBe(NATIONAL_TARGETS.targets.length);
    for (const t of NATIONAL_TARGETS.targets) {
      expect(codes.has(t.indicator), t.indicator).toBe(true);
      expect(t.sources.length).toBeGreaterThan(0);
      expect(t.sourceNoteVi).toMatch(/đối chiếu với văn bản đăng Công báo/);
      expect(targetShapeIssues({ ...t, valueMax: null, ageFrom: null, ageTo: null, baselineYear: null }), t.code).toEqual([]);
    }
    const byIndicator = new Map(NATIONAL_TARGETS.targets.map((t) => [t.indicator, t]));
    expect(byIndicator.get("ecec.nursery.enrolment_rate")).toMatchObject({ comparator: "gte", value: 38, targetYear: 2030 });
    expect(byIndicator.get("higher.students_per_10000_population")).toMatchObject({ comparator: "gte", value: 260 });
    expect(byIndicator.get("cross_cutting.budget.education_share_state_budget")).toMatchObject({ comparator: "gte", value: 20 });
    // "No figure" stays without one: a yes/no or qualitative target, never an invented number.
    expect(byIndicator.get("ecec.teacher.qualified_rate")).toMatchObject({ comparator: "achieve", value: null });
    expect(byIndicator.get("ecec.kindergarten.universal_all_ages")).toMatchObject({ comparator: "achieve", value: null, isAspirational: true });
    expect(byIndicator.get("primary.universal_education_level")).toMatchObject({ comparator: "maintain", value: null });
  });
});
