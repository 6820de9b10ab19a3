/** Lookups several resource definitions share. */
import { and, eq } from "drizzle-orm";
import { atOrAboveCondition } from "../area.js";
import { isReportEditable, type ReportStatus } from "@eduplan/domain";
import { EduplanError, fieldError } from "../errors.js";
import type { Executor } from "../resource.js";
import * as s from "../schema/index.js";

export const indicatorOf = (db: Executor, id: unknown) => (typeof id === "number" ? db.select().from(s.indicators).where(eq(s.indicators.id, id)).get() : undefined);

/** A field naming a level by code (locality level, level of education) must name one that exists. */
export function knownLevel(db: Executor, table: typeof s.localityLevels | typeof s.educationLevels, field: string, data: Record<string, unknown>, en: string, vi: string) {
  const code = String(data[field]);
  const found = db.select({ code: table.code }).from(table).where(eq(table.code, code)).get();
  return found ? [] : [fieldError(field, `unknown ${en} '${code}'`, `${vi} '${code}' không tồn tại`)];
}

export const reportLocked = () =>
  new EduplanError("locked", {
    vi: "Báo cáo đã gửi hoặc đã duyệt nên bị khóa; chỉ sửa được khi ở trạng thái nháp hoặc bị trả lại.",
    en: "The report is submitted or approved and therefore locked; it can only be edited as a draft or when returned.",
  });

export const periodClosed = (year: number) =>
  new EduplanError("locked", { vi: `Kỳ báo cáo năm ${year} đã khóa sổ: số liệu của năm này không sửa được nữa.`, en: `The reporting period ${year} is closed: its figures can no longer change.` });

/** Why a report (and so its values) may not change now: submitted or approved, or its period closed. */
export function reportLock(db: Executor, report: Record<string, unknown>): EduplanError | null {
  if (!isReportEditable(String(report.status ?? "draft") as ReportStatus)) return reportLocked();
  const period = db.select().from(s.reportingPeriods).where(eq(s.reportingPeriods.id, Number(report.periodId))).get();
  return period?.isClosed ? periodClosed(period.year) : null;
}

/** Is the year closed for a locality (a closed period of its province, or of any locality above it)? */
export function closedPeriodFor(db: Executor, localityId: number, year: number): number | null {
  const row = db
    .select({ year: s.reportingPeriods.year })
    .from(s.reportingPeriods)
    .where(and(eq(s.reportingPeriods.year, year), eq(s.reportingPeriods.isClosed, true), atOrAboveCondition(s.reportingPeriods.localityId, localityId)))
    .get();
  return row ? row.year : null;
}
