import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import {
  AgencyDutyInputSchema,
  AgencyInputSchema,
  DocumentRelationInputSchema,
  FundingSourceInputSchema,
  IndicatorInputSchema,
  IndicatorValueInputSchema,
  LocalityInputSchema,
  MilestoneInputSchema,
  PlanInputSchema,
  ReportingObligationInputSchema,
  SolutionGroupInputSchema,
  TargetInputSchema,
  TaskInputSchema,
  UserInputSchema,
  ReportingPeriodInputSchema,
  ReportInputSchema,
  ReportValueInputSchema,
  PluginRecordInputSchema,
  isReportEditable,
  type ReportStatus,
  userFieldsShape,
  PasswordSchema,
  fieldErrorsFromIssues,
  indicatorValueIssues,
  ratioScale,
  targetIndicatorIssues,
  type IndicatorUnit,
} from "@eduplan/domain";
import * as s from "./schema/index.js";
import type { ResourceDefinition, Row, Tx } from "./crud.js";
import { EduplanError, fieldError } from "./errors.js";
import { hashPassword } from "./passwords.js";
import { applyValueToRollups, attachLocalityToClosure, moveLocalityInClosure } from "./sqlite/aggregates.js";

type AnyDb = Parameters<NonNullable<ResourceDefinition["load"]>>[0];

const indicatorOf = (tx: AnyDb, id: unknown) =>
  typeof id === "number" ? tx.select().from(s.indicators).where(eq(s.indicators.id, id)).get() : undefined;

/** A field naming a level by code (locality level, level of education) must name one that exists. */
function knownLevel(tx: AnyDb, table: typeof s.localityLevels | typeof s.educationLevels, field: string, data: Record<string, unknown>, en: string, vi: string) {
  const code = String(data[field]);
  const found = tx.select({ code: table.code }).from(table).where(eq(table.code, code)).get();
  return found ? [] : [fieldError(field, `unknown ${en} '${code}'`, `${vi} '${code}' không tồn tại`)];
}

const localities: ResourceDefinition = {
  name: "localities",
  entityVi: "địa bàn",
  table: s.localities,
  inputSchema: LocalityInputSchema,
  searchFields: ["nameVi", "nameEn", "code", "officialCode"],
  scope: { kind: "locality", column: "id" },
  defaultSort: { field: "nameVi", order: "ASC" },
  check: (tx, data) => knownLevel(tx, s.localityLevels, "levelCode", data, "locality level", "Cấp địa bàn"),
  beforeWrite(tx, data, existing) {
    if (existing && data.parentId !== existing.parentId && data.parentId != null) {
      const cycle = tx
        .select()
        .from(s.localityClosure)
        .where(and(eq(s.localityClosure.ancestorId, existing.id), eq(s.localityClosure.descendantId, Number(data.parentId))))
        .get();
      if (cycle) throw new EduplanError("validation", { vi: "Địa bàn cha không được nằm trong chính địa bàn này", en: "a locality cannot be placed under itself" }, [fieldError("parentId", "a locality cannot be placed under itself", "Địa bàn cha không được nằm trong chính địa bàn này")]);
    }
    return data;
  },
  afterWrite(tx, after, before) {
    if (!before) attachLocalityToClosure(tx, after.id, (after.parentId as number | null) ?? null);
    else if (before.parentId !== after.parentId) moveLocalityInClosure(tx, after.id, (after.parentId as number | null) ?? null);
  },
};

const agencies: ResourceDefinition = {
  name: "agencies",
  entityVi: "cơ quan",
  table: s.agencies,
  inputSchema: AgencyInputSchema,
  searchFields: ["nameVi", "nameEn", "shortName", "code"],
  scope: { kind: "locality", column: "localityId" },
  defaultSort: { field: "nameVi", order: "ASC" },
  beforeDelete(tx, row) {
    const leads = tx
      .select({ n: sql<number>`count(*)` })
      .from(s.taskAssignees)
      .where(eq(s.taskAssignees.agencyId, row.id))
      .get()!.n;
    if (leads > 0)
      throw new EduplanError("reference", {
        vi: `Không xóa được: cơ quan đang được giao ${leads} nhiệm vụ (chủ trì hoặc phối hợp). Hãy giao lại các nhiệm vụ đó trước.`,
        en: `Cannot delete: the agency is assigned to ${leads} task(s) (lead or coordinating). Reassign them first.`,
      });
  },
};

const indicators: ResourceDefinition = {
  name: "indicators",
  entityVi: "chỉ tiêu",
  table: s.indicators,
  inputSchema: IndicatorInputSchema,
  searchFields: ["nameVi", "nameEn", "code"],
  scope: { kind: "global" },
  defaultSort: { field: "code", order: "ASC" },
  check: (tx, data) => knownLevel(tx, s.educationLevels, "educationLevelCode", data, "level of education", "Cấp học"),
};

