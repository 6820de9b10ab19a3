import { z } from "zod";
import { CodeSchema, IdSchema, NameViSchema, recordFields } from "./primitives.js";

/**
 * A plan document under review (issue #16): the draft the import extracted (its shape is `PlanDraft` of
 * `@eduplan/plan-import`, checked there), the locality the plan will belong to, and what the officer decided each
 * agency the document names stands for. Accepting it creates the plan; an accepted review no longer changes.
 */
export const PLAN_IMPORT_STATUSES = ["reviewing", "accepted"] as const;
export const PlanImportStatusSchema = z.enum(PLAN_IMPORT_STATUSES);

/**
 * What a body the document names stands for: an agency on record, a collective ("các sở, ban, ngành"), or a new
 * agency or collective to create when the plan is accepted.
 */
export const AssigneeChoiceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("agency"), agencyId: IdSchema }),
  z.object({ kind: z.literal("collective"), code: CodeSchema }),
  z.object({ kind: z.literal("new"), nameVi: NameViSchema, shortName: z.string().trim().max(100).nullable().default(null) }),
  /** A collective of the plan's locality, created on acceptance (collectives are written by administrators). */
  z.object({ kind: z.literal("newCollective"), nameVi: NameViSchema }),
]);
export type AssigneeChoice = z.infer<typeof AssigneeChoiceSchema>;

const planImportFields = {
  localityId: IdSchema,
  /** The plan in the system the new plan adopts in the cascade (a province plan for a commune's). */
  parentPlanId: IdSchema.nullable().default(null),
  fileName: z.string().trim().min(1).max(255),
  titleVi: z.string().trim().max(2000).nullable().default(null),
  status: PlanImportStatusSchema.default("reviewing"),
  /** The plan created on acceptance. */
  planId: IdSchema.nullable().default(null),
  draft: z.record(z.string(), z.unknown()),
  /** By the import's agency code ("education-dept", "new:ban-dan-toc"). */
  assignees: z.record(z.string(), AssigneeChoiceSchema).default({}),
};
export const PlanImportInputSchema = z.object(planImportFields);
export const PlanImportSchema = z.object({ ...recordFields, ...planImportFields });
export type PlanImport = z.infer<typeof PlanImportSchema>;
