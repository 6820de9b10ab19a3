/**
 * Pure formatting helpers: numbers, percentages, dates and target values in the console's two languages.
 * Vietnamese writes a decimal comma and a dot between thousands ("48,5%", "1.234"), and dates day first
 * ("21/09/2025"). No React here, so these are unit-tested in Node (format.test.ts).
 */

export type UiLocale = "vi" | "en";

/** The BCP 47 tag used with `Intl` (and react-admin's `locales` props) for a console locale. */
export function localeTag(locale: string | undefined): string {
  return locale === "en" ? "en-GB" : "vi-VN";
}

/** "vi" unless the locale is English. */
export function uiLocale(locale: string | undefined): UiLocale {
  return locale === "en" ? "en" : "vi";
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** `1234.5` → "1.234,5" (vi) / "1,234.5" (en); "" for a missing value. Up to `maxFractionDigits` decimals (2). */
export function formatNumber(value: number | null | undefined, locale: string, maxFractionDigits = 2): string {
  if (!isNumber(value)) return "";
  return new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: maxFractionDigits }).format(value);
}

/**
 * A percentage given in percent points (as stored: `48.5` means 48,5%): `formatPercent(48.5, "vi") === "48,5%"`,
 * `formatPercent(48.5, "en") === "48.5%"`.
 */
export function formatPercent(value: number | null | undefined, locale: string, maxFractionDigits = 2): string {
  if (!isNumber(value)) return "";
  return new Intl.NumberFormat(localeTag(locale), { style: "percent", maximumFractionDigits: maxFractionDigits }).format(value / 100);
}

/** A year is written without grouping: 2030, never "2.030". */
export function formatYear(value: number | null | undefined): string {
  return isNumber(value) ? String(Math.trunc(value)) : "";
}

