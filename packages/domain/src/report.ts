import { z } from "zod";
import { bi, type DomainIssue } from "./errors.js";
import { IdSchema, IsoDateSchema, MonthDaySchema, recordFields, YearSchema } from "./primitives.js";
import type { Role } from "./user.js";

/** A reporting period: a year, with a deadline ("trước ngày 10/12"), configurable per province. */
const reportingPeriodFields = {
  /** The province (or other locality) whose units report in this period. */
  localityId: IdSchema,
  year: YearSchema,
  deadline: IsoDateSchema,
  isClosed: z.boolean().default(false),
};
export const ReportingPeriodInputSchema = z.object(reportingPeriodFields);
export type ReportingPeriodInput = z.input<typeof ReportingPeriodInputSchema>;
export const ReportingPeriodSchema = z.object({ ...recordFields, ...reportingPeriodFields });
export type ReportingPeriod = z.infer<typeof ReportingPeriodSchema>;

/** The deadline of a year's period from a province's "MM-DD" setting (10/12 by default). */
export function periodDeadline(year: number, monthDay = "12-10"): string {
  MonthDaySchema.parse(monthDay);
  return `${year}-${monthDay}`;
}

export const REPORT_STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/** One report per reporting unit (a commune, or an agency) and period. */
const reportFields = {
  periodId: IdSchema,
  localityId: IdSchema,
  agencyId: IdSchema.nullable().default(null),
  status: ReportStatusSchema.default("draft"),
  returnReason: z.string().trim().max(4000).nullable().default(null),
  submittedAt: z.string().max(40).nullable().default(null),
  submittedBy: z.string().max(200).nullable().default(null),
  decidedAt: z.string().max(40).nullable().default(null),
  decidedBy: z.string().max(200).nullable().default(null),
};
export const ReportInputSchema = z.object(reportFields);
export type ReportInput = z.input<typeof ReportInputSchema>;
export const ReportSchema = z.object({ ...recordFields, ...reportFields });
export type Report = z.infer<typeof ReportSchema>;

/** An actual value in a report. Rates keep numerator and denominator, so the rate is computed, not typed. */
const reportValueFields = {
  reportId: IdSchema,
  indicatorId: IdSchema,
  numerator: z.number().finite().min(0).nullable().default(null),
  denominator: z.number().finite().min(0).nullable().default(null),
  value: z.number().finite().nullable().default(null),
  commentVi: z.string().trim().max(4000).nullable().default(null),
};
export const ReportValueInputSchema = z.object(reportValueFields);
export type ReportValueInput = z.input<typeof ReportValueInputSchema>;
export const ReportValueSchema = z.object({ ...recordFields, ...reportValueFields });
export type ReportValue = z.infer<typeof ReportValueSchema>;

export const REPORT_ACTIONS = ["submit", "return", "approve", "reopen"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/**
 * Who may move a report, and where: draft → submitted (the unit itself, or its province), submitted → approved or
 * returned with a reason (the province), approved → draft (reopen: province officers only, audited).
 * `sameLocality` = the actor works for the reporting unit; `aboveLocality` = the actor's locality contains it.
 */
export const REPORT_TRANSITIONS: Record<ReportAction, { from: ReportStatus[]; to: ReportStatus; roles: Role[]; where: "own" | "above" }> = {
  submit: { from: ["draft", "returned"], to: "submitted", roles: ["commune_officer", "province_officer", "system_admin"], where: "own" },
  return: { from: ["submitted"], to: "returned", roles: ["province_officer", "system_admin"], where: "above" },
  approve: { from: ["submitted"], to: "approved", roles: ["province_officer", "system_admin"], where: "above" },
  reopen: { from: ["approved"], to: "draft", roles: ["province_officer"], where: "above" },
};

export type TransitionCheck = { ok: true; to: ReportStatus } | { ok: false; reason: "status" | "role" | "locality" | "reasonRequired"; message: { vi: string; en: string } };

const STATUS_VI: Record<ReportStatus, string> = { draft: "nháp", submitted: "đã gửi", returned: "bị trả lại", approved: "đã duyệt" };
const ACTION_VI: Record<ReportAction, string> = { submit: "gửi", return: "trả lại", approve: "duyệt", reopen: "mở lại" };

/** Whether `role` may apply `action` to a report in `status`. Pure: the caller tells where the actor stands. */
export function checkTransition(
  status: ReportStatus,
  action: ReportAction,
  actor: { role: Role; isOwnUnit: boolean; isAboveUnit: boolean },
  reason?: string | null,
): TransitionCheck {
  const rule = REPORT_TRANSITIONS[action];
  if (!rule.from.includes(status))
    return {
      ok: false,
      reason: "status",
      message: {
        vi: `Không thể ${ACTION_VI[action]} báo cáo đang ở trạng thái “${STATUS_VI[status]}”`,
        en: `cannot ${action} a report that is ${status}`,
      },
    };
  if (!rule.roles.includes(actor.role))
    return { ok: false, reason: "role", message: { vi: `Vai trò của bạn không được ${ACTION_VI[action]} báo cáo`, en: `your role may not ${action} reports` } };
  const placed = actor.role === "system_admin" || (rule.where === "own" ? actor.isOwnUnit || actor.isAboveUnit : actor.isAboveUnit && !actor.isOwnUnit);
  if (!placed)
    return { ok: false, reason: "locality", message: { vi: "Báo cáo này không thuộc địa bàn bạn phụ trách", en: "this report is outside your area" } };
  if (action === "return" && !reason?.trim())
    return { ok: false, reason: "reasonRequired", message: { vi: bi("a reason is required to return a report", "Cần nêu lý do trả lại báo cáo"), en: "a reason is required to return a report" } };
  return { ok: true, to: rule.to };
}

/** Values can be edited only while the report is a draft or has been returned. */
export function isReportEditable(status: ReportStatus): boolean {
  return status === "draft" || status === "returned";
}

/** Is a report late? Submitted after the deadline, or not submitted and the deadline has passed. */
export function isReportLate(report: { status: ReportStatus; submittedAt: string | null }, deadline: string, today: string): boolean {
  if (report.submittedAt) return report.submittedAt.slice(0, 10) > deadline;
  return today > deadline && report.status !== "approved";
}

/** The earliest year a reporting period may be opened for (the strategy's baseline years). */
export const FIRST_REPORTING_YEAR = 2015;

/**
 * A reporting period is for a year that has begun or is about to (`today`'s year + 1 at most), from 2015 on: a period
 * for 1945 or 2100 is a typing mistake, never a plan.
 */
export function reportingYearIssues(year: number, today: string): DomainIssue[] {
  const current = Number(today.slice(0, 4));
  if (year >= FIRST_REPORTING_YEAR && year <= current + 1) return [];
  return [
    {
      path: ["year"],
      en: `a reporting period must be for a year from ${FIRST_REPORTING_YEAR} to ${current + 1}`,
      vi: `Kỳ báo cáo phải thuộc năm từ ${FIRST_REPORTING_YEAR} đến ${current + 1}`,
    },
  ];
}
