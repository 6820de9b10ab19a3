/**
 * The dashboard of a whole area: every child locality (the provinces of the nation, the communes of a province) × every
 * indicator of the plan, for a year, read from the aggregates kept on write (two indexed queries, whatever the number
 * of figures below) and judged by the one evaluation (`verdictOf` → the domain's `evaluateTargetForYear`).
 */
import { eq, first, readChildFigures, schema as s, type ChildFigure } from "@eduplan/db";
import { applicablePlan } from "@eduplan/cycle";
import { rateOf, vietnameseSortKey, type RoadmapAnchor, type TargetState, type Verdict } from "@eduplan/domain";
import { evaluableTarget, primaryTargets, roadmapMilestones, roadmapsOf, targetReference, verdictOf } from "./evaluation.js";
import { getLocality, indicatorsById, planTargets, type Executor, type IndicatorRow } from "./lookup.js";

export type AreaDashboardCell = {
  childId: number;
  indicatorId: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  contributors: number;
  evaluation: Verdict;
};

export type AreaDashboard = {
  locality: { id: number; code: string; nameVi: string; levelCode: string };
  year: number;
  plan: { id: number; code: string; number: string | null; titleVi: string; titleEn: string | null } | null;
  indicators: { id: number; code: string; nameVi: string; nameEn: string; unit: string; aggregation: string; targetId: number }[];
  children: { id: number; code: string; nameVi: string; levelCode: string }[];
  cells: AreaDashboardCell[];
  /** Per indicator, how many children stand in each state. */
  summary: Record<number, Record<TargetState, number>>;
};

const emptyCounts = (): Record<TargetState, number> => ({ achieved: 0, onTrack: 0, atRisk: 0, notAchieved: 0, noData: 0 });

/** The figure of a child in the indicator's unit: a rate from the summed numerators and denominators, else the sum. */
function figureValue(f: ChildFigure | undefined, indicator: IndicatorRow): number | null {
  if (!f) return null;
  if (indicator.aggregation === "ratio") return rateOf(f.numerator, f.denominator, indicator.unit);
  if (indicator.aggregation === "sum") return f.value;
  // min / max / none: only a child's own figure says anything without a live read.
  return f.source === "own" ? f.value : null;
}

export async function areaDashboard(db: Executor, options: { localityId: number; year: number; planId?: number | null }): Promise<AreaDashboard> {
  const locality = await getLocality(db, options.localityId);
  const plan = options.planId != null ? ((await first(db.select().from(s.plans).where(eq(s.plans.id, options.planId)))) ?? null) : await applicablePlan(db, locality.id);
  const targets = plan ? [...primaryTargets(await planTargets(db, plan.id)).values()] : [];
  const indicators = await indicatorsById(db, targets.map((t) => t.indicatorId));
  const roadmaps = await roadmapsOf(db, targets.map((t) => t.id));
  const children = (
    await db
      .select({ id: s.localities.id, code: s.localities.code, nameVi: s.localities.nameVi, levelCode: s.localities.levelCode })
      .from(s.localities)
      .where(eq(s.localities.parentId, locality.id))
  ).sort((a, b) => vietnameseSortKey(a.nameVi).localeCompare(vietnameseSortKey(b.nameVi)));
  const figures = await readChildFigures(db, locality.id, [...indicators.keys()], options.year);
  const byKey = new Map(figures.map((f) => [`${f.childId}|${f.indicatorId}|${f.year}`, f]));
  const yearsOf = new Map<string, number[]>();
  for (const f of figures) {
    const key = `${f.childId}|${f.indicatorId}`;
    yearsOf.set(key, [...(yearsOf.get(key) ?? []), f.year]);
  }
  const period = { start: plan?.periodStart ?? null, end: plan?.periodEnd ?? null };
  const cells: AreaDashboardCell[] = [];
  const summary: Record<number, Record<TargetState, number>> = {};
  for (const t of targets) {
    const indicator = indicators.get(t.indicatorId)!;
    // A target by reference is judged from its referenced plan (the same for every child), as the plan's own dashboard does.
    const target = { ...evaluableTarget(t, indicator), reference: await targetReference(db, t, options.year) };
    const milestones = roadmapMilestones(roadmaps.get(t.id));
    const counts = (summary[indicator.id] = emptyCounts());
    for (const child of children) {
      const f = byKey.get(`${child.id}|${indicator.id}|${options.year}`);
      const value = figureValue(f, indicator);
      // The first figure reported before the year (not before the year preceding the plan period) starts the line.
      const from = period.start !== null ? period.start - 1 : -Infinity;
      let firstReported: RoadmapAnchor | null = null;
      for (const y of (yearsOf.get(`${child.id}|${indicator.id}`) ?? []).filter((y) => y < options.year && y >= from).sort((a, b) => a - b)) {
        const v = figureValue(byKey.get(`${child.id}|${indicator.id}|${y}`), indicator);
        if (v !== null) {
          firstReported = { year: y, value: v };
          break;
        }
      }
      const evaluation = verdictOf({ target, milestones, year: options.year, period, firstReported }, value);
      counts[evaluation.state]++;
      cells.push({
        childId: child.id,
        indicatorId: indicator.id,
        value,
        numerator: indicator.aggregation === "ratio" && f ? f.numerator : null,
        denominator: indicator.aggregation === "ratio" && f ? f.denominator : null,
        contributors: f?.contributors ?? 0,
        evaluation,
      });
    }
  }
  return {
    locality: { id: locality.id, code: locality.code, nameVi: locality.nameVi, levelCode: locality.levelCode },
    year: options.year,
    plan: plan ? { id: plan.id, code: plan.code, number: plan.number, titleVi: plan.titleVi, titleEn: plan.titleEn ?? null } : null,
    indicators: targets.map((t) => {
      const i = indicators.get(t.indicatorId)!;
      return { id: i.id, code: i.code, nameVi: i.nameVi, nameEn: i.nameEn, unit: i.unit, aggregation: i.aggregation, targetId: t.id };
    }),
    children,
    cells,
    summary,
  };
}


