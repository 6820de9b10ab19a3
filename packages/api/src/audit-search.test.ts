/**
 * `filter.q` of the audit log reads the FTS5 index of its folded text (migration 0011, kept by a trigger): it finds
 * what the folded LIKE found (diacritics and case ignored, any substring of 3+ characters, shorter queries too) and a
 * search matching more rows than SQLite's limit of bound variables (32,766) answers with its page and total.
 */
import { afterAll, describe, expect, test } from "vitest";
import { SYSTEM, closeDatabase, listRecords, openDatabase, recordAudit } from "@eduplan/db";
import { REFERENCE_DEFINITIONS } from "./router/reference.js";

const db = openDatabase(":memory:");
afterAll(() => closeDatabase(db));
const def = REFERENCE_DEFINITIONS.auditLog;
const search = (q: string, perPage = 25) => listRecords(db, def, { filter: { q }, pagination: { page: 1, perPage } }, SYSTEM);

describe("audit log search (filter.q)", () => {
  test("diacritic- and case-insensitive, substrings, each column on its own", () => {
    recordAudit(db, { userId: null, username: "đặng.thị.hằng" }, "update", "localities", 1, null, null);
    recordAudit(db, { userId: null, username: "tran.van.binh" }, "approve", "reports", 2, null, null);
    expect(search("Đặng Thị").data).toHaveLength(0); // the username has dots, not spaces
    expect(search("ĐẶNG.THỊ").data.map((r) => r.username)).toEqual(["đặng.thị.hằng"]);
    expect(search("dang.thi.hang").data.map((r) => r.username)).toEqual(["đặng.thị.hằng"]);
    expect(search("hằng").total).toBe(1);
    expect(search("ITIES").total).toBe(1); // inside a word
    expect(search("approve").data.map((r) => r.entity)).toEqual(["reports"]);
    // A phrase never spans two columns (username "…binh" then action "approve").
    expect(search("binh approve").total).toBe(0);
    // Shorter than three characters: the folded scan, same answers.
    expect(search("đặ").data.map((r) => r.username)).toEqual(["đặng.thị.hằng"]);
    // Quotes and FTS5 syntax are text, never an error.
    expect(search('"hằng" OR *').total).toBe(0);
    expect(search("NEAR(a b)").total).toBe(0);
  });

  test("40,000 matching entries: the page and the total, no error", () => {
    // Written in one statement per row (the trigger keeps the index for any insert, not only the audit writer's).
    const insert = db.$client.prepare("insert into audit_log (at, username, action, entity, entity_id) values (?, 'nguyễn.văn.an', 'update', 'indicatorValues', ?)");
    db.$client.transaction(() => {
      for (let i = 0; i < 40_000; i++) insert.run(new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), i);
    })();
    const page = search("Nguyễn.Văn", 25);
    expect(page.total).toBe(40_000);
    expect(page.data).toHaveLength(25);
    expect(page.data[0]!.entityId).toBe(39_999); // newest first (the resource's default sort)
    expect(search("an").total).toBeGreaterThanOrEqual(40_000); // the folded scan, also without an id list
  }, 120_000);
});
