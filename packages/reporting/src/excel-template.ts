import { and, assertWritable, EduplanError, eq, first, inArray, RESOURCES, schema as s, transaction, type Db, type Principal } from "@eduplan/db";
import { WorkbookRefused, type UploadLimits } from "./upload-check.js";
import { openUnitReport, saveReportValues } from "@eduplan/cycle";
import { indicatorValueIssues, isReportEditable, rateOf, ratioScale, type IndicatorUnit, type ReportStatus } from "@eduplan/domain";
import { formatExpectation } from "@eduplan/domain";
import { primaryTargets, roadmapsOf, targetEvaluationInput, verdictOf } from "./evaluation.js";
import { formatTarget, formatValue, formatVietnameseDate, parseNumberCell, REPORT_STATUS_VI, unitLabel } from "./format.js";
import {
  applicablePlan,
  getLocality,
  getLocalityByCode,
  indicatorsById,
  periodFor,
  planTargets,
  unitReport,
  type Executor,
  type IndicatorRow,
  type LocalityRow,
  type PeriodRow,
  type ReportRow,
} from "./lookup.js";
import {
  bodyCells,
  cellRaw,
  cellText,
  DISABLED_FILL,
  FONT,
  headerRow,
  INPUT_FILL,
  isFormula,
  loadWorkbook,
  newWorkbook,
  titleRow,
  toBuffer,
  type Worksheet,
} from "./xlsx-util.js";

/** The version of the template layout; the importer refuses other versions. */
export const TEMPLATE_FORMAT_VERSION = "eduplan-report-template/1";
export const TEMPLATE_SHEET = "Báo cáo";
export const META_SHEET = "meta";

/** Columns of the template, in order (A…K). */
export const TEMPLATE_COLUMNS = {
  stt: { letter: "A", index: 1 },
  code: { letter: "B", index: 2 },
  name: { letter: "C", index: 3 },
  unit: { letter: "D", index: 4 },
  target: { letter: "E", index: 5 },
  milestone: { letter: "F", index: 6 },
  previous: { letter: "G", index: 7 },
  numerator: { letter: "H", index: 8 },
  denominator: { letter: "I", index: 9 },
  value: { letter: "J", index: 10 },
  comment: { letter: "K", index: 11 },
} as const;

export function templateHeaders(year: number, targetYear = 2030): string[] {
  return ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", `Chỉ tiêu ${targetYear}`, `Lộ trình năm ${year}`, `Kết quả năm ${year - 1}`, "Tử số", "Mẫu số", "Giá trị", "Ghi chú"];
}

export type ReportUnitOptions = { localityId: number; year: number };

export type TemplateRow = {
  indicator: IndicatorRow;
  targetText: string;
  milestoneText: string;
  previousText: string;
  /** Last year's approved figure as a number in the indicator's unit (a rate in %), for the sheet's number cell. */
  previousValue: number | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  commentVi: string | null;
  /** True when the indicator is not in the plan but the existing report has a value for it. */
  extra: boolean;
};

export type TemplateData = {
  unit: LocalityRow;
  year: number;
  plan: { id: number; code: string; number: string | null; titleVi: string; periodEnd: number | null } | null;
  period: PeriodRow | null;
  report: ReportRow | null;
  rows: TemplateRow[];
};

