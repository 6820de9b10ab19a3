import { z } from "zod";
import { ComparatorSchema, TaskTimingSchema } from "@eduplan/domain";

/**
 * The output of an import: a draft that nothing has written anywhere. A review step shows `text` with each finding
 * highlighted (`span`), lets the officer accept, correct or reject each finding (`review`), and only then creates the
 * plan through the guarded write path.
 */

/** Character offsets [start, end) into `PlanDraft.text` and the sentence they come from. */
export const SourceSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  sentence: z.string(),
  /** Section path as the document numbers it: "II.1", "V.3", "Điều 2". */
  section: z.string().nullable(),
});
export type Source = z.infer<typeof SourceSchema>;

/** What the officer decided; every finding starts as pending. */
export const ReviewSchema = z.object({
  status: z.enum(["pending", "accepted", "corrected", "rejected"]).default("pending"),
  note: z.string().nullable().default(null),
});
export type Review = z.infer<typeof ReviewSchema>;

const findingBase = {
  id: z.string(),
  source: SourceSchema,
  confidence: z.number().min(0).max(1),
  review: ReviewSchema,
};

export const DOCUMENT_KINDS = ["plan", "resolution", "decision", "other"] as const;

export const CitationSchema = z.object({
  id: z.string(),
  kind: z.string().nullable(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  relation: z.enum(["implements", "legalBasis", "considered", "cites"]),
  /** The document already in the system this citation names (see linkCitations); null = kept as a citation. */
  knownDocumentId: z.string().nullable().default(null),
  source: SourceSchema,
  /** Defects kept, not fixed: an impossible date, a number that differs elsewhere. */
  notes: z.array(z.string()).default([]),
});
export type Citation = z.infer<typeof CitationSchema>;

export const DocumentFindingSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string().nullable(),
  /** "KH-UBND" even when the number is blank ("Số: /KH-UBND"). */
  symbol: z.string().nullable(),
  issuer: z.string().nullable(),
  localityLevel: z.enum(["province", "district", "commune"]).nullable(),
  localityName: z.string().nullable(),
  place: z.string().nullable(),
  /** ISO date when complete; parts kept when the day is blank ("ngày … tháng 3 năm 2025"). */
  date: z.string().nullable(),
  dateParts: z.object({ day: z.number().nullable(), month: z.number().nullable(), year: z.number().nullable() }).nullable(),
  signer: z.string().nullable(),
  signerTitle: z.string().nullable(),
  signedOnBehalfOf: z.string().nullable(),
  title: z.string().nullable(),
  periodStart: z.number().int().nullable(),
  periodEnd: z.number().int().nullable(),
  visionYear: z.number().int().nullable(),
  citations: z.array(CitationSchema),
  /** Conflicts and gaps the officer should see (two numbers for one document, a blank day…). */
  notes: z.array(z.string()),
  spans: z.record(z.string(), SourceSchema),
});
export type DocumentFinding = z.infer<typeof DocumentFindingSchema>;

export const IndicatorMatchSchema = z.object({ code: z.string(), nameVi: z.string(), score: z.number() });

export const TargetFindingSchema = z.object({
  ...findingBase,
  indicator: IndicatorMatchSchema.nullable(),
  runnerUp: IndicatorMatchSchema.nullable(),
  comparator: ComparatorSchema,
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  /** The figure as written ("48,5%"), kept for precision ("8,0" is not "8"). */
  valueText: z.string().nullable(),
  unit: z.enum(["percent", "count", "per10kInhabitants", "level", "boolean", "other"]),
  targetYear: z.number().int().nullable(),
  schoolYear: z.number().int().nullable(),
  appliesEveryYear: z.boolean(),
  isAspirational: z.boolean(),
  isApproximate: z.boolean(),
  /** "theo Phụ lục …": the figure lives in an appendix that is not in the file. */
  byReference: z.boolean(),
  conditionVi: z.string().nullable(),
  areaFlag: z.string().nullable(),
  ageFrom: z.number().int().nullable(),
  ageTo: z.number().int().nullable(),
  /** "4/10 xã": how many of how many units. */
  counted: z.object({ count: z.number(), outOf: z.number(), entity: z.string() }).nullable(),
  /** Index (in `targets`) of the target this one belongs to ("trong đó", "riêng"). */
  parentIndex: z.number().int().nullable(),
  /** Several levels stated with one figure ("cấp tiểu học, cấp THCS, cấp THPT đạt 100%"). */
  pooledWith: z.array(z.number().int()),
});
export type TargetFinding = z.infer<typeof TargetFindingSchema>;

export const AgencyRefSchema = z.object({
  /** A registry code ("education-dept"), or "new:<slug>" for a body the registry does not know (to create on review). */
  code: z.string(),
  nameVi: z.string(),
  collective: z.boolean(),
  known: z.boolean().default(true),
  /** The words of the document. */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type AgencyRef = z.infer<typeof AgencyRefSchema>;

export const TaskFindingSchema = z.object({
  ...findingBase,
  text: z.string(),
  leads: z.array(AgencyRefSchema),
  coordinators: z.array(AgencyRefSchema),
  /** Bodies the issuer cannot command ("Đề nghị Ủy ban MTTQ …"): asked, not assigned. */
  requested: z.array(AgencyRefSchema),
  /** null = the document states no timing. */
  timing: TaskTimingSchema.nullable(),
  timingText: z.string().nullable(),
  from: z.enum(["assignmentSection", "taskTable"]),
  /** Index of an earlier identical row of a task table. */
  repeatOf: z.number().int().nullable(),
});
export type TaskFinding = z.infer<typeof TaskFindingSchema>;

export const ReportingDutyFindingSchema = z.object({
  ...findingBase,
  reporters: z.array(AgencyRefSchema),
  recipients: z.array(AgencyRefSchema),
  /** Whom the recipient consolidates for ("… gửi Sở GD&ĐT để tổng hợp, báo cáo UBND tỉnh"). */
  onwardRecipients: z.array(AgencyRefSchema),
  via: z.array(AgencyRefSchema),
  frequency: z.enum(["yearly", "periodic", "adHoc", "onCompletion", "notStated"]),
  /** "10/12" for "trước ngày 10/12 hằng năm". */
  dueDayMonth: z.string().nullable(),
});
export type ReportingDutyFinding = z.infer<typeof ReportingDutyFindingSchema>;

export const AgencyFindingSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  collective: z.boolean(),
  mentions: z.number().int(),
  roles: z.array(z.enum(["lead", "coordinator", "requested", "reporter", "recipient"])),
});
export type AgencyFinding = z.infer<typeof AgencyFindingSchema>;

export const PlanDraftSchema = z.object({
  format: z.enum(["text", "docx", "pdf"]),
  fileName: z.string(),
  /** The normalised text every span points into. */
  text: z.string(),
  pages: z.number().int().nullable(),
  removedFurniture: z.array(z.string()),
  document: DocumentFindingSchema,
  targets: z.array(TargetFindingSchema),
  tasks: z.array(TaskFindingSchema),
  agencies: z.array(AgencyFindingSchema),
  reportingDuties: z.array(ReportingDutyFindingSchema),
  /** References to appendices the figures or tasks live in ("Có Phụ lục I kèm theo"). */
  appendixReferences: z.array(SourceSchema),
});
export type PlanDraft = z.infer<typeof PlanDraftSchema>;
