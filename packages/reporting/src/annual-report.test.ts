import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositories, eq, first, schema as s, SYSTEM_ACTOR, type Db } from "@eduplan/db";
import { annualReportModel, buildAnnualReportDocx, buildAnnualReportXlsx, consolidate, formatPercent } from "./index.js";
import { MODELLING_NOTE_PATTERN, TARGET_STATE_LABELS } from "@eduplan/domain";
import { localityId, seededDatabase, type Seeded } from "./test-support.js";

let seeded: Seeded;
let db: Db;
let langSon: number;

beforeAll(async () => {
  seeded = await seededDatabase("annual");
  db = seeded.db;
  langSon = await localityId(db, "lang-son");
  // Give two of the province's tasks a status, so the task section has more than "not started".
  const repos = createRepositories(db);
  const plan = (await first(db.select().from(s.plans).where(eq(s.plans.code, "lang-son-243-2025"))))!;
  const tasks = await repos.tasks.list({ filter: { planId: plan.id } }, SYSTEM_ACTOR);
  const byCode = new Map(tasks.data.map((t) => [t.code as string, t]));
  const yearly = byCode.get("ls.yearly-report")!;
  await repos.tasks.update(yearly.id, { status: "completed" }, yearly.version, SYSTEM_ACTOR);
  const programmes = byCode.get("ls.annual-programmes")!;
  await repos.tasks.update(programmes.id, { status: "inProgress" }, programmes.version, SYSTEM_ACTOR);
});
afterAll(() => seeded.close());

const decode = (t: string) =>
  t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, "&");
// Non-breaking spaces (names kept on one line) read as spaces.
const textOf = (xml: string) => decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")).replace(/\u00a0/g, " ");
const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));

/** Read a DOCX back: its paragraphs' text (in order) and its tables as rows of cell texts. */
async function readDocx(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")!.async("string");
  const styles = await zip.file("word/styles.xml")!.async("string");
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphsOf(c[0]).join("\n"))),
  );
  return { xml, styles, paragraphs: paragraphsOf(xml), tables };
}

