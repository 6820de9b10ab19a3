import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, one, readRollup, schema as s, sql, verifyRollups, type Db } from "@eduplan/db";
import { figuresTemplate, importFiguresFile } from "./figures-file.js";
import { indicatorId, localityId, provinceOfficer, seededDatabase, snapshot, type Seeded } from "./test-support.js";

let seeded: Seeded;
let db: Db;
beforeAll(async () => {
  seeded = await seededDatabase("figures-file");
  db = seeded.db;
});
afterAll(() => seeded.close());

const NURSERY = "ecec.nursery.enrolment_rate";
const csv = (lines: string[]) => Buffer.from(["Mã địa bàn,Mã chỉ tiêu,Năm,Tử số,Mẫu số,Giá trị,Ghi chú", ...lines].join("\n"), "utf8");

describe("bulk figures file (CSV or XLSX): validated whole, written whole", () => {
  it("imports many units × years in one go; the aggregates follow and equal a recomputation", async () => {
    const lines = ["bang-mac", "dong-dang", "chi-lang"].flatMap((code, i) => [2022, 2023].map((year) => `${code},${NURSERY},${year},${100 + i},${200 + i},,"Lịch sử ${year}"`));
    const result = await importFiguresFile(db, csv(lines), "lich-su.csv", await provinceOfficer(db));
    expect(result).toEqual({ ok: true, rows: 6, created: 6, updated: 0 });
    const agg = (await readRollup(db, await localityId(db, "lang-son"), await indicatorId(db, NURSERY), 2022))!;
    expect(agg).toMatchObject({ numeratorSum: 303, denominatorSum: 603, contributors: 3 });
    expect(await verifyRollups(db)).toEqual([]);
    // Importing changed figures again updates them, and the sums follow the change.
    const again = await importFiguresFile(db, csv([`bang-mac,${NURSERY},2022,150,200,,`]), "sua.csv", await provinceOfficer(db));
    expect(again).toEqual({ ok: true, rows: 1, created: 0, updated: 1 });
    expect(await readRollup(db, await localityId(db, "lang-son"), await indicatorId(db, NURSERY), 2022)).toMatchObject({ numeratorSum: 353, denominatorSum: 603 });
    expect(await verifyRollups(db)).toEqual([]);
    const audit = await db.select().from(s.auditLog).where(sql`action = 'import'`);
    expect(audit).toHaveLength(2);
  });

  it("one bad row writes nothing, and every problem is listed by row and column", async () => {
    const before = snapshot(db);
    const lines = [
      `bang-mac,${NURSERY},2021,10,20,,`,
      `bang-mac,${NURSERY},2020,30,20,,`, // numerator above denominator
      `khong-co,${NURSERY},2021,1,2,,`, // unknown locality
      `muong-te,${NURSERY},2021,1,2,,`, // another province
      `bang-mac,no.such.indicator,2021,1,2,,`,
      `bang-mac,${NURSERY},2021,1e999,2,,`,
    ];
    const result = await importFiguresFile(db, csv(lines), "loi.csv", await provinceOfficer(db));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map((p) => [p.row, p.column]);
    expect(problems).toEqual(expect.arrayContaining([[4, "Mã địa bàn"], [6, "Mã chỉ tiêu"], [7, "Tử số"]]));
    expect(snapshot(db)).toEqual(before);
    // Past the codes, the db's checks: the rate above 100%, the other province, all at once.
    const second = await importFiguresFile(db, csv([lines[0]!, lines[1]!, lines[3]!]), "loi.csv", await provinceOfficer(db));
    expect(second.ok ? [] : second.problems.map((p) => [p.row, p.column])).toEqual([[3, "Tử số"], [4, "Mã địa bàn"]]);
    expect(snapshot(db)).toEqual(before);
  });

  it("a figure published from an approved report is not overwritten by a file", async () => {
    const published = (await one<{ code: string; year: number }>(
      db,
      sql`select l.code as code, v.year as year from indicator_values v join localities l on l.id = v.locality_id join indicators i on i.id = v.indicator_id
          where v.report_id is not null and i.code = ${NURSERY} limit 1`,
    ))!;
    const before = snapshot(db);
    const result = await importFiguresFile(db, csv([`${published.code},${NURSERY},${published.year},1,2,,`]), "de.csv", SYSTEM);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.problems[0]!.message.vi).toMatch(/báo cáo đã duyệt/);
    expect(snapshot(db)).toEqual(before);
  });

  it("reads the XLSX template filled in, and refuses a file whose columns are missing", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await figuresTemplate()) as never);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(["Mã địa bàn", "Mã chỉ tiêu", "Năm", "Tử số", "Mẫu số", "Giá trị", "Ghi chú"]);
    ws.addRow(["bang-mac", NURSERY, 2019, 40, 80, null, "Từ tệp Excel"]);
    const result = await importFiguresFile(db, Buffer.from(new Uint8Array(await wb.xlsx.writeBuffer())), "mau.xlsx", await provinceOfficer(db));
    expect(result).toEqual({ ok: true, rows: 1, created: 1, updated: 0 });
    const missing = await importFiguresFile(db, Buffer.from("Mã địa bàn,Năm\nbang-mac,2019\n"), "thieu.csv", await provinceOfficer(db));
    expect(missing.ok ? "" : missing.problems[0]!.message.vi).toMatch(/Thiếu cột: Mã chỉ tiêu, Tử số, Mẫu số, Giá trị/);
  });
});
