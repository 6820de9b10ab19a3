/**
 * The bulk figures file: many units × indicators × years in one CSV or XLSX (a template with the columns below), read
 * whole, every problem listed by row and column, and handed to `importFigures` of @eduplan/db (which checks area,
 * bounds and locks, and writes nothing on any problem).
 *
 *   Mã địa bàn | Mã chỉ tiêu | Năm | Tử số | Mẫu số | Giá trị | Ghi chú
 */
import { WorkbookRefused, type UploadLimits } from "./upload-check.js";
import { parse } from "csv-parse/sync";
import { FigureImportRefused, importFigures, inArray, schema as s, transaction, type Db, type FigureImportProblem, type FigureImportRow, type Principal } from "@eduplan/db";
import { foldVietnamese } from "@eduplan/domain";
import { parseNumberCell } from "./format.js";
import { loadWorkbook, newWorkbook, toBuffer } from "./xlsx-util.js";

export const FIGURE_COLUMNS = [
  { key: "locality", header: "Mã địa bàn", en: "Locality code" },
  { key: "indicator", header: "Mã chỉ tiêu", en: "Indicator code" },
  { key: "year", header: "Năm", en: "Year" },
  { key: "numerator", header: "Tử số", en: "Numerator" },
  { key: "denominator", header: "Mẫu số", en: "Denominator" },
  { key: "value", header: "Giá trị", en: "Value" },
  { key: "note", header: "Ghi chú", en: "Note" },
] as const;

type ColumnKey = (typeof FIGURE_COLUMNS)[number]["key"];
type RawRow = { row: number; cells: Partial<Record<ColumnKey, unknown>> };

export type FiguresImportResult =
  | { ok: true; rows: number; created: number; updated: number }
  | { ok: false; problems: (FigureImportProblem & { column: string })[] };

const headerOf = (key: string) => FIGURE_COLUMNS.find((c) => c.key === key)?.header ?? key;

/** The template: the header row, frozen, with widths; one example row the user replaces. */
export async function figuresTemplate(): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Số liệu", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = FIGURE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === "note" ? 40 : c.key === "indicator" ? 36 : 16 }));
  ws.getRow(1).font = { bold: true };
  return toBuffer(wb);
}

/** Map a header row to column keys; every expected column must be there (named as in the template). */
function columnsOf(header: unknown[]): { map: Map<number, ColumnKey>; missing: string[] } {
  const folded = header.map((h) => foldVietnamese(String(h ?? "")).trim());
  const map = new Map<number, ColumnKey>();
  const missing: string[] = [];
  for (const c of FIGURE_COLUMNS) {
    const i = folded.findIndex((h) => h === foldVietnamese(c.header) || h === foldVietnamese(c.en));
    if (i >= 0) map.set(i, c.key);
    else if (c.key !== "note") missing.push(c.header);
  }
  return { map, missing };
}

async function readRows(buffer: Buffer, filename: string, uploadLimits?: Partial<UploadLimits>): Promise<{ rows: RawRow[]; missing: string[] }> {
  let table: unknown[][];
  if (/\.csv$/i.test(filename)) {
    table = parse(buffer.toString("utf8").replace(/^\uFEFF/, ""), { relaxColumnCount: true, skipEmptyLines: true, trim: true }) as unknown[][];
  } else {
    const wb = await loadWorkbook(buffer, uploadLimits);
    const ws = wb.worksheets.find((w) => w.state !== "hidden");
    table = [];
    ws?.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as unknown[];
      table[row.number - 1] = values.slice(1).map((v) => (v && typeof v === "object" && "result" in (v as object) ? (v as { result: unknown }).result : v));
    });
  }
  const [header = [], ...body] = table;
  const { map, missing } = columnsOf(header);
  const rows: RawRow[] = [];
  body.forEach((cells, i) => {
    if (!cells || cells.every((c) => c === null || c === undefined || String(c).trim() === "")) return;
    const row: RawRow = { row: i + 2, cells: {} };
    cells.forEach((v, j) => {
      const key = map.get(j);
      if (key) row.cells[key] = v;
    });
    rows.push(row);
  });
  return { rows, missing };
}

