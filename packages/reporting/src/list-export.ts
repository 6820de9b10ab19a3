import { bodyCells, fitRowHeight, FONT, headerRow, newWorkbook, titleRow, toBuffer } from "./xlsx-util.js";

export type ListColumn = {
  /** Property of a row; dotted paths reach nested objects ("locality.nameVi"). */
  key: string;
  /** Column header, in Vietnamese. */
  header: string;
  /** Column width in characters (computed from the content when omitted). */
  width?: number;
};

export type ListExportOptions = {
  /** Worksheet name (31 characters at most; defaults to "Danh sách"). */
  sheetName?: string;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function pick(row: Record<string, unknown>, key: string): unknown {
  if (key in row) return row[key];
  let v: unknown = row;
  for (const part of key.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** A cell value for Excel: numbers stay numbers, dates (and ISO date strings) become dates, booleans "Có"/"Không". */
function toCell(v: unknown): { value: string | number | Date | null; kind: "number" | "date" | "datetime" | "text" | "empty" } {
  if (v === null || v === undefined || v === "") return { value: null, kind: "empty" };
  if (typeof v === "number") return Number.isFinite(v) ? { value: v, kind: "number" } : { value: null, kind: "empty" };
  if (typeof v === "bigint") return { value: Number(v), kind: "number" };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { value: null, kind: "empty" } : { value: v, kind: v.getUTCHours() || v.getUTCMinutes() ? "datetime" : "date" };
  if (typeof v === "boolean") return { value: v ? "Có" : "Không", kind: "text" };
  if (typeof v === "string") {
    // Dates as dates (UTC midnight for a day, so Excel shows the same day everywhere).
    if (ISO_DATE.test(v)) return { value: new Date(`${v}T00:00:00Z`), kind: "date" };
    if (ISO_DATETIME.test(v)) {
      const d = new Date(v);
      if (!Number.isNaN(d.getTime())) return { value: d, kind: "datetime" };
    }
    return { value: v, kind: "text" };
  }
  if (Array.isArray(v)) return { value: v.map((x) => (x !== null && typeof x === "object" ? JSON.stringify(x) : String(x))).join(", "), kind: "text" };
  return { value: JSON.stringify(v), kind: "text" };
}

/**
 * A generic XLSX of any list (the console's "Xuất Excel" buttons): an optional title row, a header row with the given
 * Vietnamese headers, one row per record; numbers are numbers, dates are dates (dd/mm/yyyy), booleans "Có"/"Không".
 */
export async function exportList(rows: Record<string, unknown>[], columns: ListColumn[], title?: string, options: ListExportOptions = {}): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet((options.sheetName ?? "Danh sách").slice(0, 31), { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  let r = 1;
  if (title) {
    titleRow(ws, r, Math.max(1, columns.length), title, 14);
    r += 2;
  }
  const headerRowNumber = r;
  headerRow(ws, headerRowNumber, columns.map((c) => c.header));
  ws.views = [{ state: "frozen", ySplit: headerRowNumber }];
  const widths = columns.map((c) => Math.max(8, c.header.length + 2));
  for (const row of rows) {
    r++;
    columns.forEach((c, i) => {
      const { value, kind } = toCell(pick(row, c.key));
      const cell = ws.getCell(r, i + 1);
      cell.value = value;
      if (kind === "date") cell.numFmt = "dd/mm/yyyy";
      if (kind === "datetime") cell.numFmt = "dd/mm/yyyy hh:mm";
      if (kind === "number") cell.numFmt = Number.isInteger(value) ? "#,##0" : "#,##0.0##";
      const length = kind === "text" ? String(value).length : kind === "empty" ? 0 : 12;
      widths[i] = Math.max(widths[i]!, Math.min(60, length + 2));
    });
    bodyCells(ws, r, columns.length);
  }
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? widths[i]));
  for (let row = headerRowNumber; row <= r; row++) fitRowHeight(ws, row, columns.length);
  if (rows.length) ws.autoFilter = { from: { row: headerRowNumber, column: 1 }, to: { row: headerRowNumber, column: columns.length } };
  ws.getRow(headerRowNumber).font = { name: FONT, size: 12, bold: true };
  return toBuffer(wb);
}
