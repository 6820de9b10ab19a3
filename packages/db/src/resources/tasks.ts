import { eq, inArray, sql } from "drizzle-orm";
import { RESOURCE_ACCESS, TaskInputSchema } from "@eduplan/domain";
import { fieldError } from "../errors.js";
import * as s from "../schema/index.js";
import { agencies } from "./agencies.js";
import { collectiveCodeErrors } from "./collectives.js";
import { planChild } from "./plans.js";

const TASK_VIRTUAL = ["leadAgencyIds", "coordinatingAgencyIds", "leadCollectiveCodes", "coordinatingCollectiveCodes"] as const;

const list = (data: Record<string, unknown>, field: (typeof TASK_VIRTUAL)[number]) => (Array.isArray(data[field]) ? (data[field] as unknown[]) : []);

export const tasks = planChild({
  name: "tasks",
  entityVi: "nhiệm vụ",
  table: s.tasks,
  access: RESOURCE_ACCESS.tasks,
  inputSchema: TaskInputSchema,
  searchFields: ["titleVi", "titleEn", "code", "outputVi"],
  refs: { solutionGroupId: "writable" },
  virtualFields: [...TASK_VIRTUAL],
  virtualRefs: {
    leadAgencyIds: { resource: () => agencies, rule: "readable" },
    coordinatingAgencyIds: { resource: () => agencies, rule: "readable" },
  },
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
    const errors = [];
    const codes = (["leadCollectiveCodes", "coordinatingCollectiveCodes"] as const).flatMap((field) => list(data, field).map((c, i) => ({ field: `${field}.${i}`, code: String(c) })));
    errors.push(...collectiveCodeErrors(tx, data.planId, codes));
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
      ...list(data, "leadAgencyIds").map((agencyId) => ({ role: "lead" as const, agencyId: Number(agencyId), collectiveCode: null })),
      ...list(data, "leadCollectiveCodes").map((collectiveCode) => ({ role: "lead" as const, agencyId: null, collectiveCode: String(collectiveCode) })),
      ...list(data, "coordinatingAgencyIds").map((agencyId) => ({ role: "coordinate" as const, agencyId: Number(agencyId), collectiveCode: null })),
      ...list(data, "coordinatingCollectiveCodes").map((collectiveCode) => ({ role: "coordinate" as const, agencyId: null, collectiveCode: String(collectiveCode) })),
    ];
    if (rows.length) tx.insert(s.taskAssignees).values(rows.map((r, position) => ({ ...r, taskId: after.id, position }))).run();
  },
});
