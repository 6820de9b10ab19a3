/**
 * The one formatter of figures, targets and dates, for screens and files alike. Pure and locale-aware: Vietnamese writes
 * a decimal comma and a dot between thousands ("48,5%", "1.234"), dates day first ("21/09/2025"); English "48.5%",
 * "1,234", "21 Sept 2025". A range is joined by an en dash without spaces: "48,5–50%".
 */

import type { Locale } from "./user.js";

/** "vi" unless the locale is English ("en", "en-GB", …). */
export function toLocale(locale: string | null | undefined): Locale {
  return locale && locale.toLowerCase().startsWith("en") ? "en" : "vi";
}

/** The BCP 47 tag used with `Intl` for a locale. */
export function localeTag(locale: string | null | undefined): string {
  return toLocale(locale) === "en" ? "en-GB" : "vi-VN";
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

export type NumberOptions = { maxDecimals?: number; minDecimals?: number };

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(localeTag(locale), { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: true })));
  return f;
}

/** 1234.5 → "1.234,5" (vi) / "1,234.5" (en); "" for a missing value. At most `maxDecimals` (2), at least `minDecimals` (0). */
export function formatNumber(value: number | null | undefined, locale: string = "vi", options: NumberOptions = {}): string {
  if (!isNumber(value)) return "";
  const max = options.maxDecimals ?? 2;
  const min = Math.min(options.minDecimals ?? 0, max);
  // Intl writes "-0" for a tiny negative rounded to zero.
  const out = numberFormat(toLocale(locale), min, max).format(value);
  return /^-0([.,]0*)?$/.test(out) ? out.slice(1) : out;
}

/** A count: 1234 → "1.234" (vi) / "1,234" (en), no decimals. */
export function formatCount(value: number | null | undefined, locale: string = "vi"): string {
  return formatNumber(value, locale, { maxDecimals: 0 });
}

/** A year is written without grouping: 2030, never "2.030". */
export function formatYear(value: number | null | undefined): string {
  return isNumber(value) ? String(Math.trunc(value)) : "";
}

/** A percentage in percent points (as stored: 48.5 means 48,5%): "48,5%" (vi) / "48.5%" (en). */
export function formatPercent(value: number | null | undefined, locale: string = "vi", options: NumberOptions = {}): string {
  const n = formatNumber(value, locale, options);
  return n ? `${n}%` : "";
}

/** The unit written after a figure, in a locale ("%", " /10.000 dân", " đồng"). */
export function unitSuffix(unit: string | null | undefined, locale: string = "vi"): string {
  const en = toLocale(locale) === "en";
  switch (unit) {
    case "percent":
      return "%";
    case "per10kInhabitants":
      return en ? " per 10,000 inhabitants" : "/10.000 dân";
    case "vnd":
      return en ? " VND" : " đồng";
    default:
      return "";
  }
}

/** A figure of an indicator of `unit`: "48,5%", "155/10.000 dân", "Có" / "Yes", "Mức độ 3" / "Level 3", "1.234". */
export function formatValue(value: number | null | undefined, unit: string | null | undefined, locale: string = "vi", options: NumberOptions = {}): string {
  if (!isNumber(value)) return "";
  const en = toLocale(locale) === "en";
  switch (unit) {
    case "percent":
      return formatPercent(value, locale, options);
    case "boolean":
      return value >= 1 ? (en ? "Yes" : "Có") : en ? "No" : "Không";
    case "level":
      return `${en ? "Level" : "Mức độ"} ${formatNumber(value, locale, options)}`;
    case "vnd":
      return `${formatNumber(value, locale, { maxDecimals: 0 })}${unitSuffix(unit, locale)}`;
    default:
      return `${formatNumber(value, locale, options)}${unitSuffix(unit, locale)}`;
  }
}