/** What the template for a unit and year holds: one row per indicator of the applicable plan, with existing values. */
export async function templateData(db: Executor, { localityId, year }: ReportUnitOptions): Promise<TemplateData> {
  const unit = await getLocality(db, localityId);
  const plan = await applicablePlan(db, localityId);
  const period = await periodFor(db, localityId, year);
  const report = period ? await unitReport(db, period.id, localityId) : null;
  const values = report ? await db.select().from(s.reportValues).where(eq(s.reportValues.reportId, report.id)) : [];
  const valueOf = new Map(values.map((v) => [v.indicatorId, v]));
  const targets = plan ? await planTargets(db, plan.id) : [];
  const indicatorIds = [...new Set([...targets.map((t) => t.indicatorId), ...values.map((v) => v.indicatorId)])];
  const indicators = await indicatorsById(db, indicatorIds);
  const roadmaps = await roadmapsOf(db, targets.map((t) => t.id));
  const primary = primaryTargets(targets);
  const previous = indicatorIds.length
    ? new Map(
        (
          await db
            .select()
            .from(s.indicatorValues)
            .where(and(eq(s.indicatorValues.localityId, localityId), eq(s.indicatorValues.year, year - 1), inArray(s.indicatorValues.indicatorId, indicatorIds)))
        ).map((v) => [v.indicatorId, v]),
      )
    : new Map<number, typeof s.indicatorValues.$inferSelect>();

  const order: number[] = [];
  const targetTexts = new Map<number, string[]>();
  const milestoneTexts = new Map<number, string>();
  for (const t of targets) {
    if (!targetTexts.has(t.indicatorId)) {
      order.push(t.indicatorId);
      targetTexts.set(t.indicatorId, []);
    }
    const ind = indicators.get(t.indicatorId)!;
    let text = formatTarget({ comparator: t.comparator, value: t.value, valueMax: t.valueMax }, ind.unit);
    if (t.targetYear !== null && plan?.periodEnd != null && t.targetYear !== plan.periodEnd) text += ` (năm ${t.targetYear})`;
    if (t.areaFlag === "isExtremelyDifficultArea") text += " (vùng ĐBKK)";
    const list = targetTexts.get(t.indicatorId)!;
    if (text && !list.includes(text)) list.push(text);
    // The roadmap figure of the year for the indicator's primary target: a milestone, or the straight line
    // (labelled as an estimate); none when the line would start from this very report.
    if (primary.get(t.indicatorId) === t && plan) {
      const input = await targetEvaluationInput(db, { target: t, indicator: ind, localityId, year, plan, milestones: roadmaps.get(t.id) });
      milestoneTexts.set(t.indicatorId, formatExpectation(verdictOf(input, null).expected, ind.unit, "vi", { maxDecimals: 1 }));
    }
  }
  const extras = values
    .map((v) => v.indicatorId)
    .filter((id) => !targetTexts.has(id))
    .sort((a, b) => indicators.get(a)!.code.localeCompare(indicators.get(b)!.code));

  const rows: TemplateRow[] = [...order, ...extras].map((id) => {
    const ind = indicators.get(id)!;
    const v = valueOf.get(id);
    const prev = previous.get(id);
    return {
      indicator: ind,
      targetText: (targetTexts.get(id) ?? []).join("; "),
      milestoneText: milestoneTexts.get(id) ?? "",
      previousText: prev ? formatValue(prev.value, ind.unit) : "",
      previousValue: prev?.value ?? null,
      numerator: v?.numerator ?? null,
      denominator: v?.denominator ?? null,
      value: v?.value ?? null,
      commentVi: v?.commentVi ?? null,
      extra: !targetTexts.has(id),
    };
  });
  return {
    unit,
    year,
    plan: plan ? { id: plan.id, code: plan.code, number: plan.number, titleVi: plan.titleVi, periodEnd: plan.periodEnd } : null,
    period,
    report,
    rows,
  };
}

const FIRST_DATA_ROW = 6;
const HEADER_ROW = 5;

function numberValidation(kind: "nonNegative" | "percent" | "boolean") {
  if (kind === "boolean")
    return {
      type: "whole" as const,
      operator: "between" as const,
      formulae: [0, 1],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: "Giá trị không hợp lệ",
      error: "Nhập 1 (có) hoặc 0 (không).",
    };
  if (kind === "percent")
    return {
      type: "decimal" as const,
      operator: "between" as const,
      formulae: [0, 100],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: "Giá trị không hợp lệ",
      error: "Nhập một số từ 0 đến 100.",
    };
  return {
    type: "decimal" as const,
    operator: "greaterThanOrEqual" as const,
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: "Giá trị không hợp lệ",
    error: "Nhập một số không âm (ví dụ 48,5).",
  };
}

/** Number formats of a figure in its unit: rates with one decimal, counts with thousands, yes/no as "Có"/"Không". */
function figureFormat(unit: string): string {
  switch (unit) {
    case "percent":
      return "0.0";
    case "per10kInhabitants":
    case "ratio":
      return "#,##0.0";
    case "boolean":
      return '"Có";;"Không"';
    case "level":
      return "0";
    default:
      return "#,##0.##";
  }
}

/** A submitted or approved report cannot be imported into: its template is for reading only. */
export function isTemplateLocked(data: Pick<TemplateData, "report" | "period">): boolean {
  return (!!data.report && !isReportEditable(data.report.status as ReportStatus)) || !!data.period?.isClosed;
}

/** The warning printed on the template of a locked report (and shown by the console on download). */
export function lockedTemplateWarning(data: Pick<TemplateData, "report" | "period" | "year">): { vi: string; en: string } | null {
  if (!isTemplateLocked(data)) return null;
  const status = data.report ? REPORT_STATUS_VI[data.report.status as ReportStatus] : "";
  return data.period?.isClosed
    ? { vi: `KỲ BÁO CÁO NĂM ${data.year} ĐÃ KHÓA SỔ: tệp này chỉ để xem, không nhập lại được.`, en: `The ${data.year} reporting period is closed: this file is for reading only and cannot be imported.` }
    : {
        vi: `BÁO CÁO ĐÃ KHÓA (${status.toLowerCase()}): tệp này chỉ để xem, không nhập lại được. Muốn sửa số liệu, đề nghị Sở trả lại hoặc mở lại báo cáo.`,
        en: `The report is locked (${data.report!.status}): this file is for reading only and cannot be imported. To change figures, ask for the report to be returned or reopened.`,
      };
}

