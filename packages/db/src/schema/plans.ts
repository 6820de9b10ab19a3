import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { entityColumns, searchColumn, sortKeyColumn } from "./columns.js";
import { agencies } from "./agencies.js";
import { localities } from "./localities.js";

export const plans = sqliteTable(
  "plans",
  {
    ...entityColumns(),
    code: text().notNull(),
    documentKind: text().notNull(),
    number: text(),
    titleVi: text().notNull(),
    titleEn: text(),
    localityId: integer()
      .notNull()
      .references(() => localities.id),
    issuingBodyVi: text(),
    issuingAgencyId: integer().references(() => agencies.id),
    issuedOn: text(),
    signer: text(),
    signerTitleVi: text(),
    periodStart: integer(),
    periodEnd: integer(),
    visionYear: integer(),
    status: text().notNull().default("issued"),
    parentPlanId: integer().references((): AnySQLiteColumn => plans.id),
    generalObjectiveVi: text(),
    noteVi: text(),
    searchText: searchColumn(),
    sortKey: sortKeyColumn(),
  },
  (t) => [index("plans_sort_idx").on(t.sortKey, t.id), uniqueIndex("plans_code_uq").on(t.code), index("plans_locality_idx").on(t.localityId), index("plans_parent_idx").on(t.parentPlanId)],
);

export const documentRelations = sqliteTable(
  "document_relations",
  {
    ...entityColumns(),
    fromPlanId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    toPlanId: integer().references(() => plans.id),
    citedKind: text(),
    citedNumber: text(),
    citedNumberNormalised: text(),
    citedIssuedOn: text(),
    citedYear: integer(),
    citedIssuerVi: text(),
    citedTitleVi: text(),
    noteVi: text(),
  },
  (t) => [index("document_relations_from_idx").on(t.fromPlanId)],
);

export const solutionGroups = sqliteTable(
  "solution_groups",
  {
    ...entityColumns(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    code: text().notNull(),
    titleVi: text().notNull(),
    titleEn: text(),
    summaryVi: text(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [uniqueIndex("solution_groups_plan_code_uq").on(t.planId, t.code)],
);

export const fundingSources = sqliteTable(
  "funding_sources",
  {
    ...entityColumns(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    descriptionVi: text().notNull(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [index("funding_sources_plan_idx").on(t.planId)],
);

export const agencyDuties = sqliteTable(
  "agency_duties",
  {
    ...entityColumns(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    agencyId: integer().references(() => agencies.id),
    collectiveCode: text(),
    section: text(),
    dutiesVi: text().notNull(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [index("agency_duties_plan_idx").on(t.planId), index("agency_duties_agency_idx").on(t.agencyId)],
);

export const reportingObligations = sqliteTable(
  "reporting_obligations",
  {
    ...entityColumns(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    reporterAgencyId: integer().references(() => agencies.id),
    reporterCollectiveCode: text(),
    recipientAgencyId: integer().references(() => agencies.id),
    viaAgencyId: integer().references(() => agencies.id),
    subjectVi: text().notNull(),
    frequency: text().notNull(),
    dueMonthDay: text(),
    dueYear: integer(),
  },
  (t) => [index("reporting_obligations_plan_idx").on(t.planId)],
);

/** The further recipients of a reporting duty, beyond its first (`recipientAgencyId`). */
export const reportingRecipients = sqliteTable(
  "reporting_recipients",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    obligationId: integer()
      .notNull()
      .references(() => reportingObligations.id, { onDelete: "cascade" }),
    agencyId: integer()
      .notNull()
      .references(() => agencies.id),
    position: integer().notNull().default(0),
  },
  (t) => [index("reporting_recipients_obligation_idx").on(t.obligationId), index("reporting_recipients_agency_idx").on(t.agencyId)],
);