/** Two ends of one unit: "48,5–50%", "35–40/10.000 dân", "Mức độ 2–3". Equal ends print once. */
export function formatRange(low: number | null | undefined, high: number | null | undefined, unit: string | null | undefined, locale: string = "vi", options: NumberOptions = {}): string {
  if (!isNumber(low) || !isNumber(high)) return formatValue(isNumber(low) ? low : high, unit, locale, options);
  if (Math.abs(low - high) < 1e-9) return formatValue(low, unit, locale, options);
  if (unit === "boolean") return formatValue(high, unit, locale, options);
  return `${formatValue(low, unit, locale, options).replace(unitSuffix(unit, locale), "")}–${formatValue(high, unit, locale, options)}`;
}

const SYMBOLS: Record<string, string> = { gte: "≥", gt: ">", lte: "≤", lt: "<" };

/**
 * What a target demands, as the documents state it: "≥ 48,5%", "< 8%", "35–40%", "100%", "Duy trì mức độ 2" /
 * "Maintain level 2", "Đạt" / "Achieve", "khoảng 30%" / "about 30%".
 */
export function formatTarget(
  t: { comparator: string | null | undefined; value: number | null | undefined; valueMax?: number | null | undefined; isApproximate?: boolean | null } | null | undefined,
  unit: string | null | undefined,
  locale: string = "vi",
  options: NumberOptions = {},
): string {
  if (!t || !t.comparator) return "";
  if (t.isApproximate) {
    const exact = formatTarget({ ...t, isApproximate: false }, unit, locale, options);
    return exact ? `${toLocale(locale) === "en" ? "about" : "khoảng"} ${exact}` : "";
  }
  const en = toLocale(locale) === "en";
  const v = (x: number | null | undefined) => formatValue(x, unit, locale, options);
  const lowerLevel = (s: string) => (unit === "level" ? s.charAt(0).toLowerCase() + s.slice(1) : s);
  const symbol = SYMBOLS[t.comparator];
  if (symbol) return isNumber(t.value) ? `${symbol} ${v(t.value)}` : "";
  switch (t.comparator) {
    case "eq":
      return v(t.value);
    case "range":
      return isNumber(t.value) && isNumber(t.valueMax) ? formatRange(t.value, t.valueMax, unit, locale, options) : "";
    case "maintain":
      return isNumber(t.value) ? `${en ? "Maintain" : "Duy trì"} ${lowerLevel(v(t.value))}` : en ? "Maintain" : "Duy trì";
    case "achieve":
      return !isNumber(t.value) || unit === "boolean" ? (en ? "Achieve" : "Đạt") : `${en ? "Achieve" : "Đạt"} ${lowerLevel(v(t.value))}`;
    default:
      return v(t.value);
  }
}

/** A roadmap point: "50%" or "35–40%". */
export function formatMilestone(m: { value: number; valueMax?: number | null } | null | undefined, unit: string | null | undefined, locale: string = "vi", options: NumberOptions = {}): string {
  if (!m) return "";
  return isNumber(m.valueMax) ? formatRange(m.value, m.valueMax, unit, locale, options) : formatValue(m.value, unit, locale, options);
}

