/** The simple parts of a plan: relations to other documents, solution groups, funding, agency duties, reporting duties. */
import {
  AgencyDutyInputSchema,
  DocumentRelationInputSchema,
  FundingSourceInputSchema,
  RESOURCE_ACCESS,
  ReportingObligationInputSchema,
  SolutionGroupInputSchema,
  citedNumberNormalisedOf,
} from "@eduplan/domain";
import { eq, inArray } from "drizzle-orm";
import * as s from "../schema/index.js";
import { agencies } from "./agencies.js";
import { collectiveCodeErrors } from "./collectives.js";
import { planChild } from "./plans.js";

export const documentRelations = planChild({
  name: "documentRelations",
  entityVi: "quan hệ văn bản",
  table: s.documentRelations,
  access: RESOURCE_ACCESS.documentRelations,
  inputSchema: DocumentRelationInputSchema,
  planColumn: "fromPlanId",
  refs: { toPlanId: "readable" },
  // The number is kept as written; its normalised form, for matching, is derived here.
  beforeWrite: (_tx, data) => ({ ...data, citedNumberNormalised: citedNumberNormalisedOf(data.citedNumber as string | null) }),
});

export const solutionGroups = planChild({
  name: "solutionGroups",
  entityVi: "nhóm nhiệm vụ, giải pháp",
  table: s.solutionGroups,
  access: RESOURCE_ACCESS.solutionGroups,
  inputSchema: SolutionGroupInputSchema,
  defaultSort: { field: "sortOrder", order: "ASC" },
});

export const fundingSources = planChild({
  name: "fundingSources",
  entityVi: "nguồn kinh phí",
  table: s.fundingSources,
  access: RESOURCE_ACCESS.fundingSources,
  inputSchema: FundingSourceInputSchema,
  defaultSort: { field: "sortOrder", order: "ASC" },
});

export const agencyDuties = planChild({
  name: "agencyDuties",
  entityVi: "nhiệm vụ của cơ quan",
  table: s.agencyDuties,
  access: RESOURCE_ACCESS.agencyDuties,
  inputSchema: AgencyDutyInputSchema,
  refs: { agencyId: "readable" },
  defaultSort: { field: "sortOrder", order: "ASC" },
  check: (tx, data) => (data.collectiveCode ? collectiveCodeErrors(tx, data.planId, [{ field: "collectiveCode", code: String(data.collectiveCode) }]) : []),
});

export const reportingObligations = planChild({
  name: "reportingObligations",
  entityVi: "chế độ báo cáo",
  table: s.reportingObligations,
  access: RESOURCE_ACCESS.reportingObligations,
  inputSchema: ReportingObligationInputSchema,
  refs: { reporterAgencyId: "readable", recipientAgencyId: "readable", viaAgencyId: "readable" },
  virtualFields: ["furtherRecipientAgencyIds"],
  virtualRefs: { furtherRecipientAgencyIds: { resource: () => agencies, rule: "readable" } },
  check: (tx, data) => (data.reporterCollectiveCode ? collectiveCodeErrors(tx, data.planId, [{ field: "reporterCollectiveCode", code: String(data.reporterCollectiveCode) }]) : []),
  async load(db, rows) {
    if (!rows.length) return rows;
    const further = await db.select().from(s.reportingRecipients).where(inArray(s.reportingRecipients.obligationId, rows.map((r) => r.id))).orderBy(s.reportingRecipients.position);
    return rows.map((r) => ({ ...r, furtherRecipientAgencyIds: further.filter((f) => f.obligationId === r.id).map((f) => f.agencyId) }));
  },
  async afterWrite(tx, after, _before, data) {
    if (!("furtherRecipientAgencyIds" in data)) return;
    await tx.delete(s.reportingRecipients).where(eq(s.reportingRecipients.obligationId, after.id));
    const ids = Array.isArray(data.furtherRecipientAgencyIds) ? (data.furtherRecipientAgencyIds as unknown[]).map(Number) : [];
    if (ids.length) await tx.insert(s.reportingRecipients).values(ids.map((agencyId, position) => ({ obligationId: after.id, agencyId, position })));
  },
});