function numeratorValidation(rowNumber: number, percent: boolean) {
  const H = `${TEMPLATE_COLUMNS.numerator.letter}${rowNumber}`;
  const I = `${TEMPLATE_COLUMNS.denominator.letter}${rowNumber}`;
  return {
    type: "custom" as const,
    formulae: [percent ? `AND(ISNUMBER(${H}),${H}>=0,OR(ISBLANK(${I}),${H}<=${I}))` : `AND(ISNUMBER(${H}),${H}>=0)`],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: "Giá trị không hợp lệ",
    error: percent ? "Tử số là một số không âm và không lớn hơn mẫu số." : "Nhập một số không âm (ví dụ 48,5).",
  };
}

function writeTemplateSheet(ws: Worksheet, data: TemplateData): void {
  const { unit, year, plan, period, report, rows } = data;
  const locked = isTemplateLocked(data);
  const targetYear = plan?.periodEnd ?? 2030;
  const widths = [6, 30, 48, 12, 16, 14, 14, 12, 12, 12, 30];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  titleRow(ws, 1, 11, `Báo cáo kết quả thực hiện chỉ tiêu năm ${year} — ${unit.nameVi}`, 14);
  const planLine = plan ? `Kế hoạch: ${plan.number ? `${plan.number} — ` : ""}${plan.titleVi}` : "Chưa có kế hoạch áp dụng";
  titleRow(ws, 2, 11, planLine, 11, false);
  const statusLine = [
    period ? `Hạn gửi báo cáo: ${formatVietnameseDate(period.deadline)}` : `Chưa mở kỳ báo cáo năm ${year}`,
    `Trạng thái: ${report ? REPORT_STATUS_VI[report.status as ReportStatus] : REPORT_STATUS_VI.missing}`,
  ].join(" · ");
  titleRow(ws, 3, 11, statusLine, 11, false);
  titleRow(
    ws,
    4,
    11,
    lockedTemplateWarning(data)?.vi ??
      "Nhập số liệu vào các ô màu vàng (có thể gõ 48,5). Chỉ tiêu tỷ lệ: nhập Tử số và Mẫu số, Giá trị được tính tự động. Trang tính được khóa: không chèn, xóa hay di chuyển cột.",
    10,
    false,
  );
  ws.getCell(4, 1).font = locked ? { name: FONT, size: 11, bold: true, color: { argb: "FFC00000" } } : { name: FONT, size: 10, italic: true };
  ws.getRow(2).height = 30;
  headerRow(ws, HEADER_ROW, templateHeaders(year, targetYear));
  ws.getCell(HEADER_ROW, TEMPLATE_COLUMNS.value.index).note = "Chỉ tiêu tỷ lệ: Giá trị = Tử số / Mẫu số × 100 (tính tự động). Chỉ tiêu khác: nhập trực tiếp.";
  ws.views = [{ state: "frozen", xSplit: 3, ySplit: HEADER_ROW }];
  // The indicator code is for the import, not for people: kept in a hidden, locked column.
  ws.getColumn(TEMPLATE_COLUMNS.code.index).hidden = true;
  ws.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;
  const input = (c: ReturnType<Worksheet["getCell"]>) => {
    c.fill = locked ? DISABLED_FILL : INPUT_FILL;
    c.protection = { locked };
  };

  rows.forEach((r, i) => {
    const rowNumber = FIRST_DATA_ROW + i;
    const row = ws.getRow(rowNumber);
    const unitCode = r.indicator.unit as IndicatorUnit;
    const isRatio = r.indicator.aggregation === "ratio";
    row.getCell(TEMPLATE_COLUMNS.stt.index).value = i + 1;
    row.getCell(TEMPLATE_COLUMNS.code.index).value = r.indicator.code;
    row.getCell(TEMPLATE_COLUMNS.name.index).value = r.indicator.nameVi;
    row.getCell(TEMPLATE_COLUMNS.unit.index).value = unitLabel(unitCode);
    row.getCell(TEMPLATE_COLUMNS.target.index).value = r.extra ? "(ngoài kế hoạch)" : r.targetText;
    row.getCell(TEMPLATE_COLUMNS.milestone.index).value = r.milestoneText;
    const previous = row.getCell(TEMPLATE_COLUMNS.previous.index);
    previous.value = r.previousValue;
    previous.numFmt = figureFormat(unitCode);
    row.getCell(TEMPLATE_COLUMNS.comment.index).value = r.commentVi ?? null;
    bodyCells(ws, rowNumber, 11);
    row.getCell(TEMPLATE_COLUMNS.stt.index).alignment = { horizontal: "center", vertical: "top" };
    const num = row.getCell(TEMPLATE_COLUMNS.numerator.index);
    const den = row.getCell(TEMPLATE_COLUMNS.denominator.index);
    const val = row.getCell(TEMPLATE_COLUMNS.value.index);
    const comment = row.getCell(TEMPLATE_COLUMNS.comment.index);
    input(comment);
    if (isRatio) {
      num.value = r.numerator;
      den.value = r.denominator;
      for (const c of [num, den]) {
        input(c);
        c.numFmt = "#,##0.##";
      }
      // Numerator and denominator not negative, and for a percentage the numerator not above the denominator.
      num.dataValidation = numeratorValidation(rowNumber, unitCode === "percent");
      den.dataValidation = numberValidation("nonNegative");
      const scale = ratioScale(unitCode);
      const H = `${TEMPLATE_COLUMNS.numerator.letter}${rowNumber}`;
      const I = `${TEMPLATE_COLUMNS.denominator.letter}${rowNumber}`;
      const result = rateOf(r.numerator, r.denominator, unitCode) ?? "";
      val.value = { formula: `IF(AND(ISNUMBER(${H}),ISNUMBER(${I}),${I}>0),${H}/${I}*${scale},"")`, result } as never;
      val.numFmt = figureFormat(unitCode);
      val.fill = DISABLED_FILL;
      const measure = r.indicator.measure;
      if (measure) {
        num.note = `Tử số: ${measure.numeratorVi}`;
        den.note = `Mẫu số: ${measure.denominatorVi}`;
      }
      val.note = `Tự động tính: Tử số / Mẫu số × ${scale}`;
    } else {
      num.fill = DISABLED_FILL;
      den.fill = DISABLED_FILL;
      val.value = r.value;
      input(val);
      val.numFmt = unitCode === "boolean" ? "0" : "#,##0.##";
      val.dataValidation = numberValidation(unitCode === "boolean" ? "boolean" : unitCode === "percent" ? "percent" : "nonNegative");
      if (unitCode === "boolean") val.note = "Nhập 1 nếu đạt / có, 0 nếu chưa.";
      if (unitCode === "level") val.note = "Nhập mức độ đạt được (ví dụ 2 hoặc 3).";
    }
  });
}

