import { LocalityInputSchema, RESOURCE_ACCESS } from "@eduplan/domain";
import { EduplanError, fieldError } from "../errors.js";
import { isWithin } from "../area.js";
import { registerResource } from "../guard.js";
import { defineResource } from "../resource.js";
import * as s from "../schema/index.js";
import { attachLocalityToClosure, moveLocalityInClosure } from "../sqlite/aggregates.js";
import { knownLevel } from "./shared.js";

/** The locality tree. Officers read their locality and those below it, and manage those strictly below it. */
export const localities = defineResource({
  name: "localities",
  entityVi: "địa bàn",
  table: s.localities,
  access: RESOURCE_ACCESS.localities,
  inputSchema: LocalityInputSchema,
  sortKeyOf: "nameVi",
  searchFields: ["nameVi", "nameEn", "code", "officialCode"],
  scope: { kind: "tree" },
  refs: { parentId: "exists", successorId: "readable", levelCode: "exists" },
  defaultSort: { field: "nameVi", order: "ASC" },
  check: (tx, data) => knownLevel(tx, s.localityLevels, "levelCode", data, "locality level", "Cấp địa bàn"),
  async beforeWrite(tx, data, existing) {
    if (existing && data.parentId !== existing.parentId && data.parentId != null && (await isWithin(tx, existing.id, Number(data.parentId))))
      throw new EduplanError("validation", { vi: "Địa bàn cha không được nằm trong chính địa bàn này", en: "a locality cannot be placed under itself" }, [
        fieldError("parentId", "a locality cannot be placed under itself", "Địa bàn cha không được nằm trong chính địa bàn này"),
      ]);
    return data;
  },
  async afterWrite(tx, after, before) {
    if (!before) await attachLocalityToClosure(tx, after.id, (after.parentId as number | null) ?? null);
    else if (before.parentId !== after.parentId) await moveLocalityInClosure(tx, after.id, (after.parentId as number | null) ?? null);
  },
});
registerResource(localities);
