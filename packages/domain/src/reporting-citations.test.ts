/** Reporting duties and cited documents as real plans write them (issue #11). */
import { describe, expect, it } from "vitest";
import { citedNumberNormalisedOf, DocumentRelationInputSchema, REPORT_FREQUENCIES, ReportingObligationInputSchema } from "./plan.js";

const paths = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? [] : r.error!.issues.map((i) => i.path.join("."));
};

describe("reporting duties", () => {
  const base = { planId: 1, subjectVi: "Báo cáo kết quả thực hiện Kế hoạch", frequency: "yearly" };
  it("several recipients, through an intermediary: 'báo cáo Bộ GD&ĐT, UBND tỉnh (qua Sở GD&ĐT)'", () => {
    const o = ReportingObligationInputSchema.parse({ ...base, reporterAgencyId: 5, recipientAgencyId: 1, furtherRecipientAgencyIds: [2], viaAgencyId: 3, dueMonthDay: "12-10" });
    expect(o).toMatchObject({ recipientAgencyId: 1, furtherRecipientAgencyIds: [2], viaAgencyId: 3 });
  });
  it("'theo yêu cầu', with no deadline; a reporter that is a collective, or none at all", () => {
    expect(REPORT_FREQUENCIES).toContain("onRequest");
    expect(ReportingObligationInputSchema.parse({ ...base, frequency: "onRequest", reporterCollectiveCode: "provincial-agencies" })).toMatchObject({ dueMonthDay: null, reporterAgencyId: null });
    expect(ReportingObligationInputSchema.parse({ ...base, recipientAgencyId: 1 }).reporterAgencyId).toBeNull();
  });
  it("an agency and a collective may report together; refuses further recipients without a first, an intermediary that is a recipient", () => {
    expect(paths(ReportingObligationInputSchema, { ...base, reporterAgencyId: 5, reporterCollectiveCode: "x" })).toEqual([]);
    expect(paths(ReportingObligationInputSchema, { ...base, furtherRecipientAgencyIds: [2] })).toEqual(["recipientAgencyId"]);
    expect(paths(ReportingObligationInputSchema, { ...base, recipientAgencyId: 1, furtherRecipientAgencyIds: [2], viaAgencyId: 2 })).toEqual(["viaAgencyId"]);
    expect(paths(ReportingObligationInputSchema, { ...base, frequency: "whenever" })).toEqual(["frequency"]);
  });
});

describe("cited documents", () => {
  const base = { fromPlanId: 1, kind: "cites" };
  it("a date that is a year only, a note, an irregular number kept as written beside its normalised form", () => {
    const r = DocumentRelationInputSchema.parse({ ...base, citedKind: "other", citedTitleVi: "Luật Giáo dục", citedYear: 2019, noteVi: "Văn bản dẫn hai lần với số hiệu khác nhau." });
    expect(r).toMatchObject({ citedYear: 2019, citedIssuedOn: null, noteVi: "Văn bản dẫn hai lần với số hiệu khác nhau." });
    expect(citedNumberNormalisedOf("57- NQ/TW")).toBe("57-NQ/TW");
    expect(citedNumberNormalisedOf("số 1101 /KH-UBND")).toBe("1101/KH-UBND");
    expect(citedNumberNormalisedOf("Số: 243/KH-UBND")).toBe("243/KH-UBND");
    expect(citedNumberNormalisedOf(null)).toBeNull();
  });
  it("refuses a year that is not the year of the date", () => {
    expect(paths(DocumentRelationInputSchema, { ...base, citedNumber: "47/NQ-HĐND", citedIssuedOn: "2025-07-15", citedYear: 2024 })).toEqual(["citedYear"]);
  });
});
