/**
 * The data-entry grid of one report (what `reports.forUnit`, `reports.grid` and `reports.saveValues` answer): the
 * unit, its period and plan, one row per indicator of the applicable plan (target, this year's milestone, last
 * year's figure, the report's numerator / denominator / value / comment, the evaluation), and what the user may do
 * with the report (edit, submit, return, approve, reopen) — decided by the domain's `checkTransition`.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { CrudRepository, EduplanError, RESOURCES, fieldError, notFound, schema as s, validation, type Actor, type Db, type Row, type Tx } from "@eduplan/db";
import {
  REPORT_ACTIONS,
  TARGET_STATE_LABELS,
  checkTransition,
  indicatorValueIssues,
  isReportEditable,
  isReportLate,
  periodDeadline,
  ratioScale,
  type Aggregation,
  type Comparator,
  type Direction,
  type FieldError,
  type IndicatorUnit,
  type ReportAction,
  type ReportStatus,
  type Verdict,
} from "@eduplan/domain";
import { primaryTargets, roadmapsOf, targetEvaluationInput, templateData, verdictOf, type TargetEvaluationInput } from "@eduplan/reporting";
import type { SessionUser } from "./auth/session.js";
import { mayWrite } from "./policy.js";
import { isWithin } from "./scope.js";

type Executor = Db | Tx;

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
  plan: { id: number; code: string; number: string | null; titleVi: string; periodStart: number | null; periodEnd: number | null } | null;
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

export function isoToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The displayed figure of a row: a rate from its numerator and denominator, else the value. */
export function rowValue(aggregation: string, unit: string, v: { numerator: number | null; denominator: number | null; value: number | null }): number | null {
  if (aggregation === "ratio") return v.numerator !== null && v.denominator !== null && v.denominator > 0 ? (v.numerator / v.denominator) * ratioScale(unit as IndicatorUnit) : null;
  return v.value;
}

/** Where the user stands relative to a reporting unit. */
function placeOf(db: Executor, user: SessionUser, localityId: number) {
  const isOwnUnit = user.localityId === localityId;
  const isAboveUnit = user.localityId !== null && !isOwnUnit && isWithin(db, user.localityId, localityId);
  return { isOwnUnit, isAboveUnit };
}

