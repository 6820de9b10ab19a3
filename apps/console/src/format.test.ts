import { describe, expect, it } from "vitest";
import {
  dateOptions,
  formatDate,
  formatDateTime,
  formatDifference,
  formatNumber,
  formatPercent,
  formatTargetValue,
  formatTiming,
  formatValue,
  formatYear,
  localeTag,
  parseDecimal,
} from "./format";

describe("formatPercent", () => {
  it("writes a decimal comma in Vietnamese and a point in English", () => {
    expect(formatPercent(48.5, "vi")).toBe("48,5%");
    expect(formatPercent(48.5, "en")).toBe("48.5%");
    expect(formatPercent(55.7, "vi")).toBe("55,7%");
  });
  it("keeps up to two decimals and drops trailing zeros", () => {
    expect(formatPercent(1.32, "vi")).toBe("1,32%");
    expect(formatPercent(100, "vi")).toBe("100%");
    expect(formatPercent(0.655, "en")).toBe("0.66%");
  });
  it("is empty for a missing value", () => {
    expect(formatPercent(null, "vi")).toBe("");
    expect(formatPercent(undefined, "en")).toBe("");
    expect(formatPercent(Number.NaN, "vi")).toBe("");
  });
});

describe("formatNumber and formatYear", () => {
  it("groups thousands with a dot in Vietnamese and a comma in English", () => {
    expect(formatNumber(1234567.5, "vi")).toBe("1.234.567,5");
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
  });
  it("never groups a year", () => {
    expect(formatYear(2030)).toBe("2030");
    expect(formatYear(null)).toBe("");
  });
});

describe("dates", () => {
  it("prints 21/09/2025 in Vietnamese", () => {
    expect(formatDate("2025-09-21", "vi")).toBe("21/09/2025");
  });
  it("prints the month's name in English", () => {
    expect(formatDate("2025-09-21", "en")).toMatch(/^21 Sept? 2025$/);
  });
  it("does not shift a date across time zones", () => {
    expect(formatDate("2025-01-01", "vi")).toBe("01/01/2025");
  });
  it("is empty for a missing or invalid date", () => {
    expect(formatDate(null, "vi")).toBe("");
    expect(formatDate("not a date", "vi")).toBe("");
  });
  it("gives DateField options with two-digit day and month in Vietnamese", () => {
    expect(dateOptions("vi")).toMatchObject({ day: "2-digit", month: "2-digit", year: "numeric" });
    expect(localeTag("vi")).toBe("vi-VN");
    expect(localeTag("en")).toBe("en-GB");
  });
  it("adds the time for timestamps", () => {
    expect(formatDateTime("2025-09-21T07:05:00Z", "vi", "UTC")).toBe("21/09/2025 07:05");
  });
});

describe("parseDecimal", () => {
  it("reads a Vietnamese decimal comma", () => {
    expect(parseDecimal("48,5", "vi")).toBe(48.5);
    expect(parseDecimal("1,32", "vi")).toBe(1.32);
    expect(parseDecimal(" 8,0 % ", "vi")).toBe(8);
  });
  it("reads Vietnamese thousands", () => {
    expect(parseDecimal("1.234", "vi")).toBe(1234);
    expect(parseDecimal("1.234.567,5", "vi")).toBe(1234567.5);
  });
  it("tolerates a decimal point typed in Vietnamese", () => {
    expect(parseDecimal("48.5", "vi")).toBe(48.5);
  });
  it("reads English numbers", () => {
    expect(parseDecimal("48.5", "en")).toBe(48.5);
    expect(parseDecimal("1,234.5", "en")).toBe(1234.5);
  });
  it("keeps the sign, and numbers as they are", () => {
    expect(parseDecimal("-3,5", "vi")).toBe(-3.5);
    expect(parseDecimal(7, "vi")).toBe(7);
  });
  it("is null when empty and NaN when not a number", () => {
    expect(parseDecimal("", "vi")).toBeNull();
    expect(parseDecimal(null, "vi")).toBeNull();
    expect(parseDecimal("abc", "vi")).toBeNaN();
    expect(parseDecimal("1,2,3", "vi")).toBeNaN();
  });
});

describe("target values", () => {
  it("shows a comparator and a percentage", () => {
    expect(formatTargetValue({ comparator: "gte", value: 48.5, valueMax: null }, "percent", "vi")).toBe("≥ 48,5%");
    expect(formatTargetValue({ comparator: "lt", value: 8, valueMax: null }, "percent", "en")).toBe("< 8%");
  });
  it("shows a range", () => {
    expect(formatTargetValue({ comparator: "range", value: 35, valueMax: 40 }, "percent", "vi")).toBe("35–40%");
  });
  it("spells out maintain and achieve", () => {
    expect(formatTargetValue({ comparator: "maintain", value: null, valueMax: null }, "percent", "vi")).toBe("Duy trì");
    expect(formatTargetValue({ comparator: "achieve", value: 3, valueMax: null }, "level", "vi")).toBe("Đạt mức độ 3");
    expect(formatTargetValue({ comparator: "achieve", value: 3, valueMax: null }, "level", "en")).toBe("Achieve level 3");
  });
  it("formats values of other units", () => {
    expect(formatValue(1, "boolean", "vi")).toBe("Có");
    expect(formatValue(25, "per10kInhabitants", "vi")).toBe("25/10.000 dân");
    expect(formatValue(1500, "count", "vi")).toBe("1.500");
  });
  it("signs a difference", () => {
    expect(formatDifference(7.2, "vi")).toBe("+7,2");
    expect(formatDifference(-24.6, "vi", "percent")).toBe("−24,6 điểm %");
    expect(formatDifference(-3, "en")).toBe("−3");
    expect(formatDifference(0, "vi")).toBe("0");
    expect(formatDifference(null, "vi")).toBe("");
  });
});

describe("formatTiming", () => {
  it("writes timings as the documents do", () => {
    expect(formatTiming({ kind: "year", year: 2026 }, "vi")).toBe("Năm 2026");
    expect(formatTiming({ kind: "yearly", from: null, to: null }, "vi")).toBe("Hằng năm");
    expect(formatTiming({ kind: "yearly", from: 2026, to: 2030 }, "en")).toBe("Every year (2026–2030)");
    expect(formatTiming({ kind: "yearThenYearly", year: 2026, to: null }, "vi")).toBe("Năm 2026, hằng năm");
    expect(formatTiming({ kind: "schoolYear", startYear: 2025 }, "vi")).toBe("Năm học 2025–2026");
    expect(formatTiming({ kind: "quarter", year: 2026, quarter: 2 }, "vi")).toBe("Quý 2/2026");
    expect(formatTiming({ kind: "event", eventVi: "Khi Luật được ban hành", eventEn: null, occurredOn: null }, "en")).toBe("Khi Luật được ban hành");
    expect(formatTiming({ kind: "date", date: "2026-12-10" }, "vi")).toBe("10/12/2026");
    expect(formatTiming(null, "vi")).toBe("");
  });
});
