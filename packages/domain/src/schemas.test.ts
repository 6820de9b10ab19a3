import { describe, expect, it } from "vitest";
import { indicatorValueIssues, IndicatorValueInputSchema } from "./indicator-value.js";
import { defaultAggregation, ratioScale, unitMaximum } from "./indicator.js";
import { isValidOn, LocalityInputSchema } from "./locality.js";
import { PlanInputSchema } from "./plan.js";
import { CodeSchema, MonthDaySchema } from "./primitives.js";
import { MilestoneInputSchema, TargetInputSchema, targetIndicatorIssues, targetShapeIssues } from "./target.js";
import { UserInputSchema } from "./user.js";

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => i.path.join("."));

describe("TargetInputSchema", () => {
  const base = { planId: 1, indicatorId: 2, code: "ls-243.ecec.nursery", comparator: "gte", value: 48.5 } as const;

  it("accepts Lạng Sơn's nursery target and fills the defaults", () => {
    const t = TargetInputSchema.parse({ ...base, targetYear: 2030 });
    expect(t).toMatchObject({ value: 48.5, valueMax: null, targetYear: 2030, baselineValue: null, appliesEveryYear: false, areaFlag: null });
  });
  it("gte needs a value", () => {
    const r = TargetInputSchema.safeParse({ ...base, value: null });
    expect(r.success).toBe(false);
    expect(paths(r)).toEqual(["value"]);
  });
  it("every bound comparator needs a value; maintain and achieve do not", () => {
    for (const comparator of ["gt", "lte", "lt", "eq"]) expect(TargetInputSchema.safeParse({ ...base, comparator, value: null }).success).toBe(false);
    for (const comparator of ["maintain", "achieve"]) expect(TargetInputSchema.safeParse({ ...base, comparator, value: null }).success).toBe(true);
  });
  it("a range needs valueMax ≥ value", () => {
    expect(TargetInputSchema.safeParse({ ...base, comparator: "range", value: 35, valueMax: 40 }).success).toBe(true);
    expect(TargetInputSchema.safeParse({ ...base, comparator: "range", value: 40, valueMax: 40 }).success).toBe(true);
    const below = TargetInputSchema.safeParse({ ...base, comparator: "range", value: 40, valueMax: 35 });
    expect(below.success).toBe(false);
    expect(paths(below)).toEqual(["valueMax"]);
    const none = TargetInputSchema.safeParse({ ...base, comparator: "range", value: 35 });
    expect(paths(none)).toEqual(["valueMax"]);
  });
  it("valueMax is only for ranges", () => {
    const r = TargetInputSchema.safeParse({ ...base, valueMax: 60 });
    expect(paths(r)).toEqual(["valueMax"]);
    expect(r.error!.issues[0]!.message).toBe("valueMax is only for ranges");
  });
  it("ages and years in order", () => {
    expect(paths(TargetInputSchema.safeParse({ ...base, ageFrom: 60, ageTo: 15 }))).toEqual(["ageTo"]);
    expect(TargetInputSchema.safeParse({ ...base, ageFrom: 15, ageTo: 60 }).success).toBe(true);
    expect(paths(TargetInputSchema.safeParse({ ...base, baselineYear: 2031, targetYear: 2030 }))).toEqual(["baselineYear"]);
  });
  it("an unknown comparator or area flag is refused", () => {
    expect(TargetInputSchema.safeParse({ ...base, comparator: "about" }).success).toBe(false);
    expect(TargetInputSchema.safeParse({ ...base, areaFlag: "isIsland" }).success).toBe(false);
  });
  it("targetShapeIssues reports several problems at once", () => {
    const issues = targetShapeIssues({ comparator: "range", value: null, valueMax: null, ageFrom: 10, ageTo: 5, baselineYear: null, targetYear: null });
    expect(issues.map((i) => i.path[0])).toEqual(["value", "valueMax", "ageTo"]);
  });
});

describe("MilestoneInputSchema", () => {
  it("valueMax must not be below value", () => {
    expect(MilestoneInputSchema.safeParse({ targetId: 1, year: 2027, value: 40 }).success).toBe(true);
    expect(paths(MilestoneInputSchema.safeParse({ targetId: 1, year: 2027, value: 40, valueMax: 39 }))).toEqual(["valueMax"]);
  });
});

