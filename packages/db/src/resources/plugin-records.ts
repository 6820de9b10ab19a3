import { PluginRecordInputSchema, RESOURCE_ACCESS } from "@eduplan/domain";
import { enabledPluginCondition } from "../area.js";
import { registerResource } from "../guard.js";
import { defineResource } from "../resource.js";
import * as s from "../schema/index.js";
import { pluginEnabledAt } from "./plugin-visibility.js";

/**
 * Records of plugin forms. The plugin host checks `data` against the form's schema before the write; a plugin disabled
 * for a province hides its records there (kept, not deleted).
 */
export const pluginRecords = defineResource({
  name: "pluginRecords",
  entityVi: "bản ghi của plugin",
  table: s.pluginRecords,
  access: RESOURCE_ACCESS.pluginRecords,
  inputSchema: PluginRecordInputSchema,
  scope: { kind: "locality", column: "localityId" },
  refs: { localityId: "writable" },
  defaultSort: { field: "id", order: "DESC" },
  readFilter: (_db, principal) => (principal.localityId === null ? undefined : enabledPluginCondition(s.pluginRecords.pluginId, principal.localityId)),
  isVisible: (db, principal, row) => principal.localityId === null || pluginEnabledAt(db, String(row.pluginId), principal.localityId),
});
registerResource(pluginRecords);
