import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositories, EduplanError, SYSTEM_ACTOR, type Db } from "@eduplan/db";
import { escapeFormulaText, exportList, exportReportTemplate, importReportWorkbook, templateDataRows, META_SHEET, TEMPLATE_FORMAT_VERSION, TEMPLATE_SHEET, type ImportResult, type ListColumn } from "./index.js";
import { localityId, provinceOfficer, seededDatabase, snapshot, type Seeded } from "./test-support.js";

let seeded: Seeded;
let db: Db;
const actor = { userId: 7, username: "bangmac.officer", role: "commune_officer" as const, localityId: 0 };

beforeAll(async () => {
  seeded = await seededDatabase("excel");
  db = seeded.db;
  actor.localityId = await localityId(db, "bang-mac");
  // A new year for Lạng Sơn, so Bằng Mạc has no report yet for it.
  await createRepositories(db).reportingPeriods.create({ localityId: await localityId(db, "lang-son"), year: 2027, deadline: "2027-12-10" }, SYSTEM_ACTOR);
});
afterAll(() => seeded.close());

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  return wb;
}
async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template's data rows: row number → indicator code, with the header row found by its text. */
const dataRows = templateDataRows;

const ratioCodes = (db: Db) =>
  new Set((db.$client.prepare("select code from indicators where aggregation = 'ratio'").all() as { code: string }[]).map((r) => r.code));
const unitOf = (db: Db) => new Map((db.$client.prepare("select code, unit from indicators").all() as { code: string; unit: string }[]).map((r) => [r.code, r.unit]));

/** Fill a template the way a commune officer would: numbers, some typed the Vietnamese way as text. */
function fill(ws: ExcelJS.Worksheet, db: Db): Map<string, { numerator: number | null; denominator: number | null; value: number | null; comment: string | null }> {
  const ratios = ratioCodes(db);
  const units = unitOf(db);
  const filled = new Map<string, { numerator: number | null; denominator: number | null; value: number | null; comment: string | null }>();
  dataRows(ws).forEach(({ row, code }, i) => {
    const r = ws.getRow(row);
    if (ratios.has(code)) {
      const denominator = 200 + i * 7;
      const numerator = Math.floor(denominator * (0.5 + (i % 5) / 10)) + 0.5;
      // Every third row typed as text with a decimal comma ("123,5"), as people do.
      r.getCell(8).value = i % 3 === 0 ? String(numerator).replace(".", ",") : numerator;
      r.getCell(9).value = i % 4 === 0 ? `${denominator}` : denominator;
      filled.set(code, { numerator, denominator, value: (numerator / denominator) * 100, comment: i % 2 ? `Ghi chú ${i}` : null });
      r.getCell(11).value = i % 2 ? `Ghi chú ${i}` : null;
    } else if (units.get(code) === "boolean") {
      r.getCell(10).value = i % 2 ? 1 : "Không";
      filled.set(code, { numerator: null, denominator: null, value: i % 2 ? 1 : 0, comment: null });
    } else if (units.get(code) === "level") {
      r.getCell(10).value = 2;
      filled.set(code, { numerator: null, denominator: null, value: 2, comment: null });
    }
  });
  return filled;
}

function reportValuesOf(db: Db, reportId: number) {
  const rows = db.$client
    .prepare("select i.code, rv.numerator, rv.denominator, rv.value, rv.comment_vi from report_values rv join indicators i on i.id = rv.indicator_id where rv.report_id = ?")
    .all(reportId) as { code: string; numerator: number | null; denominator: number | null; value: number | null; comment_vi: string | null }[];
  return new Map(rows.map((r) => [r.code, r]));
}

