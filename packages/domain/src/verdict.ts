import { lowerIsBetter, meetsBound, progressTowards, expectedProgress, type Evaluation, type TargetState } from "./evaluate.js";
import { formatMilestone, formatNumber, formatPercent, formatTarget, formatValue, type NumberOptions } from "./format.js";
import type { Direction } from "./indicator.js";
import { expectedForYear, LINEAR_ROADMAP_LABEL, type Expectation, type PlanPeriod, type RoadmapAnchor, type RoadmapMilestone, type RoadmapTarget } from "./roadmap.js";
import { DEFAULT_APPROXIMATE_TOLERANCE, type Comparator } from "./target.js";
import { evaluateByReference, type TargetReference } from "./reference-target.js";

/**
 * THE evaluation of a target for a year — every screen and every file (dashboard, data-entry grid, consolidation,
 * cascade, DOCX, XLSX) shows this verdict and its reason, never one of its own.
 */

export type Bilingual = { vi: string; en: string };

export const TARGET_STATE_LABELS: Record<TargetState, Bilingual> = {
  achieved: { vi: "Đạt", en: "Achieved" },
  onTrack: { vi: "Đúng tiến độ", en: "On track" },
  atRisk: { vi: "Có nguy cơ không đạt", en: "At risk" },
  notAchieved: { vi: "Không đạt", en: "Not achieved" },
  noData: { vi: "Chưa có số liệu", en: "No data" },
};

/** A printed state back to its code (for reading files back); undefined for anything else. */
export function targetStateFromLabel(label: string): TargetState | undefined {
  const text = label.trim().toLowerCase();
  for (const [state, l] of Object.entries(TARGET_STATE_LABELS)) if (l.vi.toLowerCase() === text || l.en.toLowerCase() === text) return state as TargetState;
  return undefined;
}

export type EvaluableTarget = RoadmapTarget & {
  direction: Direction;
  unit: string;
  /** "khoảng 30%": achieved within ±`approximateTolerance` (default ±2) of the value. */
  isApproximate?: boolean;
  approximateTolerance?: number | null;
  /** "hoàn thành các mục tiêu của Kế hoạch số …": judged from that plan's progress, else from a yes/no entered. */
  reference?: TargetReference | null;
};

/** The band an approximate target is achieved in ("khoảng 30%" → 28–32), or null for any other target. */
export function approximateBand(target: Pick<EvaluableTarget, "isApproximate" | "approximateTolerance" | "value">): { low: number; high: number; tolerance: number } | null {
  if (!target.isApproximate || target.value === null) return null;
  const tolerance = target.approximateTolerance ?? DEFAULT_APPROXIMATE_TOLERANCE;
  return { low: target.value - tolerance, high: target.value + tolerance, tolerance };
}

export type Verdict = Evaluation & {
  /** The roadmap figure the year was judged against (a milestone, or a point on the straight line), if any. */
  expected: Expectation | null;
  label: Bilingual;
  /** Why, in words, with the figures. */
  reason: Bilingual;
};

/** The expected figure as shown: "47,2%" for a milestone, "47,2% (ước tính theo lộ trình đều)" for a derived one. */
export function formatExpectation(e: Expectation | null | undefined, unit: string, locale: "vi" | "en" = "vi", options: NumberOptions = {}): string {
  if (!e) return "";
  const figure = formatMilestone(e, unit, locale, options);
  return e.source === "linear" ? `${figure} (${LINEAR_ROADMAP_LABEL[locale]})` : figure;
}

function expectationComparator(comparator: Comparator, direction: Direction, e: Expectation): Comparator {
  // A roadmap point is a floor (a ceiling when lower is better); strict bounds keep their strictness.
  if (comparator === "range" && e.valueMax !== null) return "range";
  if (["gte", "gt", "lte", "lt"].includes(comparator)) return comparator;
  return lowerIsBetter(comparator, direction) ? "lte" : "gte";
}

/**
 * Evaluate `target` for `year` against `figure` (the result in the indicator's unit, null when there is none):
 * - achieved: the final bound is met;
 * - notAchieved: the target year has come (or the bound applies every year) and it is not met;
 * - onTrack / atRisk: judged against the roadmap figure of the year (`expectedForYear`: a milestone, else the straight
 *   line from the baseline or the first reported figure to the target); without a roadmap, progress against the share
 *   of the plan period elapsed;
 * - noData: no figure, or a target with nothing to compare with.
 * `firstReported` is the earliest figure of an earlier year (the start of the line when there is no baseline).
 */
