import {
  formatCitationDate,
  formatNumber,
  parseVietnameseNumber,
  TARGET_STATE_LABELS,
  type ReportStatus,
  type TargetState,
  type TaskStatus,
} from "@eduplan/domain";

/*
 * The files' wording: the figures, targets and dates come from the domain's one formatter (re-exported here with the
 * Vietnamese defaults the files use); labels of units, statuses and assessments; lenient parsing of what people type
 * into a spreadsheet cell ("48,5", 48.5, "1.234", "48.5").
 */

export { formatDateLine, formatMilestone, formatPercent, formatTarget, formatValue, formatRange, formatCount } from "@eduplan/domain";

/** "1234.5" → "1.234,5"; at most `maxDecimals` decimals, trailing zeros dropped. */
export function formatVietnameseNumber(value: number, maxDecimals = 2): string {
  return formatNumber(value, "vi", { maxDecimals });
}

/** "2025-09-21" → "21/9/2025" (the way Vietnamese documents cite dates). */
export const formatVietnameseDate = formatCitationDate;

/** The unit column ("Đơn vị tính"). */
export const UNIT_LABEL_VI: Record<string, string> = {
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
  return UNIT_LABEL_VI[unit] ?? "";
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

/** The assessment column of the printable report: the one verdict's label. */
export type Assessment = TargetState;
export const ASSESSMENT_VI: Record<Assessment, string> = Object.fromEntries(Object.entries(TARGET_STATE_LABELS).map(([k, l]) => [k, l.vi])) as Record<Assessment, string>;
