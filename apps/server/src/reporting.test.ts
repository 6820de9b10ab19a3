/**
 * The reporting cycle over HTTP (real server, real SQLite seeded with the sample data): a commune fills its report in
 * the grid, the province returns and approves it, the consolidation follows at once, the Excel template goes out and
 * comes back, the annual report is printed, any list is exported — each by the roles allowed, in their area.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { templateDataRows } from "@eduplan/reporting";
import { errorOf, loginAs, type Client, type TestServer, startTestServer, transition, versionOf } from "./testing.js";

type Rec = { id: number; version: number } & Record<string, any>;

let server: TestServer;
let admin: Client;
let province: Client;
let viewer: Client;
let bangmac: Client;
let dongdang: Client;
const ids: Record<string, number> = {};

async function idOf(resource: "localities" | "indicators" | "plans", code: string): Promise<number> {
  const { data } = (await admin.call("query", `${resource}.list`, { filter: { code } })) as { data: Rec[] };
  if (!data[0]) throw new Error(`fixture: no ${resource} ${code}`);
  return data[0].id;
}

const codeOf = async (p: Promise<unknown>) => (await errorOf(p)).data.code;

async function workbook(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, "base64") as never);
  return wb;
}
const toBase64 = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");

/** The template's data rows (row number, indicator code), found below the "Mã chỉ tiêu" header. */
const dataRows = templateDataRows;

beforeAll(async () => {
  server = await startTestServer();
  [admin, province, viewer, bangmac, dongdang] = await Promise.all([
    loginAs(server.url, "admin"),
    loginAs(server.url, "langson.officer"),
    loginAs(server.url, "langson.viewer"),
    loginAs(server.url, "bangmac.officer"),
    loginAs(server.url, "dongdang.officer"),
  ]);
  for (const code of ["lang-son", "bang-mac", "chi-lang", "dong-dang", "luong-van-tri", "lai-chau"]) ids[code] = await idOf("localities", code);
  ids.nursery = await idOf("indicators", "ecec.nursery.enrolment_rate");
});
afterAll(() => server?.stop());

