import { z } from "zod";
import { bi, type DomainIssue } from "./errors.js";
import { unitMaximum, type IndicatorUnit } from "./indicator.js";
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
  noteVi: z.string().trim().max(2000).nullable().default(null),
};
/** A figure as entered. `reportId` is not an input: only the reporting cycle publishes a report's figures. */
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
export const IndicatorValueSchema = z.object({
  ...recordFields,
  ...indicatorValueFields,
  /** The approved report the figure was published from, if any: then it changes only through the report. */
  reportId: IdSchema.nullable().default(null),
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

/**
 * No figure of one locality may exceed this, whatever its unit: it keeps every sum of figures (up to the nation's) finite
 * and exact enough, so one mistyped 1.7e308 cannot poison the aggregates.
 */
export const FIGURE_ABSOLUTE_MAX = 1e15;

export type FigureIndicator = {
  unit: string;
  aggregation: string;
  code: string;
  nameVi?: string;
  plausibleMin?: number | null;
  plausibleMax?: number | null;
};

const viNumber = (n: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 }).format(n);

/**
 * The bounds of one figure, given its indicator: finite, not negative, a rate's numerator within its denominator, a
 * value within its unit (100 for percent, 1 for yes/no) and within the indicator's plausible range. The one check of
 * figures: report values, directly entered figures, imports and plugin feeds all pass through it.
 */
export function indicatorValueIssues(
  v: { numerator: number | null; denominator: number | null; value: number | null },
  indicator: FigureIndicator,
): DomainIssue[] {
  const issues: DomainIssue[] = [];
  for (const field of ["numerator", "denominator", "value"] as const) {
    const x = v[field];
    if (x === null || x === undefined) continue;
    if (!Number.isFinite(x)) issues.push({ path: [field], en: `${field} must be a finite number`, vi: "Số liệu phải là một số hữu hạn" });
    else if (Math.abs(x) > FIGURE_ABSOLUTE_MAX)
      issues.push({ path: [field], en: `${field} ${x} is implausibly large (at most ${FIGURE_ABSOLUTE_MAX})`, vi: `Số liệu ${viNumber(x)} lớn bất thường (tối đa ${viNumber(FIGURE_ABSOLUTE_MAX)})` });
  }
  if (issues.length) return issues;
  if (indicator.aggregation === "ratio" && (v.numerator === null || v.denominator === null)) {
    const field = v.numerator === null ? "numerator" : "denominator";
    issues.push({ path: [field], en: `${indicator.code} is a rate: give numerator and denominator`, vi: "Chỉ tiêu tỷ lệ: cần nhập tử số và mẫu số" });
  }
  const boundedRate = indicator.unit === "percent" || indicator.unit === "per10kInhabitants";
  if (boundedRate && v.numerator !== null && v.denominator !== null && v.numerator > v.denominator)
    issues.push({
      path: ["numerator"],
      en: `numerator ${v.numerator} exceeds denominator ${v.denominator}`,
      vi: `Tử số ${viNumber(v.numerator)} lớn hơn mẫu số ${viNumber(v.denominator)}`,
    });
  if (v.value !== null && v.value < 0) issues.push({ path: ["value"], en: "value must not be negative", vi: "Giá trị không được âm" });
  const max = unitMaximum(indicator.unit as IndicatorUnit);
  if (max !== null && v.value !== null && v.value > max)
    issues.push({
      path: ["value"],
      en: `value ${v.value} exceeds ${max}${indicator.unit === "percent" ? "%" : ""}`,
      vi: indicator.unit === "percent" ? `Giá trị ${viNumber(v.value)}% vượt quá 100%` : `Giá trị ${viNumber(v.value)} vượt quá ${max} (có = 1, không = 0)`,
    });
  // The plausible range bounds the figure itself: a count's value, or a rate's denominator (what it counts out of).
  const measured = indicator.aggregation === "ratio" ? v.denominator : v.value;
  const field = indicator.aggregation === "ratio" ? "denominator" : "value";
  if (measured !== null && indicator.plausibleMax != null && measured > indicator.plausibleMax)
    issues.push({
      path: [field],
      en: `${measured} is above the plausible maximum ${indicator.plausibleMax} of ${indicator.code}`,
      vi: `Số liệu ${viNumber(measured)} vượt mức tối đa hợp lý ${viNumber(indicator.plausibleMax)} của chỉ tiêu${indicator.nameVi ? ` "${indicator.nameVi}"` : ""}`,
    });
  if (measured !== null && indicator.plausibleMin != null && measured < indicator.plausibleMin)
    issues.push({
      path: [field],
      en: `${measured} is below the plausible minimum ${indicator.plausibleMin} of ${indicator.code}`,
      vi: `Số liệu ${viNumber(measured)} thấp hơn mức tối thiểu hợp lý ${viNumber(indicator.plausibleMin)} của chỉ tiêu${indicator.nameVi ? ` "${indicator.nameVi}"` : ""}`,
    });
  return issues;
}

export type ReportFigureInput = {
  indicatorId: number;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  commentVi?: string | null;
};

/** A report row as it will be stored: a rate keeps numerator and denominator, any other indicator its value. */
export type ReportFigure = { indicatorId: number; numerator: number | null; denominator: number | null; value: number | null; commentVi: string | null };

const FIELD_VI = { numerator: "Tử số", denominator: "Mẫu số", value: "Giá trị" } as const;

/**
 * The one check of a report's figures (the grid, the Excel import, the CRUD of report values all come here): each row
 * names an indicator of the report (the plan's, or one the report already holds), at most once; a rate has both
 * numerator and denominator, any other indicator a value (yes/no as 1 or 0); a comment needs a figure; and every
 * figure is within its indicator's bounds. Returns the rows normalised for storage (empty rows: nothing to keep) and
 * the issues, located `values.<i>.<field>`.
 */
export function checkReportFigures(
  rows: readonly ReportFigureInput[],
  indicatorsById: ReadonlyMap<number, FigureIndicator>,
  allowedIndicatorIds?: ReadonlySet<number>,
): { issues: DomainIssue[]; figures: (ReportFigure & { empty: boolean })[] } {
  const issues: DomainIssue[] = [];
  const figures: (ReportFigure & { empty: boolean })[] = [];
  const seen = new Set<number>();
  rows.forEach((r, i) => {
    const at = (field: string, en: string, vi: string) => issues.push({ path: ["values", i, field], en, vi });
    const indicator = indicatorsById.get(r.indicatorId);
    if (!indicator) return void at("indicatorId", `unknown indicator #${r.indicatorId}`, `Chỉ tiêu #${r.indicatorId} không tồn tại`);
    const name = indicator.nameVi ?? indicator.code;
    if (allowedIndicatorIds && !allowedIndicatorIds.has(r.indicatorId))
      return void at("indicatorId", `${indicator.code} is not an indicator of this report's plan`, `Chỉ tiêu "${name}" không thuộc kế hoạch của báo cáo này`);
    if (seen.has(r.indicatorId)) return void at("indicatorId", `indicator ${indicator.code} appears twice`, `Chỉ tiêu "${name}" bị nhập hai lần`);
    seen.add(r.indicatorId);
    const isRatio = indicator.aggregation === "ratio";
    const numerator = r.numerator ?? null;
    const denominator = r.denominator ?? null;
    const value = r.value ?? null;
    const commentVi = r.commentVi?.trim() || null;
    const before = issues.length;
    for (const [field, n] of [
      ["numerator", numerator],
      ["denominator", denominator],
      ["value", value],
    ] as const)
      if (n !== null && n < 0) at(field, `${field} must not be negative`, `${FIELD_VI[field]} không được âm`);
    if (issues.length > before) return;
    const figure = { indicatorId: r.indicatorId, numerator: isRatio ? numerator : null, denominator: isRatio ? denominator : null, value: isRatio ? null : value, commentVi };
    if (isRatio) {
      if (numerator === null && denominator === null) {
        if (commentVi) at("numerator", "a comment without figures: enter numerator and denominator", "Có ghi chú nhưng chưa nhập tử số và mẫu số");
        else figures.push({ ...figure, empty: true });
        return;
      }
      if (numerator === null || denominator === null)
        return void at(numerator === null ? "numerator" : "denominator", "a rate needs both numerator and denominator", "Chỉ tiêu tỷ lệ cần nhập cả tử số và mẫu số");
      if (denominator === 0) return void at("denominator", "denominator must be positive", "Mẫu số phải lớn hơn 0");
    } else {
      if (numerator !== null || denominator !== null) return void at("value", "this indicator is not a rate: enter its value", "Chỉ tiêu này không phải tỷ lệ: nhập số liệu vào cột Giá trị");
      if (value === null) {
        if (commentVi) at("value", "a comment without a value", "Có ghi chú nhưng chưa nhập giá trị");
        else figures.push({ ...figure, empty: true });
        return;
      }
      if (indicator.unit === "boolean" && value !== 0 && value !== 1) return void at("value", "enter 1 (yes) or 0 (no)", "Nhập 1 (có/đạt) hoặc 0 (không/chưa đạt)");
    }
    const bounds = indicatorValueIssues(figure, indicator);
    for (const issue of bounds) issues.push({ ...issue, path: ["values", i, ...issue.path] });
    if (!bounds.length) figures.push({ ...figure, empty: false });
  });
  return { issues, figures };
}
