import { describe, expect, it } from "vitest";
import { fold } from "./fold.js";
import { linkCitations } from "./document.js";
import { extractPlan, importPlan } from "./import.js";
import { timingOf } from "./tasks.js";
import { textToDocx } from "./fixtures.js";
import { SAMPLES, sampleText } from "./test-helpers.js";
import type { PlanDraft } from "./types.js";

const fromText = (text: string, name = "t.txt") => extractPlan({ format: "text", pages: [text.split("\n")], pageCount: null }, name);
const PLAN = (body: string) => `KẾ HOẠCH\nThực hiện Chiến lược phát triển giáo dục đến năm 2030\nII. MỤC TIÊU CỤ THỂ ĐẾN NĂM 2030\n1. Giáo dục mầm non\n${body}`;
const only = (d: PlanDraft, code: string) => d.targets.filter((t) => t.indicator?.code === code);

describe("normalisation", () => {
  it("reads decomposed Unicode and spelling variants alike (NFC, hoá/hóa, Uỷ/Ủy, hằng/hàng năm)", () => {
    const composed = PLAN("Tỷ lệ huy động trẻ nhà trẻ đến trường đạt 48,5%.");
    const decomposed = composed.normalize("NFD");
    const a = fromText(composed);
    const b = fromText(decomposed);
    expect(b.text).toBe(a.text);
    expect(b.targets.map((t) => t.value)).toEqual([48.5]);
    expect(fold("xã hội hoá").text).toBe(fold("xã hội hóa").text);
    expect(fold("Uỷ ban").text).toBe(fold("Ủy ban").text);
    expect(fold("hàng năm").text).toBe(fold("hằng năm").text);
  });
  it("spells out abbreviations for matching, keeping offsets on the original words", () => {
    const d = fromText(PLAN("Tỷ lệ tốt nghiệp THPT đạt từ 99,5% trở lên."));
    const t = only(d, "upper_secondary.graduation_rate")[0]!;
    expect(t.comparator).toBe("gte");
    expect(d.text.slice(t.source.start, t.source.end)).toBe("tốt nghiệp THPT đạt từ 99,5%");
    const f = fold("Sở GD&ĐT, UBND, HĐND, THCS");
    expect(f.text).toBe("so giao duc va dao tao, uy ban nhan dan, hoi dong nhan dan, trung hoc co so");
  });
  it("drops a legal website's banner, related-documents list and appended fields, keeping the signer as a second opinion", async () => {
    const s = SAMPLES[0];
    const d = await importPlan(Buffer.from(sampleText(s.file)), `${s.file}.txt`);
    expect(d.text).not.toMatch(/Để sử dụng toàn bộ tiện ích/);
    expect(d.text).not.toMatch(/^- \dLuật/m);
    expect(d.text).not.toMatch(/Số hiệu:|Người ký:/);
    expect(d.removedFurniture.some((l) => l.startsWith("Để sử dụng"))).toBe(true);
    expect(d.document.signer).toBe("Dương Xuân Huyên");
    expect(d.document.notes.join(" ")).toMatch(/trang web/);
  });
  it("joins lines broken mid-sentence and drops a stray page number (the commune resolution is a PDF copy)", async () => {
    const s = SAMPLES[2];
    const d = await importPlan(Buffer.from(sampleText(s.file)), `${s.file}.txt`);
    expect(d.text).toContain("100% các đơn vị đạt chuẩn phổ cập giáo dục tiểu học, giáo dục trung học cơ sở mức độ 3, hướng đạt chuẩn");
    expect(d.removedFurniture).toContain("3");
  });
});

