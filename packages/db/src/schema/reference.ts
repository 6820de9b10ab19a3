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

export const collectiveAssignees = sqliteTable(
  "collective_assignees",
  {
    ...entityColumns(),
    code: text().notNull(),
    nameVi: text().notNull(),
    nameEn: text().notNull(),
    kinds: text({ mode: "json" }).$type<string[]>().notNull(),
    scope: text({ enum: ["self", "descendants"] }).notNull(),
    localityLevels: text({ mode: "json" }).$type<string[]>().notNull(),
  },
  (t) => [uniqueIndex("collective_assignees_code_uq").on(t.code)],
);