describe("targetIndicatorIssues", () => {
  const percent = { unit: "percent" as const, code: "ecec.nursery.enrolment_rate" };
  it("140% on a percent indicator is refused, with the figure in Vietnamese notation", () => {
    const issues = targetIndicatorIssues({ value: 140, valueMax: null }, percent);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(["value"]);
    expect(issues[0]!.vi).toContain("vượt quá 100");
    expect(targetIndicatorIssues({ value: 100.5, valueMax: null }, percent)[0]!.vi).toContain("100,5");
  });
  it("100% exactly is fine", () => expect(targetIndicatorIssues({ value: 100, valueMax: null, baselineValue: 0 }, percent)).toEqual([]));
  it("negative values are refused on every unit", () => {
    expect(targetIndicatorIssues({ value: -1, valueMax: null }, percent).map((i) => i.path[0])).toEqual(["value"]);
    expect(targetIndicatorIssues({ value: 1, valueMax: null, baselineValue: -5 }, { unit: "count", code: "c" }).map((i) => i.path[0])).toEqual(["baselineValue"]);
  });
  it("checks valueMax and baselineValue too", () => {
    expect(targetIndicatorIssues({ value: 95, valueMax: 105, baselineValue: 120 }, percent).map((i) => i.path[0])).toEqual(["valueMax", "baselineValue"]);
  });
  it("155 students per 10,000 inhabitants is accepted (no ceiling)", () => {
    expect(targetIndicatorIssues({ value: 155, valueMax: null }, { unit: "per10kInhabitants", code: "higher.students_per_10k" })).toEqual([]);
  });
  it("a yes/no target is 0 or 1", () => {
    expect(targetIndicatorIssues({ value: 1, valueMax: null }, { unit: "boolean", code: "b" })).toEqual([]);
    expect(targetIndicatorIssues({ value: 2, valueMax: null }, { unit: "boolean", code: "b" })).toHaveLength(1);
  });
});

describe("indicator units", () => {
  it("scale, ceiling and default aggregation", () => {
    expect([ratioScale("percent"), ratioScale("per10kInhabitants"), ratioScale("ratio")]).toEqual([100, 10_000, 1]);
    expect([unitMaximum("percent"), unitMaximum("boolean"), unitMaximum("count")]).toEqual([100, 1, null]);
    expect([defaultAggregation("percent"), defaultAggregation("count"), defaultAggregation("level"), defaultAggregation("other")]).toEqual(["ratio", "sum", "min", "none"]);
  });
});

describe("indicatorValueIssues", () => {
  const rate = { unit: "percent", aggregation: "ratio", code: "ecec.nursery.enrolment_rate" };
  it("numerator above denominator on a percent rate is refused", () => {
    const issues = indicatorValueIssues({ numerator: 120, denominator: 100, value: null }, rate);
    expect(issues).toEqual([{ path: ["numerator"], en: "numerator 120 exceeds denominator 100", vi: "Tử số 120 lớn hơn mẫu số 100" }]);
  });
  it("numerator equal to denominator is 100% and fine", () => {
    expect(indicatorValueIssues({ numerator: 100, denominator: 100, value: null }, rate)).toEqual([]);
  });
  it("a rate needs both parts", () => {
    expect(indicatorValueIssues({ numerator: null, denominator: 100, value: 40 }, rate).map((i) => i.path[0])).toEqual(["numerator"]);
    expect(indicatorValueIssues({ numerator: 40, denominator: null, value: 40 }, rate).map((i) => i.path[0])).toEqual(["denominator"]);
  });
  it("a percent value above 100 or a negative value is refused", () => {
    const count = { unit: "count", aggregation: "sum", code: "c" };
    expect(indicatorValueIssues({ numerator: null, denominator: null, value: -2 }, count).map((i) => i.path[0])).toEqual(["value"]);
    expect(indicatorValueIssues({ numerator: null, denominator: null, value: 120 }, count)).toEqual([]);
    expect(indicatorValueIssues({ numerator: 1, denominator: 1, value: 100.5 }, rate)[0]!.vi).toContain("100,5%");
  });
  it("a numerator above its denominator is fine when the rate is not a percent (pupils per teacher: 300 / 15)", () => {
    expect(indicatorValueIssues({ numerator: 300, denominator: 15, value: null }, { unit: "ratio", aggregation: "ratio", code: "pupils_per_teacher" })).toEqual([]);
  });
});

describe("IndicatorValueInputSchema", () => {
  const base = { localityId: 1, indicatorId: 2, year: 2026 };
  it("needs a value or both parts", () => {
    expect(IndicatorValueInputSchema.safeParse({ ...base, value: 48.5 }).success).toBe(true);
    expect(IndicatorValueInputSchema.safeParse({ ...base, numerator: 97, denominator: 200 }).success).toBe(true);
    expect(paths(IndicatorValueInputSchema.safeParse({ ...base, numerator: 97 }))).toEqual(["value"]);
  });
  it("a zero denominator only with a zero numerator", () => {
    expect(IndicatorValueInputSchema.safeParse({ ...base, numerator: 0, denominator: 0 }).success).toBe(true);
    expect(paths(IndicatorValueInputSchema.safeParse({ ...base, numerator: 3, denominator: 0 }))).toEqual(["denominator"]);
  });
  it("negative parts are refused", () => {
    expect(IndicatorValueInputSchema.safeParse({ ...base, numerator: -1, denominator: 10 }).success).toBe(false);
  });
});

