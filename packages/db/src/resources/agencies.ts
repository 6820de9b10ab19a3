import { eq, sql } from "drizzle-orm";
import { AgencyInputSchema, RESOURCE_ACCESS } from "@eduplan/domain";
import { EduplanError } from "../errors.js";
import { first } from "../query.js";
import { registerResource } from "../guard.js";
import { defineResource } from "../resource.js";
import * as s from "../schema/index.js";

/** Agencies are public bodies: officers read those above their area too (a commune plan names the Sở GD&ĐT). */
export const agencies = defineResource({
  name: "agencies",
  entityVi: "cơ quan",
  table: s.agencies,
  access: RESOURCE_ACCESS.agencies,
  inputSchema: AgencyInputSchema,
  sortKeyOf: "nameVi",
  searchFields: ["nameVi", "nameEn", "shortName", "code"],
  scope: { kind: "locality", column: "localityId" },
  publicToDescendants: true,
  refs: { localityId: "writable", parentId: "readable" },
  defaultSort: { field: "nameVi", order: "ASC" },
  async beforeDelete(tx, row) {
    const leads = (await first(tx.select({ n: sql<number>`count(*)` }).from(s.taskAssignees).where(eq(s.taskAssignees.agencyId, row.id))))!.n;
    if (leads > 0)
      throw new EduplanError("reference", {
        vi: `Không xóa được: cơ quan đang được giao ${leads} nhiệm vụ (chủ trì, phối hợp hoặc được đề nghị). Hãy giao lại các nhiệm vụ đó trước.`,
        en: `Cannot delete: the agency is assigned to ${leads} task(s) (lead, coordinating or requested). Reassign them first.`,
      });
  },
});
registerResource(agencies);