describe("exportReportTemplate", () => {
  it("lays out the sheet 'Báo cáo' (title, headers, one row per indicator of the unit's plan) and a hidden 'meta' sheet", async () => {
    const bangMac = await localityId(db, "bang-mac");
    const wb = await load(await exportReportTemplate(db, { localityId: bangMac, year: 2027 }));
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    expect(ws).toBeDefined();
    expect(ws.getCell("A1").value).toBe("Báo cáo kết quả thực hiện chỉ tiêu năm 2027 — Xã Bằng Mạc");
    const headerRow = ws.getRow(5).values as unknown[];
    expect(headerRow.slice(1)).toEqual(["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu 2030", "Lộ trình năm 2027", "Kết quả năm 2026", "Tử số", "Mẫu số", "Giá trị", "Ghi chú"]);
    const planIndicators = db.$client
      .prepare("select distinct i.code from targets t join indicators i on i.id = t.indicator_id join plans p on p.id = t.plan_id where p.code = 'bang-mac-2025'")
      .all() as { code: string }[];
    const rows = dataRows(ws);
    expect(rows.map((r) => r.code).sort()).toEqual(planIndicators.map((p) => p.code).sort());

    const nursery = rows.find((r) => r.code === "ecec.nursery.enrolment_rate")!;
    const row = ws.getRow(nursery.row);
    expect(row.getCell(3).value).toBe("Tỷ lệ huy động trẻ nhà trẻ đến trường");
    expect(row.getCell(4).value).toBe("%");
    expect(String(row.getCell(5).value)).toMatch(/%$/);
    // 2026's approved figure: a number (percent points) with one decimal, never text.
    expect(typeof row.getCell(7).value).toBe("number");
    expect(row.getCell(7).numFmt).toBe("0.0");
    // The rate is a formula; the inputs are validated numbers ≥ 0.
    expect(row.getCell(10).formula).toMatch(/^IF\(AND\(ISNUMBER\(H\d+\),ISNUMBER\(I\d+\),I\d+>0\),H\d+\/I\d+\*100,""\)$/);
    // Numerator: not negative and, for a percentage, not above the denominator.
    expect(row.getCell(8).dataValidation).toMatchObject({ type: "custom", formulae: [`AND(ISNUMBER(H${nursery.row}),H${nursery.row}>=0,OR(ISBLANK(I${nursery.row}),H${nursery.row}<=I${nursery.row}))`] });
    expect(row.getCell(9).dataValidation).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0] });

    const meta = wb.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe("veryHidden");
    const kv = new Map<string, unknown>();
    meta.eachRow((r) => {
      if (r.getCell(1).value !== "indicator") kv.set(String(r.getCell(1).value), r.getCell(2).value);
    });
    expect(kv.get("formatVersion")).toBe(TEMPLATE_FORMAT_VERSION);
    expect(kv.get("localityId")).toBe(bangMac);
    expect(kv.get("localityCode")).toBe("bang-mac");
    expect(kv.get("year")).toBe(2027);
    const codes: unknown[] = [];
    meta.eachRow((r) => {
      if (r.getCell(1).value === "indicator") codes.push(r.getCell(2).value);
    });
    expect(codes).toEqual(rows.map((r) => r.code));
  });

  it("prefills the values of an existing report", async () => {
    const unit = await localityId(db, "luong-van-tri"); // a draft in 2026 (sample data)
    const report = db.$client
      .prepare("select r.id from reports r join reporting_periods p on p.id = r.period_id where r.locality_id = ? and p.year = 2026")
      .get(unit) as { id: number };
    const values = reportValuesOf(db, report.id);
    expect(values.size).toBeGreaterThan(0);
    const ws = (await load(await exportReportTemplate(db, { localityId: unit, year: 2026 }))).getWorksheet(TEMPLATE_SHEET)!;
    expect(String(ws.getCell("A3").value)).toMatch(/Đang soạn/);
    let checked = 0;
    for (const { row, code } of dataRows(ws)) {
      const v = values.get(code);
      if (!v) continue;
      expect(ws.getRow(row).getCell(8).value).toBe(v.numerator);
      expect(ws.getRow(row).getCell(9).value).toBe(v.denominator);
      expect((ws.getRow(row).getCell(10).value as { result: number }).result).toBeCloseTo(v.value!, 9);
      // The prefilled comment is the report's, in Vietnamese only.
      expect(String(ws.getRow(row).getCell(11).value ?? "")).not.toMatch(/synthetic|sample|figures/i);
      checked++;
    }
    expect(checked).toBe(values.size);
  });
});

