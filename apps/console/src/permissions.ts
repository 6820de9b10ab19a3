import { RESOURCE_ACCESS, ROLES, type Role } from "@eduplan/domain";
/**
 * Who may see and change what, in the console. The API decides (it checks every call); the console only hides
 * what would be refused, so menus and buttons match what the API allows. `auth.me` sends the user's permissions
 * (`canRead` / `canWrite` per resource, computed by the API's policy); when it does not, the same rules are derived
 * here from the role, with the API's own table (`RESOURCE_ACCESS`):
 *
 * - `system_admin`: everything;
 * - `province_officer`: writes localities, agencies, plans and their children, indicator values in their province;
 *   reads indicators and levels; never sees users or the audit log;
 * - `commune_officer`: writes their commune's plans, plan children (targets, milestones, tasks, …) and indicator
 *   values; reads the rest of their commune (localities, agencies) and the global references;
 * - `viewer`: reads their area, writes nothing.
 *
 * Pure code: unit-tested in permissions.test.ts.
 */

export const ROLE_NAMES = ROLES;
export type RoleName = Role;

export interface ConsolePermissions {
  role: RoleName | null;
  isAdmin: boolean;
  /** Root of the user's area; null = everywhere (administrators). */
  scopeLocalityId: number | null;
  canRead: Record<string, boolean>;
  canWrite: Record<string, boolean>;
}

/** Read and write roles per resource: the same table the API enforces (`RESOURCE_ACCESS` of @eduplan/domain). */
export const POLICY: Record<string, { read: readonly RoleName[]; write: readonly RoleName[] }> = RESOURCE_ACCESS;

export const isRole = (value: unknown): value is RoleName => typeof value === "string" && (ROLE_NAMES as readonly string[]).includes(value);

/** The permissions the API would compute for a role and locality. */
export function permissionsOfRole(role: unknown, localityId: number | null = null): ConsolePermissions {
  const r = isRole(role) ? role : null;
  const admin = r === "system_admin";
  // Every role but the administrator's works on one locality; without one the API refuses everything.
  const placed = admin || localityId !== null;
  const canRead: Record<string, boolean> = {};
  const canWrite: Record<string, boolean> = {};
  for (const [resource, policy] of Object.entries(POLICY)) {
    canRead[resource] = r !== null && placed && policy.read.includes(r);
    canWrite[resource] = r !== null && placed && policy.write.includes(r);
  }
  return { role: r, isAdmin: admin, scopeLocalityId: admin ? null : localityId, canRead, canWrite };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const boolMap = (value: unknown): Record<string, boolean> =>
  isObject(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "boolean")) as Record<string, boolean> : {};

/**
 * The permissions of a user as `auth.me` describes them. The API's `permissions` (when present) win over the
 * role-derived ones resource by resource; the console's own pages (`provinceSetup`) come from the role.
 */
export function normalizePermissions(
  user: { role?: unknown; localityId?: unknown } | null | undefined,
  fromApi?: unknown,
): ConsolePermissions {
  const localityId = typeof user?.localityId === "number" ? user.localityId : null;
  const base = permissionsOfRole(user?.role, localityId);
  if (!isObject(fromApi)) return base;
  const role = isRole(fromApi.role) ? fromApi.role : base.role;
  const merged = role === base.role ? base : permissionsOfRole(role, localityId);
  return {
    role,
    isAdmin: typeof fromApi.isAdmin === "boolean" ? fromApi.isAdmin : merged.isAdmin,
    scopeLocalityId:
      typeof fromApi.scopeLocalityId === "number" || fromApi.scopeLocalityId === null
        ? (fromApi.scopeLocalityId as number | null)
        : merged.scopeLocalityId,
    canRead: { ...merged.canRead, ...boolMap(fromApi.canRead) },
    canWrite: { ...merged.canWrite, ...boolMap(fromApi.canWrite) },
  };
}

/** react-admin actions that only read. Anything else (edit, create, delete, clone, …) writes. */
const READ_ACTIONS = new Set(["list", "show", "export", "read", "access"]);

/**
 * react-admin's `canAccess({ resource, action })`: may the user do `action` on `resource`? Actions `list`, `show`,
 * `export` need read access; `edit`, `create`, `delete`, `clone` need write access. A resource the console does
 * not know is refused. `resource` may name a field of a resource ("plans.title") as react-admin does for
 * column-level checks: the resource's rule applies.
 */
export function canAccessWith(
  permissions: ConsolePermissions | null | undefined,
  params: { resource: string; action: string; record?: unknown },
): boolean {
  if (!permissions || !permissions.role) return false;
  const resource = params.resource.split(".")[0] ?? params.resource;
  if (permissions.isAdmin) return resource in POLICY || resource in permissions.canRead;
  const map = READ_ACTIONS.has(params.action) ? permissions.canRead : permissions.canWrite;
  return map[resource] === true;
}
