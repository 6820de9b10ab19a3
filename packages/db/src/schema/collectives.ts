import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { agencies } from "./agencies.js";
import { entityColumns } from "./columns.js";
import { localities } from "./localities.js";

/** A collective assignee: built in (no locality) or declared by a province; codes are unique across provinces. */
export const collectiveAssignees = sqliteTable(
  "collective_assignees",
  {
    ...entityColumns(),
    code: text().notNull(),
    nameVi: text().notNull(),
    nameEn: text(),
    aliases: text({ mode: "json" }).$type<string[]>().notNull().default([]),
    localityId: integer().references(() => localities.id),
    kinds: text({ mode: "json" }).$type<string[]>().notNull(),
    scope: text({ enum: ["self", "descendants"] }).notNull(),
    localityLevels: text({ mode: "json" }).$type<string[]>().notNull(),
  },
  (t) => [uniqueIndex("collective_assignees_code_uq").on(t.code), index("collective_assignees_locality_idx").on(t.localityId)],
);

/** The member agencies a collective stands for, when its province lists them. */
export const collectiveMembers = sqliteTable(
  "collective_members",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    collectiveId: integer()
      .notNull()
      .references(() => collectiveAssignees.id, { onDelete: "cascade" }),
    agencyId: integer()
      .notNull()
      .references(() => agencies.id),
    position: integer().notNull().default(0),
  },
  (t) => [uniqueIndex("collective_members_uq").on(t.collectiveId, t.agencyId), index("collective_members_agency_idx").on(t.agencyId)],
);
