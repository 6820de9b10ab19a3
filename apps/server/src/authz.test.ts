/**
 * The authorisation matrix, generated from the router: every procedure of `appRouter` × every role, against records
 * of ANOTHER locality. A procedure the matrix does not know how to call fails the coverage test, so a new procedure
 * cannot slip through untested.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appRouter } from "@eduplan/api";
import { createClient, errorOf, loginAs, startTestServer, type Client, type TestServer } from "./testing.js";

type Rec = { id: number; version: number } & Record<string, unknown>;
type RecordSet = Record<string, Rec>;

const PROCEDURES = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;
const REFUSED = ["FORBIDDEN", "UNAUTHORIZED", "NOT_FOUND"];
/** Readable by every logged-in user (no locality). */
const GLOBAL = new Set(["indicators", "educationLevels", "localityLevels", "collectiveAssignees"]);
const ADMIN_ONLY = new Set(["users", "auditLog"]);
const READS = new Set(["list", "getOne", "getMany", "getManyReference"]);

const stripForCreate = (rec: Rec) => {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...data } = rec;
  return data;
};

/** How to call each procedure of a resource router against a record. */
const RESOURCE_CALLS: Record<string, (rec: Rec) => unknown> = {
  list: (rec) => ({ filter: { id: rec.id }, pagination: { page: 1, perPage: 10 }, sort: { field: "id", order: "ASC" } }),
  getOne: (rec) => ({ id: rec.id }),
  getMany: (rec) => ({ ids: [rec.id] }),
  getManyReference: (rec) => ({ target: "id", id: rec.id }),
  create: (rec) => ({ data: stripForCreate(rec) }),
  update: (rec) => ({ id: rec.id, version: rec.version, data: {} }),
  updateMany: (rec) => ({ ids: [rec.id], data: {} }),
  delete: (rec) => ({ id: rec.id, version: rec.version }),
  deleteMany: (rec) => ({ ids: [rec.id] }),
};

let nurseryIndicatorId = 0;
/** The Excel template of each set's reporting unit for 2026 (for `reporting.importWorkbook`), by locality id. */
const reportTemplates = new Map<number, string>();

/** How to call the other procedures against a set of records of one locality. */
const OTHER_CALLS: Record<string, ((set: RecordSet) => unknown)[]> = {
  "progress.planProgress": [(set) => ({ planId: set.plans!.id, year: 2026 })],
  "progress.rollup": [(set) => ({ localityId: set.localities!.id, indicatorId: nurseryIndicatorId, year: 2026 })],
  "progress.cascade": [(set) => ({ planId: set.plans!.id })],
  "progress.tasksDue": [(set) => ({ year: 2026, planId: set.plans!.id }), (set) => ({ year: 2026, agencyId: set.agencies!.id })],
  // Only system administrators set up provinces: every other role is refused whatever the file says.
  "provinceSetup.create": [(set) => ({ config: { province: { code: `copy-of-${set.localities!.code}`, nameVi: "Tỉnh thử" } } })],
  "provinceSetup.validate": [(set) => ({ config: { province: { code: `copy-of-${set.localities!.code}`, nameVi: "Tỉnh thử" } } })],
  "reports.transition": [(set) => ({ id: set.reports!.id, action: "reopen" }), (set) => ({ id: set.reports!.id, action: "submit" })],
  // The reporting cycle (router/reporting.ts, reports.forUnit/grid/saveValues).
  "reports.forUnit": [(set) => ({ localityId: set.reports!.localityId, year: 2026 }), (set) => ({ localityId: set.reports!.localityId, year: 2031 })],
  "reports.grid": [(set) => ({ id: set.reports!.id })],
  "reports.saveValues": [(set) => ({ id: set.reports!.id, values: [] })],
  "reporting.consolidate": [(set) => ({ localityId: set.localities!.id, year: 2026 })],
  "reporting.template": [(set) => ({ localityId: set.reports!.localityId as number, year: 2026 })],
  "reporting.importWorkbook": [(set) => ({ base64: reportTemplates.get(set.reports!.localityId as number) })],
  // Progress is per user: another user's id is NOT_FOUND like a missing one.
  "reporting.importProgress": [(set) => ({ progressId: `matrix-${set.localities!.id}` })],
  "reporting.annualReport": [(set) => ({ localityId: set.localities!.id, year: 2026, format: "docx" }), (set) => ({ localityId: set.localities!.id, year: 2026, format: "xlsx" })],
  "reporting.exportList": [(set) => ({ resource: "plans", ids: [set.plans!.id] }), (set) => ({ resource: "reports", ids: [set.reports!.id] }), () => ({ resource: "users" })],
  "reporting.periods": [(set) => ({ localityId: set.localities!.id })],
  "reporting.reportSettings": [(set) => ({ localityId: set.localities!.id })],
  "reporting.updateReportSettings": [(set) => ({ localityId: set.localities!.id, reportDeadline: "12-05" })],
  // Plugins per province: administrators only (other users read their province's with `pluginSettings.mine`).
  "pluginSettings.list": [(set) => ({ filter: { localityId: set.reportingPeriods!.localityId } })],
  "pluginSettings.update": [(set) => ({ localityId: set.reportingPeriods!.localityId, pluginId: "geopark-education", enabled: false })],
};
/** Not about any locality's records: tested in auth.test.ts. `auth.me` answers about the caller only. */
const PUBLIC = new Set(["auth.login", "auth.logout"]);
/** `pluginSettings.mine`/`installed` answer about the caller's province and the server. */
const SELF = new Set(["auth.me", "pluginSettings.mine", "pluginSettings.installed"]);
/** Each plugin's own procedures (`plugins.<id>.…`): their access (enabled province, role) is tested in plugins.test.ts. */
const isPluginProcedure = (path: string) => path.startsWith("plugins.");

