import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { bool, entityColumns } from "./columns.js";
import { agencies } from "./agencies.js";
import { indicators } from "./indicators.js";
import { localities } from "./localities.js";

export const reportingPeriods = sqliteTable(
  "reporting_periods",
  {
    ...entityColumns(),
    localityId: integer()
      .notNull()
      .references(() => localities.id),
    year: integer().notNull(),
    deadline: text().notNull(),
    isClosed: bool().notNull().default(false),
  },
  (t) => [uniqueIndex("reporting_periods_locality_year_uq").on(t.localityId, t.year)],
);

export const reports = sqliteTable(
  "reports",
  {
    ...entityColumns(),
    periodId: integer()
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: "cascade" }),
    localityId: integer()
      .notNull()
      .references(() => localities.id),
    agencyId: integer().references(() => agencies.id),
    status: text().notNull().default("draft"),
    returnReason: text(),
    submittedAt: text(),
    submittedBy: text(),
    decidedAt: text(),
    decidedBy: text(),
  },
  (t) => [uniqueIndex("reports_period_unit_uq").on(t.periodId, t.localityId, t.agencyId), index("reports_locality_idx").on(t.localityId)],
);

export const reportValues = sqliteTable(
  "report_values",
  {
    ...entityColumns(),
    reportId: integer()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    indicatorId: integer()
      .notNull()
      .references(() => indicators.id),
    numerator: real(),
    denominator: real(),
    value: real(),
    commentVi: text(),
  },
  (t) => [uniqueIndex("report_values_report_indicator_uq").on(t.reportId, t.indicatorId)],
);