describe("the template is protected: only input cells can be changed", () => {
  it("protects the sheet, unlocks exactly the input cells, hides the code column and the meta sheet", async () => {
    const bangMac = await localityId(db, "bang-mac");
    const buffer = await exportReportTemplate(db, { localityId: bangMac, year: 2027 });
    const zip = await JSZip.loadAsync(buffer);
    const sheets = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
    // Both sheets protected: no inserting, deleting or sorting rows or columns.
    // (In OOXML an action is allowed only when its attribute is "0"; left out, it is protected.)
    const protections = sheets.map((xml) => /<sheetProtection [^>]*\/>/.exec(xml)?.[0] ?? "");
    for (const p of protections) expect(p).toMatch(/sheet="1"/);
    for (const action of ["insertColumns", "deleteColumns", "insertRows", "deleteRows", "sort"]) expect(protections[0]).not.toContain(`${action}="0"`);
    const wb = await load(buffer);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    expect(ws.getColumn(2).hidden).toBe(true);
    const ratios = ratioCodes(db);
    for (const { row, code } of dataRows(ws)) {
      const locked = (c: number) => ws.getRow(row).getCell(c).protection?.locked !== false;
      const inputs = ratios.has(code) ? [8, 9, 11] : [10, 11];
      for (let c = 1; c <= 11; c++) expect({ code, column: c, locked: locked(c) }).toEqual({ code, column: c, locked: !inputs.includes(c) });
    }
    // No snake_case code visible: the visible columns hold names, units and figures.
    for (const { row } of dataRows(ws)) for (const c of [1, 3, 4, 5, 6, 7]) expect(String(ws.getRow(row).getCell(c).value ?? "")).not.toMatch(/[a-z]+_[a-z]+/);
  });

  it("warns on the template of a locked report and leaves no cell to fill", async () => {
    const unit = await localityId(db, "dong-dang"); // submitted in 2026 (sample data)
    const ws = (await load(await exportReportTemplate(db, { localityId: unit, year: 2026 }))).getWorksheet(TEMPLATE_SHEET)!;
    expect(String(ws.getCell("A4").value)).toMatch(/^BÁO CÁO ĐÃ KHÓA \(đã gửi, chờ duyệt\): tệp này chỉ để xem, không nhập lại được/);
    for (const { row } of dataRows(ws)) for (let c = 1; c <= 11; c++) expect(ws.getRow(row).getCell(c).protection?.locked).not.toBe(false);
  });
});

describe("importReportWorkbook: the file's columns and rows are the template's", () => {
  it("a deleted column is refused with ONE clear error naming the columns, and nothing is written", async () => {
    const wb = await load(await exportReportTemplate(db, { localityId: await localityId(db, "luong-van-tri"), year: 2026 }));
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    fill(ws, db);
    ws.spliceColumns(7, 1); // "Kết quả năm 2025" deleted: Tử số, Mẫu số, … shift left
    const before = snapshot(db);
    const result = await importReportWorkbook(db, await save(wb), { actor: await provinceOfficer(db) });
    expect(result.ok).toBe(false);
    const errors = (result as Extract<ImportResult, { ok: false }>).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message.vi).toMatch(/^Các cột của mẫu báo cáo đã bị thay đổi \(cột G phải là “Kết quả năm <năm>” nhưng là “Tử số”; cột H phải là “Tử số” nhưng là “Mẫu số”/);
    expect(errors[0]!.message.vi).toMatch(/Không có số liệu nào được ghi\.$/);
    expect(errors[0]!.message.en).toMatch(/columns were changed/);
    expect(snapshot(db)).toEqual(before);
  });

  it("moved columns (numerator and denominator swapped) are refused the same way", async () => {
    const wb = await load(await exportReportTemplate(db, { localityId: await localityId(db, "luong-van-tri"), year: 2026 }));
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    for (let r = 5; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const [h, i] = [row.getCell(8).value, row.getCell(9).value];
      row.getCell(8).value = i;
      row.getCell(9).value = h;
    }
    const before = snapshot(db);
    const result = await importReportWorkbook(db, await save(wb), { actor: await provinceOfficer(db) });
    const errors = (result as Extract<ImportResult, { ok: false }>).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: TEMPLATE_SHEET, row: 5, column: "" });
    expect(errors[0]!.message.vi).toContain("cột H phải là “Tử số” nhưng là “Mẫu số”; cột I phải là “Mẫu số” nhưng là “Tử số”");
    expect(snapshot(db)).toEqual(before);
  });

  it("without the comment column, the stored comments are kept (a field whose column is absent never changes)", async () => {
    const unit = await localityId(db, "luong-van-tri");
    const report = (db.$client.prepare("select r.id from reports r join reporting_periods p on p.id = r.period_id where r.locality_id = ? and p.year = 2026").get(unit) as { id: number }).id;
    const before = reportValuesOf(db, report);
    const commented = [...before.values()].filter((v) => v.comment_vi);
    expect(commented.length).toBeGreaterThan(3);
    const wb = await load(await exportReportTemplate(db, { localityId: unit, year: 2026 }));
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    const target = dataRows(ws).find((r) => before.get(r.code)?.comment_vi)!;
    ws.getRow(target.row).getCell(8).value = 30;
    ws.getRow(target.row).getCell(9).value = 60;
    ws.spliceColumns(11, 1); // "Ghi chú" deleted
    const result = await importReportWorkbook(db, await save(wb), { actor: await provinceOfficer(db) });
    expect(result).toMatchObject({ ok: true, reportId: report });
    const after = reportValuesOf(db, report);
    for (const v of commented) expect(after.get(v.code)!.comment_vi).toBe(v.comment_vi);
    expect(after.get(target.code)).toMatchObject({ numerator: 30, denominator: 60 });
  });

  it("a row of an indicator that is not in this unit's template (pasted from another unit's file) is refused", async () => {
    const wb = await load(await exportReportTemplate(db, { localityId: await localityId(db, "bang-mac"), year: 2027 }));
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    const foreign = "vocational.langson_college_development"; // a Lạng Sơn target, not in Bằng Mạc's plan
    expect(dataRows(ws).some((r) => r.code === foreign)).toBe(false);
    fill(ws, db);
    const row = ws.getRow(ws.rowCount + 1);
    row.getCell(2).value = foreign;
    row.getCell(10).value = 1;
    const before = snapshot(db);
    const result = await importReportWorkbook(db, await save(wb), { actor });
    const errors = (result as Extract<ImportResult, { ok: false }>).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: TEMPLATE_SHEET, row: row.number, column: "B" });
    expect(errors[0]!.message.vi).toMatch(/^Dòng \d+, cột B \(Mã chỉ tiêu\): Chỉ tiêu “.+” \(vocational\.langson_college_development\) không có trong mẫu báo cáo của đơn vị này/);
    expect(snapshot(db)).toEqual(before);
  });
});