describe("LocalityInputSchema", () => {
  const base = { code: "bang-mac", nameVi: "Xã Bằng Mạc", levelCode: "commune", parentId: 1 };
  it("accepts a commune and fills flags", () => {
    expect(LocalityInputSchema.parse(base)).toMatchObject({ isExtremelyDifficultArea: false, validFrom: null, population: null });
  });
  it("validTo before validFrom is refused", () => {
    const r = LocalityInputSchema.safeParse({ ...base, validFrom: "2025-07-01", validTo: "2025-06-30" });
    expect(paths(r)).toEqual(["validTo"]);
  });
  it("a district abolished on 30/6/2025 is valid up to that day", () => {
    const district = LocalityInputSchema.parse({ ...base, code: "cao-loc", levelCode: "district", validFrom: "1945-09-02", validTo: "2025-06-30" });
    expect(isValidOn(district, "2025-06-30")).toBe(true);
    expect(isValidOn(district, "2025-07-01")).toBe(false);
    expect(isValidOn({ validFrom: null, validTo: null }, "2000-01-01")).toBe(true);
  });
  it("the same day for both ends is fine", () => {
    expect(LocalityInputSchema.safeParse({ ...base, validFrom: "2025-07-01", validTo: "2025-07-01" }).success).toBe(true);
  });
});

describe("UserInputSchema", () => {
  const base = { username: "gd.langson", displayName: "Cán bộ Sở GD&ĐT", password: "đủ-dài-rồi" };
  it("a non-admin without a locality is refused", () => {
    for (const role of ["province_officer", "commune_officer", "viewer"]) {
      const r = UserInputSchema.safeParse({ ...base, role });
      expect(r.success).toBe(false);
      expect(paths(r)).toEqual(["localityId"]);
    }
  });
  it("a non-admin with a locality, and an admin without one, are accepted", () => {
    expect(UserInputSchema.safeParse({ ...base, role: "commune_officer", localityId: 3 }).success).toBe(true);
    expect(UserInputSchema.parse({ ...base, role: "system_admin" })).toMatchObject({ localityId: null, locale: "vi", isActive: true });
  });
  it("usernames are lowercase ASCII and passwords at least 8 characters", () => {
    expect(UserInputSchema.safeParse({ ...base, role: "system_admin", username: "Cán Bộ" }).success).toBe(false);
    expect(paths(UserInputSchema.safeParse({ ...base, role: "system_admin", password: "short" }))).toEqual(["password"]);
  });
});

describe("PlanInputSchema", () => {
  const base = { code: "bang-mac-2025", documentKind: "resolution", titleVi: "Nghị quyết về Kế hoạch phát triển giáo dục", localityId: 3 };
  it("a draft with no number, date or signer is accepted", () => {
    const p = PlanInputSchema.parse({ ...base, status: "draft", number: null, issuedOn: null, signer: null });
    expect(p).toMatchObject({ status: "draft", number: null, issuedOn: null, signer: null });
  });
  it("the defaults: an issued plan with nothing else known", () => {
    expect(PlanInputSchema.parse(base)).toMatchObject({ status: "issued", number: null, periodStart: null, parentPlanId: null });
  });
  it("an issued plan with its number and date", () => {
    const p = PlanInputSchema.parse({ ...base, documentKind: "plan", number: "243/KH-UBND", issuedOn: "2025-09-21", periodStart: 2025, periodEnd: 2030, visionYear: 2045 });
    expect(p.number).toBe("243/KH-UBND");
  });
  it("periodEnd before periodStart is refused", () => {
    expect(paths(PlanInputSchema.safeParse({ ...base, periodStart: 2030, periodEnd: 2025 }))).toEqual(["periodEnd"]);
  });
  it("a bad date or document kind is refused", () => {
    expect(paths(PlanInputSchema.safeParse({ ...base, issuedOn: "21/9/2025" }))).toEqual(["issuedOn"]);
    expect(paths(PlanInputSchema.safeParse({ ...base, documentKind: "memo" }))).toEqual(["documentKind"]);
  });
});

describe("primitives", () => {
  it("CodeSchema: lowercase, digits and . _ : / -", () => {
    expect(CodeSchema.safeParse("ecec.nursery.enrolment_rate").success).toBe(true);
    expect(CodeSchema.safeParse("Lang Son").success).toBe(false);
    expect(CodeSchema.safeParse("lạng-sơn").success).toBe(false);
  });
  it("MonthDaySchema: 12-10 is 10 December; 13-01 and 02-32 are not dates", () => {
    expect(MonthDaySchema.safeParse("12-10").success).toBe(true);
    expect(MonthDaySchema.safeParse("13-01").success).toBe(false);
    expect(MonthDaySchema.safeParse("02-32").success).toBe(false);
  });
});
