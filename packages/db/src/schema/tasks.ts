import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { ASSIGNEE_ROLES, TASK_SOURCES, type TaskSourceConflict, type TaskTiming } from "@eduplan/domain";
import { entityColumns, searchColumn } from "./columns.js";
import { agencies } from "./agencies.js";
import { plans, solutionGroups } from "./plans.js";

export const tasks = sqliteTable(
  "tasks",
  {
    ...entityColumns(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    solutionGroupId: integer().references(() => solutionGroups.id, { onDelete: "set null" }),
    code: text().notNull(),
    titleVi: text().notNull(),
    titleEn: text(),
    descriptionVi: text(),
    timing: text({ mode: "json" }).$type<TaskTiming>().notNull(),
    outputVi: text(),
    status: text().notNull().default("notStarted"),
    rowNumber: text(),
    duplicateOfId: integer().references((): AnySQLiteColumn => tasks.id, { onDelete: "set null" }),
    source: text({ enum: TASK_SOURCES }),
    sourceConflicts: text({ mode: "json" }).$type<TaskSourceConflict[]>().notNull().default([]),
    sourceNoteVi: text(),
    searchText: searchColumn(),
  },
  (t) => [uniqueIndex("tasks_plan_code_uq").on(t.planId, t.code), index("tasks_group_idx").on(t.solutionGroupId), index("tasks_duplicate_idx").on(t.duplicateOfId)],
);

/** The assignees of a task, each in its role (chủ trì, phối hợp, đề nghị): an agency, or a collective ("các sở, ban, ngành"). */
export const taskAssignees = sqliteTable(
  "task_assignees",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    taskId: integer()
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    role: text({ enum: ASSIGNEE_ROLES }).notNull(),
    agencyId: integer().references(() => agencies.id),
    collectiveCode: text(),
    position: integer().notNull().default(0),
  },
  (t) => [index("task_assignees_task_idx").on(t.taskId), index("task_assignees_agency_idx").on(t.agencyId)],
);
