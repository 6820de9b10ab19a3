import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { entityColumns, searchColumn, sortKeyColumn } from "./columns.js";
import { localities } from "./localities.js";

export const agencies = sqliteTable(
  "agencies",
  {
    ...entityColumns(),
    code: text().notNull(),
    nameVi: text().notNull(),
    nameEn: text(),
    shortName: text(),
    aliases: text({ mode: "json" }).$type<string[]>().notNull().default([]),
    kind: text().notNull(),
    localityId: integer()
      .notNull()
      .references(() => localities.id),
    parentId: integer().references((): AnySQLiteColumn => agencies.id),
    validFrom: text(),
    validTo: text(),
    formerNames: text({ mode: "json" }).$type<{ nameVi: string; until: string | null }[]>().notNull().default([]),
    searchText: searchColumn(),
    sortKey: sortKeyColumn(),
  },
  (t) => [index("agencies_sort_idx").on(t.sortKey, t.id), uniqueIndex("agencies_code_uq").on(t.code), index("agencies_locality_idx").on(t.localityId)],
);

export const agencySuccessions = sqliteTable(
  "agency_successions",
  {
    ...{ id: integer().primaryKey({ autoIncrement: true }) },
    predecessorId: integer()
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    successorId: integer()
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    effectiveOn: text(),
    noteVi: text(),
  },
  (t) => [uniqueIndex("agency_successions_uq").on(t.predecessorId, t.successorId)],
);
