/**
 * Domain procedures under `progress`: plan progress for a year, the rollup of an indicator to a locality, the
 * cascade of a plan's targets against its parent plan's, and the tasks due in a year. Each checks that the plan,
 * locality or agency it is asked about lies within the user's area (else FORBIDDEN).
 */
import { z } from "zod";
import { and, asc, eq, inArray, not } from "drizzle-orm";
import { consolidateIn, evaluableTarget, firstReportedFigure, roadmapsOf } from "@eduplan/reporting";
import {
  RESOURCES,
  figureAtOrBelowCondition,
  first,
  getRecord,
  indicatorSummary,
  listRecords,
  notFound,
  readMinMax,
  readRollup,
  schema as s,
  type Db,
  type Row,
} from "@eduplan/db";
import {
  YearSchema,
  compareCascade,
  rateOf,
  tasksDueInYear,
  type Aggregation,
  type CascadeTarget,
  type Comparator,
  type Direction,
  type Task,
  type Expectation,
  type LocalityFlag,
  type TargetState,
  type Verdict,
  expectedForYear,
} from "@eduplan/domain";
import type { SessionUser } from "../auth/session.js";
import type { Context } from "../context.js";
import { IdInput } from "../inputs.js";
import { principalOf } from "../scope.js";
import { authedProcedure, router } from "../trpc.js";

type IndicatorRow = typeof s.indicators.$inferSelect;
type TargetRow = typeof s.targets.$inferSelect;

/** A stored record of a resource the user may read, else NOT_FOUND / FORBIDDEN. */
async function readable(ctx: Context & { user: SessionUser }, resource: "plans" | "localities" | "agencies", id: number): Promise<Row> {
  return getRecord(ctx.db, RESOURCES[resource], id, principalOf(ctx.user));
}

export type RollupResult = {
  localityId: number;
  indicatorId: number;
  year: number;
  aggregation: Aggregation;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** How many localities' figures entered the result (those of the shallowest level below that reported). */
  contributors: number;
  /** Depth below the locality of the figures that were combined (1 = children). */
  depth: number | null;
  /** Direct children with no figure of their own nor below them. */
  missing: { id: number; code: string; nameVi: string }[];
};

/** Combine the figures below a locality from the maintained aggregates (ratios: Σ numerators / Σ denominators × scale). */
async function rollupValue(db: Db, localityId: number, indicator: IndicatorRow, year: number): Promise<Omit<RollupResult, "missing" | "localityId" | "indicatorId" | "year">> {
  const aggregation = indicator.aggregation as Aggregation;
  const empty = { aggregation, numerator: null, denominator: null, value: null, contributors: 0, depth: null };
  switch (aggregation) {
    case "ratio": {
      const r = await readRollup(db, localityId, indicator.id, year);
      if (!r) return empty;
      const value = rateOf(r.numeratorSum, r.denominatorSum, indicator.unit);
      return { aggregation, numerator: r.numeratorSum, denominator: r.denominatorSum, value, contributors: r.contributors, depth: r.depth };
    }
    case "sum": {
      const r = await readRollup(db, localityId, indicator.id, year);
      if (!r) return empty;
      return { aggregation, numerator: r.valueSum, denominator: null, value: r.valueSum, contributors: r.contributors, depth: r.depth };
    }
    case "min":
    case "max": {
      const r = await readMinMax(db, localityId, indicator.id, year);
      if (!r) return empty;
      return { aggregation, numerator: null, denominator: null, value: aggregation === "min" ? r.min : r.max, contributors: r.contributors, depth: r.depth };
    }
    case "none":
      return empty;
  }
}

async function missingChildren(db: Db, localityId: number, indicatorId: number, year: number) {
  return db
    .select({ id: s.localities.id, code: s.localities.code, nameVi: s.localities.nameVi })
    .from(s.localities)
    .where(
      and(
        eq(s.localities.parentId, localityId),
        not(figureAtOrBelowCondition(s.localities.id, indicatorId, year)),
      ),
    )
    .orderBy(asc(s.localities.id));
}

async function indicatorsById(db: Db, ids: number[]): Promise<Map<number, IndicatorRow>> {
  if (!ids.length) return new Map();
  return new Map((await db.select().from(s.indicators).where(inArray(s.indicators.id, [...new Set(ids)]))).map((i) => [i.id, i]));
}

const bound = (t: TargetRow) => ({
  comparator: t.comparator as Comparator,
  value: t.value,
  valueMax: t.valueMax,
  baselineValue: t.baselineValue,
});

