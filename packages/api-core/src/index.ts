export * from "./trpc.js";
export * from "./context.js";
export * from "./errors.js";
export * from "./inputs.js";
export * from "./plugin.js";
export * from "./auth/session.js";
export * from "./auth/rate-limit.js";
export * from "./jobs.js";
