import { index, integer, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { COUNTED_GROUP_RELATIONS } from "@eduplan/domain";
import { bool, entityColumns } from "./columns.js";
import { indicators } from "./indicators.js";
import { plans } from "./plans.js";

export const targets = sqliteTable(
  "targets",
  {
    ...entityColumns(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    indicatorId: integer()
      .notNull()
      .references(() => indicators.id),
    code: text().notNull(),
    comparator: text().notNull(),
    value: real(),
    valueMax: real(),
    targetYear: integer(),
    baselineValue: real(),
    baselineYear: integer(),
    appliesEveryYear: bool().notNull().default(false),
    isAspirational: bool().notNull().default(false),
    areaFlag: text(),
    breakdownEducationLevelCode: text(),
    pooledEducationLevelCodes: text({ mode: "json" }).$type<string[]>().notNull().default([]),
    ageFrom: integer(),
    ageTo: integer(),
    conditionVi: text(),
    conditionEn: text(),
    countedEntity: text(),
    countingCriterionVi: text(),
    countingOutOfVi: text(),
    countedNumerator: integer(),
    countedDenominator: integer(),
    countedGroupRelation: text({ enum: COUNTED_GROUP_RELATIONS }),
    isApproximate: bool().notNull().default(false),
    approximateTolerance: real(),
    referencePlanId: integer().references(() => plans.id, { onDelete: "set null" }),
    referenceCitedVi: text(),
    noteVi: text(),
    parentTargetId: integer().references((): AnySQLiteColumn => targets.id, { onDelete: "cascade" }),
    phraseVi: text(),
    section: text(),
  },
  (t) => [uniqueIndex("targets_plan_code_uq").on(t.planId, t.code), index("targets_indicator_idx").on(t.indicatorId), index("targets_reference_plan_idx").on(t.referencePlanId)],
);

export const milestones = sqliteTable(
  "milestones",
  {
    ...entityColumns(),
    targetId: integer()
      .notNull()
      .references(() => targets.id, { onDelete: "cascade" }),
    year: integer().notNull(),
    value: real().notNull(),
    valueMax: real(),
    isSynthetic: bool().notNull().default(false),
    noteVi: text(),
  },
  (t) => [uniqueIndex("milestones_target_year_uq").on(t.targetId, t.year)],
);