const plans: ResourceDefinition = {
  name: "plans",
  entityVi: "kế hoạch",
  table: s.plans,
  inputSchema: PlanInputSchema,
  searchFields: ["titleVi", "titleEn", "number", "code"],
  scope: { kind: "locality", column: "localityId" },
  defaultSort: { field: "issuedOn", order: "DESC" },
};

const planChild = (name: string, entityVi: string, table: ResourceDefinition["table"], inputSchema: ResourceDefinition["inputSchema"], extra: Partial<ResourceDefinition> = {}): ResourceDefinition => ({
  name,
  entityVi,
  table,
  inputSchema,
  scope: { kind: "plan", column: "planId" },
  ...extra,
});

const targets = planChild("targets", "chỉ tiêu của kế hoạch", s.targets, TargetInputSchema, {
  searchFields: ["code", "phraseVi", "conditionVi", "conditionEn"],
  check(tx, data) {
    const indicator = indicatorOf(tx, data.indicatorId);
    if (!indicator) return [fieldError("indicatorId", `unknown indicator #${String(data.indicatorId)}`, `Chỉ tiêu #${String(data.indicatorId)} không tồn tại`)];
    const errors = fieldErrorsFromIssues(targetIndicatorIssues(data as never, { unit: indicator.unit as IndicatorUnit, code: indicator.code }));
    if (data.parentTargetId != null) {
      const parent = tx.select().from(s.targets).where(eq(s.targets.id, Number(data.parentTargetId))).get();
      if (!parent || parent.planId !== data.planId)
        errors.push(fieldError("parentTargetId", "the parent target must belong to the same plan", "Chỉ tiêu cha phải thuộc cùng kế hoạch"));
    }
    return errors;
  },
});

const milestones: ResourceDefinition = {
  name: "milestones",
  entityVi: "mốc lộ trình",
  table: s.milestones,
  inputSchema: MilestoneInputSchema,
  scope: { kind: "target", column: "targetId" },
  defaultSort: { field: "year", order: "ASC" },
  check(tx, data) {
    const target = tx.select().from(s.targets).where(eq(s.targets.id, Number(data.targetId))).get();
    if (!target) return [fieldError("targetId", "unknown target", "Chỉ tiêu không tồn tại")];
    const indicator = indicatorOf(tx, target.indicatorId)!;
    return fieldErrorsFromIssues(targetIndicatorIssues(data as never, { unit: indicator.unit as IndicatorUnit, code: indicator.code }));
  },
};

const TASK_VIRTUAL = ["leadAgencyIds", "coordinatingAgencyIds", "leadCollectiveCodes", "coordinatingCollectiveCodes"] as const;

