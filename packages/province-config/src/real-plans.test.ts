/** Issue #11 "Real plans fit": what a province file can now say, applied to a real SQLite file. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, createRepositories, first, one, openDatabase, schema as s, sql, SYSTEM_ACTOR, type Db } from "@eduplan/db";
import { allErrors, applyProvinceConfig, ConfigInvalidError, ensureReferenceData, parseProvinceConfig } from "./index.js";

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-real-"));
  db = openDatabase(join(dir, "test.db"));
  await ensureReferenceData(db);
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const BASE = `province:
  code: thu
  officialCode: "99"
  nameVi: Tỉnh Thử
  nameEn: Test Province
  isMountainous: true
localities:
  - code: thu.xa-a
    nameVi: Xã A
    level: commune
    parent: thu
agencies:
  - code: thu.ubnd
    nameVi: Ủy ban nhân dân tỉnh Thử
    aliases: [UBND tỉnh, Ủy ban nhân dân tỉnh]
    kind: peoplesCommittee
    locality: thu
  - code: thu.sgddt
    nameVi: Sở Giáo dục và Đào tạo
    aliases: [Sở GD&ĐT]
    kind: educationDept
    locality: thu
  - code: thu.skhcn
    nameVi: Sở Khoa học và Công nghệ
    kind: scienceTechnologyDept
    locality: thu
  - code: thu.mttq
    nameVi: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh
    kind: fatherlandFrontCommittee
    locality: thu
collectives:
  - code: thu.related
    nameVi: Các cơ quan liên quan
    aliases: ["Các cơ quan, đơn vị liên quan"]
    members: [thu.skhcn, thu.sgddt]
`;
const PLAN = `plans:
  - code: thu.kh-1
    documentKind: plan
    titleVi: Kế hoạch thử
    locality: thu
    tasks:
      - code: "1"
        titleVi: Nhiệm vụ một
        timing: { kind: year, year: 2026 }
        lead: [thu.sgddt]
        coordinating: [thu.related, provincial-agencies]
`;

const apply = (text: string, file = "thu.yaml") => applyProvinceConfig(db, parseProvinceConfig(text, file));
const refusal = async (text: string): Promise<ConfigInvalidError> => {
  try {
    await apply(text);
  } catch (e) {
    if (e instanceof ConfigInvalidError) return e;
    throw e;
  }
  throw new Error("the file was accepted");
};

describe("collective assignees and agency aliases in the province file", () => {
  it("declares a collective with its members and aliases, names it in a task, and changes nothing when applied again", async () => {
    await apply(BASE + PLAN);
    const repos = createRepositories(db);
    const c = (await first(db.select().from(s.collectiveAssignees).where(sql`code = 'thu.related'`)))!;
    expect(c.localityId).toBe((await first(db.select().from(s.localities).where(sql`code = 'thu'`)))!.id);
    expect(c.aliases).toEqual(["Các cơ quan, đơn vị liên quan"]);
    const members = await db.select().from(s.collectiveMembers).where(sql`collective_id = ${c.id}`);
    expect(members).toHaveLength(2);
    const task = (await repos.tasks.list({ filter: { code: "1" } }, SYSTEM_ACTOR)).data[0]!;
    expect(task.coordinatingCollectiveCodes).toEqual(["thu.related", "provincial-agencies"]);
    expect((await first(db.select().from(s.agencies).where(sql`code = 'thu.ubnd'`)))!.aliases).toEqual(["UBND tỉnh", "Ủy ban nhân dân tỉnh"]);
    const again = await apply(BASE + PLAN);
    expect({ created: again.created, updated: again.updated }).toEqual({ created: 0, updated: 0 });
  });

  it("refuses a code taken by a built-in, an unknown member and an undeclared collective, all at once", async () => {
    const broken = (BASE + PLAN).replace("code: thu.related", "code: provincial-agencies").replace("members: [thu.skhcn, thu.sgddt]", "members: [thu.skhcn, thu.no-such]");
    const e = await refusal(broken.replace("coordinating: [provincial-agencies, provincial-agencies]", ""));
    const paths = e.errors.map((x) => x.path);
    expect(paths).toContain("collectives.0.code");
    expect(paths).toContain("collectives.0.members.1");
    expect(paths).toContain("plans.0.tasks.0.coordinating.0");
  });

  it("refuses another province's collective", async () => {
    await apply(BASE);
    const other = `province:\n  code: khac\n  nameVi: Tỉnh Khác\n${PLAN.replace(/thu\.kh-1/, "khac.kh-1").replace("locality: thu", "locality: khac").replace("lead: [thu.sgddt]", "lead: [socio-political-organisations]")}`;
    const e = await refusal(other);
    expect(e.errors.map((x) => x.path)).toEqual(["plans.0.tasks.0.coordinating.0"]);
  });
});

describe("task assignee roles in the province file", () => {
  const tasks = (body: string) => `${BASE}plans:\n  - code: thu.kh-2\n    documentKind: plan\n    titleVi: Kế hoạch hai\n    locality: thu\n    tasks:\n${body}`;
  it("a coordinator-only task, several leads and a requested body", async () => {
    await apply(
      tasks(`      - code: "3"
        titleVi: Phối hợp với Sở Giáo dục và Đào tạo
        timing: { kind: yearly }
        coordinating: [thu.skhcn]
      - code: "10"
        titleVi: Đề nghị Ủy ban MTTQ tỉnh
        timing: { kind: yearly }
        lead: [thu.sgddt, thu.ubnd]
        requested: [thu.mttq, socio-political-organisations]
`),
    );
    const repos = createRepositories(db);
    const byCode = new Map((await repos.tasks.list({}, SYSTEM_ACTOR)).data.map((t) => [t.code, t]));
    expect(byCode.get("3")).toMatchObject({ leadAgencyIds: [], coordinatingAgencyIds: [expect.any(Number)] });
    expect(byCode.get("10")).toMatchObject({ requestedCollectiveCodes: ["socio-political-organisations"] });
    expect((byCode.get("10")!.leadAgencyIds as number[]).length).toBe(2);
    expect((byCode.get("10")!.requestedAgencyIds as number[]).length).toBe(1);
  });

  it("a task naming nobody and one naming an agency twice are refused at the file's own keys, with lines", async () => {
    const text = tasks(`      - code: "1"
        titleVi: Không ai
        timing: { kind: yearly }
      - code: "2"
        titleVi: Hai lần
        timing: { kind: yearly }
        lead: [thu.sgddt]
        requested: [thu.sgddt]
`);
    const e = await refusal(text);
    expect(e.errors.map((x) => x.path)).toEqual(["plans.0.tasks.0", "plans.0.tasks.1.requested.0"]);
    const lines = text.split("\n");
    expect(lines[e.errors[1]!.line! - 1]).toContain("requested");
    expect(e.errors[0]!.message.vi).toMatch(/ít nhất một đơn vị/);
  });
});

describe("timing not stated, sources and repeated rows in the province file", () => {
  const tasks = (body: string) => `${BASE}plans:\n  - code: thu.kh-3\n    documentKind: plan\n    titleVi: Kế hoạch ba\n    locality: thu\n    tasks:\n${body}`;
  it("keeps every row with its number, flags the repeat, records the disagreement", async () => {
    const text = tasks(`      - code: "12-lap"
        number: "12"
        duplicateOf: "12"
        titleVi: Rà soát mạng lưới
        timing: { kind: notStated }
        lead: [thu.sgddt]
      - code: "12"
        number: "12"
        titleVi: Rà soát mạng lưới
        timing: { kind: year, year: 2026 }
        lead: [thu.sgddt]
        source: both
        sourceConflicts:
          - { field: lead, keptFrom: body, bodyVi: Sở Giáo dục và Đào tạo, tableVi: Sở Nội vụ }
        sourceNoteVi: Bảng phụ lục ghi Sở Nội vụ chủ trì.
`);
    await apply(text);
    const rows = (await createRepositories(db).tasks.list({}, SYSTEM_ACTOR)).data;
    const original = rows.find((t) => t.code === "12")!;
    const repeat = rows.find((t) => t.code === "12-lap")!;
    expect(repeat).toMatchObject({ rowNumber: "12", duplicateOfId: original.id, timing: { kind: "notStated" } });
    expect(original).toMatchObject({ source: "both", sourceConflicts: [{ field: "lead", keptFrom: "body", tableVi: "Sở Nội vụ" }] });
    const again = await apply(text);
    expect(again.updated).toBe(0);
  });

  it("refuses a repeat of an unknown row and a disagreement without source 'both', together", async () => {
    const e = await refusal(
      tasks(`      - code: "1"
        duplicateOf: "9"
        titleVi: Một
        timing: { kind: notStated }
        lead: [thu.sgddt]
        source: table
        sourceConflicts:
          - { field: timing, keptFrom: table, bodyVi: Năm 2026, tableVi: Năm 2027 }
`),
    );
    expect(e.errors.map((x) => x.path)).toEqual(["plans.0.tasks.0.duplicateOf", "plans.0.tasks.0.source"]);
  });
});

describe("targets as real plans write them, in the province file", () => {
  const plans = (targets: string) => `${BASE}plans:
  - code: thu.xa-a.kh
    documentKind: plan
    titleVi: Kế hoạch của xã A
    locality: thu.xa-a
  - code: thu.kh-4
    documentKind: plan
    titleVi: Kế hoạch bốn
    locality: thu
    noteVi: Phần ký không ghi tên người ký.
    targets:
${targets}`;
  const GOOD = `      - indicator: ecec.national_standard_school_rate
        code: pooled
        comparator: gt
        value: 70
        educationLevels: [earlyChildhood, primary]
      - indicator: lower_secondary.universal_education_level
        code: counted
        comparator: achieve
        value: 3
        counting: { entity: commune, criterionVi: đạt chuẩn phổ cập giáo dục THCS mức độ 3, count: 4, outOf: 10, groupRelation: notStated }
      - indicator: ecec.national_standard_school_rate
        code: about
        comparator: eq
        value: 30
        approximate: true
        tolerance: 3
        noteVi: Văn bản ghi "khoảng 30%".
      - indicator: cross_cutting.digital.transformation_complete
        code: by-ref
        comparator: achieve
        reference: { plan: thu.xa-a.kh }
`;
  it("applies pooled, counted, approximate, by-reference targets and notes; the referenced plan is written first", async () => {
    await apply(plans(GOOD));
    const rows = (await createRepositories(db).targets.list({ pagination: { page: 1, perPage: 50 } }, SYSTEM_ACTOR)).data;
    const by = new Map(rows.map((t) => [t.code, t]));
    expect(by.get("pooled")).toMatchObject({ pooledEducationLevelCodes: ["earlyChildhood", "primary"], breakdownEducationLevelCode: null });
    expect(by.get("counted")).toMatchObject({ countedEntity: "commune", countedNumerator: 4, countedDenominator: 10, countedGroupRelation: "notStated" });
    expect(by.get("about")).toMatchObject({ isApproximate: true, approximateTolerance: 3 });
    expect(by.get("by-ref")!.referencePlanId).toBe((await first(db.select().from(s.plans).where(sql`code = 'thu.xa-a.kh'`)))!.id);
    expect((await first(db.select().from(s.plans).where(sql`code = 'thu.kh-4'`)))!.noteVi).toBe("Phần ký không ghi tên người ký.");
    expect((await apply(plans(GOOD))).updated).toBe(0);
  });
  it("refuses, at the file's own keys and all at once: one pooled level, an unknown level, 11/10, a tolerance without approximate, an unknown referenced plan", async () => {
    const bad = GOOD.replace("educationLevels: [earlyChildhood, primary]", "educationLevels: [earlyChildhood]\n        tolerance: 1")
      .replace("count: 4, outOf: 10", "count: 11, outOf: 10")
      .replace("reference: { plan: thu.xa-a.kh }", "reference: { plan: thu.no-such }")
      .replace("value: 30\n        approximate: true", "value: 30\n        educationLevels: [earlyChildhood, nowhere]\n        approximate: true");
    const e = await refusal(plans(bad));
    expect(e.errors.map((x) => x.path).sort()).toEqual(
      [
        "plans.1.targets.0.educationLevels",
        "plans.1.targets.0.tolerance",
        "plans.1.targets.1.counting.count",
        "plans.1.targets.2.educationLevels.1",
        "plans.1.targets.3.reference.plan",
      ].sort(),
    );
    for (const x of e.errors) expect(x.line).toBeGreaterThan(0);
  });
});

describe("partial updates never reset what the file does not mention", () => {
  it("a minimal province section for an existing province keeps its official code, English name, area flags and deadline", async () => {
    await apply(BASE.replace("  isMountainous: true\n", "  isMountainous: true\n  reportDeadline: \"11-30\"\n") + PLAN);
    const before = (await first(db.select().from(s.localities).where(sql`code = 'thu'`)))!;
    // A second, older plan added to the existing province, with the province named only by code and name.
    const older = `province:\n  code: thu\n  nameVi: Tỉnh Thử\nplans:\n  - code: thu.kh-2020\n    documentKind: plan\n    titleVi: Kế hoạch giai đoạn 2021–2025\n    locality: thu\n    periodStart: 2021\n    periodEnd: 2025\n`;
    const summary = await apply(older);
    expect(summary.byResource).toEqual({ plans: { created: 1, updated: 0 } });
    const after = (await first(db.select().from(s.localities).where(sql`code = 'thu'`)))!;
    expect(after).toMatchObject({ officialCode: "99", nameEn: "Test Province", isMountainous: true, version: before.version });
    expect((await first(db.select().from(s.localitySettings).where(sql`locality_id = ${after.id}`)))!.reportDeadline).toBe("11-30");
    // The first plan, its tasks and their assignees are untouched.
    const task = (await createRepositories(db).tasks.list({ filter: { code: "1" } }, SYSTEM_ACTOR)).data[0]!;
    expect(task.coordinatingCollectiveCodes).toEqual(["thu.related", "provincial-agencies"]);
  });

  it("an agency, a plan or a task named again with fewer fields keeps the others; a plan's list it does not mention stays", async () => {
    await apply(BASE + PLAN.replace("    locality: thu\n", "    locality: thu\n    number: 12/KH-UBND\n    fundingSources:\n      - { kind: stateBudget, descriptionVi: Ngân sách nhà nước }\n"));
    const minimal = `province:\n  code: thu\n  nameVi: Tỉnh Thử\nagencies:\n  - code: thu.ubnd\n    nameVi: Ủy ban nhân dân tỉnh Thử\n    kind: peoplesCommittee\n    locality: thu\nplans:\n  - code: thu.kh-1\n    documentKind: plan\n    titleVi: Kế hoạch thử\n    locality: thu\n    tasks:\n      - code: "1"\n        titleVi: Nhiệm vụ một (sửa)\n        timing: { kind: year, year: 2026 }\n`;
    await apply(minimal);
    expect((await first(db.select().from(s.agencies).where(sql`code = 'thu.ubnd'`)))!.aliases).toEqual(["UBND tỉnh", "Ủy ban nhân dân tỉnh"]);
    const plan = (await first(db.select().from(s.plans).where(sql`code = 'thu.kh-1'`)))!;
    expect(plan.number).toBe("12/KH-UBND");
    expect(await db.select().from(s.fundingSources).where(sql`plan_id = ${plan.id}`)).toHaveLength(1);
    const task = (await createRepositories(db).tasks.list({ filter: { code: "1" } }, SYSTEM_ACTOR)).data[0]!;
    expect(task).toMatchObject({ titleVi: "Nhiệm vụ một (sửa)", coordinatingCollectiveCodes: ["thu.related", "provincial-agencies"] });
    expect(task.leadAgencyIds).toHaveLength(1);
  });
});

describe("a dry run runs every check of a real run and writes nothing", () => {
  const counts = async () => {
    const n: number[] = [];
    for (const t of ["localities", "agencies", "plans", "tasks", "collective_assignees", "audit_log"]) n.push((await one<{ n: number }>(db, sql.raw(`select count(*) as n from ${t}`)))!.n);
    return n;
  };
  it("reports what a real run would do, and leaves the database as it was", async () => {
    const before = await counts();
    const summary = await applyProvinceConfig(db, parseProvinceConfig(BASE + PLAN, "thu.yaml"), undefined, { dryRun: true });
    expect(summary.created).toBeGreaterThan(5);
    expect(await counts()).toEqual(before);
  });

  it("finds a mistake only the write path sees (a repeat of a repeat), with the file's path and line, and writes nothing", async () => {
    const text = `${BASE}plans:\n  - code: thu.kh-5\n    documentKind: plan\n    titleVi: Kế hoạch năm\n    locality: thu\n    tasks:\n      - { code: "1", titleVi: Một, timing: { kind: notStated }, lead: [thu.sgddt] }\n      - { code: "1b", duplicateOf: "1", titleVi: Một, timing: { kind: notStated }, lead: [thu.sgddt] }\n      - { code: "1c", duplicateOf: "1b", titleVi: Một, timing: { kind: notStated }, lead: [thu.sgddt] }\n`;
    const before = await counts();
    let caught: unknown;
    try {
      await applyProvinceConfig(db, parseProvinceConfig(text, "thu.yaml"), undefined, { dryRun: true });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigInvalidError);
    const e = caught as ConfigInvalidError;
    expect(e.errors.map((x) => x.path)).toEqual(["plans.0.tasks.2.duplicateOf"]);
    expect(text.split("\n")[e.errors[0]!.line! - 1]).toContain('code: "1c"');
    expect(e.errors[0]!.message.vi).toMatch(/dòng xuất hiện đầu tiên/);
    expect(await counts()).toEqual(before);
  });
});

describe("all errors at once, each with its line, the file's own path and a suggestion for an unknown code", () => {
  it("a missing field, a mistyped kind, an unknown level and a mistyped agency code: four errors in one go", async () => {
    const text = (BASE + PLAN)
      .replace("  - code: thu.skhcn\n    nameVi: Sở Khoa học và Công nghệ\n    kind: scienceTechnologyDept\n", "  - code: thu.skhcn\n    nameVi: Sở Khoa học và Công nghệ\n")
      .replace("    kind: fatherlandFrontCommittee\n", "    kind: fatherlandFront\n")
      .replace("    level: commune\n", "    level: comune\n")
      .replace("        lead: [thu.sgddt]\n", "        lead: [thu.sgdt]\n");
    let caught: unknown;
    try {
      parseProvinceConfig(text, "thu.yaml");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigInvalidError);
    const e = await allErrors(db, caught as ConfigInvalidError);
    const byPath = new Map(e.errors.map((x) => [x.path, x]));
    expect([...byPath.keys()].sort()).toEqual(["agencies.2.kind", "agencies.3.kind", "localities.0.level", "plans.0.tasks.0.lead.0"].sort());
    expect(byPath.get("agencies.3.kind")!.message.en).toMatch(/did you mean 'fatherlandFrontCommittee'/);
    expect(byPath.get("localities.0.level")!.message.vi).toMatch(/có phải là 'commune'/);
    expect(byPath.get("plans.0.tasks.0.lead.0")!.message.en).toMatch(/unknown agency or collective 'thu.sgdt' — did you mean 'thu.sgddt'\?/);
    const lines = text.split("\n");
    for (const x of e.errors) expect(x.line).toBeGreaterThan(0);
    expect(lines[byPath.get("plans.0.tasks.0.lead.0")!.line! - 1]).toContain("thu.sgdt");
    expect(lines[byPath.get("localities.0.level")!.line! - 1]).toContain("comune");
    // In the order of the file.
    expect(e.errors.map((x) => x.line)).toEqual([...e.errors.map((x) => x.line)].sort((a, b) => a! - b!));
    // The agency left out for its own mistake is not reported again where the collective names it.
    expect(e.errors.some((x) => x.path.startsWith("collectives"))).toBe(false);
  });

  it("a short list of valid values when nothing is near", async () => {
    const e = await refusal(BASE.replace("    level: commune\n", "    level: xyzxyzxyz\n"));
    expect(e.errors[0]!.message.en).toMatch(/\(valid: .*commune.*ward/);
  });
});

describe("reporting duties, citations and locality levels in the province file", () => {
  it("several recipients via an intermediary, on request, no reporter; a year-only citation with a note; a new locality level", async () => {
    const text = BASE.replace("localities:\n", "localityLevels:\n  - { code: city, nameVi: Thành phố thuộc tỉnh, nameEn: Provincial city, rank: 2 }\nlocalities:\n  - code: thu.tp\n    nameVi: Thành phố Thử\n    level: city\n    parent: thu\n") +
      `plans:\n  - code: thu.kh-6\n    documentKind: plan\n    titleVi: Kế hoạch sáu\n    locality: thu\n    relations:\n      - kind: cites\n        cited: { kind: other, titleVi: Luật Giáo dục, year: 2019, number: "43/2019/QH14 " }\n        noteVi: Văn bản dẫn năm ban hành, không nêu ngày.\n    reportingObligations:\n      - subjectVi: Báo cáo đột xuất\n        frequency: onRequest\n        recipients: [thu.ubnd, thu.mttq]\n        via: thu.sgddt\n`;
    await apply(text);
    const plan = (await first(db.select().from(s.plans).where(sql`code = 'thu.kh-6'`)))!;
    const repos = createRepositories(db);
    const o = (await repos.reportingObligations.list({ filter: { planId: plan.id } }, SYSTEM_ACTOR)).data[0]!;
    const agency = async (code: string) => (await first(db.select().from(s.agencies).where(sql`code = ${code}`)))!.id;
    expect(o).toMatchObject({ reporterAgencyId: null, recipientAgencyId: await agency("thu.ubnd"), furtherRecipientAgencyIds: [await agency("thu.mttq")], viaAgencyId: await agency("thu.sgddt"), frequency: "onRequest", dueMonthDay: null });
    const r = (await repos.documentRelations.list({ filter: { fromPlanId: plan.id } }, SYSTEM_ACTOR)).data[0]!;
    expect(r).toMatchObject({ citedYear: 2019, citedNumber: "43/2019/QH14", citedNumberNormalised: "43/2019/QH14", noteVi: "Văn bản dẫn năm ban hành, không nêu ngày." });
    expect((await first(db.select().from(s.localities).where(sql`code = 'thu.tp'`)))!.levelCode).toBe("city");
    expect((await apply(text)).updated).toBe(0);
  });
});