describe("buildAnnualReportDocx", () => {
  it("is the consolidated report in the Vietnamese administrative layout, with the targets, tasks and units tables", async () => {
    const buffer = await buildAnnualReportDocx(db, { localityId: langSon, year: 2026, today: "2026-12-15", reportDate: "2026-12-20" });
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    const { xml, styles, paragraphs, tables } = await readDocx(buffer);
    const all = paragraphs.join("\n");

    // Header: issuing body on the left, the national motto on the right, place and date.
    const header = tables[0]!;
    expect(header[0]![0]).toMatch(/UBND TỈNH LẠNG SƠN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO/);
    expect(header[0]![1]).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc/);
    expect(header[0]![1]).toMatch(/Lạng Sơn, ngày 20 tháng 12 năm 2026/);
    // Title with the plan and the year.
    expect(paragraphs).toContain("BÁO CÁO");
    expect(paragraphs).toContain("Kết quả thực hiện Kế hoạch số 243/KH-UBND ngày 21/9/2025 của Ủy ban nhân dân tỉnh Lạng Sơn năm 2026");

    // I. Targets.
    expect(paragraphs).toContain("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
    const targets = tables.find((t) => t[0]![1] === "Chỉ tiêu")!;
    expect(targets[0]).toEqual(["STT", "Chỉ tiêu", "Mục tiêu đến năm 2030", "Lộ trình năm 2026", "Kết quả năm 2026", "Đánh giá"]);
    const nursery = targets.find((r) => r[1] === "Tỷ lệ huy động trẻ nhà trẻ đến trường")!;
    expect(nursery[2]).toBe("≥ 48,5%");
    const c = await consolidate(db, { localityId: langSon, year: 2026 });
    const nurseryTarget = c.targets.find((t) => t.indicator.code === "ecec.nursery.enrolment_rate")!;
    expect(nursery[4]).toBe(formatPercent(nurseryTarget.actual.value, "vi", { maxDecimals: 1, minDecimals: 1 }));
    expect(nursery[4]).toMatch(/^\d+,\d%$/);
    // The verdict of the consolidation (hence of the dashboard), not a mid-plan figure against the 2030 target.
    expect(nursery[5]).toBe(nurseryTarget.evaluation.label.vi);
    expect(nursery[3]).toMatch(/^\d+,\d% \(ước tính theo lộ trình đều\)$/);
    const rows = targets.filter((r) => r.length === 6).slice(1);
    expect(rows.length).toBe(c.targets.length);
    const assessments = new Set(rows.map((r) => r[5]));
    for (const a of assessments) expect(Object.values(TARGET_STATE_LABELS).map((l) => l.vi)).toContain(a);
    expect(assessments).toContain("Chưa có số liệu");
    expect(assessments).toContain("Đúng tiến độ");
    // Section rows group the targets as the plan does.
    expect(targets.some((r) => r.length === 1 && r[0] === "Giáo dục mầm non")).toBe(true);

    // II. Tasks due in 2026, by lead agency.
    expect(paragraphs).toContain("II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ");
    const tasks = tables.find((t) => t[0]![1] === "Cơ quan chủ trì")!;
    expect(tasks[0]).toEqual(["STT", "Cơ quan chủ trì", "Số nhiệm vụ", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện"]);
    const dept = tasks.find((r) => r[1] === "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn")!;
    expect(Number(dept[2])).toBe(Number(dept[3]) + Number(dept[4]) + Number(dept[5]));
    expect(dept[4]).toBe("1"); // annual programmes: in progress
    const reportingGroup = tasks.find((r) => r[1] === "Các sở, ban, ngành")!;
    expect(reportingGroup[3]).toBe("1"); // the yearly report: completed
    expect(all).toMatch(/Năm 2026 có \d+ nhiệm vụ cần triển khai: 1 nhiệm vụ hoàn thành, 1 nhiệm vụ đang thực hiện/);
    expect(all).toContain("- Tổ chức dạy tiếng Trung Quốc tại các địa bàn phù hợp (chưa thực hiện).");
    // A task due only in 2029 is not listed.
    expect(all).not.toContain("Đảm bảo phổ cập giáo dục mầm non cho trẻ 5 tuổi vào năm 2029");

    // III. Reporting units.
    expect(paragraphs).toContain("III. ĐƠN VỊ BÁO CÁO");
    const units = tables.find((t) => t[0]![1] === "Đơn vị")!;
    expect(units[0]).toEqual(["STT", "Đơn vị", "Trạng thái", "Ngày gửi", "Ghi chú"]);
    expect(units.length - 1).toBe(c.units.length);
    expect(units.some((r) => r[2] === "Chưa báo cáo" && r[4] === "Quá hạn, chưa gửi")).toBe(true);
    expect(units.some((r) => r[2] === "Bị trả lại" && /Lý do trả lại/.test(r[4]!))).toBe(true);
    expect(all).toMatch(/Tổng số 9 đơn vị phải báo cáo \(hạn gửi 10\/12\/2026\)/);

    // Signature and recipients (details in the Nghị định 30 tests below).
    expect(all).toContain("Nơi nhận:");
    expect(all).toContain("GIÁM ĐỐC");
    expect(all).not.toContain("Ký, ghi rõ họ tên");

    // A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt body, 13 pt tables.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
    expect(xml).toMatch(/<w:sz w:val="26"\/>/);
  });

  it("leaves the date blank by default and reports a commune's plan without a number", async () => {
    const { paragraphs, tables } = await readDocx(await buildAnnualReportDocx(db, { localityId: await localityId(db, "bang-mac"), year: 2026 }));
    expect(tables[0]![0]![0]).toMatch(/^ỦY BAN NHÂN DÂN\nXÃ BẰNG MẠC\n/);
    expect(tables[0]![0]![1]).toMatch(/Bằng Mạc, ngày … tháng … năm 2026/);
    expect(paragraphs.some((p) => p.startsWith("Kết quả thực hiện Kế hoạch triển khai thực hiện Chiến lược") && p.endsWith("năm 2026"))).toBe(true);
    const targets = tables.find((t) => t[0]![1] === "Chỉ tiêu")!;
    expect(targets.find((r) => r[1] === "Tỷ lệ huy động trẻ nhà trẻ đến trường")).toBeDefined();
  });
});

describe("buildAnnualReportXlsx", () => {
  it("has the same tables: targets, tasks by agency and their list, units", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildAnnualReportXlsx(db, { localityId: langSon, year: 2026, today: "2026-12-15" })) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Nhiệm vụ", "Danh sách nhiệm vụ", "Đơn vị báo cáo"]);
    const model = await annualReportModel(db, { localityId: langSon, year: 2026, today: "2026-12-15" });

    const targets = wb.getWorksheet("Chỉ tiêu")!;
    expect(String(targets.getCell("A1").value)).toMatch(/Báo cáo kết quả thực hiện Kế hoạch số 243\/KH-UBND .* năm 2026/);
    expect((targets.getRow(5).values as unknown[]).slice(1, 7)).toEqual(["STT", "Chỉ tiêu", "Mục tiêu đến năm 2030", "Lộ trình năm 2026", "Kết quả năm 2026", "Đánh giá"]);
    const expected = model.targetSections.flatMap((x) => x.rows).find((r) => r.indicatorCode === "ecec.nursery.enrolment_rate")!;
    let nurseryRow: ExcelJS.Row | undefined;
    targets.eachRow((row) => {
      if (row.getCell(2).value === expected.nameVi) nurseryRow = row;
    });
    expect(nurseryRow!.getCell(3).value).toBe("≥ 48,5%");
    // Results are numbers with a percent format, never text ("46,58%").
    expect(nurseryRow!.getCell(5).value).toBeCloseTo(expected.resultValue! / 100, 12);
    expect(nurseryRow!.getCell(5).numFmt).toBe("0.0%");
    expect(nurseryRow!.getCell(6).value).toBe(expected.assessmentVi);
    expect(nurseryRow!.getCell(7).value).toBe(expected.reasonVi);
    expect(nurseryRow!.getCell(8).value).toBe(expected.numerator);
    expect(nurseryRow!.getCell(9).value).toBe(expected.denominator);
    expect(nurseryRow!.getCell(8).numFmt).toBe("#,##0");
    // No indicator code is printed.
    targets.eachRow((row) => row.eachCell((c) => expect(String(c.value ?? "")).not.toMatch(/^[a-z_]+\.[a-z_.]+$/)));
    // Every sheet keeps its header row in view and prints it on every page.
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
      expect(ws.pageSetup.printTitlesRow).toBe("5:5");
    }

    const tasks = wb.getWorksheet("Nhiệm vụ")!;
    expect((tasks.getRow(5).values as unknown[]).slice(1)).toEqual(["STT", "Cơ quan chủ trì", "Số nhiệm vụ", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện"]);
    expect(tasks.getRow(6).getCell(2).value).toBe(model.taskGroups[0]!.assigneeVi);
    expect(tasks.getRow(6).getCell(3).value).toBe(model.taskGroups[0]!.tasks.length);
    expect(tasks.getRow(6).getCell(3).numFmt).toBe("#,##0");

    const list = wb.getWorksheet("Danh sách nhiệm vụ")!;
    expect((list.getRow(5).values as unknown[]).slice(1)).toEqual(["STT", "Cơ quan chủ trì", "Nhiệm vụ", "Trạng thái"]);
    const listed: unknown[] = [];
    list.eachRow((row, n) => {
      if (n > 5) listed.push(row.getCell(3).value);
    });
    expect(listed).toEqual(model.taskGroups.flatMap((g) => g.tasks.map((t) => t.titleVi)));

    const units = wb.getWorksheet("Đơn vị báo cáo")!;
    expect((units.getRow(5).values as unknown[]).slice(1)).toEqual(["STT", "Đơn vị", "Trạng thái", "Ngày gửi", "Quá hạn / nộp muộn", "Ghi chú"]);
    const names: unknown[] = [];
    for (let r = 6; r < 6 + model.units.length; r++) names.push(units.getRow(r).getCell(2).value);
    expect(names).toEqual(model.units.map((u) => u.nameVi));
  });
});

/** The signature block: the last table (recipients left, signer right), as its two cells' paragraphs. */
async function signatureOf(buffer: Buffer) {
  const { xml, tables } = await readDocx(buffer);
  const last = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].at(-1)![0];
  const cells = [...last.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => c[0]);
  return { recipients: paragraphsOf(cells[0]!), signer: paragraphsOf(cells[1]!), signerXml: cells[1]!, header: tables[0]![0]!, xml };
}