/** Options of react-admin's `<DateField>` that print "21/09/2025" in Vietnamese and "21 Sept 2025" in English. */
export function dateOptions(locale: string): Intl.DateTimeFormatOptions {
  return locale === "en"
    ? { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }
    : { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" };
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An ISO date ("2025-09-21") as "21/09/2025" (vi) or "21 Sept 2025" (en); "" when missing or invalid. */
export function formatDate(value: string | Date | null | undefined, locale: string): string {
  const date = toDate(value);
  return date ? new Intl.DateTimeFormat(localeTag(locale), dateOptions(locale)).format(date) : "";
}

/** A timestamp as "21/09/2025 14:05" (vi) or "21 Sept 2025, 14:05" (en), in the browser's time zone. */
export function formatDateTime(value: string | Date | null | undefined, locale: string, timeZone?: string): string {
  const date = toDate(value);
  if (!date) return "";
  const day = new Intl.DateTimeFormat(localeTag(locale), { ...dateOptions(locale), timeZone }).format(date);
  const time = new Intl.DateTimeFormat(localeTag(locale), { hour: "2-digit", minute: "2-digit", hour12: false, timeZone }).format(date);
  return locale === "en" ? `${day}, ${time}` : `${day} ${time}`;
}

/**
 * Reads a number typed by an officer. Vietnamese writes "48,5" and "1.234"; English "48.5" and "1,234".
 * Returns `null` for an empty input and `NaN` for text that is not a number (a validator then says so).
 * Never `parseFloat` on the raw text: "1,32" would become 1.
 */
export function parseDecimal(text: string | number | null | undefined, locale: string = "vi"): number | null {
  if (text === null || text === undefined) return null;
  if (typeof text === "number") return Number.isFinite(text) ? text : Number.NaN;
  let s = text.trim().replace(/[\s\u00a0\u202f%]/g, "");
  if (s === "") return null;
  const sign = s.startsWith("-") || s.startsWith("−") ? -1 : 1;
  s = s.replace(/^[-−+]/, "");
  const decimal = locale === "en" ? "." : ",";
  const group = locale === "en" ? "," : ".";
  const hasDecimal = s.includes(decimal);
  const hasGroup = s.includes(group);
  if (hasDecimal && hasGroup) {
    // "1.234,5": groups before the decimal mark only.
    if (s.lastIndexOf(group) > s.indexOf(decimal)) return Number.NaN;
    s = s.split(group).join("").replace(decimal, ".");
  } else if (hasGroup) {
    // "1.234" is a thousand in Vietnamese; "48.5" (a lone separator not followed by three digits) is a decimal.
    const thousands = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`);
    if (thousands.test(s)) s = s.split(group).join("");
    else if (s.split(group).length === 2) s = s.replace(group, ".");
    else return Number.NaN;
  } else if (hasDecimal) {
    s = s.replace(decimal, ".");
  }
  if (!/^\d+(\.\d+)?$/.test(s) && !/^\.\d+$/.test(s)) return Number.NaN;
  return sign * Number(s);
}

/** The unit suffix of a value of an indicator unit, in the given language. */
export function unitSuffix(unit: string | null | undefined, locale: string): string {
  switch (unit) {
    case "percent":
      return "%";
    case "per10kInhabitants":
      return locale === "en" ? " per 10,000 inhabitants" : " /10.000 dân";
    case "vnd":
      return " ₫";
    default:
      return "";
  }
}

/** A value of an indicator of `unit`: "48,5%", "05" stays "5", "mức độ 3", "có"/"yes". */
export function formatValue(value: number | null | undefined, unit: string | null | undefined, locale: string): string {
  if (!isNumber(value)) return "";
  if (unit === "percent") return formatPercent(value, locale);
  if (unit === "boolean") return value >= 1 ? (locale === "en" ? "yes" : "có") : locale === "en" ? "no" : "không";
  if (unit === "level") return locale === "en" ? `level ${formatNumber(value, locale)}` : `mức độ ${formatNumber(value, locale)}`;
  return `${formatNumber(value, locale)}${unitSuffix(unit, locale)}`;
}

const COMPARATOR_SYMBOLS: Record<string, string> = { gte: "≥", gt: ">", lte: "≤", lt: "<", eq: "=" };

/** What a target demands, in a few characters: "≥ 48,5%", "35–40%", "< 8%", "duy trì 95%", "đạt mức độ 3". */
export function formatTargetValue(
  target: { comparator?: string | null; value?: number | null; valueMax?: number | null } | null | undefined,
  unit: string | null | undefined,
  locale: string,
): string {
  if (!target || !target.comparator) return "";
  const { comparator, value, valueMax } = target;
  const symbol = COMPARATOR_SYMBOLS[comparator];
  if (symbol) return isNumber(value) ? `${symbol} ${formatValue(value, unit, locale)}` : symbol;
  if (comparator === "range") {
    if (!isNumber(value) || !isNumber(valueMax)) return locale === "en" ? "range" : "khoảng";
    if (unit === "percent") return `${formatNumber(value, locale)}–${formatPercent(valueMax, locale)}`;
    return `${formatNumber(value, locale)}–${formatValue(valueMax, unit, locale)}`;
  }
  if (comparator === "maintain") {
    const word = locale === "en" ? "maintain" : "duy trì";
    return isNumber(value) ? `${word} ${formatValue(value, unit, locale)}` : word;
  }
  if (comparator === "achieve") {
    const word = locale === "en" ? "achieve" : "đạt";
    if (!isNumber(value) || unit === "boolean") return word;
    return `${word} ${formatValue(value, unit, locale)}`;
  }
  return isNumber(value) ? formatValue(value, unit, locale) : "";
}

/** A signed difference between two figures of the same unit: "+7,2" / "−3" (percent points without the sign "%"). */
export function formatDifference(value: number | null | undefined, locale: string): string {
  if (!isNumber(value)) return "";
  const abs = formatNumber(Math.abs(value), locale);
  if (Math.abs(value) < 1e-9) return "0";
  return value > 0 ? `+${abs}` : `−${abs}`;
}

/** A task's timing as the documents write it: "Năm 2026", "Hằng năm", "Năm 2026, hằng năm", "Khi Luật được ban hành". */
export function formatTiming(timing: unknown, locale: string): string {
  if (typeof timing !== "object" || timing === null) return "";
  const t = timing as Record<string, unknown>;
  const en = locale === "en";
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
    default:
      return "";
  }
}
