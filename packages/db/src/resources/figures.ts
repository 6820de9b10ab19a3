/** Figures: a locality's actual values per indicator and year, and the values of a report before it is approved. */
import { eq } from "drizzle-orm";
import {
  IndicatorValueInputSchema,
  RESOURCE_ACCESS,
  ReportValueInputSchema,
  checkReportFigures,
  fieldErrorsFromIssues,
  indicatorValueIssues,
  type FieldError,
  rateOf,
} from "@eduplan/domain";
import { EduplanError, fieldError } from "../errors.js";
import { first } from "../query.js";
import { registerResource } from "../guard.js";
import { defineResource, type Executor } from "../resource.js";
import * as s from "../schema/index.js";
import { reportIndicatorIds } from "../report-scope.js";
import { applyValueToRollups } from "../sqlite/aggregates.js";
import { reports } from "./reports.js";
import { closedPeriodFor, indicatorOf, periodClosed, reportLock } from "./shared.js";

type Figure = { numerator: number | null; denominator: number | null; value: number | null };

const figureOf = (data: Record<string, unknown>): Figure => ({
  numerator: (data.numerator as number | null | undefined) ?? null,
  denominator: (data.denominator as number | null | undefined) ?? null,
  value: (data.value as number | null | undefined) ?? null,
});

/** A figure's bounds against its indicator (the domain's one check of figures). */
export async function figureErrors(db: Executor, data: Record<string, unknown>): Promise<FieldError[]> {
  const indicator = await indicatorOf(db, data.indicatorId);
  if (!indicator) return [fieldError("indicatorId", `unknown indicator #${String(data.indicatorId)}`, `Chỉ tiêu #${String(data.indicatorId)} không tồn tại`)];
  return fieldErrorsFromIssues(indicatorValueIssues(figureOf(data), indicator));
}

/** A rate's value is computed from its numerator and denominator, never entered. */
export async function withComputedValue(db: Executor, data: Record<string, unknown>): Promise<Record<string, unknown>> {
  const indicator = await indicatorOf(db, data.indicatorId);
  const { numerator, denominator } = figureOf(data);
  if (indicator?.aggregation === "ratio" && numerator !== null && denominator !== null && denominator > 0)
    return { ...data, value: rateOf(numerator, denominator, indicator.unit) };
  return data;
}

const rollupRowOf = (r: Record<string, unknown>) => ({ localityId: Number(r.localityId), indicatorId: Number(r.indicatorId), year: Number(r.year), ...figureOf(r) });

export const publishedFigureLocked = () =>
  new EduplanError("locked", {
    vi: "Số liệu này được công bố từ một báo cáo đã duyệt: muốn sửa, hãy mở lại báo cáo, sửa rồi duyệt lại.",
    en: "This figure was published from an approved report: to change it, reopen the report, edit it and approve it again.",
  });

export const indicatorValues = defineResource({
  name: "indicatorValues",
  entityVi: "số liệu thực hiện",
  table: s.indicatorValues,
  access: RESOURCE_ACCESS.indicatorValues,
  inputSchema: IndicatorValueInputSchema,
  scope: { kind: "locality", column: "localityId" },
  refs: { localityId: "writable", indicatorId: "exists" },
  defaultSort: { field: "year", order: "DESC" },
  async lock(tx, row) {
    if (row.reportId != null) return publishedFigureLocked();
    const closed = typeof row.localityId === "number" && typeof row.year === "number" ? await closedPeriodFor(tx, row.localityId, row.year) : null;
    return closed === null ? null : periodClosed(closed);
  },
  check: figureErrors,
  beforeWrite: (tx, data) => withComputedValue(tx, data),
  async afterWrite(tx, after, before) {
    if (before) await applyValueToRollups(tx, rollupRowOf(before), -1);
    await applyValueToRollups(tx, rollupRowOf(after), +1);
  },
  async beforeDelete(tx, row) {
    await applyValueToRollups(tx, rollupRowOf(row), -1);
  },
});
registerResource(indicatorValues);

/**
 * A report value written one at a time (the CRUD of report values) passes the same check as a whole grid: the domain's
 * `checkReportFigures`, with the indicators of the report's plan.
 */
async function reportValueErrors(db: Executor, data: Record<string, unknown>): Promise<FieldError[]> {
  const report = await first(db.select().from(s.reports).where(eq(s.reports.id, Number(data.reportId))));
  if (!report) return [fieldError("reportId", "unknown report", "Báo cáo không tồn tại")];
  const indicator = await indicatorOf(db, data.indicatorId);
  const indicators = new Map(indicator ? [[indicator.id, indicator]] : []);
  const row = { ...figureOf(data), indicatorId: Number(data.indicatorId), commentVi: (data.commentVi as string | null | undefined) ?? null };
  const { issues } = checkReportFigures([row], indicators, await reportIndicatorIds(db, report));
  return fieldErrorsFromIssues(issues.map((i) => ({ ...i, path: i.path.slice(2) })));
}

export const reportValues = defineResource({
  name: "reportValues",
  entityVi: "số liệu báo cáo",
  table: s.reportValues,
  access: RESOURCE_ACCESS.reportValues,
  inputSchema: ReportValueInputSchema,
  scope: { kind: "via", column: "reportId", parent: () => reports },
  refs: { reportId: "writable", indicatorId: "exists" },
  async lock(tx, row) {
    const report = await first(tx.select().from(s.reports).where(eq(s.reports.id, Number(row.reportId))));
    return report ? reportLock(tx, report) : null;
  },
  check: reportValueErrors,
  beforeWrite: (tx, data) => withComputedValue(tx, data),
});
registerResource(reportValues);
