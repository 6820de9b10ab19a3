import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositories, type Db } from "@eduplan/db";
import { consolidate, type Consolidation } from "./index.js";
import { indicatorId, localityId, provinceOfficer, seededDatabase, step, type Seeded } from "./test-support.js";

let seeded: Seeded;
let db: Db;
let langSon: number;
const NURSERY = "ecec.nursery.enrolment_rate";

beforeAll(async () => {
  seeded = await seededDatabase("consolidate");
  db = seeded.db;
  langSon = await localityId(db, "lang-son");
});
afterAll(() => seeded.close());

/** Σ numerators / Σ denominators × 100 over the APPROVED 2026 reports of the province's communes, straight from report_values. */
async function independentRate(indicatorCode: string, year = 2026) {
  const indicator = await indicatorId(db, indicatorCode);
  const row = db.$client
    .prepare(
      `select sum(rv.numerator) as num, sum(rv.denominator) as den, count(*) as n
       from report_values rv
       join reports r on r.id = rv.report_id
       join reporting_periods p on p.id = r.period_id
       join localities l on l.id = r.locality_id and l.parent_id = ?
       where r.status = 'approved' and p.year = ? and rv.indicator_id = ? and r.agency_id is null`,
    )
    .get(langSon, year, indicator) as { num: number; den: number; n: number };
  return { rate: (row.num / row.den) * 100, numerator: row.num, denominator: row.den, units: row.n };
}

const target = (c: Consolidation, code: string) => c.targets.find((t) => t.targetCode === code)!;
const unit = (c: Consolidation, code: string) => c.units.find((u) => u.localityCode === code)!;

/** Reports of a year by status, straight from the tables. */
function statusesOf(year: number): Map<string, string> {
  const rows = db.$client
    .prepare(
      `select l.code, r.status from reports r join reporting_periods p on p.id = r.period_id join localities l on l.id = r.locality_id
       where p.year = ? and p.locality_id = ?`,
    )
    .all(year, langSon) as { code: string; status: string }[];
  return new Map(rows.map((r) => [r.code, r.status]));
}

