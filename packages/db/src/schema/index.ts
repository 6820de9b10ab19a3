export * from "./reference.js";
export * from "./localities.js";
export * from "./agencies.js";
export * from "./indicators.js";
export * from "./plans.js";
export * from "./targets.js";
export * from "./tasks.js";
export * from "./users.js";