describe("reports.forUnit / grid / saveValues / transition: the workflow by role", () => {
  let reportId = 0;
  let version = 0;

  test("forUnit: only the province opens a new year's period (deadline from the setting, 10/12); the unit's draft, with its grid", async () => {
    const before = (await admin.trpc.reportingPeriods.list.query({ filter: { localityId: ids["lang-son"], year: 2027 } })).total;
    expect(before).toBe(0);
    // A commune officer does not open the province's period: told so, nothing created.
    const notOpen = await errorOf(bangmac.trpc.reports.forUnit.mutate({ localityId: ids["bang-mac"], year: 2027 }));
    expect(notOpen.data.code).toBe("NOT_FOUND");
    expect(notOpen.data.eduplan!.message.vi).toMatch(/chưa mở kỳ báo cáo năm 2027/);
    expect((await admin.trpc.reportingPeriods.list.query({ filter: { localityId: ids["lang-son"], year: 2027 } })).total).toBe(0);
    // Nor does anyone open a period for a year that is no reporting year.
    for (const year of [1945, 2100]) {
      const e = await errorOf(province.trpc.reports.forUnit.mutate({ localityId: ids["bang-mac"], year }));
      expect([e.data.code, e.data.eduplan!.fieldErrors[0]!.path]).toEqual(["BAD_REQUEST", "year"]);
    }
    const opened = await province.trpc.reports.forUnit.mutate({ localityId: ids["bang-mac"], year: 2027 });
    expect([opened.created, opened.periodCreated]).toEqual([true, true]);
    const grid = await bangmac.trpc.reports.forUnit.mutate({ localityId: ids["bang-mac"], year: 2027 });
    expect([grid.created, grid.periodCreated]).toEqual([false, false]);
    expect(grid.period).toMatchObject({ localityId: ids["lang-son"], year: 2027, deadline: "2027-12-10", isClosed: false });
    expect(grid.report).toMatchObject({ localityId: ids["bang-mac"], status: "draft" });
    expect(grid.unit.code).toBe("bang-mac");
    expect(grid.plan?.code).toBe("bang-mac-2025");
    expect(grid.canEdit).toBe(true);
    expect(grid.actions).toEqual({ submit: true, return: false, approve: false, reopen: false });
    const nursery = grid.rows.find((r) => r.indicatorId === ids.nursery)!;
    expect(nursery).toMatchObject({ aggregation: "ratio", unit: "percent", numerator: null, denominator: null, extra: false });
    expect(nursery.targetText).toMatch(/%/);
    expect(nursery.target).not.toBeNull();
    // Last year's approved figure of the unit (2026 is approved in the sample data).
    expect(nursery.previous).not.toBeNull();
    expect(nursery.previousText).toMatch(/%$/);
    reportId = Number(grid.report.id);
    version = Number(grid.report.version);

    const again = await bangmac.trpc.reports.forUnit.mutate({ localityId: ids["bang-mac"], year: 2027 });
    expect([again.created, again.periodCreated, again.report.id]).toEqual([false, false, reportId]);
    expect((await admin.trpc.reportingPeriods.list.query({ filter: { localityId: ids["lang-son"], year: 2027 } })).total).toBe(1);
  });

  test("saveValues checks every row first: a numerator above its denominator and a negative number are field errors, nothing is written", async () => {
    const e = await errorOf(
      bangmac.trpc.reports.saveValues.mutate({
        id: reportId,
        version,
        values: [
          { indicatorId: ids.nursery!, numerator: 500, denominator: 400 },
          { indicatorId: ids.nursery!, numerator: 1, denominator: 10 },
        ],
      }),
    );
    expect(e.data.code).toBe("BAD_REQUEST");
    expect(e.data.eduplan!.reason).toBe("validation");
    const paths = e.data.eduplan!.fieldErrors.map((f) => f.path);
    expect(paths).toEqual(["values.0.numerator", "values.1.indicatorId"]); // the second row repeats the indicator
    expect(e.data.eduplan!.fieldErrors.find((f) => f.path === "values.0.numerator")!.message.vi).toMatch(/Tử số 500 lớn hơn mẫu số 400/);

    const negative = await errorOf(bangmac.trpc.reports.saveValues.mutate({ id: reportId, version, values: [{ indicatorId: ids.nursery, numerator: -5, denominator: 100 }] }));
    expect(negative.data.eduplan!.fieldErrors).toEqual([{ path: "values.0.numerator", message: { en: "numerator must not be negative", vi: "Tử số không được âm" } }]);
    const half = await errorOf(bangmac.trpc.reports.saveValues.mutate({ id: reportId, version, values: [{ indicatorId: ids.nursery, numerator: 5 }] }));
    expect(half.data.eduplan!.fieldErrors[0]!.path).toBe("values.0.denominator");

    const grid = await bangmac.trpc.reports.grid.query({ id: reportId });
    expect(grid.rows.every((r) => r.numerator === null && r.value === null)).toBe(true);
    expect(grid.report.version).toBe(version);
  });

  test("saveValues writes the grid in one go and moves the report's version; a stale version is a CONFLICT", async () => {
    const grid = await bangmac.trpc.reports.saveValues.mutate({
      id: reportId,
      version,
      values: [{ indicatorId: ids.nursery, numerator: 485, denominator: 1000, commentVi: "Số liệu tháng 11" }],
    });
    const nursery = grid.rows.find((r) => r.indicatorId === ids.nursery)!;
    expect(nursery).toMatchObject({ numerator: 485, denominator: 1000, commentVi: "Số liệu tháng 11" });
    expect(nursery.value).toBeCloseTo(48.5, 9);
    expect(nursery.evaluation.state).not.toBe("noData");
    expect(grid.report.version).toBe(version + 1);
    const stale = await errorOf(bangmac.trpc.reports.saveValues.mutate({ id: reportId, version, values: [{ indicatorId: ids.nursery, numerator: 1, denominator: 2 }] }));
    expect([stale.data.code, stale.data.eduplan!.reason]).toEqual(["CONFLICT", "conflict"]);
    version = Number(grid.report.version);
  });

  test("viewers read the grid but change nothing; another commune's officer does not even read it", async () => {
    const grid = await viewer.trpc.reports.grid.query({ id: reportId });
    expect(grid.canEdit).toBe(false);
    expect(Object.values(grid.actions).some(Boolean)).toBe(false);
    expect(await codeOf(viewer.trpc.reports.saveValues.mutate({ id: reportId, version: await versionOf(viewer, "reports", reportId), values: [] }))).toBe("FORBIDDEN");
    expect(await codeOf(viewer.trpc.reports.forUnit.mutate({ localityId: ids["bang-mac"], year: 2027 }))).toBe("FORBIDDEN");
    expect(await codeOf(transition(viewer, reportId, "submit"))).toBe("FORBIDDEN");
    expect(await codeOf(dongdang.trpc.reports.grid.query({ id: reportId }))).toBe("FORBIDDEN");
    expect(await codeOf(dongdang.trpc.reports.forUnit.mutate({ localityId: ids["bang-mac"], year: 2027 }))).toBe("FORBIDDEN");
  });

  test("submit → locked; the commune cannot approve; return needs a reason; corrected and resubmitted; approved; reopened only by the province officer", async () => {
    const submitted = await bangmac.trpc.reports.transition.mutate({ id: reportId, action: "submit", version });
    expect(submitted.data.status).toBe("submitted");
    const locked = await errorOf(bangmac.trpc.reports.saveValues.mutate({ id: reportId, version: await versionOf(bangmac, "reports", reportId), values: [{ indicatorId: ids.nursery, numerator: 1, denominator: 2 }] }));
    expect([locked.data.code, locked.data.eduplan!.reason]).toEqual(["CONFLICT", "locked"]);
    expect(await codeOf(transition(bangmac, reportId, "approve"))).toBe("FORBIDDEN");
    let grid = await province.trpc.reports.grid.query({ id: reportId });
    expect(grid.actions).toEqual({ submit: false, return: true, approve: true, reopen: false });
    expect(grid.canEdit).toBe(false);

    const noReason = await errorOf(transition(province, reportId, "return"));
    expect([noReason.data.code, noReason.data.eduplan!.fieldErrors[0]!.path]).toEqual(["BAD_REQUEST", "reason"]);
    await transition(province, reportId, "return", "Mẫu số trẻ em chưa khớp điều tra dân số");
    grid = await bangmac.trpc.reports.grid.query({ id: reportId });
    expect(grid.report).toMatchObject({ status: "returned", returnReason: "Mẫu số trẻ em chưa khớp điều tra dân số", decidedBy: "langson.officer" });
    expect(grid.canEdit).toBe(true);
    expect(grid.actions.submit).toBe(true);

    grid = await bangmac.trpc.reports.saveValues.mutate({ id: reportId, version: Number(grid.report.version), values: [{ indicatorId: ids.nursery, numerator: 490, denominator: 1000 }] });
    await bangmac.trpc.reports.transition.mutate({ id: reportId, action: "submit", version: Number(grid.report.version) });
    const approved = await transition(province, reportId, "approve");
    expect(approved.data).toMatchObject({ status: "approved", returnReason: null, decidedBy: "langson.officer" });
    grid = await bangmac.trpc.reports.grid.query({ id: reportId });
    expect(grid.canEdit).toBe(false);
    expect(grid.actions).toEqual({ submit: false, return: false, approve: false, reopen: false });

    // Consolidation follows at once: Bằng Mạc is the only approved unit of 2027.
    const c = await province.trpc.reporting.consolidate.query({ localityId: ids["lang-son"], year: 2027 });
    const target = c.targets.find((t) => t.indicator.id === ids.nursery && t.target.areaFlag === null)!;
    expect(target.actual).toMatchObject({ numerator: 490, denominator: 1000, contributors: 1, source: "rollup" });
    expect(target.actual.value).toBeCloseTo(49, 9);
    expect(c.units.find((u) => u.localityCode === "bang-mac")!.status).toBe("approved");
    expect(c.summary.approved).toBe(1);
    expect(c.summary.missing).toBe(c.summary.units - 1);

    // Reopen: the province officer only (not even the administrator), and the figure leaves the consolidation.
    expect(await codeOf(transition(admin, reportId, "reopen"))).toBe("FORBIDDEN");
    expect(await codeOf(transition(bangmac, reportId, "reopen"))).toBe("FORBIDDEN");
    expect((await province.trpc.reports.grid.query({ id: reportId })).actions.reopen).toBe(true);
    await transition(province, reportId, "reopen");
    const after = await province.trpc.reporting.consolidate.query({ localityId: ids["lang-son"], year: 2027 });
    expect(after.targets.find((t) => t.indicator.id === ids.nursery && t.target.areaFlag === null)!.actual.value).toBeNull();
    expect((await bangmac.trpc.reports.grid.query({ id: reportId })).report.status).toBe("draft");
  });
});

