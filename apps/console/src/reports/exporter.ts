/**
 * The "Xuất Excel" of every list: react-admin's `exporter` gets the records the list shows (its filters and sort
 * applied, up to 1000), and asks the API (`reporting.exportList`) for an XLSX of exactly those records, through the
 * resource's own policy and area, with the console's translated field labels as headers. References (a locality, a
 * plan…) come out as names, not ids.
 */
import type { Exporter } from "react-admin";
import { i18nProvider } from "../i18n";
import { trpc } from "../trpc";
import { downloadFile } from "./files";

/** Fields that mean nothing in a spreadsheet. */
const SKIPPED = new Set(["version", "searchText", "createdAt", "updatedAt", "passwordHash"]);

const humanize = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());

/** The columns of a list export: the records' fields (id first), headers from `resources.<resource>.fields.<field>`. */
export function exportColumns(records: Record<string, unknown>[], resource: string, translate: (key: string, options?: Record<string, unknown>) => string) {
  const keys: string[] = [];
  for (const record of records) for (const key of Object.keys(record)) if (!SKIPPED.has(key) && !keys.includes(key)) keys.push(key);
  keys.sort((a, b) => Number(b === "id") - Number(a === "id"));
  return keys.map((key) => ({ key, header: key === "id" ? "ID" : translate(`resources.${resource}.fields.${key}`, { _: humanize(key) }) }));
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
  });
  downloadFile(file);
};
