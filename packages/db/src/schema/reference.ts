import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { bool, entityColumns } from "./columns.js";

export const localityLevels = sqliteTable(
  "locality_levels",
  {
    ...entityColumns(),
    code: text().notNull(),
    nameVi: text().notNull(),
    nameEn: text().notNull(),
    rank: integer().notNull(),
    isAdministrative: bool().notNull(),
  },
  (t) => [uniqueIndex("locality_levels_code_uq").on(t.code)],
);

export const educationLevels = sqliteTable(
  "education_levels",
  {
    ...entityColumns(),
    code: text().notNull(),
    parentCode: text(),
    nameVi: text().notNull(),
    nameEn: text().notNull(),
    sortOrder: integer().notNull(),
  },
  (t) => [uniqueIndex("education_levels_code_uq").on(t.code)],
);