describe("reporting.periods", () => {
  test("a commune sees its province's periods (above its area), a province its own; not another area's", async () => {
    const mine = await bangmac.trpc.reporting.periods.query();
    expect(mine.data.length).toBeGreaterThanOrEqual(2);
    expect(new Set(mine.data.map((p) => p.localityId))).toEqual(new Set([ids["lang-son"]]));
    expect(mine.data.find((p) => p.year === 2026)).toMatchObject({ localityNameVi: expect.stringContaining("Lạng Sơn"), deadline: "2026-12-10", isClosed: false });
    expect((await province.trpc.reporting.periods.query({ localityId: ids["lang-son"] })).data.map((p) => p.id)).toEqual(mine.data.map((p) => p.id));
    expect(await codeOf(bangmac.trpc.reporting.periods.query({ localityId: ids["lang-son"] }))).toBe("FORBIDDEN");
    expect(await codeOf(province.trpc.reporting.periods.query({ localityId: ids["lai-chau"] }))).toBe("FORBIDDEN");
    expect(new Set((await admin.trpc.reporting.periods.query()).data.map((p) => p.localityId)).size).toBe(2);
  });
});

describe("reporting.consolidate", () => {
  test("Lạng Sơn 2026: statuses of the units (missing, late, returned with its reason); approving the returned unit adds its figures at once", async () => {
    const c = await viewer.trpc.reporting.consolidate.query({ localityId: ids["lang-son"], year: 2026, today: "2026-12-15" });
    expect(c.summary).toEqual({ units: 9, approved: 5, submitted: 1, returned: 1, draft: 1, missing: 1, late: 2 });
    const chiLang = c.units.find((u) => u.localityCode === "chi-lang")!;
    expect(chiLang).toMatchObject({ status: "returned", returnReason: expect.stringMatching(/mẫu số/) });
    expect(c.targets.some((t) => t.atRisk)).toBe(true);
    const before = c.targets.find((t) => t.indicator.id === ids.nursery && t.target.areaFlag === null)!.actual;

    const values = (await province.trpc.reportValues.list.query({ filter: { reportId: chiLang.reportId!, indicatorId: ids.nursery } })).data[0]!;
    await transition(province, chiLang.reportId!, "submit");
    await transition(province, chiLang.reportId!, "approve");
    const after = await province.trpc.reporting.consolidate.query({ localityId: ids["lang-son"], year: 2026, today: "2026-12-15" });
    const actual = after.targets.find((t) => t.indicator.id === ids.nursery && t.target.areaFlag === null)!.actual;
    expect(actual.contributors).toBe(before.contributors + 1);
    expect(actual.numerator).toBe(before.numerator! + (values.numerator as number));
    expect(actual.denominator).toBe(before.denominator! + (values.denominator as number));
    expect(actual.value).toBeCloseTo((actual.numerator! / actual.denominator!) * 100, 9);
    expect(after.summary.approved).toBe(6);
  });

  test("outside one's area → FORBIDDEN; an unknown locality → NOT_FOUND", async () => {
    expect(await codeOf(bangmac.trpc.reporting.consolidate.query({ localityId: ids["lang-son"], year: 2026 }))).toBe("FORBIDDEN");
    expect(await codeOf(province.trpc.reporting.consolidate.query({ localityId: ids["lai-chau"], year: 2026 }))).toBe("FORBIDDEN");
    expect(await codeOf(province.trpc.reporting.consolidate.query({ localityId: 999_999, year: 2026 }))).toBe("NOT_FOUND");
  });
});

