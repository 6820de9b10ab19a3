import { z } from "zod";
import type { DomainIssue } from "./errors.js";
import { CodeSchema, NameViSchema, recordFields } from "./primitives.js";

export const INDICATOR_UNITS = ["percent", "per10kInhabitants", "count", "level", "boolean", "ratio", "vnd", "other"] as const;
export const IndicatorUnitSchema = z.enum(INDICATOR_UNITS);
export type IndicatorUnit = z.infer<typeof IndicatorUnitSchema>;

/** Which way is better. `maintain` indicators are achieved by holding a level, not by moving. */
export const DIRECTIONS = ["increase", "decrease", "maintain"] as const;
export const DirectionSchema = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof DirectionSchema>;

/**
 * How values of child localities combine. `ratio` sums numerators and denominators and divides: percentages are
 * never averaged.
 */
export const AGGREGATIONS = ["sum", "ratio", "min", "max", "none"] as const;
export const AggregationSchema = z.enum(AGGREGATIONS);
export type Aggregation = z.infer<typeof AggregationSchema>;

/** What a ratio indicator counts, and out of what ("communes meeting PCGD level 3" out of "all communes"). */
export const COUNTED_ENTITIES = [
  "child",
  "pupil",
  "student",
  "learner",
  "teacher",
  "school",
  "classroom",
  "commune",
  "agency",
  "worker",
  "person",
  "budget",
  "other",
] as const;
export const CountedEntitySchema = z.enum(COUNTED_ENTITIES);

export const IndicatorMeasureSchema = z.object({
  countedEntity: CountedEntitySchema,
  numeratorVi: z.string().min(1).max(500),
  denominatorVi: z.string().min(1).max(500),
});
export type IndicatorMeasure = z.infer<typeof IndicatorMeasureSchema>;

const indicatorFields = {
  /** Stable, namespaced code: `ecec.nursery.enrolment_rate`; plugin codes start with the plugin id. */
  code: CodeSchema,
  nameVi: NameViSchema,
  nameEn: z.string().trim().min(1).max(500),
  educationLevelCode: CodeSchema,
  unit: IndicatorUnitSchema,
  direction: DirectionSchema,
  aggregation: AggregationSchema,
  measure: IndicatorMeasureSchema.nullable().default(null),
  /** The plugin that contributed it; null for core indicators. */
  pluginId: CodeSchema.nullable().default(null),
  descriptionVi: z.string().max(8000).nullable().default(null),
  /**
   * The plausible range of one locality's figure (a commune's enrolment count ≤ 10⁶). Outside it a figure is refused
   * as a typing mistake; null = only the unit's own bounds.
   */
  plausibleMin: z.number().finite().nullable().default(null),
  plausibleMax: z.number().finite().nullable().default(null),
};

export const IndicatorInputSchema = z.object(indicatorFields);

/** An indicator's plausible range runs from its minimum to its maximum (checked by the write path on the whole record). */
export function plausibleRangeIssues(i: { plausibleMin?: number | null; plausibleMax?: number | null }): DomainIssue[] {
  return i.plausibleMin != null && i.plausibleMax != null && i.plausibleMin > i.plausibleMax
    ? [{ path: ["plausibleMax"], en: "the plausible maximum is below the minimum", vi: "Giá trị tối đa hợp lý nhỏ hơn giá trị tối thiểu" }]
    : [];
}
export type IndicatorInput = z.input<typeof IndicatorInputSchema>;
export const IndicatorSchema = z.object({ ...recordFields, ...indicatorFields });
export type Indicator = z.infer<typeof IndicatorSchema>;

/** Multiplier from numerator/denominator to the displayed value. */
export function ratioScale(unit: IndicatorUnit): number {
  if (unit === "percent") return 100;
  if (unit === "per10kInhabitants") return 10_000;
  return 1;
}

/**
 * THE rate computation: numerator / denominator × the unit's scale (48,5 for a percentage); null without a positive
 * denominator. Screens, files, rollups and stored figures all compute rates here.
 */
export function rateOf(numerator: number | null | undefined, denominator: number | null | undefined, unit: string): number | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined || !(denominator > 0)) return null;
  return (numerator / denominator) * ratioScale(unit as IndicatorUnit);
}

/** The upper bound a value of this unit may take, if any (a rate cannot exceed 100%). */
export function unitMaximum(unit: IndicatorUnit): number | null {
  if (unit === "percent") return 100;
  if (unit === "boolean") return 1;
  return null;
}

/** The sensible default aggregation for a unit. */
export function defaultAggregation(unit: IndicatorUnit): Aggregation {
  switch (unit) {
    case "percent":
    case "per10kInhabitants":
    case "ratio":
      return "ratio";
    case "count":
    case "vnd":
      return "sum";
    case "level":
    case "boolean":
      return "min";
    default:
      return "none";
  }
}