const tasks = planChild("tasks", "nhiệm vụ", s.tasks, TaskInputSchema, {
  searchFields: ["titleVi", "titleEn", "code", "outputVi"],
  virtualFields: [...TASK_VIRTUAL],
  virtualFilters: {
    /** Tasks an agency leads or coordinates. */
    agencyId: (v) => sql`${s.tasks.id} in (select task_id from task_assignees where agency_id = ${Number(v)})`,
    /** Tasks an agency leads. */
    leadAgencyId: (v) => sql`${s.tasks.id} in (select task_id from task_assignees where role = 'lead' and agency_id = ${Number(v)})`,
  },
  load(db, rows) {
    if (!rows.length) return rows;
    const assignees = db.select().from(s.taskAssignees).where(inArray(s.taskAssignees.taskId, rows.map((r) => r.id))).orderBy(s.taskAssignees.position).all();
    return rows.map((r) => {
      const mine = assignees.filter((a) => a.taskId === r.id);
      return {
        ...r,
        leadAgencyIds: mine.filter((a) => a.role === "lead" && a.agencyId !== null).map((a) => a.agencyId!),
        coordinatingAgencyIds: mine.filter((a) => a.role === "coordinate" && a.agencyId !== null).map((a) => a.agencyId!),
        leadCollectiveCodes: mine.filter((a) => a.role === "lead" && a.collectiveCode !== null).map((a) => a.collectiveCode!),
        coordinatingCollectiveCodes: mine.filter((a) => a.role === "coordinate" && a.collectiveCode !== null).map((a) => a.collectiveCode!),
      };
    });
  },
  check(tx, data) {
    const ids = [...(data.leadAgencyIds as number[]), ...(data.coordinatingAgencyIds as number[])];
    const found = ids.length ? tx.select({ id: s.agencies.id }).from(s.agencies).where(inArray(s.agencies.id, ids)).all().map((a) => a.id) : [];
    const errors = ids.filter((id) => !found.includes(id)).map((id) => fieldError(data.leadAgencyIds && (data.leadAgencyIds as number[]).includes(id) ? "leadAgencyIds" : "coordinatingAgencyIds", `unknown agency #${id}`, `Cơ quan #${id} không tồn tại`));
    const codes = [...(data.leadCollectiveCodes as string[]), ...(data.coordinatingCollectiveCodes as string[])];
    const known = codes.length ? tx.select({ code: s.collectiveAssignees.code }).from(s.collectiveAssignees).where(inArray(s.collectiveAssignees.code, codes)).all().map((c) => c.code) : [];
    for (const c of codes) if (!known.includes(c)) errors.push(fieldError("leadCollectiveCodes", `unknown collective assignee '${c}'`, `Nhóm cơ quan '${c}' không tồn tại`));
    if (data.solutionGroupId != null) {
      const group = tx.select().from(s.solutionGroups).where(eq(s.solutionGroups.id, Number(data.solutionGroupId))).get();
      if (!group || group.planId !== data.planId) errors.push(fieldError("solutionGroupId", "the solution group must belong to the same plan", "Nhóm giải pháp phải thuộc cùng kế hoạch"));
    }
    return errors;
  },
  afterWrite(tx, after, _before, data) {
    if (!TASK_VIRTUAL.some((f) => f in data)) return;
    tx.delete(s.taskAssignees).where(eq(s.taskAssignees.taskId, after.id)).run();
    const rows = [
      ...((data.leadAgencyIds as number[]) ?? []).map((agencyId) => ({ role: "lead" as const, agencyId, collectiveCode: null })),
      ...((data.leadCollectiveCodes as string[]) ?? []).map((collectiveCode) => ({ role: "lead" as const, agencyId: null, collectiveCode })),
      ...((data.coordinatingAgencyIds as number[]) ?? []).map((agencyId) => ({ role: "coordinate" as const, agencyId, collectiveCode: null })),
      ...((data.coordinatingCollectiveCodes as string[]) ?? []).map((collectiveCode) => ({ role: "coordinate" as const, agencyId: null, collectiveCode })),
    ];
    if (rows.length) tx.insert(s.taskAssignees).values(rows.map((r, position) => ({ ...r, taskId: after.id, position }))).run();
  },
});

const indicatorValues: ResourceDefinition = {
  name: "indicatorValues",
  entityVi: "số liệu thực hiện",
  table: s.indicatorValues,
  inputSchema: IndicatorValueInputSchema,
  scope: { kind: "locality", column: "localityId" },
  defaultSort: { field: "year", order: "DESC" },
  check(tx, data) {
    const indicator = indicatorOf(tx, data.indicatorId);
    if (!indicator) return [fieldError("indicatorId", `unknown indicator #${String(data.indicatorId)}`, `Chỉ tiêu #${String(data.indicatorId)} không tồn tại`)];
    return fieldErrorsFromIssues(indicatorValueIssues(data as never, indicator));
  },
  beforeWrite(tx, data) {
    const indicator = indicatorOf(tx, data.indicatorId)!;
    if (indicator.aggregation === "ratio" && data.numerator != null && data.denominator != null && Number(data.denominator) > 0)
      return { ...data, value: (Number(data.numerator) / Number(data.denominator)) * ratioScale(indicator.unit as IndicatorUnit) };
    return data;
  },
  afterWrite(tx, after, before) {
    if (before) applyValueToRollups(tx, before as never, -1);
    applyValueToRollups(tx, after as never, +1);
  },
  beforeDelete(tx, row) {
    applyValueToRollups(tx, row as never, -1);
  },
};

const UserUpdateSchema = z.object({ ...userFieldsShape, password: PasswordSchema.optional() }).refine(
  (u) => u.role === "system_admin" || u.localityId !== null,
  { message: "every role but system_admin needs a locality", path: ["localityId"] },
);

const users: ResourceDefinition = {
  name: "users",
  entityVi: "người dùng",
  table: s.users,
  inputSchema: UserInputSchema,
  updateSchema: UserUpdateSchema,
  scope: { kind: "locality", column: "localityId" },
  hiddenColumns: ["passwordHash"],
  defaultSort: { field: "username", order: "ASC" },
  beforeWrite(_tx, data) {
    const { password, ...rest } = data as { password?: string };
    return password ? { ...rest, passwordHash: hashPassword(password) } : rest;
  },
};

const reportingPeriods: ResourceDefinition = {
  name: "reportingPeriods",
  entityVi: "kỳ báo cáo",
  table: s.reportingPeriods,
  inputSchema: ReportingPeriodInputSchema,
  scope: { kind: "locality", column: "localityId" },
  defaultSort: { field: "year", order: "DESC" },
};

const WORKFLOW_FIELDS = ["status", "returnReason", "submittedAt", "submittedBy", "decidedAt", "decidedBy"] as const;

