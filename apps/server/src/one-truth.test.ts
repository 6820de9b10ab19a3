/**
 * One truth in what officers see and print: for the same plan and year, the dashboard (`progress.planProgress`), the
 * consolidation page (`reporting.consolidate`), the cascade tab (`progress.cascade`), the data-entry grid
 * (`reports.grid`) and the printed annual report (DOCX and XLSX, read back from the files) give every target the same
 * verdict — over a real server and a real SQLite file seeded with the sample provinces.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { evaluateReferenceTarget, MODELLING_NOTE_PATTERN, TARGET_STATES, targetStateFromLabel, type TargetState } from "@eduplan/domain";
import { errorOf, loginAs, startTestServer, type Client, type TestServer } from "./testing.js";

let server: TestServer;
let officer: Client;
let bangmac: Client;

type Consolidation = Awaited<ReturnType<Client["trpc"]["reporting"]["consolidate"]["query"]>>;
type ConsolidatedTarget = Consolidation["targets"][number];

const decode = (t: string) =>
  t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, "&");
const textOf = (xml: string) => decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));

/** The rows of the DOCX's targets table (the one headed "Chỉ tiêu"), as cell texts; section rows (one cell) dropped. */
async function docxTargetRows(base64: string): Promise<string[][]> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, "base64"));
  const xml = await zip.file("word/document.xml")!.async("string");
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => textOf(p[0])).join("\n")),
    ),
  );
  const table = tables.find((t) => t[0]?.[1] === "Chỉ tiêu")!;
  return table.slice(1).filter((r) => r.length > 1);
}

/** The rows of the XLSX's "Chỉ tiêu" sheet below its header row (the row whose first cell is "STT"). */
async function xlsxTargetRows(base64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, "base64") as never);
  const ws = wb.getWorksheet("Chỉ tiêu")!;
  const rows: string[][] = [];
  let header = 0;
  ws.eachRow((row, n) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)));
    if (!header && cells[0] === "STT") header = n;
    // Target rows only: an STT ("5", "5.1"); section rows are merged across the table.
    else if (header && /^\d+(\.\d+)*$/.test(cells[0]!)) rows.push(cells);
  });
  return rows;
}

/** The printed order of the targets: by section in order of first appearance, a sub-target with its parent. */
function printedOrder(targets: ConsolidatedTarget[]): ConsolidatedTarget[] {
  const sectionOf = new Map<number, string | null>();
  const order: (string | null)[] = [];
  const bySection = new Map<string | null, ConsolidatedTarget[]>();
  for (const t of targets) {
    const section = t.parentTargetId !== null && sectionOf.has(t.parentTargetId) ? sectionOf.get(t.parentTargetId)! : t.section;
    sectionOf.set(t.targetId, section);
    if (!bySection.has(section)) {
      order.push(section);
      bySection.set(section, []);
    }
    bySection.get(section)!.push(t);
  }
  return order.flatMap((s) => bySection.get(s)!);
}

const state = (label: string): TargetState => {
  const s = targetStateFromLabel(label.split("\n")[0]!);
  if (!s) throw new Error(`not a verdict: “${label}”`);
  return s;
};

beforeAll(async () => {
  server = await startTestServer();
  [officer, bangmac] = await Promise.all([loginAs(server.url, "langson.officer"), loginAs(server.url, "bangmac.officer")]);
  // Two targets by reference in the commune's plan, so every surface below judges them too: "hoàn thành các mục tiêu
  // của Kế hoạch số 243/KH-UBND" (the province's plan, in the system) and one of a plan only cited (entered yes/no).
  const planId = (await bangmac.trpc.plans.list.query({ filter: { code: "bang-mac-2025" } })).data[0]!.id;
  const provincePlanId = (await bangmac.trpc.plans.list.query({ filter: { code: "lang-son-243-2025" } })).data[0]!.id;
  const indicator = async (code: string) => (await bangmac.trpc.indicators.list.query({ filter: { code } })).data[0]!.id;
  const [inSystem, cited] = await Promise.all([indicator("continuing.functional_illiteracy_eradicated"), indicator("continuing.learning_locality_title")]);
  await bangmac.trpc.targets.create.mutate({ data: { planId, indicatorId: inSystem, code: "theo-kh-243", comparator: "achieve", referencePlanId: provincePlanId } });
  await bangmac.trpc.targets.create.mutate({ data: { planId, indicatorId: cited, code: "theo-kh-cu", comparator: "achieve", referenceCitedVi: "Kế hoạch số 03/KH-UBND của UBND xã Bằng Mạc" } });
});

