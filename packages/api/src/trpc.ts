/**
 * The only place tRPC is initialised is `@eduplan/api-core` (`src/trpc.ts` there), so that plugins build their
 * procedures on the same instance: this module re-exports it for the API's routers.
 */
export { router, middleware, createCallerFactory, mergeRouters, publicProcedure, authedProcedure } from "@eduplan/api-core";
