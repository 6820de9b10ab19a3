import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { PlanImportError, type ImportErrorCode } from "./errors.js";
import { docxLyingSizes, docxWithExternalEntity, docxZipBomb, longPdf, scannedPdf, textToDocx, textToPdf } from "./fixtures.js";
import { importPlan } from "./import.js";
import { readDocument } from "./read.js";
import { normalise } from "./normalise.js";

async function refusal(p: Promise<unknown>): Promise<PlanImportError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PlanImportError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}
const expectRefused = async (p: Promise<unknown>, code: ImportErrorCode, vi: RegExp) => {
  const e = await refusal(p);
  expect(e.code).toBe(code);
  expect(e.vi).toMatch(vi);
  expect(e.en.length).toBeGreaterThan(10);
};

describe("readers", () => {
  it("reads a PDF's text layer, rebuilding paragraphs and dropping running headers and page numbers", async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `Đoạn ${i + 1}: Ủy ban nhân dân tỉnh Lạng Sơn giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với các sở, ngành liên quan${" và các xã, phường".repeat(i % 7)} triển khai thực hiện kế hoạch trên địa bàn.`);
    const pdf = await textToPdf(lines.join("\n"), { header: "Kế hoạch số 243/KH-UBND", pageNumbers: true });
    const raw = await readDocument(pdf);
    expect(raw.format).toBe("pdf");
    expect(raw.pageCount).toBeGreaterThanOrEqual(3);
    const text = normalise(raw).text.split("\n");
    expect(text).toEqual(lines);
  });
  it("writes Word's automatic numbering back into the text, counting on across paragraphs until a new part", async () => {
    const raw = await readDocument(await textToDocx("IV. KINH PHÍ\n1. Nguồn\nĐoạn.\n2. Dự toán\nV. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- Chủ trì việc A.\na) Mục một\nb) Mục hai\n2. Sở Nội vụ", { autoNumber: true }));
    expect(raw.pages[0]).toEqual(["IV. KINH PHÍ", "1. Nguồn", "Đoạn.", "2. Dự toán", "V. TỔ CHỨC THỰC HIỆN", "1. Sở Y tế", "- Chủ trì việc A.", "a) Mục một", "b) Mục hai", "2. Sở Nội vụ"]);
  });
  it("reads a DOCX's paragraphs and tables", async () => {
    const raw = await readDocument(await textToDocx("KẾ HOẠCH\n| Nhiệm vụ | Cơ quan chủ trì |\n| Rà soát | Sở Y tế |\nĐoạn cuối."));
    expect(raw.pages[0]).toEqual(["KẾ HOẠCH", "| Nhiệm vụ | Cơ quan chủ trì |", "| Rà soát | Sở Y tế |", "Đoạn cuối."]);
  });
});

describe("refusals: clear bilingual messages, nothing returned", () => {
  const plan = "KẾ HOẠCH\nTriển khai thực hiện Chiến lược phát triển giáo dục\nTỷ lệ huy động trẻ nhà trẻ đến trường đạt 48,5%.";
  it("a document with no targets", async () => {
    await expectRefused(importPlan(Buffer.from("KẾ HOẠCH\nTổ chức hội nghị tổng kết năm học.\nCác đơn vị chuẩn bị báo cáo."), "x.txt"), "noTargets", /không có chỉ tiêu/);
  });
  it("a file that is not a plan", async () => {
    await expectRefused(importPlan(Buffer.from("Danh sách mua sắm: bút, giấy, mực in.\nTổng cộng: 3 món."), "x.txt"), "notAPlan", /không phải là một kế hoạch/);
    await expectRefused(importPlan(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "x.png"), "unsupportedFormat", /chỉ nhận/);
  });
  it("a zip that is not a Word document (an .xlsx, a .zip)", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    await expectRefused(importPlan(await zip.generateAsync({ type: "nodebuffer" }), "book.xlsx"), "unsupportedFormat", /không phải văn bản Word/);
  });
  it("a scanned PDF without a text layer", async () => {
    await expectRefused(importPlan(await scannedPdf(), "scan.pdf"), "noTextLayer", /không có lớp chữ/);
  });
  it("an encrypted PDF", async () => {
    await expectRefused(importPlan(await textToPdf(plan, { userPassword: "bi-mat" }), "locked.pdf"), "encrypted", /mật khẩu/);
  });
  it("a 200-page PDF", async () => {
    await expectRefused(importPlan(await longPdf(200), "long.pdf"), "tooManyPages", /200 trang/);
  });
  it("a 200-page DOCX (too much text)", async () => {
    const page = "Tỷ lệ huy động trẻ nhà trẻ đến trường đạt 48,5%, trẻ em mẫu giáo đạt 99,2% theo kế hoạch của địa phương. ".repeat(22);
    await expectRefused(importPlan(await textToDocx(`KẾ HOẠCH\n${Array.from({ length: 200 }, () => page).join("\n")}`), "long.docx"), "tooLong", /quá dài/);
  });
  it("a zip bomb dressed as a DOCX, before any parsing", async () => {
    await expectRefused(importPlan(await docxZipBomb(), "bomb.docx"), "unsafeArchive", /nén bất thường|giải nén/);
  });
  it("a DOCX whose archive lies about its sizes", async () => {
    await expectRefused(importPlan(await docxLyingSizes(), "liar.docx"), "unsafeArchive", /giải nén vượt/);
  });
  it("a DOCX declaring external entities", async () => {
    await expectRefused(importPlan(await docxWithExternalEntity(), "xxe.docx"), "unsafeArchive", /DOCTYPE/);
  });
  it("but the same plan as a clean DOCX and PDF is read", async () => {
    for (const buf of [await textToDocx(plan), await textToPdf(plan)]) {
      const d = await importPlan(buf, "ok");
      expect(d.targets.map((t) => [t.indicator?.code, t.value])).toEqual([["ecec.nursery.enrolment_rate", 48.5]]);
    }
  });
});