describe("targets by reference: one verdict everywhere", () => {
  test.each([2025, 2026])("%i: from the referenced plan's own dashboard, or from the yes/no entered for a cited plan", async (year) => {
    const localityId = (await bangmac.trpc.localities.list.query({ filter: { code: "bang-mac" } })).data[0]!.id;
    const provincePlanId = (await bangmac.trpc.plans.list.query({ filter: { code: "lang-son-243-2025" } })).data[0]!.id;
    const consolidation = await bangmac.trpc.reporting.consolidate.query({ localityId, year });
    const byCode = new Map(consolidation.targets.map((t) => [t.targetCode, t]));
    // The province's plan as its dashboard judges it, then the rule of the domain over those verdicts.
    const province = await officer.trpc.progress.planProgress.query({ planId: provincePlanId, year });
    const expected = evaluateReferenceTarget({ number: "243/KH-UBND", states: province.targets.map((t) => t.evaluation.state) });
    expect(byCode.get("theo-kh-243")!.evaluation).toMatchObject({ state: expected.state, reason: expected.reason });
    expect(expected.reason.vi).toMatch(/chỉ tiêu của Kế hoạch số 243\/KH-UBND/);
    // No figure entered for the cited plan: no verdict, and the reason says what to enter.
    expect(byCode.get("theo-kh-cu")!.evaluation).toMatchObject({ state: "noData", reason: { vi: `Chưa nhập kết quả năm ${year} (có/không) về việc hoàn thành các mục tiêu của Kế hoạch số 03/KH-UBND của UBND xã Bằng Mạc.` } });
    // The area dashboard (Lạng Sơn's communes against the commune's plan) judges them the same way in the commune's cell.
    const langSon = (await officer.trpc.localities.list.query({ filter: { code: "lang-son" } })).data[0]!.id;
    const area = await officer.trpc.progress.areaDashboard.query({ localityId: langSon, year, planId: consolidation.plan!.id });
    for (const code of ["theo-kh-243", "theo-kh-cu"]) {
      const t = byCode.get(code)!;
      const indicator = area.indicators.find((i) => i.targetId === t.targetId);
      expect(indicator, `${code} on the area dashboard`).toBeDefined();
      const cell = area.cells.find((c) => c.childId === localityId && c.indicatorId === indicator!.id);
      expect(cell?.evaluation).toMatchObject({ state: t.evaluation.state, reason: t.evaluation.reason });
    }
    // The data-entry grid judges them the same way (the surfaces of the test below compare every other one).
    const reportId = consolidation.units.find((u) => u.localityId === localityId && u.agencyId === null)?.reportId;
    if (reportId) {
      const grid = await bangmac.trpc.reports.grid.query({ id: reportId });
      for (const code of ["theo-kh-243", "theo-kh-cu"]) {
        const t = byCode.get(code)!;
        const row = grid.rows.find((r) => r.targetId === t.targetId);
        expect(row?.evaluation).toMatchObject({ state: t.evaluation.state, reason: t.evaluation.reason });
      }
    }
  });
});
afterAll(() => server?.stop());

const CASES = [
  { locality: "lang-son", plan: "lang-son-243-2025", user: () => officer },
  { locality: "bang-mac", plan: "bang-mac-2025", user: () => bangmac },
] as const;

