import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { AssigneeChoice } from "@eduplan/domain";
import { entityColumns } from "./columns.js";
import { localities } from "./localities.js";
import { plans } from "./plans.js";

/** A plan document under review: the extracted draft, saved so a review can be resumed, until it is accepted. */
export const planImports = sqliteTable(
  "plan_imports",
  {
    ...entityColumns(),
    localityId: integer()
      .notNull()
      .references(() => localities.id),
    parentPlanId: integer().references(() => plans.id),
    fileName: text().notNull(),
    titleVi: text(),
    status: text().notNull().default("reviewing"),
    planId: integer().references(() => plans.id),
    draft: text({ mode: "json" }).$type<Record<string, unknown>>().notNull(),
    assignees: text({ mode: "json" }).$type<Record<string, AssigneeChoice>>().notNull().default({}),
  },
  (t) => [index("plan_imports_locality_idx").on(t.localityId)],
);
