import { describe, expect, it } from "vitest";
import { achievementOf, checkRow, draftOf, liveValue, numberText, serverErrorsByIndicator } from "./grid";

const rate = { aggregation: "ratio", unit: "percent" } as const;
const count = { aggregation: "sum", unit: "count" } as const;
const yesNo = { aggregation: "min", unit: "boolean" } as const;
const draft = (d: Partial<Record<"numerator" | "denominator" | "value" | "commentVi", string>>) => ({ numerator: "", denominator: "", value: "", commentVi: "", ...d });

describe("the data-entry grid's checks (as the server's)", () => {
  it("reads numbers the Vietnamese way and computes the rate live", () => {
    const { figures, errors } = checkRow(rate, draft({ numerator: "485", denominator: "1.000" }), "vi");
    expect(errors).toEqual({});
    expect(figures).toMatchObject({ numerator: 485, denominator: 1000 });
    expect(liveValue(rate, figures)).toBeCloseTo(48.5, 9);
    expect(checkRow(rate, draft({ numerator: "48,5", denominator: "100" }), "vi").figures.numerator).toBe(48.5);
  });

  it("numerator above denominator, negative numbers, text, half a rate", () => {
    expect(checkRow(rate, draft({ numerator: "500", denominator: "400" }), "vi").errors.numerator).toEqual({
      key: "eduplan.reporting.errors.numeratorAboveDenominator",
      params: { numerator: "500", denominator: "400" },
    });
    expect(checkRow(rate, draft({ numerator: "-1", denominator: "400" }), "vi").errors.numerator).toMatchObject({ key: "eduplan.reporting.errors.negative" });
    expect(checkRow(rate, draft({ numerator: "abc", denominator: "400" }), "vi").errors.numerator).toMatchObject({ key: "eduplan.reporting.errors.notANumber" });
    expect(checkRow(rate, draft({ numerator: "5" }), "vi").errors.denominator).toMatchObject({ key: "eduplan.reporting.errors.bothRequired" });
    expect(checkRow(rate, draft({ numerator: "5", denominator: "0" }), "vi").errors.denominator).toMatchObject({ key: "eduplan.reporting.errors.denominatorPositive" });
    expect(checkRow(rate, draft({ commentVi: "chưa có số liệu" }), "vi").errors.numerator).toMatchObject({ key: "eduplan.reporting.errors.commentWithoutFigures" });
    expect(checkRow(rate, draft({}), "vi").errors).toEqual({});
  });

  it("values of other indicators: never negative, yes/no is 1 or 0", () => {
    expect(checkRow(count, draft({ value: "1.234" }), "vi").figures.value).toBe(1234);
    expect(checkRow(count, draft({ value: "-3" }), "vi").errors.value).toMatchObject({ key: "eduplan.reporting.errors.negative" });
    expect(checkRow(yesNo, draft({ value: "2" }), "vi").errors.value).toMatchObject({ key: "eduplan.reporting.errors.booleanValue" });
    expect(checkRow({ aggregation: "none", unit: "percent" }, draft({ value: "140" }), "vi").errors.value).toMatchObject({ key: "eduplan.reporting.errors.percentAbove100" });
  });

  it("stored figures are typed back without grouping, in the user's language", () => {
    expect(numberText(1234.5, "vi")).toBe("1234,5");
    expect(numberText(1234.5, "en")).toBe("1234.5");
    expect(draftOf({ ...rate, numerator: 485, denominator: 1000, value: 48.5, commentVi: null }, "vi")).toEqual(draft({ numerator: "485", denominator: "1000" }));
  });

  it("achievement: the domain's one verdict on the typed figure (milestone of the year, else the straight line)", () => {
    const input = {
      target: { comparator: "gte" as const, value: 48.5, valueMax: null, targetYear: 2030, baselineValue: null, direction: "increase" as const, unit: "percent" },
      milestones: [{ year: 2026, value: 45 }],
      year: 2026,
      period: { start: 2025, end: 2030 },
      firstReported: { year: 2025, value: 40 },
    };
    expect(achievementOf({ evaluationInput: input }, 49).kind).toBe("achieved");
    expect(achievementOf({ evaluationInput: input }, 46).kind).toBe("onTrack");
    const behind = achievementOf({ evaluationInput: input }, 40);
    expect(behind.kind).toBe("atRisk");
    expect(behind.evaluation?.reason.vi).toBe("Kết quả 40% chưa đạt mốc lộ trình 2026 (45%); mục tiêu ≥ 48,5%.");
    // Without the milestone: the line from 40% (2025) to 48,5% (2030) passes 41,7% in 2026.
    const line = achievementOf({ evaluationInput: { ...input, milestones: [] } }, 41.5);
    expect(line.kind).toBe("atRisk");
    expect(line.evaluation?.reason.vi).toContain("ước tính theo lộ trình đều");
    expect(achievementOf({ evaluationInput: input }, null).kind).toBe("noData");
    expect(achievementOf({ evaluationInput: null }, 40).kind).toBe("noTarget");
  });

  it("server field errors go back to the rows that were sent", () => {
    const map = serverErrorsByIndicator([{ path: "values.1.numerator", message: { vi: "Tử số 500 lớn hơn mẫu số 400", en: "numerator 500 exceeds denominator 400" } }], [7, 9], "vi");
    expect(map.get(9)).toEqual({ numerator: { message: "Tử số 500 lớn hơn mẫu số 400" } });
  });
});
