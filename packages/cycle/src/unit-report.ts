/** A unit's report of a year: found, or opened as a draft (with the province's period when the year has none). */
import { RESOURCES, createRecord, periodClosed, type Principal, type Row, type Tx, readRecord, assertWritable } from "@eduplan/db";
import { ensurePeriod, unitReport, type PeriodRow } from "./periods.js";

export async function openUnitReport(tx: Tx, localityId: number, year: number, principal: Principal): Promise<{ report: Row; period: PeriodRow; created: boolean; periodCreated: boolean }> {
  const def = RESOURCES.reports;
  // The user's area first: nothing about another province's periods is revealed to someone outside it.
  await assertWritable(tx, def, principal, { localityId });
  const { period, created: periodCreated } = await ensurePeriod(tx, localityId, year, principal);
  const existing = await unitReport(tx, period.id, localityId);
  if (existing) return { report: (await readRecord(tx, def, existing.id))!, period, created: false, periodCreated };
  if (period.isClosed) throw periodClosed(period.year);
  const report = await createRecord(tx, def, { periodId: period.id, localityId, agencyId: null }, principal);
  return { report, period, created: true, periodCreated };
}
