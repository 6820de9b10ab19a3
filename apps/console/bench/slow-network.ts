/**
 * `npx -y pnpm@10.34.8 --filter @eduplan/console bench` (part of the root `bench`): the console on a slow network
 * (issue 14, row 7: login page interactive ≤ 5 s, dashboard loaded ≤ 15 s).
 *
 * The real server (the sample province, the console as built by ./first-load.ts, served with its compression) and
 * Chromium via playwright-core, with the DevTools protocol's network emulation: 400 ms round trip, 400 kbit/s down and
 * up, cache disabled. Two figures, each the median of a few cold loads:
 * - login page interactive: from navigation to the username field shown and editable (the app's code has run);
 * - dashboard loaded: from pressing "Đăng nhập" to the dashboard shown with no request in flight for 1 s (its figures
 *   and charts fetched).
 * Figures only: nothing is asserted.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { seedSampleData } from "@eduplan/sample-data";
import { startServer } from "@eduplan/server";
import { existsSync } from "node:fs";
import { BARE_OUT, consoleBuild } from "./builds.js";
import { recordBenchRows } from "../../../bench/table.js";
import { recordSection } from "./doc.js";

const RUNS = Number(process.env.EDUPLAN_BENCH_RUNS ?? 3);
const USER = "langson.officer";
const PASSWORD = "eduplan-demo";
const NETWORK = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

/** Resolves once no request has been in flight for `quietMs`. */
function networkQuiet(page: Page, quietMs = 1000): Promise<void> {
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  return new Promise((resolve) => {
    const check = () => {
      clearTimeout(timer);
      if (inFlight === 0) timer = setTimeout(resolve, quietMs);
    };
    page.on("request", () => {
      inFlight++;
      clearTimeout(timer);
    });
    const done = () => {
      inFlight = Math.max(0, inFlight - 1);
      check();
    };
    page.on("requestfinished", done);
    page.on("requestfailed", done);
    check();
  });
}

type Run = { loginMs: number; dashboardMs: number; bytes: number; requests: number };

async function once(url: string, loginOnly = false): Promise<Run> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const context = await browser.newContext({ locale: "vi-VN" });
    const page = await context.newPage();
    page.setDefaultTimeout(300_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", NETWORK);
    let bytes = 0;
    let requests = 0;
    cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests++;
    });

    const navigation = performance.now();
    await page.goto(`${url}/#/login`, { waitUntil: "commit" });
    const username = page.locator('input[name="username"]');
    await username.waitFor({ state: "visible" });
    await page.waitForFunction(() => {
      const input = document.querySelector<HTMLInputElement>('input[name="username"]');
      return !!input && !input.disabled && !input.readOnly;
    });
    const loginMs = performance.now() - navigation;
    if (loginOnly) return { loginMs, dashboardMs: Number.NaN, bytes, requests };

    await username.fill(USER);
    await page.locator('input[name="password"]').fill(PASSWORD);
    const quiet = () => networkQuiet(page);
    const submitted = performance.now();
    await page.locator('button[type="submit"]').click();
    await page.getByTestId("dashboard").waitFor({ state: "visible" });
    await quiet();
    const dashboardMs = performance.now() - submitted - 1000;
    return { loginMs, dashboardMs, bytes, requests };
  } finally {
    await browser.close();
  }
}