let server: TestServer;
let admin: Client;
const sets: Record<"laiChau" | "langSon" | "bangMac", RecordSet> = {} as never;
const users: Record<string, Client> = {};

async function first(resource: string, filter: Record<string, unknown>): Promise<Rec> {
  const { data } = (await admin.call("query", `${resource}.list`, { filter, pagination: { page: 1, perPage: 1 }, sort: { field: "id", order: "ASC" } })) as {
    data: Rec[];
  };
  if (!data[0]) throw new Error(`fixture: no ${resource} with ${JSON.stringify(filter)}`);
  return data[0];
}

async function create(resource: string, data: Record<string, unknown>): Promise<Rec> {
  return ((await admin.call("mutation", `${resource}.create`, { data })) as { data: Rec }).data;
}

/** A record of a plugin form at a new school under `parent` (Lai Châu: boarding-schools; Lạng Sơn: geopark-education). */
async function pluginRecordOf(provinceCode: string, parent: Rec): Promise<Record<string, unknown>> {
  const school = await create("localities", { code: `${parent.code as string}.matrix-school`, nameVi: "Trường kiểm thử", levelCode: "school", parentId: parent.id });
  return provinceCode === "lai-chau"
    ? {
        pluginId: "boarding-schools",
        formId: "boarding",
        localityId: school.id,
        data: { schoolYear: "2025-2026", schoolType: "ethnicSemiBoarding", boardingPupils: 80, eligiblePupils: 90, mealSupportPupils: 85, dormitoryCapacity: 100, meetsNationalStandard: false },
      }
    : { pluginId: "geopark-education", formId: "reach", localityId: school.id, data: { schoolYear: "2025-2026", enrolment: 100, pupilsReached: 12 } };
}

/** One record of every resource, all belonging to the plan / locality / province given. */
async function recordSet(o: { localityCode: string; agencyCode: string; planCode: string; valueLocalityCode: string; username: string; provinceCode: string; reportLocalityCode: string },
): Promise<RecordSet> {
  const locality = await first("localities", { code: o.localityCode });
  const plan = await first("plans", { code: o.planCode });
  const target = await first("targets", { planId: plan.id, indicatorId: nurseryIndicatorId });
  const province = await first("localities", { code: o.provinceCode });
  const reportLocality = await first("localities", { code: o.reportLocalityCode });
  const report = await first("reports", { localityId: reportLocality.id });
  return {
    localities: locality,
    agencies: await first("agencies", { code: o.agencyCode }),
    plans: plan,
    documentRelations: await first("documentRelations", { fromPlanId: plan.id }),
    solutionGroups: await first("solutionGroups", { planId: plan.id }),
    fundingSources: await first("fundingSources", { planId: plan.id }),
    agencyDuties: await first("agencyDuties", { planId: plan.id }),
    reportingObligations: await first("reportingObligations", { planId: plan.id }),
    targets: target,
    milestones: await create("milestones", { targetId: target.id, year: 2027, value: Number(target.value) * 0.9 }),
    tasks: await first("tasks", { planId: plan.id }),
    indicatorValues: await first("indicatorValues", { localityId: (await first("localities", { code: o.valueLocalityCode })).id }),
    users: await first("users", { username: o.username }),
    reportingPeriods: await first("reportingPeriods", { localityId: province.id }),
    reports: report,
    reportValues: await first("reportValues", { reportId: report.id }),
    // A plugin form's record at a school of the set's area, with the plugin its province has enabled.
    pluginRecords: await create("pluginRecords", await pluginRecordOf(o.provinceCode, reportLocality)),
    auditLog: await first("auditLog", { entity: "plans", entityId: plan.id }),
    indicators: await first("indicators", { id: nurseryIndicatorId }),
    educationLevels: await first("educationLevels", {}),
    localityLevels: await first("localityLevels", {}),
    collectiveAssignees: await first("collectiveAssignees", {}),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAs(server.url, "admin");
  nurseryIndicatorId = (await first("indicators", { code: "ecec.nursery.enrolment_rate" })).id;
  sets.laiChau = await recordSet({
    localityCode: "muong-te",
    agencyCode: "muong-te.education-division",
    planCode: "muong-te-2025",
    valueLocalityCode: "ka-lang",
    username: "laichau.officer",
    provinceCode: "lai-chau",
    reportLocalityCode: "ka-lang",
  });
  sets.langSon = await recordSet({
    localityCode: "lang-son",
    agencyCode: "lang-son.education-dept",
    planCode: "lang-son-243-2025",
    valueLocalityCode: "chi-lang",
    username: "langson.officer",
    provinceCode: "lang-son",
    reportLocalityCode: "chi-lang",
  });
  sets.bangMac = await recordSet({
    localityCode: "bang-mac",
    agencyCode: "bang-mac.peoples-committee",
    planCode: "bang-mac-2025",
    valueLocalityCode: "bang-mac",
    username: "bangmac.officer",
    provinceCode: "lang-son",
    reportLocalityCode: "bang-mac",
  });
  for (const set of Object.values(sets)) {
    const unitId = set.reports!.localityId as number;
    reportTemplates.set(unitId, (await admin.trpc.reporting.template.query({ localityId: unitId, year: 2026 })).base64);
  }
  for (const name of ["langson.officer", "langson.viewer", "bangmac.officer", "dongdang.officer", "laichau.officer", "muongte.viewer"])
    users[name] = await loginAs(server.url, name);
});
afterAll(() => server?.stop());

