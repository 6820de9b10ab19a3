/** Read-only resources: the reference tables and the audit log. */
import { z } from "zod";
import { schema as s, type ResourceDefinition, type Row } from "@eduplan/db";
import { POLICIES } from "../policy.js";
import { readOnlyRouter } from "./resource.js";

const readOnly = (name: string, entityVi: string, table: ResourceDefinition["table"], defaultSort: ResourceDefinition["defaultSort"]): ResourceDefinition => ({
  name,
  entityVi,
  table,
  // Never used: these resources have no create/update procedures.
  inputSchema: z.object({}) as unknown as ResourceDefinition["inputSchema"],
  scope: { kind: "global" },
  defaultSort,
});

export const REFERENCE_DEFINITIONS = {
  educationLevels: readOnly("educationLevels", "cấp học", s.educationLevels, { field: "sortOrder", order: "ASC" }),
  localityLevels: readOnly("localityLevels", "cấp địa bàn", s.localityLevels, { field: "rank", order: "ASC" }),
  collectiveAssignees: readOnly("collectiveAssignees", "nhóm cơ quan", s.collectiveAssignees, { field: "code", order: "ASC" }),
  auditLog: readOnly("auditLog", "nhật ký thay đổi", s.auditLog, { field: "id", order: "DESC" }),
};

export const educationLevelsRouter = readOnlyRouter(REFERENCE_DEFINITIONS.educationLevels, POLICIES.educationLevels);
export const localityLevelsRouter = readOnlyRouter(REFERENCE_DEFINITIONS.localityLevels, POLICIES.localityLevels);
export const collectiveAssigneesRouter = readOnlyRouter(REFERENCE_DEFINITIONS.collectiveAssignees, POLICIES.collectiveAssignees);

/**
 * The audit log (administrators only): filter by `entity`, `entityId`, `userId`, `username`, `action`, `localityId`.
 * `filter.q` searches username, action and entity. Entries are immutable: each has `version` 1 so that it looks like any other record to the console.
 */
export const auditLogRouter = readOnlyRouter(REFERENCE_DEFINITIONS.auditLog, POLICIES.auditLog, {
  mapRow: (row: Row) => ({ ...row, version: 1 }),
});
