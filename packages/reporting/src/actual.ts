import { and, eq, first, readFlaggedRollup, readMinMax, readRollup, schema as s } from "@eduplan/db";
import { rateOf, type Aggregation, type LocalityFlag } from "@eduplan/domain";
import type { Executor } from "./lookup.js";

/* The consolidated figure of an indicator for a locality and year: what every view judges a target on. */

export type ConsolidatedActual = {
  /** The figure in the indicator's unit (a rate in %), or null when nothing was reported. */
  value: number | null;
  /** Ratio indicators: the summed numerators and denominators the value was computed from. */
  numerator: number | null;
  denominator: number | null;
  /** min/max indicators: the spread over the contributing units. */
  min: number | null;
  max: number | null;
  /** Units whose (approved, published) figures entered the value. */
  contributors: number;
  /** Distance below the locality of the level that was summed (1 = its communes); 0 = the locality's own figure. */
  depth: number | null;
  /** Where the figure comes from: the rollup of the units below, or the locality's own figure when none is below. */
  source: "rollup" | "own" | null;
};

const EMPTY_ACTUAL: ConsolidatedActual = { value: null, numerator: null, denominator: null, min: null, max: null, contributors: 0, depth: null, source: null };

/** The consolidated figure of an indicator for a locality and year, from the live aggregates. */
export async function consolidatedActual(
  db: Executor,
  localityId: number,
  indicator: { id: number; unit: string; aggregation: string },
  year: number,
  areaFlag: LocalityFlag | null = null,
): Promise<ConsolidatedActual> {
  const aggregation = indicator.aggregation as Aggregation;
  if (areaFlag) {
    const row = await readFlaggedRollup(db, localityId, indicator.id, year, areaFlag);
    if (!row) return EMPTY_ACTUAL;
    const base = { ...EMPTY_ACTUAL, contributors: row.n, depth: row.depth, source: "rollup" as const };
    if (aggregation === "ratio") return { ...base, numerator: row.num, denominator: row.den, value: row.ratios ? rateOf(row.num, row.den, indicator.unit) : null, contributors: row.ratios };
    if (aggregation === "sum") return { ...base, value: row.val };
    if (aggregation === "min" || aggregation === "max") return { ...base, min: row.mn, max: row.mx, value: aggregation === "min" ? row.mn : row.mx };
    return EMPTY_ACTUAL;
  }
  if (aggregation === "ratio" || aggregation === "sum") {
    const sums = await readRollup(db, localityId, indicator.id, year);
    if (sums) {
      if (aggregation === "sum") return { ...EMPTY_ACTUAL, value: sums.valueSum, contributors: sums.contributors, depth: sums.depth, source: "rollup" };
      // Rates are Σ numerators / Σ denominators, never an average of rates.
      const value = rateOf(sums.numeratorSum, sums.denominatorSum, indicator.unit);
      return { ...EMPTY_ACTUAL, value, numerator: sums.numeratorSum, denominator: sums.denominatorSum, contributors: sums.contributors, depth: sums.depth, source: "rollup" };
    }
  } else if (aggregation === "min" || aggregation === "max") {
    const mm = await readMinMax(db, localityId, indicator.id, year);
    if (mm) return { ...EMPTY_ACTUAL, value: aggregation === "min" ? mm.min : mm.max, min: mm.min, max: mm.max, contributors: mm.contributors, depth: mm.depth, source: "rollup" };
  }
  // Nothing below (a commune consolidating itself, or an indicator that does not aggregate): its own figure.
  const own = await first(
    db
      .select()
      .from(s.indicatorValues)
      .where(and(eq(s.indicatorValues.localityId, localityId), eq(s.indicatorValues.indicatorId, indicator.id), eq(s.indicatorValues.year, year))),
  );
  if (!own || (own.value === null && (own.numerator === null || own.denominator === null))) return EMPTY_ACTUAL;
  return { ...EMPTY_ACTUAL, value: own.value, numerator: own.numerator, denominator: own.denominator, contributors: 1, depth: 0, source: "own" };
}

