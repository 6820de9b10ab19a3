import { PlanImportInputSchema, RESOURCE_ACCESS } from "@eduplan/domain";
import { EduplanError } from "../errors.js";
import { registerResource } from "../guard.js";
import { defineResource } from "../resource.js";
import * as s from "../schema/index.js";

/**
 * A plan document under review (issue #16), saved so the review can be resumed. It belongs to the locality the plan
 * will belong to; once accepted (the plan created) it is kept as the record of the import and no longer changes.
 * Not a CRUD resource of the API: the `planImport` router validates the draft and accepts it.
 */
export const planImports = defineResource({
  name: "planImports",
  entityVi: "văn bản đang nhập",
  table: s.planImports,
  access: RESOURCE_ACCESS.planImports,
  inputSchema: PlanImportInputSchema,
  scope: { kind: "locality", column: "localityId" },
  refs: { localityId: "writable", parentPlanId: "readable", planId: "writable" },
  defaultSort: { field: "updatedAt", order: "DESC" },
  beforeWrite(_tx, data, existing) {
    if (existing?.status === "accepted")
      throw new EduplanError("locked", {
        vi: "Văn bản này đã được chấp nhận và đã tạo kế hoạch; không sửa được nữa.",
        en: "This document has been accepted and its plan created; it can no longer change.",
      });
    return data;
  },
});
registerResource(planImports);