type Call = { path: string; type: "query" | "mutation"; input: unknown; resource: string | null; method: string; rec: Rec | null };

/** Every call of the matrix against one set of records, and the procedures it could not build a call for. */
function callsFor(set: RecordSet): { calls: Call[]; unknown: string[] } {
  const calls: Call[] = [];
  const unknown: string[] = [];
  for (const [path, procedure] of Object.entries(PROCEDURES)) {
    const type = procedure._def.type;
    if (type === "subscription") {
      unknown.push(path);
      continue;
    }
    if (PUBLIC.has(path) || SELF.has(path) || isPluginProcedure(path)) continue;
    const other = OTHER_CALLS[path];
    if (other) {
      for (const build of other) calls.push({ path, type, input: build(set), resource: null, method: path, rec: null });
      continue;
    }
    const dot = path.lastIndexOf(".");
    const resource = path.slice(0, dot);
    const method = path.slice(dot + 1);
    const rec = set[resource];
    const build = RESOURCE_CALLS[method];
    if (!rec || !build) {
      unknown.push(path);
      continue;
    }
    calls.push({ path, type, input: build(rec), resource, method, rec });
  }
  return { calls, unknown };
}

/** Run the calls as `client` and return a description of every call whose outcome breaks the rules. */
async function violations(client: Client, set: RecordSet): Promise<string[]> {
  const { calls } = callsFor(set);
  const problems: string[] = [];
  await Promise.all(
    calls.map(async (c) => {
      const label = `${c.path} ${JSON.stringify(c.input).slice(0, 80)}`;
      let result: unknown;
      let code: string | null = null;
      try {
        result = await client.call(c.type, c.path, c.input);
      } catch (e) {
        code = ((e as { data?: { code?: string } }).data?.code as string | undefined) ?? `thrown: ${(e as Error).message}`;
      }
      const isRead = c.resource !== null && READS.has(c.method);
      if (c.resource && GLOBAL.has(c.resource) && isRead) {
        if (code !== null) problems.push(`${label}: global read refused (${code})`);
        return;
      }
      if (code !== null) {
        if (!REFUSED.includes(code)) problems.push(`${label}: expected a refusal, got ${code}`);
        return;
      }
      // Answered: acceptable only for lists that leave the foreign record out.
      if (c.method === "list" || c.method === "getManyReference") {
        const data = (result as { data: Rec[] }).data;
        if (data.some((r) => r.id === c.rec!.id)) problems.push(`${label}: the list shows the other locality's record`);
        return;
      }
      problems.push(`${label}: answered instead of refusing`);
    }),
  );
  return problems.sort();
}

