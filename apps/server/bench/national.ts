/**
 * `npx -y pnpm@10.34.8 --filter @eduplan/server bench` (part of `npx -y pnpm@10.34.8 bench`): the national dataset
 * (34 provinces, 3,321 communes, 60 indicators, 10 years ≈ 2 M figures, 100,000 audit entries) served by the real
 * server, each figure beside a raw baseline in this process:
 * - a list page (25 of 3,321 communes sorted by Vietnamese name, `localities.list` with a session cookie) under
 *   autocannon at 1/10/50 clients, against node:http + better-sqlite3 reading the same table by its indexed sort key;
 * - `progress.nationalDashboard` against one GROUP BY over the year's figures;
 * - `auditLog.list` with `filter.q` over 100,000 entries against raw SQL on an FTS5 index of the same folded text.
 * Writes rows 3–5 of the table in docs/benchmarks.md (bench/table.ts).
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
// @ts-expect-error autocannon ships no types
import autocannon from "autocannon";
import { DEFAULT_LOCALITY_LEVELS, EDUCATION_LEVELS, foldVietnamese, vietnameseSortKey } from "@eduplan/domain";
import { RESOURCES, SYSTEM, attachLocalityToClosure, createRecord, openDatabase, prepareRecordInput, rebuildRollups, recordAudit, schema as s, transaction, type Db } from "@eduplan/db";
import { startServer, type RunningServer } from "../src/server.js";
import { recordBenchRows, type BenchRow } from "../../../bench/table.js";

const load = loadavg();
const PROVINCES = 34;
const COMMUNES = 3_321;
const INDICATORS = 60;
const YEARS = Array.from({ length: 10 }, (_, i) => 2021 + i);
const AUDIT = 100_000;
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const PASSWORD = "bench-password-1";
const ONLY = process.env.BENCH_ONLY?.split(","); // e.g. BENCH_ONLY=dashboard,search while profiling
const runs = (part: string) => !ONLY || ONLY.includes(part);

const SYLLABLES = ["An", "Âu", "Bình", "Bắc", "Cẩm", "Châu", "Chiềng", "Đông", "Đồng", "Đức", "Ea", "Gia", "Hà", "Hải", "Hòa", "Hồng", "Hưng", "Khánh", "Kim", "Lạc", "Lâm", "Long", "Lương", "Minh", "Mường", "Nam", "Nghĩa", "Ngọc", "Phú", "Phúc", "Phước", "Quang", "Quảng", "Sơn", "Tân", "Tây", "Thạch", "Thành", "Thạnh", "Thuận", "Thủy", "Tiến", "Trung", "Trường", "Tú", "Văn", "Vĩnh", "Xuân", "Yên", "Ấm", "Ân", "Ô", "Ơn", "Ưng", "Ý", "Ía", "Đắk", "Ỷ", "Ứng", "Ẳng"];
const PREFIXES = ["Xã", "Phường", "Xã", "Xã", "Đặc khu"];

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;

async function build(db: Db) {
  const raw = db.$client;
  await db.insert(s.localityLevels).values(DEFAULT_LOCALITY_LEVELS).onConflictDoNothing();
  await db.insert(s.educationLevels).values(EDUCATION_LEVELS).onConflictDoNothing();
  // The names as the product stores them: the folded search text and the Vietnamese sort key computed on write.
  const insertLocality = raw.prepare("insert into localities (code, name_vi, level_code, parent_id, search_text, sort_key) values (?, ?, ?, ?, ?, ?)");
  const locality = (code: string, name: string, level: string, parent: number | null) =>
    Number(insertLocality.run(code, name, level, parent, foldVietnamese(`${name} ${code}`), vietnameseSortKey(name)).lastInsertRowid);
  const provinces: number[] = [];
  const communes: { id: number; province: number }[] = [];
  await transaction(db, async () => {
    // The nation the server creates with its reference data (ensureReferenceData); the bench hangs its tree below it.
    const nation = (raw.prepare("select id from localities where level_code = 'nation'").get() as { id: number }).id;
    for (let p = 0; p < PROVINCES; p++) {
      const id = locality(`p${p}`, `Tỉnh ${SYLLABLES[(p * 7) % SYLLABLES.length]} ${SYLLABLES[(p * 13 + 5) % SYLLABLES.length]}`, "province", nation);
      await attachLocalityToClosure(db, id, nation);
      provinces.push(id);
    }
    for (let c = 0; c < COMMUNES; c++) {
      const province = provinces[c % PROVINCES]!;
      // 60 × 60 distinct two-syllable names, in an order unrelated to the ids.
      const k = (c * 1999) % (SYLLABLES.length * SYLLABLES.length);
      const name = `${PREFIXES[c % PREFIXES.length]} ${SYLLABLES[Math.floor(k / SYLLABLES.length)]} ${SYLLABLES[k % SYLLABLES.length]}`;
      const id = locality(`c${c}`, name, "commune", province);
      await attachLocalityToClosure(db, id, province);
      communes.push({ id, province });
    }
  });
  const indicators: number[] = [];
  const nation = (raw.prepare("select id from localities where level_code = 'nation'").get() as { id: number }).id;
  // The password is hashed before the transaction (no slow work inside one).
  const benchAdmin = await prepareRecordInput(RESOURCES.users, { username: "bench.admin", displayName: "Quản trị", role: "system_admin", localityId: null, password: PASSWORD }, SYSTEM);
  await transaction(db, async (tx) => {
    for (let i = 0; i < INDICATORS; i++)
      indicators.push((await createRecord(tx, RESOURCES.indicators, { code: `b.i${i}`, nameVi: `Tỉ lệ trẻ em đến trường ${i}`, nameEn: `Enrolment rate ${i}`, educationLevelCode: "primary", unit: "percent", direction: "increase", aggregation: "ratio" }, SYSTEM)).id);
    const plan = (await createRecord(tx, RESOURCES.plans, { localityId: nation, code: "bench-chien-luoc", documentKind: "plan", issuedOn: "2030-01-01", periodStart: 2021, periodEnd: 2030, titleVi: "Kế hoạch phát triển giáo dục đến năm 2030 (bench)" }, SYSTEM)).id;
    for (const [i, indicatorId] of indicators.entries()) await createRecord(tx, RESOURCES.targets, { planId: plan, indicatorId, code: `t${i}`, comparator: "gte", value: 80, targetYear: 2030 }, SYSTEM);
    await createRecord(tx, RESOURCES.users, benchAdmin, SYSTEM);
  });
  const insertValue = raw.prepare("insert into indicator_values (locality_id, indicator_id, year, numerator, denominator, value) values (?, ?, ?, ?, ?, ?)");
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  await transaction(db, async () => {
    for (const indicator of indicators)
      for (const year of YEARS)
        for (const c of communes) {
          const den = 100 + Math.floor(rnd() * 900);
          const num = Math.floor(den * (0.5 + rnd() * 0.5));
          insertValue.run(c.id, indicator, year, num, den, (num / den) * 100);
        }
  });
  await transaction(db, (tx) => rebuildRollups(tx));
  // 100,000 audit entries through the product's audit writer; "nguyen.van.an" made 45% of them (a search matching
  // 45,000), "đặng.thị.hằng" 0.1% (found by "dang.thi" as by "Đặng Thị": folded, diacritics ignored).
  const names = ["nguyen.van.an", "tran.thi.binh", "le.hoang.cuong", "pham.minh.duc", "vu.thu.ha", "đặng.thị.hằng"];
  await transaction(db, async (tx) => {
    for (let i = 0; i < AUDIT; i++) {
      const c = communes[i % communes.length]!;
      const who = i % 1000 === 7 ? names[5]! : i % 20 < 9 ? names[0]! : names[1 + (i % 4)]!;
      await recordAudit(tx, { userId: null, username: who }, i % 3 ? "update" : "create", "localities", c.id, i % 3 ? { nameVi: `Xã cũ ${i}` } : null, { nameVi: `Xã Hòa Bình ${i}`, note: `Điều chỉnh số liệu năm ${2021 + (i % 10)}` }, c.id);
    }
  });
  return { provinces, communes, indicators };
}

async function login(server: RunningServer): Promise<string> {
  const res = await fetch(`${server.url}/trpc/auth.login`, { method: "POST", headers: { "content-type": "application/json", origin: server.url }, body: JSON.stringify({ username: "bench.admin", password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie()[0]!.split(";")[0]!;
}

const trpcUrl = (server: RunningServer, path: string, input: unknown) => `${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

/** The raw list server: node:http + better-sqlite3, the same page read by the indexed sort key, no checks. */
/** A plain better-sqlite3 connection on the file (the driver the product uses; no migration, no drizzle). */
const rawConnection = (file: string) => openDatabase(file, { migrate: false }).$client;