describe("importReportWorkbook", () => {
  it("round trip: export → fill with exceljs → import → the report values are what was filled; progress rises to 1", async () => {
    const bangMac = await localityId(db, "bang-mac");
    const wb = await load(await exportReportTemplate(db, { localityId: bangMac, year: 2027 }));
    const filled = fill(wb.getWorksheet(TEMPLATE_SHEET)!, db);
    expect(filled.size).toBeGreaterThan(30);
    const progress: number[] = [];
    const result = await importReportWorkbook(db, await save(wb), { actor, onProgress: (f) => progress.push(f) });
    expect(result).toMatchObject({ ok: true, written: filled.size, created: true });
    const { reportId } = result as Extract<ImportResult, { ok: true }>;
    const report = db.$client.prepare("select status, locality_id from reports where id = ?").get(reportId) as { status: string; locality_id: number };
    expect(report).toEqual({ status: "draft", locality_id: bangMac });
    const stored = reportValuesOf(db, reportId);
    expect(stored.size).toBe(filled.size);
    for (const [code, f] of filled) {
      const v = stored.get(code)!;
      expect(v.numerator).toBe(f.numerator);
      expect(v.denominator).toBe(f.denominator);
      expect(v.value).toBeCloseTo(f.value!, 9);
      expect(v.comment_vi).toBe(f.comment);
    }
    expect(progress.length).toBeGreaterThan(2);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]!);
    expect(progress.at(-1)).toBe(1);
    expect(progress[0]).toBeGreaterThan(0);

    // The same file again: the report changed since that template was made, so it is refused and nothing is written.
    const untouched = snapshot(db);
    await expect(importReportWorkbook(db, await save(wb), { actor })).rejects.toMatchObject({ reason: "conflict" });
    expect(snapshot(db)).toEqual(untouched);
    // A template downloaded now carries the values back, and importing it updates the same report (upsert).
    const fresh = await load(await exportReportTemplate(db, { localityId: bangMac, year: 2027 }));
    const again = await importReportWorkbook(db, await save(fresh), { actor });
    expect(again).toMatchObject({ ok: true, reportId, written: filled.size, created: false });
    expect(reportValuesOf(db, reportId).size).toBe(filled.size);
    const ws2 = (await load(await exportReportTemplate(db, { localityId: bangMac, year: 2027 }))).getWorksheet(TEMPLATE_SHEET)!;
    for (const { row, code } of dataRows(ws2)) {
      const f = filled.get(code);
      if (f?.numerator != null) expect(ws2.getRow(row).getCell(8).value).toBe(f.numerator);
    }
  });

  it("a broken file (numerator > denominator, unknown code, negative) lists those rows and writes NOTHING", async () => {
    const unit = await localityId(db, "luong-van-tri"); // a 2026 draft with values
    const wb = await load(await exportReportTemplate(db, { localityId: unit, year: 2026 }));
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    const ratios = ratioCodes(db);
    const rows = dataRows(ws).filter((r) => ratios.has(r.code));
    // Valid changes on other rows, which must not be written either.
    for (const r of rows.slice(3)) {
      ws.getRow(r.row).getCell(8).value = 10;
      ws.getRow(r.row).getCell(9).value = 20;
    }
    const [tooMany, unknown, negative] = rows;
    ws.getRow(tooMany!.row).getCell(8).value = 500;
    ws.getRow(tooMany!.row).getCell(9).value = 400;
    ws.getRow(unknown!.row).getCell(2).value = "khong.ton.tai";
    ws.getRow(negative!.row).getCell(9).value = "-5";
    const before = snapshot(db);
    const result = await importReportWorkbook(db, await save(wb), { actor: { ...SYSTEM_ACTOR } });
    expect(result.ok).toBe(false);
    const errors = (result as Extract<ImportResult, { ok: false }>).errors;
    expect(errors.map((e) => [e.row, e.column]).sort()).toEqual(
      [
        [tooMany!.row, "H"],
        [unknown!.row, "B"],
        [negative!.row, "I"],
      ].sort(),
    );
    for (const e of errors) {
      expect(e.sheet).toBe(TEMPLATE_SHEET);
      expect(e.message.vi).toMatch(new RegExp(`^Dòng ${e.row}`));
      expect(e.message.en.length).toBeGreaterThan(5);
    }
    expect(errors.find((e) => e.row === tooMany!.row)!.message.vi).toMatch(/Tử số 500 lớn hơn mẫu số 400/);
    expect(errors.find((e) => e.row === unknown!.row)!.message.vi).toMatch(/khong\.ton\.tai/);
    expect(errors.find((e) => e.row === negative!.row)!.message.vi).toMatch(/không được âm/);
    expect(snapshot(db)).toEqual(before);
  });

  it("reports unparseable numbers and rates missing a part, accepts Vietnamese and plain numbers", async () => {
    const bangMac = await localityId(db, "bang-mac");
    const wb = await load(await exportReportTemplate(db, { localityId: bangMac, year: 2027 }));
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    const ratios = ratioCodes(db);
    const rows = dataRows(ws).filter((r) => ratios.has(r.code));
    ws.getRow(rows[0]!.row).getCell(8).value = "bốn mươi";
    ws.getRow(rows[1]!.row).getCell(8).value = 12;
    ws.getRow(rows[1]!.row).getCell(9).value = null;
    ws.getRow(rows[2]!.row).getCell(8).value = "1.234";
    ws.getRow(rows[2]!.row).getCell(9).value = "2.000,0";
    ws.getRow(rows[3]!.row).getCell(8).value = null;
    ws.getRow(rows[3]!.row).getCell(9).value = null;
    ws.getRow(rows[3]!.row).getCell(11).value = "Chưa thống kê được";
    const result = await importReportWorkbook(db, await save(wb), { actor });
    expect(result.ok).toBe(false);
    const errors = (result as Extract<ImportResult, { ok: false }>).errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [rows[0]!.row, "H"],
      [rows[1]!.row, "I"],
      [rows[3]!.row, "H"],
    ]);
    expect(errors[0]!.message.vi).toMatch(/không phải là số/);
    expect(errors[1]!.message.vi).toMatch(/cả tử số và mẫu số/);
    expect(errors[2]!.message.vi).toMatch(/Có ghi chú nhưng chưa nhập tử số và mẫu số/);
  });

  it("a cleared row of a prefilled template leaves its value as is (the stale cached rate is not an input)", async () => {
    const unit = await localityId(db, "luong-van-tri"); // a 2026 draft with values
    const report = db.$client
      .prepare("select r.id from reports r join reporting_periods p on p.id = r.period_id where r.locality_id = ? and p.year = 2026")
      .get(unit) as { id: number };
    const before = reportValuesOf(db, report.id);
    const wb = await load(await exportReportTemplate(db, { localityId: unit, year: 2026 }));
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    const rows = dataRows(ws).filter((r) => before.has(r.code));
    const [cleared, changed] = rows;
    ws.getRow(cleared!.row).getCell(8).value = null;
    ws.getRow(cleared!.row).getCell(9).value = null;
    ws.getRow(changed!.row).getCell(8).value = "12,5";
    ws.getRow(changed!.row).getCell(9).value = 50;
    const result = await importReportWorkbook(db, await save(wb), { actor: await provinceOfficer(db) });
    expect(result).toMatchObject({ ok: true, reportId: report.id, created: false });
    const after = reportValuesOf(db, report.id);
    expect(after.get(cleared!.code)).toEqual(before.get(cleared!.code));
    expect(after.get(changed!.code)).toMatchObject({ numerator: 12.5, denominator: 50, value: 25 });
  });

  it("reports progress in many increasing steps on a large file", async () => {
    const bangMac = await localityId(db, "bang-mac");
    const wb = await load(await exportReportTemplate(db, { localityId: bangMac, year: 2027 }));
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    fill(ws, db);
    // Two thousand rows more, numbered but left empty, as a long list would have.
    for (let r = ws.rowCount + 1, i = 0; i < 2000; r++, i++) ws.getRow(r).getCell(1).value = r;
    const progress: number[] = [];
    const result = await importReportWorkbook(db, await save(wb), { actor, onProgress: (f) => progress.push(f) });
    expect(result.ok).toBe(true);
    expect(progress.length).toBeGreaterThan(20);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]!);
    expect(progress.at(-1)).toBe(1);
  });

  it("refuses a submitted report as locked and writes nothing", async () => {
    const unit = await localityId(db, "dong-dang"); // submitted in 2026 (sample data)
    const wb = await load(await exportReportTemplate(db, { localityId: unit, year: 2026 }));
    fill(wb.getWorksheet(TEMPLATE_SHEET)!, db);
    const before = snapshot(db);
    const error = await importReportWorkbook(db, await save(wb), { actor: await provinceOfficer(db) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EduplanError);
    expect(error).toMatchObject({ reason: "locked", messages: { vi: expect.stringMatching(/khóa/), en: expect.stringMatching(/locked/) } });
    expect(snapshot(db)).toEqual(before);
  });

  it("refuses a file without the meta sheet, and an actor outside the unit's area", async () => {
    const bangMac = await localityId(db, "bang-mac");
    const wb = await load(await exportReportTemplate(db, { localityId: bangMac, year: 2027 }));
    const other = { userId: 9, username: "dongdang.officer", role: "commune_officer" as const, localityId: await localityId(db, "dong-dang") };
    await expect(importReportWorkbook(db, await save(wb), { actor: other })).rejects.toMatchObject({ reason: "forbidden" });
    wb.removeWorksheet(wb.getWorksheet(META_SHEET)!.id);
    const result = await importReportWorkbook(db, await save(wb), { actor });
    expect(result).toMatchObject({ ok: false, errors: [{ sheet: META_SHEET, row: 0 }] });
    const garbage = await importReportWorkbook(db, Buffer.from("not a workbook"), { actor });
    expect(garbage.ok).toBe(false);
  });
});