describe("consolidate — Lạng Sơn 2026", () => {
  it("takes the plan of the province and computes each rate from Σ numerators / Σ denominators of approved commune reports", async () => {
    const c = await consolidate(db, { localityId: langSon, year: 2026, today: "2026-12-01" });
    expect(c.plan?.code).toBe("lang-son-243-2025");
    expect(c.targets.length).toBeGreaterThan(50);
    const nursery = target(c, NURSERY);
    const expected = await independentRate(NURSERY);
    expect(expected.units).toBeGreaterThan(1);
    expect(nursery.indicator).toMatchObject({ code: NURSERY, nameVi: "Tỷ lệ huy động trẻ nhà trẻ đến trường", unit: "percent" });
    expect(nursery.target).toMatchObject({ comparator: "gte", value: 48.5, targetYear: 2030 });
    expect(nursery.actual.value).toBeCloseTo(expected.rate, 9);
    expect(nursery.actual).toMatchObject({ numerator: expected.numerator, denominator: expected.denominator, contributors: expected.units, depth: 1, source: "rollup" });
    expect(nursery.milestone).toBeNull();
    // Not an average of the communes' rates.
    const rates = db.$client
      .prepare(
        `select rv.value from report_values rv join reports r on r.id = rv.report_id join reporting_periods p on p.id = r.period_id
         where r.status = 'approved' and p.year = 2026 and p.locality_id = ? and rv.indicator_id = ?`,
      )
      .all(langSon, await indicatorId(db, NURSERY)) as { value: number }[];
    const mean = rates.reduce((a, r) => a + r.value, 0) / rates.length;
    expect(Math.abs(mean - nursery.actual.value!)).toBeGreaterThan(1e-6);

    // Every other rate target agrees with the independent computation too.
    for (const t of c.targets.filter((x) => x.indicator.aggregation === "ratio" && x.actual.value !== null && !x.target.areaFlag))
      expect(t.actual.value).toBeCloseTo((await independentRate(t.indicator.code)).rate, 9);
  });

  it("evaluates each target (the straight line from the first reported year when there is no milestone) and flags risks", async () => {
    const c = await consolidate(db, { localityId: langSon, year: 2026, today: "2026-12-01" });
    const nursery = target(c, NURSERY);
    const first = (await consolidate(db, { localityId: langSon, year: 2025 })).targets.find((t) => t.indicator.code === NURSERY)!.actual.value!;
    // 2025 is the first year with figures: the line runs from it to 48,5% in 2030.
    expect(nursery.evaluation.expected).toMatchObject({ source: "linear", from: { year: 2025, kind: "firstReported" }, to: { year: 2030, value: 48.5 } });
    expect(nursery.evaluation.expected!.value).toBeCloseTo(first + (48.5 - first) / 5, 9);
    expect(nursery.evaluation.reason.vi).toContain("ước tính theo lộ trình đều");
    expect(["achieved", "onTrack", "atRisk"]).toContain(nursery.evaluation.state);
    expect(nursery.atRisk).toBe(nursery.evaluation.state === "atRisk" || nursery.evaluation.state === "notAchieved");
    const noFigure = c.targets.find((t) => t.actual.value === null)!;
    expect(noFigure.evaluation.state).toBe("noData");
    expect(noFigure.atRisk).toBe(false);
    const counted = c.targetSummary.achieved + c.targetSummary.onTrack + c.targetSummary.atRisk + c.targetSummary.notAchieved + c.targetSummary.noData;
    expect(counted).toBe(c.targets.length);
  });

  it("uses this year's milestone when the plan has one", async () => {
    const repos = createRepositories(db);
    const c0 = await consolidate(db, { localityId: langSon, year: 2026 });
    const nursery = target(c0, NURSERY);
    const actual = nursery.actual.value!;
    const m = await repos.milestones.create({ targetId: nursery.targetId, year: 2026, value: Math.round(actual) + 2 }, await provinceOfficer(db));
    try {
      const c = await consolidate(db, { localityId: langSon, year: 2026 });
      const t = target(c, NURSERY);
      expect(t.milestone).toMatchObject({ year: 2026, value: Math.round(actual) + 2 });
      expect(t.evaluation.expected).toMatchObject({ source: "milestone", value: Math.round(actual) + 2 });
      expect(t.evaluation).toMatchObject({ meetsMilestone: false, state: "atRisk" });
      expect(t.atRisk).toBe(true);
    } finally {
      await repos.milestones.delete(m.id, m.version, await provinceOfficer(db));
    }
  });

  it("lists every commune-level unit with its report status: missing, draft, submitted, returned (with reason), approved", async () => {
    const c = await consolidate(db, { localityId: langSon, year: 2026, today: "2026-12-01" });
    const communes = db.$client.prepare(`select code from localities where parent_id = ? and level_code in ('commune','ward','township')`).all(langSon) as { code: string }[];
    expect(c.units.map((u) => u.localityCode).sort()).toEqual(communes.map((x) => x.code).sort());
    const statuses = statusesOf(2026);
    for (const u of c.units) expect(u.status).toBe(statuses.get(u.localityCode) ?? "missing");
    for (const status of ["missing", "draft", "submitted", "returned", "approved"]) expect(c.units.some((u) => u.status === status)).toBe(true);
    const returned = c.units.find((u) => u.status === "returned")!;
    expect(returned.returnReason).toMatch(/mẫu số/);
    expect(c.summary).toEqual({
      units: c.units.length,
      approved: c.units.filter((u) => u.status === "approved").length,
      submitted: c.units.filter((u) => u.status === "submitted").length,
      returned: c.units.filter((u) => u.status === "returned").length,
      draft: c.units.filter((u) => u.status === "draft").length,
      missing: c.units.filter((u) => u.status === "missing").length,
      late: 0,
    });
    expect(c.deadline).toBe("2026-12-10");
  });

  it("marks units late against the period deadline and the date passed in", async () => {
    const before = await consolidate(db, { localityId: langSon, year: 2026, today: "2026-12-10" });
    expect(before.summary.late).toBe(0);
    const after = await consolidate(db, { localityId: langSon, year: 2026, today: "2026-12-11" });
    // Not sent by the deadline: the missing and the draft units (the returned one was sent in time).
    const notSent = after.units.filter((u) => u.status === "missing" || u.status === "draft");
    expect(after.units.filter((u) => u.late).map((u) => u.localityCode).sort()).toEqual(notSent.map((u) => u.localityCode).sort());
    expect(after.summary.late).toBe(notSent.length);
  });

  it("is live: approving one more report changes the consolidated figure at once, reopening removes it", async () => {
    const officer = await provinceOfficer(db);
    const c0 = await consolidate(db, { localityId: langSon, year: 2026 });
    const submitted = c0.units.find((u) => u.status === "submitted")!;
    const before = target(c0, NURSERY).actual;
    const beforeIndependent = await independentRate(NURSERY);

    await step(db, submitted.reportId!, "approve", officer);
    const c1 = await consolidate(db, { localityId: langSon, year: 2026 });
    const after = target(c1, NURSERY).actual;
    const afterIndependent = await independentRate(NURSERY);
    expect(afterIndependent.units).toBe(beforeIndependent.units + 1);
    expect(after.value).toBeCloseTo(afterIndependent.rate, 9);
    expect(after.value).not.toBeCloseTo(before.value!, 9);
    expect(after.contributors).toBe(before.contributors + 1);
    expect(unit(c1, submitted.localityCode).status).toBe("approved");
    expect(c1.summary.approved).toBe(c0.summary.approved + 1);
    expect(c1.summary.submitted).toBe(c0.summary.submitted - 1);

    await step(db, submitted.reportId!, "reopen", officer);
    const c2 = await consolidate(db, { localityId: langSon, year: 2026 });
    const reopened = target(c2, NURSERY).actual;
    expect(reopened.value).toBeCloseTo(before.value!, 9);
    expect(reopened.contributors).toBe(before.contributors);
    expect(unit(c2, submitted.localityCode).status).toBe("draft");
  });

  it("consolidates 2025 (all approved) and the Lai Châu district plan, which reports through its province's period", async () => {
    const c2025 = await consolidate(db, { localityId: langSon, year: 2025, today: "2026-01-15" });
    expect(c2025.summary.approved).toBe(c2025.summary.units);
    expect(target(c2025, NURSERY).actual.value).toBeCloseTo((await independentRate(NURSERY, 2025)).rate, 9);

    const muongTe = await consolidate(db, { localityId: await localityId(db, "muong-te"), year: 2026, today: "2026-12-01" });
    expect(muongTe.plan?.code).toBe("muong-te-2025");
    expect(muongTe.deadline).toBe("2026-12-10");
    expect(muongTe.units.length).toBe(4);
    expect(muongTe.targets.some((t) => t.actual.value !== null)).toBe(true);
  });

  it("a commune consolidates its own approved figures; a locality without a plan has no targets but its units", async () => {
    const bangMac = await consolidate(db, { localityId: await localityId(db, "bang-mac"), year: 2025 });
    expect(bangMac.plan?.code).toBe("bang-mac-2025");
    const nursery = bangMac.targets.find((t) => t.indicator.code === NURSERY)!;
    expect(nursery.actual).toMatchObject({ source: "own", depth: 0, contributors: 1 });
    const own = db.$client
      .prepare("select value from indicator_values where locality_id = ? and indicator_id = ? and year = 2025")
      .get(await localityId(db, "bang-mac"), await indicatorId(db, NURSERY)) as { value: number };
    expect(nursery.actual.value).toBeCloseTo(own.value, 9);
    expect(bangMac.units.map((u) => u.localityCode)).toEqual(["bang-mac"]);

    const laiChau = await consolidate(db, { localityId: await localityId(db, "lai-chau"), year: 2026 });
    expect(laiChau.plan).toBeNull();
    expect(laiChau.targets).toEqual([]);
    expect(laiChau.units.length).toBe(4);
  });

  it("refuses an unknown locality with a bilingual error", async () => {
    await expect(consolidate(db, { localityId: 999_999, year: 2026 })).rejects.toMatchObject({ reason: "notFound", messages: { vi: expect.stringMatching(/Không tìm thấy/), en: expect.stringMatching(/not found/) } });
  });
});
