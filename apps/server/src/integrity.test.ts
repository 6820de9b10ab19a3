/**
 * Regression tests of issue #10 ("Integrity of the record"), one per finding of the hostile-officer test, over HTTP
 * against a real server on a real SQLite file. Each would have passed the attack before the one guarded write path
 * (packages/db) and the reporting cycle (@eduplan/cycle); each now shows the refusal, and that nothing was written.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEMO_PASSWORD, errorOf, loginAs, startTestServer, transition, versionOf, type Client, type TestServer } from "./testing.js";

type Rec = { id: number; version: number } & Record<string, unknown>;

let server: TestServer;
let admin: Client;
let langson: Client;
let bangmac: Client;
let laichau: Client;
const ids: Record<string, number> = {};

async function first(resource: string, filter: Record<string, unknown>, client: Client = admin): Promise<Rec> {
  const { data } = (await client.call("query", `${resource}.list`, { filter, pagination: { page: 1, perPage: 1 }, sort: { field: "id", order: "ASC" } })) as { data: Rec[] };
  if (!data[0]) throw new Error(`fixture: no ${resource} with ${JSON.stringify(filter)}`);
  return data[0];
}

async function getOne(resource: string, id: number, client: Client = admin): Promise<Rec> {
  return ((await client.call("query", `${resource}.getOne`, { id })) as { data: Rec }).data;
}

async function totalOf(resource: string, filter: Record<string, unknown> = {}): Promise<number> {
  return ((await admin.call("query", `${resource}.list`, { filter, pagination: { page: 1, perPage: 1 } })) as { total: number }).total;
}

const auditCount = () => totalOf("auditLog");

async function rollup(localityId: number, indicatorId: number, year: number) {
  const r = await admin.trpc.progress.rollup.query({ localityId, indicatorId, year });
  return { numerator: r.numerator, denominator: r.denominator, value: r.value, contributors: r.contributors };
}

const pathsOf = (e: { data: { eduplan?: { fieldErrors: { path: string }[] } } }) => (e.data.eduplan?.fieldErrors ?? []).map((f) => f.path);

/** Every text of every cell of an XLSX (to see what an export printed). */
async function xlsxText(base64: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, "base64") as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text ?? "")))));
  return out.join("\n");
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAs(server.url, "admin");
  langson = await loginAs(server.url, "langson.officer");
  bangmac = await loginAs(server.url, "bangmac.officer");
  laichau = await loginAs(server.url, "laichau.officer");
  for (const code of ["vn", "lang-son", "bang-mac", "bang-mac.preschool", "chi-lang", "luong-van-tri", "lai-chau", "muong-te", "ka-lang"]) ids[code] = (await first("localities", { code })).id;
  for (const code of ["national-strategy-1705", "lang-son-243-2025", "bang-mac-2025", "muong-te-2025"]) ids[code] = (await first("plans", { code })).id;
  for (const code of ["lang-son.education-dept", "bang-mac.peoples-committee", "muong-te.education-division", "ka-lang.peoples-committee"]) ids[code] = (await first("agencies", { code })).id;
  ids.nursery = (await first("indicators", { code: "ecec.nursery.enrolment_rate" })).id;
  ids.newSchools = (await first("indicators", { code: "upper_secondary.new_schools_built" })).id;
  for (const [name, code, year] of [["ls2025", "lang-son", 2025], ["ls2026", "lang-son", 2026], ["lc2025", "lai-chau", 2025]] as const)
    ids[name] = (await first("reportingPeriods", { localityId: ids[code], year })).id;
});
afterAll(() => server?.stop());

