import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import fastifyCompress from "@fastify/compress";
import fastifyHelmet from "@fastify/helmet";
import { fastifyRequestHandler } from "@trpc/server/adapters/fastify";
import { appRouter, createApiServices, createContext, PLUGIN_REGISTRY, type ApiOptions } from "@eduplan/api";
import { loadPlugins, type PluginRegistry, type PluginRuntime } from "@eduplan/plugin-host";
import { closeDatabase, defaultDatabasePath, one, openDatabase, sql, type Db } from "@eduplan/db";
import { ensureReferenceData } from "@eduplan/province-config";
import {
  bodyTooLarge,
  checkTrpcRequest,
  DEFAULT_LIMITS,
  helmetOptions,
  jsonTooDeep,
  timedOut,
  tooDeep,
  unsupportedMediaType,
  UPLOAD_PROCEDURES,
  type EdgeRefusal,
  type Limits,
} from "./edge.js";
import { createJobPool, type JobPoolOptions } from "./jobs/pool.js";
import { consoleDirExists, registerConsole } from "./static.js";

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
  /** `Secure` session cookie (and HSTS): default $EDUPLAN_SECURE_COOKIES; "auto" = only on a TLS connection. */
  secureCookies?: ApiOptions["secureCookies"];
  /**
   * Behind a reverse proxy: `true` (= 1) or the number of proxies in front of the server. The client address is then
   * the entry the nearest trusted proxy appended to `X-Forwarded-For` (the rightmost for one proxy), never the
   * client-controlled leftmost. Default: $EDUPLAN_TRUST_PROXY ("true" or a number), else none.
   */
  trustProxy?: boolean | number;
  loginRateLimit?: ApiOptions["loginRateLimit"];
  /** Origins besides the server's own allowed to send mutations (e.g. a development console). Default: $EDUPLAN_ALLOWED_ORIGINS (comma-separated). */
  allowedOrigins?: string[];
  /**
   * The worker pool of heavy jobs (DOCX/XLSX generation, workbook imports): threads, per-user limits, upload limits;
   * "inline" = on the event loop (no threads).
   */
  jobs?: Omit<JobPoolOptions, "dbFile"> | "inline";
  /** Body, batch and time limits (docs/operations.md). */
  limits?: Partial<Limits>;
  /** pino level of the JSON logs on stdout: default $EDUPLAN_LOG_LEVEL, else "info" ("warn" under NODE_ENV=test); "silent" = none. */
  logLevel?: string;
  /** Where the JSON log lines go (default: stdout). */
  logStream?: NodeJS.WritableStream;
  /** Where to report unexpected errors (default: the server's log). */
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
  /** Stops accepting connections, lets the requests in flight finish (writes included), then closes the database. */
  close(): Promise<void>;
};

export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL("../../console/dist", import.meta.url));

function trustProxyOf(option: boolean | number | undefined, env: NodeJS.ProcessEnv): number {
  if (typeof option === "number") return Math.max(0, Math.floor(option));
  if (typeof option === "boolean") return option ? 1 : 0;
  const v = env.EDUPLAN_TRUST_PROXY?.trim().toLowerCase();
  if (v === "true") return 1;
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : 0;
}

function secureOf(option: ApiOptions["secureCookies"], env: NodeJS.ProcessEnv): boolean | "auto" {
  if (option !== undefined) return option;
  const v = env.EDUPLAN_SECURE_COOKIES?.toLowerCase();
  return v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : "auto";
}

