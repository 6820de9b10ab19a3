/**
 * The annual report's issuer, signing form and signer, kept per report (locality and year): stored through the guarded
 * write path (validated, in the user's area, audit-logged), read back, and used by the DOCX when a request names none.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { errorOf, loginAs, startTestServer, type Client, type TestServer } from "./testing.js";

let server: TestServer;
let officer: Client;
let admin: Client;
let viewer: Client;
let bangmac: Client;

const decode = (t: string) => t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The signature block of a DOCX: the paragraphs of the last table's second cell (the signer), and the first cell (Nơi nhận). */
async function signatureBlock(base64: string) {
  const xml = await (await JSZip.loadAsync(Buffer.from(base64, "base64"))).file("word/document.xml")!.async("string");
  const last = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].at(-1)![0];
  const cells = [...last.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => c[0]);
  const paragraphs = (cell: string) =>
    [...cell.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => decode([...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")).replace(/\u00a0/g, " "));
  const header = decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].slice(0, 6).map((m) => m[1]).join(" ")).replace(/\u00a0/g, " ");
  return { recipients: paragraphs(cells[0]!), signer: paragraphs(cells[1]!).filter(Boolean), header };
}

beforeAll(async () => {
  server = await startTestServer();
  [officer, admin, viewer, bangmac] = await Promise.all([
    loginAs(server.url, "langson.officer"),
    loginAs(server.url, "admin"),
    loginAs(server.url, "langson.viewer"),
    loginAs(server.url, "bangmac.officer"),
  ]);
});
afterAll(() => server?.stop());

describe("reporting.saveAnnualReportSignature / annualReportSignature", () => {
  test("stored, read back, used by the DOCX (signature block and issuer), changed, audit-logged", async () => {
    const localityId = (await officer.trpc.localities.list.query({ filter: { code: "lang-son" } })).data[0]!.id;
    expect(await officer.trpc.reporting.annualReportSignature.query({ localityId, year: 2026 })).toBeNull();

    const saved = await officer.trpc.reporting.saveAnnualReportSignature.mutate({
      localityId,
      year: 2026,
      issuer: "peoplesCommittee",
      signingForm: "KT",
      signerName: "  Đoàn Thu Hà ",
      signerTitle: null,
      draftingUnit: "KGVX",
    });
    expect(saved).toMatchObject({ localityId, year: 2026, issuer: "peoplesCommittee", signingForm: "KT", signerName: "Đoàn Thu Hà", signerTitle: null, draftingUnit: "KGVX" });
    expect(await viewer.trpc.reporting.annualReportSignature.query({ localityId, year: 2026 })).toMatchObject({ issuer: "peoplesCommittee", signerName: "Đoàn Thu Hà" });
    // Another year has its own choice.
    expect(await officer.trpc.reporting.annualReportSignature.query({ localityId, year: 2025 })).toBeNull();

    // A download naming nobody uses the stored choice.
    const ubnd = await signatureBlock((await viewer.trpc.reporting.annualReport.query({ localityId, year: 2026, format: "docx" })).base64);
    expect(ubnd.header).toMatch(/^ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN/);
    expect(ubnd.signer).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đoàn Thu Hà"]);
    expect(ubnd.recipients.at(-1)).toBe("- Lưu: VT, KGVX.");

    // Changed: a Sở report signed TL. by a head of division with their own title.
    const changed = await officer.trpc.reporting.saveAnnualReportSignature.mutate({
      localityId,
      year: 2026,
      issuer: "educationDept",
      signingForm: "TL",
      signerName: "Nguyễn Văn Bình",
      signerTitle: "Trưởng phòng Kế hoạch - Tài chính",
      draftingUnit: "",
    });
    expect(changed).toMatchObject({ issuer: "educationDept", signingForm: "TL", draftingUnit: null, version: saved.version + 1 });
    const so = await signatureBlock((await officer.trpc.reporting.annualReport.query({ localityId, year: 2026, format: "docx" })).base64);
    expect(so.header).toMatch(/^UBND TỈNH LẠNG SƠN SỞ GIÁO DỤC VÀ ĐÀO TẠO/);
    expect(so.signer).toEqual(["TL. GIÁM ĐỐC", "TRƯỞNG PHÒNG KẾ HOẠCH - TÀI CHÍNH", "Nguyễn Văn Bình"]);
    expect(so.recipients.at(-1)).toBe("- Lưu: VT, KHTC.");

    // A request that names its own choice still prints that one.
    const own = await signatureBlock((await officer.trpc.reporting.annualReport.query({ localityId, year: 2026, format: "docx", issuer: "educationDept", signingForm: "Q" })).base64);
    expect(own.signer).toEqual(["Q. GIÁM ĐỐC"]);

    const audit = await admin.trpc.auditLog.list.query({ filter: { entity: "annualReportSignatures", entityId: saved.id }, sort: { field: "id", order: "ASC" } });
    expect(audit.data.map((e) => e.action)).toEqual(["create", "update"]);
  });

  test("validated: TM. for a Sở, lengths, unknown fields, another province, a viewer — clear errors, nothing stored", async () => {
    const localityId = (await officer.trpc.localities.list.query({ filter: { code: "lang-son" } })).data[0]!.id;
    const base = { localityId, year: 2025, issuer: "educationDept" };
    const tm = await errorOf(officer.trpc.reporting.saveAnnualReportSignature.mutate({ ...base, signingForm: "TM" }));
    expect(tm.data.code).toBe("BAD_REQUEST");
    expect(tm.data.eduplan?.fieldErrors[0]).toMatchObject({ path: "signingForm", message: { vi: expect.stringMatching(/thay mặt/) } });
    const long = await errorOf(officer.trpc.reporting.saveAnnualReportSignature.mutate({ ...base, signerName: "A".repeat(121) }));
    expect(long.data.code).toBe("BAD_REQUEST");
    expect(long.data.eduplan?.fieldErrors[0]?.path).toBe("signerName");
    const issuer = await errorOf(officer.trpc.reporting.saveAnnualReportSignature.mutate({ ...base, issuer: "ministry" }));
    expect(issuer.data.eduplan?.fieldErrors[0]?.path).toBe("issuer");
    expect((await errorOf(officer.trpc.reporting.saveAnnualReportSignature.mutate({ ...base, seal: "x" }))).data.code).toBe("BAD_REQUEST");
    expect((await errorOf(viewer.trpc.reporting.saveAnnualReportSignature.mutate(base))).data.code).toBe("FORBIDDEN");
    // A commune officer cannot set the province's report.
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain((await errorOf(bangmac.trpc.reporting.saveAnnualReportSignature.mutate(base))).data.code);
    expect(await officer.trpc.reporting.annualReportSignature.query({ localityId, year: 2025 })).toBeNull();
  });
});
