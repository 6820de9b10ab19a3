import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bi, fieldErrorsFromIssues, fieldErrorsFromZod, formatPath } from "./errors.js";
import { CodeSchema } from "./primitives.js";
import { TargetInputSchema } from "./target.js";
import { TaskInputSchema } from "./task.js";
import { UserInputSchema } from "./user.js";

const errorsOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected a validation error");
  return fieldErrorsFromZod(r.error);
};
const byPath = (errors: ReturnType<typeof fieldErrorsFromZod>, path: string) => errors.find((e) => e.path === path);

describe("fieldErrorsFromZod", () => {
  it("a missing required field: 'Trường này là bắt buộc' / 'Required'", () => {
    const errors = errorsOf(TargetInputSchema, { indicatorId: 2, code: "t", comparator: "gte", value: 1 });
    expect(errors).toEqual([{ path: "planId", message: { vi: "Trường này là bắt buộc", en: "Required" } }]);
  });

  it("a value of the wrong type is a type error, not a missing field", () => {
    const e = byPath(errorsOf(TargetInputSchema, { planId: "một", indicatorId: 2, code: "t", comparator: "gte", value: 1 }), "planId");
    expect(e!.message.vi).toBe("Sai kiểu dữ liệu: cần số");
    expect(e!.message.en).not.toBe("Required");
    expect(e!.message.en).toContain("expected number");
  });

  it("the same when zod reports the input (reportInput)", () => {
    const r = z.object({ a: z.number(), b: z.number() }).safeParse({ a: "x" }, { reportInput: true });
    const errors = fieldErrorsFromZod(r.error!);
    expect(byPath(errors, "a")!.message.vi).toBe("Sai kiểu dữ liệu: cần số");
    expect(byPath(errors, "b")!.message).toEqual({ vi: "Trường này là bắt buộc", en: "Required" });
  });

  it("null where a value is required is a type error too", () => {
    const e = byPath(errorsOf(z.object({ titleVi: z.string() }), { titleVi: null }), "titleVi");
    expect(e!.message.vi).toBe("Sai kiểu dữ liệu: cần chuỗi ký tự");
  });

  it("dotted paths into nested objects and arrays", () => {
    const errors = errorsOf(TaskInputSchema, {
      planId: 1,
      code: "t-1",
      titleVi: "Rà soát",
      timing: { kind: "quarter", year: 2026, quarter: 5 },
      leadAgencyIds: [1, -4],
    });
    expect(errors.map((e) => e.path).sort()).toEqual(["leadAgencyIds.1", "timing.quarter"]);
    expect(byPath(errors, "timing.quarter")!.message.vi).toBe("Giá trị không được vượt quá 4");
  });

  it("a bilingual custom message from bi() gives its Vietnamese text", () => {
    const errors = errorsOf(UserInputSchema, { username: "gd.langson", displayName: "Cán bộ", password: "12345678", role: "viewer" });
    expect(errors).toEqual([
      { path: "localityId", message: { vi: "Vai trò này cần gắn với một địa bàn", en: "every role but system_admin needs a locality" } },
    ]);
  });

  it("bi() messages in superRefine (target shape rules) and in regex checks", () => {
    const shape = errorsOf(TargetInputSchema, { planId: 1, indicatorId: 2, code: "t", comparator: "range", value: 40, valueMax: 35 });
    expect(shape).toEqual([{ path: "valueMax", message: { vi: "Giá trị tối đa không được nhỏ hơn giá trị", en: "valueMax must not be below value" } }]);
    const code = errorsOf(CodeSchema, "Lạng Sơn");
    expect(code[0]!.message.vi).toBe("Mã chỉ gồm chữ cái không dấu, số và . _ : / -");
    expect(code[0]!.path).toBe("");
  });

  it("bi() returns the English text", () => {
    expect(bi("must be even", "Phải là số chẵn")).toBe("must be even");
    const e = errorsOf(z.number().refine((n) => n % 2 === 0, { message: "must be even" }), 3);
    expect(e[0]!.message).toEqual({ vi: "Phải là số chẵn", en: "must be even" });
  });

  it("Vietnamese for zod's built-in checks", () => {
    expect(errorsOf(z.string().trim().min(1), "  ")[0]!.message.vi).toBe("Không được để trống");
    expect(errorsOf(z.string().min(8), "abc")[0]!.message.vi).toBe("Cần ít nhất 8 ký tự");
    expect(errorsOf(z.string().max(3), "abcd")[0]!.message.vi).toBe("Tối đa 3 ký tự");
    expect(errorsOf(z.number().min(0), -1)[0]!.message.vi).toBe("Giá trị phải từ 0 trở lên");
    expect(errorsOf(z.enum(["vi", "en"]), "fr")[0]!.message.vi).toBe("Giá trị không hợp lệ; chọn một trong: vi, en");
    expect(errorsOf(z.iso.date(), "21/9/2025")[0]!.message.vi).toBe("Ngày không hợp lệ (định dạng YYYY-MM-DD)");
    expect(errorsOf(z.array(z.number()).min(1), [])[0]!.message.vi).toBe("Cần ít nhất 1 mục");
    expect(errorsOf(z.strictObject({ a: z.number() }), { a: 1, b: 2 })[0]!.message.vi).toBe("Trường không được hỗ trợ: b");
  });

  it("prefixes paths, e.g. for an item of an imported list", () => {
    const r = z.object({ value: z.number() }).safeParse({});
    expect(fieldErrorsFromZod(r.error!, ["targets", 2])[0]!.path).toBe("targets.2.value");
  });
});

describe("fieldErrorsFromIssues and formatPath", () => {
  it("turns domain issues into field errors", () => {
    expect(fieldErrorsFromIssues([{ path: ["numerator"], en: "too big", vi: "quá lớn" }], ["values", 0])).toEqual([
      { path: "values.0.numerator", message: { vi: "quá lớn", en: "too big" } },
    ]);
  });
  it("joins with dots", () => {
    expect(formatPath(["a", 1, "b"])).toBe("a.1.b");
    expect(formatPath([])).toBe("");
  });
});
