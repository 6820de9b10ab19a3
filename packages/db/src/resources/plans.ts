import { PlanInputSchema, RESOURCE_ACCESS, type RoleAccess } from "@eduplan/domain";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { registerResource } from "../guard.js";
import { defineResource, type RefsOf, type ResourceDefinition } from "../resource.js";
import * as s from "../schema/index.js";

/**
 * Plans are public documents: officers read (never write) the plans of the localities above their own — the
 * province's, the national strategy — so a commune plan can show its parent and the cascade.
 */
export const plans = defineResource({
  name: "plans",
  entityVi: "kế hoạch",
  table: s.plans,
  access: RESOURCE_ACCESS.plans,
  inputSchema: PlanInputSchema,
  sortKeyOf: "titleVi",
  searchFields: ["titleVi", "titleEn", "number", "code"],
  scope: { kind: "locality", column: "localityId" },
  publicToDescendants: true,
  refs: { localityId: "writable", issuingAgencyId: "readable", parentPlanId: "readable" },
  defaultSort: { field: "issuedOn", order: "DESC" },
});
registerResource(plans);

/** A part of a plan (its targets, tasks, groups…): it belongs, and is readable, where its plan is. */
export function planChild<T extends SQLiteTable>(
  def: Omit<ResourceDefinition<T>, "scope" | "access" | "refs"> & { access: RoleAccess; refs?: RefsOf<T>; planColumn?: string },
): ResourceDefinition<T> {
  const { planColumn = "planId", refs, ...rest } = def;
  const resource = defineResource<T>({ ...rest, scope: { kind: "via", column: planColumn, parent: () => plans }, refs: { [planColumn]: "writable", ...refs } as RefsOf<T> });
  registerResource(resource);
  return resource;
}