export function evaluateTargetForYear(
  target: EvaluableTarget,
  milestones: readonly RoadmapMilestone[],
  figure: number | null,
  year: number,
  period: PlanPeriod,
  options: { firstReported?: RoadmapAnchor | null } = {},
): Verdict {
  const { direction, unit } = target;
  const fig = (x: number, locale: "vi" | "en" = "vi") => formatValue(x, unit, locale);
  const goal = (locale: "vi" | "en" = "vi") => formatTarget(target, unit, locale);
  // The roadmap figure of the year is shown whatever the verdict ("Lộ trình năm N").
  const hasFigure = figure !== null && Number.isFinite(figure);
  const expected = expectedForYear(target, direction, milestones, year, period, { firstReported: options.firstReported, thisYear: hasFigure ? figure : null });
  const verdict = (state: TargetState, reason: Bilingual, rest: Partial<Evaluation> = {}): Verdict => ({
    achieved: rest.achieved ?? null,
    progress: rest.progress ?? null,
    meetsMilestone: rest.meetsMilestone ?? null,
    state,
    expected,
    label: TARGET_STATE_LABELS[state],
    reason,
  });

  if (target.reference) {
    const r = evaluateByReference(target.reference, hasFigure ? figure : null, year, target.targetYear ?? period.end, period.start);
    return verdict(r.state, r.reason, { achieved: r.achieved });
  }
  if (figure === null || !Number.isFinite(figure)) return verdict("noData", { vi: `Chưa có số liệu năm ${year}.`, en: `No figure for ${year}.` });
  // A qualitative target ("đạt" without a figure) on an indicator that is not yes/no has nothing to measure a figure by.
  if (target.comparator === "achieve" && target.value === null && unit !== "boolean")
    return verdict("noData", { vi: "Mục tiêu định tính, không có mức định lượng để so sánh với kết quả.", en: "A qualitative target: no figure to compare the result with." });
  const band = approximateBand(target);
  const inBand = band !== null && figure >= band.low - 1e-9 && figure <= band.high + 1e-9;
  const achieved = inBand || meetsBound(target, direction, figure);
  const progress = progressTowards(target, direction, figure);
  if (inBand) {
    const tol = (locale: "vi" | "en") => (unit === "percent" ? `±${formatNumber(band.tolerance, locale)} ${locale === "vi" ? "điểm phần trăm" : "percentage points"}` : `±${formatValue(band.tolerance, unit, locale)}`);
    return verdict(
      "achieved",
      {
        vi: `Kết quả ${fig(figure)} nằm trong biên độ ${tol("vi")} của mục tiêu ${goal()} (${fig(band.low)}–${fig(band.high)}): đạt.`,
        en: `The result ${fig(figure, "en")} lies within ${tol("en")} of the approximate target ${goal("en")} (${fig(band.low, "en")}–${fig(band.high, "en")}): achieved.`,
      },
      { achieved: true, progress },
    );
  }
  if (achieved === null)
    return verdict("noData", { vi: "Mục tiêu không có mức định lượng để so sánh với kết quả.", en: "The target states no figure to compare the result with." });
  if (achieved)
    return verdict(
      "achieved",
      { vi: `Kết quả ${fig(figure)} đạt mục tiêu ${goal()}.`, en: `The result ${fig(figure, "en")} meets the target ${goal("en")}.` },
      { achieved, progress },
    );
  const deadline = target.appliesEveryYear ? year : target.targetYear;
  if (deadline !== null && year >= deadline)
    return verdict(
      "notAchieved",
      target.appliesEveryYear
        ? { vi: `Mục tiêu áp dụng hằng năm; kết quả ${fig(figure)} chưa đạt ${goal()}.`, en: `The target applies every year; the result ${fig(figure, "en")} misses ${goal("en")}.` }
        : { vi: `Đã đến năm mục tiêu ${deadline}; kết quả ${fig(figure)} chưa đạt ${goal()}.`, en: `The target year ${deadline} has come; the result ${fig(figure, "en")} misses ${goal("en")}.` },
      { achieved, progress },
    );

  if (expected) {
    const meets = meetsBound({ comparator: expectationComparator(target.comparator, direction, expected), value: expected.value, valueMax: expected.valueMax }, direction, figure) ?? false;
    const what = (locale: "vi" | "en") =>
      expected.source === "milestone"
        ? `${locale === "vi" ? "mốc lộ trình" : "the roadmap milestone"} ${year} (${formatExpectation(expected, unit, locale)})`
        : `${locale === "vi" ? "mức lộ trình" : "the roadmap level"} ${year} (${formatExpectation(expected, unit, locale)})`;
    const startsHere = expected.source === "linear" && expected.from?.year === year;
    const reason: Bilingual = startsHere
      ? {
          vi: `Năm ${year} là năm đầu có số liệu (${fig(figure)}), làm mốc xuất phát của lộ trình đều đến mục tiêu ${goal()} năm ${expected.to!.year}.`,
          en: `${year} is the first year with a figure (${fig(figure, "en")}), the start of an even roadmap to the target ${goal("en")} in ${expected.to!.year}.`,
        }
      : meets
        ? { vi: `Kết quả ${fig(figure)} đạt ${what("vi")}; mục tiêu ${goal()}.`, en: `The result ${fig(figure, "en")} meets ${what("en")}; target ${goal("en")}.` }
        : { vi: `Kết quả ${fig(figure)} chưa đạt ${what("vi")}; mục tiêu ${goal()}.`, en: `The result ${fig(figure, "en")} falls short of ${what("en")}; target ${goal("en")}.` };
    return verdict(meets ? "onTrack" : "atRisk", reason, { achieved, progress, meetsMilestone: expected.source === "milestone" ? meets : null });
  }

  const share = expectedProgress(year, period.start, target.targetYear ?? period.end);
  if (share !== null && progress !== null) {
    const onTrack = progress + 1e-9 >= share;
    const p = (x: number, l: "vi" | "en") => formatPercent(x * 100, l, { maxDecimals: 0 });
    return verdict(
      onTrack ? "onTrack" : "atRisk",
      {
        vi: `Chưa có lộ trình: đã đi được ${p(progress, "vi")} chặng đường tới mục tiêu ${goal()}, so với ${p(share, "vi")} thời gian của kế hoạch.`,
        en: `No roadmap: ${p(progress, "en")} of the way to the target ${goal("en")}, against ${p(share, "en")} of the plan period.`,
      },
      { achieved, progress },
    );
  }
  return verdict(
    "atRisk",
    { vi: `Kết quả ${fig(figure)} chưa đạt mục tiêu ${goal()} và chưa có lộ trình để đánh giá tiến độ.`, en: `The result ${fig(figure, "en")} misses the target ${goal("en")} and there is no roadmap to judge progress by.` },
    { achieved, progress },
  );
}
