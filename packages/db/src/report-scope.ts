/** Which plan a reporting unit reports against, and so which indicators its report may hold. */
import { desc, eq, sql } from "drizzle-orm";
import { lineageOf } from "./area.js";
import type { Executor } from "./resource.js";
import { first } from "./query.js";
import * as s from "./schema/index.js";

export type PlanRow = typeof s.plans.$inferSelect;

/** The newest plan of a locality itself (by issue date, then id), or null. */
export async function ownPlan(db: Executor, localityId: number): Promise<PlanRow | null> {
  return (await first(db.select().from(s.plans).where(eq(s.plans.localityId, localityId)).orderBy(sql`${s.plans.issuedOn} is null`, desc(s.plans.issuedOn), desc(s.plans.id)))) ?? null;
}

/** The plan a unit reports against: its own if it has one, else its nearest ancestor's (its province's). */
export async function applicablePlan(db: Executor, localityId: number): Promise<PlanRow | null> {
  for (const { id } of await lineageOf(db, localityId)) {
    const plan = await ownPlan(db, id);
    if (plan) return plan;
  }
  return null;
}

/** The indicators a report may hold: its plan's (the unit's own plan, else its province's) and the ones it already has. */
export async function reportIndicatorIds(db: Executor, report: { id?: number | null; localityId?: unknown }): Promise<Set<number>> {
  const plan = await applicablePlan(db, Number(report.localityId));
  const planned = plan ? await db.select({ id: s.targets.indicatorId }).from(s.targets).where(eq(s.targets.planId, plan.id)) : [];
  const held = report.id ? await db.select({ id: s.reportValues.indicatorId }).from(s.reportValues).where(eq(s.reportValues.reportId, report.id)) : [];
  return new Set([...planned, ...held].map((r) => r.id));
}
