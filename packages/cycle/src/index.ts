export * from "./periods.js";
export * from "./save.js";
export * from "./workflow.js";
export * from "./unit-report.js";
