import type { Direction } from "./indicator.js";
import type { Comparator } from "./target.js";

export type TargetBound = {
  comparator: Comparator;
  value: number | null;
  valueMax: number | null;
  baselineValue?: number | null;
};

const EPSILON = 1e-9;

/**
 * Does `actual` meet the bound? `maintain` without a value compares with the baseline when there is one;
 * `achieve` without a value is a yes/no state (1 = yes). Returns null when it cannot be judged.
 */
export function meetsBound(bound: TargetBound, direction: Direction, actual: number): boolean | null {
  const { comparator, value, valueMax } = bound;
  switch (comparator) {
    case "gte":
      return value === null ? null : actual >= value - EPSILON;
    case "gt":
      return value === null ? null : actual > value + EPSILON;
    case "lte":
      return value === null ? null : actual <= value + EPSILON;
    case "lt":
      return value === null ? null : actual < value - EPSILON;
    case "eq":
      if (value === null) return null;
      // "đạt 100%" cannot be exceeded; for a decreasing indicator "= 0" is met by anything not above it.
      if (direction === "decrease") return actual <= value + EPSILON;
      return direction === "increase" ? actual >= value - EPSILON : Math.abs(actual - value) <= EPSILON;
    case "range":
      return value === null || valueMax === null ? null : actual >= value - EPSILON && actual <= valueMax + EPSILON;
    case "maintain": {
      const level = value ?? bound.baselineValue ?? null;
      if (level === null) return null;
      return direction === "decrease" ? actual <= level + EPSILON : actual >= level - EPSILON;
    }
    case "achieve": {
      // A yes/no state is reached by "yes" (1) whatever the indicator's direction.
      if (value === null) return actual >= 1 - EPSILON;
      return direction === "decrease" ? actual <= value + EPSILON : actual >= value - EPSILON;
    }
  }
}

/**
 * Is lower better for this bound? `lt`/`lte` always are and `gt`/`gte` never are (the comparator states the rule, as in
 * `meetsBound`); otherwise the indicator's direction decides.
 */
export function lowerIsBetter(comparator: Comparator, direction: Direction): boolean {
  if (comparator === "lt" || comparator === "lte") return true;
  if (comparator === "gt" || comparator === "gte") return false;
  return direction === "decrease";
}

/**
 * Progress towards the bound in [0, 1], respecting direction: from the baseline when known, otherwise from zero
 * (higher-is-better) or as target/actual (lower-is-better). 1 when met. A range's goal is its bottom end when higher is
 * better and its top end when lower is better; missing a range (or an exact figure) on the far side is measured by how
 * far past it the actual lies.
 */
export function progressTowards(bound: TargetBound, direction: Direction, actual: number): number | null {
  const met = meetsBound(bound, direction, actual);
  if (met === null) return null;
  if (met) return 1;
  const clamp = (p: number) => Math.max(0, Math.min(1, p));
  const baseline = bound.baselineValue ?? null;
  // A yes/no state has no direction: "no" is 0, "yes" is met.
  if (bound.comparator === "achieve" && bound.value === null) return clamp(actual);
  const lower = lowerIsBetter(bound.comparator, direction);
  const towardsLower = (goal: number) =>
    baseline !== null && baseline > goal ? (baseline - actual) / (baseline - goal) : actual <= 0 ? 1 : goal / actual;
  const towardsHigher = (goal: number) =>
    baseline !== null && baseline < goal ? (actual - baseline) / (goal - baseline) : goal <= 0 ? 0 : actual / goal;
  if (bound.comparator === "range") {
    // meetsBound judged it, so both ends are known.
    const low = bound.value!;
    const high = bound.valueMax!;
    if (actual > high) return clamp(lower ? towardsLower(high) : high / actual); // above the top: a miss unless lower is better
    return clamp(lower ? (low <= 0 ? 0 : actual / low) : towardsHigher(low)); // below the bottom: a miss if lower is better
  }
  const goal = bound.value ?? bound.baselineValue ?? null;
  if (goal === null) return null;
  if (lower) return clamp(towardsLower(goal));
  // Overshooting an exact figure on a maintain indicator ("= 5" and 6) is a miss, measured like a range's top.
  if (actual > goal) return clamp(goal / actual);
  return clamp(towardsHigher(goal));
}

export const TARGET_STATES = ["achieved", "onTrack", "atRisk", "notAchieved", "noData"] as const;
export type TargetState = (typeof TARGET_STATES)[number];

export type Evaluation = {
  achieved: boolean | null;
  progress: number | null;
  /** Met this year's roadmap milestone, when there is one. */
  meetsMilestone: boolean | null;
  state: TargetState;
};

/**
 * Evaluate a target against an actual value for a year.
 * - achieved: the final bound is met;
 * - onTrack / atRisk: not yet met, judged against the year's milestone, or, without one, against the share of the
 *   period elapsed (`expectedProgress`);
 * - notAchieved: the target year has passed (or is this year) and the bound is not met.
 */
export function evaluateTarget(
  target: TargetBound & { targetYear: number | null },
  direction: Direction,
  actual: number | null,
  options: { year?: number; milestone?: { value: number; valueMax?: number | null } | null; expectedProgress?: number | null } = {},
): Evaluation {
  if (actual === null || Number.isNaN(actual)) return { achieved: null, progress: null, meetsMilestone: null, state: "noData" };
  const achieved = meetsBound(target, direction, actual);
  const progress = progressTowards(target, direction, actual);
  let meetsMilestone: boolean | null = null;
  if (options.milestone) {
    const m = options.milestone;
    // A milestone is a floor (or a ceiling when lower is better); strict bounds keep their strictness.
    const comparator: Comparator =
      target.comparator === "range" && m.valueMax != null
        ? "range"
        : ["gte", "gt", "lte", "lt"].includes(target.comparator)
          ? target.comparator
          : lowerIsBetter(target.comparator, direction)
            ? "lte"
            : "gte";
    meetsMilestone = meetsBound({ comparator, value: m.value, valueMax: m.valueMax ?? null }, direction, actual);
  }
  let state: TargetState;
  if (achieved) state = "achieved";
  else if (achieved === null) state = "noData";
  else if (options.year !== undefined && target.targetYear !== null && options.year >= target.targetYear) state = "notAchieved";
  else if (meetsMilestone !== null) state = meetsMilestone ? "onTrack" : "atRisk";
  else if (options.expectedProgress != null && progress !== null) state = progress + EPSILON >= options.expectedProgress ? "onTrack" : "atRisk";
  else state = "atRisk";
  return { achieved, progress, meetsMilestone, state };
}

/** Share of a plan period elapsed by the end of `year` (for targets without a roadmap). */
export function expectedProgress(year: number, startYear: number | null, targetYear: number | null): number | null {
  if (startYear === null || targetYear === null || targetYear <= startYear) return null;
  return Math.max(0, Math.min(1, (year - startYear) / (targetYear - startYear)));
}
