/**
 * The authorisation matrix, generated from the router: every procedure of `appRouter` × every role, against records
 * of ANOTHER locality — a sibling, another province, or the localities above the user's own. A procedure the matrix
 * does not know how to call fails the coverage test, so a new procedure cannot slip through untested.
 *
 * The rules it expresses:
 * - records of a sibling or of another province: every procedure refused (lists leave them out);
 * - records ABOVE the user's locality: the public ones (plans and their parts, agencies, reporting periods) are read
 *   by the officers and viewers below (a commune plan shows its province's plan and the cascade), never written; the
 *   rest (the province's own locality record, its figures, reports, users…) is refused like any other area's;
 * - nested references: every id-valued input field of every create/update (the resource definitions' `refs` and
 *   `virtualRefs`), given an id of ANOTHER province, is refused naming the field, and nothing is written.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appRouter } from "@eduplan/api";
import { RESOURCES, foreignRefs, resourceOfTable, type AnyResource } from "@eduplan/db";
import { createClient, DEMO_PASSWORD, errorOf, loginAs, startTestServer, versionOf, type Client, type TestServer } from "./testing.js";

type Rec = { id: number; version: number } & Record<string, unknown>;
type RecordSet = Record<string, Rec>;
type SetName = "laiChau" | "langSon" | "bangMac";

const PROCEDURES = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;
const REFUSED = ["FORBIDDEN", "UNAUTHORIZED", "NOT_FOUND"];
/** Readable by every logged-in user (no locality). */
const GLOBAL = new Set(["indicators", "educationLevels", "localityLevels", "collectiveAssignees"]);
const ADMIN_ONLY = new Set(["users", "auditLog"]);
const READS = new Set(["list", "getOne", "getMany", "getManyReference"]);
/**
 * Public to the localities below (read, never written, by their officers and viewers): plans and every part of a plan,
 * agencies (a commune plan names the Sở GD&ĐT), reporting periods (a commune reports in its province's period).
 */
const PUBLIC_ABOVE = new Set([
  "plans",
  "documentRelations",
  "solutionGroups",
  "fundingSources",
  "agencyDuties",
  "reportingObligations",
  "targets",
  "milestones",
  "tasks",
  "agencies",
  "reportingPeriods",
]);

const stripForCreate = (rec: Rec) => {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...data } = rec;
  return data;
};

/** How to call each procedure of a resource router against a record (every change names its version). */
const RESOURCE_CALLS: Record<string, (rec: Rec) => unknown> = {
  list: (rec) => ({ filter: { id: rec.id }, pagination: { page: 1, perPage: 10 }, sort: { field: "id", order: "ASC" } }),
  getOne: (rec) => ({ id: rec.id }),
  getMany: (rec) => ({ ids: [rec.id] }),
  getManyReference: (rec) => ({ target: "id", id: rec.id }),
  create: (rec) => ({ data: stripForCreate(rec) }),
  update: (rec) => ({ id: rec.id, version: rec.version, data: {} }),
  updateMany: (rec) => ({ ids: [rec.id], versions: [rec.version], data: {} }),
  delete: (rec) => ({ id: rec.id, version: rec.version }),
  deleteMany: (rec) => ({ ids: [rec.id], versions: [rec.version] }),
};

let nurseryIndicatorId = 0;
/** The Excel template of each set's reporting unit for 2026 (for `reporting.importWorkbook`), by locality id. */
const reportTemplates = new Map<number, string>();

/**
 * How to call the other procedures against a set of records of one locality. `reads` names the resource whose record
 * of the set the call reads: allowed where that record is public to the user (it lies above the user's locality).
 */
type OtherCall = {
  build: (set: RecordSet) => unknown;
  reads?: string;
  /** The call answers a list of the user's own area: answered, but without the set's record of this kind. */
  lists?: (set: RecordSet) => Rec;
  /** The call answers its refusal as data (a file import's row problems): what that answer must say. */
  refusedIn?: (result: unknown) => boolean;
};