describe("figures and comparisons", () => {
  it.each([
    ["Tỷ lệ huy động trẻ nhà trẻ đến trường đạt 48,5%.", "ecec.nursery.enrolment_rate", "gte", 48.5, null],
    ["Tỷ lệ huy động trẻ nhà trẻ đến trường đạt 35% trở lên.", "ecec.nursery.enrolment_rate", "gte", 35, null],
    ["Có trên 57,6% trường mầm non đạt chuẩn quốc gia.", "ecec.national_standard_school_rate", "gt", 57.6, null],
    ["Hằng năm tỷ lệ trẻ em suy dinh dưỡng giảm xuống dưới 8,0%.", "ecec.malnutrition_rate", "lt", 8, null],
    ["Bảo đảm tỷ lệ chi ngân sách nhà nước cho giáo dục đạt tối thiểu 20% tổng chi ngân sách địa phương.", "cross_cutting.budget.education_share_local_budget", "gte", 20, null],
    ["Tỷ lệ lao động qua đào tạo đạt 76%, trong đó có bằng cấp, chứng chỉ đạt 35 - 40%.", "vocational.certified_workforce_rate", "range", 35, 40],
    ["Tiếp tục duy trì 100% học sinh tiểu học được học 02 buổi/ngày.", "primary.full_day_schooling_rate", "maintain", 100, null],
    ["100% giáo viên mầm non đạt chuẩn trình độ chuẩn được đào tạo.", "ecec.teacher.qualified_rate", "eq", 100, null],
    ["Số sinh viên đại học/vạn dân đạt ít nhất 1.234 sinh viên.", "higher.students_per_10000_population", "gte", 1234, null],
    ["Xây mới 05 trường trung học phổ thông theo quy hoạch.", "upper_secondary.new_schools_built", "eq", 5, null],
  ] as const)("%s", (sentence, code, comparator, value, valueMax) => {
    const d = fromText(PLAN(sentence));
    const t = only(d, code)[0];
    expect(t, JSON.stringify(d.targets.map((x) => x.indicator?.code))).toBeDefined();
    expect([t!.comparator, t!.value, t!.valueMax]).toEqual([comparator, value, valueMax]);
    expect(t!.targetYear).toBe(2030);
  });
  it("reads a school year: “đến năm học 2029 - 2030” is the target year 2030", () => {
    const d = fromText("KẾ HOẠCH\nTỷ lệ huy động trẻ nhà trẻ đến trường đến năm học 2029 - 2030 đạt 50%.");
    expect([d.targets[0]!.targetYear, d.targets[0]!.schoolYear]).toEqual([2030, 2029]);
  });
  it("keeps flags: aspiration, every year, approximate, sub-target, condition and area, age band", () => {
    const d = fromText(
      PLAN(
        "Phấn đấu tỷ lệ người biết chữ mức độ 1 trong độ tuổi từ 15 - 60 đạt 98,0%; trong đó tỷ lệ người biết chữ mức độ 1 ở vùng đặc biệt khó khăn, vùng đồng bào dân tộc thiểu số đạt khoảng 97,5%.\nHằng năm tỷ lệ trẻ em suy dinh dưỡng giảm xuống dưới 8,0%.",
      ),
    );
    const [all, sub] = only(d, "continuing.literacy_rate_level1");
    expect(all!.isAspirational).toBe(true);
    expect([all!.ageFrom, all!.ageTo]).toEqual([15, 60]);
    expect(sub!.parentIndex).toBe(d.targets.indexOf(all!));
    expect(sub!.areaFlag).toBe("isExtremelyDifficultArea");
    expect(sub!.conditionVi).toMatch(/vùng đặc biệt khó khăn/);
    expect(sub!.isApproximate).toBe(true);
    expect(only(d, "ecec.malnutrition_rate")[0]!.appliesEveryYear).toBe(true);
  });
  it("does not read “trong độ tuổi” (an age band) as “trong đó” (a sub-target)", () => {
    const d = fromText(PLAN("Số sinh viên đại học/vạn dân đạt ít nhất 155 sinh viên; tỷ lệ sinh viên đại học trong độ tuổi 18-22 đạt ít nhất 33%."));
    expect(d.targets.map((t) => t.parentIndex)).toEqual([null, null]);
  });
  it("pools one figure over several levels and reads a level to reach (“mức độ 3”)", () => {
    const d = fromText(PLAN("Phấn đấu tỷ lệ phòng học kiên cố cấp tiểu học, cấp THCS, cấp THPT đạt 100%; hướng đạt chuẩn phổ cập giáo dục tiểu học và chuẩn phổ cập giáo dục trung học cơ sở mức độ 3."));
    const rooms = d.targets.filter((t) => /permanent_classroom/.test(t.indicator!.code));
    expect(rooms.map((t) => t.indicator!.code)).toEqual(["primary.permanent_classroom_rate", "lower_secondary.permanent_classroom_rate", "upper_secondary.permanent_classroom_rate"]);
    expect(rooms[0]!.pooledWith).toHaveLength(2);
    const levels = d.targets.filter((t) => /universal_education_level/.test(t.indicator!.code));
    expect(levels.map((t) => [t.comparator, t.value, t.unit])).toEqual([["achieve", 3, "level"], ["achieve", 3, "level"]]);
  });
  it("counts localities (“4/10 xã”) and keeps a target that refers to an appendix", () => {
    const d = fromText(PLAN("Có 4/10 xã đạt chuẩn phổ cập giáo dục tiểu học mức độ 3.\ng) Chỉ tiêu cụ thể từng xã\n(Có Phụ lục I kèm theo)"));
    const t = only(d, "primary.universal_education_commune_rate")[0]!;
    expect(t.counted).toEqual({ count: 4, outOf: 10, entity: "xa" });
    expect(t.unit).toBe("count");
    expect(d.appendixReferences[0]!.sentence).toMatch(/Phụ lục I/);
  });
  it("gives each target its confidence and a runner-up indicator, and the source span it came from", () => {
    const d = fromText(PLAN("Phấn đấu tỷ lệ phòng học kiên cố đạt 100%."));
    const t = d.targets[0]!;
    expect(t.indicator!.code).toBe("ecec.permanent_classroom_rate");
    expect(t.runnerUp).not.toBeNull();
    expect(t.confidence).toBeGreaterThan(0.5);
    expect(t.confidence).toBeLessThan(1);
    expect(d.text.slice(t.source.start, t.source.end)).toBe("phòng học kiên cố đạt 100%");
  });
});

