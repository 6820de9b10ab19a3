import { describe, expect, it } from "vitest";
import { EDUCATION_LEVEL_CODES } from "@eduplan/domain";
import { CORE_INDICATORS, NATIONAL } from "./index.js";

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
