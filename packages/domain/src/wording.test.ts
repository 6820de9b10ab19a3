import { describe, expect, it } from "vitest";
import { MODELLING_NOTE_PATTERN, printableCondition, sectionTitle } from "./wording.js";

describe("sectionTitle", () => {
  it.each([
    ["II.2.b Giáo dục phổ thông", "Giáo dục phổ thông"],
    ["Điều 1.I.2.1 Giáo dục mầm non", "Giáo dục mầm non"],
    ["III.1.đ Đổi mới nội dung", "Đổi mới nội dung"],
    ["I.1 Mục đích", "Mục đích"],
    ["V.2 Sở Tài chính", "Sở Tài chính"],
    ["V.10", null],
    ["Điều 2.1", null],
    [null, null],
  ])("%s → %s", (section, title) => expect(sectionTitle(section)).toBe(title));
});

describe("printableCondition", () => {
  it.each([
    ["Không nêu thời hạn", null],
    ["Chỉ tiêu con (“trong đó”) của tỷ lệ lao động qua đào tạo", null],
    ["Chỉ nêu định hướng (“tiến tới”); không nêu thời hạn", null],
    ["Duy trì kết quả hiện có (không nêu mức độ)", null],
    ["Toàn tỉnh; nêu dưới dạng định hướng (“hướng mục tiêu”)", null],
    ["Toàn tỉnh", null],
    ["Hằng năm, không chỉ trong năm mục tiêu", "Hằng năm"],
    ["Hằng năm (“duy trì”)", "Hằng năm"],
    ["Trong độ tuổi 18-22 (mẫu số: dân số trong độ tuổi 18-22)", "Trong độ tuổi 18-22"],
    ["Các đơn vị (văn bản không nói rõ đơn vị nào) đạt chuẩn mức độ 3", "Các đơn vị đạt chuẩn mức độ 3"],
    ["Độ tuổi 15 - 60, ở vùng đặc biệt khó khăn, vùng đồng bào dân tộc thiểu số (chỉ tiêu con, “trong đó”)", "Độ tuổi 15 - 60, ở vùng đặc biệt khó khăn, vùng đồng bào dân tộc thiểu số"],
    ["Tại các địa bàn phù hợp; không nêu thời hạn", "Tại các địa bàn phù hợp"],
    ["Trường công lập", "Trường công lập"],
    ["Các đơn vị cơ sở (cấp xã) đạt chuẩn mức độ 3", "Các đơn vị cơ sở (cấp xã) đạt chuẩn mức độ 3"],
  ])("%s → %s", (condition, printed) => {
    expect(printableCondition(condition)).toBe(printed);
    if (printed) expect(printed).not.toMatch(MODELLING_NOTE_PATTERN);
  });
});