function rawListServer(file: string): Promise<{ url: string; server: Server; close(): void }> {
  const conn = rawConnection(file);
  const page = conn.prepare("select * from localities where level_code = 'commune' order by sort_key, id limit ? offset ?");
  const count = conn.prepare("select count(*) as total from localities where level_code = 'commune'");
  const server = createServer((req, res) => {
    const q = new URL(req.url ?? "/", "http://x").searchParams;
    const perPage = Number(q.get("perPage") ?? 25);
    const body = JSON.stringify({ data: page.all(perPage, (Number(q.get("page") ?? 1) - 1) * perPage), total: (count.get() as { total: number }).total });
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      resolve({ url: `http://127.0.0.1:${port}`, server, close: () => (server.close(), conn.close()) });
    }),
  );
}

type Cannon = { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
function cannon(url: string, connections: number, headers: Record<string, string> = {}, duration = DURATION): Promise<Cannon> {
  return autocannon({ url, connections, duration, headers, workers: 1 }) as Promise<Cannon>;
}

async function timed(n: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function getJson(url: string, cookie: string): Promise<unknown> {
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url.slice(0, 80)}…: ${res.status} ${body.slice(0, 300)}`);
  return JSON.parse(body);
}

const dir = mkdtempSync(join(tmpdir(), "eduplan-bench-national-"));
// BENCH_DB=<file>: build the dataset there once and reuse it (for profiling one part); default a temporary file.
const reuse = process.env.BENCH_DB;
const dbFile = reuse ?? join(dir, "national.db");
const rows: BenchRow[] = [];
try {
  const t0 = performance.now();
  if (!reuse || !existsSync(reuse)) {
    const setup = await startServer({ dbFile, port: 0, consoleDir: null, logLevel: "silent", jobs: "inline" });
    await build(setup.db);
    await setup.close();
  }
  const buildS = (performance.now() - t0) / 1000;
  const server = await startServer({ dbFile, port: 0, consoleDir: null, logLevel: "silent", logError: () => {}, jobs: "inline" });
  const rawConn = rawConnection(dbFile);
  const rawList = await rawListServer(dbFile);
  try {
    const cookie = await login(server);

    // 3. The list page.
    const listUrl = trpcUrl(server, "localities.list", { filter: { levelCode: "commune" }, sort: { field: "nameVi", order: "ASC" }, pagination: { page: 1, perPage: 25 } });
    const first = (await getJson(listUrl, cookie)) as { result: { data: { data: { nameVi: string }[]; total: number } } };
    const rawFirst = (await getJson(`${rawList.url}/?page=1&perPage=25`, "")) as { data: { name_vi: string }[] };
    if (first.result.data.total !== COMMUNES || first.result.data.data.map((r) => r.nameVi).join() !== rawFirst.data.map((r) => r.name_vi).join())
      throw new Error(`the two list servers disagree: ${first.result.data.data.map((r) => r.nameVi).slice(0, 5)} / ${rawFirst.data.map((r) => r.name_vi).slice(0, 5)}`);
    for (const clients of runs("list") ? [1, 10, 50] : []) {
      const p = await cannon(listUrl, clients, { cookie });
      const r = await cannon(`${rawList.url}/?page=1&perPage=25`, clients);
      if (p.non2xx || p.errors) throw new Error(`list: ${p.non2xx} non-2xx answers, ${p.errors} errors`);
      const tp = p.requests.average / r.requests.average;
      const p99 = p.latency.p99 / Math.max(r.latency.p99, 1);
      rows.push({
        key: `list-${clients}`,
        figure: `list page sorted by Vietnamese name (25 of ${COMMUNES.toLocaleString("en")} communes), ${clients} client${clients > 1 ? "s" : ""}: requests/s, p99`,
        eduplan: `${p.requests.average.toFixed(0)} req/s, p99 ${p.latency.p99} ms`,
        raw: `${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms (node:http + better-sqlite3, indexed sort key)`,
        ratio: `${(tp * 100).toFixed(0)}% / p99 ${p99.toFixed(1)}×`,
        target: "≥ 50% / ≤ 2×",
        met: tp >= 0.5 && p99 <= 2 ? "yes" : "no",
      });
      console.log(rows.at(-1));
    }

    // 4. The national dashboard.
    if (runs("dashboard")) {
      const dashUrl = trpcUrl(server, "progress.nationalDashboard", { year: 2026 });
      const dash = (await getJson(dashUrl, cookie)) as { result: { data: { cells: unknown[] } } };
      if (dash.result.data.cells.length !== PROVINCES * INDICATORS) throw new Error(`dashboard: ${dash.result.data.cells.length} cells`);
      const dashboard = await timed(30, () => getJson(dashUrl, cookie));
      const groupBy = rawConn.prepare(`select l.parent_id as province, v.indicator_id as indicator, sum(v.numerator) as n, sum(v.denominator) as d, count(*) as c
        from indicator_values v join localities l on l.id = v.locality_id where v.year = ? group by l.parent_id, v.indicator_id`);
      const rawDash = await timed(10, () => groupBy.all(2026));
      rows.push({
        key: "dashboard",
        figure: `national dashboard (${PROVINCES} provinces × ${INDICATORS} indicators, 2026, over ${(COMMUNES * INDICATORS * YEARS.length).toLocaleString("en")} figures), p50 / p95`,
        eduplan: `${ms(percentile(dashboard, 50))} / ${ms(percentile(dashboard, 95))} (HTTP, with evaluation)`,
        raw: `${ms(percentile(rawDash, 50))} / ${ms(percentile(rawDash, 95))} (one GROUP BY over the year's figures)`,
        ratio: `${(percentile(dashboard, 95) / percentile(rawDash, 95)).toFixed(2)}×`,
        target: "p95 < 50 ms",
        met: percentile(dashboard, 95) < 50 ? "yes" : "no",
      });
      console.log(rows.at(-1));
    }

    // 5. Search over the audit log (`filter.q` searches its text columns: at, username, action, entity). The raw
    // baseline: an FTS5 index of the same folded text, built here on its own table.
    if (runs("search")) {
      const rawRw = rawConnection(dbFile);
      rawRw.exec("drop table if exists bench_audit_fts");
      rawRw.exec("create virtual table bench_audit_fts using fts5(text, content='')");
      const fill = rawRw.prepare("insert into bench_audit_fts (rowid, text) values (?, ?)");
      // eslint-disable-next-line no-restricted-syntax -- the raw baseline's own index, built on a plain connection
      rawRw.transaction(() => {
        for (const a of rawRw.prepare("select id, at, username, action, entity from audit_log").all() as Iterable<Record<string, string | number | null>>)
          fill.run(a.id, [a.at, a.username, a.action, a.entity].map((x) => foldVietnamese(String(x ?? ""))).join("\n"));
      })();
      rawRw.close();
      const rawSearchPage = rawConn.prepare("select * from audit_log where id in (select rowid from bench_audit_fts where bench_audit_fts match ?) order by id desc limit 25");
      const rawSearchCount = rawConn.prepare("select count(*) as n from bench_audit_fts where bench_audit_fts match ?");
      for (const [key, q, expected] of [["search-common", "nguyen.van.an", Math.ceil(AUDIT * 0.45)], ["search-rare", "Đặng.Thị", AUDIT / 1000]] as const) {
        const url = trpcUrl(server, "auditLog.list", { filter: { q }, sort: { field: "id", order: "DESC" }, pagination: { page: 1, perPage: 25 } });
        const phrase = `"${foldVietnamese(q).replace(/"/g, '""')}" *`;
        const got = (await getJson(url, cookie)) as { result: { data: { total: number } } };
        const rawTotal = (rawSearchCount.get(phrase) as { n: number }).n;
        if (got.result.data.total !== rawTotal) throw new Error(`search '${q}': ${got.result.data.total} found, the raw index finds ${rawTotal} (expected about ${expected})`);
        const product = await timed(20, () => getJson(url, cookie));
        const rawTimes = await timed(20, () => [rawSearchPage.all(phrase), rawSearchCount.get(phrase)]);
        rows.push({
          key,
          figure: `search "${q}" over ${AUDIT.toLocaleString("en")} audit entries (${rawTotal.toLocaleString("en")} match), page of 25 + total, p50 / p95`,
          eduplan: `${ms(percentile(product, 50))} / ${ms(percentile(product, 95))} (HTTP), no error`,
          raw: `${ms(percentile(rawTimes, 50))} / ${ms(percentile(rawTimes, 95))} (FTS5 index of the folded text, raw SQL)`,
          ratio: `${(percentile(product, 95) / percentile(rawTimes, 95)).toFixed(1)}×`,
          target: "no error, p95 < 50 ms",
          met: percentile(product, 95) < 50 ? "yes" : "no",
        });
        console.log(rows.at(-1));
      }
    }
  } finally {
    rawList.close();
    rawConn.close();
    await server.close();
  }
  console.log(`dataset built in ${buildS.toFixed(1)} s`);
  recordBenchRows("apps/server/bench/national.ts", "npx -y pnpm@10.34.8 bench", rows, load);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