describe("exportList", () => {
  it("writes the given headers and rows: numbers as numbers, dates as dates, booleans in Vietnamese", async () => {
    const rows = [
      { code: "bang-mac", nameVi: "Xã Bằng Mạc", population: 7342, rate: 48.5, deadline: "2026-12-10", submittedAt: "2026-11-25T05:09:21.447Z", active: true, locality: { nameVi: "Tỉnh Lạng Sơn" } },
      { code: "dong-dang", nameVi: "Xã Đồng Đăng", population: null, rate: 51.25, deadline: new Date(Date.UTC(2026, 11, 10)), submittedAt: null, active: false, locality: { nameVi: "Tỉnh Lạng Sơn" } },
    ];
    const columns = [
      { key: "code", header: "Mã" },
      { key: "nameVi", header: "Tên đơn vị" },
      { key: "population", header: "Dân số" },
      { key: "rate", header: "Tỷ lệ (%)" },
      { key: "deadline", header: "Hạn gửi" },
      { key: "submittedAt", header: "Ngày gửi" },
      { key: "active", header: "Đang hoạt động" },
      { key: "locality.nameVi", header: "Tỉnh" },
    ];
    const wb = await load(await exportList(rows, columns, "Danh sách đơn vị báo cáo"));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("Danh sách");
    expect(ws.getCell("A1").value).toBe("Danh sách đơn vị báo cáo");
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.header));
    const first = ws.getRow(4);
    expect(first.getCell(1).value).toBe("bang-mac");
    expect(first.getCell(2).value).toBe("Xã Bằng Mạc");
    expect(first.getCell(3).value).toBe(7342);
    expect(first.getCell(4).value).toBe(48.5);
    expect(first.getCell(5).value).toBeInstanceOf(Date);
    expect((first.getCell(5).value as Date).toISOString().slice(0, 10)).toBe("2026-12-10");
    expect(first.getCell(5).numFmt).toBe("dd/mm/yyyy");
    expect(first.getCell(6).value).toBeInstanceOf(Date);
    expect(first.getCell(7).value).toBe("Có");
    expect(first.getCell(8).value).toBe("Tỉnh Lạng Sơn");
    const second = ws.getRow(5);
    expect(second.getCell(3).value).toBeNull();
    expect(second.getCell(5).value).toBeInstanceOf(Date);
    expect(second.getCell(7).value).toBe("Không");
    expect(ws.rowCount).toBe(5);

    const plain = (await load(await exportList([], columns))).worksheets[0]!;
    expect((plain.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.header));
  });

  it("labels coded values, writes timings as documents do, shows timestamps in local time, and escapes formula-like text", async () => {
    const rows = [
      { status: "notStarted", kind: "otherDept", timing: { kind: "yearThenYearly", year: 2026, to: null }, at: "2026-11-25T17:30:00Z", note: "=HYPERLINK(\"http://x\")" },
      { status: "completed", kind: "educationDept", timing: { kind: "event", eventVi: "Khi Luật được ban hành", eventEn: null, occurredOn: null }, at: null, note: "+84 912 345 678" },
      { status: "unknownCode", kind: null, timing: null, at: null, note: "@SUM(A1) -1 and a normal text" },
    ];
    const columns: ListColumn[] = [
      { key: "status", header: "Trạng thái", labels: { notStarted: "Chưa thực hiện", completed: "Hoàn thành" } },
      { key: "kind", header: "Loại cơ quan", labels: { otherDept: "Sở, ngành khác", educationDept: "Sở Giáo dục và Đào tạo" } },
      { key: "timing", header: "Thời gian thực hiện" },
      { key: "at", header: "Thời điểm" },
      { key: "note", header: "Ghi chú" },
    ];
    const ws = (await load(await exportList(rows, columns))).worksheets[0]!;
    const cells = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(cells(2).slice(0, 3)).toEqual(["Chưa thực hiện", "Sở, ngành khác", "Năm 2026, hằng năm"]);
    expect(cells(3).slice(0, 3)).toEqual(["Hoàn thành", "Sở Giáo dục và Đào tạo", "Khi Luật được ban hành"]);
    expect(cells(4)[0]).toBe("unknownCode");
    // 17:30 UTC is 00:30 the next day in Vietnam (UTC+7): the cell holds the local wall-clock time.
    const at = ws.getRow(2).getCell(4).value as Date;
    expect(at.toISOString()).toBe("2026-11-26T00:30:00.000Z");
    expect(ws.getRow(2).getCell(4).numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(ws.getRow(2).getCell(5).value).toBe("'=HYPERLINK(\"http://x\")");
    expect(ws.getRow(3).getCell(5).value).toBe("'+84 912 345 678");
    expect(ws.getRow(4).getCell(5).value).toBe("'@SUM(A1) -1 and a normal text");
    expect(escapeFormulaText("-5 học sinh")).toBe("'-5 học sinh");
    expect(escapeFormulaText("Bình thường")).toBe("Bình thường");
    // English timings when the user reads English.
    const en = (await load(await exportList(rows, columns, undefined, { locale: "en" }))).worksheets[0]!;
    expect(en.getRow(2).getCell(3).value).toBe("In 2026, then every year");
  });
});
