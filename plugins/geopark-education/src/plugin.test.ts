import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closeDatabase, openDatabase, rows, sql, type Db } from "@eduplan/db";
import { loadPlugins, validateDeclaration } from "@eduplan/plugin-host";
import { ensureReferenceData } from "@eduplan/province-config";
import admin from "./admin.js";
import { forms } from "./forms.js";
import plugin, { distinctVisitors } from "./server.js";

let dir: string;
let db: Db;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-geopark-"));
  db = openDatabase(join(dir, "test.db"));
  await ensureReferenceData(db);
  await loadPlugins(db, { "geopark-education": { folder: "geopark-education", packageName: "@eduplan/plugin-geopark-education", plugin } }, { log: (m) => { throw new Error(m); } });
});
afterAll(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const trip = (id: number, localityId: number, grade: number, pupils: number, siteId: number) => ({ id, localityId, year: 2027, data: forms.fieldTrip.schema.parse({ date: "2026-10-01", siteId, grade, pupils, accompanyingTeachers: 2 }) });
const reach = (id: number, localityId: number, enrolment: number, pupilsReached: number) => ({ id, localityId, year: 2027, data: forms.reach.schema.parse({ schoolYear: "2026-2027", enrolment, pupilsReached }) });
const feed = (id: string) => plugin.feeds!.find((f) => f.id === id)!;
const ctx = (records: { fieldTrip?: ReturnType<typeof trip>[]; reach?: ReturnType<typeof reach>[] }, settings = plugin.settings!.parse({})) => ({
  year: 2027,
  locality: { id: 1, code: "bang-mac", levelCode: "commune", nameVi: "Xã Bằng Mạc" },
  records: { fieldTrip: records.fieldTrip ?? [], reach: records.reach ?? [] },
  settings,
  db: db as never,
});

describe("geopark-education", () => {
  test("the declaration is valid; the console entry has the same id and forms", () => {
    expect(validateDeclaration(plugin, { folder: "geopark-education" })).toEqual([]);
    expect(admin.id).toBe(plugin.id);
    expect(admin.forms).toBe(forms);
  });

  test("its migrations create its table with real sample sites, marked as sample data", async () => {
    const sites = await rows<{ name_vi: string; kind: string; is_sample: number }>(db, sql`select name_vi, kind, is_sample from geopark_education_sites order by id`);
    expect(sites.map((s) => s.name_vi)).toEqual(["Động Tam Thanh", "Chùa Tiên", "Ải Chi Lăng", "Bảo tàng tỉnh Lạng Sơn", "Thư viện tỉnh Lạng Sơn"]);
    expect(sites.every((s) => s.is_sample === 1)).toBe(true);
  });

  test("distinct visitors: a grade's pupils counted once (its largest trip), capped by the enrolment", () => {
    expect(distinctVisitors([trip(1, 1, 3, 40, 1), trip(2, 1, 3, 35, 4), trip(3, 1, 4, 50, 1)], 200)).toBe(90);
    expect(distinctVisitors([trip(1, 1, 3, 400, 1)], 200)).toBe(200);
  });

  test("feeds: visit rate per school summed over schools, reach rate, trip and visit counts; settings choose the site kinds", async () => {
    const records = { fieldTrip: [trip(1, 10, 3, 40, 1), trip(2, 10, 4, 50, 4), trip(3, 11, 5, 30, 5)], reach: [reach(4, 10, 200, 150), reach(5, 11, 100, 100)] };
    expect(await feed("visit-rate").compute(ctx(records))).toEqual({ numerator: 120, denominator: 300 });
    expect(await feed("visit-rate").compute(ctx(records, { countedSiteKinds: ["museum"] }))).toEqual({ numerator: 50, denominator: 300 });
    expect(await feed("reached-rate").compute(ctx(records))).toEqual({ numerator: 250, denominator: 300 });
    expect(await feed("field-trip-count").compute(ctx(records))).toEqual({ value: 3 });
    expect(await feed("pupil-visit-count").compute(ctx(records))).toEqual({ value: 120 });
    // A school's corrected figures (a later record) replace its earlier ones.
    expect(await feed("reached-rate").compute(ctx({ reach: [reach(4, 10, 200, 150), reach(9, 10, 200, 200)] }))).toEqual({ numerator: 200, denominator: 200 });
    // Trips without enrolment give no visit rate.
    expect(await feed("visit-rate").compute(ctx({ fieldTrip: [trip(1, 10, 3, 40, 1)] }))).toBeNull();
  });

  test("the forms refuse impossible figures", () => {
    expect(forms.reach.schema.safeParse({ schoolYear: "2026-2027", enrolment: 10, pupilsReached: 11 }).success).toBe(false);
    expect(forms.fieldTrip.schema.safeParse({ date: "2026-10-01", siteId: 1, grade: 13, pupils: 10, accompanyingTeachers: 1 }).success).toBe(false);
  });
});