function writeMetaSheet(ws: Worksheet, data: TemplateData): void {
  const rows: (string | number | null)[][] = [
    ["formatVersion", TEMPLATE_FORMAT_VERSION],
    ["localityId", data.unit.id],
    ["localityCode", data.unit.code],
    ["localityName", data.unit.nameVi],
    ["year", data.year],
    ["periodId", data.period?.id ?? null],
    // The report's version when the template was made: an import over a report changed since then is a conflict.
    ["reportVersion", data.report?.version ?? 0],
    ["planCode", data.plan?.code ?? null],
    ["generatedAt", new Date().toISOString()],
    ["firstDataRow", FIRST_DATA_ROW],
    ...data.rows.map((r, i) => ["indicator", r.indicator.code, FIRST_DATA_ROW + i]),
  ];
  rows.forEach((r) => ws.addRow(r));
}

/**
 * A prefilled XLSX for one reporting unit and year: sheet "Báo cáo" (title, plan, deadline and status, header, one row
 * per indicator of the applicable plan with the existing report values, validated input cells, the rate as a formula)
 * and a hidden sheet "meta" (format version, unit, year, indicator codes).
 */
export async function exportReportTemplate(db: Db, options: ReportUnitOptions): Promise<Buffer> {
  const data = await templateData(db, options);
  const wb = newWorkbook();
  wb.title = `Báo cáo năm ${data.year} — ${data.unit.nameVi}`;
  const ws = wb.addWorksheet(TEMPLATE_SHEET, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  writeTemplateSheet(ws, data);
  // Only the input cells are unlocked; rows and columns cannot be inserted, deleted or sorted. No password: the
  // protection prevents mistakes, not a determined user (whatever they change, the import checks the file).
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, formatCells: false, insertRows: false, insertColumns: false, deleteRows: false, deleteColumns: false, sort: false, autoFilter: false });
  // "veryHidden": the meta sheet cannot be unhidden from Excel's menus.
  const meta = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  writeMetaSheet(meta, data);
  await meta.protect("", { selectLockedCells: false, selectUnlockedCells: false });
  return toBuffer(wb);
}

// ---------------------------------------------------------------------------------------------------------------
// Import

/**
 * The template's header row, found by its "Mã chỉ tiêu" cell, so that a title row added or removed does not shift
 * the data; 0 when there is none.
 */
export function templateHeaderRow(ws: Worksheet): number {
  for (let r = 1; r <= Math.min(ws.rowCount, 30); r++)
    if (cellText(ws.getRow(r).getCell(TEMPLATE_COLUMNS.code.index).value).toLowerCase() === "mã chỉ tiêu") return r;
  return 0;
}

/** The template's data rows below the header: row number and indicator code. */
export function templateDataRows(ws: Worksheet): { row: number; code: string }[] {
  const out: { row: number; code: string }[] = [];
  for (let r = templateHeaderRow(ws) + 1; r <= ws.rowCount; r++) {
    const code = cellText(ws.getRow(r).getCell(TEMPLATE_COLUMNS.code.index).value);
    if (code) out.push({ row: r, code });
  }
  return out;
}

export type ImportError = {
  /** The sheet the problem is on ("Báo cáo" or "meta"). */
  sheet: string;
  /** 1-based row number as Excel shows it; 0 for problems with the file as a whole. */
  row: number;
  /** Column letter as Excel shows it ("H"); "" for problems with a whole row or the file. */
  column: string;
  /** The column's header ("Tử số"), for messages. */
  header: string;
  message: { vi: string; en: string };
};

