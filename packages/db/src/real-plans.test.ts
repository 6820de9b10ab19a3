/** Issue #11 "Real plans fit": the concepts the model lacked, on the guarded write path, against a real SQLite file. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_COLLECTIVE_ASSIGNEES } from "@eduplan/domain";
import { closeDatabase, collectiveAssignees, createRepositories, CrudRepository, foreignRefs, openDatabase, schema as s, SYSTEM_ACTOR, type Db, type Repositories } from "./index.js";

const thrown = async (fn: () => unknown): Promise<unknown> => {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error, the call succeeded");
};

let dir: string;
let db: Db;
let repos: Repositories;
let collectives: CrudRepository;
const ids: Record<string, number> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-real-"));
  db = openDatabase(join(dir, "db.sqlite"));
  await db.insert(s.educationLevels)
    .values([
      { code: "preschool", parentCode: null, nameVi: "Mầm non", nameEn: "Preschool", sortOrder: 1 },
      { code: "primary", parentCode: null, nameVi: "Tiểu học", nameEn: "Primary", sortOrder: 2 },
    ]);
  await db.insert(s.localityLevels)
    .values([
      { code: "province", nameVi: "Tỉnh", nameEn: "Province", rank: 1, isAdministrative: true },
      { code: "commune", nameVi: "Xã", nameEn: "Commune", rank: 3, isAdministrative: true },
    ]);
  repos = createRepositories(db);
  collectives = new CrudRepository(db, collectiveAssignees);
  for (const c of DEFAULT_COLLECTIVE_ASSIGNEES) await collectives.create(c, SYSTEM_ACTOR);
  const loc = async (code: string, levelCode: string, parent?: string) =>
    (ids[code] = (await repos.localities.create({ code, nameVi: code, levelCode, parentId: parent ? ids[parent] : null }, SYSTEM_ACTOR)).id);
  await loc("ls", "province");
  await loc("ls.bm", "commune", "ls");
  await loc("lc", "province");
  const agency = async (code: string, nameVi: string, kind: string, locality: string, aliases: string[] = []) =>
    (ids[code] = (await repos.agencies.create({ code, nameVi, kind, localityId: ids[locality], aliases }, SYSTEM_ACTOR)).id);
  await agency("ls.ubnd", "Ủy ban nhân dân tỉnh Lạng Sơn", "peoplesCommittee", "ls", ["UBND tỉnh", "Ủy ban nhân dân tỉnh"]);
  await agency("ls.sgddt", "Sở Giáo dục và Đào tạo", "educationDept", "ls", ["Sở GD&ĐT"]);
  await agency("ls.skhcn", "Sở Khoa học và Công nghệ", "scienceTechnologyDept", "ls");
  await agency("ls.mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "fatherlandFrontCommittee", "ls");
  await agency("lc.syt", "Sở Y tế", "healthDept", "lc");
  const plan = async (code: string, locality: string) => (ids[code] = (await repos.plans.create({ code, documentKind: "plan", titleVi: code, localityId: ids[locality] }, SYSTEM_ACTOR)).id);
  await plan("ls.243", "ls");
  await plan("ls.bm.plan", "ls.bm");
  await plan("lc.plan", "lc");
  ids.ind = (
    await repos.indicators.create({ code: "schools.national_standard_rate", nameVi: "Tỷ lệ trường đạt chuẩn quốc gia", nameEn: "Schools meeting the national standard", educationLevelCode: "preschool", unit: "percent", direction: "increase", aggregation: "ratio" }, SYSTEM_ACTOR)
  ).id;
});
afterAll(async () => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe("collective assignees are data (declared per province, built-ins are rows)", () => {
  it("the built-ins are rows with no locality; a reference column rule is declared for the locality", async () => {
    const rows = (await collectives.list({ pagination: { page: 1, perPage: 100 } }, SYSTEM_ACTOR)).data;
    expect(rows.map((r) => r.code).sort()).toEqual(DEFAULT_COLLECTIVE_ASSIGNEES.map((c) => c.code).sort());
    expect(rows.every((r) => r.localityId === null)).toBe(true);
    expect(Object.keys(collectiveAssignees.refs).sort()).toEqual(foreignRefs(collectiveAssignees.table).map((r) => r.field).sort());
  });

  it("a province declares one with aliases and member agencies; the members are read back in order", async () => {
    const c = await collectives.create(
      { code: "ls.related", nameVi: "Các cơ quan liên quan", aliases: ["Các cơ quan, đơn vị liên quan"], localityId: ids["ls"], memberAgencyIds: [ids["ls.skhcn"], ids["ls.sgddt"]] },
      SYSTEM_ACTOR,
    );
    ids["ls.related"] = c.id;
    expect(await collectives.getOne(c.id, SYSTEM_ACTOR)).toMatchObject({ aliases: ["Các cơ quan, đơn vị liên quan"], memberAgencyIds: [ids["ls.skhcn"], ids["ls.sgddt"]] });
  });

  it("refuses a member agency of another province, an alias repeating the name, members of a built-in", async () => {
    const e = (await thrown(() =>
      collectives.create({ code: "ls.bad", nameVi: "Các sở, ngành liên quan", aliases: ["Các Sở , ngành liên quan."], localityId: ids["ls"], memberAgencyIds: [ids["lc.syt"]] }, SYSTEM_ACTOR),
    )) as { fieldErrors: { path: string }[] };
    expect(e.fieldErrors.map((f) => f.path).sort()).toEqual(["aliases", "memberAgencyIds.0"]);
    const builtIn = (await thrown(() => collectives.create({ code: "x.all", nameVi: "Tất cả", memberAgencyIds: [ids["ls.sgddt"]] }, SYSTEM_ACTOR))) as { fieldErrors: { path: string }[] };
    expect(builtIn.fieldErrors.map((f) => f.path)).toEqual(["memberAgencyIds"]);
  });

  it("a task of the province (or a commune below it) names the province's collective; another province's plan cannot", async () => {
    const task = await repos.tasks.create({ planId: ids["ls.243"], code: "V.1", titleVi: "Phối hợp", timing: { kind: "year", year: 2026 }, leadAgencyIds: [ids["ls.sgddt"]], coordinatingCollectiveCodes: ["ls.related"] }, SYSTEM_ACTOR);
    expect(task.coordinatingCollectiveCodes).toEqual(["ls.related"]);
    await repos.tasks.create({ planId: ids["ls.bm.plan"], code: "1", titleVi: "Xã", timing: { kind: "year", year: 2026 }, leadCollectiveCodes: ["ls.related"] }, SYSTEM_ACTOR);
    const e = (await thrown(() =>
      repos.tasks.create({ planId: ids["lc.plan"], code: "1", titleVi: "Khác tỉnh", timing: { kind: "year", year: 2026 }, leadAgencyIds: [ids["lc.syt"]], coordinatingCollectiveCodes: ["ls.related", "no-such"] }, SYSTEM_ACTOR),
    )) as { fieldErrors: { path: string; message: { vi: string } }[] };
    expect(e.fieldErrors.map((f) => f.path)).toEqual(["coordinatingCollectiveCodes.0", "coordinatingCollectiveCodes.1"]);
    expect(e.fieldErrors[0]!.message.vi).toMatch(/địa bàn khác/);
  });

  it("agency duties and reporters name collectives under the same rule", async () => {
    const e = (await thrown(() => repos.agencyDuties.create({ planId: ids["lc.plan"], collectiveCode: "ls.related", dutiesVi: "…" }, SYSTEM_ACTOR))) as { fieldErrors: { path: string }[] };
    expect(e.fieldErrors.map((f) => f.path)).toEqual(["collectiveCode"]);
    const ok = await repos.agencyDuties.create({ planId: ids["ls.243"], collectiveCode: "ls.related", dutiesVi: "Phối hợp thực hiện" }, SYSTEM_ACTOR);
    expect(ok.collectiveCode).toBe("ls.related");
  });

  it("an agency keeps several aliases", async () => {
    expect((await repos.agencies.getOne(ids["ls.ubnd"]!, SYSTEM_ACTOR)).aliases).toEqual(["UBND tỉnh", "Ủy ban nhân dân tỉnh"]);
  });
});

describe("the role of each task assignee: lead (chủ trì), coordinate (phối hợp), requested (đề nghị)", () => {
  it("a task with only a coordinator (243 §V.3) and one with a requested body (§V.10) are stored and read back by role", async () => {
    const coordinatorOnly = await repos.tasks.create(
      { planId: ids["ls.243"], code: "V.3", titleVi: "Phối hợp với Sở Giáo dục và Đào tạo…", timing: { kind: "yearly" }, coordinatingAgencyIds: [ids["ls.skhcn"]] },
      SYSTEM_ACTOR,
    );
    expect(coordinatorOnly).toMatchObject({ leadAgencyIds: [], leadCollectiveCodes: [], coordinatingAgencyIds: [ids["ls.skhcn"]], requestedAgencyIds: [] });
    const requested = await repos.tasks.create(
      { planId: ids["ls.243"], code: "V.10", titleVi: "Đề nghị Ủy ban MTTQ…", timing: { kind: "yearly" }, leadAgencyIds: [ids["ls.sgddt"], ids["ls.ubnd"]], requestedAgencyIds: [ids["ls.mttq"]], requestedCollectiveCodes: ["socio-political-organisations"] },
      SYSTEM_ACTOR,
    );
    expect(await repos.tasks.getOne(requested.id, SYSTEM_ACTOR)).toMatchObject({
      leadAgencyIds: [ids["ls.sgddt"], ids["ls.ubnd"]],
      requestedAgencyIds: [ids["ls.mttq"]],
      requestedCollectiveCodes: ["socio-political-organisations"],
    });
    const roles = (await db.select().from(s.taskAssignees)).filter((a) => a.taskId === requested.id).map((a) => a.role);
    expect(roles).toEqual(["lead", "lead", "requested", "requested"]);
    const mttqTasks = (await repos.tasks.list({ filter: { agencyId: ids["ls.mttq"] } }, SYSTEM_ACTOR)).data.map((t) => t.code);
    expect(mttqTasks).toEqual(["V.10"]);
  });

  it("a requested agency is checked like any reference (unknown id refused, by field); a task naming nobody is refused", async () => {
    const e = (await thrown(() => repos.tasks.create({ planId: ids["ls.243"], code: "x", titleVi: "x", timing: { kind: "yearly" }, requestedAgencyIds: [99999] }, SYSTEM_ACTOR))) as { fieldErrors: { path: string }[] };
    expect(e.fieldErrors.map((f) => f.path)).toEqual(["requestedAgencyIds.0"]);
    const none = (await thrown(() => repos.tasks.create({ planId: ids["ls.243"], code: "y", titleVi: "y", timing: { kind: "yearly" } }, SYSTEM_ACTOR))) as { fieldErrors: { path: string }[] };
    expect(none.fieldErrors.map((f) => f.path)).toEqual(["leadAgencyIds"]);
  });

  it("an officer of another province may not name a requested agency outside what they can read", async () => {
    const lcOfficer = { userId: 77, username: "lc.officer", role: "province_officer" as const, localityId: ids["lc"]! };
    const e = (await thrown(() => repos.tasks.create({ planId: ids["lc.plan"], code: "z", titleVi: "z", timing: { kind: "yearly" }, requestedAgencyIds: [ids["ls.mttq"]] }, lcOfficer))) as { reason: string; fieldErrors: { path: string }[] };
    expect(e.reason).toBe("forbidden");
    expect(e.fieldErrors.map((f) => f.path)).toEqual(["requestedAgencyIds.0"]);
  });
});

describe("timing not stated, the sources of a task's values, repeated rows", () => {
  it("a task with no stated timing is stored as such, not as 'thường xuyên'", async () => {
    const t = await repos.tasks.create({ planId: ids["ls.243"], code: "VI.1", titleVi: "Không nêu thời gian", timing: { kind: "notStated" }, leadAgencyIds: [ids["ls.sgddt"]] }, SYSTEM_ACTOR);
    expect((await repos.tasks.getOne(t.id, SYSTEM_ACTOR)).timing).toEqual({ kind: "notStated" });
  });

  it("body and table disagree: both wordings kept with the source of the stored value and a note", async () => {
    const t = await repos.tasks.create(
      {
        planId: ids["ls.243"],
        code: "VI.2",
        titleVi: "Rà soát, sắp xếp mạng lưới trường",
        timing: { kind: "year", year: 2026 },
        leadAgencyIds: [ids["ls.sgddt"]],
        source: "both",
        sourceConflicts: [{ field: "timing", keptFrom: "body", bodyVi: "Năm 2026", tableVi: "Năm 2027" }],
        sourceNoteVi: "Phụ lục ghi năm 2027.",
      },
      SYSTEM_ACTOR,
    );
    expect(await repos.tasks.getOne(t.id, SYSTEM_ACTOR)).toMatchObject({ source: "both", sourceConflicts: [{ field: "timing", keptFrom: "body", tableVi: "Năm 2027" }], sourceNoteVi: "Phụ lục ghi năm 2027." });
    const e = (await thrown(() => repos.tasks.update(t.id, { source: "table" }, t.version, SYSTEM_ACTOR))) as { fieldErrors: { path: string }[] };
    expect(e.fieldErrors.map((f) => f.path)).toEqual(["source"]);
  });

  it("a repeated row keeps its number and points at the original of the same plan; never another plan's or itself", async () => {
    const original = await repos.tasks.create({ planId: ids["ls.243"], code: "12", rowNumber: "12", titleVi: "Dòng 12", timing: { kind: "yearly" }, leadAgencyIds: [ids["ls.sgddt"]] }, SYSTEM_ACTOR);
    const repeat = await repos.tasks.create({ planId: ids["ls.243"], code: "12-lap", rowNumber: "12", duplicateOfId: original.id, titleVi: "Dòng 12", timing: { kind: "yearly" }, leadAgencyIds: [ids["ls.sgddt"]] }, SYSTEM_ACTOR);
    expect(repeat).toMatchObject({ rowNumber: "12", duplicateOfId: original.id });
    const other = (await thrown(() => repos.tasks.create({ planId: ids["lc.plan"], code: "12", duplicateOfId: original.id, titleVi: "x", timing: { kind: "yearly" }, leadAgencyIds: [ids["lc.syt"]] }, SYSTEM_ACTOR))) as { fieldErrors: { path: string }[] };
    expect(other.fieldErrors.map((f) => f.path)).toEqual(["duplicateOfId"]);
    const self = (await thrown(() => repos.tasks.update(original.id, { duplicateOfId: original.id }, original.version, SYSTEM_ACTOR))) as { fieldErrors: { path: string }[] };
    expect(self.fieldErrors.map((f) => f.path)).toEqual(["duplicateOfId"]);
    // Deleting the original leaves the repeat, unflagged, rather than deleting it.
    await repos.tasks.delete(original.id, original.version, SYSTEM_ACTOR);
    expect((await repos.tasks.getOne(repeat.id, SYSTEM_ACTOR)).duplicateOfId).toBeNull();
  });
});

describe("targets as real plans write them", () => {
  const target = (code: string, extra: Record<string, unknown>) => repos.targets.create({ planId: ids["ls.243"], indicatorId: ids.ind, code, comparator: "gt", value: 70, targetYear: 2030, ...extra }, SYSTEM_ACTOR);
  it("pooled over two levels, counted in communes, approximate, by reference, with a note: stored and read back", async () => {
    expect((await target("pooled", { pooledEducationLevelCodes: ["preschool", "primary"] })).pooledEducationLevelCodes).toEqual(["preschool", "primary"]);
    const counted = await target("counted", { comparator: "gte", value: 40, countedEntity: "commune", countingCriterionVi: "đạt chuẩn phổ cập giáo dục THCS mức độ 3", countedNumerator: 4, countedDenominator: 10, countedGroupRelation: "notStated" });
    expect(counted).toMatchObject({ countedNumerator: 4, countedDenominator: 10, countedGroupRelation: "notStated" });
    expect(await target("about", { comparator: "eq", value: 30, isApproximate: true, approximateTolerance: 3, noteVi: "Văn bản ghi 'khoảng 30%'." })).toMatchObject({ isApproximate: true, approximateTolerance: 3, noteVi: "Văn bản ghi 'khoảng 30%'." });
    const byRef = await target("by-ref", { comparator: "achieve", value: null, referencePlanId: ids["ls.bm.plan"] });
    expect(byRef.referencePlanId).toBe(ids["ls.bm.plan"]);
  });
  it("refuses an unknown pooled level (by position), a reference to its own plan, another province's plan for an officer", async () => {
    const e = (await thrown(() => target("bad", { pooledEducationLevelCodes: ["preschool", "no-such"] }))) as { fieldErrors: { path: string }[] };
    expect(e.fieldErrors.map((f) => f.path)).toEqual(["pooledEducationLevelCodes.1"]);
    const self = (await thrown(() => target("self", { comparator: "achieve", value: null, referencePlanId: ids["ls.243"] }))) as { fieldErrors: { path: string }[] };
    expect(self.fieldErrors.map((f) => f.path)).toEqual(["referencePlanId"]);
    const lsOfficer = { userId: 78, username: "ls.officer", role: "province_officer" as const, localityId: ids["ls"]! };
    const other = (await thrown(() => repos.targets.create({ planId: ids["ls.243"], indicatorId: ids.ind, code: "o", comparator: "achieve", referencePlanId: ids["lc.plan"] }, lsOfficer))) as { reason: string };
    expect(other.reason).toBe("forbidden");
  });
  it("a plan keeps a note", async () => {
    const p = await repos.plans.create({ code: "ls.noted", documentKind: "plan", titleVi: "Kế hoạch có ghi chú", localityId: ids["ls"], noteVi: "Phần ký không ghi tên người ký." }, SYSTEM_ACTOR);
    expect(p.noteVi).toBe("Phần ký không ghi tên người ký.");
  });
});

describe("reporting duties and cited documents as real plans write them", () => {
  it("several recipients through an intermediary, on request, no reporter; read back in order", async () => {
    const o = await repos.reportingObligations.create(
      { planId: ids["ls.243"], subjectVi: "Báo cáo khi được yêu cầu", frequency: "onRequest", recipientAgencyId: ids["ls.ubnd"], furtherRecipientAgencyIds: [ids["ls.mttq"], ids["ls.skhcn"]], viaAgencyId: ids["ls.sgddt"] },
      SYSTEM_ACTOR,
    );
    expect(await repos.reportingObligations.getOne(o.id, SYSTEM_ACTOR)).toMatchObject({ reporterAgencyId: null, furtherRecipientAgencyIds: [ids["ls.mttq"], ids["ls.skhcn"]], viaAgencyId: ids["ls.sgddt"], dueMonthDay: null });
    const lcOfficer = { userId: 79, username: "lc.officer2", role: "province_officer" as const, localityId: ids["lc"]! };
    const e = (await thrown(() => repos.reportingObligations.create({ planId: ids["lc.plan"], subjectVi: "x", frequency: "yearly", recipientAgencyId: ids["lc.syt"], furtherRecipientAgencyIds: [ids["ls.mttq"]] }, lcOfficer))) as { reason: string; fieldErrors: { path: string }[] };
    expect(e.reason).toBe("forbidden");
    expect(e.fieldErrors.map((f) => f.path)).toEqual(["furtherRecipientAgencyIds.0"]);
  });
  it("a citation keeps its irregular number and stores the normalised form; a year-only date; a note", async () => {
    const r = await repos.documentRelations.create({ fromPlanId: ids["ls.243"], kind: "cites", citedNumber: "số 1101 /KH-UBND", citedYear: 2023, noteVi: "Dẫn hai lần với số khác nhau." }, SYSTEM_ACTOR);
    expect(r).toMatchObject({ citedNumber: "số 1101 /KH-UBND", citedNumberNormalised: "1101/KH-UBND", citedYear: 2023, noteVi: "Dẫn hai lần với số khác nhau." });
    const updated = await repos.documentRelations.update(r.id, { citedNumber: "57- NQ/TW" }, r.version, SYSTEM_ACTOR);
    expect(updated.citedNumberNormalised).toBe("57-NQ/TW");
  });
});
