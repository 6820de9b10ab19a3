/**
 * The write path against the raw limit, side by side in one process on one SQLite file:
 * - saving a 60-row report grid and approving it (publishing 60 figures and their aggregates), through the cycle
 *   (every check of the guarded path), against a raw handler doing the same upserts and aggregate updates with
 *   prepared statements and no checks;
 * - a bulk import of figures (`importFigures`) against a prepared insert of the same rows in one transaction.
 *
 *   npx -y pnpm@10.34.8 bench       (all benches, one at a time; this one: npx -y pnpm@10.34.8 --filter @eduplan/cycle bench)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DEFAULT_LOCALITY_LEVELS, EDUCATION_LEVELS } from "@eduplan/domain";
import { RESOURCES, SYSTEM, attachLocalityToClosure, closeDatabase, createRecord, importFigures, one, openDatabase, readRecord, schema as s, sql, transaction, type Db, type FigureImportRow, type Principal } from "@eduplan/db";
import { saveReportValues, transitionReport } from "../src/index.js";
import { recordBenchRows } from "../../../bench/table.js";
import { loadavg } from "node:os";

const load = loadavg();

const COMMUNES = 400;
const INDICATORS = 60;
const RUNS = 60;

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
};
const time = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};
const timeAsync = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

async function build(db: Db) {
  await db.insert(s.localityLevels).values(DEFAULT_LOCALITY_LEVELS);
  await db.insert(s.educationLevels).values(EDUCATION_LEVELS);
  const province = (await transaction(db, (tx) => createRecord(tx, RESOURCES.localities, { code: "p", nameVi: "Tỉnh", levelCode: "province", parentId: null }, SYSTEM))).id;
  const raw = db.$client;
  const insertLocality = raw.prepare("insert into localities (code, name_vi, level_code, parent_id, search_text) values (?, ?, 'commune', ?, '')");
  const communes: number[] = [];
  await transaction(db, async (tx) => {
    for (let c = 0; c < COMMUNES; c++) {
      const id = Number(insertLocality.run(`c${c}`, `Xã ${c}`, province).lastInsertRowid);
      await attachLocalityToClosure(tx, id, province);
      communes.push(id);
    }
  });
  const indicators: number[] = [];
  await transaction(db, async (tx) => {
    for (let i = 0; i < INDICATORS; i++)
      indicators.push((await createRecord(tx, RESOURCES.indicators, { code: `b.i${i}`, nameVi: `Chỉ tiêu ${i}`, nameEn: `Indicator ${i}`, educationLevelCode: "primary", unit: "percent", direction: "increase", aggregation: "ratio" }, SYSTEM)).id);
    const plan = (await createRecord(tx, RESOURCES.plans, { localityId: province, code: "plan", documentKind: "plan", titleVi: "Kế hoạch" }, SYSTEM)).id;
    for (const [i, indicatorId] of indicators.entries()) await createRecord(tx, RESOURCES.targets, { planId: plan, indicatorId, code: `t${i}`, comparator: "gte", value: 80, targetYear: 2030 }, SYSTEM);
  });
  const period = (await transaction(db, (tx) => createRecord(tx, RESOURCES.reportingPeriods, { localityId: province, year: 2026, deadline: "2026-12-10" }, SYSTEM))).id;
  return { province, communes, indicators, period };
}

const grid = (indicators: number[], run: number) => indicators.map((indicatorId, i) => ({ indicatorId, numerator: 50 + ((run + i) % 40), denominator: 100 }));

const dir = mkdtempSync(join(tmpdir(), "eduplan-bench-cycle-"));
const db = openDatabase(join(dir, "cycle.db"));
try {
  const world = await build(db);
  const officer: Principal = { userId: 1, username: "bench", role: "province_officer", localityId: world.province };
  // Through the cycle: one report per commune, saved then approved (submit first, outside the measure).
  const save: number[] = [];
  const approve: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const unit = world.communes[r]!;
    const commune: Principal = { userId: 2, username: "xa", role: "commune_officer", localityId: unit };
    const report = await transaction(db, (tx) => createRecord(tx, RESOURCES.reports, { periodId: world.period, localityId: unit }, SYSTEM));
    save.push(await timeAsync(() => transaction(db, (tx) => saveReportValues(tx, report.id, grid(world.indicators, r), report.version, commune))));
    const saved = (await readRecord(db, RESOURCES.reports, report.id))!;
    const submitted = await transaction(db, (tx) => transitionReport(tx, report.id, "submit", saved.version, commune));
    approve.push(await timeAsync(() => transaction(db, (tx) => transitionReport(tx, report.id, "approve", submitted.version, officer))));
  }
  // The raw handler: the same rows and aggregate updates, prepared statements, no checks, no audit.
  const raw = db.$client;
  const upsertValue = raw.prepare(`insert into report_values (report_id, indicator_id, numerator, denominator, value) values (?, ?, ?, ?, ?)
    on conflict (report_id, indicator_id) do update set numerator = excluded.numerator, denominator = excluded.denominator, value = excluded.value`);
  const upsertFigure = raw.prepare(`insert into indicator_values (locality_id, indicator_id, year, numerator, denominator, value) values (?, ?, 2026, ?, ?, ?)
    on conflict (indicator_id, year, locality_id) do update set numerator = excluded.numerator, denominator = excluded.denominator, value = excluded.value`);
  const addRollup = raw.prepare(`insert into indicator_rollups (ancestor_id, depth, indicator_id, year, numerator_sum, denominator_sum, value_sum, contributors)
    values (?, 1, ?, 2026, ?, ?, ?, 1) on conflict (ancestor_id, indicator_id, year, depth) do update set numerator_sum = numerator_sum + excluded.numerator_sum,
    denominator_sum = denominator_sum + excluded.denominator_sum, value_sum = value_sum + excluded.value_sum, contributors = contributors + excluded.contributors`);
  const insertReport = raw.prepare("insert into reports (period_id, locality_id, status) values (?, ?, 'submitted')");
  const rawSave: number[] = [];
  const rawApprove: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const unit = world.communes[RUNS + r]!;
    const reportId = Number(insertReport.run(world.period, unit).lastInsertRowid);
    const rows = grid(world.indicators, r);
    // eslint-disable-next-line no-restricted-syntax -- the raw baseline: better-sqlite3 directly, no EduPlan code
    rawSave.push(time(() => raw.transaction(() => rows.forEach((v) => upsertValue.run(reportId, v.indicatorId, v.numerator, v.denominator, (v.numerator / v.denominator) * 100)))()));
    rawApprove.push(
      time(() =>
        // eslint-disable-next-line no-restricted-syntax -- the raw baseline: better-sqlite3 directly, no EduPlan code
        raw.transaction(() => {
          raw.prepare("update reports set status = 'approved' where id = ?").run(reportId);
          for (const v of rows) {
            upsertFigure.run(unit, v.indicatorId, v.numerator, v.denominator, (v.numerator / v.denominator) * 100);
            addRollup.run(world.province, v.indicatorId, v.numerator, v.denominator, (v.numerator / v.denominator) * 100);
          }
        })(),
      ),
    );
  }
  // Bulk import: the remaining communes × 60 indicators × 5 years.
  const years = [2020, 2021, 2022, 2023, 2024];
  const rest = world.communes.slice(2 * RUNS, 2 * RUNS + 120);
  const rows: FigureImportRow[] = [];
  for (const unit of rest) for (const indicatorId of world.indicators) for (const year of years) rows.push({ row: rows.length + 2, localityId: unit, indicatorId, year, numerator: 60, denominator: 100, value: null });
  const bulk = await timeAsync(() => transaction(db, (tx) => importFigures(tx, rows, officer, "bench")));
  const insertRaw = raw.prepare("insert into indicator_values (locality_id, indicator_id, year, numerator, denominator, value) values (?, ?, ?, ?, ?, ?)");
  // eslint-disable-next-line no-restricted-syntax -- the raw baseline: better-sqlite3 directly, no EduPlan code
  const rawBulk = time(() => raw.transaction(() => rows.forEach((r) => insertRaw.run(r.localityId, r.indicatorId, r.year + 10, r.numerator, r.denominator, 60)))());
  const drift = (await one<{ n: number }>(db, sql`select count(*) as n from indicator_values`))!.n;

  const fmt = (x: number) => `${x.toFixed(2)} ms`;
  const [cs, ca, rs, ra] = [stats(save), stats(approve), stats(rawSave), stats(rawApprove)];
  console.log(`\n## Write path against the raw limit (${new Date().toISOString().slice(0, 10)}, ${process.version}, SQLite file, WAL)\n`);
  console.log(`One province, ${COMMUNES} communes, a plan of ${INDICATORS} rate targets; ${RUNS} reports per side. ${drift.toLocaleString("en")} figures at the end.\n`);
  console.log("| figure | EduPlan (every check) | raw baseline | ratio |\n|---|---|---|---|");
  console.log(`| saveValues of a ${INDICATORS}-row grid, p50 / p95 | ${fmt(cs.p50)} / ${fmt(cs.p95)} | ${fmt(rs.p50)} / ${fmt(rs.p95)} | ${(cs.p50 / rs.p50).toFixed(1)}× |`);
  console.log(`| approve (publish ${INDICATORS} figures + aggregates), p50 / p95 | ${fmt(ca.p50)} / ${fmt(ca.p95)} | ${fmt(ra.p50)} / ${fmt(ra.p95)} | ${(ca.p50 / ra.p50).toFixed(1)}× |`);
  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString("en");
  console.log(`| bulk import of ${rows.length.toLocaleString("en")} figures, values/s | ${rate(rows.length, bulk)} | ${rate(rows.length, rawBulk)} (prepared insert, one transaction) | ${((rows.length / bulk) / (rows.length / rawBulk) * 100).toFixed(0)}% of raw |`);
  const share = rows.length / bulk / (rows.length / rawBulk);
  const within = (a: { p50: number; p95: number }, b: { p50: number; p95: number }) => (a.p50 / b.p50 <= 3 && a.p95 <= 15 ? "yes" : a.p95 <= 15 ? `no (ratio ${(a.p50 / b.p50).toFixed(1)}× > 3×; p95 ≤ 15 ms met)` : "no");
  recordBenchRows("packages/cycle/bench/write-path.ts", "npx -y pnpm@10.34.8 bench", [
    { key: "import", figure: `bulk import (\`importFigures\`, ${rows.length.toLocaleString("en")} figures, one transaction), values/s`, eduplan: rate(rows.length, bulk), raw: `${rate(rows.length, rawBulk)} (prepared insert, one transaction)`, ratio: `${(share * 100).toFixed(0)}% of raw`, target: "≥ 50% of raw", met: share >= 0.5 ? "yes" : "no" },
    { key: "save", figure: `saveValues of a ${INDICATORS}-row grid, p50 / p95`, eduplan: `${fmt(cs.p50)} / ${fmt(cs.p95)}`, raw: `${fmt(rs.p50)} / ${fmt(rs.p95)} (the same upserts, prepared, no checks)`, ratio: `${(cs.p50 / rs.p50).toFixed(1)}×`, target: "≤ 3× raw, p95 ≤ 15 ms", met: within(cs, rs) },
    { key: "approve", figure: `approve (publish ${INDICATORS} figures + aggregates), p50 / p95`, eduplan: `${fmt(ca.p50)} / ${fmt(ca.p95)}`, raw: `${fmt(ra.p50)} / ${fmt(ra.p95)} (the same upserts and aggregate updates, prepared)`, ratio: `${(ca.p50 / ra.p50).toFixed(1)}×`, target: "≤ 3× raw, p95 ≤ 15 ms", met: within(ca, ra) },
  ], load);
} finally {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
}