export type ImportResult = { ok: true; reportId: number; written: number; created: boolean } | { ok: false; errors: ImportError[] };

/** Who imports: the reporting cycle checks their role, area and the report's lock and version. */
export type ImportActor = Principal;

const templateOutdated = () =>
  new EduplanError("conflict", {
    vi: "Báo cáo đã được cập nhật sau khi bạn tải mẫu này. Hãy tải lại mẫu báo cáo rồi nhập số liệu vào tệp mới. Không có số liệu nào được ghi.",
    en: "The report was changed after this template was downloaded. Download the template again and fill the new file. Nothing was written.",
  });

export type ImportOptions = {
  actor: ImportActor;
  /** Called with fractions in (0, 1], increasing, ending with 1 — for a progress bar on large files. */
  onProgress?: (fraction: number) => void;
  /** Limits of the check before parsing (./upload-check.ts); the defaults when absent. */
  uploadLimits?: Partial<UploadLimits>;
};

type ParsedRow = { row: number; indicator: IndicatorRow; numerator: number | null; denominator: number | null; value: number | null; commentVi: string | null };

const HEADER_OF: Record<string, string> = { B: "Mã chỉ tiêu", H: "Tử số", I: "Mẫu số", J: "Giá trị", K: "Ghi chú" };

function err(sheet: string, row: number, column: string, en: string, vi: string): ImportError {
  return { sheet, row, column, header: HEADER_OF[column] ?? "", message: { vi: row > 0 ? `Dòng ${row}${column ? `, cột ${column}${HEADER_OF[column] ? ` (${HEADER_OF[column]})` : ""}` : ""}: ${vi}` : vi, en } };
}

type Meta = {
  unit: LocalityRow;
  year: number;
  period: PeriodRow;
  reportVersion: number;
  /** The indicators the template was made with (its rows); null for a template that does not list them. */
  codes: Set<string> | null;
};

async function readMeta(db: Executor, ws: Worksheet | undefined, principal: Principal): Promise<{ meta: Meta | null; errors: ImportError[] }> {
  if (!ws)
    return {
      meta: null,
      errors: [err(META_SHEET, 0, "", "the file has no 'meta' sheet: export the template from EduPlan and fill that file", "Tệp không có trang “meta”: hãy tải mẫu báo cáo từ EduPlan và nhập số liệu vào chính tệp đó")],
    };
  const kv = new Map<string, unknown>();
  const codes = new Set<string>();
  ws.eachRow((row) => {
    const key = cellText(row.getCell(1).value);
    if (key === "indicator") codes.add(cellText(row.getCell(2).value));
    else if (key && !kv.has(key)) kv.set(key, cellRaw(row.getCell(2).value));
  });
  const errors: ImportError[] = [];
  const version = kv.get("formatVersion");
  if (version !== TEMPLATE_FORMAT_VERSION)
    errors.push(err(META_SHEET, 0, "", `unsupported template version '${String(version ?? "")}' (expected ${TEMPLATE_FORMAT_VERSION})`, `Phiên bản mẫu “${String(version ?? "")}” không được hỗ trợ; hãy tải mẫu mới`));
  const year = Number(kv.get("year"));
  if (!Number.isInteger(year) || year < 1945 || year > 2100) errors.push(err(META_SHEET, 0, "", "the template names no valid year", "Mẫu không ghi năm báo cáo hợp lệ"));
  const code = kv.get("localityCode");
  const id = Number(kv.get("localityId"));
  // Codes are stable across installations; ids only within one database.
  const unit =
    (typeof code === "string" && code ? await getLocalityByCode(db, code) : undefined) ??
    (Number.isInteger(id) ? await first(db.select().from(s.localities).where(eq(s.localities.id, id))) : undefined);
  if (!unit) errors.push(err(META_SHEET, 0, "", `the reporting unit '${String(code ?? id)}' does not exist`, `Đơn vị báo cáo “${String(code ?? id)}” không tồn tại`));
  if (errors.length || !unit) return { meta: null, errors };
  // The user's area before anything else about the unit (its periods, its report) is looked at.
  await assertWritable(db, RESOURCES.reports, principal, { localityId: unit.id });
  const period = await periodFor(db, unit.id, year);
  if (!period) return { meta: null, errors: [err(META_SHEET, 0, "", `no reporting period is open for ${year} for ${unit.nameVi}`, `Chưa có kỳ báo cáo năm ${year} cho ${unit.nameVi}`)] };
  if (period.isClosed) return { meta: null, errors: [err(META_SHEET, 0, "", `the reporting period ${year} is closed`, `Kỳ báo cáo năm ${year} đã khóa sổ`)] };
  return { meta: { unit, year, period, reportVersion: Number(kv.get("reportVersion") ?? 0), codes: codes.size ? codes : null }, errors: [] };
}