const TOO_DEEP = "EDUPLAN_JSON_TOO_DEEP";
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * One Node process on Fastify: the tRPC API at /trpc (tRPC's Fastify adapter), /healthz, and the built console.
 * Opens and migrates the database and loads the reference data before listening.
 */
export async function startServer(options: ServerOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const dbFile = options.dbFile ?? defaultDatabasePath(env);
  const port = options.port ?? (env.PORT ? Number(env.PORT) : 3000);
  const host = options.host ?? env.HOST ?? "127.0.0.1";
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const hops = trustProxyOf(options.trustProxy, env);
  const secureCookies = secureOf(options.secureCookies, env);
  const allowedOrigins = new Set(
    (options.allowedOrigins ?? (env.EDUPLAN_ALLOWED_ORIGINS ?? "").split(","))
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => new URL(o).origin),
  );
  const logLevel = options.logLevel ?? env.EDUPLAN_LOG_LEVEL ?? (env.NODE_ENV === "test" ? "warn" : "info");

  const db = openDatabase(dbFile);
  await ensureReferenceData(db);
  // Plugins: validated (a broken one is reported by name and skipped; the server still starts), migrated, indicators upserted.
  const plugins = await loadPlugins(db, options.plugins ?? PLUGIN_REGISTRY, { log: options.logPlugin });
  const jobs = options.jobs === "inline" ? null : createJobPool({ ...options.jobs, dbFile }, env);
  const services = createApiServices(
    { db, sessionHours: options.sessionHours, secureCookies, trustProxy: hops > 0, loginRateLimit: options.loginRateLimit, plugins, ...(jobs ? { jobs } : {}) },
    env,
  );

  const app = Fastify({
    logger: { level: logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // proxy-addr's hop count: the socket's peer and the next `hops - 1` addresses are proxies; the one before is the client.
    trustProxy: hops > 0 ? (_address: string, hop: number) => hop < hops : false,
    bodyLimit: limits.jsonBodyBytes,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: 72_000,
    forceCloseConnections: "idle",
    return503OnClosing: true,
    // tRPC batches name every procedure in the path: "plans.list,targets.list,…".
    routerOptions: { maxParamLength: 8000 },
  });
  const logError = options.logError ?? ((message: string, error: unknown) => app.log.error({ err: error }, message));

  app.addHook("onSend", async (request, reply) => {
    void reply.header("x-request-id", request.id);
  });
  await app.register(fastifyHelmet, helmetOptions(secureCookies === true));
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ["br", "gzip"],
    // Brotli's default quality (11) is far too slow on the fly; 5 is close in size and many times faster.
    brotliOptions: { params: { [(await import("node:zlib")).constants.BROTLI_PARAM_QUALITY]: 5 } },
  });

  /** The procedures still running, answered or not (their writes finish before the database is closed). */
  const inFlight = new Set<Promise<unknown>>();
  const refuse = (reply: FastifyReply, r: EdgeRefusal) => reply.code(r.status).header("cache-control", "no-store").send(r.body);

  // The tRPC API, in its own scope: its JSON is read as a string (tRPC parses it), bodies are limited per route.
  await app.register(async (api) => {
    api.removeAllContentTypeParsers();
    api.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) => {
      // (the upload's schema is flat: its megabytes of base64 need no scan on the event loop)
      const upload = UPLOAD_PROCEDURES.some((p) => req.url.split("?")[0] === `/trpc/${p}`);
      if (!upload && jsonTooDeep(body as string, limits.maxJsonDepth)) return done(Object.assign(new Error("JSON too deep"), { statusCode: 400, code: TOO_DEEP }));
      done(null, body);
    });
    api.addHook("onRequest", async (request: FastifyRequest<{ Params: { path?: string }; Querystring: { batch?: string } }>, reply) => {
      const input = (request.query as { input?: unknown }).input;
      if (typeof input === "string" && jsonTooDeep(input, limits.maxJsonDepth)) return refuse(reply, tooDeep(limits.maxJsonDepth));
      const refusal = checkTrpcRequest(
        { method: request.method, headers: request.headers, host: request.host, path: request.params.path ?? "", batch: request.query.batch === "1" },
        limits,
        allowedOrigins,
      );
      if (refusal) return refuse(reply, refusal);
    });
    api.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
      const upload = (UPLOAD_PROCEDURES as readonly string[]).some((p) => request.url.split("?")[0] === `/trpc/${p}`);
      if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE" || error.statusCode === 413)
        return refuse(reply, bodyTooLarge(upload ? limits.uploadBodyBytes : limits.jsonBodyBytes, upload));
      if (error.code === TOO_DEEP) return refuse(reply, tooDeep(limits.maxJsonDepth));
      if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE")
        return refuse(reply, unsupportedMediaType(String(request.headers["content-type"] ?? "").split(";")[0]!));
      logError(`HTTP ${request.method} ${request.url}:`, error);
      return reply.send(error);
    });
    // The answer's time limit (Fastify's own handlerTimeout stops counting once the body is read): past it the client
    // gets a 503; the procedure's work goes on to its end (a write is never cut half-way) and its late answer is dropped.
    const handle = (path: (request: FastifyRequest) => string, timeoutMs: number) => async (request: FastifyRequest, reply: FastifyReply) => {
      const timer = setTimeout(() => {
        if (!reply.sent) void refuse(reply, timedOut());
      }, timeoutMs);
      const work = fastifyRequestHandler({
        router: appRouter,
        req: request,
        res: reply,
        path: path(request),
        maxBatchSize: limits.maxBatchSize,
        createContext: ({ req, res }) => createContext(services, { req: req.raw, res: res.raw, ip: req.ip }),
        onError({ error, path: procedure }) {
          if (error.code === "INTERNAL_SERVER_ERROR") logError(`tRPC ${procedure ?? "?"}:`, error.cause ?? error);
        },
      });
      // A procedure answered late (503 sent) still runs to its end: shutdown waits for it before closing the database.
      inFlight.add(work);
      try {
        await work;
      } finally {
        inFlight.delete(work);
        clearTimeout(timer);
      }
      return reply;
    };
    for (const procedure of UPLOAD_PROCEDURES)
      api.route({
        method: "POST",
        url: `/trpc/${procedure}`,
        bodyLimit: limits.uploadBodyBytes,
        handler: handle(() => procedure, limits.uploadHandlerTimeoutMs),
      });
    api.route({
      method: ["GET", "POST"],
      url: "/trpc/:path",
      handler: handle((request) => (request.params as { path: string }).path, limits.handlerTimeoutMs),
    });
  });

  app.get("/healthz", async (_request, reply) => {
    void reply.header("cache-control", "no-store");
    try {
      await one(db, sql`select 1`);
      return { status: "ok", db: "ok" };
    } catch (e) {
      logError("healthz: database check failed", e);
      return reply.code(503).send({ status: "error", db: "unavailable" });
    }
  });

  const consoleDir = options.consoleDir !== undefined ? options.consoleDir : consoleDirExists(DEFAULT_CONSOLE_DIR) ? DEFAULT_CONSOLE_DIR : null;
  const spaFallback = consoleDir ? await registerConsole(app, consoleDir) : null;
  if (!consoleDir)
    app.get("/", async (_request, reply) => {
      void reply.header("cache-control", "no-store");
      return { name: "EduPlan API", trpc: "/trpc", healthz: "/healthz", console: "not built (pnpm --filter @eduplan/console build)" };
    });
  app.setNotFoundHandler((request, reply) => {
    if (spaFallback?.(request, reply)) return;
    return reply.code(404).header("cache-control", "no-store").send({ error: "not found" });
  });

  await app.listen({ port, host });
  const address = app.server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    db,
    consoleDir,
    plugins,
    close() {
      closing ??= (async () => {
        const force = setTimeout(() => app.server.closeAllConnections(), limits.shutdownTimeoutMs);
        // Keep-alive connections whose last request finished after close() began are idle now: end them too.
        const idle = setInterval(() => app.server.closeIdleConnections(), 100);
        force.unref();
        idle.unref();
        try {
          await app.close(); // the requests in flight finish first, and with them their jobs
          await Promise.allSettled([...inFlight]); // and those answered by the time limit (503) but still writing
          await jobs?.close();
        } finally {
          clearTimeout(force);
          clearInterval(idle);
          closeDatabase(db);
        }
      })();
      return closing;
    },
  };
}
