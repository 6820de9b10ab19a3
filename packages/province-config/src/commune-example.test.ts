/** docs/examples/commune-plan.yaml: the fictional commune plan that uses every concept of issue #11, loaded for real. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssigneeMatcher, DEFAULT_COLLECTIVE_ASSIGNEES, evaluateTargetForYear, expandCollectiveAssignee, taskDueInYear, type TaskTiming } from "@eduplan/domain";
import { closeDatabase, collectiveAssignees, createRepositories, CrudRepository, openDatabase, schema as s, sql, SYSTEM_ACTOR, first, type Db, type Row } from "@eduplan/db";
import { applyProvinceConfig, ensureReferenceData, parseProvinceConfig } from "./index.js";

const FILE = fileURLToPath(new URL("../../../docs/examples/commune-plan.yaml", import.meta.url));
const text = readFileSync(FILE, "utf8");

let dir: string;
let db: Db;
let plan: Row;
let tasks: Map<string, Row>;
let targets: Map<string, Row>;
const id = async (table: typeof s.agencies | typeof s.localities | typeof s.plans, code: string) => (await first(db.select({ id: table.id }).from(table).where(sql`code = ${code}`)))!.id;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-commune-"));
  db = openDatabase(join(dir, "db.sqlite"));
  await ensureReferenceData(db);
  await applyProvinceConfig(db, parseProvinceConfig(text, FILE));
  const repos = createRepositories(db);
  plan = (await repos.plans.list({ filter: { code: "mau.hoa-binh.kh-2025" } }, SYSTEM_ACTOR)).data[0]!;
  tasks = new Map((await repos.tasks.list({ filter: { planId: plan.id }, pagination: { page: 1, perPage: 100 } }, SYSTEM_ACTOR)).data.map((t) => [String(t.code), t]));
  targets = new Map((await repos.targets.list({ filter: { planId: plan.id }, pagination: { page: 1, perPage: 100 } }, SYSTEM_ACTOR)).data.map((t) => [String(t.code), t]));
});
afterAll(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe("the commune example (docs/examples/commune-plan.yaml)", () => {
  it("loads, and loads again without a change", async () => {
    expect(tasks.size).toBe(4);
    expect(targets.size).toBe(7);
    const again = await applyProvinceConfig(db, parseProvinceConfig(text, FILE));
    expect({ created: again.created, updated: again.updated }).toEqual({ created: 0, updated: 0 });
  });

  it("localities: the merged commune keeps its end date and names its successor; the plan keeps its note", async () => {
    const old = (await first(db.select().from(s.localities).where(sql`code = 'mau.hoa-an'`)))!;
    expect(old).toMatchObject({ validTo: "2025-06-30", successorId: await id(s.localities, "mau.hoa-binh") });
    expect(plan.noteVi).toMatch(/không ghi họ tên người ký/);
  });

  it("collectives: declared by the commune with members or a rule; expanded by the domain", async () => {
    const rows = (await new CrudRepository(db, collectiveAssignees).list({ pagination: { page: 1, perPage: 100 } }, SYSTEM_ACTOR)).data;
    const related = rows.find((c) => c.code === "mau.hoa-binh.related")!;
    expect(related.memberAgencyIds).toEqual([await id(s.agencies, "mau.hoa-binh.vhxh"), await id(s.agencies, "mau.hoa-binh.ktht")]);
    const schools = rows.find((c) => c.code === "mau.hoa-binh.schools")!;
    const agencies = await db.select().from(s.agencies);
    const localities = await db.select().from(s.localities);
    const expanded = expandCollectiveAssignee(schools as never, await id(s.localities, "mau.hoa-binh"), agencies as never[], localities as never[]);
    expect(expanded.map((a: { code: string }) => a.code)).toEqual(["mau.hoa-binh.th"]);
  });

  it("names as the documents write them match the agencies and collectives, through their aliases", async () => {
    const agencies = await db.select().from(s.agencies);
    const matcher = createAssigneeMatcher([
      ...agencies.map((a) => ({ kind: "agency" as const, ref: a.code, names: [a.nameVi, a.shortName, ...a.aliases] })),
      ...DEFAULT_COLLECTIVE_ASSIGNEES.map((c) => ({ kind: "collective" as const, ref: c.code, names: [c.nameVi, ...c.aliases] })),
      { kind: "collective" as const, ref: "mau.hoa-binh.related", names: ["Các cơ quan, đơn vị liên quan", "Các cơ quan liên quan"] },
    ]);
    const ref = (w: string) => {
      const m = matcher.match(w);
      return m.status === "matched" ? m.candidate.ref : m.status;
    };
    expect(ref("Uỷ ban nhân dân xã Hòa Bình.")).toBe("mau.hoa-binh.ubnd");
    expect(ref("Phòng Văn hoá – Xã hội")).toBe("mau.hoa-binh.vhxh");
    expect(ref("UBND TỈNH MẪU")).toBe("mau.ubnd");
    expect(ref("các cơ quan liên quan;")).toBe("mau.hoa-binh.related");
    expect(ref("Các tổ chức chính trị – xã hội")).toBe("socio-political-organisations");
  });

  it("tasks: coordinators only, several leads and requested bodies, 'not stated' beside 'thường xuyên', sources, a repeated row", async () => {
    expect(tasks.get("1")).toMatchObject({ leadAgencyIds: [], leadCollectiveCodes: [], coordinatingCollectiveCodes: ["mau.hoa-binh.related"] });
    expect(tasks.get("2")).toMatchObject({ requestedAgencyIds: [await id(s.agencies, "mau.hoa-binh.mttq")], requestedCollectiveCodes: ["socio-political-organisations"] });
    expect((tasks.get("2")!.leadAgencyIds as number[]).length).toBe(2);
    expect(taskDueInYear(tasks.get("2")!.timing as TaskTiming, 2026)).toBe("timingNotStated");
    expect(taskDueInYear(tasks.get("3")!.timing as TaskTiming, 2026)).toBe("due");
    expect(tasks.get("3")).toMatchObject({ source: "both", sourceConflicts: [{ field: "lead", keptFrom: "body" }], leadCollectiveCodes: ["mau.hoa-binh.schools"] });
    expect(tasks.get("3-lap")).toMatchObject({ rowNumber: "3", duplicateOfId: tasks.get("3")!.id, source: "table" });
  });

  it("reporting duties: several recipients through an intermediary, a collective reporter on request, none named; citations by year, irregular numbers", async () => {
    const repos = createRepositories(db);
    const duties = (await repos.reportingObligations.list({ filter: { planId: plan.id }, sort: { field: "id", order: "ASC" } }, SYSTEM_ACTOR)).data;
    expect(duties).toHaveLength(3);
    expect(duties[0]).toMatchObject({ recipientAgencyId: await id(s.agencies, "mau.ubnd"), furtherRecipientAgencyIds: [await id(s.agencies, "mau.hoa-binh.mttq")], viaAgencyId: await id(s.agencies, "mau.sgddt"), dueMonthDay: "12-05" });
    expect(duties[1]).toMatchObject({ reporterCollectiveCode: "mau.hoa-binh.schools", frequency: "onRequest", dueMonthDay: null });
    expect(duties[2]).toMatchObject({ reporterAgencyId: null, reporterCollectiveCode: null });
    const relations = (await repos.documentRelations.list({ filter: { fromPlanId: plan.id }, sort: { field: "id", order: "ASC" } }, SYSTEM_ACTOR)).data;
    expect(relations.find((r) => r.citedTitleVi === "Luật Giáo dục")).toMatchObject({ citedYear: 2019, citedIssuedOn: null });
    expect(relations.find((r) => r.citedNumber === "số 15 /KH-UBND")).toMatchObject({ citedNumberNormalised: "15/KH-UBND", noteVi: expect.stringMatching(/số 15 \/KH-UBND/) });
  });

  it("targets: pooled over two levels, of no level, counted 4/10, approximate (default and own band), by reference", async () => {
    expect(targets.get("dat-chuan")).toMatchObject({ pooledEducationLevelCodes: ["earlyChildhood", "primary"], breakdownEducationLevelCode: null });
    expect(targets.get("phong-kien-co")).toMatchObject({ pooledEducationLevelCodes: [], breakdownEducationLevelCode: null });
    expect(targets.get("thon-pho-cap")).toMatchObject({ countedNumerator: 4, countedDenominator: 10, countedGroupRelation: "notStated" });
    const about = (code: string) => ({ ...(targets.get(code) as never as { comparator: "eq"; value: number; valueMax: null; targetYear: number; isApproximate: boolean; approximateTolerance: number | null }), direction: "increase" as const, unit: "percent" });
    expect(evaluateTargetForYear(about("khoang-30"), [], 28.4, 2027, { start: 2025, end: 2030 }).state).toBe("achieved");
    expect(evaluateTargetForYear(about("khoang-60"), [], 55.5, 2030, { start: 2025, end: 2030 }).state).toBe("achieved");
    expect(evaluateTargetForYear(about("khoang-60"), [], 54.9, 2030, { start: 2025, end: 2030 }).state).toBe("notAchieved");
    expect(targets.get("theo-ke-hoach-tinh")!.referencePlanId).toBe(await id(s.plans, "mau.kh-2025"));
    expect(targets.get("theo-ke-hoach-cu")).toMatchObject({ referencePlanId: null, referenceCitedVi: "Kế hoạch số 03/KH-UBND của UBND xã Hòa An" });
  });
});
