import ExcelJS from "exceljs";
import { assertWorkbookWithinLimits, type UploadLimits } from "./upload-check.js";

/* Small helpers over exceljs shared by the template, the list export and the annual report workbook. */

export { ExcelJS };
export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

export const FONT = "Times New Roman";

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "EduPlan";
  wb.created = new Date();
  return wb;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

/** Parse a workbook, after checking its entries, uncompressed size and cells (throws `WorkbookRefused`). */
export async function loadWorkbook(buffer: Buffer | Uint8Array | ArrayBuffer, limits: Partial<UploadLimits> = {}): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const data = buffer instanceof ArrayBuffer ? Buffer.from(buffer) : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  await assertWorkbookWithinLimits(data, limits);
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}

/** The plain value of a cell: a formula's cached result, rich text joined, hyperlinks' text. */
export function cellRaw(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("result" in value) return cellRaw((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("formula" in value || "sharedFormula" in value) return null;
  if ("richText" in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
  if ("text" in value) return (value as { text: string }).text;
  if ("error" in value) return null;
  return null;
}

/** Whether a cell holds a formula (the computed rate column). */
export function isFormula(value: ExcelJS.CellValue): boolean {
  return !!value && typeof value === "object" && !(value instanceof Date) && ("formula" in value || "sharedFormula" in value);
}

export function cellText(value: ExcelJS.CellValue): string {
  const raw = cellRaw(value);
  if (raw === null || raw === undefined) return "";
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return String(raw).trim();
}

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } };
export const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
export const DISABLED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };

/** A bold, centred title across `columns` columns of `row`. */
export function titleRow(ws: ExcelJS.Worksheet, row: number, columns: number, text: string, size = 14, bold = true): void {
  ws.mergeCells(row, 1, row, columns);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, size, bold };
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
}

/** A header row: bold, shaded, bordered, wrapped. */
export function headerRow(ws: ExcelJS.Worksheet, row: number, headers: string[]): void {
  headers.forEach((h, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = h;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  fitRowHeight(ws, row, headers.length);
}

/** Body style for a row of cells; the row's height fits its wrapped text when the columns have widths. */
export function bodyCells(ws: ExcelJS.Worksheet, row: number, columns: number): void {
  for (let c = 1; c <= columns; c++) {
    const cell = ws.getCell(row, c);
    cell.font = { name: FONT, size: 12, ...(cell.font?.bold ? { bold: true } : {}) };
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: "top", wrapText: true, ...(cell.alignment ?? {}) };
  }
  fitRowHeight(ws, row, columns);
}

/**
 * Set a row's height from the length of its text and its columns' widths: a file that sets no height is shown one line
 * high by some spreadsheet programs, whatever the wrapping. Merged cells and columns without a width are skipped.
 */
export function fitRowHeight(ws: ExcelJS.Worksheet, row: number, columns: number, pointsPerLine = 16): void {
  let lines = 1;
  for (let c = 1; c <= columns; c++) {
    const cell = ws.getCell(row, c);
    const width = ws.getColumn(c).width;
    if (!width || cell.isMerged) continue;
    const text = cellText(cell.value);
    if (!text) continue;
    const perLine = Math.max(1, width - 2);
    const n = text.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, n);
  }
  ws.getRow(row).height = Math.min(409, pointsPerLine * lines + 2);
}

export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
