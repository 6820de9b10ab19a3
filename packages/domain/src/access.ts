import type { Role } from "./user.js";

/** Who may read and who may write a resource, by role. Locality scoping comes on top, for every role but admins. */
export type RoleAccess = { read: readonly Role[]; write: readonly Role[] };

const ALL: readonly Role[] = ["system_admin", "province_officer", "commune_officer", "viewer"];
const ADMIN: readonly Role[] = ["system_admin"];
const OFFICERS: readonly Role[] = ["system_admin", "province_officer", "commune_officer"];
const PROVINCE: readonly Role[] = ["system_admin", "province_officer"];
const NOBODY: readonly Role[] = [];

/**
 * The one table of role access, shared by the API (which enforces it on every call) and the console (which hides
 * what would be refused):
 * - `system_admin`: everything;
 * - `province_officer`: writes localities, agencies, plans and their children, figures and reports in their province;
 *   reads indicators and levels; never sees users or the audit log;
 * - `commune_officer`: writes their commune's plans, plan children, figures and reports; reads the rest of their area;
 * - `viewer`: reads their area, writes nothing.
 */
export const RESOURCE_ACCESS = {
  localities: { read: ALL, write: PROVINCE },
  agencies: { read: ALL, write: PROVINCE },
  indicators: { read: ALL, write: ADMIN },
  plans: { read: ALL, write: OFFICERS },
  documentRelations: { read: ALL, write: OFFICERS },
  solutionGroups: { read: ALL, write: OFFICERS },
  fundingSources: { read: ALL, write: OFFICERS },
  agencyDuties: { read: ALL, write: OFFICERS },
  reportingObligations: { read: ALL, write: OFFICERS },
  targets: { read: ALL, write: OFFICERS },
  milestones: { read: ALL, write: OFFICERS },
  tasks: { read: ALL, write: OFFICERS },
  indicatorValues: { read: ALL, write: OFFICERS },
  users: { read: ADMIN, write: ADMIN },
  // Reporting periods are set by the province; reports and their values are written by the unit and its province.
  reportingPeriods: { read: ALL, write: PROVINCE },
  reports: { read: ALL, write: OFFICERS },
  reportValues: { read: ALL, write: OFFICERS },
  // Plugin form records (field trips, classes …) are entered by the locality's officers.
  pluginRecords: { read: ALL, write: OFFICERS },
  // A plan document under review (issue #16): read and accepted by the province, where plans are entered in bulk.
  planImports: { read: PROVINCE, write: PROVINCE },
  // Who issues and signs a locality's annual report (kept per year): chosen by the officers who print it.
  annualReportSignatures: { read: ALL, write: OFFICERS },
  educationLevels: { read: ALL, write: NOBODY },
  localityLevels: { read: ALL, write: NOBODY },
  // Built in, or declared by a province file (administrators): read by all, for the names in plans.
  collectiveAssignees: { read: ALL, write: ADMIN },
  auditLog: { read: ADMIN, write: NOBODY },
  // Console pages that are not API resources.
  pluginForms: { read: ALL, write: OFFICERS },
  plugins: { read: ALL, write: PROVINCE },
  pluginSettings: { read: ADMIN, write: ADMIN },
  provinceSetup: { read: ADMIN, write: ADMIN },
} as const satisfies Record<string, RoleAccess>;
export type AccessResource = keyof typeof RESOURCE_ACCESS;
