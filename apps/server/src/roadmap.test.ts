/**
 * The roadmap (`progress.roadmap`): without milestones every year's figure lies on the straight line from the first
 * reported year to the target, labelled as an estimate wherever it is printed; an officer's milestone replaces the
 * estimate for its year and bends the line; the evaluation judges each year against exactly these figures.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LINEAR_ROADMAP_LABEL } from "@eduplan/domain";
import { errorOf, loginAs, startTestServer, type Client, type TestServer } from "./testing.js";

let server: TestServer;
let officer: Client;
let muongte: Client;
let planId: number;
let langSon: number;
let targetId: number;

beforeAll(async () => {
  server = await startTestServer();
  [officer, muongte] = await Promise.all([loginAs(server.url, "langson.officer"), loginAs(server.url, "muongte.viewer")]);
  planId = (await officer.trpc.plans.list.query({ filter: { code: "lang-son-243-2025" } })).data[0]!.id;
  langSon = (await officer.trpc.localities.list.query({ filter: { code: "lang-son" } })).data[0]!.id;
  const nursery = (await officer.trpc.indicators.list.query({ filter: { code: "ecec.nursery.enrolment_rate" } })).data[0]!.id;
  targetId = (await officer.trpc.targets.list.query({ filter: { planId, indicatorId: nursery } })).data[0]!.id;
});
afterAll(() => server?.stop());

/** The "Lộ trình năm N" cell of the nursery row of the printed report. */
async function printedRoadmap(year: number): Promise<string> {
  const { base64 } = await officer.trpc.reporting.annualReport.query({ localityId: langSon, year, format: "docx" });
  const xml = await (await JSZip.loadAsync(Buffer.from(base64, "base64"))).file("word/document.xml")!.async("string");
  const cells = (row: string) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
  const row = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => cells(r[0])).find((c) => c[1] === "Tỷ lệ huy động trẻ nhà trẻ đến trường")!;
  return row[3]!;
}

describe("progress.roadmap", () => {
  test("without milestones: a straight line from the first reported year (2025) to 48,5% in 2030, labelled as an estimate", async () => {
    const r = await officer.trpc.progress.roadmap.query({ targetId });
    expect(r.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    const c2025 = (await officer.trpc.reporting.consolidate.query({ localityId: langSon, year: 2025 })).targets.find((t) => t.targetId === targetId)!;
    expect(r.firstReported).toEqual({ year: 2025, value: c2025.actual.value });
    const first = c2025.actual.value!;
    for (const y of r.years.filter((x) => x.year < 2030)) {
      expect(y.milestone).toBeNull();
      expect(y.expected?.source).toBe("linear");
      expect(y.expected!.value).toBeCloseTo(first + ((48.5 - first) * (y.year - 2025)) / 5, 9);
    }
    expect(r.years.at(-1)!.expected).toBeNull(); // the target year: the target itself applies

    // The dashboard judges 2026 against the same figure, and the printed report says it is an estimate.
    const p = (await officer.trpc.progress.planProgress.query({ planId, year: 2026 })).targets.find((t) => t.target.id === targetId)!;
    expect(p.evaluation.expected?.value).toBeCloseTo(r.years[1]!.expected!.value, 9);
    expect(await printedRoadmap(2026)).toMatch(new RegExp(`^\\d+,\\d% \\(${LINEAR_ROADMAP_LABEL.vi}\\)$`));
  });

  test("an officer's milestone replaces the estimate for its year and bends the line; deleting it restores the line", async () => {
    const before = await officer.trpc.progress.roadmap.query({ targetId });
    const first = before.firstReported!.value;
    const { data: m } = await officer.trpc.milestones.create.mutate({ data: { targetId, year: 2027, value: 47 } });
    const after = await officer.trpc.progress.roadmap.query({ targetId });
    const y2027 = after.years.find((y) => y.year === 2027)!;
    expect(y2027.milestone?.value).toBe(47);
    expect(y2027.expected).toMatchObject({ source: "milestone", value: 47 });
    // 2026 now lies halfway between the 2025 figure and the 2027 milestone; 2028 between 47 (2027) and 48,5 (2030).
    expect(after.years.find((y) => y.year === 2026)!.expected!.value).toBeCloseTo((first + 47) / 2, 9);
    expect(after.years.find((y) => y.year === 2028)!.expected!.value).toBeCloseTo(47 + 1.5 / 3, 9);
    const p = (await officer.trpc.progress.planProgress.query({ planId, year: 2026 })).targets.find((t) => t.target.id === targetId)!;
    expect(p.evaluation.expected?.value).toBeCloseTo((first + 47) / 2, 9);
    // A milestone is printed as set, without the estimate's label.
    expect(await printedRoadmap(2027)).toBe("47,0%");

    await officer.trpc.milestones.delete.mutate({ id: m.id, version: m.version as number });
    const restored = await officer.trpc.progress.roadmap.query({ targetId });
    expect(restored.years.map((y) => y.expected?.value ?? null)).toEqual(before.years.map((y) => y.expected?.value ?? null));
  });

  test("the roadmap of a target outside the user's area is forbidden; an unknown target is not found", async () => {
    expect((await errorOf(muongte.trpc.progress.roadmap.query({ targetId }))).data.code).toBe("FORBIDDEN");
    expect((await errorOf(officer.trpc.progress.roadmap.query({ targetId: 999_999 }))).data.code).toBe("NOT_FOUND");
  });
});
