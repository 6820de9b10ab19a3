import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root.js";

export { appRouter, type AppRouter } from "./root.js";
export { createApiServices, createContext, createInnerContext, type ApiOptions, type ApiServices, type Context } from "./context.js";
export { createCallerFactory } from "./trpc.js";
export { POLICIES, READ_ONLY_RESOURCES, permissionsOf, type AnyResourceName, type Permissions, type ResourcePolicy } from "./policy.js";
export { SESSION_COOKIE, type SessionUser } from "./auth/session.js";
export { LoginRateLimiter, type RateLimitOptions } from "./auth/rate-limit.js";
export { resourceRouter, readOnlyRouter } from "./router/resource.js";
export type { EduplanErrorData } from "./errors.js";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { PLUGIN_REGISTRY, type InstalledPluginId } from "./plugins.generated.js";
export type { PluginSettingRow } from "./router/plugins.js";
