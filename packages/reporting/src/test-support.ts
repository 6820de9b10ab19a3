import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RESOURCES, closeDatabase, eq, first, openDatabase, readRecord, schema as s, transaction, type Db, type Principal } from "@eduplan/db";
import { transitionReport } from "@eduplan/cycle";
import type { ReportAction } from "@eduplan/domain";
import { seedSampleData } from "@eduplan/sample-data";

/* Test support (not shipped in the index): a seeded SQLite file in a temp dir, and small lookups. */

export type Seeded = { db: Db; dir: string; close: () => void };

export async function seededDatabase(prefix: string): Promise<Seeded> {
  const dir = mkdtempSync(join(tmpdir(), `eduplan-${prefix}-`));
  const db = openDatabase(join(dir, "eduplan.db"));
  await seedSampleData(db);
  return {
    db,
    dir,
    close: () => {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function localityId(db: Db, code: string): Promise<number> {
  const row = await first(db.select().from(s.localities).where(eq(s.localities.code, code)));
  if (!row) throw new Error(`no locality ${code}`);
  return row.id;
}

export async function indicatorId(db: Db, code: string): Promise<number> {
  const row = await first(db.select().from(s.indicators).where(eq(s.indicators.code, code)));
  if (!row) throw new Error(`no indicator ${code}`);
  return row.id;
}

export async function provinceOfficer(db: Db, provinceCode = "lang-son"): Promise<Principal> {
  return { userId: null, username: "so.gddt", role: "province_officer", localityId: await localityId(db, provinceCode) };
}

/** Every table's row count and a fingerprint of report values: to prove nothing was written. */
export function snapshot(db: Db) {
  const count = (table: string) => db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number };
  return {
    reports: count("reports").n,
    reportValues: count("report_values").n,
    indicatorValues: count("indicator_values").n,
    audit: count("audit_log").n,
    values: db.$client.prepare("select id, report_id, indicator_id, numerator, denominator, value, comment_vi, version from report_values order by id").all(),
    reportRows: db.$client.prepare("select id, status, version from reports order by id").all(),
  };
}

/** One workflow step of a report, on its current version. */
export async function step(db: Db, reportId: number, action: ReportAction, who: Principal, reason?: string) {
  return transaction(db, async (tx) => transitionReport(tx, reportId, action, (await readRecord(tx, RESOURCES.reports, reportId))!.version, who, reason));
}
