import { eq, inArray, sql } from "drizzle-orm";
import { CollectiveAssigneeInputSchema, RESOURCE_ACCESS, repeatedAssigneeNames, type FieldError } from "@eduplan/domain";
import { isWithin } from "../area.js";
import { fieldError } from "../errors.js";
import { first } from "../query.js";
import { registerResource } from "../guard.js";
import { defineResource, type Executor } from "../resource.js";
import * as s from "../schema/index.js";
import { agencies } from "./agencies.js";

/**
 * Collective assignees ("các sở, ban, ngành", "UBND các xã, phường", "các cơ quan liên quan"): built in (no locality)
 * or declared by a province, with their aliases and, optionally, the member agencies they stand for. Everyone reads
 * them (they are names in public documents); administrators (and the province file) write them.
 */
export const collectiveAssignees = defineResource({
  name: "collectiveAssignees",
  entityVi: "nhóm cơ quan",
  table: s.collectiveAssignees,
  access: RESOURCE_ACCESS.collectiveAssignees,
  inputSchema: CollectiveAssigneeInputSchema,
  scope: { kind: "global" },
  refs: { localityId: "exists" },
  virtualFields: ["memberAgencyIds"],
  virtualRefs: { memberAgencyIds: { resource: () => agencies, rule: "readable" } },
  defaultSort: { field: "code", order: "ASC" },
  virtualFilters: {
    /**
     * The collectives a plan may name (the task form offers only these): built in, or declared by the plan's locality
     * or one above it — the rule of `collectiveCodeErrors`, never another province's.
     */
    availableToPlanId: (v) => {
      const planId = Number(v);
      if (!Number.isSafeInteger(planId)) return sql`0`;
      return sql`(${s.collectiveAssignees.localityId} is null or ${s.collectiveAssignees.localityId} in
        (select ancestor_id from locality_closure where descendant_id = (select locality_id from plans where id = ${planId})))`;
    },
  },
  async load(db, rows) {
    if (!rows.length) return rows;
    const members = await db.select().from(s.collectiveMembers).where(inArray(s.collectiveMembers.collectiveId, rows.map((r) => r.id))).orderBy(s.collectiveMembers.position);
    return rows.map((r) => ({ ...r, memberAgencyIds: members.filter((m) => m.collectiveId === r.id).map((m) => m.agencyId) }));
  },
  async check(tx, data) {
    const errors: FieldError[] = [];
    const names = [String(data.nameVi ?? ""), ...((data.aliases as string[] | undefined) ?? [])];
    for (const name of repeatedAssigneeNames(names))
      errors.push(fieldError("aliases", `'${name}' repeats a name of this collective`, `'${name}' trùng với một tên khác của nhóm cơ quan này`));
    const members = Array.isArray(data.memberAgencyIds) ? (data.memberAgencyIds as number[]) : [];
    if (members.length && data.localityId == null)
      errors.push(fieldError("memberAgencyIds", "a built-in collective (no locality) cannot list member agencies", "Nhóm cơ quan dùng chung (không gắn địa bàn) không liệt kê cơ quan thành viên"));
    if (members.length && data.localityId != null) {
      const rows = await tx.select({ id: s.agencies.id, localityId: s.agencies.localityId }).from(s.agencies).where(inArray(s.agencies.id, members));
      for (const [i, id] of members.entries()) {
        const a = rows.find((r) => r.id === Number(id));
        if (a && !(await isWithin(tx, Number(data.localityId), a.localityId)))
          errors.push(fieldError(`memberAgencyIds.${i}`, "a member agency must belong to the collective's locality or below it", "Cơ quan thành viên phải thuộc địa bàn của nhóm cơ quan hoặc cấp dưới"));
      }
    }
    return errors;
  },
  async afterWrite(tx, after, _before, data) {
    if (!("memberAgencyIds" in data)) return;
    await tx.delete(s.collectiveMembers).where(eq(s.collectiveMembers.collectiveId, after.id));
    const ids = Array.isArray(data.memberAgencyIds) ? (data.memberAgencyIds as unknown[]).map(Number) : [];
    if (ids.length) await tx.insert(s.collectiveMembers).values(ids.map((agencyId, position) => ({ collectiveId: after.id, agencyId, position })));
  },
});
registerResource(collectiveAssignees);

/**
 * The collective codes a plan's part names (task assignees, agency duties, reporters) must exist and be available to
 * the plan: built in, or declared by the plan's locality or a locality above it (never another province's).
 */
export async function collectiveCodeErrors(db: Executor, planId: unknown, entries: { field: string; code: string }[]): Promise<FieldError[]> {
  if (!entries.length) return [];
  const plan = typeof planId === "number" ? await first(db.select({ localityId: s.plans.localityId }).from(s.plans).where(eq(s.plans.id, planId))) : undefined;
  const found = await db
    .select({ code: s.collectiveAssignees.code, localityId: s.collectiveAssignees.localityId })
    .from(s.collectiveAssignees)
    .where(inArray(s.collectiveAssignees.code, entries.map((e) => e.code)));
  const errors: FieldError[] = [];
  for (const { field, code } of entries) {
    const c = found.find((f) => f.code === code);
    if (!c) errors.push(fieldError(field, `unknown collective assignee '${code}'`, `Nhóm cơ quan '${code}' không tồn tại`));
    else if (c.localityId !== null && plan && !(await isWithin(db, c.localityId, plan.localityId)))
      errors.push(fieldError(field, `the collective '${code}' is declared by another locality`, `Nhóm cơ quan '${code}' do địa bàn khác khai báo, không dùng được cho kế hoạch này`));
  }
  return errors;
}
