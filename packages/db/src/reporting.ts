import { and, eq } from "drizzle-orm";
import { checkTransition, type ReportAction, type ReportStatus, type Role } from "@eduplan/domain";
import type { Actor } from "./audit.js";
import { recordAudit } from "./audit.js";
import type { Db } from "./client.js";
import { CrudRepository, type Row, type Tx } from "./crud.js";
import { EduplanError, notFound } from "./errors.js";
import { RESOURCES } from "./resources.js";
import * as s from "./schema/index.js";

export type WorkflowActor = Actor & { role: Role; localityId: number | null };

const isWithin = (tx: Tx, ancestorId: number, descendantId: number) =>
  !!tx.select().from(s.localityClosure).where(and(eq(s.localityClosure.ancestorId, ancestorId), eq(s.localityClosure.descendantId, descendantId))).get();

/**
 * Move a report through its workflow in one transaction, audited. Approving publishes its values as the unit's
 * figures for the year (so the province's rollups include them at once); reopening withdraws them.
 */
export function transitionReportInTx(tx: Tx, db: Db, reportId: number, action: ReportAction, actor: WorkflowActor, reason?: string | null): Row {
  const reports = new CrudRepository(db, RESOURCES.reports);
  const before = reports.readInTx(tx, reportId);
  if (!before) throw notFound("báo cáo", reportId);
  const isOwnUnit = actor.localityId === before.localityId;
  const isAboveUnit = actor.localityId !== null && !isOwnUnit && isWithin(tx, actor.localityId, Number(before.localityId));
  const check = checkTransition(before.status as ReportStatus, action, { role: actor.role, isOwnUnit, isAboveUnit }, reason);
  if (!check.ok) {
    const errorReason = check.reason === "status" ? "locked" : check.reason === "reasonRequired" ? "validation" : "forbidden";
    throw new EduplanError(errorReason, check.message, check.reason === "reasonRequired" ? [{ path: "reason", message: check.message }] : []);
  }
  const now = new Date().toISOString();
  const patch: Record<string, unknown> = { status: check.to, version: Number(before.version) + 1, updatedAt: now };
  if (action === "submit") Object.assign(patch, { submittedAt: now, submittedBy: actor.username, returnReason: null });
  if (action === "return") Object.assign(patch, { decidedAt: now, decidedBy: actor.username, returnReason: reason!.trim() });
  if (action === "approve") Object.assign(patch, { decidedAt: now, decidedBy: actor.username });
  if (action === "reopen") Object.assign(patch, { decidedAt: now, decidedBy: actor.username });
  tx.update(s.reports).set(patch).where(eq(s.reports.id, reportId)).run();

  const figures = new CrudRepository(db, RESOURCES.indicatorValues);
  if (action === "approve") {
    const period = tx.select().from(s.reportingPeriods).where(eq(s.reportingPeriods.id, Number(before.periodId))).get()!;
    for (const v of tx.select().from(s.reportValues).where(eq(s.reportValues.reportId, reportId)).all()) {
      const existing = tx
        .select({ id: s.indicatorValues.id })
        .from(s.indicatorValues)
        .where(and(eq(s.indicatorValues.indicatorId, v.indicatorId), eq(s.indicatorValues.year, period.year), eq(s.indicatorValues.localityId, Number(before.localityId))))
        .get();
      const data = { localityId: before.localityId, indicatorId: v.indicatorId, year: period.year, numerator: v.numerator, denominator: v.denominator, value: v.value, isSynthetic: false, reportId, noteVi: v.commentVi };
      if (existing) figures.updateInTx(tx, existing.id, data, null, actor);
      else figures.createInTx(tx, data, actor);
    }
  }
  if (action === "reopen")
    for (const f of tx.select({ id: s.indicatorValues.id }).from(s.indicatorValues).where(eq(s.indicatorValues.reportId, reportId)).all())
      figures.deleteInTx(tx, f.id, null, actor);

  const after = reports.readInTx(tx, reportId)!;
  recordAudit(tx, actor, action, "reports", reportId, before, after, Number(before.localityId));
  return after;
}

export async function transitionReport(db: Db, reportId: number, action: ReportAction, actor: WorkflowActor, reason?: string | null): Promise<Row> {
  return db.transaction((tx) => transitionReportInTx(tx, db, reportId, action, actor, reason));
}