function lockedError(status: string): EduplanError {
  return new EduplanError("locked", {
    vi: `Báo cáo đang ở trạng thái “${REPORT_STATUS_VI[status as ReportStatus] ?? status}” nên bị khóa; chỉ nhập được khi báo cáo là bản nháp hoặc bị trả lại. Không có số liệu nào được ghi.`,
    en: `The report is ${status} and therefore locked; it can only be filled while a draft or returned. Nothing was written.`,
  });
}


/** The header labels the import reads by position; the year columns are matched whatever their year. */
const EXPECTED_HEADERS: { letter: string; label: string | RegExp; name?: string; optional?: boolean }[] = [
  { letter: "A", label: "STT" },
  { letter: "B", label: "Mã chỉ tiêu" },
  { letter: "C", label: "Chỉ tiêu" },
  { letter: "D", label: "Đơn vị tính" },
  { letter: "E", label: /^Chỉ tiêu \d{4}$/u, name: "Chỉ tiêu <năm>" },
  { letter: "F", label: /^Lộ trình năm \d{4}$/u, name: "Lộ trình năm <năm>" },
  { letter: "G", label: /^Kết quả năm \d{4}$/u, name: "Kết quả năm <năm>" },
  { letter: "H", label: "Tử số" },
  { letter: "I", label: "Mẫu số" },
  { letter: "J", label: "Giá trị" },
  // The last column may be missing (deleted): the stored comments are then kept as they are.
  { letter: "K", label: "Ghi chú", optional: true },
];

/** The header row: the first row (of the first 30) with "Mã chỉ tiêu" or "Tử số" in any column; 0 when none. */
function findHeaderRow(ws: Worksheet): number {
  for (let r = 1; r <= Math.min(ws.rowCount, 30); r++) {
    const texts = (ws.getRow(r).values as unknown[]).map((v) => cellText(v as never).toLowerCase());
    if (texts.includes("mã chỉ tiêu") || texts.includes("tử số")) return r;
  }
  return 0;
}

/**
 * Check the header labels, column by column: a file whose columns were moved, inserted or deleted is refused with
 * ONE error naming what is where (never a cascade of row errors). Returns whether the comment column is present.
 */
function checkHeaders(ws: Worksheet, headerRow: number): { error: ImportError | null; hasComment: boolean } {
  const problems: { en: string; vi: string }[] = [];
  let hasComment = true;
  for (const h of EXPECTED_HEADERS) {
    const text = cellText(ws.getCell(`${h.letter}${headerRow}`).value);
    const ok = typeof h.label === "string" ? text.toLowerCase() === h.label.toLowerCase() : h.label.test(text);
    if (ok) continue;
    if (h.optional && text === "") {
      hasComment = false;
      continue;
    }
    const want = typeof h.label === "string" ? h.label : h.name!;
    problems.push({
      vi: `cột ${h.letter} phải là “${want}”${text ? ` nhưng là “${text}”` : " nhưng đang trống"}`,
      en: `column ${h.letter} should be '${want}'${text ? ` but is '${text}'` : " but is empty"}`,
    });
  }
  // Anything right of the last column is a column inserted or moved there.
  const extra = cellText(ws.getCell(`L${headerRow}`).value);
  if (extra) problems.push({ vi: `có thêm cột L “${extra}”`, en: `an extra column L '${extra}'` });
  if (!problems.length) return { error: null, hasComment };
  return {
    hasComment,
    error: {
      sheet: TEMPLATE_SHEET,
      row: headerRow,
      column: "",
      header: "",
      message: {
        vi: `Các cột của mẫu báo cáo đã bị thay đổi (${problems.map((p) => p.vi).join("; ")}). Hãy tải lại mẫu từ EduPlan và nhập số liệu mà không chèn, xóa hay di chuyển cột. Không có số liệu nào được ghi.`,
        en: `The template's columns were changed (${problems.map((p) => p.en).join("; ")}). Download the template again from EduPlan and fill it without inserting, deleting or moving columns. Nothing was written.`,
      },
    },
  };
}

const YES = new Set(["co", "có", "x", "đạt", "dat", "yes"]);
const NO = new Set(["khong", "không", "chưa", "chua", "no"]);

