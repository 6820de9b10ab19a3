import { parseVietnameseNumber, type Comparator, type IndicatorUnit, type ReportStatus, type TaskStatus } from "@eduplan/domain";

/*
 * Pure helpers: Vietnamese number formatting ("48,5%", "1.234,5") and lenient parsing of what people type into a
 * spreadsheet cell ("48,5", 48.5, "1.234", "48.5"). Labels of units, comparators, statuses and assessments.
 */

/** "1234.5" → "1.234,5"; at most `maxDecimals` decimals, trailing zeros dropped. */
export function formatVietnameseNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return "";
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(value * factor) / factor;
  const negative = rounded < 0;
  const [int, frac] = Math.abs(rounded).toFixed(maxDecimals).split(".") as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const decimals = (frac ?? "").replace(/0+$/, "");
  return `${negative ? "-" : ""}${grouped}${decimals ? `,${decimals}` : ""}`;
}

/** 48.5 → "48,5%". */
export function formatPercent(value: number, maxDecimals = 2): string {
  return `${formatVietnameseNumber(value, maxDecimals)}%`;
}

/** A value in its unit: "48,5%", "155 SV/vạn dân", "Có", "Mức độ 3", "1.234". Null → "". */
export function formatValue(value: number | null | undefined, unit: IndicatorUnit | string, maxDecimals = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  switch (unit) {
    case "percent":
      return formatPercent(value, maxDecimals);
    case "boolean":
      return value >= 1 ? "Có" : "Không";
    case "level":
      return `Mức độ ${formatVietnameseNumber(value, maxDecimals)}`;
    case "per10kInhabitants":
      return `${formatVietnameseNumber(value, maxDecimals)}/10.000 dân`;
    case "vnd":
      return `${formatVietnameseNumber(value, 0)} đồng`;
    default:
      return formatVietnameseNumber(value, maxDecimals);
  }
}

/** The unit column ("Đơn vị tính"). */
export const UNIT_LABEL_VI: Record<IndicatorUnit, string> = {
  percent: "%",
  per10kInhabitants: "Số/10.000 dân",
  count: "Số lượng",
  level: "Mức độ",
  boolean: "Có/Không",
  ratio: "Tỷ số",
  vnd: "Đồng",
  other: "",
};

export function unitLabel(unit: string): string {
  return UNIT_LABEL_VI[unit as IndicatorUnit] ?? unit;
}

/**
 * A target as the documents state it: "≥ 48,5%", "< 8%", "35% – 40%", "Duy trì mức độ 2", "Đạt". Used in the
 * "Chỉ tiêu 2030" / "Mục tiêu đến năm 2030" columns.
 */
export function formatTarget(t: { comparator: Comparator | string; value: number | null; valueMax: number | null }, unit: IndicatorUnit | string): string {
  const v = (x: number | null) => formatValue(x, unit);
  switch (t.comparator) {
    case "gte":
      return t.value === null ? "" : `≥ ${v(t.value)}`;
    case "gt":
      return t.value === null ? "" : `> ${v(t.value)}`;
    case "lte":
      return t.value === null ? "" : `≤ ${v(t.value)}`;
    case "lt":
      return t.value === null ? "" : `< ${v(t.value)}`;
    case "eq":
      return t.value === null ? "" : v(t.value);
    case "range":
      return t.value === null || t.valueMax === null ? "" : `${v(t.value)} – ${v(t.valueMax)}`;
    case "maintain":
      return t.value === null ? "Duy trì" : `Duy trì ${unit === "level" ? v(t.value).toLowerCase() : v(t.value)}`;
    case "achieve":
      return t.value === null || unit === "boolean" ? "Đạt" : `Đạt ${unit === "level" ? v(t.value).toLowerCase() : v(t.value)}`;
    default:
      return t.value === null ? "" : v(t.value);
  }
}

/** A roadmap milestone: "50%" or "35% – 40%". */
export function formatMilestone(m: { value: number; valueMax: number | null } | null | undefined, unit: IndicatorUnit | string): string {
  if (!m) return "";
  return m.valueMax !== null && m.valueMax !== m.value ? `${formatValue(m.value, unit)} – ${formatValue(m.valueMax, unit)}` : formatValue(m.value, unit);
}

/** "2025-09-21" → "21/9/2025" (the way Vietnamese documents cite dates). */
export function formatVietnameseDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}/${Number(m[2])}/${m[1]}`;
}

/** "ngày 10 tháng 12 năm 2026"; without a date, the blanks a draft leaves: "ngày … tháng … năm 2026". */
export function formatDateLine(iso: string | null | undefined, year: number): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return `ngày … tháng … năm ${year}`;
  const day = Number(m[3]);
  const month = Number(m[2]);
  // Decree 30/2020: days below 10 and months below 3 take a leading zero.
  return `ngày ${day < 10 ? `0${day}` : day} tháng ${month < 3 ? `0${month}` : month} năm ${m[1]}`;
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

/**
 * A number from a spreadsheet cell: a number as is; text written the Vietnamese way ("48,5", "1.234,5") or, when
 * unambiguous, the English way ("48.5"); blanks are null. Spaces (also non-breaking) between digit groups are ignored.
 */
export function parseNumberCell(raw: unknown): ParsedNumber {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === "number") return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false };
  if (typeof raw !== "string") return { ok: false };
  const text = raw.replace(/[\s\u00a0\u202f]/g, "");
  if (text === "") return { ok: true, value: null };
  const vi = parseVietnameseNumber(text);
  if (vi !== null) return { ok: true, value: vi };
  // "48.5" cannot be a thousands separator (not followed by exactly three digits): read it as a decimal point.
  if (/^-?\d+\.\d+$/.test(text) && !/^-?\d{1,3}(\.\d{3})+$/.test(text)) return { ok: true, value: Number(text) };
  return { ok: false };
}

export const REPORT_STATUS_VI: Record<ReportStatus | "missing", string> = {
  missing: "Chưa báo cáo",
  draft: "Đang soạn (nháp)",
  submitted: "Đã gửi, chờ duyệt",
  returned: "Bị trả lại",
  approved: "Đã duyệt",
};

/** Task status as the annual report counts it. */
export type TaskProgressGroup = "completed" | "inProgress" | "notStarted";
export const TASK_GROUP_VI: Record<TaskProgressGroup, string> = {
  completed: "Hoàn thành",
  inProgress: "Đang thực hiện",
  notStarted: "Chưa thực hiện",
};
export function taskGroup(status: TaskStatus | string): TaskProgressGroup {
  if (status === "completed") return "completed";
  if (status === "inProgress" || status === "overdue") return "inProgress";
  return "notStarted";
}

/** The assessment column of the printable report. */
export type Assessment = "met" | "notMet" | "noData";
export const ASSESSMENT_VI: Record<Assessment, string> = { met: "Đạt", notMet: "Chưa đạt", noData: "Chưa có số liệu" };
