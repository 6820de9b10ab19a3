import { and, eq, indicatorSummary, inArray, readMinMax, readRollup, schema as s, sql, type Db } from "@eduplan/db";
import {
  compareVietnamese,
  evaluateTarget,
  expectedProgress,
  isReportLate,
  ratioScale,
  type Aggregation,
  type Comparator,
  type Direction,
  type Evaluation,
  type IndicatorUnit,
  type LocalityFlag,
  type ReportStatus,
} from "@eduplan/domain";
import {
  communeUnits,
  deadlineFor,
  getLocality,
  indicatorsById,
  isoToday,
  milestonesOf,
  ownPlan,
  planTargets,
  type Executor,
  type PlanRow,
} from "./lookup.js";

export type ConsolidateOptions = {
  localityId: number;
  year: number;
  /** ISO date used to decide lateness (defaults to today); pass it for reproducible results. */
  today?: string;
};

export type PlanSummary = {
  id: number;
  code: string;
  number: string | null;
  titleVi: string;
  issuedOn: string | null;
  issuingBodyVi: string | null;
  issuingAgencyId: number | null;
  periodStart: number | null;
  periodEnd: number | null;
};

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
  evaluation: Evaluation;
  /** The share of the plan period elapsed, used when there is no milestone. */
  expectedProgress: number | null;
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

const FLAG_COLUMNS: Record<LocalityFlag, string> = {
  isExtremelyDifficultArea: "is_extremely_difficult_area",
  isBorderArea: "is_border_area",
  isEthnicMinorityArea: "is_ethnic_minority_area",
  isMountainous: "is_mountainous",
};

export function planSummary(plan: PlanRow): PlanSummary {
  return {
    id: plan.id,
    code: plan.code,
    number: plan.number,
    titleVi: plan.titleVi,
    issuedOn: plan.issuedOn,
    issuingBodyVi: plan.issuingBodyVi,
    issuingAgencyId: plan.issuingAgencyId,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
  };
}

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
  const scale = ratioScale(indicator.unit as IndicatorUnit);
  if (areaFlag) {
    const row = readFlaggedRollup(db, localityId, indicator.id, year, areaFlag);
    if (!row) return EMPTY_ACTUAL;
    const base = { ...EMPTY_ACTUAL, contributors: row.n, depth: row.depth, source: "rollup" as const };
    if (aggregation === "ratio") return { ...base, numerator: row.num, denominator: row.den, value: row.ratios && row.den > 0 ? (row.num / row.den) * scale : null, contributors: row.ratios };
    if (aggregation === "sum") return { ...base, value: row.val };
    if (aggregation === "min" || aggregation === "max") return { ...base, min: row.mn, max: row.mx, value: aggregation === "min" ? row.mn : row.mx };
    return EMPTY_ACTUAL;
  }
  if (aggregation === "ratio" || aggregation === "sum") {
    const sums = readRollup(db, localityId, indicator.id, year);
    if (sums) {
      if (aggregation === "sum") return { ...EMPTY_ACTUAL, value: sums.valueSum, contributors: sums.contributors, depth: sums.depth, source: "rollup" };
      // Rates are Σ numerators / Σ denominators, never an average of rates.
      const value = sums.denominatorSum > 0 ? (sums.numeratorSum / sums.denominatorSum) * scale : null;
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

/** Every reporting unit below (and including) a locality for a year, with its report status. */
export function reportingUnits(db: Executor, localityId: number, year: number, today: string): ReportingUnit[] {
  const deadline = deadlineFor(db, localityId, year);
  const localities = communeUnits(db, localityId, year);
  const reports = db
    .select({ report: s.reports, period: s.reportingPeriods })
    .from(s.reports)
    .innerJoin(s.reportingPeriods, eq(s.reportingPeriods.id, s.reports.periodId))
    .where(and(eq(s.reportingPeriods.year, year), sql`${s.reports.localityId} in (select descendant_id from locality_closure where ancestor_id = ${localityId})`))
    .orderBy(s.reports.id)
    .all();
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
    localityIds.length
      ? db
          .select()
          .from(s.localities)
          .where(inArray(s.localities.id, localityIds))
          .all()
          .map((l) => [l.id, l])
      : [],
  );
  const agencyRows = new Map(
    agencyIds.length
      ? db
          .select()
          .from(s.agencies)
          .where(inArray(s.agencies.id, agencyIds))
          .all()
          .map((a) => [a.id, a])
      : [],
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

/** Consolidate synchronously (inside a caller's transaction or read). */
export function consolidateSync(db: Executor, options: ConsolidateOptions): Consolidation {
  const { localityId, year } = options;
  const today = options.today ?? isoToday();
  const locality = getLocality(db, localityId);
  const plan = ownPlan(db, localityId);
  const targets: ConsolidatedTarget[] = [];
  if (plan) {
    const rows = planTargets(db, plan.id);
    const indicators = indicatorsById(db, [...new Set(rows.map((r) => r.indicatorId))]);
    const milestones = milestonesOf(db, rows.map((r) => r.id), year);
    const actualCache = new Map<string, ConsolidatedActual>();
    for (const t of rows) {
      const ind = indicators.get(t.indicatorId)!;
      const areaFlag = (t.areaFlag as LocalityFlag | null) ?? null;
      const cacheKey = `${ind.id}|${areaFlag ?? ""}`;
      const actual = actualCache.get(cacheKey) ?? consolidatedActual(db, localityId, ind, year, areaFlag);
      actualCache.set(cacheKey, actual);
      const m = milestones.get(t.id);
      const milestone = m ? { year: m.year, value: m.value, valueMax: m.valueMax } : null;
      const expected = milestone ? null : expectedProgress(year, plan.periodStart, t.targetYear);
      const evaluation = evaluateTarget(
        { comparator: t.comparator as Comparator, value: t.value, valueMax: t.valueMax, baselineValue: t.baselineValue, targetYear: t.targetYear },
        ind.direction as Direction,
        actual.value,
        { year, milestone, expectedProgress: expected },
      );
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
        expectedProgress: expected,
        atRisk: evaluation.state === "atRisk" || evaluation.state === "notAchieved",
      });
    }
  }
  const units = reportingUnits(db, localityId, year, today);
  const targetSummary: TargetSummary = { total: targets.length, achieved: 0, onTrack: 0, atRisk: 0, notAchieved: 0, noData: 0 };
  for (const t of targets) targetSummary[t.evaluation.state]++;
  return {
    locality: { id: locality.id, code: locality.code, nameVi: locality.nameVi, levelCode: locality.levelCode },
    year,
    today,
    plan: plan ? planSummary(plan) : null,
    deadline: deadlineFor(db, localityId, year),
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
  return db.transaction((tx) => consolidateSync(tx, options), { behavior: "deferred" });
}
