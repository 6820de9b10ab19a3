import { z } from "zod";
import { bi, type DomainIssue } from "./errors.js";
import { CodeSchema, IdSchema, recordFields, YearSchema } from "./primitives.js";
import { CountedEntitySchema, type Indicator, unitMaximum } from "./indicator.js";
import { LOCALITY_FLAGS } from "./locality.js";

/**
 * gte "đạt", "ít nhất", "trở lên" · gt "trên" · lte · lt "dưới" · eq a stated exact value ("đạt 100%") ·
 * range "35 – 40%" · maintain "duy trì" (value = the level to hold; none = the current result) ·
 * achieve a yes/no state or a level to reach.
 */
export const COMPARATORS = ["gte", "gt", "lte", "lt", "eq", "range", "maintain", "achieve"] as const;
export const ComparatorSchema = z.enum(COMPARATORS);
export type Comparator = z.infer<typeof ComparatorSchema>;

const targetFields = {
  planId: IdSchema,
  indicatorId: IdSchema,
  /** Stable key within the plan, so imports and `province init` are idempotent. */
  code: CodeSchema,
  comparator: ComparatorSchema,
  value: z.number().finite().nullable().default(null),
  valueMax: z.number().finite().nullable().default(null),
  /** null where the text sets no deadline. */
  targetYear: YearSchema.nullable().default(null),
  baselineValue: z.number().finite().nullable().default(null),
  baselineYear: YearSchema.nullable().default(null),
  /** "hằng năm … giảm xuống dưới 8,0%": the bound holds every year, not only in the target year. */
  appliesEveryYear: z.boolean().default(false),
  /** "phấn đấu": an aspiration, not a commitment. */
  isAspirational: z.boolean().default(false),
  /** Restricts the target to localities with this flag (e.g. only extremely difficult areas). */
  areaFlag: z.enum(LOCALITY_FLAGS).nullable().default(null),
  /** Restricts the target to one level of schooling (primary 74,4%; lower secondary 54,5%). */
  breakdownEducationLevelCode: CodeSchema.nullable().default(null),
  ageFrom: z.number().int().min(0).max(120).nullable().default(null),
  ageTo: z.number().int().min(0).max(120).nullable().default(null),
  conditionVi: z.string().trim().max(2000).nullable().default(null),
  conditionEn: z.string().trim().max(2000).nullable().default(null),
  /** For targets that count units meeting a standard: what is counted, by which criterion, out of what. */
  countedEntity: CountedEntitySchema.nullable().default(null),
  countingCriterionVi: z.string().trim().max(1000).nullable().default(null),
  countingOutOfVi: z.string().trim().max(1000).nullable().default(null),
  /** A target stated inside another ("trong đó …"). */
  parentTargetId: IdSchema.nullable().default(null),
  phraseVi: z.string().trim().max(4000).nullable().default(null),
  section: z.string().trim().max(300).nullable().default(null),
};

type TargetShape = {
  comparator: Comparator;
  value: number | null;
  valueMax: number | null;
  ageFrom: number | null;
  ageTo: number | null;
  baselineYear: number | null;
  targetYear: number | null;
};

/** Rules that hold whatever the indicator: a range has two ordered ends, a bound has a value. */
export function targetShapeIssues(t: TargetShape): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const needsValue = ["gte", "gt", "lte", "lt", "eq", "range"].includes(t.comparator);
  if (needsValue && t.value === null)
    issues.push({ path: ["value"], en: `comparator '${t.comparator}' needs a value`, vi: "So sánh này cần một giá trị chỉ tiêu" });
  if (t.comparator === "range") {
    if (t.valueMax === null) issues.push({ path: ["valueMax"], en: "a range needs valueMax", vi: "Khoảng giá trị cần giá trị tối đa" });
    else if (t.value !== null && t.valueMax < t.value)
      issues.push({ path: ["valueMax"], en: "valueMax must not be below value", vi: "Giá trị tối đa không được nhỏ hơn giá trị" });
  } else if (t.valueMax !== null) {
    issues.push({ path: ["valueMax"], en: "valueMax is only for ranges", vi: "Giá trị tối đa chỉ dùng cho khoảng giá trị" });
  }
  if (t.ageFrom !== null && t.ageTo !== null && t.ageFrom > t.ageTo)
    issues.push({ path: ["ageTo"], en: "ageTo must not be below ageFrom", vi: "Độ tuổi đến không được nhỏ hơn độ tuổi từ" });
  if (t.baselineYear !== null && t.targetYear !== null && t.baselineYear > t.targetYear)
    issues.push({ path: ["baselineYear"], en: "baselineYear must not be after targetYear", vi: "Năm gốc không được sau năm mục tiêu" });
  return issues;
}

function withShapeRules<T extends z.ZodType<TargetShape>>(schema: T) {
  return schema.superRefine((t, ctx) => {
    for (const issue of targetShapeIssues(t)) ctx.addIssue({ code: "custom", path: issue.path, message: bi(issue.en, issue.vi) });
  });
}

export const TargetInputSchema = withShapeRules(z.object(targetFields));
export type TargetInput = z.input<typeof TargetInputSchema>;
export const TargetSchema = z.object({ ...recordFields, ...targetFields });
export type Target = z.infer<typeof TargetSchema>;
export const targetFieldsShape = targetFields;

/** Rules that depend on the indicator: a percent cannot exceed 100, a yes/no target is 0 or 1. */
export function targetIndicatorIssues(
  t: { value: number | null; valueMax: number | null; baselineValue?: number | null },
  indicator: Pick<Indicator, "unit" | "code">,
): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const max = unitMaximum(indicator.unit);
  for (const field of ["value", "valueMax", "baselineValue"] as const) {
    const v = t[field];
    if (v === null || v === undefined) continue;
    if (v < 0) issues.push({ path: [field], en: `${field} must not be negative`, vi: "Giá trị không được âm" });
    else if (max !== null && v > max)
      issues.push({
        path: [field],
        en: `${field} ${v} exceeds ${max} for ${indicator.unit} indicator ${indicator.code}`,
        vi: `Giá trị ${String(v).replace(".", ",")} vượt quá ${max} đối với chỉ tiêu ${indicator.code} (${indicator.unit === "percent" ? "tỷ lệ %" : "có/không"})`,
      });
  }
  return issues;
}

const milestoneFields = {
  targetId: IdSchema,
  year: YearSchema,
  value: z.number().finite(),
  valueMax: z.number().finite().nullable().default(null),
  /** Generated sample data ("dữ liệu mẫu"), not from a document. */
  isSynthetic: z.boolean().default(false),
  noteVi: z.string().trim().max(2000).nullable().default(null),
};
export const MilestoneInputSchema = z
  .object(milestoneFields)
  .refine((m) => m.valueMax === null || m.valueMax >= m.value, { message: bi("valueMax must not be below value", "Giá trị tối đa không được nhỏ hơn giá trị"), path: ["valueMax"] });
export type MilestoneInput = z.input<typeof MilestoneInputSchema>;
export const MilestoneSchema = z.object({ ...recordFields, ...milestoneFields });
export type Milestone = z.infer<typeof MilestoneSchema>;
