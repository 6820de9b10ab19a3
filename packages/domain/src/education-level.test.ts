import { describe, expect, it } from "vitest";
import { EDUCATION_LEVEL_CODES, EDUCATION_LEVELS, educationLevelSubtree, type EducationLevel } from "./education-level.js";

describe("educationLevelSubtree", () => {
  it("general → itself, primary, lower and upper secondary", () => {
    expect(educationLevelSubtree("general")).toEqual(["general", "primary", "lowerSecondary", "upperSecondary"]);
  });
  it("early childhood → nursery and kindergarten", () => {
    expect(educationLevelSubtree("earlyChildhood")).toEqual(["earlyChildhood", "nursery", "kindergarten"]);
  });
  it("a leaf is its own subtree", () => {
    expect(educationLevelSubtree("primary")).toEqual(["primary"]);
    expect(educationLevelSubtree("higher")).toEqual(["higher"]);
  });
  it("an unknown code is returned alone", () => {
    expect(educationLevelSubtree("nope")).toEqual(["nope"]);
  });
  it("walks deeper trees, level by level", () => {
    const level = (code: string, parentCode: string | null): EducationLevel => ({ code, parentCode, nameVi: code, nameEn: code, sortOrder: 0 });
    const levels = [level("a", null), level("a1", "a"), level("a1x", "a1"), level("a2", "a"), level("a1x1", "a1x"), level("b", null)];
    expect(educationLevelSubtree("a", levels)).toEqual(["a", "a1", "a2", "a1x", "a1x1"]);
    expect(educationLevelSubtree("a1", levels)).toEqual(["a1", "a1x", "a1x1"]);
  });
  it("the default tree: every parent exists and codes are unique", () => {
    expect(new Set(EDUCATION_LEVEL_CODES).size).toBe(EDUCATION_LEVELS.length);
    for (const l of EDUCATION_LEVELS) if (l.parentCode !== null) expect(EDUCATION_LEVEL_CODES).toContain(l.parentCode);
  });
});
