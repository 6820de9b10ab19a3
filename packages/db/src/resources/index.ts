/** Every core resource, by its API name. A new resource is a file here and a line below. */
import { agencies } from "./agencies.js";
import { indicatorValues, reportValues } from "./figures.js";
import { indicators } from "./indicators.js";
import { localities } from "./localities.js";
import { agencyDuties, documentRelations, fundingSources, reportingObligations, solutionGroups } from "./plan-parts.js";
import { plans } from "./plans.js";
import { pluginRecords } from "./plugin-records.js";
import { reportingPeriods, reports } from "./reports.js";
import { milestones, targets } from "./targets.js";
import { tasks } from "./tasks.js";
import { users } from "./users.js";

export const RESOURCES = {
  localities,
  agencies,
  indicators,
  plans,
  documentRelations,
  solutionGroups,
  fundingSources,
  agencyDuties,
  reportingObligations,
  targets,
  milestones,
  tasks,
  indicatorValues,
  users,
  reportingPeriods,
  reports,
  reportValues,
  pluginRecords,
};

export type ResourceName = keyof typeof RESOURCES;
export { planChild } from "./plans.js";
/** Read by the API as reference data, written by administrators and the province file (not a CRUD resource of the API). */
export { collectiveAssignees, collectiveCodeErrors } from "./collectives.js";
export { figureErrors, withComputedValue, publishedFigureLocked } from "./figures.js";
export { reportLock, reportLocked, periodClosed, closedPeriodFor } from "./shared.js";
export { isoToday } from "./reports.js";
export { pluginEnabledAt } from "./plugin-visibility.js";
/** Plan documents under review: guarded like a resource, served by the `planImport` router (not a CRUD resource). */
export { planImports } from "./plan-imports.js";
/** Who issues and signs a locality's annual report of a year: guarded like a resource, served by the `reporting` router. */
export { annualReportSignatures, annualReportSignatureOf, saveAnnualReportSignature } from "./annual-report-signatures.js";
