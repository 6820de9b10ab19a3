/**
 * Procedures of a plugin (mounted by the API at `plugins.<id>`), built on the same tRPC instance, the same error
 * formatting and the same session as core's. Each call is refused unless the plugin is active and, for users of a
 * province, enabled for their province; writes are further limited by role. Plugins record audit entries with
 * `recordAudit` of @eduplan/db, as core repositories do.
 */
import { and, eq } from "drizzle-orm";
import { schema as s, type Actor, type Db, type Tx } from "@eduplan/db";
import type { Role } from "@eduplan/domain";
import type { SessionUser } from "./auth/session.js";
import { forbidden } from "./errors.js";
import { authedProcedure } from "./trpc.js";

export const OFFICER_ROLES: readonly Role[] = ["system_admin", "province_officer", "commune_officer"];
export const PROVINCE_ROLES: readonly Role[] = ["system_admin", "province_officer"];

export const actorOf = (user: SessionUser): Actor => ({ userId: user.id, username: user.username });

/** Is `localityId` within the user's area (administrators: everywhere)? */
export function isInUserArea(db: Db | Tx, user: SessionUser, localityId: number): boolean {
  if (user.role === "system_admin") return true;
  if (user.localityId === null) return false;
  return !!db
    .select({ d: s.localityClosure.depth })
    .from(s.localityClosure)
    .where(and(eq(s.localityClosure.ancestorId, user.localityId), eq(s.localityClosure.descendantId, localityId)))
    .get();
}

/** The procedure builders of one plugin: `read` (any role of a province where it is enabled), `write(roles)`. */
export function pluginProcedures(pluginId: string) {
  const read = authedProcedure.use(({ ctx, next }) => {
    const runtime = ctx.services.plugins;
    if (!runtime.isActive(pluginId))
      throw forbidden(`The plugin ${pluginId} is not active on this server.`, `Plugin ${pluginId} không hoạt động trên máy chủ này.`);
    if (ctx.user.role !== "system_admin") {
      if (ctx.user.localityId === null || !runtime.isEnabledFor(ctx.db, pluginId, ctx.user.localityId))
        throw forbidden(`The plugin ${pluginId} is not enabled for your province.`, `Plugin ${pluginId} chưa được bật cho tỉnh của bạn.`);
    }
    return next({ ctx: { ...ctx, pluginId, actor: actorOf(ctx.user) } });
  });
  const write = (roles: readonly Role[] = OFFICER_ROLES) =>
    read.use(({ ctx, next }) => {
      if (!roles.includes(ctx.user.role)) throw forbidden(`Your role (${ctx.user.role}) may not change data of ${pluginId}.`, `Vai trò của bạn không được thay đổi dữ liệu của plugin ${pluginId}.`);
      return next();
    });
  return { read, write };
}
