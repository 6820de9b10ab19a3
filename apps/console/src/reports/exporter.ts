/**
 * The "Xuất Excel" of every list: react-admin's `exporter` gets the records the list shows (its filters and sort
 * applied, up to 1000), and asks the API (`reporting.exportList`) for an XLSX of exactly those records, through the
 * resource's own policy and area, with the console's translated field labels as headers. References (a locality, a
 * plan…) come out as names, not ids.
 */
import type { Exporter } from "react-admin";
import { CHOICES, type EnumName } from "../enums";
import { i18nProvider } from "../i18n";
import { trpc } from "../trpc";
import { downloadFile } from "./files";

/** Fields that mean nothing in a spreadsheet. */
const SKIPPED = new Set(["version", "searchText", "createdAt", "updatedAt", "passwordHash"]);

const humanize = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());

/**
 * The enumeration a field's values come from: the one holding every value the records have for it (the report
 * statuses of `reports` are labelled by the server).
 */
function enumOf(records: Record<string, unknown>[], key: string): EnumName | null {
  const values = new Set(records.map((r) => r[key]).filter((v): v is string => typeof v === "string" && v !== ""));
  if (!values.size) return null;
  const fits = (Object.keys(CHOICES) as EnumName[]).filter((name) => {
    const ids = new Set<string>(CHOICES[name].map((c) => c.id));
    return [...values].every((v) => ids.has(v));
  });
  return fits.length === 1 ? fits[0]! : (fits.find((name) => name.toLowerCase().includes(key.toLowerCase())) ?? null);
}

/**
 * The columns of a list export: the records' fields (id first), headers from `resources.<resource>.fields.<field>`,
 * and coded values ("notStarted", "otherDept") labelled in the user's language.
 */
export function exportColumns(records: Record<string, unknown>[], resource: string, translate: (key: string, options?: Record<string, unknown>) => string) {
  const keys: string[] = [];
  for (const record of records) for (const key of Object.keys(record)) if (!SKIPPED.has(key) && !keys.includes(key)) keys.push(key);
  keys.sort((a, b) => Number(b === "id") - Number(a === "id"));
  return keys.map((key) => {
    const header = key === "id" ? "ID" : translate(`resources.${resource}.fields.${key}`, { _: humanize(key) });
    const name = key === "id" ? null : enumOf(records, key);
    const labels = name ? Object.fromEntries(CHOICES[name].map((c) => [c.id, translate(c.name, { _: c.id })])) : undefined;
    return labels ? { key, header, labels } : { key, header };
  });
}

export const excelExporter: Exporter = async (records, _fetchRelatedRecords, _dataProvider, resource) => {
  const name = resource ?? "";
  const translate = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);
  const rows = records as Record<string, unknown>[];
  const columns = exportColumns(rows, name, translate);
  const ids = rows.map((r) => Number(r.id)).filter((id) => Number.isInteger(id) && id > 0);
  const file = await trpc.reporting.exportList.mutate({
    resource: name,
    // Exactly the records shown (reference tables keyed otherwise are exported whole).
    ...(ids.length === rows.length ? { ids } : {}),
    ...(columns.length ? { columns } : {}),
    title: translate(`resources.${name}.name`, { smart_count: 2, _: name }),
    locale: i18nProvider.getLocale() === "en" ? "en" : "vi",
  });
  downloadFile(file);
};