/** Read a figures file and import it as `principal`, whole or not at all. */
export async function importFiguresFile(db: Db, buffer: Buffer, filename: string, principal: Principal, options: { uploadLimits?: Partial<UploadLimits> } = {}): Promise<FiguresImportResult> {
  let read;
  try {
    read = await readRows(buffer, filename, options.uploadLimits);
  } catch (e) {
    if (e instanceof WorkbookRefused) return { ok: false, problems: [{ row: 0, field: "file", column: "", message: e.problem }] };
    return { ok: false, problems: [{ row: 0, field: "file", column: "", message: { vi: "Không đọc được tệp (cần tệp .csv hoặc .xlsx theo mẫu)", en: "the file cannot be read (a .csv or .xlsx in the template's form is expected)" } }] };
  }
  if (read.missing.length)
    return {
      ok: false,
      problems: [{ row: 1, field: "header", column: read.missing.join(", "), message: { vi: `Thiếu cột: ${read.missing.join(", ")}`, en: `missing column(s): ${read.missing.join(", ")}` } }],
    };
  const problems: (FigureImportProblem & { column: string })[] = [];
  const add = (row: number, key: string, en: string, vi: string) => problems.push({ row, field: key, column: headerOf(key), message: { vi, en } });
  const localityCodes = [...new Set(read.rows.map((r) => String(r.cells.locality ?? "").trim()))].filter(Boolean);
  const indicatorCodes = [...new Set(read.rows.map((r) => String(r.cells.indicator ?? "").trim()))].filter(Boolean);
  const localities = new Map<string, number>();
  for (let i = 0; i < localityCodes.length; i += 500)
    for (const l of await db.select({ id: s.localities.id, code: s.localities.code }).from(s.localities).where(inArray(s.localities.code, localityCodes.slice(i, i + 500)))) localities.set(l.code, l.id);
  const indicators = new Map<string, number>();
  for (let i = 0; i < indicatorCodes.length; i += 500)
    for (const x of await db.select({ id: s.indicators.id, code: s.indicators.code }).from(s.indicators).where(inArray(s.indicators.code, indicatorCodes.slice(i, i + 500)))) indicators.set(x.code, x.id);
  const rows: FigureImportRow[] = [];
  for (const r of read.rows) {
    const before = problems.length;
    const localityCode = String(r.cells.locality ?? "").trim();
    const indicatorCode = String(r.cells.indicator ?? "").trim();
    const localityId = localities.get(localityCode);
    const indicatorId = indicators.get(indicatorCode);
    if (!localityId) add(r.row, "locality", `unknown locality code '${localityCode}'`, `Mã địa bàn “${localityCode}” không tồn tại`);
    if (!indicatorId) add(r.row, "indicator", `unknown indicator code '${indicatorCode}'`, `Mã chỉ tiêu “${indicatorCode}” không tồn tại`);
    const year = Number(String(r.cells.year ?? "").trim());
    if (!Number.isInteger(year) || year < 1945 || year > 2100) add(r.row, "year", "the year must be a year such as 2026", "Năm phải là một năm, ví dụ 2026");
    const numbers: Record<"numerator" | "denominator" | "value", number | null> = { numerator: null, denominator: null, value: null };
    for (const key of ["numerator", "denominator", "value"] as const) {
      const parsed = parseNumberCell(r.cells[key] ?? null);
      if (!parsed.ok) add(r.row, key, "not a number", "Không phải là số (ví dụ 48,5 hoặc 1.234)");
      else numbers[key] = parsed.value;
    }
    if (problems.length === before)
      rows.push({ row: r.row, localityId: localityId!, indicatorId: indicatorId!, year, ...numbers, noteVi: r.cells.note ? String(r.cells.note).trim() || null : null });
  }
  if (problems.length) return { ok: false, problems };
  if (!rows.length) return { ok: false, problems: [{ row: 0, field: "file", column: "", message: { vi: "Tệp không có dòng số liệu nào", en: "the file has no figures" } }] };
  try {
    const result = await transaction(db, (tx) => importFigures(tx, rows, principal, filename));
    return { ok: true, rows: rows.length, ...result };
  } catch (e) {
    if (e instanceof FigureImportRefused) return { ok: false, problems: e.problems.map((p) => ({ ...p, column: headerOf(p.field) })) };
    throw e;
  }
}