/** The grid of a stored report, as `user` sees it. */
export function reportGrid(db: Executor, user: SessionUser, reportId: number, today = isoToday()): ReportGrid {
  const report = new CrudRepository(db as Db, RESOURCES.reports).readInTx(db as Tx, reportId);
  if (!report) throw notFound(RESOURCES.reports.entityVi, reportId);
  const period = db.select().from(s.reportingPeriods).where(eq(s.reportingPeriods.id, Number(report.periodId))).get()!;
  const localityId = Number(report.localityId);
  const data = templateData(db, { localityId, year: period.year });
  const planRow = data.plan ? db.select().from(s.plans).where(eq(s.plans.id, data.plan.id)).get()! : null;

  // The figures of THIS report (templateData reads the unit's own report; an agency's report differs).
  const values = db.select().from(s.reportValues).where(eq(s.reportValues.reportId, reportId)).all();
  const valueOf = new Map(values.map((v) => [v.indicatorId, v]));
  const rowIds = new Set(data.rows.map((r) => r.indicator.id));
  const extraIds = values.map((v) => v.indicatorId).filter((id) => !rowIds.has(id));
  const extraIndicators = extraIds.length ? db.select().from(s.indicators).where(inArray(s.indicators.id, extraIds)).all() : [];
  const indicatorRows = [...data.rows.map((r) => ({ indicator: r.indicator, texts: r })), ...extraIndicators.map((indicator) => ({ indicator, texts: null }))];

  // The primary target of each indicator in the plan (the same one the Excel template shows) and its roadmap.
  const targets = planRow ? db.select().from(s.targets).where(eq(s.targets.planId, planRow.id)).orderBy(sql`${s.targets.parentTargetId} is not null`, s.targets.id).all() : [];
  const primary = primaryTargets(targets);
  const roadmaps = roadmapsOf(db, [...primary.values()].map((t) => t.id));
  const allIds = indicatorRows.map((r) => r.indicator.id);
  const previous = new Map(
    (allIds.length
      ? db
          .select()
          .from(s.indicatorValues)
          .where(and(eq(s.indicatorValues.localityId, localityId), eq(s.indicatorValues.year, period.year - 1), inArray(s.indicatorValues.indicatorId, allIds)))
          .all()
      : []
    ).map((v) => [v.indicatorId, v]),
  );

  const rows: GridRow[] = indicatorRows.map(({ indicator, texts }) => {
    const v = valueOf.get(indicator.id);
    const t = primary.get(indicator.id) ?? null;
    const m = t ? (roadmaps.get(t.id)?.find((x) => x.year === period.year) ?? null) : null;
    const prev = previous.get(indicator.id);
    const figures = { numerator: v?.numerator ?? null, denominator: v?.denominator ?? null, value: v?.value ?? null };
    const actual = rowValue(indicator.aggregation, indicator.unit, figures);
    const target = t ? { comparator: t.comparator as Comparator, value: t.value, valueMax: t.valueMax, targetYear: t.targetYear, baselineValue: t.baselineValue } : null;
    const milestone = m ? { value: m.value, valueMax: m.valueMax } : null;
    const evaluationInput = t && planRow ? targetEvaluationInput(db, { target: t, indicator, localityId, year: period.year, plan: planRow, milestones: roadmaps.get(t.id) }) : null;
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
    return {
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
    };
  });

  const status = report.status as ReportStatus;
  const place = placeOf(db, user, localityId);
  const actions = Object.fromEntries(
    REPORT_ACTIONS.map((a) => [a, mayWrite(user, "reports") && checkTransition(status, a, { role: user.role, ...place }, "reason").ok]),
  ) as Record<ReportAction, boolean>;
  const unit = db.select().from(s.localities).where(eq(s.localities.id, localityId)).get()!;
  return {
    report,
    unit: { id: unit.id, code: unit.code, nameVi: unit.nameVi, levelCode: unit.levelCode },
    period: { id: period.id, localityId: period.localityId, year: period.year, deadline: period.deadline, isClosed: period.isClosed },
    plan: planRow ? { id: planRow.id, code: planRow.code, number: planRow.number, titleVi: planRow.titleVi, periodStart: planRow.periodStart, periodEnd: planRow.periodEnd } : null,
    year: period.year,
    deadline: period.deadline,
    today,
    late: isReportLate({ status, submittedAt: (report.submittedAt as string | null) ?? null }, period.deadline, today),
    canEdit: mayWrite(user, "reportValues") && isReportEditable(status) && !period.isClosed,
    actions,
    rows,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Periods and settings

/** The locality and its ancestors, nearest first, with their levels. */
function chainOf(db: Executor, localityId: number): { id: number; levelCode: string }[] {
  return db.all<{ id: number; levelCode: string }>(
    sql`select l.id as id, l.level_code as levelCode from locality_closure c join localities l on l.id = c.ancestor_id
        where c.descendant_id = ${localityId} order by c.depth`,
  );
}

/** The deadline setting ("MM-DD") that applies to a locality: its own, else its nearest ancestor's, else 12-10. */
export function deadlineSettingOf(db: Executor, localityId: number): { reportDeadline: string; fromLocalityId: number | null } {
  for (const { id } of chainOf(db, localityId)) {
    const setting = db.select().from(s.localitySettings).where(eq(s.localitySettings.localityId, id)).get();
    if (setting) return { reportDeadline: setting.reportDeadline, fromLocalityId: id };
  }
  return { reportDeadline: "12-10", fromLocalityId: null };
}

/** The period of `year` covering a unit: its own or its nearest ancestor's. */
export function periodOf(db: Executor, localityId: number, year: number) {
  for (const { id } of chainOf(db, localityId)) {
    const period = db.select().from(s.reportingPeriods).where(and(eq(s.reportingPeriods.localityId, id), eq(s.reportingPeriods.year, year))).get();
    if (period) return period;
  }
  return null;
}

/**
 * The period of `year` for a unit; when its province has none yet, it is created (audited as `actor`) with the
 * deadline of the province's setting (10/12 by default). The province is the nearest ancestor at province level, else
 * the highest one below the nation, else the unit itself.
 */
export function ensurePeriod(tx: Tx, db: Db, localityId: number, year: number, actor: Actor) {
  const existing = periodOf(tx, localityId, year);
  if (existing) return { period: existing, created: false };
  const chain = chainOf(tx, localityId);
  const owner = chain.find((l) => l.levelCode === "province") ?? chain.filter((l) => l.levelCode !== "nation").at(-1) ?? chain[0]!;
  const { reportDeadline } = deadlineSettingOf(tx, owner.id);
  const row = new CrudRepository(db, RESOURCES.reportingPeriods).createInTx(tx, { localityId: owner.id, year, deadline: periodDeadline(year, reportDeadline) }, actor);
  return { period: tx.select().from(s.reportingPeriods).where(eq(s.reportingPeriods.id, row.id)).get()!, created: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Saving the grid

export type GridValueInput = {
  indicatorId: number;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  commentVi?: string | null;
};

export function lockedError(status: string): EduplanError {
  return new EduplanError("locked", {
    vi: `Báo cáo đang ở trạng thái “${STATUS_VI[status as ReportStatus] ?? status}” nên bị khóa; chỉ sửa được khi là bản nháp hoặc bị trả lại.`,
    en: `The report is ${status} and therefore locked; it can only be edited as a draft or when returned.`,
  });
}

const STATUS_VI: Record<ReportStatus, string> = { draft: "nháp", submitted: "đã gửi", returned: "bị trả lại", approved: "đã duyệt" };

/**
 * Check every row of a grid save; field errors are located as `values.<i>.<field>` (the row's index in the input).
 * Rows with no figure and no comment clear the indicator's figure.
 */
export function checkGridValues(db: Executor, rows: GridValueInput[]): { errors: FieldError[]; indicators: Map<number, typeof s.indicators.$inferSelect> } {
  const ids = [...new Set(rows.map((r) => r.indicatorId))];
  const indicators = new Map((ids.length ? db.select().from(s.indicators).where(inArray(s.indicators.id, ids)).all() : []).map((i) => [i.id, i]));
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  rows.forEach((r, i) => {
    const at = (field: string) => `values.${i}.${field}`;
    const indicator = indicators.get(r.indicatorId);
    if (!indicator) return void errors.push(fieldError(at("indicatorId"), `unknown indicator #${r.indicatorId}`, `Chỉ tiêu #${r.indicatorId} không tồn tại`));
    if (seen.has(r.indicatorId)) return void errors.push(fieldError(at("indicatorId"), `indicator ${indicator.code} appears twice`, `Chỉ tiêu ${indicator.code} bị nhập hai lần`));
    seen.add(r.indicatorId);
    const numerator = r.numerator ?? null;
    const denominator = r.denominator ?? null;
    const value = r.value ?? null;
    const comment = r.commentVi?.trim() || null;
    const before = errors.length;
    for (const [field, n] of [
      ["numerator", numerator],
      ["denominator", denominator],
      ["value", value],
    ] as const)
      if (n !== null && n < 0)
        errors.push(fieldError(at(field), `${field} must not be negative`, `${field === "numerator" ? "Tử số" : field === "denominator" ? "Mẫu số" : "Giá trị"} không được âm`));
    if (errors.length > before) return;
    const isRatio = indicator.aggregation === "ratio";
    if (isRatio) {
      if (numerator === null && denominator === null) {
        if (comment) errors.push(fieldError(at("numerator"), "a comment without figures: enter numerator and denominator", "Có ghi chú nhưng chưa nhập tử số và mẫu số"));
        return;
      }
      if (numerator === null || denominator === null)
        return void errors.push(fieldError(at(numerator === null ? "numerator" : "denominator"), "a rate needs both numerator and denominator", "Chỉ tiêu tỷ lệ cần nhập cả tử số và mẫu số"));
      if (denominator === 0) return void errors.push(fieldError(at("denominator"), "denominator must be positive", "Mẫu số phải lớn hơn 0"));
    } else {
      if (numerator !== null || denominator !== null)
        return void errors.push(fieldError(at("value"), "this indicator is not a rate: enter its value", "Chỉ tiêu này không phải tỷ lệ: nhập số liệu vào cột Giá trị"));
      if (value === null) {
        if (comment) errors.push(fieldError(at("value"), "a comment without a value", "Có ghi chú nhưng chưa nhập giá trị"));
        return;
      }
      if (indicator.unit === "boolean" && value !== 0 && value !== 1) return void errors.push(fieldError(at("value"), "enter 1 (yes) or 0 (no)", "Nhập 1 (có/đạt) hoặc 0 (không/chưa đạt)"));
    }
    for (const issue of indicatorValueIssues({ numerator, denominator, value: isRatio ? null : value }, indicator)) {
      const field = String(issue.path[0] ?? "value");
      errors.push(fieldError(at(field), issue.en, issue.vi));
    }
  });
  return { errors, indicators };
}

/**
 * Save a grid in one transaction: the report must be editable (else `locked`), `version` (when given) must be the
 * report's current one (else `conflict`); every row is checked first (nothing written on any error); then each
 * figure is created, updated or — when the row is now empty — deleted, and the report's version is increased.
 */
export function saveGridInTx(tx: Tx, db: Db, reportId: number, rows: GridValueInput[], version: number | null, actor: Actor): void {
  const reports = new CrudRepository(db, RESOURCES.reports);
  const report = reports.readInTx(tx, reportId);
  if (!report) throw notFound(RESOURCES.reports.entityVi, reportId);
  if (!isReportEditable(report.status as ReportStatus)) throw lockedError(String(report.status));
  const period = tx.select().from(s.reportingPeriods).where(eq(s.reportingPeriods.id, Number(report.periodId))).get();
  if (period?.isClosed)
    throw new EduplanError("locked", { vi: `Kỳ báo cáo năm ${period.year} đã khóa sổ.`, en: `The reporting period ${period.year} is closed.` });
  if (version !== null && report.version !== version)
    throw new EduplanError("conflict", {
      vi: `Báo cáo đã được người khác cập nhật (phiên bản ${String(report.version)}, bạn sửa từ phiên bản ${version}). Hãy tải lại trước khi lưu.`,
      en: `The report was changed by someone else (version ${String(report.version)}, you edited version ${version}). Reload before saving.`,
    });
  const { errors, indicators } = checkGridValues(tx, rows);
  if (errors.length) throw validation(errors);
  const values = new CrudRepository(db, RESOURCES.reportValues);
  const existing = new Map(
    tx
      .select({ id: s.reportValues.id, indicatorId: s.reportValues.indicatorId, numerator: s.reportValues.numerator, denominator: s.reportValues.denominator, value: s.reportValues.value, commentVi: s.reportValues.commentVi })
      .from(s.reportValues)
      .where(eq(s.reportValues.reportId, reportId))
      .all()
      .map((v) => [v.indicatorId, v]),
  );
  for (const r of rows) {
    const indicator = indicators.get(r.indicatorId)!;
    const isRatio = indicator.aggregation === "ratio";
    const data = {
      reportId,
      indicatorId: r.indicatorId,
      numerator: isRatio ? (r.numerator ?? null) : null,
      denominator: isRatio ? (r.denominator ?? null) : null,
      value: isRatio ? null : (r.value ?? null),
      commentVi: r.commentVi?.trim() || null,
    };
    const empty = data.numerator === null && data.denominator === null && data.value === null && data.commentVi === null;
    const stored = existing.get(r.indicatorId);
    if (empty) {
      if (stored) values.deleteInTx(tx, stored.id, null, actor);
      continue;
    }
    if (!stored) values.createInTx(tx, data, actor);
    else if (stored.numerator !== data.numerator || stored.denominator !== data.denominator || (!isRatio && stored.value !== data.value) || stored.commentVi !== data.commentVi)
      values.updateInTx(tx, stored.id, data, null, actor);
  }
  // The report's version moves with its figures, so a second editor of the same grid is told (conflict) instead of
  // silently overwriting.
  reports.updateInTx(tx, reportId, {}, null, actor);
}