function cascadeTarget(t: TargetRow, indicator: IndicatorRow): CascadeTarget {
  return {
    id: t.id,
    indicatorCode: indicator.code,
    direction: indicator.direction as Direction,
    ...bound(t),
    targetYear: t.targetYear,
    areaFlag: t.areaFlag,
    // A target "for nursery" on a nursery indicator is not broken down: it pairs with the parent's whole-indicator target.
    breakdownEducationLevelCode: t.breakdownEducationLevelCode === indicator.educationLevelCode ? null : t.breakdownEducationLevelCode,
    parentTargetId: t.parentTargetId,
  };
}

const planSummary = (p: Row) => ({
  id: p.id,
  code: p.code as string,
  number: p.number as string | null,
  titleVi: p.titleVi as string,
  titleEn: (p.titleEn as string | null) ?? null,
  localityId: p.localityId as number,
  periodStart: p.periodStart as number | null,
  periodEnd: p.periodEnd as number | null,
  parentPlanId: p.parentPlanId as number | null,
});


export const progressRouter = router({
  /**
   * Every target of a plan evaluated for a year — the consolidation of the plan's locality (`consolidateIn`: the
   * rollup of its units' approved figures, else its own figure) judged by the one evaluation of the domain
   * (`evaluateTargetForYear`: roadmap milestone, else the straight line, labelled as an estimate). The same verdicts as
   * the consolidation page, the data-entry grid and the printed reports.
   */
  planProgress: authedProcedure.input(z.object({ planId: IdInput, year: YearSchema })).query(async ({ ctx, input }) => {
    const plan = await readable(ctx, "plans", input.planId);
    const targets = new Map((await ctx.db.select().from(s.targets).where(eq(s.targets.planId, plan.id))).map((t) => [t.id, t]));
    const c = await consolidateIn(ctx.db, { localityId: plan.localityId as number, year: input.year, planId: plan.id });
    const counts: Record<TargetState, number> = { achieved: 0, onTrack: 0, atRisk: 0, notAchieved: 0, noData: 0 };
    const rows = c.targets.map((t) => {
      counts[t.evaluation.state]++;
      const a = t.actual;
      return {
        target: targets.get(t.targetId)!,
        indicator: t.indicator,
        milestone: t.milestone,
        actual: { value: a.value, numerator: a.numerator, denominator: a.denominator, source: a.source, contributors: a.contributors },
        evaluation: t.evaluation,
      };
    });
    return { plan: planSummary(plan), year: input.year, targets: rows, summary: counts };
  }),

  /**
   * A target's roadmap, one entry per year of the plan period up to the target year: the milestone an officer (or the
   * plan) set, else the figure on the straight line (`expectedForYear`, labelled "ước tính theo lộ trình đều") — the
   * same figures the evaluation judges each year against.
   */
  roadmap: authedProcedure.input(z.object({ targetId: IdInput })).query(async ({ ctx, input }) => {
    const target = await first(ctx.db.select().from(s.targets).where(eq(s.targets.id, input.targetId)));
    if (!target) throw notFound(RESOURCES.targets.entityVi, input.targetId);
    const plan = await readable(ctx, "plans", target.planId);
    const indicator = (await first(ctx.db.select().from(s.indicators).where(eq(s.indicators.id, target.indicatorId))))!;
    const period = { start: (plan.periodStart as number | null) ?? null, end: (plan.periodEnd as number | null) ?? null };
    const milestones = (await roadmapsOf(ctx.db, [target.id])).get(target.id) ?? [];
    const endYear = target.targetYear ?? period.end;
    const startYear = period.start ?? (milestones[0]?.year ?? endYear);
    const evaluable = evaluableTarget(target, indicator);
    // The first figure ever reported (up to the target year) starts the line when there is no baseline.
    const firstFigure = endYear === null ? null : await firstReportedFigure(ctx.db, plan.localityId as number, indicator, endYear + 1, { areaFlag: (target.areaFlag as LocalityFlag | null) ?? null, periodStart: period.start });
    const years: { year: number; milestone: (typeof milestones)[number] | null; expected: Expectation | null }[] = [];
    if (startYear !== null && endYear !== null)
      for (let year = startYear; year <= endYear && years.length < 60; year++) {
        const milestone = milestones.find((m) => m.year === year) ?? null;
        const known = firstFigure && firstFigure.year < year ? { firstReported: firstFigure } : { thisYear: firstFigure?.year === year ? firstFigure.value : null };
        const expected = expectedForYear(evaluable, evaluable.direction, milestones, year, period, known);
        years.push({ year, milestone, expected });
      }
    return {
      target: { id: target.id, planId: target.planId, comparator: target.comparator, value: target.value, valueMax: target.valueMax, targetYear: target.targetYear, baselineValue: target.baselineValue, baselineYear: target.baselineYear },
      indicator: indicatorSummary(indicator),
      period,
      firstReported: firstFigure,
      years,
    };
  }),

  /** An indicator rolled up to a locality for a year, from the maintained aggregates, with the children missing a figure. */
  rollup: authedProcedure
    .input(z.object({ localityId: IdInput, indicatorId: IdInput, year: YearSchema }))
    .query(async ({ ctx, input }): Promise<RollupResult & { own: { numerator: number | null; denominator: number | null; value: number | null } | null }> => {
      await readable(ctx, "localities", input.localityId);
      const indicator = await first(ctx.db.select().from(s.indicators).where(eq(s.indicators.id, input.indicatorId)));
      if (!indicator) throw notFound(RESOURCES.indicators.entityVi, input.indicatorId);
      const own = await first(
        ctx.db
          .select({ numerator: s.indicatorValues.numerator, denominator: s.indicatorValues.denominator, value: s.indicatorValues.value })
          .from(s.indicatorValues)
          .where(and(eq(s.indicatorValues.localityId, input.localityId), eq(s.indicatorValues.indicatorId, indicator.id), eq(s.indicatorValues.year, input.year))),
      );
      return {
        localityId: input.localityId,
        indicatorId: indicator.id,
        year: input.year,
        ...(await rollupValue(ctx.db, input.localityId, indicator, input.year)),
        missing: await missingChildren(ctx.db, input.localityId, indicator.id, input.year),
        own: own ?? null,
      };
    }),

  /**
   * The plan's targets against its parent plan's (`compareCascade`): stronger, equal, weaker, missing, additional,
   * incomparable. The parent plan's targets are read for the comparison even when the parent lies above the user's
   * area (a commune compares itself with its province).
   */
  cascade: authedProcedure.input(z.object({ planId: IdInput, year: YearSchema.optional() })).query(async ({ ctx, input }) => {
    const plan = await readable(ctx, "plans", input.planId);
    const parentId = plan.parentPlanId as number | null;
    // The parent plan is readable when it lies above the plan (plans are public to the localities below them).
    const parent = parentId === null ? null : await getRecord(ctx.db, RESOURCES.plans, parentId, principalOf(ctx.user));
    const childTargets = await ctx.db.select().from(s.targets).where(eq(s.targets.planId, plan.id));
    const parentTargets = parent ? await ctx.db.select().from(s.targets).where(eq(s.targets.planId, parent.id)) : [];
    const indicators = await indicatorsById(ctx.db, [...childTargets, ...parentTargets].map((t) => t.indicatorId));
    const rows = compareCascade(
      childTargets.map((t) => cascadeTarget(t, indicators.get(t.indicatorId)!)),
      parentTargets.map((t) => cascadeTarget(t, indicators.get(t.indicatorId)!)),
    );
    const summary: Record<string, number> = {};
    for (const r of rows) summary[r.verdict] = (summary[r.verdict] ?? 0) + 1;
    // With a year: how each of the plan's targets stands that year (the one evaluation, as on the dashboard).
    const evaluations: Record<number, Verdict> = {};
    if (input.year !== undefined)
      for (const t of (await consolidateIn(ctx.db, { localityId: plan.localityId as number, year: input.year, planId: plan.id })).targets) evaluations[t.targetId] = t.evaluation;
    return {
      plan: planSummary(plan),
      parentPlan: parent ? planSummary(parent) : null,
      year: input.year ?? null,
      rows,
      evaluations,
      summary,
      indicators: Object.fromEntries([...indicators.values()].map((i) => [i.code, indicatorSummary(i)])),
    };
  }),

  /** Tasks with work due in a year (not completed or cancelled unless asked), within the user's area. */
  tasksDue: authedProcedure
    .input(z.object({ year: YearSchema, agencyId: IdInput.optional(), planId: IdInput.optional(), includeCompleted: z.boolean().optional() }))
    .query(async ({ ctx, input }) => {
      if (input.planId !== undefined) await readable(ctx, "plans", input.planId);
      if (input.agencyId !== undefined) await readable(ctx, "agencies", input.agencyId);
      const filter = input.planId !== undefined ? { planId: input.planId } : {};
      const all: Row[] = [];
      for (let page = 1; ; page++) {
        // Without a plan: the work of the user's own area (the public plans above it are not theirs to do).
        const ownArea = input.planId === undefined;
        const { data, total } = await listRecords(ctx.db, RESOURCES.tasks, { filter, ownArea, sort: { field: "id", order: "ASC" }, pagination: { page, perPage: 5000 } }, principalOf(ctx.user));
        all.push(...data);
        if (all.length >= total || !data.length) break;
      }
      const due = tasksDueInYear(all as unknown as Task[], input.year, { agencyId: input.agencyId, includeCompleted: input.includeCompleted });
      return { data: due as unknown as Row[], total: due.length };
    }),
});
