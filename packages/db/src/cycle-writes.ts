/**
 * The writes only the reporting cycle (`@eduplan/cycle`) makes, because no user edits them directly: a report's
 * workflow fields, a report's figures as one set, and publishing or withdrawing the figures of an approved report.
 * Exported as `@eduplan/db/cycle`; nothing else imports it (a test in packages/cycle checks). The checks of the step
 * itself (who may do what, the report's area, lock and version, every figure's bounds) are the cycle's, made once
 * per report before these run; each writes all its rows and all affected aggregates in a few statements, and one
 * audit entry per report action lists the changed values.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "./audit.js";
import { EduplanError } from "./errors.js";
import type { Principal } from "./principal.js";
import type { Row, Tx } from "./resource.js";
import { RESOURCES } from "./resources/index.js";
import { rateOf } from "@eduplan/domain";
import * as s from "./schema/index.js";
import { first } from "./query.js";
import { applyDeltasToRollups, contributionOf, upsertFigures, type RollupDelta } from "./sqlite/aggregates.js";

export type WorkflowPatch = {
  status: string;
  returnReason?: string | null;
  submittedAt?: string | null;
  submittedBy?: string | null;
  decidedAt?: string | null;
  decidedBy?: string | null;
};

const stale = () => new EduplanError("conflict", { vi: "Báo cáo vừa được người khác thay đổi. Hãy tải lại.", en: "The report was just changed by someone else. Reload." });

/** Bump a report's version (with its workflow fields when given), based on the version read: a race is a conflict. */
async function bumpReport(tx: Tx, before: Row, patch: Partial<WorkflowPatch> = {}): Promise<Row> {
  const changed = await tx
    .update(s.reports)
    .set({ ...patch, version: before.version + 1, updatedAt: new Date().toISOString() })
    .where(and(eq(s.reports.id, before.id), eq(s.reports.version, before.version)));
  if (changed.changes !== 1) throw stale();
  return (await first(tx.select().from(s.reports).where(eq(s.reports.id, before.id)))) as Row;
}

/** Move a report to its next status, based on `before.version`; audited as the step (`submit`, `approve`…). */
export async function writeReportWorkflow(tx: Tx, before: Row, patch: WorkflowPatch, principal: Principal, action: string): Promise<Row> {
  const after = await bumpReport(tx, before, patch);
  await recordAudit(tx, principal, action, RESOURCES.reports.name, before.id, before, after, Number(before.localityId));
  return after;
}

export type ReportFigureRow = { indicatorId: number; numerator: number | null; denominator: number | null; value: number | null; commentVi: string | null };

/**
 * Write a report's figures as one set: every changed or new row in one upsert, every emptied row in one delete, the
 * report's version moved; one audit entry (`saveValues`) with the values before and after. Returns the report.
 */
export async function writeReportValues(tx: Tx, report: Row, rows: readonly (ReportFigureRow & { empty: boolean })[], principal: Principal): Promise<Row> {
  const stored = new Map((await tx.select().from(s.reportValues).where(eq(s.reportValues.reportId, report.id))).map((v) => [v.indicatorId, v]));
  const kept = rows.filter((r) => !r.empty);
  const units = new Map(
    (kept.length ? await tx.select({ id: s.indicators.id, unit: s.indicators.unit, aggregation: s.indicators.aggregation }).from(s.indicators).where(inArray(s.indicators.id, kept.map((r) => r.indicatorId))) : []).map((i) => [i.id, i]),
  );
  const upserts = kept
    .map((r) => {
      const indicator = units.get(r.indicatorId);
      // A rate's value is computed from its numerator and denominator, as for every stored figure.
      const value = indicator?.aggregation === "ratio" && r.numerator !== null && r.denominator !== null ? rateOf(r.numerator, r.denominator, indicator.unit) : r.value;
      return { reportId: report.id, indicatorId: r.indicatorId, numerator: r.numerator, denominator: r.denominator, value, commentVi: r.commentVi };
    })
    .filter((r) => {
      const current = stored.get(r.indicatorId);
      return !current || current.numerator !== r.numerator || current.denominator !== r.denominator || current.value !== r.value || current.commentVi !== r.commentVi;
    });
  const removed = rows.filter((r) => r.empty && stored.has(r.indicatorId)).map((r) => r.indicatorId);
  const now = new Date().toISOString();
  if (upserts.length)
    await tx
      .insert(s.reportValues)
      .values(upserts)
      .onConflictDoUpdate({
        target: [s.reportValues.reportId, s.reportValues.indicatorId],
        set: {
          numerator: sql`excluded.numerator`,
          denominator: sql`excluded.denominator`,
          value: sql`excluded.value`,
          commentVi: sql`excluded.comment_vi`,
          version: sql`${s.reportValues.version} + 1`,
          updatedAt: now,
        },
      });
  if (removed.length) await tx.delete(s.reportValues).where(and(eq(s.reportValues.reportId, report.id), inArray(s.reportValues.indicatorId, removed)));
  const after = await bumpReport(tx, report);
  const figure = (v: { indicatorId: number; numerator: number | null; denominator: number | null; value: number | null; commentVi: string | null }) => ({
    indicatorId: v.indicatorId,
    numerator: v.numerator,
    denominator: v.denominator,
    value: v.value,
    commentVi: v.commentVi,
  });
  const touched = [...upserts.map((u) => u.indicatorId), ...removed];
  await recordAudit(
    tx,
    principal,
    "saveValues",
    RESOURCES.reports.name,
    report.id,
    { version: report.version, values: touched.flatMap((id) => (stored.has(id) ? [figure(stored.get(id)!)] : [])) },
    { version: after.version, values: upserts.map(figure), removed },
    Number(report.localityId),
  );
  return after;
}

