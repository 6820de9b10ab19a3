import type { z } from "zod";

/** A validation problem on one field, in both languages the console speaks. */
export type FieldError = { path: string; message: { vi: string; en: string } };
export type DomainIssue = { path: (string | number)[]; en: string; vi: string };

const vietnameseOf = new Map<string, string>();

/** A message in English and Vietnamese. Returns the English text (what zod stores) and remembers the Vietnamese. */
export function bi(en: string, vi: string): string {
  vietnameseOf.set(en, vi);
  return en;
}

const typeNamesVi: Record<string, string> = {
  string: "chuỗi ký tự",
  number: "số",
  int: "số nguyên",
  boolean: "đúng/sai",
  array: "danh sách",
  object: "đối tượng",
  date: "ngày",
  null: "rỗng",
  undefined: "không có",
};

/**
 * Was the field absent? zod 4 keeps `input` on an issue only with `reportInput`, so without it the default English
 * message ("Invalid input: expected number, received undefined") is the evidence. A present value of the wrong type is
 * not "required".
 */
function isMissing(issue: z.core.$ZodIssue): boolean {
  if (issue.code !== "invalid_type") return false;
  if ("input" in issue) return issue.input === undefined;
  return /received undefined$/.test(issue.message);
}

function vietnamese(issue: z.core.$ZodIssue): string {
  const known = vietnameseOf.get(issue.message);
  if (known) return known;
  switch (issue.code) {
    case "invalid_type":
      if (isMissing(issue)) return "Trường này là bắt buộc";
      return `Sai kiểu dữ liệu: cần ${typeNamesVi[issue.expected] ?? issue.expected}`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "Không được để trống" : `Cần ít nhất ${issue.minimum} ký tự`;
      if (issue.origin === "array") return `Cần ít nhất ${issue.minimum} mục`;
      return `Giá trị phải ${issue.inclusive ? "từ" : "lớn hơn"} ${issue.minimum} trở lên`;
    case "too_big":
      if (issue.origin === "string") return `Tối đa ${issue.maximum} ký tự`;
      if (issue.origin === "array") return `Tối đa ${issue.maximum} mục`;
      return `Giá trị không được ${issue.inclusive ? "vượt quá" : "bằng hoặc vượt"} ${issue.maximum}`;
    case "invalid_value":
      return `Giá trị không hợp lệ; chọn một trong: ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      if (issue.format === "date") return "Ngày không hợp lệ (định dạng YYYY-MM-DD)";
      if (issue.format === "regex") return "Sai định dạng";
      return `Sai định dạng (${issue.format})`;
    case "unrecognized_keys":
      return `Trường không được hỗ trợ: ${issue.keys.join(", ")}`;
    case "invalid_union":
      return "Giá trị không khớp với dạng nào được chấp nhận";
    case "not_multiple_of":
      return `Phải là bội số của ${issue.divisor}`;
    default:
      return issue.message;
  }
}

function english(issue: z.core.$ZodIssue): string {
  if (isMissing(issue)) return "Required";
  return issue.message;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

/** Turn a zod error into field errors named by path, with Vietnamese and English messages. */
export function fieldErrorsFromZod(error: { issues: readonly z.core.$ZodIssue[] }, prefix: PropertyKey[] = []): FieldError[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: { vi: vietnamese(issue), en: english(issue) },
  }));
}

export function fieldErrorsFromIssues(issues: DomainIssue[], prefix: PropertyKey[] = []): FieldError[] {
  return issues.map((i) => ({ path: formatPath([...prefix, ...i.path]), message: { vi: i.vi, en: i.en } }));
}
