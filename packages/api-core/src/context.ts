import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "@eduplan/db";
import { emptyPluginRuntime, type PluginRuntime } from "@eduplan/plugin-host";
import { LoginRateLimiter, type RateLimitOptions } from "./auth/rate-limit.js";
import { inlineJobs, type JobRunner } from "./jobs.js";
import { parseCookies, SESSION_COOKIE, userOfSession, type SessionUser } from "./auth/session.js";

export type ApiOptions = {
  db: Db;
  /** Session lifetime in hours (fractions allowed). Default: $EDUPLAN_SESSION_HOURS, else 12. */
  sessionHours?: number;
  /**
   * `Secure` attribute of the session cookie: always, never, or "auto" (default; $EDUPLAN_SECURE_COOKIES) = when the
   * connection itself is TLS. Never from a client-sent header such as `X-Forwarded-Proto`: behind a TLS-terminating
   * proxy set EDUPLAN_SECURE_COOKIES=true.
   */
  secureCookies?: boolean | "auto";
  /**
   * Behind a reverse proxy (default: $EDUPLAN_TRUST_PROXY === "true"). The HTTP server then takes the client address
   * from the entry the proxy appended to `X-Forwarded-For` and passes it as `ip` to {@link createContext}.
   */
  trustProxy?: boolean;
  /** Login back-off per account, per account and address, per address (see `LoginRateLimiter`). */
  loginRateLimit?: RateLimitOptions;
  /** Where heavy work runs (the server's worker pool); default: inline. */
  jobs?: JobRunner;
  /** The loaded plugins (`loadPlugins` of @eduplan/plugin-host); default: none. */
  plugins?: PluginRuntime;
};

/** Long-lived state shared by every request: the database, the login limiter, the job runner, the plugins. */
export type ApiServices = {
  db: Db;
  sessionHours: number;
  secureCookies: boolean | "auto";
  trustProxy: boolean;
  loginLimiter: LoginRateLimiter;
  /** Runs DOCX/XLSX generation and workbook parsing (a worker pool in the server). */
  jobs: JobRunner;
  /** The active plugins, their forms and feeds. */
  plugins: PluginRuntime;
};

function envSessionHours(env: NodeJS.ProcessEnv): number {
  const n = Number(env.EDUPLAN_SESSION_HOURS);
  return Number.isFinite(n) && n > 0 ? n : 12;
}

function envSecure(env: NodeJS.ProcessEnv): boolean | "auto" {
  const v = env.EDUPLAN_SECURE_COOKIES?.toLowerCase();
  return v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : "auto";
}

export function createApiServices(options: ApiOptions, env: NodeJS.ProcessEnv = process.env): ApiServices {
  return {
    db: options.db,
    sessionHours: options.sessionHours ?? envSessionHours(env),
    secureCookies: options.secureCookies ?? envSecure(env),
    trustProxy: options.trustProxy ?? env.EDUPLAN_TRUST_PROXY === "true",
    loginLimiter: new LoginRateLimiter(options.loginRateLimit),
    jobs: options.jobs ?? inlineJobs,
    plugins: options.plugins ?? emptyPluginRuntime(options.db),
  };
}

export type Context = {
  services: ApiServices;
  db: Db;
  /** The logged-in user, or null. */
  user: SessionUser | null;
  /** SHA-256 of the session token the request carried (for logout). */
  sessionTokenHash: string | null;
  /** Client address, for login rate limiting. */
  ip: string;
  /** Whether the session cookie gets the `Secure` attribute. */
  secureCookie: boolean;
  /** Add a `Set-Cookie` header to the response. */
  setCookie(cookie: string): void;
};

/**
 * Context for a request of a Node HTTP server: reads the session cookie. `ip` is the client address as the server
 * determined it (its trusted-proxy setting); default: the socket's peer.
 */
export async function createContext(services: ApiServices, opts: { req: IncomingMessage; res: ServerResponse; ip?: string }): Promise<Context> {
  const { req, res } = opts;
  const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
  const session = token ? await userOfSession(services.db, token) : null;
  const tls = Boolean((req.socket as { encrypted?: boolean }).encrypted);
  return {
    services,
    db: services.db,
    user: session?.user ?? null,
    sessionTokenHash: session?.tokenHash ?? null,
    ip: opts.ip || req.socket.remoteAddress || "unknown",
    secureCookie: services.secureCookies === "auto" ? tls : services.secureCookies,
    setCookie(cookie) {
      const existing = res.getHeader("set-cookie");
      const list = Array.isArray(existing) ? existing : existing === undefined ? [] : [String(existing)];
      res.setHeader("set-cookie", [...list, cookie]);
    },
  };
}

/** Context without HTTP, for scripts and in-process callers (`createCaller`): acts as `user`. */
export function createInnerContext(services: ApiServices, user: SessionUser | null, ip = "in-process"): Context {
  return { services, db: services.db, user, sessionTokenHash: null, ip, secureCookie: false, setCookie() {} };
}
