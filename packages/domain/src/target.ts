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

/** How a counted group ("4/10 xã") relates to another one: nested inside it, separate, or the text does not say. */
export const COUNTED_GROUP_RELATIONS = ["nested", "separate", "notStated"] as const;
/** The band of an approximate target ("khoảng 30%") when the target does not set its own: ±2 points. */
export const DEFAULT_APPROXIMATE_TOLERANCE = 2;

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
  /**
   * One figure over several levels, never split: "trên 70% trường mầm non, tiểu học đạt chuẩn quốc gia" is
   * [preschool, primary]. Empty for a target of one level (the indicator's or the breakdown's) or of none.
   */
  pooledEducationLevelCodes: z.array(CodeSchema).max(10).default([]),
  ageFrom: z.number().int().min(0).max(120).nullable().default(null),
  ageTo: z.number().int().min(0).max(120).nullable().default(null),
  conditionVi: z.string().trim().max(2000).nullable().default(null),
  conditionEn: z.string().trim().max(2000).nullable().default(null),
  /** For targets that count units meeting a standard: what is counted, by which criterion, out of what. */
  countedEntity: CountedEntitySchema.nullable().default(null),
  countingCriterionVi: z.string().trim().max(1000).nullable().default(null),
  countingOutOfVi: z.string().trim().max(1000).nullable().default(null),
  /** "4/10 xã": the count the plan names (4) … */
  countedNumerator: z.number().int().min(0).nullable().default(null),
  /** … out of how many (10). */
  countedDenominator: z.number().int().min(1).nullable().default(null),
  /**
   * How this counted group relates to the one of its parent target (or of the target before it): inside it
   * ("trong đó"), a separate group, or not stated by the text.
   */
  countedGroupRelation: z.enum(COUNTED_GROUP_RELATIONS).nullable().default(null),
  /** "khoảng 30%": achieved within a band around the value. */
  isApproximate: z.boolean().default(false),
  /** The half-width of the band, in the indicator's unit (points for a rate); null = ±2. */
  approximateTolerance: z.number().finite().positive().nullable().default(null),
  /** "hoàn thành các mục tiêu của Kế hoạch số …": the plan in the system whose progress judges this target … */
  referencePlanId: IdSchema.nullable().default(null),
  /** … or the document as cited, when it is not in the system (then the target is entered as yes/no). */
  referenceCitedVi: z.string().trim().min(1).max(1000).nullable().default(null),
  noteVi: z.string().trim().max(4000).nullable().default(null),
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
  breakdownEducationLevelCode?: string | null;
  pooledEducationLevelCodes?: string[];
  countedEntity?: string | null;
  countedNumerator?: number | null;
  countedDenominator?: number | null;
  isApproximate?: boolean;
  approximateTolerance?: number | null;
  referencePlanId?: number | null;
  referenceCitedVi?: string | null;
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
  const pooled = t.pooledEducationLevelCodes ?? [];
  if (pooled.length) {
    if (new Set(pooled).size !== pooled.length) issues.push({ path: ["pooledEducationLevelCodes"], en: "a level is listed twice", vi: "Một cấp học bị nêu hai lần" });
    if (pooled.length < 2) issues.push({ path: ["pooledEducationLevelCodes"], en: "a pooled target names at least two levels (one level: breakdownEducationLevelCode)", vi: "Chỉ tiêu gộp cần ít nhất hai cấp học (một cấp học: dùng cấp học chi tiết)" });
    if (t.breakdownEducationLevelCode) issues.push({ path: ["breakdownEducationLevelCode"], en: "a pooled target has no single breakdown level", vi: "Chỉ tiêu gộp nhiều cấp học không có cấp học chi tiết riêng" });
  }
  const num = t.countedNumerator ?? null;
  const den = t.countedDenominator ?? null;
  if ((num !== null || den !== null) && !t.countedEntity)
    issues.push({ path: ["countedEntity"], en: "a count such as '4/10 xã' needs the counted entity", vi: "Chỉ tiêu đếm như '4/10 xã' cần nêu đối tượng được đếm" });
  if (num !== null && den !== null && num > den)
    issues.push({ path: ["countedNumerator"], en: "the count must not exceed the number it is out of", vi: "Số đạt không được lớn hơn tổng số" });
  if (t.approximateTolerance != null && !t.isApproximate)
    issues.push({ path: ["approximateTolerance"], en: "a tolerance is only for an approximate target", vi: "Biên độ chỉ dùng cho chỉ tiêu ước chừng (khoảng)" });
  if (t.isApproximate && (t.value === null || !["eq", "gte", "gt", "lte", "lt"].includes(t.comparator)))
    issues.push({ path: ["isApproximate"], en: "an approximate target ('khoảng 30%') needs a single value", vi: "Chỉ tiêu ước chừng ('khoảng 30%') cần một giá trị" });
  if ((t.referencePlanId != null || t.referenceCitedVi != null) && t.comparator !== "achieve")
    issues.push({ path: ["comparator"], en: "a target by reference to another plan is achieved or not: comparator 'achieve'", vi: "Chỉ tiêu theo kế hoạch khác chỉ đạt hoặc không đạt: so sánh phải là 'đạt'" });
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

/**
 * The levels of education a target covers: the pooled levels (one figure over all of them), else its breakdown level,
 * else its indicator's level, else none (a cross-cutting target: budget share, digital transformation).
 */
export function targetEducationLevels(
  t: { pooledEducationLevelCodes?: readonly string[]; breakdownEducationLevelCode?: string | null },
  indicatorLevelCode: string | null,
): string[] {
  if (t.pooledEducationLevelCodes?.length) return [...t.pooledEducationLevelCodes];
  if (t.breakdownEducationLevelCode) return [t.breakdownEducationLevelCode];
  return indicatorLevelCode ? [indicatorLevelCode] : [];
}

/** The share a counted target names ("4/10 xã" → 40), or null when it does not name both numbers. */
export function countedShare(t: { countedNumerator?: number | null; countedDenominator?: number | null }): number | null {
  if (t.countedNumerator == null || t.countedDenominator == null) return null;
  return (t.countedNumerator / t.countedDenominator) * 100;
}
