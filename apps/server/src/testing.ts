/**
 * Helpers for the integration tests: a real server on 127.0.0.1 (port 0) over a real SQLite file in a temporary
 * directory, seeded with the sample data, and tRPC clients that carry the session cookie like a browser.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTRPCClient, createTRPCUntypedClient, httpLink, TRPCClientError, type TRPCLink } from "@trpc/client";
import { SESSION_COOKIE, type AppRouter } from "@eduplan/api";
import { seedSampleData } from "@eduplan/sample-data";
import { startServer, type RunningServer, type ServerOptions } from "./server.js";

export const DEMO_PASSWORD = "eduplan-demo";

export type TestServer = RunningServer & { dir: string; dbFile: string; stop(): Promise<void> };

export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "eduplan-api-"));
  const dbFile = join(dir, "eduplan.db");
  const server = await startServer({ dbFile, port: 0, host: "127.0.0.1", logError: () => {}, logLevel: "silent", ...options });
  await seedSampleData(server.db);
  return {
    ...server,
    dir,
    dbFile,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Client = ReturnType<typeof createClient>;

/**
 * A tRPC client with its own cookie jar (one "browser"): it sends the `Origin` of the server, as the console's
 * browser does (mutations without a matching Origin are refused).
 */
export function createClient(baseUrl: string) {
  const jar = { session: "" as string };
  const origin = new URL(baseUrl).origin;
  const cookieFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    if (!headers.has("origin")) headers.set("origin", origin);
    if (jar.session) headers.set("cookie", `${SESSION_COOKIE}=${jar.session}`);
    const res = await fetch(input, { ...init, headers });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair!.indexOf("=");
      if (pair!.slice(0, eq) === SESSION_COOKIE) jar.session = pair!.slice(eq + 1);
    }
    return res;
  };
  const links = (): TRPCLink<AppRouter>[] => [httpLink({ url: `${baseUrl}/trpc`, fetch: cookieFetch })];
  const trpc = createTRPCClient<AppRouter>({ links: links() });
  const untyped = createTRPCUntypedClient<AppRouter>({ links: links() });
  return {
    trpc,
    /** Call any procedure by its dotted path (for tests generated from the router). */
    call(type: "query" | "mutation", path: string, input?: unknown): Promise<unknown> {
      return type === "query" ? untyped.query(path, input) : untyped.mutation(path, input);
    },
    jar,
    fetch: cookieFetch,
  };
}

/** A client logged in as a demo user. */
export async function loginAs(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const client = createClient(baseUrl);
  await client.trpc.auth.login.mutate({ username, password });
  return client;
}

export type ErrorData = {
  code: string;
  httpStatus: number;
  eduplan?: { reason: string; message: { vi: string; en: string }; fieldErrors: { path: string; message: { vi: string; en: string } }[] };
};

/** The tRPC error a call ends with (fails the test if it succeeds). */
export async function errorOf(promise: Promise<unknown>): Promise<TRPCClientError<AppRouter> & { data: ErrorData }> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof TRPCClientError) return e as TRPCClientError<AppRouter> & { data: ErrorData };
    throw e;
  }
  throw new Error("expected the call to fail, it succeeded");
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  return (await errorOf(promise)).data?.code ?? "NO_CODE";
}

/** The current version of a record, as `client` reads it (every change names the version it is based on). */
export async function versionOf(client: Client, resource: string, id: number): Promise<number> {
  return ((await client.call("query", `${resource}.getOne`, { id })) as { data: { version: number } }).data.version;
}

/** A workflow step on the report's current version. */
export async function transition(client: Client, id: number, action: "submit" | "return" | "approve" | "reopen", reason?: string) {
  return client.trpc.reports.transition.mutate({ id, action, version: await versionOf(client, "reports", id), ...(reason !== undefined ? { reason } : {}) });
}
