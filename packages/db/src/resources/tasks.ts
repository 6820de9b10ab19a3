import { eq, inArray, sql } from "drizzle-orm";
import { ASSIGNEE_ROLE_FIELDS, ASSIGNEE_ROLES, RESOURCE_ACCESS, TaskInputSchema } from "@eduplan/domain";
import { fieldError, validation } from "../errors.js";
import { first } from "../query.js";
import * as s from "../schema/index.js";
import { agencies } from "./agencies.js";
import { collectiveCodeErrors } from "./collectives.js";
import { planChild } from "./plans.js";

/** The assignee fields of every role (lead, coordinate, requested), as the API reads and writes them. */
const ROLE_FIELDS = ASSIGNEE_ROLES.map((role) => ({ role, ...ASSIGNEE_ROLE_FIELDS[role] }));
const TASK_VIRTUAL = ROLE_FIELDS.flatMap((r) => [r.agencies, r.collectives]);

const list = (data: Record<string, unknown>, field: string) => (Array.isArray(data[field]) ? (data[field] as unknown[]) : []);

export const tasks = planChild({
  name: "tasks",
  entityVi: "nhiệm vụ",
  table: s.tasks,
  access: RESOURCE_ACCESS.tasks,
  inputSchema: TaskInputSchema,
  searchFields: ["titleVi", "titleEn", "code", "outputVi"],
  refs: { solutionGroupId: "writable", duplicateOfId: "readable" },
  virtualFields: [...TASK_VIRTUAL],
  virtualRefs: Object.fromEntries(ROLE_FIELDS.map((r) => [r.agencies, { resource: () => agencies, rule: "readable" as const }])),
  virtualFilters: {
    /** Tasks an agency leads, coordinates or is requested in. */
    agencyId: (v) => sql`${s.tasks.id} in (select task_id from task_assignees where agency_id = ${Number(v)})`,
    /** Tasks an agency leads. */
    leadAgencyId: (v) => sql`${s.tasks.id} in (select task_id from task_assignees where role = 'lead' and agency_id = ${Number(v)})`,
  },
  async load(db, rows) {
    if (!rows.length) return rows;
    const assignees = await db.select().from(s.taskAssignees).where(inArray(s.taskAssignees.taskId, rows.map((r) => r.id))).orderBy(s.taskAssignees.position);
    return rows.map((r) => {
      const mine = assignees.filter((a) => a.taskId === r.id);
      const out: Record<string, unknown> = { ...r };
      for (const { role, agencies: a, collectives: c } of ROLE_FIELDS) {
        out[a] = mine.filter((x) => x.role === role && x.agencyId !== null).map((x) => x.agencyId!);
        out[c] = mine.filter((x) => x.role === role && x.collectiveCode !== null).map((x) => x.collectiveCode!);
      }
      return out as typeof r;
    });
  },
  async check(tx, data) {
    const errors = [];
    const codes = ROLE_FIELDS.flatMap(({ collectives: field }) => list(data, field).map((c, i) => ({ field: `${field}.${i}`, code: String(c) })));
    errors.push(...(await collectiveCodeErrors(tx, data.planId, codes)));
    if (data.duplicateOfId != null) {
      const original = await first(tx.select({ planId: s.tasks.planId, duplicateOfId: s.tasks.duplicateOfId }).from(s.tasks).where(eq(s.tasks.id, Number(data.duplicateOfId))));
      if (original && original.planId !== data.planId) errors.push(fieldError("duplicateOfId", "a repeated row repeats a task of the same plan", "Dòng lặp phải lặp một nhiệm vụ của cùng kế hoạch"));
      // Pointing at the first occurrence keeps repeats one level deep (and rules out cycles).
      if (original && original.duplicateOfId !== null) errors.push(fieldError("duplicateOfId", "point at the first occurrence of the row, not at another repeat", "Hãy chỉ tới dòng xuất hiện đầu tiên, không chỉ tới một dòng lặp khác"));
    }
    if (data.solutionGroupId != null) {
      const group = await first(tx.select().from(s.solutionGroups).where(eq(s.solutionGroups.id, Number(data.solutionGroupId))));
      if (!group || group.planId !== data.planId) errors.push(fieldError("solutionGroupId", "the solution group must belong to the same plan", "Nhóm giải pháp phải thuộc cùng kế hoạch"));
    }
    return errors;
  },
  beforeWrite(_tx, data, existing) {
    if (existing && data.duplicateOfId === existing.id) throw validation([fieldError("duplicateOfId", "a task cannot repeat itself", "Nhiệm vụ không thể là dòng lặp của chính nó")]);
    return data;
  },
  async afterWrite(tx, after, _before, data) {
    if (!TASK_VIRTUAL.some((f) => f in data)) return;
    await tx.delete(s.taskAssignees).where(eq(s.taskAssignees.taskId, after.id));
    const rows = ROLE_FIELDS.flatMap(({ role, agencies: a, collectives: c }) => [
      ...list(data, a).map((agencyId) => ({ role, agencyId: Number(agencyId), collectiveCode: null })),
      ...list(data, c).map((collectiveCode) => ({ role, agencyId: null, collectiveCode: String(collectiveCode) })),
    ]);
    if (rows.length) await tx.insert(s.taskAssignees).values(rows.map((r, position) => ({ ...r, taskId: after.id, position })));
  },
});
