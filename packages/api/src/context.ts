/** Context and services live in `@eduplan/api-core` (shared with plugins); re-exported here. */
export { createApiServices, createContext, createInnerContext, type ApiOptions, type ApiServices, type Context } from "@eduplan/api-core";
