import { z } from "zod";
import { bi, type DomainIssue } from "./errors.js";
import { IdSchema, recordFields, YearSchema } from "./primitives.js";

/**
 * An actual value of an indicator for a locality and year. Ratio indicators store numerator and denominator so that
 * rollups sum them; `value` is derived for ratios and entered for others.
 */
const indicatorValueFields = {
  localityId: IdSchema,
  indicatorId: IdSchema,
  year: YearSchema,
  numerator: z.number().finite().min(0).nullable().default(null),
  denominator: z.number().finite().min(0).nullable().default(null),
  value: z.number().finite().nullable().default(null),
  /** Generated sample data ("dữ liệu mẫu"). */
  isSynthetic: z.boolean().default(false),
  /** The approved report the figure comes from, if any. */
  reportId: IdSchema.nullable().default(null),
  noteVi: z.string().trim().max(2000).nullable().default(null),
};
export const IndicatorValueInputSchema = z
  .object(indicatorValueFields)
  .refine((v) => v.value !== null || (v.numerator !== null && v.denominator !== null), {
    message: bi("give a value, or a numerator and a denominator", "Nhập giá trị, hoặc tử số và mẫu số"),
    path: ["value"],
  })
  .refine((v) => v.denominator === null || v.denominator > 0 || v.numerator === 0 || v.numerator === null, {
    message: bi("denominator must be positive", "Mẫu số phải lớn hơn 0"),
    path: ["denominator"],
  });
export type IndicatorValueInput = z.input<typeof IndicatorValueInputSchema>;
export const IndicatorValueSchema = z.object({ ...recordFields, ...indicatorValueFields });
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

/** Rules that depend on the indicator: a rate's numerator cannot exceed its denominator; a count is not negative. */
export function indicatorValueIssues(
  v: { numerator: number | null; denominator: number | null; value: number | null },
  indicator: { unit: string; aggregation: string; code: string },
): DomainIssue[] {
  const issues: DomainIssue[] = [];
  if (indicator.aggregation === "ratio" && (v.numerator === null || v.denominator === null)) {
    const field = v.numerator === null ? "numerator" : "denominator";
    issues.push({ path: [field], en: `${indicator.code} is a rate: give numerator and denominator`, vi: "Chỉ tiêu tỷ lệ: cần nhập tử số và mẫu số" });
  }
  if (indicator.unit === "percent" && v.numerator !== null && v.denominator !== null && v.numerator > v.denominator)
    issues.push({
      path: ["numerator"],
      en: `numerator ${v.numerator} exceeds denominator ${v.denominator}`,
      vi: `Tử số ${v.numerator} lớn hơn mẫu số ${v.denominator}`,
    });
  if (v.value !== null && v.value < 0) issues.push({ path: ["value"], en: "value must not be negative", vi: "Giá trị không được âm" });
  if (indicator.unit === "percent" && v.value !== null && v.value > 100)
    issues.push({ path: ["value"], en: `value ${v.value} exceeds 100%`, vi: `Giá trị ${String(v.value).replace(".", ",")}% vượt quá 100%` });
  return issues;
}
