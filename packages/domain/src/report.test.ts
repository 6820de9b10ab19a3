import { describe, expect, it } from "vitest";
import { checkTransition, isReportEditable, isReportLate, periodDeadline, REPORT_TRANSITIONS } from "./report.js";

const commune = { role: "commune_officer" as const, isOwnUnit: true, isAboveUnit: false };
const province = { role: "province_officer" as const, isOwnUnit: false, isAboveUnit: true };
const viewer = { role: "viewer" as const, isOwnUnit: true, isAboveUnit: false };
const outsider = { role: "province_officer" as const, isOwnUnit: false, isAboveUnit: false };
const admin = { role: "system_admin" as const, isOwnUnit: false, isAboveUnit: false };

describe("report workflow rules", () => {
  it("lets the unit submit a draft or a returned report, and nobody submit an approved one", () => {
    expect(checkTransition("draft", "submit", commune)).toEqual({ ok: true, to: "submitted" });
    expect(checkTransition("returned", "submit", commune)).toEqual({ ok: true, to: "submitted" });
    expect(checkTransition("draft", "submit", province)).toEqual({ ok: true, to: "submitted" });
    expect(checkTransition("approved", "submit", commune)).toMatchObject({ ok: false, reason: "status" });
    expect(checkTransition("draft", "submit", viewer)).toMatchObject({ ok: false, reason: "role" });
  });
  it("lets only the province above approve or return (with a reason)", () => {
    expect(checkTransition("submitted", "approve", province)).toEqual({ ok: true, to: "approved" });
    expect(checkTransition("submitted", "approve", commune)).toMatchObject({ ok: false, reason: "role" });
    expect(checkTransition("submitted", "approve", outsider)).toMatchObject({ ok: false, reason: "locality" });
    expect(checkTransition("submitted", "return", province, "")).toMatchObject({ ok: false, reason: "reasonRequired" });
    expect(checkTransition("submitted", "return", province, "Thiếu số liệu")).toEqual({ ok: true, to: "returned" });
    expect(checkTransition("draft", "approve", province)).toMatchObject({ ok: false, reason: "status", message: { vi: expect.stringContaining("nháp") } });
  });
  it("lets only a province officer reopen an approved report", () => {
    expect(checkTransition("approved", "reopen", province)).toEqual({ ok: true, to: "draft" });
    expect(checkTransition("approved", "reopen", admin)).toMatchObject({ ok: false, reason: "role" });
    expect(checkTransition("approved", "reopen", commune)).toMatchObject({ ok: false, reason: "role" });
    expect(REPORT_TRANSITIONS.reopen.roles).toEqual(["province_officer"]);
  });
  it("locks everything but drafts and returned reports", () => {
    expect(["draft", "submitted", "returned", "approved"].map((st) => isReportEditable(st as never))).toEqual([true, false, true, false]);
  });
  it("computes deadlines and lateness", () => {
    expect(periodDeadline(2026)).toBe("2026-12-10");
    expect(periodDeadline(2026, "12-05")).toBe("2026-12-05");
    expect(() => periodDeadline(2026, "13-40")).toThrow();
    expect(isReportLate({ status: "submitted", submittedAt: "2026-12-11T08:00:00Z" }, "2026-12-10", "2026-12-20")).toBe(true);
    expect(isReportLate({ status: "submitted", submittedAt: "2026-12-10T08:00:00Z" }, "2026-12-10", "2026-12-20")).toBe(false);
    expect(isReportLate({ status: "draft", submittedAt: null }, "2026-12-10", "2026-12-11")).toBe(true);
    expect(isReportLate({ status: "draft", submittedAt: null }, "2026-12-10", "2026-12-01")).toBe(false);
  });
});