describe("the annual DOCX per Nghị định 30/2020/NĐ-CP", () => {
  const base = { localityId: 0, year: 2026, today: "2026-12-15", reportDate: "2026-12-20" };

  it("a Sở report signed KT.: title, space for signature and seal, the signer's name; recipients end with 'Lưu: VT, <unit>.'", async () => {
    const buffer = await buildAnnualReportDocx(db, { ...base, localityId: langSon, issuer: "educationDept", signingForm: "KT", signerName: "Nguyễn Thị Hoa", draftingUnit: "GDPT" });
    const { recipients, signer, signerXml, header, xml } = await signatureOf(buffer);
    expect(header[0]).toMatch(/^UBND TỈNH LẠNG SƠN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n/);
    // Names never break: the issuer's lines are one unbreakable run each.
    expect(xml).toContain("UBND\u00a0TỈNH\u00a0LẠNG\u00a0SƠN");
    expect(signer).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "", "", "Nguyễn Thị Hoa"]);
    expect(signer.join(" ")).not.toMatch(/Ký, ghi rõ|đóng dấu/);
    // The whole block keeps together and with the closing sentence.
    expect((signerXml.match(/<w:keepNext\/>/g) ?? []).length).toBe(signer.length - 1);
    const closing = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => textOf(p).startsWith("Trên đây là báo cáo"))!;
    expect(closing).toMatch(/<w:keepNext\/>/);
    expect(closing).toMatch(/<w:keepLines\/>/);
    expect(recipients[0]).toBe("Nơi nhận:");
    expect(recipients).toContain("- UBND tỉnh;");
    expect(recipients.at(-1)).toBe("- Lưu: VT, GDPT.");
    expect(xml).toContain("Số:      /BC-SGDĐT");
  });

  it("a UBND report: TM. ỦY BAN NHÂN DÂN, its own header and number, and UBND tỉnh is not its own recipient", async () => {
    const buffer = await buildAnnualReportDocx(db, { ...base, localityId: langSon, issuer: "peoplesCommittee", signerName: "Hoàng Văn Nghiệm" });
    const { recipients, signer, header, xml } = await signatureOf(buffer);
    expect(header[0]).toMatch(/^ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n/);
    expect(xml).toContain("TỈNH\u00a0LẠNG\u00a0SƠN");
    expect(xml).toContain("Số:      /BC-UBND");
    expect(signer.filter(Boolean)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hoàng Văn Nghiệm"]);
    expect(recipients.some((r) => /^- UBND tỉnh/.test(r))).toBe(false);
    expect(recipients.at(-1)).toBe("- Lưu: VT, KGVX.");
    const { paragraphs } = await readDocx(buffer);
    expect(paragraphs.some((p) => p.startsWith("Trên đây là báo cáo kết quả thực hiện năm 2026 của Ủy ban nhân dân tỉnh Lạng Sơn"))).toBe(true);
  });

  it("Q. and TL. forms; TM. for a Sở is refused with a clear bilingual error", async () => {
    const q = await signatureOf(await buildAnnualReportDocx(db, { ...base, localityId: langSon, signingForm: "Q" }));
    expect(q.signer.filter(Boolean)).toEqual(["Q. GIÁM ĐỐC"]);
    const tl = await signatureOf(await buildAnnualReportDocx(db, { ...base, localityId: langSon, issuer: "peoplesCommittee", signingForm: "TL" }));
    expect(tl.signer.filter(Boolean)).toEqual(["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]);
    await expect(buildAnnualReportDocx(db, { ...base, localityId: langSon, issuer: "educationDept", signingForm: "TM" })).rejects.toMatchObject({
      reason: "validation",
      fieldErrors: [{ path: "signingForm", message: { vi: expect.stringMatching(/chỉ dùng cho tập thể/), en: expect.stringMatching(/collective body/) } }],
    });
  });

  it("indicator names carry no modelling note, sections no raw codes, and each figure column one number of decimals", async () => {
    for (const code of ["lang-son", "bang-mac"]) {
      const { tables } = await readDocx(await buildAnnualReportDocx(db, { ...base, localityId: await localityId(db, code) }));
      const targets = tables.find((t) => t[0]![1] === "Chỉ tiêu")!;
      const rows = targets.slice(1).filter((r) => r.length === 6);
      const sections = targets.slice(1).filter((r) => r.length === 1).map((r) => r[0]!);
      expect(rows.length).toBeGreaterThan(40);
      for (const r of rows) expect(r[1]).not.toMatch(MODELLING_NOTE_PATTERN);
      for (const s of sections) expect(s).not.toMatch(/^(Điều\s*\d|[IVX]+\.)/);
      // Rates: exactly one decimal in the result and roadmap columns ("46,6%", "47,2% (ước tính …)").
      const percents = rows.flatMap((r) => [r[3]!, r[4]!]).filter((c) => /%/.test(c));
      expect(percents.length).toBeGreaterThan(20);
      for (const c of percents) expect(c).toMatch(/^\d{1,3},\d%/);
    }
  });
});
