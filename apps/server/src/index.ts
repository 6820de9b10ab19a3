export { startServer, DEFAULT_CONSOLE_DIR, type RunningServer, type ServerOptions } from "./server.js";
export { createStaticHandler, contentTypeOf } from "./static.js";
export type { AppRouter } from "@eduplan/api";
