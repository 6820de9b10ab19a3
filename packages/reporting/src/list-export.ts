import { formatTiming, TASK_TIMING_KINDS, toLocale } from "@eduplan/domain";
import { bodyCells, fitRowHeight, FONT, headerRow, newWorkbook, titleRow, toBuffer } from "./xlsx-util.js";

export type ListColumn = {
  /** Property of a row; dotted paths reach nested objects ("locality.nameVi"). */
  key: string;
  /** Column header, in Vietnamese. */
  header: string;
  /** Column width in characters (computed from the content when omitted). */
  width?: number;
  /** Labels of coded values in the user's language ("notStarted" → "Chưa thực hiện"); codes without one stay as they are. */
  labels?: Record<string, string>;
};

export type ListExportOptions = {
  /** Worksheet name (31 characters at most; defaults to "Danh sách"). */
  sheetName?: string;
  /** Language of generated texts (timings, yes/no): "vi" (default) or "en". */
  locale?: string;
  /** Time zone timestamps are shown in (a spreadsheet has none): Vietnam's by default. */
  timeZone?: string;
};

export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

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

/** Text a spreadsheet program would run as a formula once the cell is edited or saved as CSV (=, +, -, @, tab, CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Such text is written with a leading apostrophe, so it stays text (OWASP "CSV injection"). */
export function escapeFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const TIMING_KINDS = new Set<string>(TASK_TIMING_KINDS);

/** A timestamp's wall-clock time in a time zone, as a Date whose UTC fields hold it (spreadsheets have no zones). */
function wallClock(d: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).formatToParts(d);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")));
}

type Cell = { value: string | number | Date | null; kind: "number" | "date" | "datetime" | "text" | "empty" };

/**
 * A cell value for Excel: numbers stay numbers, dates (and ISO date strings) become dates, timestamps the local time,
 * booleans "Có"/"Không", a task's timing as the documents write it ("Năm 2026, hằng năm"), coded values their label.
 */
function toCell(v: unknown, column: ListColumn, options: ListExportOptions): Cell {
  const en = toLocale(options.locale) === "en";
  const text = (t: string): Cell => ({ value: escapeFormulaText(t), kind: "text" });
  if (v === null || v === undefined || v === "") return { value: null, kind: "empty" };
  if (typeof v === "number") return Number.isFinite(v) ? { value: v, kind: "number" } : { value: null, kind: "empty" };
  if (typeof v === "bigint") return { value: Number(v), kind: "number" };
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { value: null, kind: "empty" };
    return v.getUTCHours() || v.getUTCMinutes() ? { value: wallClock(v, timeZone), kind: "datetime" } : { value: v, kind: "date" };
  }
  if (typeof v === "boolean") return text(v ? (en ? "Yes" : "Có") : en ? "No" : "Không");
  if (typeof v === "string") {
    if (column.labels && Object.hasOwn(column.labels, v)) return text(column.labels[v]!);
    // Dates as dates (UTC midnight for a day, so Excel shows the same day everywhere).
    if (ISO_DATE.test(v)) return { value: new Date(`${v}T00:00:00Z`), kind: "date" };
    if (ISO_DATETIME.test(v)) {
      const d = new Date(v);
      if (!Number.isNaN(d.getTime())) return { value: wallClock(d, timeZone), kind: "datetime" };
    }
    return text(v);
  }
  if (Array.isArray(v)) return text(v.map((x) => (typeof x === "string" && column.labels?.[x] ? column.labels[x] : x !== null && typeof x === "object" ? JSON.stringify(x) : String(x))).join(", "));
  if (typeof v === "object" && TIMING_KINDS.has(String((v as { kind?: unknown }).kind))) return text(formatTiming(v, options.locale ?? "vi"));
  return text(JSON.stringify(v));
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
    titleRow(ws, r, Math.max(1, columns.length), escapeFormulaText(title), 14);
    r += 2;
  }
  const headerRowNumber = r;
  headerRow(ws, headerRowNumber, columns.map((c) => escapeFormulaText(c.header)));
  ws.views = [{ state: "frozen", ySplit: headerRowNumber }];
  const widths = columns.map((c) => Math.max(8, c.header.length + 2));
  for (const row of rows) {
    r++;
    columns.forEach((c, i) => {
      const { value, kind } = toCell(pick(row, c.key), c, options);
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
