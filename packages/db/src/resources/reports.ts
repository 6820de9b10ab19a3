/** Reporting periods and reports. Workflow fields move only through the reporting cycle, never by editing. */
import { and, eq, inArray } from "drizzle-orm";
import { RESOURCE_ACCESS, ReportInputSchema, ReportingPeriodInputSchema, fieldErrorsFromIssues, reportingYearIssues } from "@eduplan/domain";
import { EduplanError, fieldError } from "../errors.js";
import { isWithin } from "../area.js";
import { first } from "../query.js";
import { registerResource } from "../guard.js";
import { defineResource } from "../resource.js";
import * as s from "../schema/index.js";
import { reportLock } from "./shared.js";

export const isoToday = (d = new Date()) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

export const reportingPeriods = defineResource({
  name: "reportingPeriods",
  entityVi: "kỳ báo cáo",
  table: s.reportingPeriods,
  access: RESOURCE_ACCESS.reportingPeriods,
  inputSchema: ReportingPeriodInputSchema,
  scope: { kind: "locality", column: "localityId" },
  // A commune reports in its province's period: periods are readable below the locality that opens them.
  publicToDescendants: true,
  refs: { localityId: "writable" },
  defaultSort: { field: "year", order: "DESC" },
  check: (_tx, data) => fieldErrorsFromIssues(reportingYearIssues(Number(data.year), isoToday())),
  async beforeDelete(tx, row) {
    const decided = await first(
      tx
        .select({ id: s.reports.id })
        .from(s.reports)
        .where(and(eq(s.reports.periodId, row.id), inArray(s.reports.status, ["submitted", "approved"]))),
    );
    if (decided)
      throw new EduplanError("locked", {
        vi: "Không xóa được kỳ báo cáo: đã có báo cáo được gửi hoặc được duyệt trong kỳ này.",
        en: "Cannot delete the reporting period: reports of it have been submitted or approved.",
      });
  },
});
registerResource(reportingPeriods);

const WORKFLOW_FIELDS = ["status", "returnReason", "submittedAt", "submittedBy", "decidedAt", "decidedBy"] as const;

export const reports = defineResource({
  name: "reports",
  entityVi: "báo cáo",
  table: s.reports,
  access: RESOURCE_ACCESS.reports,
  inputSchema: ReportInputSchema,
  scope: { kind: "locality", column: "localityId" },
  refs: { periodId: "readable", localityId: "writable", agencyId: "writable" },
  defaultSort: { field: "id", order: "DESC" },
  lock: (tx, row) => reportLock(tx, row),
  async check(tx, data) {
    const period = await first(tx.select().from(s.reportingPeriods).where(eq(s.reportingPeriods.id, Number(data.periodId))));
    if (!period) return [fieldError("periodId", "unknown reporting period", "Kỳ báo cáo không tồn tại")];
    return (await isWithin(tx, period.localityId, Number(data.localityId)))
      ? []
      : [fieldError("localityId", "the reporting unit is outside the period's province", "Đơn vị báo cáo không thuộc địa bàn của kỳ báo cáo")];
  },
  beforeWrite(_tx, data, existing) {
    const out = { ...data };
    for (const f of WORKFLOW_FIELDS) out[f] = existing ? existing[f] : f === "status" ? "draft" : null;
    return out;
  },
});
registerResource(reports);
