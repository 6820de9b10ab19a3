import { z } from "zod";
import {
  AgencyKindSchema,
  CodeSchema,
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