describe("Excel: template → filled with exceljs → importWorkbook, through the API", () => {
  test("the round trip writes the figures into the unit's report (and reports progress)", async () => {
    const t = await province.trpc.reporting.template.query({ localityId: ids["luong-van-tri"], year: 2026 });
    expect(t.filename).toBe("bao-cao-luong-van-tri-2026.xlsx");
    expect(t.contentType).toMatch(/spreadsheetml/);
    const wb = await workbook(t.base64);
    const ws = wb.getWorksheet("Báo cáo")!;
    const ratios = new Set((await admin.trpc.indicators.list.query({ filter: { aggregation: "ratio", unit: "percent" }, pagination: { page: 1, perPage: 1000 } })).data.map((i) => i.code as string));
    const rows = dataRows(ws).filter((r) => ratios.has(r.code)).slice(0, 3);
    expect(rows.length).toBe(3);
    rows.forEach(({ row }, i) => {
      ws.getRow(row).getCell(8).value = i === 0 ? "312,5" : 300 + i;
      ws.getRow(row).getCell(9).value = 625;
      ws.getRow(row).getCell(11).value = `Nhập từ Excel ${i}`;
    });
    const result = await province.trpc.reporting.importWorkbook.mutate({ base64: await toBase64(wb), progressId: "round-trip-1" });
    expect(result).toMatchObject({ ok: true, created: false });
    // The prefilled rows of the draft are written back too.
    expect(result.ok && result.written).toBeGreaterThanOrEqual(3);
    expect(await province.trpc.reporting.importProgress.query({ progressId: "round-trip-1" })).toEqual({ fraction: 1, done: true, ok: true });
    // Progress ids are per user.
    expect(await codeOf(admin.trpc.reporting.importProgress.query({ progressId: "round-trip-1" }))).toBe("NOT_FOUND");

    const report = (await province.trpc.reports.list.query({ filter: { localityId: ids["luong-van-tri"] }, sort: { field: "id", order: "DESC" } })).data[0]!;
    const grid = await province.trpc.reports.grid.query({ id: report.id });
    const first = grid.rows.find((r) => r.code === rows[0]!.code)!;
    expect(first).toMatchObject({ numerator: 312.5, denominator: 625, commentVi: "Nhập từ Excel 0" });
    expect(first.value).toBeCloseTo(50, 9);
  });

  test("a broken file changes nothing and names the bad rows (bilingual)", async () => {
    const report = (await province.trpc.reports.list.query({ filter: { localityId: ids["luong-van-tri"] }, sort: { field: "id", order: "DESC" } })).data[0]!;
    const before = (await province.trpc.reportValues.list.query({ filter: { reportId: report.id }, pagination: { page: 1, perPage: 1000 }, sort: { field: "id", order: "ASC" } })).data;
    const wb = await workbook((await province.trpc.reporting.template.query({ localityId: ids["luong-van-tri"], year: 2026 })).base64);
    const ws = wb.getWorksheet("Báo cáo")!;
    const ratios = new Set((await admin.trpc.indicators.list.query({ filter: { aggregation: "ratio", unit: "percent" }, pagination: { page: 1, perPage: 1000 } })).data.map((i) => i.code as string));
    const [a, b, c, d] = dataRows(ws).filter((r) => ratios.has(r.code));
    ws.getRow(a!.row).getCell(8).value = 10; // a good row: must not be written either
    ws.getRow(a!.row).getCell(9).value = 20;
    ws.getRow(b!.row).getCell(8).value = 500; // numerator > denominator
    ws.getRow(b!.row).getCell(9).value = 400;
    ws.getRow(c!.row).getCell(8).value = -3; // negative
    ws.getRow(c!.row).getCell(9).value = 100;
    ws.getRow(d!.row).getCell(8).value = "abc"; // not a number
    ws.getRow(d!.row).getCell(9).value = 100;
    const result = await province.trpc.reporting.importWorkbook.mutate({ base64: await toBase64(wb) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [b!.row, "H"],
      [c!.row, "H"],
      [d!.row, "H"],
    ]);
    expect(result.errors[0]!.message.vi).toBe(`Dòng ${b!.row}, cột H (Tử số): Tử số 500 lớn hơn mẫu số 400`);
    expect(result.errors[0]!.message.en).toMatch(/numerator 500 exceeds denominator 400/);
    const after = (await province.trpc.reportValues.list.query({ filter: { reportId: report.id }, pagination: { page: 1, perPage: 1000 }, sort: { field: "id", order: "ASC" } })).data;
    expect(after).toEqual(before);
  });

  test("a submitted report is locked; viewers and other communes are refused", async () => {
    const dongDang = await province.trpc.reporting.template.query({ localityId: ids["dong-dang"], year: 2026 });
    const locked = await errorOf(province.trpc.reporting.importWorkbook.mutate({ base64: dongDang.base64 }));
    expect([locked.data.code, locked.data.eduplan!.reason]).toEqual(["CONFLICT", "locked"]);
    expect(await codeOf(viewer.trpc.reporting.importWorkbook.mutate({ base64: dongDang.base64 }))).toBe("FORBIDDEN");
    const luong = await province.trpc.reporting.template.query({ localityId: ids["luong-van-tri"], year: 2026 });
    expect(await codeOf(bangmac.trpc.reporting.importWorkbook.mutate({ base64: luong.base64 }))).toBe("FORBIDDEN");
    expect(await codeOf(bangmac.trpc.reporting.template.query({ localityId: ids["luong-van-tri"], year: 2026 }))).toBe("FORBIDDEN");
    // Not an XLSX at all: a located error, not a crash.
    const junk = await province.trpc.reporting.importWorkbook.mutate({ base64: Buffer.from("not a workbook").toString("base64") });
    expect(junk.ok).toBe(false);
  });
});

