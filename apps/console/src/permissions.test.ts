import { describe, expect, it } from "vitest";
import { permissionsOf } from "@eduplan/api";
import { canAccessWith, normalizePermissions, permissionsOfRole, POLICY } from "./permissions";

const can = (role: string, resource: string, action: string, localityId: number | null = 7) =>
  canAccessWith(permissionsOfRole(role, localityId), { resource, action });

describe("canAccess rules by role", () => {
  it("lets the system administrator do everything, the wizard included", () => {
    for (const resource of Object.keys(POLICY)) {
      expect(can("system_admin", resource, "list", null)).toBe(true);
      expect(can("system_admin", resource, "edit", null)).toBe(true);
    }
    expect(can("system_admin", "provinceSetup", "create", null)).toBe(true);
  });

  it("lets a province officer write their province's data but only read indicators and levels", () => {
    for (const resource of ["localities", "agencies", "plans", "targets", "milestones", "tasks", "fundingSources"]) {
      expect(can("province_officer", resource, "edit")).toBe(true);
      expect(can("province_officer", resource, "create")).toBe(true);
      expect(can("province_officer", resource, "delete")).toBe(true);
    }
    for (const resource of ["indicators", "educationLevels"]) {
      expect(can("province_officer", resource, "list")).toBe(true);
      expect(can("province_officer", resource, "edit")).toBe(false);
      expect(can("province_officer", resource, "create")).toBe(false);
    }
  });

  it("hides users, the audit log and the wizard from everyone but administrators", () => {
    for (const role of ["province_officer", "commune_officer", "viewer"]) {
      for (const resource of ["users", "auditLog", "provinceSetup"]) {
        expect(can(role, resource, "list")).toBe(false);
        expect(can(role, resource, "show")).toBe(false);
      }
    }
  });

  it("lets a commune officer write their plan's targets, milestones, tasks and figures, and only read the rest", () => {
    for (const resource of ["targets", "milestones", "tasks", "indicatorValues"]) {
      expect(can("commune_officer", resource, "edit")).toBe(true);
      expect(can("commune_officer", resource, "create")).toBe(true);
    }
    for (const resource of ["localities", "agencies", "indicators", "educationLevels"]) {
      expect(can("commune_officer", resource, "list")).toBe(true);
      expect(can("commune_officer", resource, "show")).toBe(true);
      expect(can("commune_officer", resource, "edit")).toBe(false);
      expect(can("commune_officer", resource, "create")).toBe(false);
      expect(can("commune_officer", resource, "delete")).toBe(false);
    }
  });

  it("keeps viewers read-only", () => {
    for (const resource of ["localities", "agencies", "plans", "targets", "tasks", "indicators"]) {
      expect(can("viewer", resource, "list")).toBe(true);
      expect(can("viewer", resource, "edit")).toBe(false);
      expect(can("viewer", resource, "create")).toBe(false);
      expect(can("viewer", resource, "delete")).toBe(false);
    }
  });

  it("refuses everything to a non-admin without a locality, to unknown roles and to nobody", () => {
    expect(can("province_officer", "plans", "list", null)).toBe(false);
    expect(can("hacker", "plans", "list")).toBe(false);
    expect(canAccessWith(null, { resource: "plans", action: "list" })).toBe(false);
  });

  it("applies a resource's rule to its fields (column-level checks)", () => {
    expect(can("viewer", "plans.titleVi", "list")).toBe(true);
    expect(can("viewer", "plans.titleVi", "edit")).toBe(false);
  });
});

describe("the rules agree with the API's policy", () => {
  const user = (role: string, localityId: number | null) =>
    ({ id: 1, username: "u", displayName: "U", role, localityId, locale: "vi" }) as Parameters<typeof permissionsOf>[0];

  it.each(["system_admin", "province_officer", "commune_officer", "viewer"])("for %s", (role) => {
    const localityId = role === "system_admin" ? null : 7;
    const api = permissionsOf(user(role, localityId));
    const mine = permissionsOfRole(role, localityId);
    // Resources the console knows must follow the API's rules; the others come from `auth.me`'s permissions at run time.
    const shared = Object.keys(api.canRead).filter((r) => r in POLICY);
    expect(shared.length).toBeGreaterThan(15);
    for (const resource of shared) {
      expect(mine.canRead[resource], `${role} read ${resource}`).toBe(api.canRead[resource as keyof typeof api.canRead]);
      expect(mine.canWrite[resource], `${role} write ${resource}`).toBe(api.canWrite[resource as keyof typeof api.canWrite]);
    }
  });
});

describe("normalizePermissions", () => {
  it("prefers what the API sends, resource by resource", () => {
    const p = normalizePermissions(
      { role: "commune_officer", localityId: 3 },
      { role: "commune_officer", isAdmin: false, scopeLocalityId: 3, canRead: { plans: true }, canWrite: { plans: false } },
    );
    expect(p.canWrite.plans).toBe(false);
    expect(p.canWrite.targets).toBe(true);
    expect(p.scopeLocalityId).toBe(3);
  });

  it("falls back to the role when the API sends nothing usable", () => {
    const p = normalizePermissions({ role: "viewer", localityId: 3 }, "nonsense");
    expect(p.role).toBe("viewer");
    expect(p.canWrite.plans).toBe(false);
    expect(p.canRead.plans).toBe(true);
  });
});