type FigureRow = typeof s.indicatorValues.$inferSelect;
const deltaOf = (indicatorId: number, before: FigureRow | undefined, after: { numerator: number | null; denominator: number | null; value: number | null } | null): RollupDelta => {
  const b = before ? contributionOf(before) : { n: 0, d: 0, v: 0, c: 0 };
  const a = after ? contributionOf(after) : { n: 0, d: 0, v: 0, c: 0 };
  return { indicatorId, n: a.n - b.n, d: a.d - b.d, v: a.v - b.v, c: a.c - b.c };
};

/**
 * Publish an approved report's values as its unit's figures for the year (replacing a figure entered by hand): one
 * upsert for the figures, one statement for the aggregates of every ancestor, one audit entry listing the figures.
 */
export async function publishReportFigures(tx: Tx, report: Row, year: number, principal: Principal): Promise<void> {
  const localityId = Number(report.localityId);
  const values = await tx.select().from(s.reportValues).where(eq(s.reportValues.reportId, report.id));
  if (!values.length) return;
  const ids = values.map((v) => v.indicatorId);
  const existing = new Map(
    (
      await tx
        .select()
        .from(s.indicatorValues)
        .where(and(eq(s.indicatorValues.localityId, localityId), eq(s.indicatorValues.year, year), inArray(s.indicatorValues.indicatorId, ids)))
    ).map((f) => [f.indicatorId, f]),
  );
  const figures = values.map((v) => ({
    localityId,
    indicatorId: v.indicatorId,
    year,
    numerator: v.numerator,
    denominator: v.denominator,
    value: v.value,
    isSynthetic: false,
    reportId: report.id,
    noteVi: v.commentVi,
  }));
  await upsertFigures(tx, figures);
  await applyDeltasToRollups(tx, localityId, year, figures.map((f) => deltaOf(f.indicatorId, existing.get(f.indicatorId), f)));
  await recordAudit(
    tx,
    principal,
    "publish",
    RESOURCES.indicatorValues.name,
    null,
    existing.size ? { replaced: [...existing.values()].map((f) => ({ indicatorId: f.indicatorId, numerator: f.numerator, denominator: f.denominator, value: f.value })) } : null,
    { reportId: report.id, year, figures: figures.map((f) => ({ indicatorId: f.indicatorId, numerator: f.numerator, denominator: f.denominator, value: f.value })) },
    localityId,
  );
}

/** Withdraw the figures a report published (it is reopened): they leave the aggregates with it, in one statement each. */
export async function withdrawReportFigures(tx: Tx, report: Row, principal: Principal): Promise<void> {
  const figures = await tx.select().from(s.indicatorValues).where(eq(s.indicatorValues.reportId, report.id));
  if (!figures.length) return;
  const byYear = new Map<number, FigureRow[]>();
  for (const f of figures) byYear.set(f.year, [...(byYear.get(f.year) ?? []), f]);
  for (const [year, rows] of byYear) await applyDeltasToRollups(tx, Number(report.localityId), year, rows.map((f) => deltaOf(f.indicatorId, f, null)));
  await tx.delete(s.indicatorValues).where(eq(s.indicatorValues.reportId, report.id));
  await recordAudit(
    tx,
    principal,
    "withdraw",
    RESOURCES.indicatorValues.name,
    null,
    { reportId: report.id, figures: figures.map((f) => ({ indicatorId: f.indicatorId, year: f.year, numerator: f.numerator, denominator: f.denominator, value: f.value })) },
    null,
    Number(report.localityId),
  );
}
