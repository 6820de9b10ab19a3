import { describe, expect, it } from "vitest";
import { ProvinceConfigSchema } from "@eduplan/province-config";
import { checkConfig, codeFromName, copyTargets, flattenTargets, stepOfPath, toProvinceFile, wizardPath, type ProvinceConfig, type StoredTarget } from "./config";

const stored = (over: Partial<StoredTarget>): StoredTarget => ({
  id: 1,
  code: "ecec.nursery.enrolment_rate",
  indicatorId: 10,
  comparator: "gte",
  value: 48.5,
  valueMax: null,
  targetYear: 2030,
  baselineValue: null,
  baselineYear: null,
  appliesEveryYear: false,
  isAspirational: false,
  areaFlag: null,
  breakdownEducationLevelCode: "nursery",
  ageFrom: null,
  ageTo: null,
  conditionVi: null,
  conditionEn: null,
  countedEntity: null,
  countingCriterionVi: null,
  countingOutOfVi: null,
  parentTargetId: null,
  phraseVi: "Tỷ lệ huy động trẻ nhà trẻ đến trường đạt 48,5%",
  section: null,
  ...over,
});

function sampleConfig(): ProvinceConfig {
  const targets = copyTargets(
    [
      stored({}),
      stored({ id: 2, code: "primary.two_sessions", indicatorId: 11, comparator: "eq", value: 100, baselineValue: 90, baselineYear: 2024 }),
      stored({ id: 3, code: "primary.two_sessions.difficult", indicatorId: 11, parentTargetId: 2, areaFlag: "isExtremelyDifficultArea", value: 95, countedEntity: "school", countingCriterionVi: "dạy 2 buổi/ngày" }),
    ],
    new Map([
      [10, "ecec.nursery.enrolment_rate"],
      [11, "primary.two_sessions_rate"],
    ]),
  );
  return {
    province: { code: "cao-bang", nameVi: "Tỉnh Cao Bằng", nameEn: "Cao Bằng Province", parent: "vn", reportDeadline: "12-10", isBorderArea: true },
    plugins: ["geopark-education"],
    localities: [{ code: "hoa-an", nameVi: "Xã Hòa An", level: "commune", parent: "cao-bang" }],
    agencies: [{ code: "cao-bang.education-dept", nameVi: "Sở Giáo dục và Đào tạo tỉnh Cao Bằng", shortName: "Sở GD&ĐT", kind: "educationDept", locality: "cao-bang" }],
    users: [],
    indicators: [],
    plans: [{ code: "cao-bang-2026", documentKind: "plan", titleVi: "Kế hoạch phát triển giáo dục tỉnh Cao Bằng", locality: "cao-bang", periodStart: 2026, periodEnd: 2030, status: "draft", parentPlan: "national-strategy-1705", targets }],
  };
}

describe("the province file the wizard builds", () => {
  it("is valid for the province-config schema (the same file `pnpm eduplan province init` reads)", () => {
    const file = toProvinceFile(sampleConfig());
    const parsed = ProvinceConfigSchema.safeParse(file);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it("copies the parent plan's targets with sub-targets nested and no nulls", () => {
    const config = sampleConfig();
    const targets = config.plans[0]!.targets!;
    expect(targets).toHaveLength(2);
    expect(targets[0]).toEqual({
      code: "ecec.nursery.enrolment_rate",
      indicator: "ecec.nursery.enrolment_rate",
      comparator: "gte",
      value: 48.5,
      targetYear: 2030,
      educationLevel: "nursery",
    });
    expect(targets[1]!.baseline).toEqual({ value: 90, year: 2024 });
    expect(targets[1]!.subTargets?.[0]).toMatchObject({ areaFlag: "isExtremelyDifficultArea", counting: { entity: "school", criterionVi: "dạy 2 buổi/ngày" } });
    expect(flattenTargets(targets)).toHaveLength(3);
  });

  it("gives copied targets a neutral wording of their own (the indicator's name), never the parent's sentence about its locality", () => {
    const targets = copyTargets(
      [stored({ phraseVi: "Phấn đấu đến năm 2030, giáo dục Lạng Sơn đạt mức khá trong nhóm các tỉnh miền núi phía Bắc", conditionVi: "Đạt mức khá trong nhóm các tỉnh miền núi phía Bắc" }), stored({ id: 2, indicatorId: 11, phraseVi: "trên địa bàn tỉnh Lạng Sơn" })],
      new Map([
        [10, "ecec.nursery.enrolment_rate"],
        [11, "primary.two_sessions_rate"],
      ]),
      new Map([
        [10, "Tỷ lệ huy động trẻ nhà trẻ đến trường"],
        [11, "Trường Cao đẳng Lạng Sơn phát triển theo hướng đa ngành"],
      ]),
      "Tỉnh Lạng Sơn",
    );
    expect(targets[0]!.phraseVi).toBe("Tỷ lệ huy động trẻ nhà trẻ đến trường");
    // What the target requires stays.
    expect(targets[0]!.conditionVi).toBe("Đạt mức khá trong nhóm các tỉnh miền núi phía Bắc");
    // An indicator of the parent's own, named after its locality: no wording (the officer writes it), never the parent's.
    expect(targets[1]!.phraseVi).toBeUndefined();
    expect(JSON.stringify(targets)).not.toMatch(/Lạng Sơn/);
  });

  it("finds missing and malformed codes before sending", () => {
    const config = sampleConfig();
    config.province.code = "Cao Bằng";
    config.localities.push({ code: "hoa-an", nameVi: "", level: "commune", parent: "cao-bang" });
    const problems = checkConfig(config).map((p) => `${p.path}:${p.key.split(".").pop()}`);
    expect(problems).toEqual(["province.code:invalidCode", "localities.1.code:duplicateCode", "localities.1.nameVi:required"]);
    expect(checkConfig(sampleConfig())).toEqual([]);
  });

  it("suggests codes from Vietnamese names", () => {
    expect(codeFromName("Tỉnh Cao Bằng")).toBe("cao-bang");
    expect(codeFromName("Xã Đồng Đăng")).toBe("dong-dang");
  });

  it("places the server's field errors on the wizard's steps", () => {
    expect(wizardPath("config.localities.0.code")).toBe("localities.0.code");
    expect(wizardPath("data.config.plans[0].targets[2].value")).toBe("plans.0.targets.2.value");
    expect(stepOfPath("config.agencies.1.kind")).toBe(2);
    expect(stepOfPath("province.code")).toBe(0);
    expect(stepOfPath("somewhere")).toBe(5);
  });
});
