/** A unit's report of a year: found, or opened as a draft (with the province's period when the year has none). */
import { RESOURCES, createRecord, periodClosed, type Principal, type Row, type Tx, readRecord, assertWritable } from "@eduplan/db";
import { ensurePeriod, unitReport, type PeriodRow } from "./periods.js";

export function openUnitReport(tx: Tx, localityId: number, year: number, principal: Principal): { report: Row; period: PeriodRow; created: boolean; periodCreated: boolean } {
  const def = RESOURCES.reports;
  // The user's area first: nothing about another province's periods is revealed to someone outside it.
  assertWritable(tx, def, principal, { localityId });
  const { period, created: periodCreated } = ensurePeriod(tx, localityId, year, principal);
  const existing = unitReport(tx, period.id, localityId);
  if (existing) return { report: readRecord(tx, def, existing.id)!, period, created: false, periodCreated };
  if (period.isClosed) throw periodClosed(period.year);
  const report = createRecord(tx, def, { periodId: period.id, localityId, agencyId: null }, principal);
  return { report, period, created: true, periodCreated };
}
