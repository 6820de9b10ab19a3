import { RESOURCES, type ResourceName } from "@eduplan/db";
import { RESOURCE_ACCESS, type Role } from "@eduplan/domain";
import type { SessionUser } from "./auth/session.js";

/**
 * Who may read and who may write a resource. Roles other than `system_admin` are further restricted to records
 * within their locality's subtree, for every resource whose definition has a locality scope (see `scope.ts`).
 */
export type ResourcePolicy = {
  read: readonly Role[];
  write: readonly Role[];
};

const ADMIN: readonly Role[] = ["system_admin"];

/** Resources only readable through the API: reference tables and the audit log. */
export const READ_ONLY_RESOURCES = ["educationLevels", "localityLevels", "collectiveAssignees", "auditLog"] as const;
export type ReadOnlyResourceName = (typeof READ_ONLY_RESOURCES)[number];
export type AnyResourceName = ResourceName | ReadOnlyResourceName;

/**
 * - `system_admin`: everything.
 * - `province_officer`: reads and writes localities, agencies, plans and their children and indicator values within
 *   their province's subtree; reads global resources (indicators, levels, collective assignees) without writing them.
 * - `commune_officer`: reads within their commune's subtree; writes there only plans, plan children and indicator
 *   values (localities and agencies are read-only for them).
 * - `viewer`: reads within their locality's subtree; writes nothing.
 * - `users` and `auditLog`: administrators only.
 */
export const POLICIES: Record<AnyResourceName, ResourcePolicy> = RESOURCE_ACCESS;

/** For a resource added to `RESOURCES` before it is given a policy here: administrators only (fail closed). */
export const FALLBACK_POLICY: ResourcePolicy = { read: ADMIN, write: ADMIN };

export const isAdmin = (user: SessionUser) => user.role === "system_admin";

export const policyOf = (resource: AnyResourceName): ResourcePolicy => POLICIES[resource] ?? FALLBACK_POLICY;

export function mayRead(user: SessionUser, resource: AnyResourceName): boolean {
  return policyOf(resource).read.includes(user.role) && (isAdmin(user) || user.localityId !== null);
}

export function mayWrite(user: SessionUser, resource: AnyResourceName): boolean {
  return policyOf(resource).write.includes(user.role) && (isAdmin(user) || user.localityId !== null);
}

/** What the console needs to show or hide: per resource, may the user read it, and may they write it (in their area). */
export function permissionsOf(user: SessionUser) {
  const names = [...new Set([...Object.keys(RESOURCES), ...READ_ONLY_RESOURCES])] as AnyResourceName[];
  return {
    isAdmin: isAdmin(user),
    role: user.role,
    /** Root of the user's area (null = everywhere, for administrators). */
    scopeLocalityId: isAdmin(user) ? null : user.localityId,
    canRead: Object.fromEntries(names.map((n) => [n, mayRead(user, n)])) as Record<AnyResourceName, boolean>,
    canWrite: Object.fromEntries(names.map((n) => [n, mayWrite(user, n)])) as Record<AnyResourceName, boolean>,
  };
}
export type Permissions = ReturnType<typeof permissionsOf>;
