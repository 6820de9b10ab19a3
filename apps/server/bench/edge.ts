/**
 * `pnpm --filter @eduplan/server bench`: what the server's edge buys, measured (never asserted in tests):
 * - /healthz latency while ten exports (annual report DOCX/XLSX, list export) and an Excel import run, with the
 *   worker pool and with the jobs inline on the event loop;
 * - the first-load JavaScript of the built console, as sent (brotli, gzip) against its raw size.
 * Prints markdown tables (docs/operations.md keeps the figures).
 */
import { request } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedSampleData } from "@eduplan/sample-data";
import { DEFAULT_CONSOLE_DIR, startServer, type RunningServer } from "../src/server.js";

const dir = mkdtempSync(join(tmpdir(), "eduplan-bench-edge-"));
const dbFile = join(dir, "eduplan.db");

async function call(server: RunningServer, path: string, input: unknown, cookie = "", method: "GET" | "POST" = "POST") {
  const url = method === "GET" ? `${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}` : `${server.url}/trpc/${path}`;
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json", origin: server.url, ...(cookie ? { cookie } : {}) },
    ...(method === "POST" ? { body: JSON.stringify(input) } : {}),
  });
  const body = (await res.json()) as { result?: { data: unknown } };
  return { status: res.status, cookie: res.headers.getSetCookie()[0]?.split(";")[0] ?? "", data: body.result?.data };
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

async function underLoad(jobs: "pool" | "inline") {
  const server = await startServer({ dbFile, port: 0, consoleDir: null, logLevel: "silent", logError: () => {}, jobs: jobs === "inline" ? "inline" : { threads: 2 } });
  try {
    const officer = (await call(server, "auth.login", { username: "langson.officer", password: "eduplan-demo" })).cookie;
    const admin = (await call(server, "auth.login", { username: "admin", password: "eduplan-demo" })).cookie;
    const langSon = ((await call(server, "localities.list", { filter: { code: "lang-son" } }, admin, "GET")).data as { data: { id: number }[] }).data[0]!.id;
    const unit = ((await call(server, "localities.list", { filter: { code: "luong-van-tri" } }, admin, "GET")).data as { data: { id: number }[] }).data[0]!.id;
    const template = (await call(server, "reporting.template", { localityId: unit, year: 2026 }, officer, "GET")).data as { base64: string };
    // warm up (threads started, modules loaded) so that both runs measure steady work
    await call(server, "reporting.annualReport", { localityId: langSon, year: 2025, format: "docx" }, officer, "GET");

    const started = performance.now();
    const work = Promise.all([
      ...Array.from({ length: 6 }, (_, i) => call(server, "reporting.annualReport", { localityId: langSon, year: 2025, format: i % 2 ? "xlsx" : "docx" }, officer, "GET")),
      ...Array.from({ length: 4 }, () => call(server, "reporting.exportList", { resource: "indicators" }, admin)),
      call(server, "reporting.importWorkbook", { base64: template.base64 }, officer),
    ]);
    let done = false;
    void work.finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const t = performance.now();
      await fetch(`${server.url}/healthz`).then((r) => r.arrayBuffer());
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    const results = await work;
    return {
      jobs,
      total: performance.now() - started,
      ok: results.filter((r) => r.status === 200).length,
      healthz: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
    };
  } finally {
    await server.close();
  }
}

/** Bytes on the wire for a GET with this Accept-Encoding (no decoding). */
function transferred(url: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { "accept-encoding": encoding } }, (res) => {
      let n = 0;
      res.on("data", (c: Buffer) => (n += c.length));
      res.on("end", () => resolve(n));
    });
    req.on("error", reject);
    req.end();
  });
}

async function firstLoad() {
  const index = readFileSync(join(DEFAULT_CONSOLE_DIR, "index.html"), "utf8");
  const assets = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const server = await startServer({ dbFile, port: 0, consoleDir: DEFAULT_CONSOLE_DIR, logLevel: "silent", jobs: "inline" });
  try {
    const sum = async (encoding: string) => (await Promise.all(assets.map((a) => transferred(`${server.url}${a}`, encoding)))).reduce((x, y) => x + y, 0);
    return { files: assets.length, identity: await sum("identity"), gzip: await sum("gzip"), br: await sum("br") };
  } finally {
    await server.close();
  }
}

try {
  const seed = await startServer({ dbFile, port: 0, consoleDir: null, logLevel: "silent", jobs: "inline" });
  await seedSampleData(seed.db);
  await seed.close();

  const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
  console.log("| jobs | 10 exports + 1 import | answered | /healthz answers | p50 | p95 | max |\n|---|---|---|---|---|---|---|");
  for (const mode of ["inline", "pool"] as const) {
    const r = await underLoad(mode);
    console.log(`| ${r.jobs} | ${ms(r.total)} | ${r.ok}/11 | ${r.healthz} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} |`);
  }
  const f = await firstLoad();
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`\n| first-load JavaScript (${f.files} files) | identity | gzip | brotli |\n|---|---|---|---|\n| bytes sent | ${kib(f.identity)} | ${kib(f.gzip)} | ${kib(f.br)} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
