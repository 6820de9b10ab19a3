/**
 * The data-entry grid of one report (what `reports.forUnit`, `reports.grid` and `reports.saveValues` answer): the
 * unit, its period and plan, one row per indicator of the applicable plan (target, this year's milestone, last
 * year's figure, the report's numerator / denominator / value / comment, the evaluation), and what the user may do
 * with the report (edit, submit, return, approve, reopen) — decided by the domain's `checkTransition`.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  REPORT_ACTIONS,
  TARGET_STATE_LABELS,
  checkTransition,
  isReportEditable,
  isReportLate,
  rateOf,
  type Aggregation,
  type Comparator,
  type Direction,
  type IndicatorUnit,
  type ReportAction,
  type ReportStatus,
  type Verdict,
} from "@eduplan/domain";
import { primaryTargets, roadmapsOf, targetEvaluationInput, templateData, verdictOf, type TargetEvaluationInput } from "@eduplan/reporting";
import type { SessionUser } from "./auth/session.js";
import { mayWrite } from "./policy.js";
import { RESOURCES, first, isWithin, isoToday, notFound, readRecord, schema as s, type Executor, type Row } from "@eduplan/db";

export type GridRow = {
  indicatorId: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  unit: IndicatorUnit;
  aggregation: Aggregation;
  direction: Direction;
  /** What a rate counts and out of what ("Số trẻ em … / Tổng số trẻ em …"). */
  measure: { numeratorVi: string; denominatorVi: string } | null;
  /** The plan's target(s) for the indicator, formatted ("≥ 48,5%"); "" for an indicator outside the plan. */
  targetText: string;
  /** This year's roadmap figure, formatted: a milestone, or "… (ước tính theo lộ trình đều)"; "" when none. */
  milestoneText: string;
  /** Last year's approved figure of the unit, formatted; "" when none. */
  previousText: string;
  /** The primary target of the indicator (the one the row is judged by), or null outside the plan. */
  targetId: number | null;
  /** The first target of the indicator (for evaluating the row live), or null outside the plan. */
  target: { comparator: Comparator; value: number | null; valueMax: number | null; targetYear: number | null; baselineValue: number | null } | null;
  milestone: { value: number; valueMax: number | null } | null;
  /** What the domain's `evaluateTargetForYear` needs besides the figure, so the console judges typed figures live. */
  evaluationInput: TargetEvaluationInput | null;
  previous: { numerator: number | null; denominator: number | null; value: number | null } | null;
  /** The report's figures (null when not entered). `value` of a rate is computed: numerator / denominator × scale. */
  valueId: number | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  commentVi: string | null;
  /** Not in the plan, but the report has a figure for it. */
  extra: boolean;
  /** The one verdict (`evaluateTargetForYear`) on the report's figure. */
  evaluation: Verdict;
};

export type ReportGrid = {
  report: Row;
  unit: { id: number; code: string; nameVi: string; levelCode: string };
  period: { id: number; localityId: number; year: number; deadline: string; isClosed: boolean };
  plan: { id: number; code: string; number: string | null; titleVi: string; titleEn: string | null; periodStart: number | null; periodEnd: number | null } | null;
  year: number;
  deadline: string;
  today: string;
  late: boolean;
  /** May the user change the figures now (a non-viewer in the area, the report a draft or returned, the period open)? */
  canEdit: boolean;
  /** Transitions the user may apply now. */
  actions: Record<ReportAction, boolean>;
  rows: GridRow[];
};

export { isoToday };

/** The displayed figure of a row: a rate from its numerator and denominator, else the value. */
export function rowValue(aggregation: string, unit: string, v: { numerator: number | null; denominator: number | null; value: number | null }): number | null {
  if (aggregation === "ratio") return rateOf(v.numerator, v.denominator, unit);
  return v.value;
}

/** Where the user stands relative to a reporting unit. */
async function placeOf(db: Executor, user: SessionUser, localityId: number) {
  const isOwnUnit = user.localityId === localityId;
  const isAboveUnit = user.localityId !== null && !isOwnUnit && (await isWithin(db, user.localityId, localityId));
  return { isOwnUnit, isAboveUnit };
}

