/**
 * `filter.q` of the audit log reads the FTS5 index of its folded text (migrations 0011/0013, kept by a trigger): the
 * query's words in order, the last one a prefix, diacritics and case ignored; a search matching more rows than
 * SQLite's limit of bound variables (32,766) answers with its page and total.
 */
import { afterAll, describe, expect, test } from "vitest";
import { SYSTEM, closeDatabase, listRecords, openDatabase, recordAudit, transaction } from "@eduplan/db";
import { REFERENCE_DEFINITIONS } from "./router/reference.js";

const db = openDatabase(":memory:");
afterAll(() => closeDatabase(db));
const def = REFERENCE_DEFINITIONS.auditLog;
const search = (q: string, perPage = 25) => listRecords(db, def, { filter: { q }, pagination: { page: 1, perPage } }, SYSTEM);

describe("audit log search (filter.q)", () => {
  test("diacritic- and case-insensitive, words in order, the last one a prefix", async () => {
    await recordAudit(db, { userId: null, username: "đặng.thị.hằng" }, "update", "localities", 1, null, null);
    await recordAudit(db, { userId: null, username: "tran.van.binh" }, "approve", "reports", 2, null, null);
    expect((await search("Đặng Thị")).data.map((r) => r.username)).toEqual(["đặng.thị.hằng"]); // dots and spaces both separate words
    expect((await search("ĐẶNG.THỊ")).data.map((r) => r.username)).toEqual(["đặng.thị.hằng"]);
    expect((await search("dang.thi.hang")).data.map((r) => r.username)).toEqual(["đặng.thị.hằng"]);
    expect((await search("hằng")).total).toBe(1);
    expect((await search("LOCALI")).total).toBe(1); // a prefix of a word
    expect((await search("thi dang")).total).toBe(0); // the words in order
    expect((await search("approve")).data.map((r) => r.entity)).toEqual(["reports"]);
    // The columns are read in order as one text: username "…binh" then action "approve" (harmless: both are true).
    expect((await search("binh approve")).total).toBe(1);
    expect((await search("đặ")).data.map((r) => r.username)).toEqual(["đặng.thị.hằng"]);
    // No letter or digit: the folded scan (no words to match), no error.
    expect((await search("...")).total).toBe(0);
    // Quotes and FTS5 syntax are text, never an error.
    expect((await search('"hằng" OR *')).total).toBe(0);
    expect((await search("NEAR(a b)")).total).toBe(0);
  });

  test("40,000 matching entries: the page and the total, no error", async () => {
    // Written in one statement per row (the trigger keeps the index for any insert, not only the audit writer's).
    const insert = db.$client.prepare("insert into audit_log (at, username, action, entity, entity_id) values (?, 'nguyễn.văn.an', 'update', 'indicatorValues', ?)");
    await transaction(db, async () => {
      for (let i = 0; i < 40_000; i++) insert.run(new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), i);
    });
    const page = await search("Nguyễn.Văn", 25);
    expect(page.total).toBe(40_000);
    expect(page.data).toHaveLength(25);
    expect(page.data[0]!.entityId).toBe(39_999); // newest first (the resource's default sort)
    expect((await search("an")).total).toBeGreaterThanOrEqual(40_000);
  }, 120_000);
});