function parseRow(
  ws: Worksheet,
  rowNumber: number,
  indicatorsByCode: Map<string, IndicatorRow>,
  seen: Map<string, number>,
  errors: ImportError[],
  storedComments: Map<number, string | null>,
  template: { codes: Set<string> | null; hasComment: boolean },
): ParsedRow | null {
  const row = ws.getRow(rowNumber);
  const C = TEMPLATE_COLUMNS;
  const code = cellText(row.getCell(C.code.index).value);
  const rawNum = cellRaw(row.getCell(C.numerator.index).value);
  const rawDen = cellRaw(row.getCell(C.denominator.index).value);
  const valueCell = row.getCell(C.value.index).value;
  // The template's rate formula (and its possibly stale cached result) is not an input.
  let rawVal = isFormula(valueCell) ? null : cellRaw(valueCell);
  // Without a comment column nothing is known of the comments: each keeps what is stored.
  let comment = template.hasComment ? cellText(row.getCell(C.comment.index).value) || null : null;
  const blank = (x: unknown) => x === null || x === undefined || (typeof x === "string" && x.trim() === "");
  if (!code) {
    if ([rawNum, rawDen, rawVal].every(blank)) return null;
    errors.push(err(TEMPLATE_SHEET, rowNumber, "B", "figures without an indicator code", "Có số liệu nhưng thiếu mã chỉ tiêu"));
    return null;
  }
  const indicator = indicatorsByCode.get(code);
  if (!indicator) {
    errors.push(err(TEMPLATE_SHEET, rowNumber, "B", `unknown indicator code '${code}'`, `Mã chỉ tiêu “${code}” không tồn tại`));
    return null;
  }
  // A row pasted from another unit's file: an indicator this unit's template does not have.
  if (template.codes && !template.codes.has(code)) {
    errors.push(
      err(
        TEMPLATE_SHEET,
        rowNumber,
        "B",
        `indicator '${code}' (${indicator.nameVi}) is not in this unit's template (pasted from another file?): delete the row`,
        `Chỉ tiêu “${indicator.nameVi}” (${code}) không có trong mẫu báo cáo của đơn vị này (có thể dán từ tệp của đơn vị khác): hãy xóa dòng này`,
      ),
    );
    return null;
  }
  if (!template.hasComment) comment = storedComments.get(indicator.id) ?? null;
  const before = errors.length;
  if (seen.has(code)) errors.push(err(TEMPLATE_SHEET, rowNumber, "B", `indicator '${code}' already appears on row ${seen.get(code)}`, `Chỉ tiêu “${code}” đã có ở dòng ${seen.get(code)}`));
  else seen.set(code, rowNumber);
  const unit = indicator.unit as IndicatorUnit;
  const isRatio = indicator.aggregation === "ratio";
  // Elsewhere a formula someone typed counts by its result.
  if (!isRatio && isFormula(valueCell)) rawVal = cellRaw(valueCell);
  // A comment prefilled from the report, left beside cleared figures, is not new input.
  const newComment = comment !== null && comment !== (storedComments.get(indicator.id) ?? null);

  const number = (raw: unknown, column: "H" | "I" | "J"): number | null => {
    if (column === "J" && unit === "boolean" && typeof raw === "string") {
      const t = raw.trim().toLowerCase();
      if (YES.has(t)) return 1;
      if (NO.has(t)) return 0;
    }
    if (typeof raw === "boolean") return raw ? 1 : 0;
    const parsed = parseNumberCell(raw);
    if (!parsed.ok) {
      errors.push(err(TEMPLATE_SHEET, rowNumber, column, `'${String(raw)}' is not a number`, `“${String(raw)}” không phải là số (ví dụ hợp lệ: 48,5)`));
      return null;
    }
    if (parsed.value !== null && parsed.value < 0) {
      errors.push(err(TEMPLATE_SHEET, rowNumber, column, `${HEADER_OF[column]!.toLowerCase()} must not be negative`, `${HEADER_OF[column]} không được âm`));
      return null;
    }
    return parsed.value;
  };

  let numerator: number | null = null;
  let denominator: number | null = null;
  let value: number | null = null;
  if (isRatio) {
    numerator = number(rawNum, "H");
    denominator = number(rawDen, "I");
    const hasNum = !blank(rawNum);
    const hasDen = !blank(rawDen);
    if (!hasNum && !hasDen && blank(rawVal)) {
      if (!newComment) return null; // not reported: leave as is
      errors.push(err(TEMPLATE_SHEET, rowNumber, "H", "a comment without figures: enter numerator and denominator, or clear the comment", "Có ghi chú nhưng chưa nhập tử số và mẫu số"));
      return null;
    }
    if (errors.length > before) return null;
    if (!hasNum || !hasDen) {
      const column = hasNum ? "I" : "H";
      errors.push(err(TEMPLATE_SHEET, rowNumber, column, "a rate needs both numerator and denominator", "Chỉ tiêu tỷ lệ cần nhập cả tử số và mẫu số"));
      return null;
    }
    if (denominator === 0 && (numerator ?? 0) > 0) {
      errors.push(err(TEMPLATE_SHEET, rowNumber, "I", "denominator must be positive", "Mẫu số phải lớn hơn 0"));
      return null;
    }
  } else {
    value = number(rawVal, "J");
    if (blank(rawVal) && !newComment) {
      if (!blank(rawNum) || !blank(rawDen)) {
        errors.push(err(TEMPLATE_SHEET, rowNumber, "J", "this indicator is not a rate: enter its value in 'Giá trị'", "Chỉ tiêu này không phải tỷ lệ: nhập số liệu vào cột Giá trị"));
        return null;
      }
      return null;
    }
    if (errors.length > before) return null;
    if (value === null) {
      errors.push(err(TEMPLATE_SHEET, rowNumber, "J", "a comment without a value: enter the value or clear the comment", "Có ghi chú nhưng chưa nhập giá trị"));
      return null;
    }
    if (unit === "boolean" && value !== 0 && value !== 1) {
      errors.push(err(TEMPLATE_SHEET, rowNumber, "J", "enter 1 (yes) or 0 (no)", "Nhập 1 (có/đạt) hoặc 0 (không/chưa đạt)"));
      return null;
    }
  }
  const COLUMN_OF: Record<string, "H" | "I" | "J"> = { numerator: "H", denominator: "I", value: "J" };
  for (const issue of indicatorValueIssues({ numerator, denominator, value }, indicator)) {
    const column = COLUMN_OF[String(issue.path[0])] ?? "J";
    errors.push(err(TEMPLATE_SHEET, rowNumber, column, issue.en, issue.vi));
  }
  if (errors.length > before) return null;
  return { row: rowNumber, indicator, numerator, denominator, value, commentVi: comment };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Import a filled template. The whole file is validated first; if any row fails, `{ ok: false, errors }` lists every
 * problem (row, column, bilingual message) and nothing is written. Otherwise, in one transaction, the unit's report for
 * the year is created (as a draft) when missing and its values are upserted; rows left blank keep their existing
 * values. A submitted or approved report is locked: an `EduplanError` with reason "locked" is thrown, nothing written.
 */
export async function importReportWorkbook(db: Db, buffer: Buffer | Uint8Array | ArrayBuffer, options: ImportOptions): Promise<ImportResult> {
  let last = 0;
  const progress = (fraction: number) => {
    const f = Math.min(1, Math.max(0, fraction));
    if (options.onProgress && (f > last || (f === 1 && last < 1))) {
      last = f;
      options.onProgress(f);
    }
  };
  let wb;
  try {
    wb = await loadWorkbook(buffer, options.uploadLimits);
  } catch (e) {
    if (e instanceof WorkbookRefused) return { ok: false, errors: [{ sheet: "", row: 0, column: "", header: "", message: e.problem }] };
    return { ok: false, errors: [err(TEMPLATE_SHEET, 0, "", "the file is not a readable XLSX workbook", "Tệp không phải bảng tính Excel (.xlsx) đọc được")] };
  }
  progress(0.05);
  const { meta, errors: metaErrors } = await readMeta(db, wb.getWorksheet(META_SHEET), options.actor);
  if (!meta) return { ok: false, errors: metaErrors };
  const existingReport = await unitReport(db, meta.period.id, meta.unit.id);
  if (existingReport && !isReportEditable(existingReport.status as ReportStatus)) throw lockedError(existingReport.status);

  const ws = wb.getWorksheet(TEMPLATE_SHEET) ?? wb.worksheets.find((w) => w.state !== "hidden" && w.name !== META_SHEET);
  if (!ws) return { ok: false, errors: [err(TEMPLATE_SHEET, 0, "", "the file has no 'Báo cáo' sheet", "Tệp không có trang “Báo cáo”")] };
  const headerRowNumber = findHeaderRow(ws);
  if (!headerRowNumber) return { ok: false, errors: [err(TEMPLATE_SHEET, 0, "", "the header row (with 'Mã chỉ tiêu' in column B) is missing", "Không tìm thấy dòng tiêu đề (cột B “Mã chỉ tiêu”)")] };
  const headers = checkHeaders(ws, headerRowNumber);
  if (headers.error) return { ok: false, errors: [headers.error] };
  const template = { codes: meta.codes, hasComment: headers.hasComment };

  const indicatorsByCode = new Map((await db.select().from(s.indicators)).map((i) => [i.code, i]));
  const storedComments = new Map(
    existingReport
      ? (
          await db
            .select({ indicatorId: s.reportValues.indicatorId, commentVi: s.reportValues.commentVi })
            .from(s.reportValues)
            .where(eq(s.reportValues.reportId, existingReport.id))
        ).map((v) => [v.indicatorId, v.commentVi])
      : [],
  );
  const errors: ImportError[] = [];
  const parsed: ParsedRow[] = [];
  const seen = new Map<string, number>();
  const first = headerRowNumber + 1;
  const lastRow = ws.rowCount;
  const total = Math.max(1, lastRow - first + 1);
  for (let r = first; r <= lastRow; r++) {
    const p = parseRow(ws, r, indicatorsByCode, seen, errors, storedComments, template);
    if (p) parsed.push(p);
    const done = r - first + 1;
    if (done % 50 === 0 || r === lastRow) {
      progress(0.05 + 0.45 * (done / total));
      await tick(); // let a server flush progress to the console between chunks
    }
  }
  if (errors.length) return { ok: false, errors };

  const result = await transaction(db, async (tx) => {
    const { report, created } = await openUnitReport(tx, meta.unit.id, meta.year, options.actor);
    if ((created ? 0 : report.version) !== meta.reportVersion) throw templateOutdated();
    const rows = parsed.map((p) => ({ indicatorId: p.indicator.id, numerator: p.numerator, denominator: p.denominator, value: p.value, commentVi: p.commentVi }));
    await saveReportValues(tx, report.id, rows, report.version, options.actor);
    return { reportId: report.id, written: parsed.length, created };
  });
  progress(1);
  return { ok: true, ...result };
}