describe("issue #10: the nine findings of the hostile-officer test", () => {
  test("finding 1 — the approval lock: a figure published from an approved report, and the approved report, change only through the cycle", async () => {
    const report = await first("reports", { periodId: ids.ls2025, localityId: ids["bang-mac"], agencyId: null });
    expect(report.status).toBe("approved");
    const figure = await first("indicatorValues", { localityId: ids["bang-mac"], indicatorId: ids.nursery, year: 2025 });
    expect(figure.reportId).toBe(report.id);
    const rollupBefore = await rollup(ids["lang-son"]!, ids.nursery!, 2025);
    const auditBefore = await auditCount();

    // Neither the commune that reported it nor its province edits the published figure directly.
    for (const client of [bangmac, langson]) {
      // One call at a time (a call started before the previous is awaited would reject unobserved).
      for (const attempt of [
        () => client.trpc.indicatorValues.update.mutate({ id: figure.id, version: figure.version, data: { numerator: 0 } }),
        () => client.trpc.indicatorValues.delete.mutate({ id: figure.id, version: figure.version }),
        () => client.trpc.indicatorValues.updateMany.mutate({ ids: [figure.id], versions: [figure.version], data: { numerator: 0 } }),
        () => client.trpc.indicatorValues.deleteMany.mutate({ ids: [figure.id], versions: [figure.version] }),
      ]) {
        const e = await errorOf(attempt());
        expect([e.data.code, e.data.eduplan?.reason]).toEqual(["CONFLICT", "locked"]);
        expect(e.data.eduplan!.message.vi).toMatch(/mở lại báo cáo/);
      }
    }
    // Nor the approved report's values, nor the report (its period, or an agency of another province).
    const value = await first("reportValues", { reportId: report.id, indicatorId: ids.nursery });
    const locked = await errorOf(bangmac.trpc.reportValues.update.mutate({ id: value.id, version: value.version, data: { numerator: 0 } }));
    expect([locked.data.code, locked.data.eduplan?.reason]).toEqual(["CONFLICT", "locked"]);
    for (const data of [{ periodId: ids.lc2025 }, { agencyId: ids["muong-te.education-division"] }, { periodId: ids.ls2026 }]) {
      const e = await errorOf(bangmac.trpc.reports.update.mutate({ id: report.id, version: report.version, data }));
      expect(["CONFLICT", "FORBIDDEN"], JSON.stringify(data)).toContain(e.data.code);
    }
    expect(await getOne("indicatorValues", figure.id)).toEqual(figure);
    expect(await getOne("reports", report.id)).toEqual(report);
    expect(await rollup(ids["lang-son"]!, ids.nursery!, 2025)).toEqual(rollupBefore);
    expect(await auditCount()).toBe(auditBefore);

    // The way to change it: reopen (the province) → edit → submit → approve; the rollup follows.
    await transition(langson, report.id, "reopen");
    const grid = await bangmac.trpc.reports.grid.query({ id: report.id });
    expect(grid.canEdit).toBe(true);
    const newNumerator = Number(figure.numerator) - 1;
    await bangmac.trpc.reports.saveValues.mutate({ id: report.id, version: await versionOf(bangmac, "reports", report.id), values: [{ indicatorId: ids.nursery!, numerator: newNumerator, denominator: Number(figure.denominator) }] });
    await transition(bangmac, report.id, "submit");
    await transition(langson, report.id, "approve");
    const republished = await first("indicatorValues", { localityId: ids["bang-mac"], indicatorId: ids.nursery, year: 2025 });
    expect(republished).toMatchObject({ reportId: report.id, numerator: newNumerator, denominator: figure.denominator });
    expect((await rollup(ids["lang-son"]!, ids.nursery!, 2025)).numerator).toBe(rollupBefore.numerator! - 1);
  });

  test("finding 2 — a plan cannot be made the child of another province's plan; the cascade shows only plans one may read; a commune reads its province's plan", async () => {
    const plan = await getOne("plans", ids["bang-mac-2025"]!, bangmac);
    expect(plan.parentPlanId).toBe(ids["lang-son-243-2025"]);
    const before = { plans: await totalOf("plans"), audit: await auditCount() };
    const update = await errorOf(bangmac.trpc.plans.update.mutate({ id: plan.id, version: plan.version, data: { parentPlanId: ids["muong-te-2025"] } }));
    expect([update.data.code, pathsOf(update)]).toEqual(["FORBIDDEN", ["parentPlanId"]]);
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...copy } = plan;
    const create = await errorOf(bangmac.trpc.plans.create.mutate({ data: { ...copy, code: "bang-mac-planted", parentPlanId: ids["muong-te-2025"] } }));
    expect([create.data.code, pathsOf(create)]).toEqual(["FORBIDDEN", ["parentPlanId"]]);
    const provinceUpdate = await errorOf(langson.trpc.plans.update.mutate({ id: ids["lang-son-243-2025"]!, version: await versionOf(langson, "plans", ids["lang-son-243-2025"]!), data: { parentPlanId: ids["muong-te-2025"] } }));
    expect([provinceUpdate.data.code, pathsOf(provinceUpdate)]).toEqual(["FORBIDDEN", ["parentPlanId"]]);
    expect(await getOne("plans", plan.id)).toEqual(plan);
    expect({ plans: await totalOf("plans"), audit: await auditCount() }).toEqual(before);

    // The cascade compares with the province's plan, and no target of another province's plan appears in it.
    const laiChauTargets = new Set(((await admin.trpc.targets.list.query({ filter: { planId: ids["muong-te-2025"] }, pagination: { page: 1, perPage: 1000 } })).data as Rec[]).map((t) => t.id));
    expect(laiChauTargets.size).toBeGreaterThan(0);
    const cascade = await bangmac.trpc.progress.cascade.query({ planId: plan.id, year: 2025 });
    expect(cascade.parentPlan?.id).toBe(ids["lang-son-243-2025"]);
    expect(cascade.rows.length).toBeGreaterThan(0);
    expect(cascade.rows.some((r) => r.parent !== null)).toBe(true);
    expect(cascade.rows.filter((r) => r.parent && laiChauTargets.has(r.parent.id))).toEqual([]);
    // …and the commune reads its province's plan and its targets (public above it), and the national strategy above that.
    expect((await getOne("plans", ids["lang-son-243-2025"]!, bangmac)).code).toBe("lang-son-243-2025");
    expect((await bangmac.trpc.targets.list.query({ filter: { planId: ids["lang-son-243-2025"] } })).total).toBeGreaterThan(0);
    expect((await getOne("plans", ids["national-strategy-1705"]!, bangmac)).code).toBe("national-strategy-1705");
    const provinceCascade = await bangmac.trpc.progress.cascade.query({ planId: ids["lang-son-243-2025"]! });
    expect(provinceCascade.parentPlan?.id).toBe(ids["national-strategy-1705"]);
    // A plan above one's own is a reference one may make (readable), unlike another province's.
    const toNation = await bangmac.trpc.plans.update.mutate({ id: plan.id, version: plan.version, data: { parentPlanId: ids["national-strategy-1705"] } });
    expect(toNation.data.parentPlanId).toBe(ids["national-strategy-1705"]);
    await bangmac.trpc.plans.update.mutate({ id: plan.id, version: toNation.data.version, data: { parentPlanId: ids["lang-son-243-2025"] } });
  });

  test("finding 3 — out-of-area references are refused, naming the field; indicatorValues.reportId is no input at all", async () => {
    const bm = ids["bang-mac-2025"]!;
    const foreignAgency = ids["muong-te.education-division"]!;
    const task = await first("tasks", { planId: bm });
    const duty = await first("agencyDuties", { planId: bm });
    const obligation = await first("reportingObligations", { planId: bm });
    const relation = await first("documentRelations", { fromPlanId: bm });
    // The commune's own (agency) report, a draft: bangmac.officer opens it in the province's period.
    const report = (await bangmac.trpc.reports.create.mutate({ data: { periodId: ids.ls2026, localityId: ids["bang-mac"], agencyId: ids["bang-mac.peoples-committee"] } })).data as Rec;
    const figure = (await bangmac.trpc.indicatorValues.create.mutate({ data: { localityId: ids["bang-mac"], indicatorId: ids.newSchools, year: 2024, value: 1 } })).data as Rec;
    const laiChauReport = await first("reports", { periodId: ids.lc2025 });
    const cases: { who: Client; resource: string; rec: Rec; data: Record<string, unknown>; field: string; code?: string }[] = [
      { who: bangmac, resource: "tasks", rec: task, data: { leadAgencyIds: [foreignAgency] }, field: "leadAgencyIds.0" },
      { who: bangmac, resource: "tasks", rec: task, data: { coordinatingAgencyIds: [foreignAgency] }, field: "coordinatingAgencyIds.0" },
      { who: bangmac, resource: "agencyDuties", rec: duty, data: { agencyId: foreignAgency }, field: "agencyId" },
      { who: bangmac, resource: "plans", rec: await getOne("plans", bm), data: { issuingAgencyId: foreignAgency }, field: "issuingAgencyId" },
      { who: bangmac, resource: "reportingObligations", rec: obligation, data: { reporterAgencyId: foreignAgency }, field: "reporterAgencyId" },
      { who: bangmac, resource: "reportingObligations", rec: obligation, data: { recipientAgencyId: foreignAgency }, field: "recipientAgencyId" },
      { who: bangmac, resource: "reports", rec: report, data: { agencyId: ids["ka-lang.peoples-committee"] }, field: "agencyId" },
      { who: bangmac, resource: "documentRelations", rec: relation, data: { toPlanId: ids["muong-te-2025"] }, field: "toPlanId" },
      { who: langson, resource: "localities", rec: await getOne("localities", ids["bang-mac"]!), data: { successorId: ids["ka-lang"] }, field: "successorId" },
      { who: bangmac, resource: "indicatorValues", rec: figure, data: { reportId: laiChauReport.id }, field: "reportId", code: "BAD_REQUEST" },
    ];
    const auditBefore = await auditCount();
    for (const c of cases) {
      const label = `${c.resource}.update ${JSON.stringify(c.data)}`;
      const stored = await getOne(c.resource, c.rec.id);
      const e = await errorOf(c.who.call("mutation", `${c.resource}.update`, { id: c.rec.id, version: stored.version, data: c.data }));
      expect([e.data.code, pathsOf(e)], label).toEqual([c.code ?? "FORBIDDEN", [c.field]]);
      expect(await getOne(c.resource, c.rec.id), label).toEqual(stored);
    }
    // The same on create: a new task led by another province's agency, a figure "of" another province's report.
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...taskCopy } = await getOne("tasks", task.id);
    const taskCreate = await errorOf(bangmac.trpc.tasks.create.mutate({ data: { ...taskCopy, code: `${String(taskCopy.code)}-copy`, leadAgencyIds: [foreignAgency] } }));
    expect([taskCreate.data.code, pathsOf(taskCreate)]).toEqual(["FORBIDDEN", ["leadAgencyIds.0"]]);
    const planted = await errorOf(bangmac.trpc.indicatorValues.create.mutate({ data: { localityId: ids["bang-mac"], indicatorId: ids.newSchools, year: 2023, value: 1, reportId: laiChauReport.id } }));
    expect([planted.data.code, pathsOf(planted)]).toEqual(["BAD_REQUEST", ["reportId"]]);
    const reportCreate = await errorOf(bangmac.trpc.reports.create.mutate({ data: { periodId: ids.ls2026, localityId: ids["bang-mac"], agencyId: ids["ka-lang.peoples-committee"] } }));
    expect([reportCreate.data.code, pathsOf(reportCreate)]).toEqual(["FORBIDDEN", ["agencyId"]]);
    expect(await auditCount()).toBe(auditBefore);
    // Another province's report keeps its figures: nothing of Bằng Mạc points at it.
    expect(await totalOf("indicatorValues", { reportId: laiChauReport.id, localityId: ids["bang-mac"] })).toBe(0);
  });

  test("finding 4 — figures are bounded (finite, ≤ 1e15, plausible range, numerator ≤ denominator); the rollups stay finite and deleting a figure restores them", async () => {
    const school = ids["bang-mac.preschool"]!;
    const levels = [school, ids["bang-mac"]!, ids["lang-son"]!, ids.vn!];
    const rollupsBefore = await Promise.all(levels.map((l) => rollup(l, ids.newSchools!, 2022)));
    const huge = await errorOf(bangmac.trpc.indicatorValues.create.mutate({ data: { localityId: school, indicatorId: ids.newSchools, year: 2022, value: 1.7e308 } }));
    expect([huge.data.code, pathsOf(huge)]).toEqual(["BAD_REQUEST", ["value"]]);
    expect(huge.data.eduplan!.fieldErrors[0]!.message.vi).toMatch(/lớn bất thường/);
    const hugeRate = await errorOf(bangmac.trpc.indicatorValues.create.mutate({ data: { localityId: school, indicatorId: ids.nursery, year: 2022, numerator: 1.7e308, denominator: 1.7e308 } }));
    expect([hugeRate.data.code, pathsOf(hugeRate).sort()]).toEqual(["BAD_REQUEST", ["denominator", "numerator"]]);
    const overRate = await errorOf(bangmac.trpc.indicatorValues.create.mutate({ data: { localityId: school, indicatorId: ids.nursery, year: 2022, numerator: 60, denominator: 50 } }));
    expect([overRate.data.code, pathsOf(overRate)]).toEqual(["BAD_REQUEST", ["numerator"]]);

    // A plausible maximum (set by an administrator): a count above it is refused.
    const indicator = await getOne("indicators", ids.newSchools!);
    const bounded = await admin.trpc.indicators.update.mutate({ id: indicator.id, version: indicator.version, data: { plausibleMax: 20 } });
    expect(bounded.data.plausibleMax).toBe(20);
    const implausible = await errorOf(bangmac.trpc.indicatorValues.create.mutate({ data: { localityId: school, indicatorId: ids.newSchools, year: 2022, value: 21 } }));
    expect([implausible.data.code, pathsOf(implausible)]).toEqual(["BAD_REQUEST", ["value"]]);
    expect(implausible.data.eduplan!.fieldErrors[0]!.message.vi).toMatch(/tối đa hợp lý/);
    // The grid (the reporting cycle) applies the same bounds.
    const draft = await first("reports", { periodId: ids.ls2026, localityId: ids["luong-van-tri"], agencyId: null });
    expect(draft.status).toBe("draft");
    const grid = await errorOf(langson.trpc.reports.saveValues.mutate({ id: draft.id, version: draft.version, values: [{ indicatorId: ids.nursery!, numerator: 1.7e308, denominator: 1.7e308 }] }));
    expect(grid.data.code).toBe("BAD_REQUEST");
    expect(pathsOf(grid).some((p) => p.endsWith("numerator"))).toBe(true);
    expect(await getOne("reports", draft.id)).toEqual(draft);
    for (const [i, l] of levels.entries()) expect(await rollup(l, ids.newSchools!, 2022)).toEqual(rollupsBefore[i]);

    // A plausible figure enters every rollup above it, finite; deleting it leaves them as they were.
    const ok = (await bangmac.trpc.indicatorValues.create.mutate({ data: { localityId: school, indicatorId: ids.newSchools, year: 2022, value: 20 } })).data as Rec;
    for (const l of levels.slice(1)) {
      const r = await rollup(l, ids.newSchools!, 2022);
      expect(Number.isFinite(r.value), `rollup at #${l}`).toBe(true);
      expect(r.value! - (rollupsBefore[levels.indexOf(l)]!.value ?? 0)).toBe(20);
    }
    await bangmac.trpc.indicatorValues.delete.mutate({ id: ok.id, version: ok.version });
    for (const [i, l] of levels.entries()) expect(await rollup(l, ids.newSchools!, 2022)).toEqual(rollupsBefore[i]);
    await admin.trpc.indicators.update.mutate({ id: indicator.id, version: bounded.data.version, data: { plausibleMax: null } });
  });

  test("finding 5 — a commune officer opens no province period (and no period of an impossible year); a province officer does not change their own province", async () => {
    const periodsBefore = await totalOf("reportingPeriods");
    const none = await errorOf(bangmac.trpc.reports.forUnit.mutate({ localityId: ids["bang-mac"]!, year: 2024 }));
    expect(none.data.code).toBe("NOT_FOUND");
    expect(none.data.eduplan!.message.vi).toMatch(/chưa mở kỳ báo cáo năm 2024/);
    expect(none.data.eduplan!.message.en).toMatch(/has not opened the reporting period 2024/);
    for (const client of [bangmac, langson])
      for (const year of [1945, 2100]) {
        const e = await errorOf(client.trpc.reports.forUnit.mutate({ localityId: ids["bang-mac"]!, year }));
        expect([e.data.code, pathsOf(e)], `${year}`).toEqual(["BAD_REQUEST", ["year"]]);
      }
    expect(await totalOf("reportingPeriods")).toBe(periodsBefore);

    const province = await getOne("localities", ids["lang-son"]!);
    for (const data of [{ levelCode: "school" }, { population: 1 }]) {
      const e = await errorOf(langson.trpc.localities.update.mutate({ id: province.id, version: province.version, data }));
      expect(e.data.code, JSON.stringify(data)).toBe("FORBIDDEN");
    }
    expect(await getOne("localities", province.id)).toEqual(province);
    // The province keeps its plugins (a province changed into a school would have hidden them).
    const mine = await langson.trpc.pluginSettings.mine.query();
    expect(mine.provinceId).toBe(province.id);
    expect(mine.enabled).toContain("geopark-education");
  });

  test("finding 6 — version is required on saveValues, transition and every delete; of 50 parallel saves on one version exactly one wins; an outdated Excel template is a conflict", async () => {
    const draft = await first("reports", { periodId: ids.ls2026, localityId: ids["luong-van-tri"], agencyId: null });
    const figure = (await langson.trpc.indicatorValues.create.mutate({ data: { localityId: ids["luong-van-tri"], indicatorId: ids.newSchools, year: 2024, value: 2 } })).data as Rec;
    const missing: [string, unknown][] = [
      ["reports.saveValues", { id: draft.id, values: [] }],
      ["reports.transition", { id: draft.id, action: "submit" }],
      ["reports.delete", { id: draft.id }],
      ["indicatorValues.delete", { id: figure.id }],
      ["indicatorValues.deleteMany", { ids: [figure.id] }],
      ["indicatorValues.updateMany", { ids: [figure.id], data: { noteVi: "x" } }],
      ["indicatorValues.update", { id: figure.id, data: { noteVi: "x" } }],
    ];
    for (const [path, input] of missing) {
      const e = await errorOf(langson.call("mutation", path, input));
      expect([e.data.code, pathsOf(e).some((p) => p === "version" || p === "versions")], path).toEqual(["BAD_REQUEST", true]);
    }
    const oneVersionShort = await errorOf(langson.trpc.indicatorValues.deleteMany.mutate({ ids: [figure.id, draft.id], versions: [figure.version] }));
    expect([oneVersionShort.data.code, pathsOf(oneVersionShort)]).toEqual(["BAD_REQUEST", ["versions"]]);
    expect(await getOne("reports", draft.id)).toEqual(draft);
    expect(await getOne("indicatorValues", figure.id)).toEqual(figure);

    // 50 officers save the same version of the grid at once: one is saved, 49 are told of the conflict.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => langson.trpc.reports.saveValues.mutate({ id: draft.id, version: draft.version, values: [{ indicatorId: ids.nursery!, numerator: 100 + i, denominator: 1000 }] })),
    );
    const won = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i] : []));
    expect(won).toHaveLength(1);
    for (const o of outcomes) if (o.status === "rejected") expect((o.reason as { data: { code: string } }).data.code).toBe("CONFLICT");
    const saved = await langson.trpc.reports.grid.query({ id: draft.id });
    expect(saved.report.version).toBe(draft.version + 1);
    expect(saved.rows.find((r) => r.indicatorId === ids.nursery)).toMatchObject({ numerator: 100 + won[0]!, denominator: 1000 });

    // The Excel import: a template of the current version imports; one made before a later save is a conflict.
    const fresh = await langson.trpc.reporting.template.query({ localityId: ids["luong-van-tri"]!, year: 2026 });
    const imported = await langson.trpc.reporting.importWorkbook.mutate({ base64: fresh.base64 });
    expect(imported.ok).toBe(true);
    const outdated = await langson.trpc.reporting.template.query({ localityId: ids["luong-van-tri"]!, year: 2026 });
    const current = await versionOf(langson, "reports", draft.id);
    await langson.trpc.reports.saveValues.mutate({ id: draft.id, version: current, values: [{ indicatorId: ids.nursery!, numerator: 1, denominator: 1000 }] });
    const afterSave = await getOne("reports", draft.id);
    const conflict = await errorOf(langson.trpc.reporting.importWorkbook.mutate({ base64: outdated.base64 }));
    expect([conflict.data.code, conflict.data.eduplan?.reason]).toEqual(["CONFLICT", "conflict"]);
    expect(conflict.data.eduplan!.message.vi).toMatch(/tải lại mẫu/);
    expect(await getOne("reports", draft.id)).toEqual(afterSave);
  });

  test("finding 8 — exportList follows the plugin-visibility rules: a disabled plugin's indicators and records are not exported", async () => {
    const lsId = ids["lang-son"]!;
    const pluginIndicators = (await admin.trpc.indicators.list.query({ filter: { pluginId: "geopark-education" }, pagination: { page: 1, perPage: 1000 } })).data as Rec[];
    expect(pluginIndicators.length).toBeGreaterThan(0);
    const codes = pluginIndicators.map((i) => String(i.code));
    const record = (await langson.trpc.pluginRecords.create.mutate({
      data: { pluginId: "geopark-education", formId: "reach", localityId: ids["bang-mac.preschool"]!, data: { schoolYear: "2025-2026", enrolment: 90, pupilsReached: 17 } },
    })).data as Rec;
    const exportOf = (resource: string) => langson.trpc.reporting.exportList.mutate({ resource });
    const shownCodes = async (base64: string) => {
      const text = await xlsxText(base64);
      return codes.filter((c) => text.includes(c));
    };
    // Enabled: exported (the check can see them).
    const enabledIndicators = await exportOf("indicators");
    expect((await shownCodes(enabledIndicators.base64)).length).toBe(codes.length);
    const enabledRecords = await langson.trpc.reporting.exportList.mutate({ resource: "pluginRecords", filter: { pluginId: "geopark-education" } });
    expect(enabledRecords.total).toBeGreaterThan(0);

    await admin.trpc.pluginSettings.update.mutate({ localityId: lsId, pluginId: "geopark-education", enabled: false });
    try {
      const indicators = await exportOf("indicators");
      expect(await shownCodes(indicators.base64)).toEqual([]);
      expect(indicators.total).toBe(enabledIndicators.total - codes.length);
      expect(indicators.total).toBe((await langson.trpc.indicators.list.query({ pagination: { page: 1, perPage: 1 } })).total);
      const records = await langson.trpc.reporting.exportList.mutate({ resource: "pluginRecords", filter: { pluginId: "geopark-education" } });
      expect(records.total).toBe(0);
      const all = await exportOf("pluginRecords");
      expect(await xlsxText(all.base64)).not.toMatch(/geopark-education/);
      // Asking for the record by id is refused, not answered.
      expect(["FORBIDDEN", "NOT_FOUND"]).toContain((await errorOf(langson.trpc.reporting.exportList.mutate({ resource: "pluginRecords", ids: [record.id] }))).data.code);
    } finally {
      await admin.trpc.pluginSettings.update.mutate({ localityId: lsId, pluginId: "geopark-education", enabled: true });
    }
  });

  test("finding 9 — the import checks the user's area before saying anything of the unit's periods, and names no parser internals", async () => {
    const template2024 = await admin.trpc.reporting.template.query({ localityId: ids["bang-mac"]!, year: 2024 });
    const template2026 = await admin.trpc.reporting.template.query({ localityId: ids["bang-mac"]!, year: 2026 });
    const auditBefore = await auditCount();
    // Another province's officer: the same FORBIDDEN whether the unit has a period of the year or not.
    for (const t of [template2024, template2026]) {
      const e = await errorOf(laichau.trpc.reporting.importWorkbook.mutate({ base64: t.base64 }));
      expect(e.data.code).toBe("FORBIDDEN");
      expect(`${e.data.eduplan!.message.vi} ${e.data.eduplan!.message.en}`).not.toMatch(/kỳ báo cáo|period/i);
    }
    // In the area, the missing period is what is said.
    const inArea = await langson.trpc.reporting.importWorkbook.mutate({ base64: template2024.base64 });
    expect(inArea.ok).toBe(false);
    if (!inArea.ok) expect(inArea.errors.map((e) => e.message.vi).join(" ")).toMatch(/Chưa có kỳ báo cáo năm 2024/);

    // Unreadable files: a bilingual message of what to do, nothing of the parser.
    const zip = new JSZip();
    zip.file("hello.txt", "not a workbook");
    const notAWorkbook = Buffer.from(await zip.generateAsync({ type: "uint8array" })).toString("base64");
    const truncated = template2026.base64.slice(0, Math.floor(template2026.base64.length / 2) & ~3);
    for (const [name, base64] of [
      ["random bytes", Buffer.from("this is not an Excel file at all, just text").toString("base64")],
      ["a zip that is no workbook", notAWorkbook],
      ["half a workbook", truncated],
    ]) {
      const result = await langson.trpc.reporting.importWorkbook.mutate({ base64: base64! });
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      for (const e of result.errors) {
        expect(e.message.vi, name).toMatch(/Excel|tệp|Tệp/);
        for (const text of [e.message.vi, e.message.en]) expect(text, `${name}: ${text}`).not.toMatch(/central directory|signature|yauzl|exceljs|jszip|zlib|invalid|undefined|Error\b|\bat \w/i);
      }
    }
    expect(await auditCount()).toBe(auditBefore);
  });

  // Last: it changes the demo administrator's password (which ends the administrator's sessions).
  test("finding 7 — users with no locality: an administrator creates another system administrator, and changes the demo administrator's password", async () => {
    const created = await admin.trpc.users.create.mutate({ data: { username: "second.admin", displayName: "Quản trị thứ hai", role: "system_admin", localityId: null, password: "second-admin-password" } });
    expect(created.data).toMatchObject({ username: "second.admin", role: "system_admin", localityId: null });
    expect(created.data).not.toHaveProperty("passwordHash");
    const second = await loginAs(server.url, "second.admin", "second-admin-password");
    expect((await second.trpc.auth.me.query())?.user.username).toBe("second.admin");

    const demoAdmin = await first("users", { username: "admin" }, second);
    expect(demoAdmin.localityId).toBeNull();
    const renamed = await second.trpc.users.update.mutate({ id: demoAdmin.id, version: demoAdmin.version, data: { displayName: "Quản trị hệ thống (đổi tên)" } });
    expect(renamed.data.displayName).toBe("Quản trị hệ thống (đổi tên)");
    const changed = await second.trpc.users.update.mutate({ id: demoAdmin.id, version: renamed.data.version, data: { password: "a-new-admin-password" } });
    expect(changed.data.version).toBe(renamed.data.version + 1);
    expect((await errorOf(loginAs(server.url, "admin", DEMO_PASSWORD))).data.code).toBe("UNAUTHORIZED");
    admin = await loginAs(server.url, "admin", "a-new-admin-password");
    expect((await admin.trpc.auth.me.query())?.user.username).toBe("admin");
    // Still: every role but system_admin needs a locality.
    const noLocality = await errorOf(admin.trpc.users.create.mutate({ data: { username: "officer.nowhere", displayName: "Cán bộ", role: "province_officer", localityId: null, password: "long-enough-password" } }));
    expect([noLocality.data.code, pathsOf(noLocality)]).toEqual(["BAD_REQUEST", ["localityId"]]);
  });
});
