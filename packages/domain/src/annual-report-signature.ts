import { z } from "zod";
import { IdSchema, YearSchema } from "./primitives.js";

/*
 * Who issues and signs a locality's annual report of a year (Nghị định 30/2020/NĐ-CP): the officer's choice, kept so
 * the next download (and the console's dialog) starts from it.
 */

/** The education department (Sở, or Phòng at district level) or the People's Committee (UBND). */
export const ANNUAL_REPORT_ISSUERS = ["educationDept", "peoplesCommittee"] as const;
/** TM. thay mặt · KT. ký thay · Q. quyền · TL. thừa lệnh; null: the head signs in their own name. */
export const ANNUAL_REPORT_SIGNING_FORMS = ["TM", "KT", "Q", "TL"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));

const annualReportSignatureFields = {
  localityId: IdSchema,
  year: YearSchema,
  issuer: z.enum(ANNUAL_REPORT_ISSUERS),
  signingForm: z.enum(ANNUAL_REPORT_SIGNING_FORMS).nullable().default(null),
  /** The signer's full name, printed under the space for signature and seal. */
  signerName: optionalText(120),
  /** The signer's own position when it is not the usual one ("PHÓ GIÁM ĐỐC"): the last title line. */
  signerTitle: optionalText(120),
  /** The drafting unit after "Lưu: VT," ("KHTC"). */
  draftingUnit: optionalText(40),
};
export const AnnualReportSignatureInputSchema = z.object(annualReportSignatureFields);
export type AnnualReportSignatureInput = z.input<typeof AnnualReportSignatureInputSchema>;

/** TM. (on behalf of) is for a collective body — the People's Committee — only; a Sở's head signs directly. */
export function signingFormAllowed(issuer: (typeof ANNUAL_REPORT_ISSUERS)[number], form: (typeof ANNUAL_REPORT_SIGNING_FORMS)[number] | null | undefined): boolean {
  return !(issuer === "educationDept" && form === "TM");
}
