/** `eduplan province init --dry-run`: every check of a real run, never a database file created or changed. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE, eduplan } from "./test-cli.js";
import { closeDatabase, one, openDatabase, sql } from "@eduplan/db";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-dry-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe("province init --dry-run", () => {
  it("on a database that does not exist yet: validates the whole file, says what it would do, creates no file or directory", async () => {
    const file = join(dir, "not-yet", "eduplan.db");
    const result = await eduplan(["province", "init", "--dry-run", EXAMPLE], file);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/chạy thử.*dry run.*28 would be created/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(dir, "not-yet"))).toBe(false);
  });

  it("on an existing database: a mistake only the write path finds is reported with line and file path; the file is unchanged", async () => {
    const file = join(dir, "existing.db");
    expect((await eduplan(["province", "init", EXAMPLE], file)).code).toBe(0);
    const broken = join(dir, "repeat.yaml");
    // A repeated row pointing at another repeat: only the task resource's own check refuses it.
    const text = readFileSync(EXAMPLE, "utf8").replace(
      /\n {4}tasks:\n/,
      (m) => `${m}      - { code: r1, titleVi: Lặp, timing: { kind: notStated }, lead: [vi-du.education-dept] }\n      - { code: r2, duplicateOf: r1, titleVi: Lặp, timing: { kind: notStated }, lead: [vi-du.education-dept] }\n      - { code: r3, duplicateOf: r2, titleVi: Lặp, timing: { kind: notStated }, lead: [vi-du.education-dept] }\n`,
    );
    expect(text).toContain("code: r3");
    writeFileSync(broken, text);
    const before = { size: statSync(file).size, mtime: statSync(file).mtimeMs };
    const result = await eduplan(["province", "init", "--dry-run", broken], file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/dòng\/line \d+, plans\.0\.tasks\.2\.duplicateOf: /);
    expect(result.stderr).not.toMatch(/duplicateOfId/);
    expect({ size: statSync(file).size, mtime: statSync(file).mtimeMs }).toEqual(before);
    const db = openDatabase(file);
    expect((await one<{ n: number }>(db, sql`select count(*) as n from tasks where code like 'r%'`))!.n).toBe(0);
    closeDatabase(db);
  });
});
