import { describe, expect, it } from "vitest";
import { compareVietnamese, foldVietnamese, normaliseDocumentNumber, parseVietnameseNumber } from "./text.js";

describe("foldVietnamese", () => {
  it("strips diacritics and lowercases", () => {
    expect(foldVietnamese("Lạng Sơn")).toBe("lang son");
    expect(foldVietnamese("Bằng Mạc")).toBe("bang mac");
    expect(foldVietnamese("Mường Tè")).toBe("muong te");
  });
  it("folds đ and Đ to d", () => {
    expect(foldVietnamese("Đồng Đăng")).toBe("dong dang");
    expect(foldVietnamese("đào tạo")).toBe("dao tao");
  });
  it("collapses and trims whitespace", () => {
    expect(foldVietnamese("  Sở   Giáo dục\tvà Đào tạo ")).toBe("so giao duc va dao tao");
  });
  it("folds composed and decomposed input alike", () => {
    expect(foldVietnamese("Ngh\u1ECB quy\u1EBFt")).toBe(foldVietnamese("Nghi\u0323 quye\u0302\u0301t"));
  });
});

describe("compareVietnamese", () => {
  it("sorts in Vietnamese order: a < ă < â, d < đ", () => {
    expect(["Ân", "An", "Bắc", "Đông", "Dương"].sort(compareVietnamese)).toEqual(["An", "Ân", "Bắc", "Dương", "Đông"]);
    expect(["Âu", "Ăn", "An"].sort(compareVietnamese)).toEqual(["An", "Ăn", "Âu"]);
  });
  it("đ sorts after every d-word, unlike a diacritic-blind sort", () => {
    expect(compareVietnamese("Đa", "Dz")).toBeGreaterThan(0);
    expect(compareVietnamese("Dz", "Đa")).toBeLessThan(0);
  });
  it("numbers inside names sort numerically", () => {
    expect(["Trường 10", "Trường 2"].sort(compareVietnamese)).toEqual(["Trường 2", "Trường 10"]);
  });
});

describe("parseVietnameseNumber", () => {
  it.each([
    ["48,5", 48.5],
    ["1.234,5", 1234.5],
    ["8,0", 8],
    ["57,6%", 57.6],
    [" 100 ", 100],
    ["1.000.000", 1_000_000],
    ["-3,5", -3.5],
    ["0", 0],
  ])("%s → %s", (text, expected) => expect(parseVietnameseNumber(text)).toBe(expected));
  it.each(["abc", "", "48.5", "1,234.5", "1.23", "4,5,6", "12a"])("refuses %j", (text) => expect(parseVietnameseNumber(text)).toBeNull());
});

describe("normaliseDocumentNumber", () => {
  it("removes stray spaces", () => {
    expect(normaliseDocumentNumber("57- NQ/TW")).toBe("57-NQ/TW");
    expect(normaliseDocumentNumber(" 243 / KH-UBND ")).toBe("243/KH-UBND");
  });
  it("leaves a clean number unchanged and uppercases", () => {
    expect(normaliseDocumentNumber("47/NQ-HĐND")).toBe("47/NQ-HĐND");
    expect(normaliseDocumentNumber("1705/qđ-ttg")).toBe("1705/QĐ-TTG");
  });
  it("matches composed and decomposed Đ-words", () => {
    expect(normaliseDocumentNumber("1705/Q\u0110-TTg")).toBe(normaliseDocumentNumber("1705/QĐ-TTg"));
    expect(normaliseDocumentNumber("Nghi\u0323")).toBe("NGHỊ");
  });
});