/** A bulk figures file (CSV) with one figure of the set's locality. */
const figuresCsv = (set: RecordSet) =>
  Buffer.from(`Mã địa bàn,Mã chỉ tiêu,Năm,Tử số,Mẫu số,Giá trị,Ghi chú\n${String(set.localities!.code)},ecec.nursery.enrolment_rate,2024,1,2,,\n`).toString("base64");
/** Its refusal: not written, the row's locality outside the user's area. */
const refusedLocality = (result: unknown) => {
  const r = result as { ok: boolean; problems?: { field: string }[] };
  return r.ok === false && (r.problems ?? []).some((p) => p.field === "locality");
};
const OTHER_CALLS: Record<string, OtherCall[]> = {
  "progress.planProgress": [{ build: (set) => ({ planId: set.plans!.id, year: 2026 }), reads: "plans" }],
  "progress.roadmap": [{ build: (set) => ({ targetId: set.targets!.id }), reads: "targets" }],
  "progress.rollup": [{ build: (set) => ({ localityId: set.localities!.id, indicatorId: nurseryIndicatorId, year: 2026 }) }],
  "progress.cascade": [{ build: (set) => ({ planId: set.plans!.id }), reads: "plans" }],
  "progress.areaDashboard": [
    { build: (set) => ({ localityId: set.localities!.id, year: 2026 }) },
    { build: (set) => ({ localityId: set.localities!.id, year: 2026, planId: set.plans!.id }) },
  ],
  // The nation's dashboard: administrators and users whose area is the nation (no demo user below it).
  "progress.nationalDashboard": [{ build: () => ({ year: 2026 }) }],
  // Plan documents under review (issue #16): each belongs to the locality its plan will belong to.
  "planImport.suggest": [{ build: (set) => ({ localityId: set.localities!.id, refs: [{ code: "education-dept", nameVi: "Sở Giáo dục và Đào tạo", text: "Sở GD&ĐT", collective: false }] }) }],
  "planImport.save": [
    { build: (set) => ({ localityId: set.localities!.id, draft: planDraft, assignees: {} }) },
    { build: (set) => ({ id: planImportOf.get(set)!.id, version: planImportOf.get(set)!.version, localityId: planImportOf.get(set)!.localityId, draft: planDraft, assignees: {} }) },
  ],
  "planImport.get": [{ build: (set) => ({ id: planImportOf.get(set)!.id }) }],
  "planImport.list": [{ build: () => undefined, lists: (set) => planImportOf.get(set)! }],
  "planImport.accept": [{ build: (set) => ({ id: planImportOf.get(set)!.id, version: planImportOf.get(set)!.version }) }],
  "progress.tasksDue": [
    { build: (set) => ({ year: 2026, planId: set.plans!.id }), reads: "plans" },
    { build: (set) => ({ year: 2026, agencyId: set.agencies!.id }), reads: "agencies" },
  ],
  // Only system administrators set up provinces: every other role is refused whatever the file says.
  "provinceSetup.create": [{ build: (set) => ({ config: { province: { code: `copy-of-${set.localities!.code}`, nameVi: "Tỉnh thử" } } }) }],
  "provinceSetup.validate": [{ build: (set) => ({ config: { province: { code: `copy-of-${set.localities!.code}`, nameVi: "Tỉnh thử" } } }) }],
  "reports.transition": [
    { build: (set) => ({ id: set.reports!.id, action: "reopen", version: set.reports!.version }) },
    { build: (set) => ({ id: set.reports!.id, action: "submit", version: set.reports!.version }) },
  ],
  // The reporting cycle (router/reporting.ts, reports.forUnit/grid/saveValues).
  "reports.forUnit": [{ build: (set) => ({ localityId: set.reports!.localityId, year: 2026 }) }, { build: (set) => ({ localityId: set.reports!.localityId, year: 2024 }) }],
  "reports.grid": [{ build: (set) => ({ id: set.reports!.id }) }],
  "reports.saveValues": [{ build: (set) => ({ id: set.reports!.id, version: set.reports!.version, values: [] }) }],
  "reporting.consolidate": [{ build: (set) => ({ localityId: set.localities!.id, year: 2026 }) }],
  // An agency's or a locality's predecessors and successors: read as the record itself is.
  "successions.agency": [{ build: (set) => ({ id: set.agencies!.id }), reads: "agencies" }],
  "successions.locality": [{ build: (set) => ({ id: set.localities!.id }), reads: "localities" }],
  "reporting.template": [{ build: (set) => ({ localityId: set.reports!.localityId as number, year: 2026 }) }],
  "reporting.importWorkbook": [{ build: (set) => ({ base64: reportTemplates.get(set.reports!.localityId as number) }) }],
  // Progress is per user: another user's id is NOT_FOUND like a missing one.
  "reporting.importProgress": [{ build: (set) => ({ progressId: `matrix-${set.localities!.id}` }) }],
  "reporting.annualReport": [
    { build: (set) => ({ localityId: set.localities!.id, year: 2026, format: "docx" }) },
    { build: (set) => ({ localityId: set.localities!.id, year: 2026, format: "xlsx" }) },
  ],
  // Who issues and signs a locality's annual report: read and kept as the report is printed (the locality readable / writable).
  "reporting.annualReportSignature": [{ build: (set) => ({ localityId: set.localities!.id, year: 2026 }) }],
  "reporting.saveAnnualReportSignature": [{ build: (set) => ({ localityId: set.localities!.id, year: 2026, issuer: "peoplesCommittee", signerName: "Người ký kiểm thử" }) }],
  "reporting.exportList": [
    { build: (set) => ({ resource: "plans", ids: [set.plans!.id] }), reads: "plans" },
    { build: (set) => ({ resource: "reports", ids: [set.reports!.id] }) },
    { build: () => ({ resource: "users" }) },
  ],
  "reporting.importFigures": [{ build: (set) => ({ fileName: "so-lieu.csv", base64: figuresCsv(set) }), refusedIn: refusedLocality }],
  "reporting.periods": [{ build: (set) => ({ localityId: set.localities!.id }) }],
  "reporting.reportSettings": [{ build: (set) => ({ localityId: set.localities!.id }) }],
  "reporting.updateReportSettings": [{ build: (set) => ({ localityId: set.localities!.id, reportDeadline: "12-05" }) }],
  // Plugins per province: administrators only (other users read their province's with `pluginSettings.mine`).
  "pluginSettings.list": [{ build: (set) => ({ filter: { localityId: set.reportingPeriods!.localityId } }) }],
  "pluginSettings.update": [{ build: (set) => ({ localityId: set.reportingPeriods!.localityId, pluginId: "geopark-education", enabled: false }) }],
};
/** Not about any locality's records: tested in auth.test.ts. `auth.me` answers about the caller only. */
const PUBLIC = new Set(["auth.login", "auth.logout"]);
/**
 * `pluginSettings.mine`/`installed` answer about the caller's province and the server; `planImport.read` reads the
 * file the caller sends (writing nothing; what it suggests is within the caller's area); `figuresTemplate` is blank.
 */
