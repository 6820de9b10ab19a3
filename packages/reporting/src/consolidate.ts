import { and, eq, EduplanError, first, indicatorSummary, inArray, schema as s, transaction, withinCondition, type Db } from "@eduplan/db";
import {
  compareVietnamese,
  isReportLate,
  type Aggregation,
  type Comparator,
  type Direction,
  type IndicatorUnit,
  type LocalityFlag,
  type ReportStatus,
  type Verdict,
} from "@eduplan/domain";
import { consolidatedActual, type ConsolidatedActual } from "./actual.js";
import { roadmapsOf, targetEvaluationInput, verdictOf } from "./evaluation.js";
import {
  communeUnits,
  deadlineFor,
  getLocality,
  indicatorsById,
  isoToday,
  ownPlan,
  planTargets,
  type Executor,
  type PlanRow,
} from "./lookup.js";

export { consolidatedActual, type ConsolidatedActual };

export type ConsolidateOptions = {
  localityId: number;
  year: number;
  /** ISO date used to decide lateness (defaults to today); pass it for reproducible results. */
  today?: string;
  /** Consolidate against this plan of the locality instead of its newest one (the dashboard of a chosen plan). */
  planId?: number;
};

export type PlanSummary = {
  id: number;
  code: string;
  number: string | null;
  titleVi: string;
  titleEn: string | null;
  issuedOn: string | null;
  issuingBodyVi: string | null;
  issuingAgencyId: number | null;
  periodStart: number | null;
  periodEnd: number | null;
};

export type ConsolidatedTarget = {
  targetId: number;
  targetCode: string;
  parentTargetId: number | null;
  section: string | null;
  phraseVi: string | null;
  indicator: {
    id: number;
    code: string;
    nameVi: string;
    nameEn: string;
    unit: IndicatorUnit;
    direction: Direction;
    aggregation: Aggregation;
  };
  target: {
    comparator: Comparator;
    value: number | null;
    valueMax: number | null;
    targetYear: number | null;
    baselineValue: number | null;
    areaFlag: LocalityFlag | null;
    isAspirational: boolean;
    conditionVi: string | null;
  };
  /** This year's roadmap milestone ("lộ trình năm N"), if the plan sets one. */
  milestone: { year: number; value: number; valueMax: number | null } | null;
  actual: ConsolidatedActual;
  /** The one verdict (`evaluateTargetForYear`): state, reason in words, the roadmap figure judged against. */
  evaluation: Verdict;
  /** Needs attention: behind the roadmap (atRisk) or missed at/after its target year (notAchieved). */
  atRisk: boolean;
};

export type UnitStatus = ReportStatus | "missing";

export type ReportingUnit = {
  localityId: number;
  localityCode: string;
  localityNameVi: string;
  levelCode: string;
  /** Set when the unit is an agency reporting on its own account. */
  agencyId: number | null;
  agencyNameVi: string | null;
  reportId: number | null;
  status: UnitStatus;
  returnReason: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  deadline: string;
  late: boolean;
};

export type ConsolidationSummary = {
  units: number;
  approved: number;
  submitted: number;
  returned: number;
  draft: number;
  missing: number;
  late: number;
};

export type TargetSummary = { total: number; achieved: number; onTrack: number; atRisk: number; notAchieved: number; noData: number };

export type Consolidation = {
  locality: { id: number; code: string; nameVi: string; levelCode: string };
  year: number;
  today: string;
  /** The locality's own plan (the newest if several); null when it has none (then `targets` is empty). */
  plan: PlanSummary | null;
  /** The reporting deadline of the year for this locality's units. */
  deadline: string;
  targets: ConsolidatedTarget[];
  units: ReportingUnit[];
  summary: ConsolidationSummary;
  targetSummary: TargetSummary;
};

export function planSummary(plan: PlanRow): PlanSummary {
  return {
    id: plan.id,
    code: plan.code,
    number: plan.number,
    titleVi: plan.titleVi,
    titleEn: plan.titleEn,
    issuedOn: plan.issuedOn,
    issuingBodyVi: plan.issuingBodyVi,
    issuingAgencyId: plan.issuingAgencyId,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
  };
}

