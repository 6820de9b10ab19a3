import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESOURCES, SYSTEM, closeDatabase, transaction, createRepositories, openDatabase, readRecord, readRollup, schema as s, sql, verifyRollups, type Db, type Principal, type Repositories } from "@eduplan/db";
import type { ReportAction } from "@eduplan/domain";
import { saveReportValues, transitionReport } from "./index.js";

let dir: string;
let db: Db;
let repos: Repositories;
const ids: Record<string, number> = {};
let commune: Principal;
let province: Principal;
let otherCommune: Principal;
const admin: Principal = { userId: null, username: "admin", role: "system_admin", localityId: null };

const thrown = async (fn: () => unknown): Promise<unknown> => {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error, the call succeeded");
};

/** One workflow step on the report's current version. */
const step = (reportId: number, action: ReportAction, who: Principal, reason?: string) =>
  transaction(db, async (tx) => transitionReport(tx, reportId, action, (await readRecord(tx, RESOURCES.reports, reportId))!.version, who, reason));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-cycle-"));
  db = openDatabase(join(dir, "r.db"));
  await db.insert(s.localityLevels).values([
    { code: "province", nameVi: "Tỉnh", nameEn: "Province", rank: 1, isAdministrative: true },
    { code: "commune", nameVi: "Xã", nameEn: "Commune", rank: 3, isAdministrative: true },
  ]);
  await db.insert(s.educationLevels).values({ code: "nursery", parentCode: null, nameVi: "Nhà trẻ", nameEn: "Nursery", sortOrder: 1 });
  repos = createRepositories(db);
  ids.p = (await repos.localities.create({ code: "p", nameVi: "Tỉnh", levelCode: "province" }, SYSTEM)).id;
  ids.c1 = (await repos.localities.create({ code: "c1", nameVi: "Xã Một", levelCode: "commune", parentId: ids.p }, SYSTEM)).id;
  ids.c2 = (await repos.localities.create({ code: "c2", nameVi: "Xã Hai", levelCode: "commune", parentId: ids.p }, SYSTEM)).id;
  ids.ind = (await repos.indicators.create({ code: "rate", nameVi: "Tỷ lệ", nameEn: "Rate", educationLevelCode: "nursery", unit: "percent", direction: "increase", aggregation: "ratio" }, SYSTEM)).id;
  ids.period = (await repos.reportingPeriods.create({ localityId: ids.p, year: 2026, deadline: "2026-12-10" }, SYSTEM)).id;
  // The province's plan targets the rate: its units report it.
  ids.plan = (await repos.plans.create({ localityId: ids.p, code: "p-plan", documentKind: "plan", titleVi: "Kế hoạch của tỉnh" }, SYSTEM)).id;
  await repos.targets.create({ planId: ids.plan, indicatorId: ids.ind, code: "rate", comparator: "gte", value: 60, targetYear: 2030 }, SYSTEM);
  commune = { userId: 2, username: "xa1", role: "commune_officer", localityId: ids.c1! };
  otherCommune = { userId: 4, username: "xa2", role: "commune_officer", localityId: ids.c2! };
  province = { userId: 3, username: "so", role: "province_officer", localityId: ids.p! };
});
afterAll(async () => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe("report workflow", () => {
  it("draft → submitted → returned → submitted → approved publishes figures to the rollup; approved is locked; reopen withdraws", async () => {
    const report = await repos.reports.create({ periodId: ids.period, localityId: ids.c1, status: "approved" }, commune);
    expect(report.status).toBe("draft");
    const value = await repos.reportValues.create({ reportId: report.id, indicatorId: ids.ind, numerator: 40, denominator: 80 }, commune);
    expect(value.value).toBe(50);

    expect(await thrown(() => step(report.id, "submit", otherCommune))).toMatchObject({ reason: "forbidden" });
    expect(await step(report.id, "submit", commune)).toMatchObject({ status: "submitted", submittedBy: "xa1" });
    expect(await thrown(() => repos.reportValues.update(value.id, { numerator: 41 }, value.version, commune))).toMatchObject({ reason: "locked" });
    expect(await thrown(() => step(report.id, "approve", commune))).toMatchObject({ reason: "forbidden" });
    expect(await thrown(() => step(report.id, "return", province, "  "))).toMatchObject({ reason: "validation" });

    expect(await step(report.id, "return", province, "Thiếu số liệu mẫu số")).toMatchObject({ status: "returned", returnReason: "Thiếu số liệu mẫu số" });
    const fixed = await repos.reportValues.update(value.id, { numerator: 60 }, value.version, commune);
    expect(fixed.value).toBe(75);
    await step(report.id, "submit", commune);
    expect(await readRollup(db, ids.p!, ids.ind!, 2026)).toBeNull();

    const approved = await step(report.id, "approve", province);
    expect(approved).toMatchObject({ status: "approved", decidedBy: "so" });
    expect(await readRollup(db, ids.p!, ids.ind!, 2026)).toMatchObject({ numeratorSum: 60, denominatorSum: 80, contributors: 1 });
    expect(await verifyRollups(db)).toEqual([]);
    expect(await thrown(() => repos.reportValues.update(fixed.id, { numerator: 1 }, fixed.version, province))).toMatchObject({ reason: "locked" });
    expect(await thrown(() => repos.reports.delete(report.id, approved.version, province))).toMatchObject({ reason: "locked" });
    expect(await thrown(() => repos.reports.update(report.id, { agencyId: null }, approved.version, province))).toMatchObject({ reason: "locked" });

    // The published figure changes only through the report: not edited, not deleted, even by an administrator.
    const figure = (await repos.indicatorValues.list({ filter: { reportId: report.id } }, admin)).data[0]!;
    expect(figure).toMatchObject({ numerator: 60, denominator: 80, reportId: report.id });
    expect(await thrown(() => repos.indicatorValues.update(figure.id, { numerator: 0 }, figure.version, province))).toMatchObject({ reason: "locked" });
    expect(await thrown(() => repos.indicatorValues.update(figure.id, { numerator: 0 }, figure.version, admin))).toMatchObject({ reason: "locked" });
    expect(await thrown(() => repos.indicatorValues.delete(figure.id, figure.version, admin))).toMatchObject({ reason: "locked" });
    expect(await readRollup(db, ids.p!, ids.ind!, 2026)).toMatchObject({ numeratorSum: 60, denominatorSum: 80 });

    expect(await thrown(() => step(report.id, "reopen", commune))).toMatchObject({ reason: "forbidden" });
    expect(await thrown(() => step(report.id, "reopen", admin))).toMatchObject({ reason: "forbidden" });
    expect((await step(report.id, "reopen", province)).status).toBe("draft");
    expect(await readRollup(db, ids.p!, ids.ind!, 2026)).toBeNull();
    expect(await verifyRollups(db)).toEqual([]);

    const audit = (await db.select().from(s.auditLog).where(sql`entity = 'reports' and entity_id = ${report.id}`)).map((a) => a.action);
    expect(audit).toEqual(["create", "submit", "return", "submit", "approve", "reopen"]);
  });

  it("refuses a stale version on every step and on saving figures", async () => {
    const report = (await readRecord(db, RESOURCES.reports, (await repos.reports.list({ filter: { localityId: ids.c1 } }, admin)).data[0]!.id))!;
    expect(await thrown(() => transaction(db, (tx) => transitionReport(tx, report.id, "submit", report.version - 1, commune)))).toMatchObject({ reason: "conflict" });
    expect(await thrown(() => transaction(db, (tx) => saveReportValues(tx, report.id, [], report.version + 1, commune)))).toMatchObject({ reason: "conflict" });
    const audits = async () => (await db.select().from(s.auditLog).where(sql`entity = 'reports' and entity_id = ${report.id} and action = 'saveValues'`));
    const saved = await transaction(db, (tx) => saveReportValues(tx, report.id, [{ indicatorId: ids.ind!, numerator: 10, denominator: 20 }], report.version, commune));
    expect(saved.version).toBe(report.version + 1);
    // One audit entry for the save, with the values before and after.
    expect(await audits()).toHaveLength(1);
    expect((await audits())[0]!.after).toMatchObject({ version: saved.version, values: [{ indicatorId: ids.ind, numerator: 10, denominator: 20, value: 50 }] });
    // The same save again, from the version it was based on: someone else's save is never silently overwritten.
    expect(await thrown(() => transaction(db, (tx) => saveReportValues(tx, report.id, [{ indicatorId: ids.ind!, numerator: 11, denominator: 20 }], report.version, commune)))).toMatchObject({ reason: "conflict" });
  });

  it("refuses a report for a unit outside the period's province and a rate whose numerator exceeds its denominator", async () => {
    const other = await repos.localities.create({ code: "x", nameVi: "Tỉnh Khác", levelCode: "province" }, SYSTEM);
    expect(await thrown(() => repos.reports.create({ periodId: ids.period, localityId: other.id }, admin))).toMatchObject({ fieldErrors: [{ path: "localityId" }] });
    const report = await repos.reports.create({ periodId: ids.period, localityId: ids.c2 }, otherCommune);
    expect(await thrown(() => repos.reportValues.create({ reportId: report.id, indicatorId: ids.ind, numerator: 9, denominator: 3 }, otherCommune))).toMatchObject({ fieldErrors: [{ path: "numerator" }] });
  });

  it("a report holds only its plan's indicators, whether saved as a grid or value by value", async () => {
    const other = await repos.indicators.create({ code: "other", nameVi: "Chỉ tiêu khác", nameEn: "Other", educationLevelCode: "nursery", unit: "count", direction: "increase", aggregation: "sum" }, SYSTEM);
    const report = (await repos.reports.list({ filter: { localityId: ids.c1 } }, admin)).data[0]!;
    const before = (await db.select().from(s.reportValues)).length;
    const grid = await thrown(() => transaction(db, (tx) => saveReportValues(tx, report.id, [{ indicatorId: ids.ind!, numerator: 1, denominator: 2 }, { indicatorId: other.id, value: 3 }], report.version, commune)));
    expect(grid).toMatchObject({ reason: "validation", fieldErrors: [{ path: "values.1.indicatorId" }] });
    expect(await thrown(() => repos.reportValues.create({ reportId: report.id, indicatorId: other.id, value: 3 }, commune))).toMatchObject({ fieldErrors: [{ path: "indicatorId" }] });
    expect((await db.select().from(s.reportValues)).length).toBe(before);
  });

  it("a closed period locks its reports and the figures of its year", async () => {
    const period = await repos.reportingPeriods.getOne(ids.period!, admin);
    const figure = await repos.indicatorValues.create({ localityId: ids.c2, indicatorId: ids.ind, year: 2026, numerator: 1, denominator: 2 }, province);
    await repos.reportingPeriods.update(ids.period!, { isClosed: true }, period.version, province);
    expect(await thrown(() => repos.indicatorValues.update(figure.id, { numerator: 2 }, figure.version, province))).toMatchObject({ reason: "locked" });
    expect(await thrown(() => repos.indicatorValues.create({ localityId: ids.c1, indicatorId: ids.ind, year: 2026, numerator: 1, denominator: 2 }, province))).toMatchObject({ reason: "locked" });
    const report = (await repos.reports.list({ filter: { localityId: ids.c2 } }, admin)).data[0]!;
    expect(await thrown(() => transaction(db, (tx) => saveReportValues(tx, report.id, [], report.version, otherCommune)))).toMatchObject({ reason: "locked" });
    expect(await thrown(() => step(report.id, "submit", otherCommune))).toMatchObject({ reason: "locked" });
  });
});

describe("only the cycle writes workflow fields and published figures", () => {
  it("no package but @eduplan/cycle imports @eduplan/db/cycle", async () => {
    const root = join(import.meta.dirname, "../../..");
    const hits: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory() && !["node_modules", "dist", ".turbo", "test-output"].includes(entry.name)) walk(path);
        else if (entry.isFile() && /\.tsx?$/.test(entry.name) && readFileSync(join(root, path), "utf8").includes('from "@eduplan/db/cycle"')) hits.push(path);
      }
    };
    for (const top of ["apps", "packages", "plugins"]) walk(top);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.filter((f) => !f.startsWith("packages/cycle/"))).toEqual([]);
  });
});