describe("reporting.annualReport", () => {
  test("the DOCX of Lạng Sơn 2026 reads back with jszip: the title, the plan and the three parts", async () => {
    const r = await viewer.trpc.reporting.annualReport.query({ localityId: ids["lang-son"], year: 2026, format: "docx", reportDate: "2026-12-20" });
    expect(r.filename).toBe("bao-cao-nam-2026-lang-son.docx");
    expect(r.contentType).toMatch(/wordprocessingml/);
    const zip = await JSZip.loadAsync(Buffer.from(r.base64, "base64"));
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Kết quả thực hiện Kế hoạch số 243/KH-UBND");
    expect(text).toContain("năm 2026");
    expect(text).toContain("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
    expect(text).toContain("III. ĐƠN VỊ BÁO CÁO");
    expect(text).toContain("ngày 20 tháng 12 năm 2026");
  });

  test("the XLSX has the same tables; outside one's area → FORBIDDEN", async () => {
    const r = await province.trpc.reporting.annualReport.query({ localityId: ids["lang-son"], year: 2026, format: "xlsx" });
    const wb = await workbook(r.base64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Nhiệm vụ", "Danh sách nhiệm vụ", "Đơn vị báo cáo"]);
    expect(await codeOf(bangmac.trpc.reporting.annualReport.query({ localityId: ids["lang-son"], year: 2026, format: "docx" }))).toBe("FORBIDDEN");
    expect(await codeOf(province.trpc.reporting.annualReport.query({ localityId: ids["lai-chau"], year: 2026, format: "xlsx" }))).toBe("FORBIDDEN");
  });
});

describe("reporting.exportList", () => {
  async function sheet(base64: string) {
    const ws = (await workbook(base64)).worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  test("the scoped list of the caller, Vietnamese headers from the field names, references shown by name", async () => {
    const r = await bangmac.trpc.reporting.exportList.mutate({ resource: "reports", sort: { field: "id", order: "ASC" } });
    const own = await bangmac.trpc.reports.list.query({ pagination: { page: 1, perPage: 1000 } });
    expect(r.total).toBe(own.total);
    expect(r.filename).toMatch(/^reports-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await sheet(r.base64);
    const header = rows.find((row) => row.includes("Trạng thái"))!;
    expect(header).toEqual(expect.arrayContaining(["Mã số", "Kỳ báo cáo", "Địa bàn", "Trạng thái", "Ngày gửi"]));
    const body = rows.slice(rows.indexOf(header) + 1);
    expect(body).toHaveLength(own.total);
    const localityColumn = header.indexOf("Địa bàn");
    expect(new Set(body.map((row) => row[localityColumn]))).toEqual(new Set(["Xã Bằng Mạc"]));
    expect(body.map((row) => row[header.indexOf("Trạng thái")])).toContain("Đang soạn (nháp)");
  });

  test("the console's columns and ids (in its order); ids outside the area → FORBIDDEN; users are for administrators", async () => {
    const plans = (await province.trpc.plans.list.query({ sort: { field: "id", order: "DESC" } })).data;
    const r = await province.trpc.reporting.exportList.mutate({
      resource: "plans",
      ids: plans.map((p) => p.id),
      columns: [
        { key: "number", header: "Số hiệu" },
        { key: "titleVi", header: "Tên kế hoạch" },
        { key: "localityId", header: "Địa bàn" },
      ],
      title: "Kế hoạch",
    });
    const rows = await sheet(r.base64);
    expect(rows[0]![0]).toBe("Kế hoạch");
    // (eachRow skips the empty row under the title.)
    expect(rows[1]).toEqual(["Số hiệu", "Tên kế hoạch", "Địa bàn"]);
    expect(rows.slice(2).map((row) => row[1])).toEqual(plans.map((p) => p.titleVi));
    const laiChauPlan = (await admin.trpc.plans.list.query({ filter: { code: "muong-te-2025" } })).data[0]!;
    expect(await codeOf(province.trpc.reporting.exportList.mutate({ resource: "plans", ids: [plans[0]!.id, laiChauPlan.id] }))).toBe("FORBIDDEN");
    expect(await codeOf(province.trpc.reporting.exportList.mutate({ resource: "users" }))).toBe("FORBIDDEN");
    expect(await codeOf(province.trpc.reporting.exportList.mutate({ resource: "auditLog" }))).toBe("FORBIDDEN");
    expect((await admin.trpc.reporting.exportList.mutate({ resource: "users" })).total).toBeGreaterThan(5);
    expect(await codeOf(province.trpc.reporting.exportList.mutate({ resource: "nothing" }))).toBe("BAD_REQUEST");
    // Viewers export what they read.
    expect((await viewer.trpc.reporting.exportList.mutate({ resource: "indicators", filter: { q: "mam non" } })).total).toBeGreaterThan(0);
  });
});

describe("reporting.reportSettings / updateReportSettings (the province's deadline)", () => {
  test("readers see the setting; only province officers and administrators change it; new periods take it", async () => {
    expect(await viewer.trpc.reporting.reportSettings.query({ localityId: ids["lang-son"] })).toMatchObject({ reportDeadline: "12-10", inheritedFrom: null });
    expect(await codeOf(viewer.trpc.reporting.updateReportSettings.mutate({ localityId: ids["lang-son"], reportDeadline: "12-05" }))).toBe("FORBIDDEN");
    expect(await codeOf(bangmac.trpc.reporting.updateReportSettings.mutate({ localityId: ids["bang-mac"], reportDeadline: "12-05" }))).toBe("FORBIDDEN");
    expect(await codeOf(province.trpc.reporting.updateReportSettings.mutate({ localityId: ids["lai-chau"], reportDeadline: "12-05" }))).toBe("FORBIDDEN");
    const bad = await errorOf(province.trpc.reporting.updateReportSettings.mutate({ localityId: ids["lang-son"], reportDeadline: "13-40" }));
    expect([bad.data.code, bad.data.eduplan!.fieldErrors[0]!.path]).toEqual(["BAD_REQUEST", "reportDeadline"]);

    const saved = await province.trpc.reporting.updateReportSettings.mutate({ localityId: ids["lang-son"], reportDeadline: "12-05" });
    expect(saved).toMatchObject({ reportDeadline: "12-05", periodsUpdated: 0 });
    expect(await bangmac.trpc.reporting.reportSettings.query({ localityId: ids["bang-mac"] })).toMatchObject({ reportDeadline: "12-05", inheritedFrom: ids["lang-son"] });
    const grid = await province.trpc.reports.forUnit.mutate({ localityId: ids["bang-mac"], year: 2024 });
    expect(grid.period.deadline).toBe("2024-12-05");
    // Applied to the open periods of this year and later when asked (a past year's period keeps its deadline).
    const applied = await province.trpc.reporting.updateReportSettings.mutate({ localityId: ids["lang-son"], reportDeadline: "12-01", applyToOpenPeriods: true });
    expect(applied.periodsUpdated).toBeGreaterThanOrEqual(2);
    expect((await bangmac.trpc.reports.grid.query({ id: Number(grid.report.id) })).deadline).toBe("2024-12-05");
    const periods = await admin.trpc.reportingPeriods.list.query({ filter: { localityId: ids["lang-son"], year: 2027 } });
    expect(periods.data[0]!.deadline).toBe("2027-12-01");
    const audit = (await admin.trpc.auditLog.list.query({ filter: { entity: "localitySettings" } })).data;
    expect(audit.map((a) => a.username)).toEqual(["langson.officer", "langson.officer"]);
  });
});