describe.each(CASES)("$plan", ({ locality, plan, user }) => {
  test.each([2025, 2026])("%i: the dashboard, consolidation, cascade, grid, DOCX and XLSX give every target the same verdict", async (year) => {
    const client = user();
    const localityId = (await client.trpc.localities.list.query({ filter: { code: locality } })).data[0]!.id;
    const planId = (await client.trpc.plans.list.query({ filter: { code: plan } })).data[0]!.id;

    const consolidation = await client.trpc.reporting.consolidate.query({ localityId, year });
    expect(consolidation.plan?.id).toBe(planId);
    const truth = new Map(consolidation.targets.map((t) => [t.targetId, t.evaluation.state]));
    expect(truth.size).toBeGreaterThan(40);
    // The sample figures make a real mix, so agreement is not agreement on "no data".
    const states = new Set(truth.values());
    expect(states.has("noData")).toBe(true);
    expect(states.size).toBeGreaterThan(1);
    if (year === 2026) expect(states.has("atRisk") || states.has("notAchieved")).toBe(true);

    // Dashboard.
    const dashboard = await client.trpc.progress.planProgress.query({ planId, year });
    expect(new Map(dashboard.targets.map((t) => [t.target.id, t.evaluation.state]))).toEqual(truth);
    for (const s of TARGET_STATES) expect(dashboard.summary[s]).toBe(consolidation.targetSummary[s]);
    // The same reason in words, too.
    const reasons = new Map(consolidation.targets.map((t) => [t.targetId, t.evaluation.reason.vi]));
    for (const t of dashboard.targets) expect(t.evaluation.reason.vi).toBe(reasons.get(t.target.id));

    // Cascade tab.
    const cascade = await client.trpc.progress.cascade.query({ planId, year });
    expect(new Map(Object.entries(cascade.evaluations).map(([id, v]) => [Number(id), v.state]))).toEqual(truth);

    // The printed report, read back from the files, row by row.
    const order = printedOrder(consolidation.targets);
    const docx = await docxTargetRows((await client.trpc.reporting.annualReport.query({ localityId, year, format: "docx" })).base64);
    const xlsx = await xlsxTargetRows((await client.trpc.reporting.annualReport.query({ localityId, year, format: "xlsx" })).base64);
    expect(docx).toHaveLength(order.length);
    expect(xlsx).toHaveLength(order.length);
    order.forEach((t, i) => {
      const expected = { row: i + 1, name: t.indicator.nameVi, verdict: t.evaluation.state };
      expect({ row: i + 1, name: docx[i]![1]!.slice(0, t.indicator.nameVi.length), verdict: state(docx[i]![5]!) }).toEqual(expected);
      expect({ row: i + 1, name: xlsx[i]![1]!.slice(0, t.indicator.nameVi.length), verdict: state(xlsx[i]![5]!) }).toEqual(expected);
      // No modelling note in a printed indicator name.
      expect(docx[i]![1]).not.toMatch(MODELLING_NOTE_PATTERN);
    });

    // The data-entry grid of the unit's own report judges its primary target of each indicator the same way.
    if (locality === "bang-mac") {
      const reportId = consolidation.units.find((u) => u.localityId === localityId && u.agencyId === null)?.reportId;
      expect(reportId).toBeTruthy();
      const grid = await client.trpc.reports.grid.query({ id: reportId! });
      const judged = grid.rows.filter((r) => r.targetId !== null);
      expect(judged.length).toBeGreaterThan(30);
      for (const r of judged) expect({ indicator: r.code, verdict: r.evaluation.state }).toEqual({ indicator: r.code, verdict: truth.get(r.targetId!) });
    }
  });
});

describe("reporting.annualReport: issuer, signing form and signer from the API input", () => {
  test("a UBND report signed KT. by a named vice-chair; a Sở cannot sign TM. (a clear bilingual error, not a server error)", async () => {
    const localityId = (await officer.trpc.localities.list.query({ filter: { code: "lang-son" } })).data[0]!.id;
    const { base64 } = await officer.trpc.reporting.annualReport.query({ localityId, year: 2026, format: "docx", issuer: "peoplesCommittee", signingForm: "KT", signerName: "Đoàn Thu Hà", draftingUnit: "KGVX" });
    const zip = await JSZip.loadAsync(Buffer.from(base64, "base64"));
    const text = textOf(await zip.file("word/document.xml")!.async("string")).replace(/\u00a0/g, " ");
    expect(text).toContain("TM. ỦY BAN NHÂN DÂNKT. CHỦ TỊCHPHÓ CHỦ TỊCH");
    expect(text).toContain("Đoàn Thu Hà");
    expect(text).toContain("Lưu: VT, KGVX.");
    expect(text).not.toContain("Ký, ghi rõ họ tên");
    const e = await errorOf(officer.trpc.reporting.annualReport.query({ localityId, year: 2026, format: "docx", issuer: "educationDept", signingForm: "TM" }));
    expect(e.data.code).toBe("BAD_REQUEST");
    expect(e.data.eduplan?.fieldErrors[0]).toMatchObject({ path: "signingForm", message: { vi: expect.stringMatching(/thay mặt/) } });
  });
});
