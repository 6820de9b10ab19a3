import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { appRouter, createApiServices, createContext, PLUGIN_REGISTRY, type ApiOptions } from "@eduplan/api";
import { loadPlugins, type PluginRegistry, type PluginRuntime } from "@eduplan/plugin-host";
import { closeDatabase, defaultDatabasePath, openDatabase, sql, type Db } from "@eduplan/db";
import { ensureReferenceData } from "@eduplan/province-config";
import { consoleDirExists, createStaticHandler } from "./static.js";

export type ServerOptions = {
  /** SQLite file (created and migrated when missing). Default: $EDUPLAN_DB or ./data/eduplan.db. */
  dbFile?: string;
  /** Default: $PORT or 3000; 0 picks a free port. */
  port?: number;
  /** Default: $HOST or 127.0.0.1. */
  host?: string;
  /** The built console (index.html + assets). Default: ../console/dist next to this package, when it exists; null = none. */
  consoleDir?: string | null;
  /** Session lifetime, cookie and login limits: see `ApiOptions` of @eduplan/api. */
  sessionHours?: ApiOptions["sessionHours"];
  secureCookies?: ApiOptions["secureCookies"];
  trustProxy?: ApiOptions["trustProxy"];
  loginRateLimit?: ApiOptions["loginRateLimit"];
  /** Where to report unexpected errors (default: console.error). */
  logError?: (message: string, error: unknown) => void;
  /** The plugins to load (default: the generated registry of the workspace's plugins). */
  plugins?: PluginRegistry;
  /** Where a broken plugin is reported (default: console.warn). */
  logPlugin?: (message: string) => void;
};

export type RunningServer = {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  db: Db;
  consoleDir: string | null;
  /** The plugins loaded at start-up (active and broken). */
  plugins: PluginRuntime;
  close(): Promise<void>;
};

export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL("../../console/dist", import.meta.url));

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }).end(text);
}

/**
 * One Node process: the tRPC API at /trpc, /healthz, and the built console. Opens and migrates the database and
 * loads the reference data before listening.
 */
export async function startServer(options: ServerOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const dbFile = options.dbFile ?? defaultDatabasePath(env);
  const port = options.port ?? (env.PORT ? Number(env.PORT) : 3000);
  const host = options.host ?? env.HOST ?? "127.0.0.1";
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  const db = openDatabase(dbFile);
  await ensureReferenceData(db);
  // Plugins: validated (a broken one is reported by name and skipped; the server still starts), migrated, indicators upserted.
  const plugins = loadPlugins(db, options.plugins ?? PLUGIN_REGISTRY, { log: options.logPlugin });

  const services = createApiServices(
    { db, sessionHours: options.sessionHours, secureCookies: options.secureCookies, trustProxy: options.trustProxy, loginRateLimit: options.loginRateLimit, plugins },
    env,
  );
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    createContext: (opts) => createContext(services, opts),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") logError(`tRPC ${path ?? "?"}:`, error.cause ?? error);
    },
  });
  const consoleDir = options.consoleDir !== undefined ? options.consoleDir : consoleDirExists(DEFAULT_CONSOLE_DIR) ? DEFAULT_CONSOLE_DIR : null;
  const serveStatic = consoleDir ? createStaticHandler(consoleDir) : null;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const pathname = (req.url ?? "/").split("?")[0]!;
    if (pathname === "/trpc" || pathname.startsWith("/trpc/")) return trpc(req, res);
    if (pathname === "/healthz") {
      try {
        db.get(sql`select 1`);
        return sendJson(res, 200, { status: "ok", db: "ok" });
      } catch (e) {
        logError("healthz: database check failed", e);
        return sendJson(res, 503, { status: "error", db: "unavailable" });
      }
    }
    if (serveStatic && serveStatic(req, res)) return;
    if (pathname === "/")
      return sendJson(res, 200, { name: "EduPlan API", trpc: "/trpc", healthz: "/healthz", console: "not built (pnpm --filter @eduplan/console build)" });
    sendJson(res, 404, { error: "not found" });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closed = false;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    db,
    consoleDir,
    plugins,
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      closeDatabase(db);
    },
  };
}