/** Every reporting unit below (and including) a locality for a year, with its report status. */
export async function reportingUnits(db: Executor, localityId: number, year: number, today: string): Promise<ReportingUnit[]> {
  const deadline = await deadlineFor(db, localityId, year);
  const localities = await communeUnits(db, localityId, year);
  const reports = await db
    .select({ report: s.reports, period: s.reportingPeriods })
    .from(s.reports)
    .innerJoin(s.reportingPeriods, eq(s.reportingPeriods.id, s.reports.periodId))
    .where(and(eq(s.reportingPeriods.year, year), withinCondition(s.reports.localityId, localityId)))
    .orderBy(s.reports.id);
  const key = (loc: number, agency: number | null) => `${loc}|${agency ?? ""}`;
  const byUnit = new Map<string, (typeof reports)[number]>();
  for (const r of reports) byUnit.set(key(r.report.localityId, r.report.agencyId), r);

  const unitKeys = new Map<string, { localityId: number; agencyId: number | null }>();
  for (const l of localities) unitKeys.set(key(l.id, null), { localityId: l.id, agencyId: null });
  // Agencies (and schools) that report are units too, once they have a report.
  for (const r of reports) unitKeys.set(key(r.report.localityId, r.report.agencyId), { localityId: r.report.localityId, agencyId: r.report.agencyId });

  const localityIds = [...new Set([...unitKeys.values()].map((u) => u.localityId))];
  const agencyIds = [...new Set([...unitKeys.values()].map((u) => u.agencyId).filter((a): a is number => a !== null))];
  const localityRows = new Map(
    localityIds.length ? (await db.select().from(s.localities).where(inArray(s.localities.id, localityIds))).map((l) => [l.id, l]) : [],
  );
  const agencyRows = new Map(
    agencyIds.length ? (await db.select().from(s.agencies).where(inArray(s.agencies.id, agencyIds))).map((a) => [a.id, a]) : [],
  );

  const units: ReportingUnit[] = [];
  for (const [k, u] of unitKeys) {
    const loc = localityRows.get(u.localityId)!;
    const found = byUnit.get(k);
    const unitDeadline = found?.period.deadline ?? deadline;
    const status: UnitStatus = found ? (found.report.status as ReportStatus) : "missing";
    const late = found
      ? isReportLate({ status: found.report.status as ReportStatus, submittedAt: found.report.submittedAt }, unitDeadline, today)
      : isReportLate({ status: "draft", submittedAt: null }, unitDeadline, today);
    units.push({
      localityId: u.localityId,
      localityCode: loc.code,
      localityNameVi: loc.nameVi,
      levelCode: loc.levelCode,
      agencyId: u.agencyId,
      agencyNameVi: u.agencyId !== null ? (agencyRows.get(u.agencyId)?.nameVi ?? null) : null,
      reportId: found?.report.id ?? null,
      status,
      returnReason: found?.report.returnReason ?? null,
      submittedAt: found?.report.submittedAt ?? null,
      decidedAt: found?.report.decidedAt ?? null,
      deadline: unitDeadline,
      late,
    });
  }
  // Localities first (by Vietnamese name), then agencies.
  units.sort(
    (a, b) =>
      Number(a.agencyId !== null) - Number(b.agencyId !== null) ||
      compareVietnamese(a.agencyNameVi ?? a.localityNameVi, b.agencyNameVi ?? b.localityNameVi) ||
      a.localityId - b.localityId,
  );
  return units;
}

export function summarise(units: ReportingUnit[]): ConsolidationSummary {
  const summary: ConsolidationSummary = { units: units.length, approved: 0, submitted: 0, returned: 0, draft: 0, missing: 0, late: 0 };
  for (const u of units) {
    summary[u.status]++;
    if (u.late) summary.late++;
  }
  return summary;
}

async function planById(db: Executor, planId: number, localityId: number): Promise<PlanRow> {
  const plan = await first(db.select().from(s.plans).where(eq(s.plans.id, planId)));
  if (!plan || plan.localityId !== localityId)
    throw new EduplanError("notFound", { vi: `Không tìm thấy kế hoạch #${planId} của địa phương này`, en: `plan #${planId} of this locality not found` });
  return plan;
}

/** Consolidate inside a caller's transaction or read. */
export async function consolidateIn(db: Executor, options: ConsolidateOptions): Promise<Consolidation> {
  const { localityId, year } = options;
  const today = options.today ?? isoToday();
  const locality = await getLocality(db, localityId);
  const plan = options.planId !== undefined ? await planById(db, options.planId, localityId) : await ownPlan(db, localityId);
  const targets: ConsolidatedTarget[] = [];
  if (plan) {
    const rows = await planTargets(db, plan.id);
    const indicators = await indicatorsById(db, [...new Set(rows.map((r) => r.indicatorId))]);
    const roadmaps = await roadmapsOf(db, rows.map((r) => r.id));
    const actualCache = new Map<string, ConsolidatedActual>();
    for (const t of rows) {
      const ind = indicators.get(t.indicatorId)!;
      const areaFlag = (t.areaFlag as LocalityFlag | null) ?? null;
      const cacheKey = `${ind.id}|${areaFlag ?? ""}`;
      const actual = actualCache.get(cacheKey) ?? (await consolidatedActual(db, localityId, ind, year, areaFlag));
      actualCache.set(cacheKey, actual);
      const m = roadmaps.get(t.id)?.find((x) => x.year === year);
      const milestone = m ? { year: m.year, value: m.value, valueMax: m.valueMax } : null;
      const evaluation = verdictOf(await targetEvaluationInput(db, { target: t, indicator: ind, localityId, year, plan, milestones: roadmaps.get(t.id) }), actual.value);
      targets.push({
        targetId: t.id,
        targetCode: t.code,
        parentTargetId: t.parentTargetId,
        section: t.section,
        phraseVi: t.phraseVi,
        indicator: indicatorSummary(ind),
        target: {
          comparator: t.comparator as Comparator,
          value: t.value,
          valueMax: t.valueMax,
          targetYear: t.targetYear,
          baselineValue: t.baselineValue,
          areaFlag,
          isAspirational: t.isAspirational,
          conditionVi: t.conditionVi,
        },
        milestone,
        actual,
        evaluation,
        atRisk: evaluation.state === "atRisk" || evaluation.state === "notAchieved",
      });
    }
  }
  const units = await reportingUnits(db, localityId, year, today);
  const targetSummary: TargetSummary = { total: targets.length, achieved: 0, onTrack: 0, atRisk: 0, notAchieved: 0, noData: 0 };
  for (const t of targets) targetSummary[t.evaluation.state]++;
  return {
    locality: { id: locality.id, code: locality.code, nameVi: locality.nameVi, levelCode: locality.levelCode },
    year,
    today,
    plan: plan ? planSummary(plan) : null,
    deadline: await deadlineFor(db, localityId, year),
    targets,
    units,
    summary: summarise(units),
    targetSummary,
  };
}

/**
 * Consolidate a locality's year: each target of its plan with the live rollup of its units' approved figures,
 * this year's milestone and an evaluation; and each reporting unit with its report status. Read-only, one snapshot.
 */
export async function consolidate(db: Db, options: ConsolidateOptions): Promise<Consolidation> {
  return transaction(db, (tx) => consolidateIn(tx, options), { behavior: "deferred" });
}
