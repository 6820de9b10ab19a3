import { describe, expect, it } from "vitest";
import { formatCitationDate, formatCount, formatDate, formatDateLine, formatDateTime, formatDifference, formatNumber, formatPercent, formatRange, formatTarget, formatValue } from "./format.js";

describe("one formatter", () => {
  it("numbers, percentages and counts in both languages", () => {
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatNumber(48.456, "vi", { maxDecimals: 1 })).toBe("48,5");
    expect(formatNumber(48, "vi", { maxDecimals: 1, minDecimals: 1 })).toBe("48,0");
    expect(formatNumber(-0.001, "vi", { maxDecimals: 1 })).toBe("0");
    expect(formatPercent(48.5)).toBe("48,5%");
    expect(formatPercent(48.5, "en")).toBe("48.5%");
    expect(formatCount(1234)).toBe("1.234");
    expect(formatCount(1234, "en")).toBe("1,234");
    expect(formatNumber(null)).toBe("");
  });
  it("values in their unit", () => {
    expect(formatValue(155, "per10kInhabitants")).toBe("155/10.000 dân");
    expect(formatValue(1, "boolean")).toBe("Có");
    expect(formatValue(0, "boolean", "en")).toBe("No");
    expect(formatValue(3, "level")).toBe("Mức độ 3");
    expect(formatValue(1234567, "vnd")).toBe("1.234.567 đồng");
  });
  it("ranges and targets: one en dash, no spaces", () => {
    expect(formatRange(48.5, 50, "percent")).toBe("48,5–50%");
    expect(formatRange(48.5, 50, "percent", "en")).toBe("48.5–50%");
    expect(formatTarget({ comparator: "range", value: 35, valueMax: 40 }, "percent")).toBe("35–40%");
    expect(formatTarget({ comparator: "gte", value: 48.5 }, "percent")).toBe("≥ 48,5%");
    expect(formatTarget({ comparator: "lt", value: 8 }, "percent")).toBe("< 8%");
    expect(formatTarget({ comparator: "maintain", value: 2 }, "level")).toBe("Duy trì mức độ 2");
    expect(formatTarget({ comparator: "achieve", value: null }, "boolean", "en")).toBe("Achieve");
  });
  it("dates: 21/09/2025, 21 Sept 2025; documents cite 21/9/2025", () => {
    expect(formatDate("2025-09-21")).toBe("21/09/2025");
    expect(formatDate("2025-09-21", "en")).toBe("21 Sept 2025");
    expect(formatDateTime("2025-09-21T07:05:00Z", "vi", "Asia/Ho_Chi_Minh")).toBe("21/09/2025 14:05");
    expect(formatDateTime("2025-09-21T07:05:00Z", "en", "UTC")).toBe("21 Sept 2025, 07:05");
    expect(formatCitationDate("2025-09-21")).toBe("21/9/2025");
    expect(formatDateLine("2026-02-05", 2026)).toBe("ngày 05 tháng 02 năm 2026");
    expect(formatDateLine(null, 2026)).toBe("ngày … tháng … năm 2026");
  });
  it("differences carry their unit", () => {
    expect(formatDifference(-24.6, "percent")).toBe("−24,6 điểm %");
    expect(formatDifference(7.2, "percent", "en")).toBe("+7.2 pp");
    expect(formatDifference(0, "percent")).toBe("0");
  });
});
