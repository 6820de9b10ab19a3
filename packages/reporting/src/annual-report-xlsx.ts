import type { Db } from "@eduplan/db";
import { annualReportModel, targetCountsSentence, type AnnualReportModel, type AnnualReportOptions } from "./annual-report.js";
import { formatVietnameseDate, TASK_GROUP_VI } from "./format.js";
import { bodyCells, FONT, HEADER_FILL, headerRow, newWorkbook, titleRow, toBuffer, type Worksheet } from "./xlsx-util.js";

/*
 * The annual report as a workbook with the same tables as the DOCX: "Chỉ tiêu" (targets), "Nhiệm vụ" (counts by lead
 * agency), "Danh sách nhiệm vụ" (each task), "Đơn vị báo cáo" (units). Figures stay numbers where they are numbers.
 */

function titles(ws: Worksheet, m: AnnualReportModel, columns: number, subtitle: string): number {
  titleRow(ws, 1, columns, `${m.titleVi[0]} ${m.titleVi[1]}`.replace("BÁO CÁO Kết quả", "Báo cáo kết quả"), 14);
  titleRow(ws, 2, columns, `${m.issuer.nameVi} · ${m.placeDateLineVi}`, 11, false);
  titleRow(ws, 3, columns, subtitle, 12, true);
  ws.getRow(1).height = 36;
  return 5;
}

/** Thousands separator for counts (Excel shows it in the reader's locale: 1.234 in Vietnamese). */
const COUNT = "#,##0";

/** A result cell: a number, formatted by unit (rates as 46,6%, counts with thousands, yes/no as Có/Không). */
function resultCell(ws: Worksheet, r: number, c: number, value: number | null, unit: string): void {
  const cell = ws.getCell(r, c);
  if (value === null) {
    cell.value = null;
    return;
  }
  switch (unit) {
    case "percent":
      cell.value = value / 100;
      cell.numFmt = "0.0%";
      break;
    case "boolean":
      cell.value = value;
      cell.numFmt = '"Có";;"Không"';
      break;
    case "per10kInhabitants":
    case "ratio":
      cell.value = value;
      cell.numFmt = "#,##0.0";
      break;
    case "level":
      cell.value = value;
      cell.numFmt = '"Mức độ "0';
      break;
    default:
      cell.value = value;
      cell.numFmt = COUNT;
  }
}

/** The header row stays in view and is printed on every page. */
function keepHeader(ws: Worksheet, headerRowNumber: number): void {
  ws.views = [{ state: "frozen", ySplit: headerRowNumber }];
  ws.pageSetup.printTitlesRow = `${headerRowNumber}:${headerRowNumber}`;
}

