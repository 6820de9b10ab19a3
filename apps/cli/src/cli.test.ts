import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE, eduplan } from "./test-cli.js";
import { closeDatabase, first, openDatabase, schema as s, sql } from "@eduplan/db";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe("pnpm eduplan", () => {
  it("with no command prints its help on stdout and exits 0; an unknown command exits 1", async () => {
    const help = await eduplan([], join(dir, "unused.db"));
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toMatch(/^Usage: eduplan \[options\] \[command\]/);
    expect(help.stdout).toMatch(/province init|province/);
    const unknown = await eduplan(["bogus"], join(dir, "unused.db"));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command 'bogus'/);
  });

  it("migrate creates the database file named by EDUPLAN_DB, with its directory", async () => {
    const file = join(dir, "nested", "new.db");
    const result = await eduplan(["migrate"], file);
    expect(result.code).toBe(0);
    expect(existsSync(file)).toBe(true);
  });

  it("province init configures the example province, and is idempotent", async () => {
    const file = join(dir, "init.db");
    const firstRun = await eduplan(["province", "init", EXAMPLE], file);
    expect(firstRun.code).toBe(0);
    expect(firstRun.stdout).toMatch(/28 created, 0 updated, 0 unchanged/);
    const second = await eduplan(["province", "init", EXAMPLE], file);
    expect(second.stdout).toMatch(/0 created, 0 updated, 28 unchanged/);
    const db = openDatabase(file);
    expect((await first(db.select().from(s.localities).where(sql`code = 'vi-du'`)))?.nameVi).toBe("Tỉnh Ví Dụ");
    closeDatabase(db);
  });

  it("province init refuses a broken file with line-located errors and exit code 1, writing nothing", async () => {
    const file = join(dir, "broken.db");
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, readFileSync(EXAMPLE, "utf8").replace("value: 40\n", "value: 140\n").replace("indicator: ecec.malnutrition_rate", "indicator: ecec.nope"));
    const result = await eduplan(["province", "init", broken], file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/không có gì được ghi/);
    expect(result.stderr).toMatch(/dòng\/line \d+, plans\.0\.targets\.0\.value: .*140/);
    expect(result.stderr).toMatch(/plans\.0\.targets\.1\.indicator: .*ecec\.nope/);
    const db = openDatabase(file);
    expect(await first(db.select().from(s.localities).where(sql`code = 'vi-du'`))).toBeUndefined();
    closeDatabase(db);
  });
});

describe("pnpm eduplan rollups verify|rebuild", () => {
  it("verify passes on aggregates kept on write, reports drift (exit 1) after a tamper, and rebuild repairs it", async () => {
    const file = join(dir, "rollups.db");
    expect((await eduplan(["province", "init", EXAMPLE], file)).code).toBe(0);
    const db = openDatabase(file);
    const commune = (await first(db.select().from(s.localities).where(sql`code = 'vi-du.xa-an-binh'`)))!;
    const indicator = (await first(db.select().from(s.indicators).where(sql`code = 'ecec.nursery.enrolment_rate'`)))!;
    await db.insert(s.indicatorValues).values({ localityId: commune.id, indicatorId: indicator.id, year: 2026, numerator: 30, denominator: 60, value: 50 });
    closeDatabase(db);
    // A figure written behind the write path: the aggregates no longer include it.
    const drift = await eduplan(["rollups", "verify"], file);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toMatch(/aggregates differ from the figures/);
    const rebuilt = await eduplan(["rollups", "rebuild"], file);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/the aggregates equal a recomputation/);
    expect((await eduplan(["rollups", "verify"], file)).code).toBe(0);
  });
});

describe("pnpm eduplan figures import|template", () => {
  it("writes the template, imports a filled file whole, and refuses a file with a bad row naming its row and column", async () => {
    const file = join(dir, "figures.db");
    expect((await eduplan(["province", "init", EXAMPLE], file)).code).toBe(0);
    const template = join(dir, "mau.xlsx");
    expect((await eduplan(["figures", "template", template], file)).code).toBe(0);
    expect(existsSync(template)).toBe(true);
    const good = join(dir, "so-lieu.csv");
    writeFileSync(good, "Mã địa bàn,Mã chỉ tiêu,Năm,Tử số,Mẫu số,Giá trị,Ghi chú\nvi-du.xa-an-binh,ecec.nursery.enrolment_rate,2024,30,60,,\nvi-du.phuong-dong-tien,ecec.nursery.enrolment_rate,2024,20,40,,\n");
    const ok = await eduplan(["figures", "import", good], file);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/2 số liệu \/ figures — 2 created, 0 updated/);
    const bad = join(dir, "loi.csv");
    writeFileSync(bad, "Mã địa bàn,Mã chỉ tiêu,Năm,Tử số,Mẫu số,Giá trị,Ghi chú\nvi-du.xa-an-binh,ecec.nursery.enrolment_rate,2023,30,60,,\nvi-du.xa-an-binh,ecec.nursery.enrolment_rate,2022,90,60,,\n");
    const refused = await eduplan(["figures", "import", bad], file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/dòng\/row 3, cột\/column “Tử số”/);
    const db = openDatabase(file);
    expect(await db.select().from(s.indicatorValues)).toHaveLength(2);
    closeDatabase(db);
    expect((await eduplan(["rollups", "verify"], file)).code).toBe(0);
  });
});