const SELF = new Set(["auth.me", "pluginSettings.mine", "pluginSettings.installed", "planImport.read", "reporting.figuresTemplate"]);
/** Each plugin's own procedures (`plugins.<id>.…`): their access (enabled province, role) is tested in plugins.test.ts. */
const isPluginProcedure = (path: string) => path.startsWith("plugins.");

let server: TestServer;
let admin: Client;
const sets: Record<SetName, RecordSet> = {} as never;
const users: Record<string, Client> = {};
/** A plan document under review in each set's locality (`planImport.*`), and the draft they were saved with. */
const planImportOf = new Map<RecordSet, Rec>();
let planDraft: unknown = null;
/** Records a write test changes from, per set: an editable report (a draft) with one of its values. */
const drafts: Record<SetName, { reports: Rec; reportValues: Rec }> = {} as never;

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

async function totalOf(resource: string): Promise<number> {
  return ((await admin.call("query", `${resource}.list`, { pagination: { page: 1, perPage: 1 } })) as { total: number }).total;
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
async function recordSet(o: { localityCode: string; agencyCode: string; planCode: string; valueLocalityCode: string; username: string; provinceCode: string; reportLocalityCode: string }): Promise<RecordSet> {
  const locality = await first("localities", { code: o.localityCode });
  const plan = await first("plans", { code: o.planCode });
  const target = await first("targets", { planId: plan.id, indicatorId: nurseryIndicatorId });
  const province = await first("localities", { code: o.provinceCode });
  const reportLocality = await first("localities", { code: o.reportLocalityCode });
  const report = await first("reports", { localityId: reportLocality.id });
  const valueLocality = await first("localities", { code: o.valueLocalityCode });
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
    // A figure entered directly (not published from a report, in a year no period closes): refused by area, not by a lock.
    indicatorValues: await create("indicatorValues", { localityId: valueLocality.id, indicatorId: nurseryIndicatorId, year: 2024, numerator: 40, denominator: 50 }),
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

/** A draft report of an agency of the set's reporting unit, in the province's 2026 period, with one value. */
async function draftOf(set: RecordSet, agencyCode: string): Promise<{ reports: Rec; reportValues: Rec }> {
  const period = await first("reportingPeriods", { localityId: set.reportingPeriods!.localityId, year: 2026 });
  const agency = await first("agencies", { code: agencyCode });
  const report = await create("reports", { periodId: period.id, localityId: set.reports!.localityId, agencyId: agency.id });
  const value = await create("reportValues", { reportId: report.id, indicatorId: nurseryIndicatorId, numerator: 30, denominator: 40 });
  return { reports: { ...report, version: await versionOf(admin, "reports", report.id) }, reportValues: value };
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
  drafts.laiChau = await draftOf(sets.laiChau, "ka-lang.peoples-committee");
  drafts.langSon = await draftOf(sets.langSon, "chi-lang.peoples-committee");
  drafts.bangMac = await draftOf(sets.bangMac, "bang-mac.peoples-committee");
  for (const set of Object.values(sets)) {
    const unitId = set.reports!.localityId as number;
    reportTemplates.set(unitId, (await admin.trpc.reporting.template.query({ localityId: unitId, year: 2026 })).base64);
  }
  // A plan document read once (the sample commune resolution), saved for review in each set's locality.
  const resolution = readFileSync(fileURLToPath(new URL("../../../packages/sample-data/sources/bang-mac-commune-resolution-2025.txt", import.meta.url)));
  planDraft = ((await admin.call("mutation", "planImport.read", { filename: "nghi-quyet.txt", base64: resolution.toString("base64") })) as { draft: unknown }).draft;
  for (const set of Object.values(sets))
    planImportOf.set(set, (await admin.call("mutation", "planImport.save", { localityId: set.localities!.id, draft: planDraft, assignees: {} })) as Rec);
  // A viewer of a commune, to read what lies above it as a viewer (the demo data has officers only at communes).
  await create("users", { username: "bangmac.viewer", displayName: "Người xem xã Bằng Mạc", role: "viewer", localityId: sets.bangMac.localities!.id, password: DEMO_PASSWORD });
  for (const name of ["langson.officer", "langson.viewer", "bangmac.officer", "bangmac.viewer", "dongdang.officer", "laichau.officer", "muongte.viewer"])
    users[name] = await loginAs(server.url, name);
});
afterAll(() => server?.stop());

type Call = {
  path: string;
  type: "query" | "mutation";
  input: unknown;
  resource: string | null;
  method: string;
  rec: Rec | null;
  reads: string | null;
  listed: Rec | null;
  refusedIn: ((result: unknown) => boolean) | null;
};

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
      for (const { build, reads, lists, refusedIn } of other)
        calls.push({ path, type, input: build(set), resource: null, method: path, rec: reads ? set[reads]! : null, reads: reads ?? null, listed: lists ? lists(set) : null, refusedIn: refusedIn ?? null });
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
    calls.push({ path, type, input: build(rec), resource, method, rec, reads: READS.has(method) ? resource : null, listed: null, refusedIn: null });
  }
  return { calls, unknown };
}

