import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const SITE_KINDS = ["rankedRelic", "museum", "library", "geoparkSite"] as const;
export type SiteKind = (typeof SITE_KINDS)[number];
/** Ranks of relics (di tích xếp hạng): special national, national, provincial. */
export const RELIC_RANKS = ["specialNational", "national", "provincial"] as const;

/**
 * Places pupils visit: ranked relics (di tích đã xếp hạng), museums, libraries and sites of the Lạng Sơn UNESCO
 * Global Geopark. The table name carries the plugin's prefix (`geopark_education_`).
 */
export const sites = sqliteTable(
  "geopark_education_sites",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    version: integer().notNull().default(1),
    code: text().notNull(),
    nameVi: text().notNull(),
    nameEn: text(),
    kind: text({ enum: SITE_KINDS }).notNull(),
    rank: text({ enum: RELIC_RANKS }),
    /** The commune or ward, as a name (sites are reference data, not localities). */
    communeVi: text(),
    /** Seeded sample data ("dữ liệu mẫu"), which an administrator may correct or delete. */
    isSample: integer({ mode: "boolean" }).notNull().default(false),
    noteVi: text(),
  },
  (t) => [uniqueIndex("geopark_education_sites_code_uq").on(t.code)],
);
