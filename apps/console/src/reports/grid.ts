/**
 * The data-entry grid's pure logic (no React; unit-tested in grid.test.ts): the text an officer types in each cell,
 * checked the way the server checks it (so most mistakes are caught before sending), the rate computed live from the
 * numerator and denominator, and the row's achievement against this year's milestone and the final target.
 */
import { evaluateTargetForYear, rateOf, type TargetState, type Verdict } from "@eduplan/domain";
import type { RouterOutputs } from "@eduplan/api";
import { formatNumber, localeTag, parseDecimal } from "../format";

export type ReportGrid = RouterOutputs["reports"]["grid"];
export type GridRow = ReportGrid["rows"][number];
export type ReportStatus = "draft" | "submitted" | "returned" | "approved";

/** What is typed in a row's cells. */
export type RowDraft = { numerator: string; denominator: string; value: string; commentVi: string };
export type Field = keyof RowDraft;
/** A problem of one cell: a translation key (`eduplan.reporting.errors.*`) and its parameters, or a server message. */
export type CellError = { key: string; params?: Record<string, unknown> } | { message: string };
export type RowErrors = Partial<Record<Field, CellError>>;
export type RowFigures = { numerator: number | null; denominator: number | null; value: number | null; commentVi: string | null };

export const isRate = (row: Pick<GridRow, "aggregation">) => row.aggregation === "ratio";

/** A stored number as it is typed back ("48,5" in Vietnamese, "48.5" in English; no grouping). */
export function numberText(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 6, useGrouping: false }).format(value);
}

export function draftOf(row: Pick<GridRow, "numerator" | "denominator" | "value" | "commentVi" | "aggregation">, locale: string): RowDraft {
  return {
    numerator: isRate(row) ? numberText(row.numerator, locale) : "",
    denominator: isRate(row) ? numberText(row.denominator, locale) : "",
    value: isRate(row) ? "" : numberText(row.value, locale),
    commentVi: row.commentVi ?? "",
  };
}

const e = (key: string, params?: Record<string, unknown>): CellError => ({ key: `eduplan.reporting.errors.${key}`, params });

/**
 * Reads and checks a row as typed. Rules of the server (`reports.saveValues`): numbers only, never negative; a rate
 * needs both numerator and denominator, a positive denominator, and for a percentage numerator ≤ denominator; a
 * percentage value ≤ 100; yes/no is 1 or 0; a comment needs figures. An empty row is fine (not reported).
 */
export function checkRow(row: Pick<GridRow, "aggregation" | "unit">, draft: RowDraft, locale: string): { figures: RowFigures; errors: RowErrors } {
  const errors: RowErrors = {};
  const read = (field: "numerator" | "denominator" | "value"): number | null => {
    const n = parseDecimal(draft[field], locale);
    if (n === null) return null;
    if (Number.isNaN(n)) {
      errors[field] = e("notANumber", { text: draft[field] });
      return null;
    }
    if (n < 0) {
      errors[field] = e("negative");
      return null;
    }
    return n;
  };
  const comment = draft.commentVi.trim() || null;
  if (isRate(row)) {
    const numerator = read("numerator");
    const denominator = read("denominator");
    const figures = { numerator, denominator, value: null, commentVi: comment };
    if (Object.keys(errors).length) return { figures, errors };
    const hasNum = draft.numerator.trim() !== "";
    const hasDen = draft.denominator.trim() !== "";
    if (!hasNum && !hasDen) {
      if (comment) errors.numerator = e("commentWithoutFigures");
      return { figures, errors };
    }
    if (!hasNum || !hasDen) {
      errors[hasNum ? "denominator" : "numerator"] = e("bothRequired");
      return { figures, errors };
    }
    if (denominator === 0) errors.denominator = e("denominatorPositive");
    else if (row.unit === "percent" && numerator! > denominator!)
      errors.numerator = e("numeratorAboveDenominator", { numerator: formatNumber(numerator, locale), denominator: formatNumber(denominator, locale) });
    return { figures, errors };
  }
  const value = read("value");
  const figures = { numerator: null, denominator: null, value, commentVi: comment };
  if (errors.value) return { figures, errors };
  if (value === null) {
    if (comment) errors.value = e("commentWithoutValue");
    return { figures, errors };
  }
  if (row.unit === "boolean" && value !== 0 && value !== 1) errors.value = e("booleanValue");
  else if (row.unit === "percent" && value > 100) errors.value = e("percentAbove100");
  return { figures, errors };
}

/** The figure of a row: a rate from numerator / denominator × scale (48,5%), else the value. */
export function liveValue(row: Pick<GridRow, "aggregation" | "unit">, figures: Pick<RowFigures, "numerator" | "denominator" | "value">): number | null {
  if (isRate(row)) {
    const { numerator, denominator } = figures;
    return rateOf(numerator, denominator, row.unit);
  }
  return figures.value;
}

export type Achievement = TargetState | "noTarget";

/**
 * How a row stands with the figures as typed: the domain's one evaluation (`evaluateTargetForYear`) on the inputs the
 * server sent (target, roadmap, first reported figure, plan period) — the verdict the dashboard and the printed report
 * give once the figures are saved.
 */
export function achievementOf(row: Pick<GridRow, "evaluationInput">, value: number | null): { kind: Achievement; evaluation: Verdict | null } {
  const input = row.evaluationInput;
  if (!input) return { kind: "noTarget", evaluation: null };
  const evaluation = evaluateTargetForYear(input.target, input.milestones, value, input.year, input.period, { firstReported: input.firstReported });
  return { kind: evaluation.state, evaluation };
}

/** Server field errors `values.<i>.<field>` of a save, back onto the rows that were sent (by indicator id). */
export function serverErrorsByIndicator(
  fieldErrors: { path: string; message: { vi: string; en: string } }[],
  sentIndicatorIds: number[],
  locale: string,
): Map<number, RowErrors> {
  const out = new Map<number, RowErrors>();
  for (const f of fieldErrors) {
    const m = /^values\.(\d+)\.(\w+)$/.exec(f.path);
    if (!m) continue;
    const indicatorId = sentIndicatorIds[Number(m[1])];
    if (indicatorId === undefined) continue;
    const field = (["numerator", "denominator", "value", "commentVi"].includes(m[2]!) ? m[2] : "value") as Field;
    const errors = out.get(indicatorId) ?? {};
    errors[field] = { message: locale === "en" ? f.message.en : f.message.vi };
    out.set(indicatorId, errors);
  }
  return out;
}

/** Chip colours of report statuses (and of a unit that has not reported). */
export const STATUS_COLORS: Record<string, "default" | "info" | "warning" | "success" | "error"> = {
  draft: "default",
  submitted: "info",
  returned: "warning",
  approved: "success",
  missing: "error",
};
