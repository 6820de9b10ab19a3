import { isNull, or } from "drizzle-orm";
import { IndicatorInputSchema, RESOURCE_ACCESS, fieldErrorsFromIssues, plausibleRangeIssues } from "@eduplan/domain";
import { enabledPluginCondition } from "../area.js";
import { registerResource } from "../guard.js";
import { defineResource } from "../resource.js";
import * as s from "../schema/index.js";
import { knownLevel } from "./shared.js";
import { pluginEnabledAt } from "./plugin-visibility.js";

/** The catalogue. A plugin's indicators are seen only where the plugin is enabled. */
export const indicators = defineResource({
  name: "indicators",
  entityVi: "chỉ tiêu",
  table: s.indicators,
  access: RESOURCE_ACCESS.indicators,
  inputSchema: IndicatorInputSchema,
  sortKeyOf: "nameVi",
  searchFields: ["nameVi", "nameEn", "code"],
  scope: { kind: "global" },
  refs: { educationLevelCode: "exists" },
  defaultSort: { field: "code", order: "ASC" },
  readFilter: (_db, principal) => (principal.localityId === null ? undefined : or(isNull(s.indicators.pluginId), enabledPluginCondition(s.indicators.pluginId, principal.localityId))),
  isVisible: (db, principal, row) => row.pluginId == null || principal.localityId === null || pluginEnabledAt(db, String(row.pluginId), principal.localityId),
  check: async (tx, data) => [
    ...(await knownLevel(tx, s.educationLevels, "educationLevelCode", data, "level of education", "Cấp học")),
    ...fieldErrorsFromIssues(plausibleRangeIssues(data)),
  ],
});
registerResource(indicators);
