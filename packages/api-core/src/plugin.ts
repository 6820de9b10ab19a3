/**
 * Procedures of a plugin (mounted by the API at `plugins.<id>`), built on the same tRPC instance, the same error
 * formatting and the same session as core's. Each call is refused unless the plugin is active and, for users of a
 * province, enabled for their province. A plugin's own table becomes a resource with `pluginResource`: the same
 * guarded write path as core's (role, area, references, lock, version, audit) — a plugin never writes its audit
 * entries or version checks itself.
 */
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { defineResource, isWithin, registerResource, type Db, type Principal, type RefsOf, type ResourceDefinition, type Tx } from "@eduplan/db";
import type { Role, RoleAccess } from "@eduplan/domain";
import type { z } from "zod";
import { principalOf, resourceRouter } from "./resource-router.js";
import type { SessionUser } from "./auth/session.js";
import { forbidden } from "./errors.js";
import { authedProcedure } from "./trpc.js";

export const OFFICER_ROLES: readonly Role[] = ["system_admin", "province_officer", "commune_officer"];
export const PROVINCE_ROLES: readonly Role[] = ["system_admin", "province_officer"];

/** The session user as the principal of the db write path (and the audit's actor). */
export const actorOf = (user: SessionUser): Principal => principalOf(user);

/** Is `localityId` within the user's area (administrators: everywhere)? */
export async function isInUserArea(db: Db | Tx, user: SessionUser, localityId: number): Promise<boolean> {
  if (user.role === "system_admin") return true;
  return user.localityId !== null && (await isWithin(db, user.localityId, localityId));
}

/** The procedure builders of one plugin: `read` (any role of a province where it is enabled), `write(roles)`. */
export function pluginProcedures(pluginId: string) {
  const read = authedProcedure.use(async ({ ctx, next }) => {
    const runtime = ctx.services.plugins;
    if (!runtime.isActive(pluginId))
      throw forbidden(`The plugin ${pluginId} is not active on this server.`, `Plugin ${pluginId} không hoạt động trên máy chủ này.`);
    if (ctx.user.role !== "system_admin") {
      if (ctx.user.localityId === null || !(await runtime.isEnabledFor(ctx.db, pluginId, ctx.user.localityId)))
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

export type PluginResourceOptions<T extends SQLiteTable> = {
  /** The plugin's id (the router refuses every call where it is inactive or disabled). */
  pluginId: string;
  /** The resource's name in the audit log and errors: `<pluginId>.<name>`. */
  name: string;
  entityVi: string;
  table: T;
  /** The zod schema of a record's input (create; each field, optional, for updates). */
  input: z.ZodType<Record<string, unknown>>;
  /** Who reads and writes (default: every role reads, officers write). */
  access?: RoleAccess;
  /** Where records belong (default: global — reference data of the plugin, such as its sites). */
  scope?: ResourceDefinition<T>["scope"];
  refs?: RefsOf<T>;
} & Pick<ResourceDefinition<T>, "searchFields" | "defaultSort" | "check" | "lock">;

/**
 * A plugin's table as a resource, with its CRUD router by the conventions (mount it in the plugin's `procedures`):
 * every write goes through the same guarded path as core resources, in one transaction, audited.
 */
export function pluginResource<T extends SQLiteTable>(options: PluginResourceOptions<T>) {
  const { pluginId, name, input, access, scope, refs, ...rest } = options;
  const definition = defineResource<T>({
    ...rest,
    name: `plugins.${pluginId}.${name}`,
    inputSchema: input,
    access: access ?? { read: ["system_admin", "province_officer", "commune_officer", "viewer"], write: OFFICER_ROLES },
    scope: scope ?? { kind: "global" },
    refs: refs ?? {},
  });
  registerResource(definition);
  return { definition, router: resourceRouter(definition, pluginProcedures(pluginId).read) };
}