describe("offsets", () => {
  it("every finding of every sample points at its own words in draft.text", async () => {
    for (const sample of SAMPLES) {
      const d = await importPlan(Buffer.from(sampleText(sample.file)), `${sample.file}.txt`);
      const spans = [
        ...d.targets.map((t) => t.source),
        ...d.tasks.map((t) => t.source),
        ...d.reportingDuties.map((r) => r.source),
        ...d.document.citations.map((c) => c.source),
        ...Object.values(d.document.spans),
      ];
      for (const sp of spans) {
        expect(sp.start).toBeLessThan(sp.end);
        expect(sp.end).toBeLessThanOrEqual(d.text.length);
        expect(sp.sentence).toContain(d.text.slice(sp.start, sp.end));
      }
      for (const t of d.targets) if (t.valueText && /\d/.test(t.valueText)) expect(d.text.slice(t.source.start, t.source.end)).toContain(t.valueText);
      const refs = [...d.tasks.flatMap((t) => [...t.leads, ...t.coordinators, ...t.requested]), ...d.reportingDuties.flatMap((r) => [...r.reporters, ...r.recipients, ...r.via])];
      for (const r of refs) expect(d.text.slice(r.start, r.end)).toBe(r.text);
    }
  });
});

describe("the document", () => {
  it("reads the province plan's header, dates, signer and the documents it implements or cites", async () => {
    const s = SAMPLES[0];
    const d = (await importPlan(Buffer.from(sampleText(s.file)), "x.txt")).document;
    expect([d.kind, d.number, d.issuer, d.place, d.date, d.periodEnd, d.visionYear]).toEqual(["plan", "243/KH-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn", "Lạng Sơn", "2025-09-21", 2030, 2045]);
    expect(d.citations.find((c) => c.relation === "implements")!.number).toBe("47/NQ-HĐND");
    expect(d.citations.map((c) => c.number)).toEqual(expect.arrayContaining(["1705/QĐ-TTg", "1918/QĐ-UBND", "01-KL/TW", "57-NQ/TW", "150-CTr/TU"]));
    expect(d.title).toMatch(/^Triển khai thực hiện Nghị quyết số 47\/NQ-HĐND/);
  });
  it("notes two numbers for one document instead of choosing, and links citations to documents already known", () => {
    const d = fromText("KẾ HOẠCH\nThực hiện Nghị quyết số 47/NQ-HĐND ngày 15/7/2025 và Nghị quyết số 74/NQ-HĐND ngày 15/7/2025 của HĐND tỉnh.\nTỷ lệ huy động trẻ nhà trẻ đến trường đạt 48,5%.");
    const [a, b] = d.document.citations;
    expect(a!.notes.join()).toMatch(/khác số hiệu/);
    expect(b!.notes.join()).toMatch(/khác số hiệu/);
    const linked = linkCitations(d.document.citations, [{ id: "plan-7", number: "47/NQ-HĐND" }]);
    expect(linked.map((c) => c.knownDocumentId)).toEqual(["plan-7", null]);
  });
  it("keeps the district plan's blank number and day, and its signer for the chairman", async () => {
    const s = SAMPLES[1];
    const d = (await importPlan(Buffer.from(sampleText(s.file)), "x.txt")).document;
    expect([d.number, d.symbol, d.date, d.dateParts, d.localityLevel]).toEqual([null, "KH-UBND", null, { day: null, month: 3, year: 2025 }, "district"]);
    expect([d.signer, d.signerTitle, d.signedOnBehalfOf]).toEqual(["Nguyễn Trường Giang", "Phó chủ tịch", "ỦY BAN NHÂN DÂN"]);
    expect(d.citations.find((c) => c.relation === "implements")!.number).toBe("1101/KH-UBND");
  });
  it("dates the commune resolution by its adoption and notes an impossible date instead of fixing it", async () => {
    const s = SAMPLES[2];
    const d = (await importPlan(Buffer.from(sampleText(s.file)), "x.txt")).document;
    expect([d.kind, d.date, d.signer, d.localityName]).toEqual(["resolution", "2025-10-16", "Phùng Văn Nghĩa", "Bằng Mạc"]);
    expect(d.citations.find((c) => c.number === "150-CTr/TU")!.notes.join()).toMatch(/29\/02\/2025/);
    expect(d.citations.find((c) => c.relation === "implements")!.number).toBe("47/NQ-HĐND");
  });
});

