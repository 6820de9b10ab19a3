import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rollup as domainRollup, vietnameseSortKey } from "@eduplan/domain";
import { closeDatabase, createRepositories, EduplanError, one, openDatabase, readRollup, rows, schema as s, sql, SYSTEM_ACTOR, type Db, type Repositories } from "./index.js";

const thrown = async (fn: () => unknown): Promise<unknown> => {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error, the call succeeded");
};

let dir: string;
let db: Db;
let repos: Repositories;
const actor = { ...SYSTEM_ACTOR, username: "tester" };
const ids: Record<string, number> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-db-"));
  db = openDatabase(join(dir, "db.sqlite"));
  await db.insert(s.localityLevels)
    .values([
      { code: "province", nameVi: "Tỉnh", nameEn: "Province", rank: 1, isAdministrative: true },
      { code: "district", nameVi: "Huyện", nameEn: "District", rank: 2, isAdministrative: true },
      { code: "commune", nameVi: "Xã", nameEn: "Commune", rank: 3, isAdministrative: true },
    ]);
  await db.insert(s.educationLevels).values({ code: "nursery", parentCode: null, nameVi: "Nhà trẻ", nameEn: "Nursery", sortOrder: 1 });
  repos = createRepositories(db);
  const mk = async (code: string, nameVi: string, levelCode: string, parent?: string) =>
    (ids[code] = (await repos.localities.create({ code, nameVi, levelCode, parentId: parent ? ids[parent] : null }, SYSTEM_ACTOR)).id);
  await mk("p", "Lạng Sơn", "province");
  await mk("d1", "Huyện Một", "district", "p");
  await mk("d2", "Huyện Hai", "district", "p");
  await mk("c1", "Xã Đồng Đăng", "commune", "d1");
  await mk("c2", "Xã Ân Thịnh", "commune", "d1");
  await mk("c3", "Xã Bắc Sơn", "commune", "d2");
  ids.ind = (
    await repos.indicators.create(
      { code: "ecec.nursery.enrolment_rate", nameVi: "Tỷ lệ huy động trẻ nhà trẻ", nameEn: "Nursery enrolment", educationLevelCode: "nursery", unit: "percent", direction: "increase", aggregation: "ratio" },
      SYSTEM_ACTOR,
    )
  ).id;
});
afterAll(async () => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe("opening a database", () => {
  it("uses WAL and enforces foreign keys", async () => {
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
  });
});

describe("CRUD repositories", () => {
  it("finds Vietnamese names with or without diacritics and sorts them in Vietnamese order", async () => {
    expect((await repos.localities.list({ filter: { q: "lang son" } }, SYSTEM_ACTOR)).data.map((l) => l.nameVi)).toEqual(["Lạng Sơn"]);
    expect((await repos.localities.list({ filter: { q: "ĐỒNG ĐĂNG" } }, SYSTEM_ACTOR)).data.map((l) => l.nameVi)).toEqual(["Xã Đồng Đăng"]);
    const communes = await repos.localities.list({ filter: { levelCode: "commune" }, sort: { field: "nameVi", order: "ASC" } }, SYSTEM_ACTOR);
    expect(communes.data.map((l) => l.nameVi)).toEqual(["Xã Ân Thịnh", "Xã Bắc Sơn", "Xã Đồng Đăng"]);
  });

  it("keeps each name's Vietnamese sort key on write, indexed: a page sorted by name is read in index order", async () => {
    const row = (await one<{ name_vi: string; sort_key: string }>(db, sql`select name_vi, sort_key from localities where id = ${ids.c1}`))!;
    expect(row.sort_key).toBe(vietnameseSortKey(row.name_vi));
    const plan = (await rows<{ detail: string }>(db, sql`explain query plan select id from localities order by sort_key, id limit 25`)).map((r) => r.detail).join(" ");
    expect(plan).toMatch(/localities_sort_idx/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("paginates and counts", async () => {
    const page = await repos.localities.list({ pagination: { page: 2, perPage: 2 }, sort: { field: "id", order: "ASC" } }, SYSTEM_ACTOR);
    expect(page.total).toBe(6);
    expect(page.data.map((l) => l.id)).toEqual([ids.d2, ids.c1]);
  });

  it("scopes lists to a user's area through the closure table", async () => {
    const officer = { userId: 99, username: "d1.officer", role: "province_officer" as const, localityId: ids.d1! };
    const inD1 = await repos.localities.list({}, officer);
    expect(inD1.data.map((l) => l.id).sort()).toEqual([ids.d1, ids.c1, ids.c2].sort());
    expect(await thrown(() => repos.localities.getOne(ids.c3!, officer))).toMatchObject({ reason: "forbidden" });
  });

  it("refuses a stale update and writes nothing", async () => {
    const before = await repos.localities.getOne(ids.c3!, SYSTEM_ACTOR);
    const updated = await repos.localities.update(ids.c3!, { nameVi: "Xã Bắc Sơn Mới" }, before.version, actor);
    expect(updated.version).toBe(before.version + 1);
    expect(await thrown(() => repos.localities.update(ids.c3!, { nameVi: "Lost edit" }, before.version, actor))).toMatchObject({ reason: "conflict" });
    expect((await repos.localities.getOne(ids.c3!, SYSTEM_ACTOR)).nameVi).toBe("Xã Bắc Sơn Mới");
  });

  it("reports validation errors by field, in both languages", async () => {
    const error = await thrown(() => repos.localities.create({ code: "x", nameVi: "", levelCode: "commune" }, actor)) as EduplanError;
    expect(error.reason).toBe("validation");
    expect(error.fieldErrors[0]).toMatchObject({ path: "nameVi", message: { vi: "Không được để trống" } });
  });

  it("turns a duplicate code into a conflict naming the field, and an unknown level into a field error", async () => {
    expect(await thrown(() => repos.localities.create({ code: "p", nameVi: "Trùng", levelCode: "province" }, actor))).toMatchObject({ reason: "conflict", fieldErrors: [{ path: "code" }] });
    expect(await thrown(() => repos.localities.create({ code: "zz", nameVi: "Z", levelCode: "galaxy" }, actor))).toMatchObject({ reason: "validation", fieldErrors: [{ path: "levelCode" }] });
  });

  it("refuses to place a locality under its own descendant", async () => {
    const d1 = await repos.localities.getOne(ids.d1!, SYSTEM_ACTOR);
    expect(await thrown(() => repos.localities.update(ids.d1!, { parentId: ids.c1 }, d1.version, actor))).toMatchObject({ fieldErrors: [{ path: "parentId" }] });
  });

  it("records every mutation in the audit log with before and after", async () => {
    const rows = (await db.select().from(s.auditLog).where(sql`entity = 'localities' and entity_id = ${ids.c3} and action = 'update'`));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.username).toBe("tester");
    expect((rows[0]!.before as { nameVi: string }).nameVi).toBe("Xã Bắc Sơn");
    expect((rows[0]!.after as { nameVi: string }).nameVi).toBe("Xã Bắc Sơn Mới");
  });
});

describe("rollup aggregates kept current on write", () => {
  it("equal the domain's rollup of summed numerators and denominators, and follow updates, deletes and moves", async () => {
    const figures: [string, number, number][] = [
      ["c1", 30, 100],
      ["c2", 90, 200],
      ["c3", 10, 50],
    ];
    for (const [code, numerator, denominator] of figures)
      await repos.indicatorValues.create({ localityId: ids[code], indicatorId: ids.ind, year: 2026, numerator, denominator }, actor);
    const fromDomain = async () => {
      const nodes = (await db.select({ id: s.localities.id, parentId: s.localities.parentId }).from(s.localities));
      const values = new Map((await db.select().from(s.indicatorValues)).map((v) => [v.localityId, v]));
      return domainRollup("ratio", nodes, values, ids.p!, 100);
    };
    let agg = (await readRollup(db, ids.p!, ids.ind!, 2026))!;
    expect(agg).toMatchObject({ depth: 2, numeratorSum: 130, denominatorSum: 350, contributors: 3 });
    expect(await fromDomain()).toMatchObject({ numerator: agg.numeratorSum, denominator: agg.denominatorSum });
    expect(await readRollup(db, ids.d1!, ids.ind!, 2026)).toMatchObject({ numeratorSum: 120, denominatorSum: 300 });

    const c2 = (await repos.indicatorValues.list({ filter: { localityId: ids.c2 } }, SYSTEM_ACTOR)).data[0]!;
    expect(c2.value).toBe(45);
    await repos.indicatorValues.update(c2.id, { numerator: 100 }, c2.version, actor);
    agg = (await readRollup(db, ids.p!, ids.ind!, 2026))!;
    expect(agg).toMatchObject({ numeratorSum: 140, denominatorSum: 350 });
    expect((await fromDomain()).numerator).toBe(140);

    const c3 = (await repos.indicatorValues.list({ filter: { localityId: ids.c3 } }, SYSTEM_ACTOR)).data[0]!;
    await repos.indicatorValues.delete(c3.id, c3.version, actor);
    expect(await readRollup(db, ids.p!, ids.ind!, 2026)).toMatchObject({ numeratorSum: 130, denominatorSum: 300, contributors: 2 });
    expect(await readRollup(db, ids.d2!, ids.ind!, 2026)).toBeNull();

    const c2loc = await repos.localities.getOne(ids.c2!, SYSTEM_ACTOR);
    await repos.localities.update(ids.c2!, { parentId: ids.d2 }, c2loc.version, actor);
    expect(await readRollup(db, ids.d2!, ids.ind!, 2026)).toMatchObject({ numeratorSum: 100, denominatorSum: 200 });
    expect(await readRollup(db, ids.d1!, ids.ind!, 2026)).toMatchObject({ numeratorSum: 30, denominatorSum: 100 });
  });

  it("refuses a rate whose numerator exceeds its denominator, writing nothing", async () => {
    const before = (await db.select().from(s.indicatorValues)).length;
    expect(await thrown(() => 
      repos.indicatorValues.create({ localityId: ids.c3, indicatorId: ids.ind, year: 2025, numerator: 120, denominator: 100 }, actor),
    )).toMatchObject({ reason: "validation", fieldErrors: [{ path: "numerator" }] });
    expect((await db.select().from(s.indicatorValues)).length).toBe(before);
  });
});
