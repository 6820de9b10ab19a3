import { lowerIsBetter, type TargetBound } from "./evaluate.js";
import type { Direction } from "./indicator.js";

/**
 * The roadmap of a target ("lộ trình"): the figure expected in a year. A milestone the plan (or an officer) set for the
 * year wins; otherwise the figure lies on a straight line from the start of the roadmap — the baseline, else the first
 * year with a reported figure — through any later milestones to the target at its target year. Derived figures are
 * labelled `LINEAR_ROADMAP_LABEL` wherever they are shown or printed.
 */

export const LINEAR_ROADMAP_LABEL = { vi: "ước tính theo lộ trình đều", en: "estimated on an even roadmap" } as const;

export type RoadmapMilestone = { year: number; value: number; valueMax?: number | null };

/** A known figure the roadmap starts from. */
export type RoadmapAnchor = { year: number; value: number };

export type RoadmapTarget = TargetBound & {
  targetYear: number | null;
  baselineYear?: number | null;
  /** The bound holds every year: there is no path towards it. */
  appliesEveryYear?: boolean;
};

export type PlanPeriod = { start: number | null; end: number | null };

export type Expectation = {
  year: number;
  value: number;
  valueMax: number | null;
  /** A milestone set for the year, or a point on the straight line. */
  source: "milestone" | "linear";
  /** Where a straight line starts: the baseline, or the first year with a figure (possibly this very year). */
  from: (RoadmapAnchor & { kind: "baseline" | "firstReported" }) | null;
  /** The year and figure the line ends at (the target). */
  to: RoadmapAnchor | null;
};

/** The figure a target asks for at its target year, on the side that matters (a range's bottom when higher is better). */
export function roadmapGoal(target: TargetBound, direction: Direction): number | null {
  if (target.comparator === "range") return lowerIsBetter(target.comparator, direction) ? target.valueMax : target.value;
  if (target.comparator === "achieve" && target.value === null) return null; // a yes/no state has no path
  if (target.comparator === "maintain") return null; // holding a level is judged against the level itself
  return target.value;
}

const milestoneFigure = (m: RoadmapMilestone, lower: boolean) => (lower ? (m.valueMax ?? m.value) : m.value);

/**
 * The figure expected in `year`: the year's milestone, else a point on the straight line (see the module comment).
 * `firstReported` is the earliest figure of an earlier year; when there is none, `thisYear` (the year's own figure)
 * starts the line. Null when no line can be drawn: no goal figure, no start, the year before the start, or the target
 * year reached (the final bound then applies).
 */
export function expectedForYear(
  target: RoadmapTarget,
  direction: Direction,
  milestones: readonly RoadmapMilestone[],
  year: number,
  period: PlanPeriod,
  known: { firstReported?: RoadmapAnchor | null; thisYear?: number | null } = {},
): Expectation | null {
  const own = milestones.find((m) => m.year === year);
  if (own) return { year, value: own.value, valueMax: own.valueMax ?? null, source: "milestone", from: null, to: null };
  if (target.appliesEveryYear) return null;
  const endYear = target.targetYear ?? period.end;
  const goal = roadmapGoal(target, direction);
  if (endYear === null || goal === null || year >= endYear) return null;
  let from: Expectation["from"] = null;
  if (target.baselineValue != null) {
    const baselineYear = target.baselineYear ?? (period.start !== null ? period.start - 1 : null);
    if (baselineYear !== null) from = { year: baselineYear, value: target.baselineValue, kind: "baseline" };
  }
  if (!from && known.firstReported && known.firstReported.year < year) from = { ...known.firstReported, kind: "firstReported" };
  if (!from && known.thisYear != null && Number.isFinite(known.thisYear)) from = { year, value: known.thisYear, kind: "firstReported" };
  if (!from || from.year > year || from.year >= endYear) return null;
  const lower = lowerIsBetter(target.comparator, direction);
  const points: RoadmapAnchor[] = [
    { year: from.year, value: from.value },
    ...milestones
      .filter((m) => m.year > from.year && m.year < endYear)
      .sort((a, b) => a.year - b.year)
      .map((m) => ({ year: m.year, value: milestoneFigure(m, lower) })),
    { year: endYear, value: goal },
  ];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (year < a.year || year > b.year) continue;
    const value = a.value + ((b.value - a.value) * (year - a.year)) / (b.year - a.year);
    return { year, value, valueMax: null, source: "linear", from, to: { year: endYear, value: goal } };
  }
  return null;
}
