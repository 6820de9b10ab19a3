import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { IndicatorMeasure } from "@eduplan/domain";
import { bool, entityColumns, searchColumn, sortKeyColumn } from "./columns.js";
import { localities } from "./localities.js";
import { educationLevels } from "./reference.js";

export const indicators = sqliteTable(
  "indicators",
  {
    ...entityColumns(),
    code: text().notNull(),
    nameVi: text().notNull(),
    nameEn: text().notNull(),
    educationLevelCode: text()
      .notNull()
      .references(() => educationLevels.code),
    unit: text().notNull(),
    direction: text().notNull(),
    aggregation: text().notNull(),
    measure: text({ mode: "json" }).$type<IndicatorMeasure>(),
    pluginId: text(),
    descriptionVi: text(),
    plausibleMin: real(),
    plausibleMax: real(),
    searchText: searchColumn(),
    sortKey: sortKeyColumn(),
  },
  (t) => [index("indicators_sort_idx").on(t.sortKey, t.id), uniqueIndex("indicators_code_uq").on(t.code), index("indicators_plugin_idx").on(t.pluginId)],
);

/**
 * Actual figures per locality, indicator and year. The key leads with (indicator, year) because rollups and progress
 * read one indicator-year across many localities.
 */
export const indicatorValues = sqliteTable(
  "indicator_values",
  {
    ...entityColumns(),
    localityId: integer()
      .notNull()
      .references(() => localities.id),
    indicatorId: integer()
      .notNull()
      .references(() => indicators.id),
    year: integer().notNull(),
    numerator: real(),
    denominator: real(),
    value: real(),
    isSynthetic: bool().notNull().default(false),
    /** The approved report the figure was taken from; null for figures entered directly or generated. */
    reportId: integer(),
    noteVi: text(),
  },
  (t) => [
    uniqueIndex("indicator_values_uq").on(t.indicatorId, t.year, t.localityId),
    index("indicator_values_locality_idx").on(t.localityId, t.year),
    index("indicator_values_report_idx").on(t.reportId),
  ],
);

/**
 * Sums of figures per ancestor locality, descendant depth, indicator and year, maintained in the same transaction as
 * every write to indicator_values: a live rollup is one row read, at national scale, with no nightly batch.
 */
export const indicatorRollups = sqliteTable(
  "indicator_rollups",
  {
    ancestorId: integer()
      .notNull()
      .references(() => localities.id, { onDelete: "cascade" }),
    depth: integer().notNull(),
    indicatorId: integer()
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    year: integer().notNull(),
    numeratorSum: real().notNull().default(0),
    denominatorSum: real().notNull().default(0),
    valueSum: real().notNull().default(0),
    contributors: integer().notNull().default(0),
  },
  (t) => [uniqueIndex("indicator_rollups_pk").on(t.ancestorId, t.indicatorId, t.year, t.depth)],
);
