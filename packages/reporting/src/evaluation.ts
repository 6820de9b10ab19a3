import { eq, first, inArray, schema as s, yearsWithFiguresAtOrBelow } from "@eduplan/db";
import {
  evaluateTargetForYear,
  type Comparator,
  type Direction,
  type EvaluableTarget,
  type LocalityFlag,
  type PlanPeriod,
  type RoadmapAnchor,
  type RoadmapMilestone,
  type TargetReference,
  type Verdict,
} from "@eduplan/domain";
import { consolidatedActual } from "./actual.js";
import { indicatorsById, planTargets, type Executor, type IndicatorRow, type MilestoneRow, type TargetRow } from "./lookup.js";

/*
 * What the evaluation of a stored target needs from the database — its milestones of every year (the roadmap), and
 * the first figure reported before the year (the start of the straight line when there is no baseline) — and the
 * call to the domain's `evaluateTargetForYear`. Consolidation (hence the dashboard, the DOCX and the XLSX) and the
 * data-entry grid evaluate through here.
 */

/** Every milestone of a set of targets, by target id, oldest first. */
export async function roadmapsOf(db: Executor, targetIds: number[]): Promise<Map<number, MilestoneRow[]>> {
  const out = new Map<number, MilestoneRow[]>();
  if (!targetIds.length) return out;
  const rows = await db.select().from(s.milestones).where(inArray(s.milestones.targetId, targetIds)).orderBy(s.milestones.year);
  for (const m of rows) {
    const list = out.get(m.targetId) ?? [];
    list.push(m);
    out.set(m.targetId, list);
  }
  return out;
}

/**
 * The earliest consolidated figure of an indicator for a locality before `year` (not before the year preceding the
 * plan period, when it is known), or null.
 */
export async function firstReportedFigure(
  db: Executor,
  localityId: number,
  indicator: { id: number; unit: string; aggregation: string },
  year: number,
  options: { areaFlag?: LocalityFlag | null; periodStart?: number | null } = {},
): Promise<RoadmapAnchor | null> {
  const from = options.periodStart != null ? options.periodStart - 1 : -Infinity;
  const years = (await yearsWithFiguresAtOrBelow(db, localityId, indicator.id, year)).filter((y) => y >= from);
  for (const y of years) {
    const a = await consolidatedActual(db, localityId, indicator, y, options.areaFlag ?? null);
    if (a.value !== null) return { year: y, value: a.value };
  }
  return null;
}

export function evaluableTarget(t: TargetRow, indicator: IndicatorRow): EvaluableTarget {
  return {
    comparator: t.comparator as Comparator,
    value: t.value,
    valueMax: t.valueMax,
    baselineValue: t.baselineValue,
    baselineYear: t.baselineYear,
    targetYear: t.targetYear,
    appliesEveryYear: t.appliesEveryYear,
    // "khoảng 30%": achieved within its band (verdict.ts).
    isApproximate: t.isApproximate,
    approximateTolerance: t.approximateTolerance,
    direction: indicator.direction as Direction,
    unit: indicator.unit,
  };
}

export const roadmapMilestones = (ms: MilestoneRow[] | undefined): RoadmapMilestone[] => (ms ?? []).map((m) => ({ year: m.year, value: m.value, valueMax: m.valueMax }));

export type TargetEvaluationInput = {
  target: EvaluableTarget;
  milestones: RoadmapMilestone[];
  year: number;
  period: PlanPeriod;
  firstReported: RoadmapAnchor | null;
};

/** Everything `evaluateTargetForYear` needs for a stored target but the figure (the grid evaluates live figures with it). */
export async function targetEvaluationInput(
  db: Executor,
  args: { target: TargetRow; indicator: IndicatorRow; localityId: number; year: number; plan: { periodStart: number | null; periodEnd: number | null }; milestones?: MilestoneRow[]; referenceChain?: readonly number[] },
): Promise<TargetEvaluationInput> {
  const { target, indicator, localityId, year, plan } = args;
  const milestones = args.milestones ?? (await roadmapsOf(db, [target.id])).get(target.id);
  return {
    target: { ...evaluableTarget(target, indicator), reference: await targetReference(db, target, year, args.referenceChain) },
    milestones: roadmapMilestones(milestones),
    year,
    period: { start: plan.periodStart, end: plan.periodEnd },
    firstReported: await firstReportedFigure(db, localityId, indicator, year, { areaFlag: (target.areaFlag as LocalityFlag | null) ?? null, periodStart: plan.periodStart }),
  };
}

/** The verdict on a figure, from a prepared input. */
export function verdictOf(input: TargetEvaluationInput, figure: number | null): Verdict {
  return evaluateTargetForYear(input.target, input.milestones, figure, input.year, input.period, { firstReported: input.firstReported });
}

/**
 * The target a one-row-per-indicator view (the data-entry grid, the Excel template) judges an indicator by: the first
 * top-level target for the whole area, else the first for the whole area, else the first (in document order).
 */
export function primaryTargets(targets: TargetRow[]): Map<number, TargetRow> {
  const rank = (t: TargetRow) => (t.areaFlag === null ? 0 : 2) + (t.parentTargetId === null ? 0 : 1);
  const out = new Map<number, TargetRow>();
  for (const t of targets) {
    const current = out.get(t.indicatorId);
    if (!current || rank(t) < rank(current)) out.set(t.indicatorId, t);
  }
  return out;
}

/**
 * What a target by reference ("hoàn thành các mục tiêu của Kế hoạch số …") is judged from: the verdicts for the year of
 * the referenced plan's own targets, each evaluated as its plan's dashboard does (its locality's consolidated figure,
 * this same evaluation), when the plan is in the system; else the document as cited (the entered yes/no decides);
 * null for any other target. `chain`: the plans already being judged, so plans that refer to each other end (a plan
 * met again counts with no judged target).
 */
export async function targetReference(db: Executor, target: Pick<TargetRow, "planId" | "referencePlanId" | "referenceCitedVi">, year: number, chain: readonly number[] = []): Promise<TargetReference | null> {
  if (target.referencePlanId == null) return target.referenceCitedVi ? { kind: "cited", citedVi: target.referenceCitedVi } : null;
  const plan = await first(db.select().from(s.plans).where(eq(s.plans.id, target.referencePlanId)));
  if (!plan) return target.referenceCitedVi ? { kind: "cited", citedVi: target.referenceCitedVi } : null;
  const seen = [...chain, target.planId];
  if (seen.includes(plan.id)) return { kind: "plan", number: plan.number, states: [] };
  const rows = await planTargets(db, plan.id);
  const indicators = await indicatorsById(db, [...new Set(rows.map((r) => r.indicatorId))]);
  const roadmaps = await roadmapsOf(db, rows.map((r) => r.id));
  const states: Verdict["state"][] = [];
  for (const t of rows) {
    const ind = indicators.get(t.indicatorId)!;
    const actual = await consolidatedActual(db, plan.localityId, ind, year, (t.areaFlag as LocalityFlag | null) ?? null);
    const input = await targetEvaluationInput(db, { target: t, indicator: ind, localityId: plan.localityId, year, plan, milestones: roadmaps.get(t.id), referenceChain: seen });
    states.push(verdictOf(input, actual.value).state);
  }
  return { kind: "plan", number: plan.number, states };
}
