/**
 * The console's formatting: numbers, percentages, dates and target values come from the domain's one formatter
 * (`@eduplan/domain`, shared with the printed reports and the Excel files); here are only the console's adaptations
 * (react-admin's DateField options, reading what an officer types).
 */
import {
  formatDifference as formatDifferenceIn,
  formatNumber as formatNumberIn,
  formatPercent as formatPercentIn,
  formatTarget,
  toLocale,
  type Locale,
} from "@eduplan/domain";

export { formatCount, formatDate, formatDateTime, formatRange, formatTiming, formatValue, formatYear, localeTag, unitSuffix } from "@eduplan/domain";

export type UiLocale = Locale;

/** "vi" unless the locale is English. */
export const uiLocale = (locale: string | undefined): UiLocale => toLocale(locale);

/** `1234.5` → "1.234,5" (vi) / "1,234.5" (en); "" for a missing value. Up to `maxFractionDigits` decimals (2). */
export function formatNumber(value: number | null | undefined, locale: string, maxFractionDigits = 2): string {
  return formatNumberIn(value, locale, { maxDecimals: maxFractionDigits });
}

/** A percentage in percent points (48.5 means 48,5%): "48,5%" (vi), "48.5%" (en). */
export function formatPercent(value: number | null | undefined, locale: string, maxFractionDigits = 2): string {
  return formatPercentIn(value, locale, { maxDecimals: maxFractionDigits });
}

/** What a target demands: "≥ 48,5%", "35–40%", "< 8%", "Duy trì 95%", "Đạt mức độ 3". */
export function formatTargetValue(
  target: { comparator?: string | null; value?: number | null; valueMax?: number | null } | null | undefined,
  unit: string | null | undefined,
  locale: string,
): string {
  return target ? formatTarget({ comparator: target.comparator, value: target.value, valueMax: target.valueMax }, unit, locale) : "";
}

/** A signed difference with its unit: "+7,2 điểm %", "−3". */
export function formatDifference(value: number | null | undefined, locale: string, unit?: string | null): string {
  return formatDifferenceIn(value, unit, locale);
}

/** Options of react-admin's `<DateField>` that print "21/09/2025" in Vietnamese and "21 Sept 2025" in English. */
export function dateOptions(locale: string): Intl.DateTimeFormatOptions {
  return locale === "en" ? { day: "numeric", month: "short", year: "numeric" } : { day: "2-digit", month: "2-digit", year: "numeric" };
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
