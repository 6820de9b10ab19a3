import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  AgencyDutySchema,
  AgencySchema,
  DocumentRelationSchema,
  FundingSourceSchema,
  IndicatorSchema,
  IndicatorValueSchema,
  LocalitySchema,
  MilestoneSchema,
  PlanSchema,
  ReportingObligationSchema,
  SolutionGroupSchema,
  TargetSchema,
  TaskSchema,
  UserSchema,
  ReportingPeriodSchema,
  ReportSchema,
  ReportValueSchema,
  PluginRecordSchema,
  PlanImportSchema,
} from "@eduplan/domain";
import { foreignRefs, resourceOfTable } from "./guard.js";
import { RESOURCES as API_RESOURCES, planImports, type ResourceName } from "./resources/index.js";

/** The API's CRUD resources and the guarded resources served by their own routers. */
const RESOURCES = { ...API_RESOURCES, planImports };

/** The domain's record schema for each table: the two must not drift. */
const DOMAIN_SCHEMAS: Record<ResourceName | "planImports", z.ZodObject> = {
  localities: LocalitySchema,
  agencies: AgencySchema,
  indicators: IndicatorSchema,
  plans: PlanSchema,
  documentRelations: DocumentRelationSchema,
  solutionGroups: SolutionGroupSchema,
  fundingSources: FundingSourceSchema,
  agencyDuties: AgencyDutySchema,
  reportingObligations: ReportingObligationSchema,
  targets: TargetSchema,
  milestones: MilestoneSchema,
  tasks: TaskSchema,
  indicatorValues: IndicatorValueSchema,
  users: UserSchema,
  reportingPeriods: ReportingPeriodSchema,
  reports: ReportSchema,
  reportValues: ReportValueSchema,
  pluginRecords: PluginRecordSchema,
  planImports: PlanImportSchema,
};

/** Columns the database keeps for itself, which the domain does not model. */
const STORAGE_ONLY = new Set(["createdAt", "updatedAt", "searchText", "sortKey", "passwordHash"]);

describe("drizzle tables agree with the domain's zod schemas", () => {
  for (const [name, def] of Object.entries(RESOURCES) as [keyof typeof RESOURCES, (typeof RESOURCES)[keyof typeof RESOURCES]][]) {
    it(`${name}: same fields, same nullability`, () => {
      const columns = getTableColumns(def.table) as Record<string, { notNull: boolean }>;
      const shape = DOMAIN_SCHEMAS[name].shape as Record<string, z.ZodType>;
      const virtual = new Set(def.virtualFields ?? []);
      const columnFields = Object.keys(columns).filter((c) => !STORAGE_ONLY.has(c)).sort();
      const domainFields = Object.keys(shape).filter((f) => !virtual.has(f)).sort();
      expect(columnFields).toEqual(domainFields);
      for (const field of domainFields) {
        const acceptsNull = shape[field]!.safeParse(null).success;
        expect({ field, nullable: !columns[field]!.notNull }).toEqual({ field, nullable: acceptsNull });
      }
    });
  }
  it("covers every resource", () => {
    expect(Object.keys(DOMAIN_SCHEMAS).sort()).toEqual(Object.keys(RESOURCES).sort());
  });
});

describe("every reference column is declared with its area rule", () => {
  for (const [name, def] of Object.entries(RESOURCES) as [keyof typeof RESOURCES, (typeof RESOURCES)[keyof typeof RESOURCES]][]) {
    it(`${name}: each foreign key has a rule (readable, writable or exists), and no rule names a non-reference`, () => {
      const foreign = foreignRefs(def.table).map((r) => r.field).sort();
      expect(Object.keys(def.refs).sort()).toEqual(foreign);
      expect(resourceOfTable(def.table)).toBe(def);
    });
  }
});
