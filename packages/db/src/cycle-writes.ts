/**
 * The writes only the reporting cycle (`@eduplan/cycle`) makes, because no user edits them directly: a report's
 * workflow fields, and publishing or withdrawing the figures of an approved report. Exported as `@eduplan/db/cycle`;
 * nothing else imports it (a test in packages/cycle checks). The checks of the step itself (who may approve what) are
 * the cycle's, from the domain's `checkTransition`.
 */
import { and, eq } from "drizzle-orm";
import { recordAudit } from "./audit.js";
import { EduplanError } from "./errors.js";
import type { Principal } from "./principal.js";
import type { Row, Tx } from "./resource.js";
import { RESOURCES } from "./resources/index.js";
import { withComputedValue } from "./resources/figures.js";
import * as s from "./schema/index.js";
import { applyValueToRollups } from "./sqlite/aggregates.js";

export type WorkflowPatch = {
  status: string;
  returnReason?: string | null;
  submittedAt?: string | null;
  submittedBy?: string | null;
  decidedAt?: string | null;
  decidedBy?: string | null;
};

/** Move a report to its next status, based on `version`; audited as the step (`submit`, `approve`…). */
export function writeReportWorkflow(tx: Tx, before: Row, patch: WorkflowPatch, principal: Principal, action: string): Row {
  const changed = tx
    .update(s.reports)
    .set({ ...patch, version: before.version + 1, updatedAt: new Date().toISOString() })
    .where(and(eq(s.reports.id, before.id), eq(s.reports.version, before.version)))
    .run();
  if (changed.changes !== 1)
    throw new EduplanError("conflict", { vi: "Báo cáo vừa được người khác thay đổi. Hãy tải lại.", en: "The report was just changed by someone else. Reload." });
  const reports = RESOURCES.reports;
  const after = tx.select().from(reports.table).where(eq(s.reports.id, before.id)).get() as Row;
  recordAudit(tx, principal, action, reports.name, before.id, before, after, Number(before.localityId));
  return after;
}

type FigureRow = typeof s.indicatorValues.$inferSelect;
const rollupRow = (r: FigureRow) => ({ localityId: r.localityId, indicatorId: r.indicatorId, year: r.year, numerator: r.numerator, denominator: r.denominator, value: r.value });

/**
 * Publish an approved report's values as its unit's figures for the year (replacing a figure entered by hand), keeping
 * the aggregates current. One audit entry lists the published figures.
 */
export function publishReportFigures(tx: Tx, report: Row, year: number, principal: Principal): void {
  const localityId = Number(report.localityId);
  const published: Record<string, unknown>[] = [];
  for (const v of tx.select().from(s.reportValues).where(eq(s.reportValues.reportId, report.id)).all()) {
    const data = withComputedValue(tx, { localityId, indicatorId: v.indicatorId, year, numerator: v.numerator, denominator: v.denominator, value: v.value });
    const row = { ...data, isSynthetic: false, reportId: report.id, noteVi: v.commentVi } as typeof s.indicatorValues.$inferInsert;
    const existing = tx
      .select()
      .from(s.indicatorValues)
      .where(and(eq(s.indicatorValues.indicatorId, v.indicatorId), eq(s.indicatorValues.year, year), eq(s.indicatorValues.localityId, localityId)))
      .get();
    if (existing) {
      applyValueToRollups(tx, rollupRow(existing), -1);
      tx.update(s.indicatorValues).set({ ...row, version: existing.version + 1, updatedAt: new Date().toISOString() }).where(eq(s.indicatorValues.id, existing.id)).run();
    } else tx.insert(s.indicatorValues).values(row).run();
    const stored = tx
      .select()
      .from(s.indicatorValues)
      .where(and(eq(s.indicatorValues.indicatorId, v.indicatorId), eq(s.indicatorValues.year, year), eq(s.indicatorValues.localityId, localityId)))
      .get()!;
    applyValueToRollups(tx, rollupRow(stored), +1);
    published.push({ indicatorId: stored.indicatorId, numerator: stored.numerator, denominator: stored.denominator, value: stored.value });
  }
  recordAudit(tx, principal, "publish", RESOURCES.indicatorValues.name, null, null, { reportId: report.id, year, figures: published }, localityId);
}

/** Withdraw the figures a report published (it is reopened): they leave the aggregates with it. */
export function withdrawReportFigures(tx: Tx, report: Row, principal: Principal): void {
  const figures = tx.select().from(s.indicatorValues).where(eq(s.indicatorValues.reportId, report.id)).all();
  for (const f of figures) applyValueToRollups(tx, rollupRow(f), -1);
  tx.delete(s.indicatorValues).where(eq(s.indicatorValues.reportId, report.id)).run();
  if (figures.length)
    recordAudit(tx, principal, "withdraw", RESOURCES.indicatorValues.name, null, { reportId: report.id, figures: figures.map((f) => ({ indicatorId: f.indicatorId, year: f.year, numerator: f.numerator, denominator: f.denominator, value: f.value })) }, null, Number(report.localityId));
}
