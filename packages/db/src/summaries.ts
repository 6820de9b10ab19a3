import type { Aggregation, Direction, IndicatorUnit } from "@eduplan/domain";

/** The fields of an indicator that progress, consolidation and reports show beside each target, typed. */
export function indicatorSummary(i: { id: number; code: string; nameVi: string; nameEn: string; unit: string; direction: string; aggregation: string }) {
  return {
    id: i.id,
    code: i.code,
    nameVi: i.nameVi,
    nameEn: i.nameEn,
    unit: i.unit as IndicatorUnit,
    direction: i.direction as Direction,
    aggregation: i.aggregation as Aggregation,
  };
}
export type IndicatorSummary = ReturnType<typeof indicatorSummary>;