const codeOfError = (e: unknown) => ((e as { data?: { code?: string } }).data?.code as string | undefined) ?? `thrown: ${(e as Error).message}`;

/** Run the calls as `client` and return a description of every call whose outcome breaks the rules. */
async function violations(client: Client, set: RecordSet, above: readonly string[]): Promise<string[]> {
  const { calls } = callsFor(set);
  const problems: string[] = [];
  await Promise.all(
    calls.map(async (c) => {
      const label = `${c.path} ${String(JSON.stringify(c.input)).slice(0, 80)}`;
      let result: unknown;
      let code: string | null = null;
      try {
        result = await client.call(c.type, c.path, c.input);
      } catch (e) {
        code = codeOfError(e);
      }
      const rows = (): Rec[] | null => {
        const data = (result as { data?: unknown } | undefined)?.data;
        return Array.isArray(data) ? (data as Rec[]) : null;
      };
      if (c.resource && GLOBAL.has(c.resource) && READS.has(c.method)) {
        if (code !== null) problems.push(`${label}: global read refused (${code})`);
        return;
      }
      // A public record above the user's locality: read (and shown in lists), as the localities below read it.
      if (c.reads && above.includes(c.reads)) {
        if (code !== null) problems.push(`${label}: a public record of the area above refused (${code})`);
        else if (c.resource && (c.method === "list" || c.method === "getManyReference" || c.method === "getMany") && !rows()!.some((r) => r.id === c.rec!.id))
          problems.push(`${label}: the public record above is missing from the answer`);
        else if (c.resource && c.method === "getOne" && (result as { data: Rec }).data.id !== c.rec!.id) problems.push(`${label}: another record answered`);
        return;
      }
      if (code !== null) {
        if (!REFUSED.includes(code)) problems.push(`${label}: expected a refusal, got ${code}`);
        return;
      }
      // Answered: acceptable only for a refusal given as data, and lists that leave the foreign record out.
      if (c.refusedIn) {
        if (!c.refusedIn(result)) problems.push(`${label}: answered without refusing (${JSON.stringify(result).slice(0, 120)})`);
        return;
      }
      if (c.listed) {
        const list = Array.isArray(result) ? (result as Rec[]) : (rows() ?? []);
        if (list.some((r) => r.id === c.listed!.id)) problems.push(`${label}: the list shows the other locality's record`);
        return;
      }
      if (c.method === "list" || c.method === "getManyReference") {
        if (rows()!.some((r) => r.id === c.rec!.id)) problems.push(`${label}: the list shows the other locality's record`);
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
    // Every calls entry names a procedure that exists (a renamed procedure must not leave a dead entry behind).
    for (const path of Object.keys(OTHER_CALLS)) expect(PROCEDURES, path).toHaveProperty([path]);
  });

  /**
   * User, the set of records, and which of the set's records lie ABOVE the user's locality (public: read only). The
   * Bằng Mạc set's period is its province's, above Đồng Đăng too; the Lạng Sơn set's plan, its parts, its agency and
   * its period lie above Bằng Mạc (its locality record, figures, reports and plugin records do not: they are the
   * province's own, or a sibling commune's).
   */
  const ABOVE_COMMUNE = [...PUBLIC_ABOVE];
  const cases: [string, SetName, string[]][] = [
    ["langson.officer", "laiChau", []],
    ["langson.viewer", "laiChau", []],
    ["bangmac.officer", "laiChau", []],
    ["dongdang.officer", "bangMac", ["reportingPeriods"]], // a sibling commune of the same province
    ["laichau.officer", "langSon", []],
    ["muongte.viewer", "langSon", []],
    ["bangmac.officer", "langSon", ABOVE_COMMUNE], // a commune officer and its province's records
    ["bangmac.viewer", "langSon", ABOVE_COMMUNE],
  ];
  test.each(cases)("%s on the records of %s: refused every procedure; reads only of the public records above it (%j)", async (username, setName, above) => {
    for (const resource of above) expect(PUBLIC_ABOVE.has(resource), resource).toBe(true);
    expect(await violations(users[username]!, sets[setName], above)).toEqual([]);
  });

  test("not logged in: every procedure but login/logout answers UNAUTHORIZED (before reading the input)", async () => {
    const anon = createClient(server.url);
    const problems: string[] = [];
    for (const path of SELF) if ((await errorOf(anon.call(PROCEDURES[path]!._def.type as "query" | "mutation", path))).data.code !== "UNAUTHORIZED") problems.push(path);
    await Promise.all(
      callsFor(sets.laiChau).calls.map(async (c) => {
        const [withInput, withoutInput] = await Promise.all([errorOf(anon.call(c.type, c.path, c.input)), errorOf(anon.call(c.type, c.path, { junk: true }))]);
        if (withInput.data.code !== "UNAUTHORIZED" || withoutInput.data.code !== "UNAUTHORIZED") problems.push(c.path);
      }),
    );
    expect(problems).toEqual([]);
  });

  test("the refusals are not blanket: each officer reads the same kinds of records in their own area", async () => {
    const own: [string, SetName][] = [
      ["langson.officer", "langSon"],
      ["laichau.officer", "laiChau"],
      ["bangmac.officer", "bangMac"], // the period belongs to the province, above the commune: public to it
    ];
    for (const [username, setName] of own) {
      const set = sets[setName];
      const client = users[username]!;
      for (const [resource, rec] of Object.entries(set)) {
        if (ADMIN_ONLY.has(resource)) continue;
        const got = (await client.call("query", `${resource}.getOne`, { id: (rec as Rec).id })) as { data: Rec };
        expect(got.data.id, `${username} ${resource}.getOne`).toBe((rec as Rec).id);
      }
      const progress = (await client.trpc.progress.planProgress.query({ planId: set.plans!.id, year: 2026 })) as { targets: unknown[] };
      expect(progress.targets.length).toBeGreaterThan(0);
      const roadmap = await client.trpc.progress.roadmap.query({ targetId: set.targets!.id });
      expect(roadmap.target.id).toBe(set.targets!.id);
    }
  });

  test("…and write them where their role may: an unchanged update (on its version) of every resource is accepted in their area, refused to a viewer", async () => {
    const own: [string, string, Record<string, Rec>][] = [
      // A province officer manages the localities below the province (not its own record: see integrity.test.ts).
      ["langson.officer", "province_officer", { ...sets.langSon, localities: sets.bangMac.localities!, ...drafts.langSon }],
      ["bangmac.officer", "commune_officer", { ...sets.bangMac, ...drafts.bangMac }],
    ];
    const problems: string[] = [];
    for (const [username, role, records] of own)
      for (const [name, def] of Object.entries(RESOURCES) as [string, AnyResource][]) {
        const rec = records[name];
        if (!rec) throw new Error(`fixture: no ${name} record for ${username}`);
        const version = await versionOf(admin, name, rec.id);
        const may = def.access.write.includes(role as never);
        try {
          const updated = (await users[username]!.call("mutation", `${name}.update`, { id: rec.id, version, data: {} })) as { data: Rec };
          if (!may) problems.push(`${username} ${name}.update: accepted, the role may not write it`);
          else if (updated.data.version !== version + 1) problems.push(`${username} ${name}.update: version ${updated.data.version}`);
        } catch (e) {
          if (may) problems.push(`${username} ${name}.update: refused (${codeOfError(e)}: ${(e as Error).message})`);
          else if (codeOfError(e) !== "FORBIDDEN") problems.push(`${username} ${name}.update: ${codeOfError(e)}`);
        }
        const viewer = users[username === "langson.officer" ? "langson.viewer" : "bangmac.viewer"]!;
        const refused = await errorOf(viewer.call("mutation", `${name}.update`, { id: rec.id, version: await versionOf(admin, name, rec.id), data: {} })).catch(() => null);
        if (refused?.data.code !== "FORBIDDEN") problems.push(`viewer ${name}.update: ${refused ? refused.data.code : "accepted"}`);
      }
    expect(problems).toEqual([]);
    // The sets' records moved on by one version each: later tests read them afresh.
    for (const set of [...Object.values(sets), ...Object.values(drafts)]) for (const [name, rec] of Object.entries(set)) if (name in RESOURCES) rec.version = await versionOf(admin, name, rec.id);
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
    await expectForbidden(users["langson.viewer"]!, "indicatorValues.delete", { id: ls.indicatorValues!.id, version: ls.indicatorValues!.version });
    await expectForbidden(users["bangmac.viewer"]!, "indicatorValues.update", { id: bm.indicatorValues!.id, version: bm.indicatorValues!.version, data: { noteVi: "x" } });
    await expectForbidden(users["bangmac.officer"]!, "localities.update", { id: bm.localities!.id, version: bm.localities!.version, data: { population: 1 } });
    await expectForbidden(users["bangmac.officer"]!, "agencies.update", { id: bm.agencies!.id, version: bm.agencies!.version, data: { shortName: "x" } });
    await expectForbidden(users["langson.officer"]!, "indicators.update", { id: ls.indicators!.id, version: ls.indicators!.version, data: { nameVi: "x" } });
    await expectForbidden(users["langson.officer"]!, "users.create", { data: { username: "x.y", displayName: "x", role: "viewer", localityId: ls.localities!.id, password: "long-enough" } });
    // …while writing inside the area works for them:
    const value = bm.indicatorValues!;
    const updated = await users["bangmac.officer"]!.trpc.indicatorValues.update.mutate({ id: value.id, version: value.version, data: { noteVi: "kiểm tra" } });
    expect(updated.data.version).toBe(value.version + 1);
    bm.indicatorValues = updated.data as Rec;
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Nested references: every id-valued input field, given an id of another province.

/** The field whose value places the record (its area): an id of another province there is refused as the area's. */
function scopeFieldOf(def: AnyResource): string | null {
  switch (def.scope.kind) {
    case "locality":
    case "via":
      return def.scope.column;
    case "tree":
      return "parentId";
    case "global":
      return null;
  }
}

type RefField = { resource: string; field: string; virtual: boolean; target: AnyResource | undefined };

/** Every id-valued input field of every resource: its reference columns (`refs`) and its lists of ids (`virtualRefs`). */
function refFields(): RefField[] {
  const out: RefField[] = [];
  for (const [name, def] of Object.entries(RESOURCES) as [string, AnyResource][]) {
    const fks = foreignRefs(def.table);
    for (const field of Object.keys(def.refs)) {
      const fk = fks.find((r) => r.field === field);
      out.push({ resource: name, field, virtual: false, target: fk ? resourceOfTable(fk.table) : undefined });
    }
    for (const [field, vref] of Object.entries(def.virtualRefs ?? {})) out.push({ resource: name, field, virtual: true, target: vref.resource() });
  }
  return out;
}

/** Reference data belongs to no province: there is no record of another province to point at. */
const isReferenceData = (f: RefField) => f.target === undefined || f.target.scope.kind === "global";

/** The fields of a record a create may send again (its schema's fields and the virtual fields). */
function creatable(def: AnyResource, rec: Rec): Record<string, unknown> {
  const shape = (def.inputSchema as unknown as { shape?: Record<string, unknown> }).shape;
  const data = stripForCreate(rec);
  if (!shape) return data;
  const keys = new Set([...Object.keys(shape), ...(def.virtualFields ?? [])]);
  return Object.fromEntries(Object.entries(data).filter(([k]) => keys.has(k)));
}

/** Fields a reference needs beside it to make a valid record (so that only the reference can be at fault). */
const COMPANIONS: Record<string, Record<string, unknown>> = {
  // A target by reference to another plan is achieved or not.
  "targets.referencePlanId": { comparator: "achieve", value: null, valueMax: null },
};

/** Does the refusal name the field (or, for the field that places the record, refuse the area)? */
function refusesField(e: { data: { code: string; eduplan?: { fieldErrors: { path: string }[] } } }, field: string, def: AnyResource): boolean {
  const named = (e.data.eduplan?.fieldErrors ?? []).some((f) => f.path === field || f.path.startsWith(`${field}.`));
  if (e.data.code === "BAD_REQUEST") return named;
  if (e.data.code === "FORBIDDEN") return named || field === scopeFieldOf(def);
  return false;
}

async function snapshot(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of [...Object.keys(RESOURCES), "auditLog"]) out[name] = await totalOf(name);
  return out;
}

describe("nested references: an id of another province in any id-valued field is refused, naming it, and nothing is written", () => {
  test("every id-valued field is known to the matrix (reference data aside), and each names a resource with a record in the other province's set", () => {
    const fields = refFields();
    expect(fields.length).toBeGreaterThan(25);
    const missing = fields.filter((f) => !isReferenceData(f) && !sets.laiChau[f.target!.name]).map((f) => `${f.resource}.${f.field} → ${f.target!.name}`);
    expect(missing, "a reference to a resource the Lai Châu set has no record of").toEqual([]);
    // Reference data only (indicators, levels): the rule of these fields is "exists".
    for (const f of fields.filter(isReferenceData)) expect((RESOURCES as Record<string, AnyResource>)[f.resource]!.refs[f.field], `${f.resource}.${f.field}`).toBe("exists");
  });

  /** The record each actor changes, per resource (one they may edit now, so only the reference can be at fault). */
  const basesOf = (actor: string): Record<string, Rec> =>
    actor === "langson.officer"
      ? { ...sets.langSon, localities: sets.bangMac.localities!, ...drafts.langSon }
      : { ...sets.bangMac, ...drafts.bangMac };

  test.each(["langson.officer", "bangmac.officer"])("%s: create and update with an id of Lai Châu in each field", async (actor) => {
    const client = users[actor]!;
    const role = actor === "langson.officer" ? "province_officer" : "commune_officer";
    const bases = basesOf(actor);
    const before = await snapshot();
    const problems: string[] = [];
    let tried = 0;
    for (const f of refFields()) {
      const def = (RESOURCES as Record<string, AnyResource>)[f.resource]!;
      if (isReferenceData(f) || !def.access.write.includes(role as never)) continue;
      const base = bases[f.resource];
      if (!base) {
        problems.push(`${f.resource}.${f.field}: no record of ${actor}'s area to write from`);
        continue;
      }
      const foreign = sets.laiChau[f.target!.name]!.id;
      const value = f.virtual ? [foreign] : foreign;
      const companions = COMPANIONS[`${f.resource}.${f.field}`] ?? {};
      const version = await versionOf(admin, f.resource, base.id);
      const stored = (await admin.call("query", `${f.resource}.getOne`, { id: base.id })) as { data: Rec };
      const attempts: [string, () => Promise<unknown>][] = [
        ["create", () => client.call("mutation", `${f.resource}.create`, { data: { ...creatable(def, stored.data), ...companions, [f.field]: value } })],
        ["update", () => client.call("mutation", `${f.resource}.update`, { id: base.id, version, data: { ...companions, [f.field]: value } })],
      ];
      for (const [method, attempt] of attempts) {
        tried++;
        let outcome: string;
        try {
          await attempt();
          outcome = "accepted";
        } catch (e) {
          const err = e as { data: { code: string; eduplan?: { fieldErrors: { path: string }[]; message: { en: string } } } };
          outcome = refusesField(err, f.field, def) ? "refused" : `${err.data?.code}: ${err.data?.eduplan?.message.en ?? (e as Error).message}`;
        }
        if (outcome !== "refused") problems.push(`${f.resource}.${method} ${f.field}=${JSON.stringify(value)}: ${outcome}`);
      }
      const after = (await admin.call("query", `${f.resource}.getOne`, { id: base.id })) as { data: Rec };
      if (JSON.stringify(after.data) !== JSON.stringify(stored.data)) problems.push(`${f.resource} #${base.id} changed by a refused write of ${f.field}`);
    }
    expect(problems).toEqual([]);
    expect(tried).toBeGreaterThan(actor === "langson.officer" ? 40 : 25);
    expect(await snapshot(), "rows and audit entries after the refused writes").toEqual(before);
  });
});
