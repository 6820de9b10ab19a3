/** Read-only resources: the reference tables and the audit log. */
import { z } from "zod";
import { collectiveAssignees, defineResource, schema as s, type Row } from "@eduplan/db";
import { RESOURCE_ACCESS } from "@eduplan/domain";
import { readOnlyRouter } from "./resource.js";

// Never written through the API: the input schema only completes the definition.
const NO_INPUT = z.object({});

export const REFERENCE_DEFINITIONS = {
  educationLevels: defineResource({ name: "educationLevels", entityVi: "cấp học", table: s.educationLevels, access: RESOURCE_ACCESS.educationLevels, inputSchema: NO_INPUT, scope: { kind: "global" }, refs: {}, defaultSort: { field: "sortOrder", order: "ASC" } }),
  localityLevels: defineResource({ name: "localityLevels", entityVi: "cấp địa bàn", table: s.localityLevels, access: RESOURCE_ACCESS.localityLevels, inputSchema: NO_INPUT, scope: { kind: "global" }, refs: {}, defaultSort: { field: "rank", order: "ASC" } }),
  // Defined in @eduplan/db (its members, its area checks); read-only through the API.
  collectiveAssignees,
  auditLog: defineResource({ name: "auditLog", entityVi: "nhật ký thay đổi", table: s.auditLog, access: RESOURCE_ACCESS.auditLog, inputSchema: NO_INPUT, scope: { kind: "global" }, refs: {}, defaultSort: { field: "id", order: "DESC" }, searchIndex: "audit_log_search" }),
};

export const educationLevelsRouter = readOnlyRouter(REFERENCE_DEFINITIONS.educationLevels);
export const localityLevelsRouter = readOnlyRouter(REFERENCE_DEFINITIONS.localityLevels);
export const collectiveAssigneesRouter = readOnlyRouter(REFERENCE_DEFINITIONS.collectiveAssignees);

/**
 * The audit log (administrators only): filter by `entity`, `entityId`, `userId`, `username`, `action`, `localityId`.
 * `filter.q` searches the time, username, action and entity, folded (diacritics ignored), through the FTS5 index
 * `audit_log_search` (migration 0013): the query's words in order, the last one a prefix. Entries are immutable: each has `version` 1 so that it looks like any other record to the console.
 */
export const auditLogRouter = readOnlyRouter(REFERENCE_DEFINITIONS.auditLog, { mapRow: (row: Row) => ({ ...row, version: 1 }) });
