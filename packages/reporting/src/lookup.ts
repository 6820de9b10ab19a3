import { and, eq, EduplanError, first, inArray, isWithin, lineageOf, schema as s, sql, withinCondition, type Db, type Tx } from "@eduplan/db";
import { COMMUNE_LEVEL_CODES } from "@eduplan/domain";

/* Read helpers shared by consolidation, the Excel template and the printable report. Reads only. */

export type Executor = Db | Tx;
export type LocalityRow = typeof s.localities.$inferSelect;
export type PlanRow = typeof s.plans.$inferSelect;
export type PeriodRow = typeof s.reportingPeriods.$inferSelect;
export type ReportRow = typeof s.reports.$inferSelect;
export type IndicatorRow = typeof s.indicators.$inferSelect;
export type TargetRow = typeof s.targets.$inferSelect;
export type MilestoneRow = typeof s.milestones.$inferSelect;

export function localityNotFound(id: unknown): EduplanError {
  return new EduplanError("notFound", { vi: `Không tìm thấy địa phương / đơn vị #${String(id)}`, en: `locality #${String(id)} not found` });
}

export async function getLocality(db: Executor, id: number): Promise<LocalityRow> {
  const row = await first(db.select().from(s.localities).where(eq(s.localities.id, id)));
  if (!row) throw localityNotFound(id);
  return row;
}

export async function getLocalityByCode(db: Executor, code: string): Promise<LocalityRow | undefined> {
  return first(db.select().from(s.localities).where(eq(s.localities.code, code)));
}

/** The locality itself, then its ancestors, nearest first. */
export async function selfAndAncestors(db: Executor, id: number): Promise<number[]> {
  return (await lineageOf(db, id)).map((l) => l.id);
}

export { isWithin };

// Which plan, period, deadline and report a unit has: the reporting cycle's, defined once (@eduplan/cycle).
export { applicablePlan, deadlineOf as deadlineFor, ownPlan, periodOf as periodFor, unitReport } from "@eduplan/cycle";

/** Commune-level localities in a subtree (the root included when it is one), in force at some time in `year`. */
export async function communeUnits(db: Executor, rootId: number, year: number): Promise<LocalityRow[]> {
  return db
    .select()
    .from(s.localities)
    .where(
      and(
        inArray(s.localities.levelCode, [...COMMUNE_LEVEL_CODES]),
        withinCondition(s.localities.id, rootId),
        sql`(${s.localities.validFrom} is null or ${s.localities.validFrom} <= ${`${year}-12-31`})`,
        sql`(${s.localities.validTo} is null or ${s.localities.validTo} >= ${`${year}-01-01`})`,
      ),
    );
}

export async function indicatorsById(db: Executor, ids: number[]): Promise<Map<number, IndicatorRow>> {
  if (!ids.length) return new Map();
  return new Map((await db.select().from(s.indicators).where(inArray(s.indicators.id, ids))).map((i) => [i.id, i]));
}

/** A plan's targets in document order: each top-level target followed by its sub-targets ("trong đó …"). */
export async function planTargets(db: Executor, planId: number): Promise<TargetRow[]> {
  const rows = await db.select().from(s.targets).where(eq(s.targets.planId, planId)).orderBy(s.targets.id);
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<number, TargetRow[]>();
  for (const r of rows)
    if (r.parentTargetId !== null && ids.has(r.parentTargetId)) {
      const list = children.get(r.parentTargetId) ?? [];
      list.push(r);
      children.set(r.parentTargetId, list);
    }
  const out: TargetRow[] = [];
  const visit = (r: TargetRow) => {
    out.push(r);
    for (const c of children.get(r.id) ?? []) visit(c);
  };
  for (const r of rows) if (r.parentTargetId === null || !ids.has(r.parentTargetId)) visit(r);
  return out;
}

/** The milestones of `year` for a set of targets, by target id. */
export async function milestonesOf(db: Executor, targetIds: number[], year: number): Promise<Map<number, MilestoneRow>> {
  if (!targetIds.length) return new Map();
  return new Map(
    (await db.select().from(s.milestones).where(and(inArray(s.milestones.targetId, targetIds), eq(s.milestones.year, year)))).map((m) => [m.targetId, m]),
  );
}

/** Today as an ISO date (local time). */
export function isoToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
