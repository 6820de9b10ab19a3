import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createRepositories, openDatabase, readRollup, schema as s, sql, SYSTEM_ACTOR, transitionReport, type Db, type Repositories, type WorkflowActor } from "./index.js";

let dir: string;
let db: Db;
let repos: Repositories;
const ids: Record<string, number> = {};
let commune: WorkflowActor;
let province: WorkflowActor;
let otherCommune: WorkflowActor;
const admin: WorkflowActor = { userId: null, username: "admin", role: "system_admin", localityId: null };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-report-"));
  db = openDatabase(join(dir, "r.db"));
  db.insert(s.localityLevels).values([
    { code: "province", nameVi: "Tỉnh", nameEn: "Province", rank: 1, isAdministrative: true },
    { code: "commune", nameVi: "Xã", nameEn: "Commune", rank: 3, isAdministrative: true },
  ]).run();
  db.insert(s.educationLevels).values({ code: "nursery", parentCode: null, nameVi: "Nhà trẻ", nameEn: "Nursery", sortOrder: 1 }).run();
  repos = createRepositories(db);
  ids.p = (await repos.localities.create({ code: "p", nameVi: "Tỉnh", levelCode: "province" }, SYSTEM_ACTOR)).id;
  ids.c1 = (await repos.localities.create({ code: "c1", nameVi: "Xã Một", levelCode: "commune", parentId: ids.p }, SYSTEM_ACTOR)).id;
  ids.c2 = (await repos.localities.create({ code: "c2", nameVi: "Xã Hai", levelCode: "commune", parentId: ids.p }, SYSTEM_ACTOR)).id;
  ids.ind = (await repos.indicators.create({ code: "rate", nameVi: "Tỷ lệ", nameEn: "Rate", educationLevelCode: "nursery", unit: "percent", direction: "increase", aggregation: "ratio" }, SYSTEM_ACTOR)).id;
  ids.period = (await repos.reportingPeriods.create({ localityId: ids.p, year: 2026, deadline: "2026-12-10" }, SYSTEM_ACTOR)).id;
  commune = { userId: 2, username: "xa1", role: "commune_officer", localityId: ids.c1! };
  otherCommune = { userId: 4, username: "xa2", role: "commune_officer", localityId: ids.c2! };
  province = { userId: 3, username: "so", role: "province_officer", localityId: ids.p! };
});
afterAll(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe("report workflow", () => {
  it("draft → submitted → returned → submitted → approved publishes figures to the rollup; approved is locked; reopen withdraws", async () => {
    const report = await repos.reports.create({ periodId: ids.period, localityId: ids.c1, status: "approved" }, commune);
    expect(report.status).toBe("draft");
    const value = await repos.reportValues.create({ reportId: report.id, indicatorId: ids.ind, numerator: 40, denominator: 80 }, commune);
    expect(value.value).toBe(50);

    await expect(transitionReport(db, report.id, "submit", otherCommune)).rejects.toMatchObject({ reason: "forbidden" });
    const submitted = await transitionReport(db, report.id, "submit", commune);
    expect(submitted).toMatchObject({ status: "submitted", submittedBy: "xa1" });
    await expect(repos.reportValues.update(value.id, { numerator: 41 }, value.version, commune)).rejects.toMatchObject({ reason: "locked" });
    await expect(transitionReport(db, report.id, "approve", commune)).rejects.toMatchObject({ reason: "forbidden" });
    await expect(transitionReport(db, report.id, "return", province, "  ")).rejects.toMatchObject({ reason: "validation" });

    const returned = await transitionReport(db, report.id, "return", province, "Thiếu số liệu mẫu số");
    expect(returned).toMatchObject({ status: "returned", returnReason: "Thiếu số liệu mẫu số" });
    const fixed = await repos.reportValues.update(value.id, { numerator: 60 }, value.version, commune);
    expect(fixed.value).toBe(75);
    await transitionReport(db, report.id, "submit", commune);
    expect(readRollup(db, ids.p!, ids.ind!, 2026)).toBeNull();

    const approved = await transitionReport(db, report.id, "approve", province);
    expect(approved).toMatchObject({ status: "approved", decidedBy: "so" });
    expect(readRollup(db, ids.p!, ids.ind!, 2026)).toMatchObject({ numeratorSum: 60, denominatorSum: 80, contributors: 1 });
    await expect(repos.reportValues.update(fixed.id, { numerator: 1 }, fixed.version, province)).rejects.toMatchObject({ reason: "locked" });
    await expect(repos.reports.delete(report.id, null, province)).rejects.toMatchObject({ reason: "locked" });

    await expect(transitionReport(db, report.id, "reopen", commune)).rejects.toMatchObject({ reason: "forbidden" });
    await expect(transitionReport(db, report.id, "reopen", admin)).rejects.toMatchObject({ reason: "forbidden" });
    const reopened = await transitionReport(db, report.id, "reopen", province);
    expect(reopened.status).toBe("draft");
    expect(readRollup(db, ids.p!, ids.ind!, 2026)).toBeNull();

    const audit = db.select().from(s.auditLog).where(sql`entity = 'reports' and entity_id = ${report.id}`).all().map((a) => a.action);
    expect(audit).toEqual(["create", "submit", "return", "submit", "approve", "reopen"]);
  });

  it("refuses a report for a unit outside the period's province and a rate whose numerator exceeds its denominator", async () => {
    const other = await repos.localities.create({ code: "x", nameVi: "Tỉnh Khác", levelCode: "province" }, SYSTEM_ACTOR);
    await expect(repos.reports.create({ periodId: ids.period, localityId: other.id }, admin)).rejects.toMatchObject({ fieldErrors: [{ path: "localityId" }] });
    const report = await repos.reports.create({ periodId: ids.period, localityId: ids.c2 }, otherCommune);
    await expect(repos.reportValues.create({ reportId: report.id, indicatorId: ids.ind, numerator: 9, denominator: 3 }, otherCommune)).rejects.toMatchObject({ fieldErrors: [{ path: "numerator" }] });
  });
});