describe("authorisation matrix (every procedure × every role, against another locality's records)", () => {
  test("the matrix knows how to call every procedure of the router", () => {
    const allUnknown = new Set<string>();
    for (const set of Object.values(sets)) for (const path of callsFor(set).unknown) allUnknown.add(path);
    for (const path of PUBLIC) expect(PROCEDURES).toHaveProperty([path]);
    expect([...allUnknown], "procedures the authorisation matrix cannot call: add them to the matrix").toEqual([]);
    expect(Object.keys(PROCEDURES).length).toBeGreaterThan(150);
  });

  const cases: [string, keyof typeof sets][] = [
    ["langson.officer", "laiChau"],
    ["langson.viewer", "laiChau"],
    ["bangmac.officer", "laiChau"],
    ["bangmac.officer", "langSon"],
    ["dongdang.officer", "bangMac"],
    ["laichau.officer", "langSon"],
    ["muongte.viewer", "langSon"],
  ];
  test.each(cases)("%s is refused every procedure on the records of %s", async (username, setName) => {
    expect(await violations(users[username]!, sets[setName])).toEqual([]);
  });

  test("not logged in: every procedure but login/logout answers UNAUTHORIZED (before reading the input)", async () => {
    const anon = createClient(server.url);
    const problems: string[] = [];
    for (const path of SELF) if ((await errorOf(anon.call("query", path))).data.code !== "UNAUTHORIZED") problems.push(path);
    await Promise.all(
      callsFor(sets.laiChau).calls.map(async (c) => {
        const [withInput, withoutInput] = await Promise.all([errorOf(anon.call(c.type, c.path, c.input)), errorOf(anon.call(c.type, c.path, { junk: true }))]);
        if (withInput.data.code !== "UNAUTHORIZED" || withoutInput.data.code !== "UNAUTHORIZED") problems.push(c.path);
      }),
    );
    expect(problems).toEqual([]);
  });

  test("the refusals are not blanket: each officer reads the same kinds of records in their own area", async () => {
    const own: [string, keyof typeof sets, string[]][] = [
      ["langson.officer", "langSon", []],
      ["laichau.officer", "laiChau", []],
      ["bangmac.officer", "bangMac", ["reportingPeriods"]], // the period belongs to the province, above the commune
    ];
    for (const [username, setName, skip] of own) {
      const set = sets[setName];
      const client = users[username]!;
      for (const [resource, rec] of Object.entries(set)) {
        if (ADMIN_ONLY.has(resource) || skip.includes(resource)) continue;
        const got = (await client.call("query", `${resource}.getOne`, { id: (rec as Rec).id })) as { data: Rec };
        expect(got.data.id, `${username} ${resource}.getOne`).toBe((rec as Rec).id);
      }
      const progress = (await client.trpc.progress.planProgress.query({ planId: set.plans!.id, year: 2026 })) as { targets: unknown[] };
      expect(progress.targets.length).toBeGreaterThan(0);
    }
  });

  test("the administrator reads every locality's records", async () => {
    for (const set of Object.values(sets))
      for (const [resource, rec] of Object.entries(set)) {
        const got = (await admin.call("query", `${resource}.getOne`, { id: (rec as Rec).id })) as { data: Rec };
        expect(got.data.id).toBe((rec as Rec).id);
      }
  });

  test("role limits inside one's own area: viewers write nothing, commune officers do not write localities or agencies, only admins write indicators and users", async () => {
    const ls = sets.langSon;
    const bm = sets.bangMac;
    const expectForbidden = async (client: Client, path: string, input: unknown) => expect((await errorOf(client.call("mutation", path, input))).data.code, path).toBe("FORBIDDEN");
    await expectForbidden(users["langson.viewer"]!, "plans.update", { id: ls.plans!.id, version: ls.plans!.version, data: { titleVi: "x" } });
    await expectForbidden(users["langson.viewer"]!, "indicatorValues.delete", { id: ls.indicatorValues!.id });
    await expectForbidden(users["bangmac.officer"]!, "localities.update", { id: bm.localities!.id, version: bm.localities!.version, data: { population: 1 } });
    await expectForbidden(users["bangmac.officer"]!, "agencies.update", { id: bm.agencies!.id, version: bm.agencies!.version, data: { shortName: "x" } });
    await expectForbidden(users["langson.officer"]!, "indicators.update", { id: ls.indicators!.id, version: ls.indicators!.version, data: { nameVi: "x" } });
    await expectForbidden(users["langson.officer"]!, "users.create", { data: { username: "x.y", displayName: "x", role: "viewer", localityId: ls.localities!.id, password: "long-enough" } });
    // …while writing inside the area works for them:
    const value = sets.bangMac.indicatorValues!;
    const updated = await users["bangmac.officer"]!.trpc.indicatorValues.update.mutate({ id: value.id, version: value.version, data: { noteVi: "kiểm tra" } });
    expect(updated.data.version).toBe(value.version + 1);
  });
});
