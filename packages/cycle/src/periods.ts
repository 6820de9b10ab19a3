/** Which period, deadline, plan and report a reporting unit has for a year: defined once, read by every screen and file. */
import { and, eq, isNull } from "drizzle-orm";
import { EduplanError, RESOURCES, createRecord, first, isoToday, lineageOf, schema as s, validation, type Executor, type Principal, type Tx } from "@eduplan/db";

export { applicablePlan, ownPlan, reportIndicatorIds, type PlanRow } from "@eduplan/db";
import { fieldErrorsFromIssues, periodDeadline, reportingYearIssues } from "@eduplan/domain";

export type PeriodRow = typeof s.reportingPeriods.$inferSelect;
export type ReportRow = typeof s.reports.$inferSelect;

/** The deadline setting ("MM-DD") that applies to a locality: its own, else its nearest ancestor's, else 12-10. */
export async function deadlineSettingOf(db: Executor, localityId: number): Promise<{ reportDeadline: string; fromLocalityId: number | null }> {
  for (const { id } of await lineageOf(db, localityId)) {
    const setting = await first(db.select().from(s.localitySettings).where(eq(s.localitySettings.localityId, id)));
    if (setting) return { reportDeadline: setting.reportDeadline, fromLocalityId: id };
  }
  return { reportDeadline: "12-10", fromLocalityId: null };
}

/** The period of `year` covering a unit: its own or its nearest ancestor's. */
export async function periodOf(db: Executor, localityId: number, year: number): Promise<PeriodRow | null> {
  for (const { id } of await lineageOf(db, localityId)) {
    const period = await first(db.select().from(s.reportingPeriods).where(and(eq(s.reportingPeriods.localityId, id), eq(s.reportingPeriods.year, year))));
    if (period) return period;
  }
  return null;
}

/** The deadline of `year` for a unit: its period's, else the one its province's setting gives. */
export async function deadlineOf(db: Executor, localityId: number, year: number): Promise<string> {
  return (await periodOf(db, localityId, year))?.deadline ?? periodDeadline(year, (await deadlineSettingOf(db, localityId)).reportDeadline);
}

/** A unit's own report (not an agency's) in a period. */
export async function unitReport(db: Executor, periodId: number, localityId: number): Promise<ReportRow | null> {
  return (await first(db.select().from(s.reports).where(and(eq(s.reports.periodId, periodId), eq(s.reports.localityId, localityId), isNull(s.reports.agencyId))))) ?? null;
}

/** The locality whose periods a unit reports in: its province, else the highest locality below the nation, else itself. */
export async function periodOwnerOf(db: Executor, localityId: number): Promise<number> {
  const chain = await lineageOf(db, localityId);
  return (chain.find((l) => l.levelCode === "province") ?? chain.filter((l) => l.levelCode !== "nation").at(-1) ?? chain[0]!).id;
}

/**
 * The period of `year` for a unit. When the province has none yet it is opened — by a user who may open periods there
 * (the province's officers), with the deadline of the province's setting; anyone else is told the province has not
 * opened it.
 */
export async function ensurePeriod(tx: Tx, localityId: number, year: number, principal: Principal): Promise<{ period: PeriodRow; created: boolean }> {
  const existing = await periodOf(tx, localityId, year);
  if (existing) return { period: existing, created: false };
  // A year no period may have is said as such to everyone (not "the province has not opened it" to a commune).
  const yearIssues = reportingYearIssues(year, isoToday());
  if (yearIssues.length) throw validation(fieldErrorsFromIssues(yearIssues));
  const owner = await periodOwnerOf(tx, localityId);
  const def = RESOURCES.reportingPeriods;
  if (!def.access.write.includes(principal.role))
    throw new EduplanError("notFound", {
      vi: `Sở GD&ĐT chưa mở kỳ báo cáo năm ${year}. Hãy đề nghị Sở mở kỳ báo cáo trước khi lập báo cáo.`,
      en: `The province has not opened the reporting period ${year} yet. Ask it to open the period first.`,
    });
  const { reportDeadline } = await deadlineSettingOf(tx, owner);
  const row = await createRecord(tx, def, { localityId: owner, year, deadline: periodDeadline(year, reportDeadline) }, principal);
  return { period: (await first(tx.select().from(s.reportingPeriods).where(eq(s.reportingPeriods.id, row.id))))!, created: true };
}