function targetsSheet(ws: Worksheet, m: AnnualReportModel): void {
  const headers = ["STT", "Chỉ tiêu", `Mục tiêu đến năm ${m.targetYear}`, `Lộ trình năm ${m.year}`, `Kết quả năm ${m.year}`, "Đánh giá", "Lý do", "Tử số", "Mẫu số", "Số đơn vị"];
  [7, 50, 16, 22, 14, 18, 50, 12, 12, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let r = titles(ws, m, headers.length, "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
  headerRow(ws, r, headers);
  keepHeader(ws, r);
  for (const section of m.targetSections) {
    if (section.titleVi && m.targetSections.length > 1) {
      r++;
      ws.mergeCells(r, 1, r, headers.length);
      const c = ws.getCell(r, 1);
      c.value = section.titleVi;
      bodyCells(ws, r, headers.length);
      c.font = { name: FONT, size: 12, bold: true };
      c.fill = HEADER_FILL;
    }
    for (const row of section.rows) {
      r++;
      ws.getRow(r).values = [row.stt, row.nameVi, row.target, row.milestone, null, row.assessmentVi, row.reasonVi, row.numerator, row.denominator, row.contributors];
      resultCell(ws, r, 5, row.resultValue, row.unit);
      for (const c of [8, 9, 10]) ws.getCell(r, c).numFmt = COUNT;
      bodyCells(ws, r, headers.length);
      for (const c of [1, 3, 4, 5, 6]) ws.getCell(r, c).alignment = { horizontal: "center", vertical: "top", wrapText: true };
    }
  }
  r += 2;
  const t = m.targetCounts;
  ws.getCell(r, 2).value = `Tổng số ${t.total} chỉ tiêu: ${targetCountsSentence(t)}.`;
  ws.getCell(r, 2).font = { name: FONT, size: 12, italic: true };
}

function tasksSheet(ws: Worksheet, m: AnnualReportModel): void {
  const headers = ["STT", "Cơ quan chủ trì", "Số nhiệm vụ", TASK_GROUP_VI.completed, TASK_GROUP_VI.inProgress, TASK_GROUP_VI.notStarted];
  [7, 50, 14, 14, 16, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let r = titles(ws, m, headers.length, "II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ");
  headerRow(ws, r, headers);
  keepHeader(ws, r);
  const counts = (row: number) => [3, 4, 5, 6].forEach((c) => (ws.getCell(row, c).numFmt = COUNT));
  m.taskGroups.forEach((g, i) => {
    r++;
    ws.getRow(r).values = [i + 1, g.assigneeVi, g.tasks.length, g.counts.completed, g.counts.inProgress, g.counts.notStarted];
    counts(r);
    bodyCells(ws, r, headers.length);
  });
  r++;
  ws.getRow(r).values = ["", "Tổng số (mỗi nhiệm vụ tính một lần)", m.taskTotals.total, m.taskTotals.completed, m.taskTotals.inProgress, m.taskTotals.notStarted];
  counts(r);
  bodyCells(ws, r, headers.length);
  ws.getRow(r).font = { name: FONT, size: 12, bold: true };
}

function taskListSheet(ws: Worksheet, m: AnnualReportModel): void {
  const headers = ["STT", "Cơ quan chủ trì", "Nhiệm vụ", "Trạng thái"];
  [7, 34, 80, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let r = titles(ws, m, headers.length, `Danh sách nhiệm vụ năm ${m.year} theo cơ quan chủ trì`);
  headerRow(ws, r, headers);
  keepHeader(ws, r);
  let k = 0;
  for (const g of m.taskGroups)
    for (const t of g.tasks) {
      r++;
      ws.getRow(r).values = [++k, g.assigneeVi, t.titleVi, t.statusVi];
      bodyCells(ws, r, headers.length);
    }
}

function unitsSheet(ws: Worksheet, m: AnnualReportModel): void {
  const headers = ["STT", "Đơn vị", "Trạng thái", "Ngày gửi", "Quá hạn / nộp muộn", "Ghi chú"];
  [7, 36, 22, 14, 14, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let r = titles(ws, m, headers.length, "III. ĐƠN VỊ BÁO CÁO");
  headerRow(ws, r, headers);
  keepHeader(ws, r);
  m.units.forEach((u, i) => {
    r++;
    ws.getRow(r).values = [i + 1, u.nameVi, u.statusVi, u.submittedAt ? new Date(u.submittedAt) : null, u.late ? "Có" : "", u.noteVi];
    ws.getCell(r, 4).numFmt = "dd/mm/yyyy";
    bodyCells(ws, r, headers.length);
  });
  const s = m.consolidation.summary;
  r += 2;
  ws.getCell(r, 2).value =
    `Tổng số ${s.units} đơn vị (hạn gửi ${formatVietnameseDate(m.consolidation.deadline)}): đã duyệt ${s.approved}, chờ duyệt ${s.submitted}, ` +
    `bị trả lại ${s.returned}, đang soạn ${s.draft}, chưa báo cáo ${s.missing}; quá hạn hoặc nộp muộn ${s.late}.`;
  ws.getCell(r, 2).font = { name: FONT, size: 12, italic: true };
}

/** Lay a model out as a workbook. */
export async function annualReportXlsx(m: AnnualReportModel): Promise<Buffer> {
  const wb = newWorkbook();
  wb.title = `${m.titleVi[0]} ${m.titleVi[1]}`;
  const setup = { paperSize: 9, orientation: "landscape" as const, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  targetsSheet(wb.addWorksheet("Chỉ tiêu", { pageSetup: setup }), m);
  tasksSheet(wb.addWorksheet("Nhiệm vụ", { pageSetup: setup }), m);
  taskListSheet(wb.addWorksheet("Danh sách nhiệm vụ", { pageSetup: setup }), m);
  unitsSheet(wb.addWorksheet("Đơn vị báo cáo", { pageSetup: setup }), m);
  return toBuffer(wb);
}

/** The annual report as XLSX, with the same tables as `buildAnnualReportDocx`. */
export async function buildAnnualReportXlsx(db: Db, options: AnnualReportOptions): Promise<Buffer> {
  return annualReportXlsx(await annualReportModel(db, options));
}
