import { eq } from "drizzle-orm";
import { MilestoneInputSchema, RESOURCE_ACCESS, TargetInputSchema, fieldErrorsFromIssues, targetIndicatorIssues, type IndicatorUnit } from "@eduplan/domain";
import { fieldError } from "../errors.js";
import { first } from "../query.js";
import { registerResource } from "../guard.js";
import { defineResource } from "../resource.js";
import * as s from "../schema/index.js";
import { planChild } from "./plans.js";
import { indicatorOf, knownLevel } from "./shared.js";

export const targets = planChild({
  name: "targets",
  entityVi: "chỉ tiêu của kế hoạch",
  table: s.targets,
  access: RESOURCE_ACCESS.targets,
  inputSchema: TargetInputSchema,
  searchFields: ["code", "phraseVi", "conditionVi", "conditionEn"],
  refs: { indicatorId: "exists", parentTargetId: "writable", referencePlanId: "readable" },
  async check(tx, data) {
    const indicator = await indicatorOf(tx, data.indicatorId);
    if (!indicator) return [fieldError("indicatorId", `unknown indicator #${String(data.indicatorId)}`, `Chỉ tiêu #${String(data.indicatorId)} không tồn tại`)];
    const t = { value: data.value as number | null, valueMax: data.valueMax as number | null, baselineValue: data.baselineValue as number | null };
    const errors = fieldErrorsFromIssues(targetIndicatorIssues(t, { unit: indicator.unit as IndicatorUnit, code: indicator.code }));
    const levels = [...((data.pooledEducationLevelCodes as string[] | undefined) ?? []).map((code, i) => ({ field: `pooledEducationLevelCodes.${i}`, code })), ...(data.breakdownEducationLevelCode ? [{ field: "breakdownEducationLevelCode", code: String(data.breakdownEducationLevelCode) }] : [])];
    for (const { field, code } of levels) errors.push(...(await knownLevel(tx, s.educationLevels, field, { [field]: code }, "level of education", "Cấp học")));
    if (data.referencePlanId != null && data.referencePlanId === data.planId)
      errors.push(fieldError("referencePlanId", "a target cannot refer to its own plan", "Chỉ tiêu không thể dẫn chiếu chính kế hoạch của nó"));
    if (data.parentTargetId != null) {
      const parent = await first(tx.select().from(s.targets).where(eq(s.targets.id, Number(data.parentTargetId))));
      if (!parent || parent.planId !== data.planId) errors.push(fieldError("parentTargetId", "the parent target must belong to the same plan", "Chỉ tiêu cha phải thuộc cùng kế hoạch"));
    }
    return errors;
  },
});

export const milestones = defineResource({
  name: "milestones",
  entityVi: "mốc lộ trình",
  table: s.milestones,
  access: RESOURCE_ACCESS.milestones,
  inputSchema: MilestoneInputSchema,
  scope: { kind: "via", column: "targetId", parent: () => targets },
  refs: { targetId: "writable" },
  defaultSort: { field: "year", order: "ASC" },
  async check(tx, data) {
    const target = await first(tx.select().from(s.targets).where(eq(s.targets.id, Number(data.targetId))));
    if (!target) return [fieldError("targetId", "unknown target", "Chỉ tiêu không tồn tại")];
    const indicator = (await indicatorOf(tx, target.indicatorId))!;
    const m = { value: data.value as number | null, valueMax: data.valueMax as number | null };
    return fieldErrorsFromIssues(targetIndicatorIssues(m, { unit: indicator.unit as IndicatorUnit, code: indicator.code }));
  },
});
registerResource(milestones);