const reports: ResourceDefinition = {
  name: "reports",
  entityVi: "báo cáo",
  table: s.reports,
  inputSchema: ReportInputSchema,
  scope: { kind: "locality", column: "localityId" },
  defaultSort: { field: "id", order: "DESC" },
  check(tx, data) {
    const period = tx.select().from(s.reportingPeriods).where(eq(s.reportingPeriods.id, Number(data.periodId))).get();
    if (!period) return [fieldError("periodId", "unknown reporting period", "Kỳ báo cáo không tồn tại")];
    const inPeriodArea = tx
      .select()
      .from(s.localityClosure)
      .where(and(eq(s.localityClosure.ancestorId, period.localityId), eq(s.localityClosure.descendantId, Number(data.localityId))))
      .get();
    return inPeriodArea ? [] : [fieldError("localityId", "the reporting unit is outside the period's province", "Đơn vị báo cáo không thuộc địa bàn của kỳ báo cáo")];
  },
  /** The workflow fields move only through transitions (submit, return, approve, reopen), never by editing. */
  beforeWrite(_tx, data, existing) {
    const out = { ...data };
    for (const f of WORKFLOW_FIELDS) out[f] = existing ? existing[f] : f === "status" ? "draft" : null;
    return out;
  },
  beforeDelete(_tx, row) {
    if (!isReportEditable(row.status as ReportStatus)) throw locked();
  },
};

function locked() {
  return new EduplanError("locked", {
    vi: "Báo cáo đã gửi hoặc đã duyệt nên bị khóa; chỉ sửa được khi ở trạng thái nháp hoặc bị trả lại.",
    en: "The report is submitted or approved and therefore locked; it can only be edited as a draft or when returned.",
  });
}

function assertReportEditable(tx: Tx, reportId: number) {
  const report = tx.select().from(s.reports).where(eq(s.reports.id, reportId)).get();
  if (report && !isReportEditable(report.status as ReportStatus)) throw locked();
}

const reportValues: ResourceDefinition = {
  name: "reportValues",
  entityVi: "số liệu báo cáo",
  table: s.reportValues,
  inputSchema: ReportValueInputSchema,
  scope: { kind: "report", column: "reportId" },
  check(tx, data) {
    const report = tx.select().from(s.reports).where(eq(s.reports.id, Number(data.reportId))).get();
    if (!report) return [fieldError("reportId", "unknown report", "Báo cáo không tồn tại")];
    if (!isReportEditable(report.status as ReportStatus)) throw locked();
    const indicator = indicatorOf(tx, data.indicatorId);
    if (!indicator) return [fieldError("indicatorId", `unknown indicator #${String(data.indicatorId)}`, `Chỉ tiêu #${String(data.indicatorId)} không tồn tại`)];
    return fieldErrorsFromIssues(indicatorValueIssues(data as never, indicator));
  },
  beforeWrite: (tx, data) => indicatorValues.beforeWrite!(tx, data, null),
  beforeDelete(tx, row) {
    assertReportEditable(tx, Number(row.reportId));
  },
};

/** Plugin form records: the API checks `data` against the plugin form's schema before it reaches here. */
const pluginRecords: ResourceDefinition = {
  name: "pluginRecords",
  entityVi: "bản ghi của plugin",
  table: s.pluginRecords,
  inputSchema: PluginRecordInputSchema,
  scope: { kind: "locality", column: "localityId" },
  defaultSort: { field: "id", order: "DESC" },
};

export const RESOURCES = {
  localities,
  agencies,
  indicators,
  plans,
  documentRelations: planChild("documentRelations", "quan hệ văn bản", s.documentRelations, DocumentRelationInputSchema, {
    scope: { kind: "plan", column: "fromPlanId" },
    searchFields: undefined,
  }),
  solutionGroups: planChild("solutionGroups", "nhóm nhiệm vụ, giải pháp", s.solutionGroups, SolutionGroupInputSchema, {
    defaultSort: { field: "sortOrder", order: "ASC" },
  }),
  fundingSources: planChild("fundingSources", "nguồn kinh phí", s.fundingSources, FundingSourceInputSchema, {
    defaultSort: { field: "sortOrder", order: "ASC" },
  }),
  agencyDuties: planChild("agencyDuties", "nhiệm vụ của cơ quan", s.agencyDuties, AgencyDutyInputSchema, {
    defaultSort: { field: "sortOrder", order: "ASC" },
  }),
  reportingObligations: planChild("reportingObligations", "chế độ báo cáo", s.reportingObligations, ReportingObligationInputSchema),
  targets,
  milestones,
  tasks,
  indicatorValues,
  users,
  reportingPeriods,
  reports,
  reportValues,
  pluginRecords,
} satisfies Record<string, ResourceDefinition>;

export type ResourceName = keyof typeof RESOURCES;
export type { Row, Tx };
