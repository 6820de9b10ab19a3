import { TRPCError } from "@trpc/server";
import { describe, expect, test } from "vitest";
import type { Context } from "./context.js";
import { pluginProcedures, PROVINCE_ROLES } from "./plugin.js";
import { createCallerFactory, router } from "./trpc.js";

const p = pluginProcedures("demo-plugin");
const demo = router({
  read: p.read.query(({ ctx }) => ({ pluginId: ctx.pluginId, actor: ctx.actor })),
  write: p.write(PROVINCE_ROLES).mutation(() => "written"),
});
const call = createCallerFactory(demo);

function contextOf(user: { role: string; localityId: number | null } | null, plugin: { active: boolean; enabled: boolean }): Context {
  return {
    services: { plugins: { isActive: () => plugin.active, isEnabledFor: () => plugin.enabled } },
    db: {},
    user: user && { id: 7, username: "u", displayName: "U", locale: "vi", ...user },
  } as unknown as Context;
}

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "OK";
  } catch (e) {
    return e instanceof TRPCError ? e.code : "THROWN";
  }
};

describe("pluginProcedures", () => {
  test("active and enabled for the user's province: reads for every role, writes for the roles given", async () => {
    const officer = call(contextOf({ role: "commune_officer", localityId: 3 }, { active: true, enabled: true }));
    expect(await officer.read()).toEqual({ pluginId: "demo-plugin", actor: { userId: 7, username: "u", role: "commune_officer", localityId: 3 } });
    expect(await codeOf(officer.write())).toBe("FORBIDDEN");
    expect(await call(contextOf({ role: "province_officer", localityId: 2 }, { active: true, enabled: true })).write()).toBe("written");
  });

  test("refused where the plugin is disabled, when it is not active (broken), and without a session", async () => {
    expect(await codeOf(call(contextOf({ role: "province_officer", localityId: 2 }, { active: true, enabled: false })).read())).toBe("FORBIDDEN");
    expect(await codeOf(call(contextOf({ role: "system_admin", localityId: null }, { active: false, enabled: true })).read())).toBe("FORBIDDEN");
    expect(await codeOf(call(contextOf(null, { active: true, enabled: true })).read())).toBe("UNAUTHORIZED");
    // administrators work across provinces: an active plugin is open to them
    expect(await call(contextOf({ role: "system_admin", localityId: null }, { active: true, enabled: false })).write()).toBe("written");
  });
});
