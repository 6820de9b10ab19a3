import { describe, expect, it } from "vitest";
import {
  formatDateLine,
  formatMilestone,
  formatPercent,
  formatTarget,
  formatValue,
  formatVietnameseDate,
  formatVietnameseNumber,
  parseNumberCell,
  placeName,
  taskGroup,
} from "./index.js";

describe("Vietnamese number formatting", () => {
  it("uses a decimal comma and dots between thousands", () => {
    expect(formatPercent(48.5)).toBe("48,5%");
    expect(formatPercent(8)).toBe("8%");
    expect(formatPercent(46.58123)).toBe("46,58%");
    expect(formatVietnameseNumber(1234567.891)).toBe("1.234.567,89");
    expect(formatVietnameseNumber(0.65)).toBe("0,65");
    expect(formatVietnameseNumber(-1500.5)).toBe("-1.500,5");
    expect(formatVietnameseNumber(99.999)).toBe("100");
    expect(formatVietnameseNumber(Number.NaN)).toBe("");
  });

  it("formats values by unit, targets by comparator and milestones", () => {
    expect(formatValue(null, "percent")).toBe("");
    expect(formatValue(155, "per10kInhabitants")).toBe("155/10.000 dân");
    expect(formatValue(1, "boolean")).toBe("Có");
    expect(formatValue(0, "boolean")).toBe("Không");
    expect(formatValue(3, "level")).toBe("Mức độ 3");
    expect(formatTarget({ comparator: "gte", value: 48.5, valueMax: null }, "percent")).toBe("≥ 48,5%");
    expect(formatTarget({ comparator: "lt", value: 8, valueMax: null }, "percent")).toBe("< 8%");
    expect(formatTarget({ comparator: "range", value: 35, valueMax: 40 }, "percent")).toBe("35–40%");
    expect(formatTarget({ comparator: "eq", value: 100, valueMax: null }, "percent")).toBe("100%");
    expect(formatTarget({ comparator: "maintain", value: 2, valueMax: null }, "level")).toBe("Duy trì mức độ 2");
    expect(formatTarget({ comparator: "maintain", value: null, valueMax: null }, "boolean")).toBe("Duy trì");
    expect(formatTarget({ comparator: "achieve", value: null, valueMax: null }, "boolean")).toBe("Đạt");
    expect(formatTarget({ comparator: "achieve", value: 3, valueMax: null }, "level")).toBe("Đạt mức độ 3");
    expect(formatMilestone({ value: 50, valueMax: null }, "percent")).toBe("50%");
    expect(formatMilestone({ value: 35, valueMax: 38 }, "percent")).toBe("35–38%");
    expect(formatMilestone(null, "percent")).toBe("");
  });

  it("formats dates the way documents cite them", () => {
    expect(formatVietnameseDate("2025-09-21")).toBe("21/9/2025");
    expect(formatVietnameseDate("2026-11-25T05:09:21.447Z")).toBe("25/11/2026");
    expect(formatVietnameseDate(null)).toBe("");
    expect(formatDateLine("2026-12-05", 2026)).toBe("ngày 05 tháng 12 năm 2026");
    expect(formatDateLine("2027-02-20", 2026)).toBe("ngày 20 tháng 02 năm 2027");
    expect(formatDateLine(undefined, 2026)).toBe("ngày … tháng … năm 2026");
    expect(placeName("Tỉnh Lạng Sơn")).toBe("Lạng Sơn");
    expect(placeName("Xã Bằng Mạc")).toBe("Bằng Mạc");
    expect(placeName("Thị trấn Mường Tè")).toBe("Mường Tè");
  });
});

describe("parseNumberCell", () => {
  it("accepts numbers, Vietnamese text and unambiguous decimal points; blanks are null", () => {
    expect(parseNumberCell(48.5)).toEqual({ ok: true, value: 48.5 });
    expect(parseNumberCell("48,5")).toEqual({ ok: true, value: 48.5 });
    expect(parseNumberCell(" 48,5 ")).toEqual({ ok: true, value: 48.5 });
    expect(parseNumberCell("48,5%")).toEqual({ ok: true, value: 48.5 });
    expect(parseNumberCell("1.234")).toEqual({ ok: true, value: 1234 });
    expect(parseNumberCell("1.234,5")).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumberCell("1 234")).toEqual({ ok: true, value: 1234 });
    expect(parseNumberCell("48.5")).toEqual({ ok: true, value: 48.5 });
    expect(parseNumberCell("-5")).toEqual({ ok: true, value: -5 });
    expect(parseNumberCell("")).toEqual({ ok: true, value: null });
    expect(parseNumberCell(null)).toEqual({ ok: true, value: null });
  });

  it("refuses text that is not a number", () => {
    expect(parseNumberCell("bốn mươi")).toEqual({ ok: false });
    expect(parseNumberCell("12,3,4")).toEqual({ ok: false });
    expect(parseNumberCell(Number.POSITIVE_INFINITY)).toEqual({ ok: false });
    expect(parseNumberCell({})).toEqual({ ok: false });
  });
});

describe("task groups", () => {
  it("counts overdue work as in progress", () => {
    expect(taskGroup("completed")).toBe("completed");
    expect(taskGroup("inProgress")).toBe("inProgress");
    expect(taskGroup("overdue")).toBe("inProgress");
    expect(taskGroup("notStarted")).toBe("notStarted");
  });
});