describe("tasks and reporting duties", () => {
  it.each([
    ["Năm 2026", { kind: "year", year: 2026 }],
    ["Hằng năm", { kind: "yearly", from: null, to: null }],
    ["Năm 2026, hàng năm", { kind: "yearThenYearly", year: 2026, to: null }],
    ["Năm học 2025-2026", { kind: "schoolYear", startYear: 2025 }],
    ["Thường xuyên", { kind: "continuous", from: null, to: null }],
    ["Khi Luật được ban hành", { kind: "event", eventVi: "Khi Luật được ban hành", eventEn: null, occurredOn: null }],
    ["Theo quy định", null],
    ["bố trí kinh phí thường xuyên, đồng thời huy động", null],
  ] as const)("timing “%s”", (text, timing) => {
    expect(timingOf(fold(text), text).timing).toEqual(timing);
  });
  it("reads leads, coordinators and requested bodies from the assignment section", async () => {
    const s = SAMPLES[0];
    const d = await importPlan(Buffer.from(sampleText(s.file)), "x.txt");
    const finance = d.tasks.find((t) => t.text.startsWith("Chủ trì, phối hợp với Sở Giáo dục và Đào tạo và các sở, ngành, địa phương"))!;
    expect(finance.leads.map((a) => a.code)).toEqual(["finance-dept"]);
    expect(finance.coordinators.map((a) => a.code)).toEqual(["education-dept", "provincial-agencies", "commune-peoples-committees"]);
    expect(d.text.slice(finance.coordinators[0]!.start, finance.coordinators[0]!.end)).toBe("Sở Giáo dục và Đào tạo");
    const front = d.tasks.find((t) => t.source.section === "V.10")!;
    expect(front.leads).toEqual([]);
    expect(front.requested.map((a) => a.code)).toEqual(["fatherland-front", "socio-political-organisations"]);
    const yearly = d.reportingDuties.find((r) => r.dueDayMonth === "10/12")!;
    expect(yearly.frequency).toBe("yearly");
    expect(yearly.recipients.map((a) => a.code)).toEqual(["education-dept"]);
    expect(yearly.onwardRecipients.map((a) => a.code)).toEqual(["ministry-of-education", "peoples-council", "peoples-committee"]);
    const difficulties = d.reportingDuties.find((r) => r.frequency === "adHoc")!;
    expect([difficulties.recipients.map((a) => a.code), difficulties.via.map((a) => a.code)]).toEqual([["peoples-committee"], ["education-dept"]]);
    expect(d.agencies.find((a) => a.code === "education-dept")!.roles).toEqual(expect.arrayContaining(["lead", "coordinator", "recipient"]));
  });
  it("keeps a body the registry does not know, named by its heading, for the officer to create", () => {
    const d = fromText(PLAN("Tỷ lệ huy động trẻ nhà trẻ đến trường đạt 48,5%.\nV. TỔ CHỨC THỰC HIỆN\n1. Công an tỉnh\nChủ trì, phối hợp với Sở Giáo dục và Đào tạo bảo đảm an ninh trường học."));
    const [task] = d.tasks;
    expect(task!.leads).toEqual([expect.objectContaining({ code: "new:cong-an-tinh", nameVi: "Công an tỉnh", known: false })]);
    expect(d.text.slice(task!.leads[0]!.start, task!.leads[0]!.end)).toBe("Công an tỉnh");
    expect(task!.coordinators.map((a) => a.code)).toEqual(["education-dept"]);
    expect(d.agencies.find((a) => a.code === "new:cong-an-tinh")!.roles).toEqual(["lead"]);
  });
  it("reads a task table, keeping every row and flagging repeats", async () => {
    const text = [
      "KẾ HOẠCH",
      "Triển khai thực hiện Chiến lược phát triển giáo dục",
      "Tỷ lệ huy động trẻ nhà trẻ đến trường đạt 48,5%.",
      "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |",
      "| 1 | Xây dựng đề án phát triển đội ngũ nhà giáo | Sở Giáo dục và Đào tạo | Sở Nội vụ, Sở Tài chính | Năm 2026 |",
      "| 2 | Rà soát quy hoạch mạng lưới trường lớp | UBND các xã, phường | Sở Giáo dục và Đào tạo | Năm 2026, hàng năm |",
      "| 3 | Xây dựng đề án phát triển đội ngũ nhà giáo | Sở Giáo dục và Đào tạo | Sở Nội vụ | Thường xuyên |",
    ].join("\n");
    const d = await importPlan(await textToDocx(text), "table.docx");
    const rows = d.tasks.filter((t) => t.from === "taskTable");
    expect(rows.map((t) => [t.leads.map((a) => a.code), t.coordinators.map((a) => a.code), t.timing?.kind])).toEqual([
      [["education-dept"], ["home-affairs-dept", "finance-dept"], "year"],
      [["commune-peoples-committees"], ["education-dept"], "yearThenYearly"],
      [["education-dept"], ["home-affairs-dept"], "continuous"],
    ]);
    expect(rows[2]!.repeatOf).toBe(d.tasks.indexOf(rows[0]!));
    expect(d.text.slice(rows[1]!.source.start, rows[1]!.source.end)).toBe("Rà soát quy hoạch mạng lưới trường lớp");
  });
});
