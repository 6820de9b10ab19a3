/** Lookups several resource definitions share. */
import { and, eq } from "drizzle-orm";
import { atOrAboveCondition } from "../area.js";
import { isReportEditable, type ReportStatus } from "@eduplan/domain";
import { EduplanError, fieldError } from "../errors.js";
import type { Executor } from "../resource.js";
import { first } from "../query.js";
import * as s from "../schema/index.js";

export const indicatorOf = async (db: Executor, id: unknown) => (typeof id === "number" ? first(db.select().from(s.indicators).where(eq(s.indicators.id, id))) : undefined);

/** A field naming a level by code (locality level, level of education) must name one that exists. */
export async function knownLevel(db: Executor, table: typeof s.localityLevels | typeof s.educationLevels, field: string, data: Record<string, unknown>, en: string, vi: string) {
  const code = String(data[field]);
  const found = await first(db.select({ code: table.code }).from(table).where(eq(table.code, code)));
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
export async function reportLock(db: Executor, report: Record<string, unknown>): Promise<EduplanError | null> {
  if (!isReportEditable(String(report.status ?? "draft") as ReportStatus)) return reportLocked();
  const period = await first(db.select().from(s.reportingPeriods).where(eq(s.reportingPeriods.id, Number(report.periodId))));
  return period?.isClosed ? periodClosed(period.year) : null;
}

/** Is the year closed for a locality (a closed period of its province, or of any locality above it)? */
export async function closedPeriodFor(db: Executor, localityId: number, year: number): Promise<number | null> {
  const row = await first(
    db
      .select({ year: s.reportingPeriods.year })
    .from(s.reportingPeriods)
    .where(and(eq(s.reportingPeriods.year, year), eq(s.reportingPeriods.isClosed, true), atOrAboveCondition(s.reportingPeriods.localityId, localityId))),
  );
  return row ? row.year : null;
}