/** The grid of a stored report, as `user` sees it. */
export async function reportGrid(db: Executor, user: SessionUser, reportId: number, today = isoToday()): Promise<ReportGrid> {
  const report = await readRecord(db, RESOURCES.reports, reportId);
  if (!report) throw notFound(RESOURCES.reports.entityVi, reportId);
  const period = (await first(db.select().from(s.reportingPeriods).where(eq(s.reportingPeriods.id, Number(report.periodId)))))!;
  const localityId = Number(report.localityId);
  const data = await templateData(db, { localityId, year: period.year });
  const planRow = data.plan ? (await first(db.select().from(s.plans).where(eq(s.plans.id, data.plan.id))))! : null;

  // The figures of THIS report (templateData reads the unit's own report; an agency's report differs).
  const values = await db.select().from(s.reportValues).where(eq(s.reportValues.reportId, reportId));
  const valueOf = new Map(values.map((v) => [v.indicatorId, v]));
  const rowIds = new Set(data.rows.map((r) => r.indicator.id));
  const extraIds = values.map((v) => v.indicatorId).filter((id) => !rowIds.has(id));
  const extraIndicators = extraIds.length ? await db.select().from(s.indicators).where(inArray(s.indicators.id, extraIds)) : [];
  const indicatorRows = [...data.rows.map((r) => ({ indicator: r.indicator, texts: r })), ...extraIndicators.map((indicator) => ({ indicator, texts: null }))];

  // The primary target of each indicator in the plan (the same one the Excel template shows) and its roadmap.
  const targets = planRow ? await db.select().from(s.targets).where(eq(s.targets.planId, planRow.id)).orderBy(sql`${s.targets.parentTargetId} is not null`, s.targets.id) : [];
  const primary = primaryTargets(targets);
  const roadmaps = await roadmapsOf(db, [...primary.values()].map((t) => t.id));
  const allIds = indicatorRows.map((r) => r.indicator.id);
  const previous = new Map(
    (allIds.length
      ? await db
          .select()
          .from(s.indicatorValues)
          .where(and(eq(s.indicatorValues.localityId, localityId), eq(s.indicatorValues.year, period.year - 1), inArray(s.indicatorValues.indicatorId, allIds)))
      : []
    ).map((v) => [v.indicatorId, v]),
  );

  const rows: GridRow[] = [];
  for (const { indicator, texts } of indicatorRows) {
    const v = valueOf.get(indicator.id);
    const t = primary.get(indicator.id) ?? null;
    const m = t ? (roadmaps.get(t.id)?.find((x) => x.year === period.year) ?? null) : null;
    const prev = previous.get(indicator.id);
    const figures = { numerator: v?.numerator ?? null, denominator: v?.denominator ?? null, value: v?.value ?? null };
    const actual = rowValue(indicator.aggregation, indicator.unit, figures);
    const target = t ? { comparator: t.comparator as Comparator, value: t.value, valueMax: t.valueMax, targetYear: t.targetYear, baselineValue: t.baselineValue } : null;
    const milestone = m ? { value: m.value, valueMax: m.valueMax } : null;
    const evaluationInput = t && planRow ? await targetEvaluationInput(db, { target: t, indicator, localityId, year: period.year, plan: planRow, milestones: roadmaps.get(t.id) }) : null;
    const evaluation: Verdict = evaluationInput
      ? verdictOf(evaluationInput, actual)
      : {
          achieved: null,
          progress: null,
          meetsMilestone: null,
          state: "noData",
          expected: null,
          label: TARGET_STATE_LABELS.noData,
          reason: { vi: "Chỉ tiêu không có trong kế hoạch.", en: "The indicator is not in the plan." },
        };
    const measure = indicator.measure as { numeratorVi?: string; denominatorVi?: string } | null;
    rows.push({
      indicatorId: indicator.id,
      code: indicator.code,
      nameVi: indicator.nameVi,
      nameEn: indicator.nameEn,
      unit: indicator.unit as IndicatorUnit,
      aggregation: indicator.aggregation as Aggregation,
      direction: indicator.direction as Direction,
      measure: measure?.numeratorVi && measure.denominatorVi ? { numeratorVi: measure.numeratorVi, denominatorVi: measure.denominatorVi } : null,
      targetText: texts && !texts.extra ? texts.targetText : "",
      targetId: t?.id ?? null,
      milestoneText: texts?.milestoneText ?? "",
      previousText: texts?.previousText ?? "",
      target,
      milestone,
      evaluationInput,
      previous: prev ? { numerator: prev.numerator, denominator: prev.denominator, value: prev.value } : null,
      valueId: v?.id ?? null,
      ...figures,
      commentVi: v?.commentVi ?? null,
      extra: !t,
      evaluation,
    });
  }

  const status = report.status as ReportStatus;
  const place = await placeOf(db, user, localityId);
  const actions = Object.fromEntries(
    REPORT_ACTIONS.map((a) => [a, mayWrite(user, "reports") && checkTransition(status, a, { role: user.role, ...place }, "reason").ok]),
  ) as Record<ReportAction, boolean>;
  const unit = (await first(db.select().from(s.localities).where(eq(s.localities.id, localityId))))!;
  return {
    report,
    unit: { id: unit.id, code: unit.code, nameVi: unit.nameVi, levelCode: unit.levelCode },
    period: { id: period.id, localityId: period.localityId, year: period.year, deadline: period.deadline, isClosed: period.isClosed },
    plan: planRow ? { id: planRow.id, code: planRow.code, number: planRow.number, titleVi: planRow.titleVi, titleEn: planRow.titleEn, periodStart: planRow.periodStart, periodEnd: planRow.periodEnd } : null,
    year: period.year,
    deadline: period.deadline,
    today,
    late: isReportLate({ status, submittedAt: (report.submittedAt as string | null) ?? null }, period.deadline, today),
    canEdit: mayWrite(user, "reportValues") && isReportEditable(status) && !period.isClosed,
    actions,
    rows,
  };
}
