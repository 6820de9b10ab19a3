/**
 * The aggregates kept on write equal a recomputation from the figures after ANY sequence of writes, deletes, refused
 * writes and locality moves (property-based, fast-check), and `verifyRollups` finds drift when there is some.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EduplanError, SYSTEM, closeDatabase, createRepositories, exec, openDatabase, rebuildRollups, rows, schema as s, sql, transaction, verifyRollups, type Db, type Repositories } from "./index.js";

let dir: string;
let db: Db;
let repos: Repositories;
const ids: Record<string, number> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-rollups-"));
  db = openDatabase(join(dir, "db.sqlite"));
  await db.insert(s.localityLevels)
    .values([
      { code: "province", nameVi: "Tỉnh", nameEn: "Province", rank: 1, isAdministrative: true },
      { code: "district", nameVi: "Huyện", nameEn: "District", rank: 2, isAdministrative: true },
      { code: "commune", nameVi: "Xã", nameEn: "Commune", rank: 3, isAdministrative: true },
    ]);
  await db.insert(s.educationLevels).values({ code: "nursery", parentCode: null, nameVi: "Nhà trẻ", nameEn: "Nursery", sortOrder: 1 });
  repos = createRepositories(db);
  const mk = async (code: string, levelCode: string, parent?: string) =>
    (ids[code] = (await repos.localities.create({ code, nameVi: code, levelCode, parentId: parent ? ids[parent] : null }, SYSTEM)).id);
  await mk("p", "province");
  await mk("d1", "district", "p");
  await mk("d2", "district", "p");
  for (const [c, d] of [["c1", "d1"], ["c2", "d1"], ["c3", "d2"], ["c4", "d2"]] as const) await mk(c, "commune", d);
  ids.rate = (await repos.indicators.create({ code: "rate", nameVi: "Tỷ lệ", nameEn: "Rate", educationLevelCode: "nursery", unit: "percent", direction: "increase", aggregation: "ratio" }, SYSTEM)).id;
  ids.count = (await repos.indicators.create({ code: "count", nameVi: "Số trường", nameEn: "Schools", educationLevelCode: "nursery", unit: "count", direction: "increase", aggregation: "sum", plausibleMax: 10_000 }, SYSTEM)).id;
});
afterAll(async () => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

// Few keys, so that most writes change a figure already there (the path where the old value must leave the sums).
const COMMUNES = ["c2", "c3", "d1"] as const;
const YEARS = [2026] as const;

/** A write of the sequence: create or change a figure (some out of bounds), delete one, or move a commune. */
const operation = fc.oneof(
  { weight: 6, arbitrary: fc.record({
    kind: fc.constant("put" as const),
    at: fc.constantFrom(...COMMUNES),
    year: fc.constantFrom(...YEARS),
    rate: fc.boolean(),
    numerator: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 500 }) }, fc.constant(1.7e308), fc.constant(-3)),
    denominator: fc.integer({ min: 1, max: 500 }),
    value: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.constant(Number.MAX_VALUE)),
  }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("move" as const), commune: fc.constantFrom("c2", "c3"), to: fc.constantFrom("d1", "d2") }) },
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function run(op: Operation) {
  try {
    if (op.kind === "put") {
      const indicatorId = op.rate ? ids.rate! : ids.count!;
      const figure = op.rate ? { numerator: op.numerator, denominator: op.denominator, value: null } : { numerator: null, denominator: null, value: op.value };
      const existing = (await repos.indicatorValues.list({ filter: { localityId: ids[op.at], indicatorId, year: op.year } }, SYSTEM)).data[0];
      if (existing) await repos.indicatorValues.update(existing.id, figure, existing.version, SYSTEM);
      else await repos.indicatorValues.create({ localityId: ids[op.at], indicatorId, year: op.year, ...figure }, SYSTEM);
    } else if (op.kind === "delete") {
      const all = (await repos.indicatorValues.list({ sort: { field: "id", order: "ASC" } }, SYSTEM)).data;
      if (all.length) {
        const row = all[op.pick % all.length]!;
        await repos.indicatorValues.delete(row.id, row.version, SYSTEM);
      }
    } else {
      const commune = await repos.localities.getOne(ids[op.commune]!, SYSTEM);
      await repos.localities.update(commune.id, { parentId: ids[op.to] }, commune.version, SYSTEM);
    }
  } catch (e) {
    // Refused writes (bounds, numerator above denominator) are part of the sequence: they must leave no trace.
    if (!(e instanceof EduplanError)) throw e;
  }
}

describe("aggregates kept on write", () => {
  it("equal a recomputation from the figures after any sequence of writes, refused writes, deletes and moves", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (ops) => {
        for (const op of ops) await run(op);
        expect(await verifyRollups(db)).toEqual([]);
        const sums = (await rows<{ v: number }>(db, sql`select value_sum as v from indicator_rollups`));
        expect(sums.every((r) => Number.isFinite(r.v))).toBe(true);
      }),
      { numRuns: 60, seed: 20261202 },
    );
  });

  it("verifyRollups reports drift (an aggregate changed behind the write path), and rebuildRollups repairs it", async () => {
    await repos.indicatorValues.create({ localityId: ids.c4, indicatorId: ids.count, year: 2027, value: 5 }, SYSTEM);
    await exec(db, sql`update indicator_rollups set value_sum = value_sum + 1e308 * 10 where indicator_id = ${ids.count} and year = 2027`);
    const drift = await verifyRollups(db);
    expect(drift.length).toBeGreaterThan(0);
    expect(drift[0]).toMatchObject({ indicatorId: ids.count, year: 2027, expected: { valueSum: 5, contributors: 1 } });
    await transaction(db, (tx) => rebuildRollups(tx));
    expect(await verifyRollups(db)).toEqual([]);
  });
});
