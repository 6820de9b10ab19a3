/**
 * The PostgreSQL tables of EduPlan, derived from the SQLite schema (`src/schema`) by `derivePgTables` — one schema
 * definition for both dialects. `pgTables` holds every table under the export name of its SQLite table.
 *
 * drizzle-kit (`drizzle.pg.config.ts`) reads the tables from this module's named exports, so each table is exported
 * by name below as well; `pg/schema.test.ts` fails when a SQLite table has no export here (or the reverse).
 */
import * as sqliteSchema from "../schema/index.js";
import { derivePgTables, sqliteTablesOf } from "./derive.js";

export const pgTables = derivePgTables(sqliteTablesOf(sqliteSchema));

export const agencies = pgTables.agencies!;
export const agencyDuties = pgTables.agencyDuties!;
export const agencySuccessions = pgTables.agencySuccessions!;
export const annualReportSignatures = pgTables.annualReportSignatures!;
export const auditLog = pgTables.auditLog!;
export const collectiveAssignees = pgTables.collectiveAssignees!;
export const collectiveMembers = pgTables.collectiveMembers!;
export const documentRelations = pgTables.documentRelations!;
export const educationLevels = pgTables.educationLevels!;
export const fundingSources = pgTables.fundingSources!;
export const indicatorRollups = pgTables.indicatorRollups!;
export const indicatorValues = pgTables.indicatorValues!;
export const indicators = pgTables.indicators!;
export const installedPlugins = pgTables.installedPlugins!;
export const localities = pgTables.localities!;
export const localityClosure = pgTables.localityClosure!;
export const localityLevels = pgTables.localityLevels!;
export const localityPlugins = pgTables.localityPlugins!;
export const localitySettings = pgTables.localitySettings!;
export const milestones = pgTables.milestones!;
export const planImports = pgTables.planImports!;
export const plans = pgTables.plans!;
export const pluginMigrations = pgTables.pluginMigrations!;
export const pluginRecords = pgTables.pluginRecords!;
export const reportValues = pgTables.reportValues!;
export const reportingObligations = pgTables.reportingObligations!;
export const reportingPeriods = pgTables.reportingPeriods!;
export const reportingRecipients = pgTables.reportingRecipients!;
export const reports = pgTables.reports!;
export const sessions = pgTables.sessions!;
export const solutionGroups = pgTables.solutionGroups!;
export const targets = pgTables.targets!;
export const taskAssignees = pgTables.taskAssignees!;
export const tasks = pgTables.tasks!;
export const users = pgTables.users!;