/** A signed difference of two figures of one unit: "+7,2 điểm %" / "−3" ("−" is the minus sign). Zero is "0". */
export function formatDifference(value: number | null | undefined, unit: string | null | undefined, locale: string = "vi", options: NumberOptions = {}): string {
  if (!isNumber(value)) return "";
  if (Math.abs(value) < 1e-9) return "0";
  const abs = formatNumber(Math.abs(value), locale, options);
  const en = toLocale(locale) === "en";
  const suffix = unit === "percent" ? (en ? " pp" : " điểm %") : unit === "level" ? (en ? " level(s)" : " mức") : unitSuffix(unit, locale);
  return `${value > 0 ? "+" : "−"}${abs}${suffix}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];

function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A calendar date: "21/09/2025" (vi) or "21 Sept 2025" (en); "" when missing or invalid. An ISO date string is read as
 * written (no time-zone shift); a timestamp is shown in `timeZone` (default: the machine's).
 */
export function formatDate(value: string | Date | null | undefined, locale: string = "vi", timeZone?: string): string {
  let y: number, m: number, d: number;
  const iso = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? ISO_DATE.exec(value) : null;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    const date = toDate(value);
    if (!date) return "";
    const parts = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).formatToParts(date);
    const part = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    [y, m, d] = [part("year"), part("month"), part("day")];
  }
  if (toLocale(locale) === "en") return `${d} ${MONTHS_EN[m - 1]} ${y}`;
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
}

/** A timestamp as "21/09/2025 14:05" (vi) or "21 Sept 2025, 14:05" (en), in `timeZone` (default: the machine's). */
export function formatDateTime(value: string | Date | null | undefined, locale: string = "vi", timeZone?: string): string {
  const date = toDate(value);
  if (!date) return "";
  const day = formatDate(date, locale, timeZone);
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone }).format(date);
  return toLocale(locale) === "en" ? `${day}, ${time}` : `${day} ${time}`;
}

/** A date as Vietnamese documents cite it: "21/9/2025" (no leading zeros). */
export function formatCitationDate(iso: string | null | undefined): string {
  const m = iso ? ISO_DATE.exec(iso) : null;
  if (!m) return iso ?? "";
  return `${Number(m[3])}/${Number(m[2])}/${m[1]}`;
}

/** "ngày 10 tháng 12 năm 2026"; without a date, the blanks a draft leaves: "ngày … tháng … năm 2026" (Nghị định 30/2020). */
export function formatDateLine(iso: string | null | undefined, year: number): string {
  const m = iso ? ISO_DATE.exec(iso) : null;
  if (!m) return `ngày … tháng … năm ${year}`;
  const day = Number(m[3]);
  const month = Number(m[2]);
  // Days below 10 and months below 3 take a leading zero.
  return `ngày ${day < 10 ? `0${day}` : day} tháng ${month < 3 ? `0${month}` : month} năm ${m[1]}`;
}

/** A task's timing as the documents write it: "Năm 2026", "Hằng năm", "Năm 2026, hằng năm", "Khi Luật được ban hành". */
export function formatTiming(timing: unknown, locale: string = "vi"): string {
  if (typeof timing !== "object" || timing === null) return "";
  const t = timing as Record<string, unknown>;
  const en = toLocale(locale) === "en";
  const year = (v: unknown) => (typeof v === "number" ? String(v) : "");
  const span = (from: unknown, to: unknown) =>
    from != null && to != null ? ` (${year(from)}–${year(to)})` : from != null ? (en ? ` (from ${year(from)})` : ` (từ ${year(from)})`) : to != null ? (en ? ` (until ${year(to)})` : ` (đến ${year(to)})`) : "";
  switch (t.kind) {
    case "year":
      return en ? `In ${year(t.year)}` : `Năm ${year(t.year)}`;
    case "yearly":
      return (en ? "Every year" : "Hằng năm") + span(t.from, t.to);
    case "yearThenYearly":
      return en ? `In ${year(t.year)}, then every year${t.to != null ? ` until ${year(t.to)}` : ""}` : `Năm ${year(t.year)}, hằng năm${t.to != null ? ` đến ${year(t.to)}` : ""}`;
    case "yearRange":
      return en ? `${year(t.from)}–${year(t.to)}` : `Giai đoạn ${year(t.from)}–${year(t.to)}`;
    case "schoolYear":
      return en ? `School year ${year(t.startYear)}–${typeof t.startYear === "number" ? t.startYear + 1 : ""}` : `Năm học ${year(t.startYear)}–${typeof t.startYear === "number" ? t.startYear + 1 : ""}`;
    case "quarter":
      return en ? `Q${String(t.quarter)} ${year(t.year)}` : `Quý ${String(t.quarter)}/${year(t.year)}`;
    case "date":
      return formatDate(t.date as string, locale);
    case "event": {
      const text = en && typeof t.eventEn === "string" && t.eventEn ? t.eventEn : String(t.eventVi ?? "");
      return t.occurredOn ? `${text} (${formatDate(t.occurredOn as string, locale)})` : text;
    }
    case "continuous":
      return (en ? "Continuous" : "Thường xuyên") + span(t.from, t.to);
    case "notStated":
      return en ? "Not stated" : "Không nêu thời gian";
    default:
      return "";
  }
}
