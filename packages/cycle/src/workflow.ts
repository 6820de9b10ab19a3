/** The report workflow: submit, return (with a reason), approve (publishing the figures), reopen (withdrawing them). */
import { eq } from "drizzle-orm";
import { RESOURCES, assertReadable, assertRole, EduplanError, first, isWithin, notFound, periodClosed, readRecord, schema as s, staleVersion, type Principal, type Row, type Tx } from "@eduplan/db";
import { publishReportFigures, withdrawReportFigures, writeReportWorkflow, type WorkflowPatch } from "@eduplan/db/cycle";
import { checkTransition, type ReportAction, type ReportStatus } from "@eduplan/domain";

/** Where the user stands relative to a reporting unit (its own officer, or above it). */
export async function placeOf(db: Tx, principal: Principal, localityId: number) {
  const isOwnUnit = principal.localityId === localityId;
  const isAboveUnit = principal.localityId !== null && !isOwnUnit && (await isWithin(db, principal.localityId, localityId));
  return { isOwnUnit, isAboveUnit };
}

/**
 * Move a report one step, based on `version`, in the caller's transaction: who may do what is the domain's
 * `checkTransition`; a closed period refuses every step. Approving publishes the report's values as the unit's figures
 * (the aggregates follow at once); reopening withdraws them.
 */
export async function transitionReport(tx: Tx, reportId: number, action: ReportAction, version: number, principal: Principal, reason?: string | null): Promise<Row> {
  const def = RESOURCES.reports;
  assertRole(def, principal, "write");
  const before = await readRecord(tx, def, reportId);
  if (!before) throw notFound(def.entityVi, reportId);
  await assertReadable(tx, def, principal, before);
  if (before.version !== version) throw staleVersion(def.entityVi, reportId, version, before.version);
  const period = (await first(tx.select().from(s.reportingPeriods).where(eq(s.reportingPeriods.id, Number(before.periodId)))))!;
  if (period.isClosed) throw periodClosed(period.year);
  const check = checkTransition(before.status as ReportStatus, action, { role: principal.role, ...(await placeOf(tx, principal, Number(before.localityId))) }, reason);
  if (!check.ok) {
    const errorReason = check.reason === "status" ? "locked" : check.reason === "reasonRequired" ? "validation" : "forbidden";
    throw new EduplanError(errorReason, check.message, check.reason === "reasonRequired" ? [{ path: "reason", message: check.message }] : []);
  }
  const now = new Date().toISOString();
  const patch: WorkflowPatch = { status: check.to };
  if (action === "submit") Object.assign(patch, { submittedAt: now, submittedBy: principal.username, returnReason: null });
  if (action === "return") Object.assign(patch, { decidedAt: now, decidedBy: principal.username, returnReason: reason!.trim() });
  if (action === "approve" || action === "reopen") Object.assign(patch, { decidedAt: now, decidedBy: principal.username });
  const after = await writeReportWorkflow(tx, before, patch, principal, action);
  if (action === "approve") await publishReportFigures(tx, after, period.year, principal);
  if (action === "reopen") await withdrawReportFigures(tx, after, principal);
  return (await readRecord(tx, def, reportId))!;
}
