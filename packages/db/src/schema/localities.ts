import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { bool, entityColumns, searchColumn, sortKeyColumn } from "./columns.js";
import { localityLevels } from "./reference.js";

export const localities = sqliteTable(
  "localities",
  {
    ...entityColumns(),
    code: text().notNull(),
    officialCode: text(),
    nameVi: text().notNull(),
    nameEn: text(),
    levelCode: text()
      .notNull()
      .references(() => localityLevels.code),
    parentId: integer().references((): AnySQLiteColumn => localities.id),
    validFrom: text(),
    validTo: text(),
    successorId: integer().references((): AnySQLiteColumn => localities.id),
    population: integer(),
    isExtremelyDifficultArea: bool().notNull().default(false),
    isBorderArea: bool().notNull().default(false),
    isEthnicMinorityArea: bool().notNull().default(false),
    isMountainous: bool().notNull().default(false),
    searchText: searchColumn(),
    sortKey: sortKeyColumn(),
  },
  (t) => [index("localities_sort_idx").on(t.sortKey, t.id), uniqueIndex("localities_code_uq").on(t.code), index("localities_parent_idx").on(t.parentId), index("localities_level_idx").on(t.levelCode), index("localities_level_sort_idx").on(t.levelCode, t.sortKey, t.id)],
);

/**
 * Every (ancestor, descendant) pair with its distance, kept current on write. Scoping a user to a locality and rolling
 * a figure up to any ancestor are single indexed lookups, at any depth.
 */
export const localityClosure = sqliteTable(
  "locality_closure",
  {
    ancestorId: integer()
      .notNull()
      .references(() => localities.id, { onDelete: "cascade" }),
    descendantId: integer()
      .notNull()
      .references(() => localities.id, { onDelete: "cascade" }),
    depth: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.ancestorId, t.descendantId] }), index("locality_closure_descendant_idx").on(t.descendantId, t.depth)],
);

/** Plugins enabled per province. Disabling keeps the plugin's data. */
export const localityPlugins = sqliteTable(
  "locality_plugins",
  {
    localityId: integer()
      .notNull()
      .references(() => localities.id, { onDelete: "cascade" }),
    pluginId: text().notNull(),
    enabled: bool().notNull().default(true),
    settings: text({ mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    updatedAt: text().notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.localityId, t.pluginId] })],
);

/** Province-level settings, e.g. the yearly reporting deadline. */
export const localitySettings = sqliteTable("locality_settings", {
  localityId: integer()
    .primaryKey()
    .references(() => localities.id, { onDelete: "cascade" }),
  reportDeadline: text().notNull().default("12-10"),
});
