/**
 * Plugins through the real server on loopback (real SQLite file): each plugin's form records data as an officer of an
 * enabled province and its indicator shows in the plan's progress and the rollup; enabling/disabling per province
 * (indicators and forms disappear, data kept, back after re-enabling); settings; a broken plugin does not stop the
 * server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PLUGIN_REGISTRY } from "@eduplan/api";
import { first, rows, schema as s, sql } from "@eduplan/db";
import { BROKEN_PLUGIN_ENTRY } from "@eduplan/plugin-host/fixtures";
import { startServer } from "./server.js";
import { createClient, errorOf, loginAs, startTestServer, type Client, type TestServer } from "./testing.js";

let server: TestServer;
let admin: Client;
let bangmac: Client;
const ids: Record<string, number> = {};
const YEAR = 2027; // school year 2026-2027: no synthetic figures, so the plugins' figures are the only ones

const localityId = async (code: string) => (await first(server.db.select().from(s.localities).where(sql`code = ${code}`)))!.id;
const indicatorId = async (code: string) => (await first(server.db.select().from(s.indicators).where(sql`code = ${code}`)))!.id;
const planId = async (code: string) => (await first(server.db.select().from(s.plans).where(sql`code = ${code}`)))!.id;

beforeAll(async () => {
  server = await startTestServer({ consoleDir: null });
  admin = await loginAs(server.url, "admin");
  bangmac = await loginAs(server.url, "bangmac.officer");
  for (const code of ["lang-son", "bang-mac", "bang-mac.primary-school", "bang-mac.lower-secondary-school", "lai-chau", "muong-te", "muong-te.ethnic-boarding-school"]) ids[code] = await localityId(code);
});
afterAll(async () => {
  await server?.stop();
});

async function progressOf(client: Client, plan: string, indicator: string, year = YEAR) {
  const progress = await client.trpc.progress.planProgress.query({ planId: await planId(plan), year });
  return progress.targets.find((t) => t.indicator.code === indicator)!;
}

describe("geopark-education (Lạng Sơn)", () => {
  test("its sites are its own table, listed by its procedures; its indicators are upserted with its id", async () => {
    const sites = await bangmac.trpc.plugins["geopark-education"].sites.list.query({ filter: { q: "tam thanh" } });
    expect(sites.data.map((x) => x.nameVi)).toEqual(["Động Tam Thanh"]);
    expect(sites.data[0]).toMatchObject({ kind: "rankedRelic", isSample: true });
    const all = await bangmac.trpc.plugins["geopark-education"].sites.list.query();
    expect(all.data.map((x) => x.nameVi)).toEqual(expect.arrayContaining(["Chùa Tiên", "Ải Chi Lăng", "Bảo tàng tỉnh Lạng Sơn"]));
    const own = await bangmac.trpc.indicators.list.query({ filter: { pluginId: "geopark-education" } });
    expect(own.data.map((i) => i.code).sort()).toEqual(["geopark-education.field_trip_count", "geopark-education.pupil_visit_count"]);
  });

  test("a school officer records enrolment and field trips; the visit rate, reach rate and trip count reach progress and rollups", async () => {
    const school = ids["bang-mac.primary-school"]!;
    const site = (await bangmac.trpc.plugins["geopark-education"].sites.list.query({ filter: { q: "tam thanh" } })).data[0]!;
    const museum = (await bangmac.trpc.plugins["geopark-education"].sites.list.query({ filter: { kind: "museum" } })).data[0]!;
    const reach = await bangmac.trpc.pluginRecords.create.mutate({
      data: { pluginId: "geopark-education", formId: "reach", localityId: school, data: { schoolYear: "2026-2027", enrolment: 200, pupilsReached: 150 } },
    });
    expect(reach.data).toMatchObject({ year: 2027, version: 1, data: { enrolment: 200, pupilsReached: 150 } });
    const trip = (date: string, grade: number, pupils: number, siteId: number) =>
      bangmac.trpc.pluginRecords.create.mutate({ data: { pluginId: "geopark-education", formId: "fieldTrip", localityId: school, data: { date, siteId, grade, pupils, accompanyingTeachers: 3 } } });
    expect((await trip("2026-10-15", 3, 40, site.id)).data.year).toBe(2027); // school year 2026-2027
    await trip("2027-03-02", 3, 35, museum.id); // the same grade again: counted once (the larger trip)
    await trip("2027-04-20", 4, 50, site.id);

    // Bằng Mạc's plan: 100% visit, 100% reached (BM), read as the rollup of its schools.
    const visit = await progressOf(bangmac, "bang-mac-2025", "general.heritage_site_visit_rate");
    expect(visit.actual).toMatchObject({ value: 45, numerator: 90, denominator: 200, source: "rollup" }); // (40 + 50) / 200
    const reached = await progressOf(bangmac, "bang-mac-2025", "general.heritage_geopark_education_rate");
    expect(reached.actual).toMatchObject({ value: 75, source: "rollup" });
    // The province plan (80%): the same schools, two levels down.
    const province = await progressOf(await loginAs(server.url, "langson.officer"), "lang-son-243-2025", "general.heritage_site_visit_rate");
    expect(province.actual.value).toBe(45);
    expect(province.evaluation.state).not.toBe("noData");
    const trips = await bangmac.trpc.progress.rollup.query({ localityId: ids["bang-mac"]!, indicatorId: await indicatorId("geopark-education.field_trip_count"), year: YEAR });
    expect(trips).toMatchObject({ aggregation: "sum", value: 3, contributors: 1 });
    // The figure is in indicator_values, written by the feed in the same transaction, audited as the officer.
    const figure = (await first(server.db.select().from(s.indicatorValues).where(sql`indicator_id = ${await indicatorId("general.heritage_site_visit_rate")} and locality_id = ${school} and year = ${YEAR}`)))!;
    expect(figure).toMatchObject({ numerator: 90, denominator: 200, value: 45 });
    expect(figure.noteVi).toMatch(/^plugin:geopark-education\/visit-rate /);
    const audit = await admin.trpc.auditLog.list.query({ filter: { username: "bangmac.officer", entity: ["pluginRecords", "indicatorValues"] } });
    expect(new Set(audit.data.map((e) => e.entity))).toEqual(new Set(["pluginRecords", "indicatorValues"]));
  });

  test("editing and deleting a record recomputes the figures", async () => {
    const school = ids["bang-mac.primary-school"]!;
    const reach = (await bangmac.trpc.pluginRecords.list.query({ filter: { pluginId: "geopark-education", formId: "reach" } })).data[0]!;
    await bangmac.trpc.pluginRecords.update.mutate({ id: reach.id, version: reach.version, data: { data: { schoolYear: "2026-2027", enrolment: 180, pupilsReached: 180 } } });
    expect((await progressOf(bangmac, "bang-mac-2025", "general.heritage_site_visit_rate")).actual.value).toBe(50); // 90 / 180
    expect((await progressOf(bangmac, "bang-mac-2025", "general.heritage_geopark_education_rate")).evaluation.state).toBe("achieved");
    const trips = await bangmac.trpc.pluginRecords.list.query({ filter: { pluginId: "geopark-education", formId: "fieldTrip" }, sort: { field: "id", order: "ASC" } });
    const last = trips.data[2]!;
    await bangmac.trpc.pluginRecords.delete.mutate({ id: last.id, version: last.version });
    const count = await bangmac.trpc.progress.rollup.query({ localityId: ids["bang-mac"]!, indicatorId: await indicatorId("geopark-education.field_trip_count"), year: YEAR });
    expect(count.value).toBe(2);
    expect((await progressOf(bangmac, "bang-mac-2025", "general.heritage_site_visit_rate")).actual.value).toBeCloseTo((40 / 180) * 100, 6);
    // put it back for the tests below
    await bangmac.trpc.pluginRecords.create.mutate({ data: { pluginId: "geopark-education", formId: "fieldTrip", localityId: school, data: last.data as never } });
  });

  test("the form's schema validates records, with field errors at data.<field>; the form's level and the user's area are enforced", async () => {
    const school = ids["bang-mac.primary-school"]!;
    const bad = await errorOf(
      bangmac.trpc.pluginRecords.create.mutate({ data: { pluginId: "geopark-education", formId: "reach", localityId: school, data: { schoolYear: "2026-2027", enrolment: 10, pupilsReached: 11 } } }),
    );
    expect(bad.data.code).toBe("BAD_REQUEST");
    expect(bad.data.eduplan!.fieldErrors).toEqual([
      { path: "data.pupilsReached", message: { en: "pupils reached cannot exceed the enrolment", vi: "Số học sinh được tiếp cận không được vượt quá tổng số học sinh" } },
    ]);
    const missing = await errorOf(bangmac.trpc.pluginRecords.create.mutate({ data: { pluginId: "geopark-education", formId: "fieldTrip", localityId: school, data: { date: "2026-13-01" } } }));
    expect(missing.data.eduplan!.fieldErrors.map((f) => f.path)).toEqual(expect.arrayContaining(["data.date", "data.siteId", "data.grade", "data.pupils"]));
    const level = await errorOf(
      bangmac.trpc.pluginRecords.create.mutate({ data: { pluginId: "geopark-education", formId: "reach", localityId: ids["bang-mac"]!, data: { schoolYear: "2026-2027", enrolment: 10, pupilsReached: 1 } } }),
    );
    expect(level.data.eduplan!.fieldErrors[0]!.path).toBe("localityId");
    const unknownForm = await errorOf(bangmac.trpc.pluginRecords.create.mutate({ data: { pluginId: "geopark-education", formId: "nope", localityId: school, data: {} } }));
    expect(unknownForm.data.eduplan!.fieldErrors[0]!.path).toBe("formId");
    // A commune officer elsewhere cannot write for Bằng Mạc's schools.
    const dongdang = await loginAs(server.url, "dongdang.officer");
    const outside = await errorOf(
      dongdang.trpc.pluginRecords.create.mutate({ data: { pluginId: "geopark-education", formId: "reach", localityId: school, data: { schoolYear: "2026-2027", enrolment: 10, pupilsReached: 1 } } }),
    );
    expect(outside.data.code).toBe("FORBIDDEN");
    const viewer = await loginAs(server.url, "langson.viewer");
    expect((await errorOf(viewer.trpc.pluginRecords.create.mutate({ data: { pluginId: "geopark-education", formId: "reach", localityId: school, data: {} } }))).data.code).toBe("FORBIDDEN");
  });
});

describe("a plugin's own procedures (plugins.geopark-education.sites)", () => {
  test("read by users of a province where it is enabled; written by its province officers (audited); refused elsewhere", async () => {
    const sites = bangmac.trpc.plugins["geopark-education"].sites;
    const one = (await sites.list.query({ pagination: { page: 1, perPage: 1 } })).data[0]!;
    expect((await sites.getOne.query({ id: one.id })).data.nameVi).toBe(one.nameVi);
    expect((await sites.getMany.query({ ids: [one.id] })).data).toHaveLength(1);
    const site = { code: "ho-phai-loan", nameVi: "Điểm thử nghiệm", kind: "geoparkSite" as const };
    expect((await errorOf(sites.create.mutate({ data: site }))).data.code).toBe("FORBIDDEN"); // a commune officer
    const officer = await loginAs(server.url, "langson.officer");
    const created = (await officer.trpc.plugins["geopark-education"].sites.create.mutate({ data: site })).data;
    const updated = (await officer.trpc.plugins["geopark-education"].sites.update.mutate({ id: created.id, version: created.version, data: { nameVi: "Điểm thử nghiệm (sửa)" } })).data;
    expect(updated).toMatchObject({ version: 2, nameVi: "Điểm thử nghiệm (sửa)", kind: "geoparkSite" });
    expect((await errorOf(officer.trpc.plugins["geopark-education"].sites.update.mutate({ id: created.id, version: 1, data: { nameVi: "x" } }))).data.code).toBe("CONFLICT");
    const audit = await admin.trpc.auditLog.list.query({ filter: { entity: "plugins.geopark-education.sites", entityId: created.id } });
    expect(audit.data.map((e) => e.action).sort()).toEqual(["create", "update"]);
    // Lai Châu has not enabled it: its users are refused, reads included.
    const laichau = await loginAs(server.url, "laichau.officer");
    expect((await errorOf(laichau.trpc.plugins["geopark-education"].sites.list.query())).data.code).toBe("FORBIDDEN");
    expect((await errorOf(laichau.trpc.plugins["geopark-education"].sites.create.mutate({ data: { ...site, code: "x" } }))).data.code).toBe("FORBIDDEN");
    const anonymous = await errorOf(createClient(server.url).trpc.plugins["geopark-education"].sites.list.query());
    expect(anonymous.data.code).toBe("UNAUTHORIZED");
  });
});

describe("chinese-language (Lạng Sơn)", () => {
  test("per school and school year; its indicators roll up, and it feeds the province's yes/no target", async () => {
    const write = (school: string, data: Record<string, unknown>) =>
      bangmac.trpc.pluginRecords.create.mutate({ data: { pluginId: "chinese-language", formId: "teaching", localityId: ids[school]!, data: { schoolYear: "2026-2027", ...data } } });
    await write("bang-mac.primary-school", { teachesChinese: false });
    await write("bang-mac.lower-secondary-school", { teachesChinese: true, classes: 4, pupils: 120, teachers: 3, qualifiedTeachers: 2, partnerVi: "Thị trấn Bằng Tường (Quảng Tây)" });
    const rollup = async (code: string) => bangmac.trpc.progress.rollup.query({ localityId: ids["bang-mac"]!, indicatorId: await indicatorId(code), year: YEAR });
    expect(await rollup("chinese-language.schools_teaching_rate")).toMatchObject({ value: 50, numerator: 1, denominator: 2, contributors: 2 });
    expect((await rollup("chinese-language.pupils_learning")).value).toBe(120);
    expect((await rollup("chinese-language.qualified_teacher_rate")).value).toBeCloseTo(66.6667, 3);
    // "tổ chức dạy tiếng Trung Quốc tại các địa bàn phù hợp": the province's own yes/no figure.
    const target = await progressOf(await loginAs(server.url, "langson.officer"), "lang-son-243-2025", "general.chinese_language_teaching");
    expect(target.actual).toMatchObject({ value: 1, source: "own" });
    expect(target.evaluation.state).toBe("achieved");
    const invalid = await errorOf(write("bang-mac.primary-school", { teachesChinese: false, classes: 2 }));
    expect(invalid.data.eduplan!.fieldErrors[0]!.path).toBe("data.teachesChinese");
  });
});

describe("boarding-schools (Lai Châu)", () => {
  test("a school officer in Mường Tè records boarding figures; they roll up to the district and the province and show in the plan's progress", async () => {
    const school = ids["muong-te.ethnic-boarding-school"]!;
    await admin.trpc.users.create.mutate({ data: { username: "muongte.ptdtnt", displayName: "Trường PTDTNT Mường Tè", role: "commune_officer", localityId: school, password: "eduplan-demo" } });
    const officer = await loginAs(server.url, "muongte.ptdtnt");
    const mine = await officer.trpc.pluginSettings.mine.query();
    expect(mine.enabled).toEqual(["boarding-schools"]);
    expect(mine.plugins[0]!.forms[0]!.fields.map((f) => f.name)).toContain("mealSupportPupils");
    await officer.trpc.pluginRecords.create.mutate({
      data: {
        pluginId: "boarding-schools",
        formId: "boarding",
        localityId: school,
        data: { schoolYear: "2026-2027", schoolType: "ethnicBoarding", boardingPupils: 330, eligiblePupils: 300, mealSupportPupils: 270, dormitoryCapacity: 300, meetsNationalStandard: true },
      },
    });
    const province = await loginAs(server.url, "laichau.officer");
    const atProvince = async (code: string) => province.trpc.progress.rollup.query({ localityId: ids["lai-chau"]!, indicatorId: await indicatorId(code), year: YEAR });
    expect((await atProvince("boarding-schools.meal_support_coverage_rate")).value).toBe(90);
    expect((await atProvince("boarding-schools.dormitory_occupancy_rate")).value).toBeCloseTo(1.1, 9); // overcrowded: shown as it is
    expect((await atProvince("boarding-schools.national_standard_rate")).value).toBe(100);
    expect((await atProvince("boarding-schools.boarding_pupils")).value).toBe(330);
    const district = await province.trpc.progress.rollup.query({ localityId: ids["muong-te"]!, indicatorId: await indicatorId("boarding-schools.boarding_pupils"), year: YEAR });
    expect(district).toMatchObject({ value: 330, depth: 1 });
    // The school's own officer reads its own figures, not the district's.
    expect((await errorOf(officer.trpc.progress.rollup.query({ localityId: ids["muong-te"]!, indicatorId: await indicatorId("boarding-schools.boarding_pupils"), year: YEAR }))).data.code).toBe("FORBIDDEN");
    // A province officer adds a target on the plugin's indicator to the Mường Tè plan: it is evaluated like any other.
    await province.trpc.targets.create.mutate({
      data: { planId: await planId("muong-te-2025"), indicatorId: await indicatorId("boarding-schools.meal_support_coverage_rate"), code: "boarding.meal-support", comparator: "gte", value: 95, targetYear: 2030 },
    });
    const target = await progressOf(province, "muong-te-2025", "boarding-schools.meal_support_coverage_rate");
    expect(target.actual).toMatchObject({ value: 90, source: "rollup" });
    expect(target.evaluation.state).not.toBe("noData");
  });
});

describe("enabling plugins per province", () => {
  test("only administrators enable plugins; settings are validated by the plugin's schema", async () => {
    const listed = await admin.trpc.pluginSettings.list.query({ filter: { localityId: ids["lang-son"]! } });
    expect(listed.data.filter((r) => r.enabled).map((r) => r.pluginId).sort()).toEqual(["chinese-language", "geopark-education"]);
    expect(listed.data.find((r) => r.pluginId === "geopark-education")!.settings).toEqual({ countedSiteKinds: ["rankedRelic", "museum", "library", "geoparkSite"] });
    const officer = await loginAs(server.url, "langson.officer");
    expect((await errorOf(officer.trpc.pluginSettings.update.mutate({ localityId: ids["lang-son"]!, pluginId: "geopark-education", enabled: false }))).data.code).toBe("FORBIDDEN");
    expect((await errorOf(officer.trpc.pluginSettings.list.query())).data.code).toBe("FORBIDDEN");
    const own = await officer.trpc.pluginSettings.mine.query();
    expect(own.provinceId).toBe(ids["lang-son"]);
    expect(own.plugins.find((p) => p.pluginId === "geopark-education")!.settings).toEqual({ countedSiteKinds: ["rankedRelic", "museum", "library", "geoparkSite"] });
    const invalid = await errorOf(admin.trpc.pluginSettings.update.mutate({ localityId: ids["lang-son"]!, pluginId: "geopark-education", settings: { countedSiteKinds: ["castle"] } }));
    expect(invalid.data.code).toBe("BAD_REQUEST");
    expect(invalid.data.eduplan!.fieldErrors[0]!.path).toBe("settings.countedSiteKinds.0");
    const commune = await errorOf(admin.trpc.pluginSettings.update.mutate({ localityId: ids["bang-mac"]!, pluginId: "geopark-education", enabled: true }));
    expect(commune.data.eduplan!.fieldErrors[0]!.path).toBe("localityId");
    // Settings change the figures at once: only museums count now → the visit rate drops to the museum trip (35 of 180).
    await admin.trpc.pluginSettings.update.mutate({ localityId: ids["lang-son"]!, pluginId: "geopark-education", settings: { countedSiteKinds: ["museum"] } });
    expect((await progressOf(bangmac, "bang-mac-2025", "general.heritage_site_visit_rate")).actual.numerator).toBe(35);
    await admin.trpc.pluginSettings.update.mutate({ localityId: ids["lang-son"]!, pluginId: "geopark-education", settings: {} });
    expect((await progressOf(bangmac, "bang-mac-2025", "general.heritage_site_visit_rate")).actual.numerator).toBe(90);
  });

  test("disabling hides the plugin's indicators, forms, records and procedures for the province, keeps its data, and re-enabling brings all of it back", async () => {
    const visibleIndicators = async (client: Client) => (await client.trpc.indicators.list.query({ filter: { pluginId: "geopark-education" }, pagination: { page: 1, perPage: 100 } })).data.map((i) => i.code);
    const recordsBefore = await bangmac.trpc.pluginRecords.list.query({ filter: { pluginId: "geopark-education" }, sort: { field: "id", order: "ASC" } });
    expect(recordsBefore.total).toBe(4);
    expect(await visibleIndicators(bangmac)).toEqual(expect.arrayContaining(["geopark-education.field_trip_count"]));
    // Lai Châu never enabled it: its users do not see its indicators.
    expect(await visibleIndicators(await loginAs(server.url, "laichau.officer"))).toEqual([]);

    await admin.trpc.pluginSettings.update.mutate({ localityId: ids["lang-son"]!, pluginId: "geopark-education", enabled: false });
    expect((await bangmac.trpc.pluginSettings.mine.query()).enabled).toEqual(["chinese-language"]);
    expect(await visibleIndicators(bangmac)).toEqual([]);
    expect((await bangmac.trpc.pluginRecords.list.query({ filter: { pluginId: "geopark-education" } })).total).toBe(0);
    expect((await bangmac.trpc.pluginRecords.list.query()).data.every((r) => r.pluginId === "chinese-language")).toBe(true);
    const refused = await errorOf(
      bangmac.trpc.pluginRecords.create.mutate({ data: { pluginId: "geopark-education", formId: "reach", localityId: ids["bang-mac.primary-school"]!, data: { schoolYear: "2027-2028", enrolment: 1, pupilsReached: 1 } } }),
    );
    expect(refused.data.code).toBe("FORBIDDEN");
    expect(refused.data.eduplan!.message.vi).toMatch(/chưa được bật/);
    expect((await errorOf(bangmac.trpc.pluginRecords.getOne.query({ id: recordsBefore.data[0]!.id }))).data.code).toBe("FORBIDDEN");
    expect((await errorOf(bangmac.trpc.plugins["geopark-education"].sites.list.query())).data.code).toBe("FORBIDDEN");
    // Nothing was dropped: the records, the plugin's table and the figures are all still in the database.
    expect(await rows(server.db, sql`select id from plugin_records where plugin_id = 'geopark-education'`)).toHaveLength(4);
    expect((await rows(server.db, sql`select id from geopark_education_sites`)).length).toBeGreaterThanOrEqual(5);
    // Administrators still see everything.
    expect((await admin.trpc.pluginRecords.list.query({ filter: { pluginId: "geopark-education" } })).total).toBe(4);

    await admin.trpc.pluginSettings.update.mutate({ localityId: ids["lang-son"]!, pluginId: "geopark-education", enabled: true });
    const recordsAfter = await bangmac.trpc.pluginRecords.list.query({ filter: { pluginId: "geopark-education" }, sort: { field: "id", order: "ASC" } });
    expect(recordsAfter.data).toEqual(recordsBefore.data);
    expect(await visibleIndicators(bangmac)).toEqual(expect.arrayContaining(["geopark-education.field_trip_count", "geopark-education.pupil_visit_count"]));
    expect((await progressOf(bangmac, "bang-mac-2025", "general.heritage_site_visit_rate")).actual.value).toBe(50);
    expect((await bangmac.trpc.plugins["geopark-education"].sites.list.query()).total).toBeGreaterThanOrEqual(5);
    const audit = await admin.trpc.auditLog.list.query({ filter: { entity: "pluginSettings" } });
    expect(audit.total).toBeGreaterThanOrEqual(4);
  });
});

describe("a broken plugin at start-up", () => {
  test("is reported by name and skipped; the server still starts and /healthz answers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "eduplan-broken-"));
    const logs: string[] = [];
    const broken = await startServer({
      dbFile: join(dir, "eduplan.db"),
      port: 0,
      consoleDir: null,
      logError: () => {},
      plugins: { ...PLUGIN_REGISTRY, "broken-plugin": BROKEN_PLUGIN_ENTRY },
      logPlugin: (m) => logs.push(m),
    });
    try {
      expect((await fetch(`${broken.url}/healthz`)).status).toBe(200);
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatch(/plugin 'broken-plugin' \(@eduplan\/plugin-broken-fixture\) is broken and was skipped: .*id 'broken' must equal its folder name/);
      expect(broken.plugins.states.find((p) => p.pluginId === "broken-plugin")).toMatchObject({ status: "broken" });
      expect([...broken.plugins.active.keys()].sort()).toEqual(["boarding-schools", "chinese-language", "geopark-education"]);
      const row = (await broken.db.select().from(s.installedPlugins)).find((p) => p.pluginId === "broken-plugin");
      expect(row).toMatchObject({ status: "broken" });
    } finally {
      await broken.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
