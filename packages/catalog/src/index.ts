import { z } from "zod";
import {
  AgencyKindSchema,
  CodeSchema,
  ComparatorSchema,
  DEFAULT_COLLECTIVE_ASSIGNEES,
  DEFAULT_LOCALITY_LEVELS,
  DocumentKindSchema,
  EDUCATION_LEVELS,
  IndicatorInputSchema,
  IsoDateSchema,
  YearSchema,
} from "@eduplan/domain";
import indicatorsJson from "../data/indicators.json" with { type: "json" };
import nationalJson from "../data/national.json" with { type: "json" };
import nationalTargetsJson from "../data/national-targets-1705.json" with { type: "json" };

/** The core indicators (one per concept), from the catalog of the three seed documents. */
export const CORE_INDICATORS = z.array(IndicatorInputSchema).parse(indicatorsJson);

const NationalSchema = z.object({
  nation: z.object({ code: CodeSchema, officialCode: z.string(), nameVi: z.string(), nameEn: z.string(), levelCode: CodeSchema }),
  agencies: z.array(
    z.object({ code: CodeSchema, nameVi: z.string(), nameEn: z.string(), shortName: z.string().optional(), kind: AgencyKindSchema }),
  ),
  plans: z.array(
    z.object({
      code: CodeSchema,
      documentKind: DocumentKindSchema,
      number: z.string(),
      titleVi: z.string(),
      titleEn: z.string(),
      issuingBodyVi: z.string(),
      issuingAgency: CodeSchema,
      issuedOn: IsoDateSchema,
      periodStart: YearSchema,
      periodEnd: YearSchema,
      visionYear: YearSchema,
      status: z.enum(["draft", "issued", "superseded", "expired"]),
    }),
  ),
});

/** The nation, its central agencies and the national strategy (1705/QĐ-TTg), root of the cascade of plans. */
export const NATIONAL = NationalSchema.parse(nationalJson);

export const LOCALITY_LEVELS = DEFAULT_LOCALITY_LEVELS;
export { EDUCATION_LEVELS, DEFAULT_COLLECTIVE_ASSIGNEES };

const NationalTargetsSchema = z.object({
  plan: CodeSchema,
  sourceNoteVi: z.string(),
  sourceNoteEn: z.string(),
  sources: z.array(z.string()),
  /** Indicators only the national strategy sets (shares of provinces, international students, rankings). */
  indicators: z.array(IndicatorInputSchema),
  targets: z.array(
    z.object({
      code: CodeSchema,
      /** The line of the source list (national-strategy-1705.md) the target comes from. */
      item: z.number().int().positive(),
      indicator: CodeSchema,
      comparator: ComparatorSchema,
      value: z.number().nullable(),
      targetYear: YearSchema,
      isAspirational: z.boolean(),
      section: z.string(),
      phraseVi: z.string(),
      conditionVi: z.string().optional(),
      /** Where the figure was published: the press articles reporting the decision. */
      sources: z.array(z.string()).min(1),
      sourceNoteVi: z.string(),
    }),
  ),
});

/**
 * The national 2030 targets of the strategy 1705/QĐ-TTg, as the national press reported them (the decision's own text is
 * not among the documents we ship): each with its sources and the note to check it against the official gazette. They
 * are loaded as the targets of the `national-strategy-1705` plan, so a province's cascade compares with them.
 */
export const NATIONAL_TARGETS = NationalTargetsSchema.parse(nationalTargetsJson);

/** Every indicator the reference data loads: the core catalog and those only the national strategy uses. */
export const REFERENCE_INDICATORS = [...CORE_INDICATORS, ...NATIONAL_TARGETS.indicators];
