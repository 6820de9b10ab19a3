import { and, eq, readMinMax, readRollup, schema as s, sql } from "@eduplan/db";
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

const FLAG_COLUMNS: Record<LocalityFlag, string> = {
  isExtremelyDifficultArea: "is_extremely_difficult_area",
  isBorderArea: "is_border_area",
  isEthnicMinorityArea: "is_ethnic_minority_area",
  isMountainous: "is_mountainous",
};

const EMPTY_ACTUAL: ConsolidatedActual = { value: null, numerator: null, denominator: null, min: null, max: null, contributors: 0, depth: null, source: null };

/**
 * A target restricted to flagged areas ("ở vùng đặc biệt khó khăn") is judged on the flagged units only: the sums of
 * the shallowest level below the locality at which a flagged unit has a figure. Read live over the closure.
 */
function readFlaggedRollup(db: Executor, ancestorId: number, indicatorId: number, year: number, flag: LocalityFlag) {
  const column = sql.raw(`l.${FLAG_COLUMNS[flag]}`);
  return db.get<{ depth: number; num: number; den: number; val: number; mn: number | null; mx: number | null; ratios: number; n: number }>(
    sql`select c.depth as depth,
               sum(case when v.numerator is not null and v.denominator is not null then v.numerator else 0 end) as num,
               sum(case when v.numerator is not null and v.denominator is not null then v.denominator else 0 end) as den,
               sum(coalesce(v.value, 0)) as val, min(v.value) as mn, max(v.value) as mx,
               sum(case when v.numerator is not null and v.denominator is not null then 1 else 0 end) as ratios,
               count(*) as n
        from locality_closure c
        join indicator_values v on v.locality_id = c.descendant_id
        join localities l on l.id = v.locality_id
        where c.ancestor_id = ${ancestorId} and c.depth > 0 and v.indicator_id = ${indicatorId} and v.year = ${year} and ${column} = 1
          and ((v.numerator is not null and v.denominator is not null) or v.value is not null)
        group by c.depth order by c.depth limit 1`,
  );
}

/** The consolidated figure of an indicator for a locality and year, from the live aggregates. */
export function consolidatedActual(
  db: Executor,
  localityId: number,
  indicator: { id: number; unit: string; aggregation: string },
  year: number,
  areaFlag: LocalityFlag | null = null,
): ConsolidatedActual {
  const aggregation = indicator.aggregation as Aggregation;
  if (areaFlag) {
    const row = readFlaggedRollup(db, localityId, indicator.id, year, areaFlag);
    if (!row) return EMPTY_ACTUAL;
    const base = { ...EMPTY_ACTUAL, contributors: row.n, depth: row.depth, source: "rollup" as const };
    if (aggregation === "ratio") return { ...base, numerator: row.num, denominator: row.den, value: row.ratios ? rateOf(row.num, row.den, indicator.unit) : null, contributors: row.ratios };
    if (aggregation === "sum") return { ...base, value: row.val };
    if (aggregation === "min" || aggregation === "max") return { ...base, min: row.mn, max: row.mx, value: aggregation === "min" ? row.mn : row.mx };
    return EMPTY_ACTUAL;
  }
  if (aggregation === "ratio" || aggregation === "sum") {
    const sums = readRollup(db, localityId, indicator.id, year);
    if (sums) {
      if (aggregation === "sum") return { ...EMPTY_ACTUAL, value: sums.valueSum, contributors: sums.contributors, depth: sums.depth, source: "rollup" };
      // Rates are Σ numerators / Σ denominators, never an average of rates.
      const value = rateOf(sums.numeratorSum, sums.denominatorSum, indicator.unit);
      return { ...EMPTY_ACTUAL, value, numerator: sums.numeratorSum, denominator: sums.denominatorSum, contributors: sums.contributors, depth: sums.depth, source: "rollup" };
    }
  } else if (aggregation === "min" || aggregation === "max") {
    const mm = readMinMax(db, localityId, indicator.id, year);
    if (mm) return { ...EMPTY_ACTUAL, value: aggregation === "min" ? mm.min : mm.max, min: mm.min, max: mm.max, contributors: mm.contributors, depth: mm.depth, source: "rollup" };
  }
  // Nothing below (a commune consolidating itself, or an indicator that does not aggregate): its own figure.
  const own = db
    .select()
    .from(s.indicatorValues)
    .where(and(eq(s.indicatorValues.localityId, localityId), eq(s.indicatorValues.indicatorId, indicator.id), eq(s.indicatorValues.year, year)))
    .get();
  if (!own || (own.value === null && (own.numerator === null || own.denominator === null))) return EMPTY_ACTUAL;
  return { ...EMPTY_ACTUAL, value: own.value, numerator: own.numerator, denominator: own.denominator, contributors: 1, depth: 0, source: "own" };
}

