export { startServer, DEFAULT_CONSOLE_DIR, type RunningServer, type ServerOptions } from "./server.js";
export { DEFAULT_LIMITS, UPLOAD_PROCEDURES, type Limits } from "./edge.js";
export { cacheControlOf } from "./static.js";
export type { AppRouter } from "@eduplan/api";
