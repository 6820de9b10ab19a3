import { z } from "zod";
import { normaliseDocumentNumber } from "./text.js";
import { bi } from "./errors.js";
import {
  CodeSchema,
  IdSchema,
  IsoDateSchema,
  MonthDaySchema,
  NameViSchema,
  recordFields,
  YearSchema,
} from "./primitives.js";

export const DOCUMENT_KINDS = [
  "plan",
  "resolution",
  "decision",
  "strategy",
  "conclusion",
  "directive",
  "actionProgramme",
  "law",
  "decree",
  "masterPlan",
  "scheme",
  "submission",
  "other",
] as const;
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const PLAN_STATUSES = ["draft", "issued", "superseded", "expired"] as const;
export const PlanStatusSchema = z.enum(PLAN_STATUSES);

const planFields = {
  code: CodeSchema,
  documentKind: DocumentKindSchema,
  /** "243/KH-UBND"; null while a draft or when the text leaves it blank ("Số: /KH-UBND"). */
  number: z.string().trim().max(60).nullable().default(null),
  titleVi: NameViSchema.max(2000),
  titleEn: z.string().trim().max(2000).nullable().default(null),
  localityId: IdSchema,
  issuingBodyVi: z.string().trim().max(300).nullable().default(null),
  issuingAgencyId: IdSchema.nullable().default(null),
  issuedOn: IsoDateSchema.nullable().default(null),
  signer: z.string().trim().max(200).nullable().default(null),
  signerTitleVi: z.string().trim().max(200).nullable().default(null),
  periodStart: YearSchema.nullable().default(null),
  periodEnd: YearSchema.nullable().default(null),
  visionYear: YearSchema.nullable().default(null),
  status: PlanStatusSchema.default("issued"),
  /** The plan this one adopts in the cascade, when it is in the system. */
  parentPlanId: IdSchema.nullable().default(null),
  generalObjectiveVi: z.string().max(20_000).nullable().default(null),
  /** What the document itself does not say or says oddly ("the signature block names no signer"). */
  noteVi: z.string().trim().max(4000).nullable().default(null),
};

const periodOk = (p: { periodStart: number | null; periodEnd: number | null }) =>
  p.periodStart === null || p.periodEnd === null || p.periodStart <= p.periodEnd;

export const PlanInputSchema = z
  .object(planFields)
  .refine(periodOk, { message: bi("periodEnd must not be before periodStart", "Năm kết thúc không được trước năm bắt đầu"), path: ["periodEnd"] });
export type PlanInput = z.input<typeof PlanInputSchema>;
export const PlanSchema = z.object({ ...recordFields, ...planFields });
export type Plan = z.infer<typeof PlanSchema>;

export const DOCUMENT_RELATION_KINDS = ["implements", "approves", "replaces", "cites"] as const;

/**
 * A relation from a plan to another document: either one in the system (`toPlanId`), or one only cited by number,
 * date and title ("Căn cứ Nghị quyết số 47/NQ-HĐND ngày 15/7/2025 …").
 */
const documentRelationFields = {
  fromPlanId: IdSchema,
  kind: z.enum(DOCUMENT_RELATION_KINDS),
  toPlanId: IdSchema.nullable().default(null),
  citedKind: DocumentKindSchema.nullable().default(null),
  /** The number as the document writes it, however irregular ("57- NQ/TW", "số 1101 /KH-UBND"). */
  citedNumber: z.string().trim().max(60).nullable().default(null),
  /** Its normalised form, for matching (written by the database from `citedNumber`). */
  citedNumberNormalised: z.string().trim().max(60).nullable().default(null),
  citedIssuedOn: IsoDateSchema.nullable().default(null),
  /** A date given as a year only ("Luật Giáo dục năm 2019"). */
  citedYear: YearSchema.nullable().default(null),
  citedIssuerVi: z.string().trim().max(300).nullable().default(null),
  citedTitleVi: z.string().trim().max(2000).nullable().default(null),
  /** A note on the citation ("cited twice with different numbers", "chưa ban hành"). */
  noteVi: z.string().trim().max(2000).nullable().default(null),
};
const relationTargetOk = (r: { toPlanId: number | null; citedNumber: string | null; citedTitleVi: string | null }) =>
  r.toPlanId !== null || r.citedNumber !== null || r.citedTitleVi !== null;
export const DocumentRelationInputSchema = z
  .object(documentRelationFields)
  .refine(relationTargetOk, { message: bi("a relation needs toPlanId, or a cited number or title", "Cần văn bản liên quan trong hệ thống, hoặc số hiệu hay trích yếu văn bản được dẫn"), path: ["toPlanId"] })
  .refine((r) => r.citedIssuedOn === null || r.citedYear === null || Number(r.citedIssuedOn.slice(0, 4)) === r.citedYear, {
    message: bi("citedYear must be the year of citedIssuedOn", "Năm ban hành phải trùng với năm của ngày ban hành"),
    path: ["citedYear"],
  });

/** What the database stores beside the number as written: its normalised form (null when there is no number). */
export const citedNumberNormalisedOf = (citedNumber: string | null | undefined): string | null =>
  citedNumber ? normaliseDocumentNumber(citedNumber.replace(/^\s*s[ốo]\s*:?\s*/i, "")) || null : null;