/** What the figures mean (kept with them; update it when the design changes). */
const READING = `Reading: the dashboard is well within its target. The login page is not, and cannot be with react-admin on the login
page: 400 kbit/s is 50 KB/s, so the bare react-admin app's 267 KiB (brotli) of first-load JavaScript alone take about
5.5 s to arrive, and it shows its form after about 8 s; the console's 359 KiB take about 7.3 s. Before the console's
first load became one chunk (70 scripts, about a dozen round trips of 400 ms at six connections), the login page took
14.5 s and the dashboard 7.0 s. Meeting ≤ 5 s needs a login page that does not wait for react-admin: a plain form in
\`index.html\` (posting to \`auth.login\`) shown at once while the application loads behind it.`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const consoleDir = await consoleBuild();
const dir = mkdtempSync(join(tmpdir(), "eduplan-bench-slow-network-"));
const server = await startServer({ dbFile: join(dir, "eduplan.db"), port: 0, host: "127.0.0.1", consoleDir, logLevel: "silent", logError: () => {} });
try {
  await seedSampleData(server.db);
  await once(server.url); // warm the server (first queries, prepared statements), not measured
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await once(server.url));
    console.log(`run ${i + 1}: login page interactive ${s(runs.at(-1)!.loginMs)}, dashboard loaded ${s(runs.at(-1)!.dashboardMs)} after logging in (${runs.at(-1)!.requests} requests, ${(runs.at(-1)!.bytes / 1024).toFixed(0)} KiB over the wire)`);
  }
  // The same network for the bare react-admin app of the first-load bench (./bare-app): what react-admin alone costs.
  let bareLogin: number | null = null;
  if (existsSync(join(BARE_OUT, "index.html"))) {
    const bare = await startServer({ dbFile: join(dir, "bare.db"), port: 0, host: "127.0.0.1", consoleDir: BARE_OUT, logLevel: "silent", logError: () => {} });
    try {
      const bareRuns: number[] = [];
      for (let i = 0; i < RUNS; i++) bareRuns.push((await once(bare.url, true)).loginMs);
      bareLogin = median(bareRuns);
      console.log(`bare react-admin app: login page interactive ${bareRuns.map(s).join(", ")}`);
    } finally {
      await bare.close();
    }
  }
  const login = median(runs.map((r) => r.loginMs));
  const dashboard = median(runs.map((r) => r.dashboardMs));
  const table = [
    "| figure | median | runs | target |",
    "|---|---|---|---|",
    `| login page interactive (navigation → username field editable) | ${s(login)} | ${runs.map((r) => s(r.loginMs)).join(", ")} | ≤ 5 s |`,
    ...(bareLogin !== null ? [`| bare react-admin app (./bare-app, same server and network): login page interactive | ${s(bareLogin)} | | — |`] : []),
    `| dashboard loaded (submit → dashboard shown, network quiet) | ${s(dashboard)} | ${runs.map((r) => s(r.dashboardMs)).join(", ")} | ≤ 15 s |`,
    `| bytes over the wire, whole visit (compressed as served) | ${(median(runs.map((r) => r.bytes)) / 1024).toFixed(0)} KiB | ${runs.map((r) => r.requests).join(", ")} requests | — |`,
  ].join("\n");
  console.log(`\n${table}`);
  const command = "npx -y pnpm@10.34.8 --filter @eduplan/console bench";
  recordSection(
    "slow-network",
    "Login and dashboard on a slow network",
    command,
    `Chromium (playwright-core) with \`Network.emulateNetworkConditions\` (latency 400 ms, 400 kbit/s down and up), cache disabled; the real server with the sample province, the console as built; user \`${USER}\`; ${RUNS} cold loads after one warm-up.\n\n${table}\n\n${READING}`,
  );
  recordBenchRows("apps/console/bench/slow-network.ts", "npx -y pnpm@10.34.8 bench", [
    {
      key: "network",
      figure: "login page interactive / dashboard loaded, Chromium, 400 kbit/s, 400 ms RTT",
      eduplan: `${s(login)} / ${s(dashboard)}`,
      raw: bareLogin !== null ? `bare react-admin app, login page: ${s(bareLogin)}` : "—",
      ratio: bareLogin !== null ? `login ${(login / bareLogin).toFixed(2)}×` : "—",
      target: "≤ 5 s / ≤ 15 s",
      met: login <= 5000 && dashboard <= 15000 ? "yes" : login <= 5000 ? "login yes, dashboard no" : dashboard <= 15000 ? "dashboard yes, login no" : "no",
    },
  ]);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
