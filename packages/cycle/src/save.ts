/** Saving a report's figures: the grid, the Excel import and the CRUD of report values all end here. */
import { inArray } from "drizzle-orm";
import { writeReportValues } from "@eduplan/db/cycle";
import {
  RESOURCES,
  assertReadable,
  assertRole,
  assertWritable,
  notFound,
  readRecord,
  reportIndicatorIds,
  reportLock,
  schema as s,
  staleVersion,
  validation,
  type Principal,
  type Row,
  type Tx,
} from "@eduplan/db";
import { checkReportFigures, fieldErrorsFromIssues, type ReportFigureInput } from "@eduplan/domain";

/** A report the user may change now, at `version`: its area, its lock (submitted, approved, closed period), its version. */
export async function editableReport(tx: Tx, reportId: number, version: number, principal: Principal): Promise<Row> {
  const def = RESOURCES.reports;
  assertRole(RESOURCES.reportValues, principal, "write");
  const report = await readRecord(tx, def, reportId);
  if (!report) throw notFound(def.entityVi, reportId);
  await assertReadable(tx, def, principal, report);
  await assertWritable(tx, def, principal, report);
  const locked = await reportLock(tx, report);
  if (locked) throw locked;
  if (report.version !== version) throw staleVersion(def.entityVi, reportId, version, report.version);
  return report;
}

/**
 * Save a report's figures in one transaction, based on the report's `version` (a second editor is told, never silently
 * overwritten): every row checked first by the domain's `checkReportFigures` (nothing written on any error); then the
 * whole set written at once — changed and new rows in one upsert, emptied rows removed — with the report's version
 * moved and one audit entry. Returns the report after the save.
 */
export async function saveReportValues(tx: Tx, reportId: number, rows: readonly ReportFigureInput[], version: number, principal: Principal): Promise<Row> {
  const report = await editableReport(tx, reportId, version, principal);
  const ids = [...new Set(rows.map((r) => r.indicatorId))];
  const indicators = new Map((ids.length ? await tx.select().from(s.indicators).where(inArray(s.indicators.id, ids)) : []).map((i) => [i.id, i]));
  const { issues, figures } = checkReportFigures(rows, indicators, await reportIndicatorIds(tx, report));
  if (issues.length) throw validation(fieldErrorsFromIssues(issues));
  await writeReportValues(tx, report, figures, principal);
  return (await readRecord(tx, RESOURCES.reports, reportId))!;
}
