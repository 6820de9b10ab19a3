import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { entityColumns, searchColumn } from "./columns.js";
import { localities } from "./localities.js";

/**
 * Records of plugin forms (a school's geopark field trip, its Chinese classes …): the plugin's zod schema validates
 * `data`; the plugin's feeds turn a locality-year's records into indicator figures.
 */
export const pluginRecords = sqliteTable(
  "plugin_records",
  {
    ...entityColumns(),
    pluginId: text().notNull(),
    formId: text().notNull(),
    localityId: integer()
      .notNull()
      .references(() => localities.id),
    year: integer().notNull(),
    data: text({ mode: "json" }).$type<Record<string, unknown>>().notNull(),
    searchText: searchColumn(),
  },
  (t) => [index("plugin_records_form_idx").on(t.pluginId, t.formId, t.year, t.localityId), index("plugin_records_locality_idx").on(t.localityId)],
);

/** Plugin migrations applied, tracked apart from core's so that upgrading a plugin runs only its new ones. */
export const pluginMigrations = sqliteTable(
  "plugin_migrations",
  {
    pluginId: text().notNull(),
    name: text().notNull(),
    appliedAt: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.pluginId, t.name] })],
);

/** The plugins found at start-up: version and state (a broken plugin is recorded with its error and skipped). */
export const installedPlugins = sqliteTable("installed_plugins", {
  pluginId: text().primaryKey(),
  version: text().notNull(),
  status: text({ enum: ["active", "broken"] }).notNull(),
  error: text(),
  updatedAt: text().notNull(),
});
