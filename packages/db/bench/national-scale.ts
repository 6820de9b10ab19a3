/**
 * National-scale benchmark: 34 provinces, 3,300 communes, 60 indicators, 10 years of commune figures (≈ 2 million
 * values). Measures a live rollup (province and nation) from the aggregates kept on write, the live rollup over the
 * closure table without aggregates (for comparison), and the cost of one write with its aggregate maintenance.
 *
 *   pnpm bench            (from the repository root; or `pnpm --filter @eduplan/db bench`)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { DEFAULT_LOCALITY_LEVELS, EDUCATION_LEVELS } from "@eduplan/domain";
import { CrudRepository, RESOURCES, SYSTEM, closeDatabase, one, openDatabase, readRollup, rebuildRollups, rows as allRows, schema as s, transaction, type Db } from "../src/index.js";

const PROVINCES = 34;
const COMMUNES = 3_300;
const INDICATORS = 60;
const YEARS = Array.from({ length: 10 }, (_, i) => 2021 + i);

async function time<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: pick(0.5), p95: pick(0.95), max: sorted[sorted.length - 1]! };
}

async function build(db: Db) {
  const raw = db.$client;
  await db.insert(s.localityLevels).values(DEFAULT_LOCALITY_LEVELS);
  await db.insert(s.educationLevels).values(EDUCATION_LEVELS);
  const insertLocality = raw.prepare("insert into localities (code, name_vi, level_code, parent_id, search_text) values (?, ?, ?, ?, '')");
  const insertClosure = raw.prepare("insert into locality_closure (ancestor_id, descendant_id, depth) values (?, ?, ?)");
  const provinces: number[] = [];
  const communes: { id: number; province: number }[] = [];
  // eslint-disable-next-line no-restricted-syntax -- raw bulk load of the bench world, better-sqlite3 directly (no EduPlan code)
  raw.transaction(() => {
    const nation = Number(insertLocality.run("vn", "Việt Nam", "nation", null).lastInsertRowid);
    insertClosure.run(nation, nation, 0);
    for (let p = 0; p < PROVINCES; p++) {
      const id = Number(insertLocality.run(`p${p}`, `Tỉnh ${p}`, "province", nation).lastInsertRowid);
      insertClosure.run(id, id, 0);
      insertClosure.run(nation, id, 1);
      provinces.push(id);
    }
    for (let c = 0; c < COMMUNES; c++) {
      const province = provinces[c % PROVINCES]!;
      const id = Number(insertLocality.run(`c${c}`, `Xã ${c}`, "commune", province).lastInsertRowid);
      insertClosure.run(id, id, 0);
      insertClosure.run(province, id, 1);
      insertClosure.run(nation, id, 2);
      communes.push({ id, province });
    }
  })();
  const insertIndicator = raw.prepare(
    "insert into indicators (code, name_vi, name_en, education_level_code, unit, direction, aggregation, search_text) values (?, ?, ?, 'primary', 'percent', 'increase', 'ratio', '')",
  );
  const indicators: number[] = [];
  // eslint-disable-next-line no-restricted-syntax -- raw bulk load of the bench world, better-sqlite3 directly (no EduPlan code)
  raw.transaction(() => {
    for (let i = 0; i < INDICATORS; i++) indicators.push(Number(insertIndicator.run(`bench.i${i}`, `Chỉ tiêu ${i}`, `Indicator ${i}`).lastInsertRowid));
  })();
  const insertValue = raw.prepare("insert into indicator_values (locality_id, indicator_id, year, numerator, denominator, value) values (?, ?, ?, ?, ?, ?)");
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  // eslint-disable-next-line no-restricted-syntax -- raw bulk load of the bench world, better-sqlite3 directly (no EduPlan code)
  raw.transaction(() => {
    for (const indicator of indicators)
      for (const year of YEARS)
        for (const c of communes) {
          const den = 100 + Math.floor(rnd() * 900);
          const num = Math.floor(den * (0.5 + rnd() * 0.5));
          insertValue.run(c.id, indicator, year, num, den, (num / den) * 100);
        }
  })();
  return { nation: 1, provinces, communes, indicators };
}

const dir = mkdtempSync(join(tmpdir(), "eduplan-bench-"));
const db = openDatabase(join(dir, "national.db"));
try {
  const [world, buildMs] = await time(() => build(db));
  const [, aggMs] = await time(() => transaction(db, (tx) => rebuildRollups(tx)));
  const values = (await one<{ n: number }>(db, sql`select count(*) as n from indicator_values`))!.n;
  const rows: [string, ReturnType<typeof stats>][] = [];
  const sample = async (label: string, fn: (i: number) => unknown, n = 500) => {
    for (let i = 0; i < 20; i++) await fn(i);
    const samples: number[] = [];
    for (let i = 0; i < n; i++) samples.push((await time(() => fn(i)))[1]);
    rows.push([label, stats(samples)]);
  };
  const ind = (i: number) => world.indicators[i % INDICATORS]!;
  const yr = (i: number) => YEARS[i % YEARS.length]!;
  await sample("rollup, province ← ~97 communes (aggregates)", (i) => readRollup(db, world.provinces[i % PROVINCES]!, ind(i), yr(i)));
  await sample("rollup, nation ← 3,300 communes (aggregates)", (i) => readRollup(db, world.nation, ind(i), yr(i)));
  await sample(
    "rollup, nation ← 3,300 communes (live over closure, no aggregates)",
    (i) => one(db, sql`select sum(v.numerator), sum(v.denominator) from locality_closure c join indicator_values v on v.locality_id = c.descendant_id where c.ancestor_id = ${world.nation} and c.depth = 2 and v.indicator_id = ${ind(i)} and v.year = ${yr(i)}`),
    50,
  );
  const repo = new CrudRepository(db, RESOURCES.indicatorValues);
  const existing = (await allRows<{ id: number; version: number }>(db, sql`select id, version from indicator_values where year = 2030 and indicator_id = ${world.indicators[0]} limit 200`));
  await sample(
    "write one figure (update + audit + aggregates of 2 ancestors), one transaction",
    async (i) => {
      const row = existing[i % existing.length]!;
      const updated = await transaction(repo.db, (tx) => repo.updateInTx(tx, row.id, { numerator: 10 + (i % 50) }, row.version, { ...SYSTEM, username: "bench" }));
      row.version = updated.version;
    },
    200,
  );
  console.log(`\n## National scale (${new Date().toISOString().slice(0, 10)}, ${process.version}, SQLite file, WAL)\n`);
  console.log(`${PROVINCES} provinces, ${COMMUNES.toLocaleString("en")} communes, ${INDICATORS} indicators × ${YEARS.length} years = ${values.toLocaleString("en")} figures. Build ${(buildMs / 1000).toFixed(1)} s; full aggregate rebuild ${(aggMs / 1000).toFixed(1)} s (only needed after a locality moves).\n`);
  console.log("| operation | median | p95 | max |\n|---|---|---|---|");
  for (const [label, st] of rows) console.log(`| ${label} | ${st.median.toFixed(3)} ms | ${st.p95.toFixed(3)} ms | ${st.max.toFixed(3)} ms |`);
} finally {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
}
