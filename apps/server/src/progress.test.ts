/** Domain procedures (`progress.*`) on the sample data: plan progress, rollup, cascade, tasks due. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { tasksDueInYear, type Task } from "@eduplan/domain";
import { errorOf, loginAs, startTestServer, type Client, type TestServer } from "./testing.js";

type Rec = { id: number; version: number } & Record<string, any>;

let server: TestServer;
let admin: Client;
let officer: Client;
let bangmac: Client;
const ids: Record<string, number> = {};

async function idOf(resource: "localities" | "plans" | "indicators" | "agencies", code: string): Promise<number> {
  const { data } = await admin.call("query", `${resource}.list`, { filter: { code } }).then((r) => r as { data: Rec[] });
  return data[0]!.id;
}

beforeAll(async () => {
  server = await startTestServer();
  [admin, officer, bangmac] = await Promise.all([loginAs(server.url, "admin"), loginAs(server.url, "langson.officer"), loginAs(server.url, "bangmac.officer")]);
  ids.langSon = await idOf("localities", "lang-son");
  ids.lsPlan = await idOf("plans", "lang-son-243-2025");
  ids.bmPlan = await idOf("plans", "bang-mac-2025");
  ids.nursery = await idOf("indicators", "ecec.nursery.enrolment_rate");
  ids.eduDept = await idOf("agencies", "lang-son.education-dept");
});
afterAll(() => server?.stop());

describe("progress.rollup", () => {
  test("a ratio indicator for Lạng Sơn = Σ numerators / Σ denominators of its communes (never an average of rates), with the missing ones", async () => {
    const children = (await officer.trpc.localities.list.query({ filter: { parentId: ids.langSon }, pagination: { page: 1, perPage: 1000 } })).data;
    const values = (
      await officer.trpc.indicatorValues.list.query({ filter: { indicatorId: ids.nursery, year: 2026, localityId: children.map((c) => c.id) }, pagination: { page: 1, perPage: 1000 } })
    ).data;
    expect(values.length).toBeGreaterThan(1);
    const numerator = values.reduce((s, v) => s + (v.numerator as number), 0);
    const denominator = values.reduce((s, v) => s + (v.denominator as number), 0);

    const r = await officer.trpc.progress.rollup.query({ localityId: ids.langSon, indicatorId: ids.nursery, year: 2026 });
    expect(r.aggregation).toBe("ratio");
    expect(r.numerator).toBe(numerator);
    expect(r.denominator).toBe(denominator);
    expect(r.value).toBeCloseTo((numerator / denominator) * 100, 9);
    const averageOfRates = values.reduce((s, v) => s + (v.value as number), 0) / values.length;
    expect(Math.abs(r.value! - averageOfRates)).toBeGreaterThan(1e-6);
    expect(r.contributors).toBe(values.length);
    expect(r.depth).toBe(1);
    const reported = new Set(values.map((v) => v.localityId));
    expect(r.missing.map((l) => l.id).sort()).toEqual(children.filter((c) => !reported.has(c.id)).map((c) => c.id).sort());
    expect(r.own).toBeNull();
  });

  test("sum and min indicators, from figures entered through the API", async () => {
    const [a, b] = (await officer.trpc.localities.list.query({ filter: { parentId: ids.langSon }, sort: { field: "id", order: "ASC" }, pagination: { page: 1, perPage: 2 } })).data;
    const sum = (await admin.trpc.indicators.list.query({ filter: { aggregation: "sum" } })).data[0]!;
    const min = (await admin.trpc.indicators.list.query({ filter: { aggregation: "min", unit: "level" } })).data[0]!;
    for (const [loc, count, level] of [
      [a!, 120, 2],
      [b!, 80, 3],
    ] as const) {
      await officer.trpc.indicatorValues.create.mutate({ data: { localityId: loc.id, indicatorId: sum.id, year: 2024, value: count } });
      await officer.trpc.indicatorValues.create.mutate({ data: { localityId: loc.id, indicatorId: min.id, year: 2024, value: level } });
    }
    const s = await officer.trpc.progress.rollup.query({ localityId: ids.langSon, indicatorId: sum.id, year: 2024 });
    expect([s.value, s.contributors]).toEqual([200, 2]);
    const mn = await officer.trpc.progress.rollup.query({ localityId: ids.langSon, indicatorId: min.id, year: 2024 });
    expect([mn.value, mn.contributors]).toEqual([2, 2]);
    const nothing = await officer.trpc.progress.rollup.query({ localityId: ids.langSon, indicatorId: sum.id, year: 2019 });
    expect([nothing.value, nothing.contributors]).toEqual([null, 0]);
    expect(nothing.missing.length).toBeGreaterThan(0);
  });

  test("an unknown indicator → NOT_FOUND; another province → FORBIDDEN", async () => {
    expect((await errorOf(officer.trpc.progress.rollup.query({ localityId: ids.langSon, indicatorId: 999_999, year: 2026 }))).data.code).toBe("NOT_FOUND");
    const laiChau = await idOf("localities", "lai-chau");
    expect((await errorOf(officer.trpc.progress.rollup.query({ localityId: laiChau, indicatorId: ids.nursery, year: 2026 }))).data.code).toBe("FORBIDDEN");
  });
});

describe("progress.planProgress", () => {
  test("lang-son-243-2025 in 2026: targets with synthetic actuals are evaluated, the others have no data", async () => {
    const p = await officer.trpc.progress.planProgress.query({ planId: ids.lsPlan, year: 2026 });
    expect(p.plan.code).toBe("lang-son-243-2025");
    expect(p.targets).toHaveLength(82);
    const withData = p.targets.filter((t) => t.actual.value !== null);
    expect(withData.length).toBeGreaterThan(10);
    for (const t of withData) {
      expect(["achieved", "onTrack", "atRisk", "notAchieved"]).toContain(t.evaluation.state);
      expect(t.actual.source).toBe("rollup");
    }
    for (const t of p.targets.filter((x) => x.actual.value === null)) expect(t.evaluation.state).toBe("noData");
    expect(Object.values(p.summary).reduce((a, b) => a + b, 0)).toBe(82);

    const nursery = p.targets.find((t) => t.indicator.code === "ecec.nursery.enrolment_rate")!;
    const r = await officer.trpc.progress.rollup.query({ localityId: ids.langSon, indicatorId: ids.nursery, year: 2026 });
    expect(nursery.actual.value).toBeCloseTo(r.value!, 9);
    expect(nursery.milestone).toBeNull();
    // 48.5% by 2030 from 2025: a fifth of the way in 2026, and the rollup is close to the goal → on track
    expect(nursery.evaluation.state).toBe("onTrack");
  });

  test("a roadmap milestone for the year decides on-track / at-risk; the figure is the consolidation's (rollup of approved reports first)", async () => {
    const target = (await officer.trpc.targets.list.query({ filter: { planId: ids.lsPlan, indicatorId: ids.nursery } })).data[0]!;
    await officer.trpc.milestones.create.mutate({ data: { targetId: target.id, year: 2026, value: 47.9 } });
    let nursery = (await officer.trpc.progress.planProgress.query({ planId: ids.lsPlan, year: 2026 })).targets.find((t) => t.target.id === target.id)!;
    expect(nursery.milestone?.value).toBe(47.9);
    expect(nursery.evaluation.meetsMilestone).toBe(false);
    expect(nursery.evaluation.state).toBe("atRisk");

    expect(nursery.evaluation.reason.vi).toMatch(/chưa đạt mốc lộ trình 2026 \(47,9%\)/);

    // A province figure of its own does not override its communes' approved figures: the dashboard shows what the
    // consolidation page and the printed report show.
    await officer.trpc.indicatorValues.create.mutate({ data: { localityId: ids.langSon, indicatorId: ids.nursery, year: 2026, numerator: 49, denominator: 100 } });
    nursery = (await officer.trpc.progress.planProgress.query({ planId: ids.lsPlan, year: 2026 })).targets.find((t) => t.target.id === target.id)!;
    const consolidated = (await officer.trpc.reporting.consolidate.query({ localityId: ids.langSon, year: 2026 })).targets.find((t) => t.targetId === target.id)!;
    expect(nursery.actual).toMatchObject({ source: "rollup", value: consolidated.actual.value });
    expect(nursery.evaluation).toEqual(consolidated.evaluation);
  });

  test("a commune officer sees their plan's progress; unknown plan → NOT_FOUND", async () => {
    const p = await bangmac.trpc.progress.planProgress.query({ planId: ids.bmPlan, year: 2026 });
    expect(p.targets).toHaveLength(51);
    expect(p.targets.some((t) => t.actual.source === "own")).toBe(true);
    expect((await errorOf(bangmac.trpc.progress.planProgress.query({ planId: 999_999, year: 2026 }))).data.code).toBe("NOT_FOUND");
    expect((await errorOf(bangmac.trpc.progress.planProgress.query({ planId: ids.bmPlan, year: 1800 }))).data.code).toBe("BAD_REQUEST");
  });
});

describe("progress.cascade", () => {
  test("bang-mac-2025 against lang-son-243-2025: the nursery enrolment target (55.7% vs 48.5%) is stronger", async () => {
    const c = await bangmac.trpc.progress.cascade.query({ planId: ids.bmPlan });
    expect(c.plan.code).toBe("bang-mac-2025");
    expect(c.parentPlan?.code).toBe("lang-son-243-2025");
    const row = c.rows.find((r) => r.indicatorCode === "ecec.nursery.enrolment_rate" && r.child?.value === 55.7)!;
    expect(row.parent?.value).toBe(48.5);
    expect(row.verdict).toBe("stronger");
    expect(row.difference).toBeCloseTo(7.2, 9);
    expect(c.indicators["ecec.nursery.enrolment_rate"]?.unit).toBe("percent");
    expect(Object.values(c.summary).reduce((a, b) => a + b, 0)).toBe(c.rows.length);
  });

  test("lang-son-243-2025 against the national strategy 1705/QĐ-TTg and its 2030 targets (catalog)", async () => {
    const c = await officer.trpc.progress.cascade.query({ planId: ids.lsPlan });
    expect(c.parentPlan?.code).toBe("national-strategy-1705");
    const row = (code: string) => c.rows.find((r) => r.indicatorCode === code && r.parent !== null)!;
    // Nursery enrolment: Lạng Sơn 48,5% against the nation's 38%.
    expect(row("ecec.nursery.enrolment_rate")).toMatchObject({ verdict: "stronger", parent: { value: 38 } });
    expect(row("ecec.nursery.enrolment_rate").difference).toBeCloseTo(10.5, 9);
    // Targets only the nation sets (international students, top-500 universities) are missing from the province's plan.
    expect(row("higher.world_top500_universities").verdict).toBe("missing");
    const verdicts = new Set(c.rows.map((r) => r.verdict));
    for (const v of ["stronger", "missing", "additional"]) expect(verdicts).toContain(v);
    expect(c.rows.filter((r) => r.parent !== null)).toHaveLength(33);
  });
});

describe("progress.tasksDue", () => {
  test("the tasks due in 2026, optionally for one agency, as tasksDueInYear says", async () => {
    const tasks = (await officer.trpc.tasks.list.query({ filter: { planId: ids.lsPlan }, pagination: { page: 1, perPage: 1000 } })).data as unknown as Task[];
    const due = await officer.trpc.progress.tasksDue.query({ year: 2026, planId: ids.lsPlan });
    expect(due.data.map((t) => t.id).sort()).toEqual(tasksDueInYear(tasks, 2026).map((t) => t.id).sort());
    expect(due.total).toBeGreaterThan(0);
    const forDept = await officer.trpc.progress.tasksDue.query({ year: 2026, planId: ids.lsPlan, agencyId: ids.eduDept });
    expect(forDept.data.map((t) => t.id).sort()).toEqual(tasksDueInYear(tasks, 2026, { agencyId: ids.eduDept }).map((t) => t.id).sort());
    expect(forDept.total).toBeGreaterThan(0);
    expect(forDept.total).toBeLessThan(due.total);
  });

  test("without a plan: the tasks of the user's area only", async () => {
    const due = await bangmac.trpc.progress.tasksDue.query({ year: 2026 });
    expect(due.total).toBeGreaterThan(0);
    expect(due.data.every((t) => t.planId === ids.bmPlan)).toBe(true);
    const all = await admin.trpc.progress.tasksDue.query({ year: 2026 });
    expect(new Set(all.data.map((t) => t.planId)).size).toBeGreaterThan(1);
  });
});
