/**
 * End-to-end helpers: the real server on a temporary seeded SQLite file serving the built console, headless
 * Chromium (Debian's, through playwright-core), and a tRPC client with its own session for changing data "behind
 * the browser's back".
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { AppRouter } from "@eduplan/api";
import { seedSampleData } from "@eduplan/sample-data";
import { startServer, type RunningServer } from "@eduplan/server";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { describe, it } from "vitest";

export const DEMO_PASSWORD = "eduplan-demo";
export const CONSOLE_DIR = fileURLToPath(new URL("../dist", import.meta.url));
export const OUTPUT_DIR = fileURLToPath(new URL("../test-output", import.meta.url));

/** Debian's Chromium (CHROMIUM_PATH overrides). */
export function chromiumPath(): string | null {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}

/** `EDUPLAN_SKIP_BROWSER=1` skips the browser tests on purpose; nothing else does. */
export const SKIP_BROWSER = process.env.EDUPLAN_SKIP_BROWSER === "1";

/**
 * `describe` for a browser test file. Without Chromium the file fails with one test saying why (a missing browser
 * must not pass for a green suite); it is skipped only when EDUPLAN_SKIP_BROWSER=1 asks for it.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (SKIP_BROWSER) describe.skip(name, body);
  else if (chromiumPath() === null)
    describe(name, () => {
      it("finds Chromium", () => {
        throw new Error(
          "Chromium not found (/usr/bin/chromium or $CHROMIUM_PATH): apt-get install chromium, or set EDUPLAN_SKIP_BROWSER=1 to skip the browser tests on purpose.",
        );
      });
    });
  else describe(name, body);
}

export type E2eServer = RunningServer & { dir: string; stop(): Promise<void> };

/** The server from @eduplan/server on port 0, a fresh database seeded with the sample data, the built console. */
export async function startE2eServer(): Promise<E2eServer> {
  if (!existsSync(join(CONSOLE_DIR, "index.html")))
    throw new Error(`The console is not built (${CONSOLE_DIR}): run "npx -y pnpm@10.34.8 --filter @eduplan/console build" (the root test script builds it first).`);
  const dir = mkdtempSync(join(tmpdir(), "eduplan-console-e2e-"));
  const server = await startServer({ dbFile: join(dir, "eduplan.db"), port: 0, host: "127.0.0.1", consoleDir: CONSOLE_DIR, logError: () => {} });
  await seedSampleData(server.db);
  return {
    ...server,
    dir,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("Chromium not found: apt-get install chromium, or set CHROMIUM_PATH");
  return chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** A fresh browser profile (cookies, localStorage) at a desktop size. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
}

/** Console messages and page errors, to explain a failure. */
export function recordConsole(page: Page): string[] {
  const log: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") log.push(`console.error: ${m.text()}`);
  });
  page.on("pageerror", (e) => log.push(`pageerror: ${e.message}`));
  return log;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Logs in through the console's login page. */
export async function logIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId("dashboard").waitFor({ timeout: 30_000 });
}

/** A tRPC client with its own session cookie: another user (or the same one in another tab) changing data. */
export function apiClient(baseUrl: string) {
  let session = "";
  const cookieFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    headers.set("origin", new URL(baseUrl).origin); // the server refuses mutations without its own Origin (as a browser sends)
    if (session) headers.set("cookie", session);
    const res = await fetch(input, { ...init, headers });
    for (const cookie of res.headers.getSetCookie()) {
      const pair = cookie.split(";")[0]!;
      if (pair.startsWith("eduplan_session=")) session = pair;
    }
    return res;
  };
  const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc`, fetch: cookieFetch })] });
  return {
    trpc,
    async login(username: string, password = DEMO_PASSWORD) {
      await trpc.auth.login.mutate({ username, password });
      return this;
    },
  };
}
