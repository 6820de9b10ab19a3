/** Saving a report's figures: the grid, the Excel import and the CRUD of report values all end here. */
import { eq, inArray } from "drizzle-orm";
import {
  RESOURCES,
  assertReadable,
  assertRole,
  assertWritable,
  createRecord,
  deleteRecord,
  notFound,
  readRecord,
  reportIndicatorIds,
  reportLock,
  schema as s,
  staleVersion,
  updateRecord,
  validation,
  type Executor,
  type Principal,
  type Row,
  type Tx,
} from "@eduplan/db";
import { checkReportFigures, fieldErrorsFromIssues, type ReportFigureInput } from "@eduplan/domain";

/** A report the user may change now, at `version`: its area, its lock (submitted, approved, closed period), its version. */
export function editableReport(tx: Tx, reportId: number, version: number, principal: Principal): Row {
  const def = RESOURCES.reports;
  assertRole(RESOURCES.reportValues, principal, "write");
  const report = readRecord(tx, def, reportId);
  if (!report) throw notFound(def.entityVi, reportId);
  assertReadable(tx, def, principal, report);
  assertWritable(tx, def, principal, report);
  const locked = reportLock(tx, report);
  if (locked) throw locked;
  if (report.version !== version) throw staleVersion(def.entityVi, reportId, version, report.version);
  return report;
}

/**
 * Save a report's figures in one transaction, based on the report's `version` (a second editor is told, never silently
 * overwritten): every row checked first by the domain's `checkReportFigures` (nothing written on any error); then each
 * figure created, changed or — when its row is now empty — removed, through the guarded write path; the report's
 * version moves with its figures. Returns the report after the save.
 */
export function saveReportValues(tx: Tx, reportId: number, rows: readonly ReportFigureInput[], version: number, principal: Principal): Row {
  const report = editableReport(tx, reportId, version, principal);
  const ids = [...new Set(rows.map((r) => r.indicatorId))];
  const indicators = new Map((ids.length ? tx.select().from(s.indicators).where(inArray(s.indicators.id, ids)).all() : []).map((i) => [i.id, i]));
  const { issues, figures } = checkReportFigures(rows, indicators, reportIndicatorIds(tx, report));
  if (issues.length) throw validation(fieldErrorsFromIssues(issues));
  const def = RESOURCES.reportValues;
  const stored = new Map(tx.select().from(s.reportValues).where(eq(s.reportValues.reportId, reportId)).all().map((v) => [v.indicatorId, v]));
  for (const f of figures) {
    const current = stored.get(f.indicatorId);
    const data = { reportId, indicatorId: f.indicatorId, numerator: f.numerator, denominator: f.denominator, value: f.value, commentVi: f.commentVi };
    if (f.empty) {
      if (current) deleteRecord(tx, def, current.id, current.version, principal);
    } else if (!current) createRecord(tx, def, data, principal);
    else if (current.numerator !== f.numerator || current.denominator !== f.denominator || (f.value !== null && current.value !== f.value) || current.commentVi !== f.commentVi)
      updateRecord(tx, def, current.id, data, current.version, principal);
  }
  return updateRecord(tx, RESOURCES.reports, reportId, {}, report.version, principal);
}