export const DocumentRelationSchema = z.object({ ...recordFields, ...documentRelationFields });
export type DocumentRelation = z.infer<typeof DocumentRelationSchema>;

/** One of the plan's groups of tasks and solutions (LS §III.1–7). */
const solutionGroupFields = {
  planId: IdSchema,
  code: z.string().trim().min(1).max(30),
  titleVi: NameViSchema.max(1000),
  titleEn: z.string().trim().max(1000).nullable().default(null),
  summaryVi: z.string().max(20_000).nullable().default(null),
  sortOrder: z.number().int().default(0),
};
export const SolutionGroupInputSchema = z.object(solutionGroupFields);
export const SolutionGroupSchema = z.object({ ...recordFields, ...solutionGroupFields });
export type SolutionGroup = z.infer<typeof SolutionGroupSchema>;

export const FUNDING_KINDS = [
  "stateBudget",
  "localBudget",
  "publicInvestment",
  "nationalTargetProgramme",
  "integratedProgrammeFunds",
  "odaLoans",
  "ownRevenue",
  "mobilisedFunds",
  "socialisation",
  "otherLawfulSources",
] as const;
const fundingSourceFields = {
  planId: IdSchema,
  kind: z.enum(FUNDING_KINDS),
  descriptionVi: z.string().trim().min(1).max(4000),
  sortOrder: z.number().int().default(0),
};
export const FundingSourceInputSchema = z.object(fundingSourceFields);
export const FundingSourceSchema = z.object({ ...recordFields, ...fundingSourceFields });
export type FundingSource = z.infer<typeof FundingSourceSchema>;

/** One paragraph of "Tổ chức thực hiện": an agency's (or a collective's) duties under the plan. */
const agencyDutyFields = {
  planId: IdSchema,
  agencyId: IdSchema.nullable().default(null),
  collectiveCode: CodeSchema.nullable().default(null),
  section: z.string().trim().max(30).nullable().default(null),
  dutiesVi: z.string().trim().min(1).max(20_000),
  sortOrder: z.number().int().default(0),
};
const assigneeOk = (d: { agencyId: number | null; collectiveCode: string | null }) =>
  (d.agencyId === null) !== (d.collectiveCode === null);
export const AgencyDutyInputSchema = z
  .object(agencyDutyFields)
  .refine(assigneeOk, { message: bi("name exactly one of agencyId or collectiveCode", "Chọn đúng một: cơ quan hoặc nhóm cơ quan"), path: ["agencyId"] });
export const AgencyDutySchema = z.object({ ...recordFields, ...agencyDutyFields });
export type AgencyDuty = z.infer<typeof AgencyDutySchema>;

/** `onRequest`: "theo yêu cầu" — when the recipient asks, with no fixed date. */
export const REPORT_FREQUENCIES = ["yearly", "halfYearly", "quarterly", "interimReview", "finalReview", "adHoc", "onRequest"] as const;
/**
 * Who reports what to whom, how often, by which date ("trước ngày 10/12 hằng năm"). The reporter may be an agency, a
 * collective ("các sở, ban, ngành"), both ("Phòng GD&ĐT và UBND các xã") or unnamed; the deadline may be absent; the report may go to several recipients
 * and through an intermediary ("báo cáo UBND tỉnh (qua Sở GD&ĐT)").
 */
const reportingObligationFields = {
  planId: IdSchema,
  reporterAgencyId: IdSchema.nullable().default(null),
  reporterCollectiveCode: CodeSchema.nullable().default(null),
  /** The (first) recipient. */
  recipientAgencyId: IdSchema.nullable().default(null),
  /** Further recipients ("báo cáo Bộ GD&ĐT, HĐND, UBND tỉnh"). */
  furtherRecipientAgencyIds: z.array(IdSchema).max(20).default([]),
  /** The agency the report goes through ("qua Sở GD&ĐT"). */
  viaAgencyId: IdSchema.nullable().default(null),
  subjectVi: z.string().trim().min(1).max(2000),
  frequency: z.enum(REPORT_FREQUENCIES),
  dueMonthDay: MonthDaySchema.nullable().default(null),
  dueYear: YearSchema.nullable().default(null),
};
export const ReportingObligationInputSchema = z
  .object(reportingObligationFields)
  .refine((o) => o.recipientAgencyId !== null || o.furtherRecipientAgencyIds.length === 0, {
    message: bi("name the first recipient before further ones", "Cần nêu nơi nhận thứ nhất trước các nơi nhận khác"),
    path: ["recipientAgencyId"],
  })
  .refine((o) => o.viaAgencyId === null || (o.viaAgencyId !== o.recipientAgencyId && !o.furtherRecipientAgencyIds.includes(o.viaAgencyId)), {
    message: bi("the intermediary is not itself a recipient", "Cơ quan chuyển báo cáo không đồng thời là nơi nhận"),
    path: ["viaAgencyId"],
  });
export const ReportingObligationSchema = z.object({ ...recordFields, ...reportingObligationFields });
export type ReportingObligation = z.infer<typeof ReportingObligationSchema>;
