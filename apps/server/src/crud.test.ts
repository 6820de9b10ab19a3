/**
 * CRUD through the API for every resource, validation errors naming fields, optimistic concurrency, referential
 * errors and the audit log — against a real server and a real SQLite file seeded with the sample data.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RESOURCES } from "@eduplan/db";
import { errorOf, loginAs, startTestServer, type Client, type TestServer, transition, versionOf } from "./testing.js";

type Rec = { id: number; version: number } & Record<string, unknown>;
type ListResult = { data: Rec[]; total: number };

let server: TestServer;
let admin: Client;
let officer: Client; // langson.officer
let bangmac: Client;
const ids: Record<string, number> = {};

const q = (client: Client, path: string, input?: unknown) => client.call("query", path, input) as Promise<any>;
const m = (client: Client, path: string, input?: unknown) => client.call("mutation", path, input) as Promise<any>;

async function firstId(resource: string, filter: Record<string, unknown>): Promise<number> {
  const { data } = (await q(admin, `${resource}.list`, { filter, pagination: { page: 1, perPage: 1 }, sort: { field: "id", order: "ASC" } })) as ListResult;
  if (!data[0]) throw new Error(`fixture: no ${resource} with ${JSON.stringify(filter)}`);
  return data[0].id;
}

beforeAll(async () => {
  server = await startTestServer();
  [admin, officer, bangmac] = await Promise.all([loginAs(server.url, "admin"), loginAs(server.url, "langson.officer"), loginAs(server.url, "bangmac.officer")]);
  for (const code of ["lang-son", "lai-chau", "chi-lang", "tam-thanh", "luong-van-tri", "bang-mac", "bang-mac.primary-school"]) ids[code] = await firstId("localities", { code });
  for (const code of ["lang-son-243-2025", "bang-mac-2025", "muong-te-2025"]) ids[code] = await firstId("plans", { code });
  for (const code of ["lang-son.education-dept", "tam-thanh.peoples-committee", "chi-lang.peoples-committee"]) ids[code] = await firstId("agencies", { code });
  ids.nursery = await firstId("indicators", { code: "ecec.nursery.enrolment_rate" });
  ids.period2026 = await firstId("reportingPeriods", { localityId: ids["lang-son"], year: 2026 });
  ids.draftReport = await firstId("reports", { periodId: ids.period2026, localityId: ids["luong-van-tri"] });
  ids.lsNurseryTarget = await firstId("targets", { planId: ids["lang-son-243-2025"], indicatorId: ids.nursery });
  const inReport = new Set(
    ((await q(admin, "reportValues.list", { filter: { reportId: ids.draftReport }, pagination: { page: 1, perPage: 1000 } })) as ListResult).data.map(
      (v) => v.indicatorId,
    ),
  );
  // A rate of the unit's plan (a report holds only its plan's indicators) that the report has no value for yet.
  const percent = (await q(admin, "indicators.list", { filter: { unit: "percent", aggregation: "ratio" }, pagination: { page: 1, perPage: 1000 } })) as ListResult;
  const planned = new Set(
    ((await q(admin, "targets.list", { filter: { planId: ids["lang-son-243-2025"] }, pagination: { page: 1, perPage: 1000 } })) as ListResult).data.map((t) => t.indicatorId),
  );
  ids.freeIndicator = percent.data.find((i) => planned.has(i.id) && !inReport.has(i.id))!.id;
});
afterAll(() => server?.stop());

type Fixture = {
  /** Who writes it: administrators for global resources and users, the Lạng Sơn province officer otherwise. */
  writer: "admin" | "officer";
  data: () => Record<string, unknown>;
  patch: Record<string, unknown> | (() => Record<string, unknown>);
  /** A search without diacritics that must find the created record. */
  q?: string;
  /** A field for getManyReference. */
  reference: string;
};

const FIXTURES: Record<string, Fixture> = {
  localities: {
    writer: "officer",
    data: () => ({ code: "kiem-dinh", nameVi: "Xã Kiểm Định", levelCode: "commune", parentId: ids["lang-son"] }),
    patch: { nameVi: "Xã Kiểm Định Mới", population: 1234 },
    q: "kiem dinh",
    reference: "parentId",
  },
  agencies: {
    writer: "officer",
    data: () => ({ code: "lang-son.kiem-dinh", nameVi: "Trung tâm Kiểm định", kind: "centre", localityId: ids["lang-son"] }),
    patch: { shortName: "TTKĐ" },
    q: "trung tam kiem dinh",
    reference: "localityId",
  },
  indicators: {
    writer: "admin",
    data: () => ({ code: "test.kiem_dinh.rate", nameVi: "Tỷ lệ kiểm định", nameEn: "Accreditation rate", educationLevelCode: "primary", unit: "percent", direction: "increase", aggregation: "ratio" }),
    patch: { nameEn: "Accreditation rate (edited)" },
    q: "ty le kiem dinh",
    reference: "educationLevelCode",
  },
  plans: {
    writer: "officer",
    data: () => ({ code: "lang-son-kiem-dinh", documentKind: "plan", titleVi: "Kế hoạch kiểm định chất lượng", localityId: ids["lang-son"], periodStart: 2026, periodEnd: 2030 }),
    patch: { titleVi: "Kế hoạch kiểm định chất lượng (sửa đổi)" },
    q: "ke hoach kiem dinh",
    reference: "localityId",
  },
  documentRelations: {
    writer: "officer",
    data: () => ({ fromPlanId: ids["lang-son-243-2025"], kind: "cites", citedNumber: "99/KH-KĐ", citedTitleVi: "Văn bản kiểm định" }),
    patch: { citedTitleVi: "Văn bản kiểm định (sửa)" },
    q: "van ban kiem dinh",
    reference: "fromPlanId",
  },
  solutionGroups: {
    writer: "officer",
    data: () => ({ planId: ids["lang-son-243-2025"], code: "KD-1", titleVi: "Nhóm giải pháp kiểm định" }),
    patch: { titleVi: "Nhóm giải pháp kiểm định (sửa)" },
    q: "giai phap kiem dinh",
    reference: "planId",
  },
  fundingSources: {
    writer: "officer",
    data: () => ({ planId: ids["lang-son-243-2025"], kind: "localBudget", descriptionVi: "Ngân sách kiểm định" }),
    patch: { descriptionVi: "Ngân sách kiểm định (sửa)" },
    q: "ngan sach kiem dinh",
    reference: "planId",
  },
  agencyDuties: {
    writer: "officer",
    data: () => ({ planId: ids["lang-son-243-2025"], agencyId: ids["lang-son.education-dept"], dutiesVi: "Chủ trì kiểm định" }),
    patch: { dutiesVi: "Chủ trì kiểm định (sửa)" },
    q: "chu tri kiem dinh",
    reference: "planId",
  },
  reportingObligations: {
    writer: "officer",
    data: () => ({ planId: ids["lang-son-243-2025"], reporterAgencyId: ids["lang-son.education-dept"], subjectVi: "Báo cáo kiểm định", frequency: "yearly", dueMonthDay: "12-10" }),
    patch: { subjectVi: "Báo cáo kiểm định (sửa)" },
    q: "bao cao kiem dinh",
    reference: "planId",
  },
  targets: {
    writer: "officer",
    data: () => ({ planId: ids["lang-son-243-2025"], indicatorId: ids.nursery, code: "kiem-dinh-1", comparator: "gte", value: 60, targetYear: 2030, phraseVi: "Tỷ lệ kiểm định đạt 60%" }),
    patch: { value: 65 },
    q: "kiem dinh",
    reference: "planId",
  },
  milestones: {
    writer: "officer",
    data: () => ({ targetId: ids.lsNurseryTarget, year: 2028, value: 45, noteVi: "Mốc kiểm định" }),
    patch: { value: 46.5 },
    q: "moc kiem dinh",
    reference: "targetId",
  },
  tasks: {
    writer: "officer",
    data: () => ({ planId: ids["lang-son-243-2025"], code: "KD-T1", titleVi: "Tổ chức kiểm định", timing: { kind: "year", year: 2026 }, leadAgencyIds: [ids["lang-son.education-dept"]] }),
    patch: () => ({ status: "inProgress", coordinatingAgencyIds: [ids["tam-thanh.peoples-committee"]] }),
    q: "to chuc kiem dinh",
    reference: "planId",
  },
  indicatorValues: {
    writer: "officer",
    data: () => ({ localityId: ids["chi-lang"], indicatorId: ids.nursery, year: 2024, numerator: 50, denominator: 100, noteVi: "Số liệu kiểm định" }),
    patch: { numerator: 60 },
    q: "so lieu kiem dinh",
    reference: "localityId",
  },
  users: {
    writer: "admin",
    data: () => ({ username: "kiemdinh.viewer", displayName: "Người Kiểm Định", role: "viewer", localityId: ids["lang-son"], password: "mat-khau-kiem-dinh" }),
    patch: { displayName: "Người Kiểm Định (sửa)" },
    q: "nguoi kiem dinh",
    reference: "localityId",
  },
  reportingPeriods: {
    writer: "officer",
    data: () => ({ localityId: ids["lang-son"], year: 2027, deadline: "2027-12-10" }),
    patch: { deadline: "2027-12-15" },
    q: "2027-12",
    reference: "localityId",
  },
  reports: {
    writer: "officer",
    data: () => ({ periodId: ids.period2026, localityId: ids["tam-thanh"] }),
    patch: () => ({ agencyId: ids["tam-thanh.peoples-committee"] }),
    reference: "periodId",
  },
  reportValues: {
    writer: "officer",
    data: () => ({ reportId: ids.draftReport, indicatorId: ids.freeIndicator, numerator: 30, denominator: 40, commentVi: "Ghi chú kiểm định" }),
    patch: { numerator: 35 },
    q: "ghi chu kiem dinh",
    reference: "reportId",
  },
  pluginRecords: {
    writer: "officer",
    // A record of a plugin form (geopark-education, enabled for Lạng Sơn) at a school: validated by the form's schema.
    data: () => ({ pluginId: "geopark-education", formId: "reach", localityId: ids["bang-mac.primary-school"], data: { schoolYear: "2025-2026", enrolment: 100, pupilsReached: 12 } }),
    patch: { data: { schoolYear: "2025-2026", enrolment: 100, pupilsReached: 20 } },
    q: "reach",
    reference: "localityId",
  },
};

describe("CRUD for each resource", () => {
  test("every resource of RESOURCES has a fixture", () => {
    expect(Object.keys(RESOURCES).filter((r) => !FIXTURES[r])).toEqual([]);
  });

  test.each(Object.keys(FIXTURES))("%s: create, getOne, list (filter, sort, pagination, q), getMany, getManyReference, update, stale update, delete", async (resource) => {
    const f = FIXTURES[resource]!;
    const patch = typeof f.patch === "function" ? f.patch() : f.patch;
    const writer = f.writer === "admin" ? admin : officer;
    const created = (await m(writer, `${resource}.create`, { data: f.data() })).data as Rec;
    expect(created.id).toBeGreaterThan(0);
    expect(created.version).toBe(1);
    expect(created).not.toHaveProperty("passwordHash");

    expect((await q(writer, `${resource}.getOne`, { id: created.id })).data).toEqual(created);
    // react-admin takes ids from the URL as strings
    expect((await q(writer, `${resource}.getOne`, { id: String(created.id) })).data.id).toBe(created.id);

    const listed = (await q(writer, `${resource}.list`, {
      filter: { id: [created.id, 999_999] },
      sort: { field: "id", order: "DESC" },
      pagination: { page: 1, perPage: 5 },
    })) as ListResult;
    expect(listed).toEqual({ data: [created], total: 1 });
    const page2 = (await q(writer, `${resource}.list`, { filter: { id: [created.id] }, pagination: { page: 2, perPage: 5 } })) as ListResult;
    expect(page2).toEqual({ data: [], total: 1 });
    if (f.q) {
      const found = (await q(writer, `${resource}.list`, { filter: { q: f.q }, pagination: { page: 1, perPage: 100 } })) as ListResult;
      expect(found.data.map((r) => r.id)).toContain(created.id);
      const notFound = (await q(writer, `${resource}.list`, { filter: { q: "zzzz-không-có-gì" } })) as ListResult;
      expect(notFound.total).toBe(0);
    }

    expect((await q(writer, `${resource}.getMany`, { ids: [created.id] })).data).toEqual([created]);
    const refs = (await q(writer, `${resource}.getManyReference`, {
      target: f.reference,
      id: created[f.reference],
      pagination: { page: 1, perPage: 1000 },
      sort: { field: "id", order: "ASC" },
    })) as ListResult;
    expect(refs.data.map((r) => r.id)).toContain(created.id);
    expect(refs.data.every((r) => r[f.reference] === created[f.reference])).toBe(true);

    const updated = (await m(writer, `${resource}.update`, { id: created.id, version: 1, data: patch })).data as Rec;
    expect(updated.version).toBe(2);
    expect(updated).toMatchObject(patch);

    // a stale version: CONFLICT, bilingual message, and nothing written
    const stale = await errorOf(m(writer, `${resource}.update`, { id: created.id, version: 1, data: patch }));
    expect(stale.data.code).toBe("CONFLICT");
    expect(stale.data.eduplan?.reason).toBe("conflict");
    expect(stale.data.eduplan?.message.vi).toMatch(/phiên bản/);
    expect((await q(writer, `${resource}.getOne`, { id: created.id })).data).toEqual(updated);
    expect((await errorOf(m(writer, `${resource}.delete`, { id: created.id, version: 1 }))).data.code).toBe("CONFLICT");

    expect((await m(writer, `${resource}.delete`, { id: created.id, version: 2 })).data).toEqual(updated);
    const gone = await errorOf(q(writer, `${resource}.getOne`, { id: created.id }));
    expect(gone.data.code).toBe("NOT_FOUND");
    expect(gone.data.eduplan?.reason).toBe("notFound");
  });

  test("updateMany and deleteMany (bulk actions) in one transaction", async () => {
    const planId = ids["lang-son-243-2025"];
    const make = async (i: number) =>
      ((await officer.trpc.fundingSources.create.mutate({ data: { planId, kind: "socialisation", descriptionVi: `Nguồn xã hội hóa ${i}` } })).data as Rec).id;
    const a = await make(1);
    const b = await make(2);
    // Every bulk change names the version of each record it was based on: a stale one rolls the whole change back.
    expect((await errorOf(officer.trpc.fundingSources.updateMany.mutate({ ids: [a, b], versions: [1, 2], data: { sortOrder: 99 } }))).data.code).toBe("CONFLICT");
    expect((await errorOf(officer.trpc.fundingSources.updateMany.mutate({ ids: [a, b], versions: [1], data: { sortOrder: 99 } }))).data.code).toBe("BAD_REQUEST");
    expect((await officer.trpc.fundingSources.updateMany.mutate({ ids: [a, b], versions: [1, 1], data: { sortOrder: 99 } })).data).toEqual([a, b]);
    const both = await officer.trpc.fundingSources.getMany.query({ ids: [b, a] });
    expect(both.data.map((r) => [r.id, r.sortOrder, r.version])).toEqual([
      [b, 99, 2],
      [a, 99, 2],
    ]);
    // one bad id rolls the whole bulk update back
    expect((await errorOf(officer.trpc.fundingSources.updateMany.mutate({ ids: [a, 999_999], versions: [2, 1], data: { sortOrder: 1 } }))).data.code).toBe("NOT_FOUND");
    expect((await officer.trpc.fundingSources.getOne.query({ id: a })).data.sortOrder).toBe(99);
    expect((await officer.trpc.fundingSources.deleteMany.mutate({ ids: [a, b], versions: [2, 2] })).data).toEqual([a, b]);
    expect((await officer.trpc.fundingSources.getMany.query({ ids: [a, b] })).data).toEqual([]);
  });
});

describe("lists: sort, pagination, search without diacritics", () => {
  test("sort and pagination over the Lạng Sơn plan's targets", async () => {
    const filter = { planId: ids["lang-son-243-2025"] };
    const all = await officer.trpc.targets.list.query({ filter, sort: { field: "code", order: "ASC" }, pagination: { page: 1, perPage: 1000 } });
    expect(all.total).toBe(82);
    const page2 = await officer.trpc.targets.list.query({ filter, sort: { field: "code", order: "ASC" }, pagination: { page: 2, perPage: 10 } });
    expect(page2.total).toBe(82);
    expect(page2.data.map((t) => t.id)).toEqual(all.data.slice(10, 20).map((t) => t.id));
    const desc = await officer.trpc.targets.list.query({ filter, sort: { field: "code", order: "DESC" }, pagination: { page: 1, perPage: 5 } });
    expect(desc.data.map((t) => t.code)).toEqual(all.data.slice(-5).reverse().map((t) => t.code));
    const values = await officer.trpc.targets.list.query({ filter: { ...filter, comparator: ["gt", "gte"] }, sort: { field: "value", order: "DESC" } });
    const numbers = values.data.map((t) => t.value as number | null).filter((v): v is number => v !== null);
    expect(numbers).toEqual([...numbers].sort((x, y) => y - x));
    expect(values.data.every((t) => t.comparator === "gt" || t.comparator === "gte")).toBe(true);
  });

  test("q finds Vietnamese names with or without diacritics, within the user's area", async () => {
    for (const text of ["lang son", "Lạng Sơn", "LANG SON"]) {
      const found = await admin.trpc.localities.list.query({ filter: { q: text } });
      expect(found.data.map((l) => l.code)).toContain("lang-son");
      expect(found.data.map((l) => l.code)).not.toContain("lai-chau");
    }
    expect((await officer.trpc.agencies.list.query({ filter: { q: "so giao duc" } })).data.map((a) => a.code)).toContain("lang-son.education-dept");
    expect((await officer.trpc.localities.list.query({ filter: { q: "muong te" } })).total).toBe(0); // Lai Châu: outside the area
    expect((await admin.trpc.localities.list.query({ filter: { q: "muong te" } })).total).toBeGreaterThan(0);
    expect((await officer.trpc.educationLevels.list.query({ filter: { q: "nha tre" } })).data.map((l) => l.code)).toContain("nursery");
    expect((await bangmac.trpc.plans.list.query({ filter: { q: "bang mac" } })).data.map((p) => p.code)).toEqual(["bang-mac-2025"]);
  });

  test("getManyReference lists a plan's targets; the read-only resources have list/getOne/getMany/getManyReference", async () => {
    const refs = await bangmac.trpc.targets.getManyReference.query({ target: "planId", id: ids["bang-mac-2025"]!, pagination: { page: 1, perPage: 10 } });
    expect(refs.total).toBe(51);
    expect(refs.data).toHaveLength(10);
    const levels = await bangmac.trpc.localityLevels.list.query({ sort: { field: "rank", order: "ASC" } });
    expect(levels.data[0]!.code).toBe("nation");
    expect((await bangmac.trpc.localityLevels.getOne.query({ id: levels.data[1]!.id })).data.code).toBe(levels.data[1]!.code);
    expect((await bangmac.trpc.collectiveAssignees.getMany.query({ ids: [1] })).data).toHaveLength(1);
    expect((await bangmac.trpc.educationLevels.getManyReference.query({ target: "parentCode", id: "earlyChildhood" })).data.map((l) => l.code)).toEqual(
      expect.arrayContaining(["nursery", "kindergarten"]),
    );
  });
});

describe("validation errors name the fields, in Vietnamese and English", () => {
  const target = () => ({ planId: ids["lang-son-243-2025"], indicatorId: ids.nursery, code: "kiem-dinh-140", comparator: "gte", value: 60, targetYear: 2030 });

  test("a percent target of 140 → BAD_REQUEST with fieldErrors on `value` (create and update)", async () => {
    const e = await errorOf(officer.trpc.targets.create.mutate({ data: { ...target(), value: 140 } }));
    expect(e.data.code).toBe("BAD_REQUEST");
    expect(e.data.httpStatus).toBe(400);
    expect(e.data.eduplan?.reason).toBe("validation");
    const field = e.data.eduplan!.fieldErrors.find((f) => f.path === "value")!;
    expect(field.message.en).toMatch(/140 exceeds 100/);
    expect(field.message.vi).toMatch(/140 vượt quá 100/);
    expect(e.data.eduplan!.message.vi).toMatch(/Dữ liệu không hợp lệ/);

    const u = await errorOf(officer.trpc.targets.update.mutate({ id: ids.lsNurseryTarget, version: 1, data: { value: 140 } }));
    expect(u.data.code).toBe("BAD_REQUEST");
    expect(u.data.eduplan!.fieldErrors.map((f) => f.path)).toEqual(["value"]);
  });

  test("missing and mistyped fields, paths relative to `data`", async () => {
    const { code: _c, ...withoutCode } = target();
    const e = await errorOf(officer.trpc.targets.create.mutate({ data: { ...withoutCode, targetYear: "2030" } as never }));
    expect(e.data.code).toBe("BAD_REQUEST");
    const byPath = Object.fromEntries(e.data.eduplan!.fieldErrors.map((f) => [f.path, f.message]));
    expect(byPath.code).toEqual({ vi: "Trường này là bắt buộc", en: "Required" });
    expect(byPath.targetYear?.vi).toMatch(/Sai kiểu dữ liệu/);
    expect(Object.keys(byPath).some((p) => p.startsWith("data."))).toBe(false);

    const rule = await errorOf(officer.trpc.plans.update.mutate({ id: ids["lang-son-243-2025"], version: 1, data: { periodStart: 2031 } }));
    expect(rule.data.eduplan!.fieldErrors.map((f) => f.path)).toEqual(["periodEnd"]);
    const partial = await errorOf(officer.trpc.plans.update.mutate({ id: ids["lang-son-243-2025"], version: 1, data: { titleVi: "" } }));
    expect(partial.data.eduplan!.fieldErrors.map((f) => f.path)).toEqual(["titleVi"]);
  });

  test("bad list parameters", async () => {
    const paths = async (input: unknown) => (await errorOf(officer.call("query", "targets.list", input))).data.eduplan!.fieldErrors.map((f) => f.path);
    expect(await paths({ pagination: { page: 0, perPage: 10 } })).toEqual(["pagination.page"]);
    expect(await paths({ sort: { field: "nope", order: "ASC" } })).toEqual(["sort.field"]);
    expect(await paths({ sort: { field: "code", order: "UP" } })).toEqual(["sort.order"]);
    expect(await paths({ filter: { nope: 1 } })).toEqual(["filter.nope"]);
    expect(await paths({ filter: { searchText: "x" } })).toEqual(["filter.searchText"]);
    expect(await paths({ filter: { planId: { gt: 1 } } })).toEqual(["filter.planId"]);
  });
});

describe("referential mistakes are clear errors, never INTERNAL_SERVER_ERROR", () => {
  test("an unknown indicator or plan → BAD_REQUEST on that field", async () => {
    const e = await errorOf(officer.trpc.targets.create.mutate({ data: { planId: ids["lang-son-243-2025"], indicatorId: 999_999, code: "x-1", comparator: "gte", value: 1 } }));
    expect(e.data.code).toBe("BAD_REQUEST");
    expect(e.data.eduplan!.fieldErrors.map((f) => f.path)).toEqual(["indicatorId"]);
    expect(e.data.eduplan!.fieldErrors[0]!.message.vi).toMatch(/không tồn tại/);
    const p = await errorOf(officer.trpc.solutionGroups.create.mutate({ data: { planId: 999_999, code: "x", titleVi: "x" } }));
    expect(p.data.code).toBe("BAD_REQUEST");
    expect(p.data.eduplan!.fieldErrors.map((f) => f.path)).toEqual(["planId"]);
    const a = await errorOf(officer.trpc.agencies.update.mutate({ id: ids["lang-son.education-dept"], version: 1, data: { parentId: 999_999 } }));
    expect(a.data.code).toBe("BAD_REQUEST");
    expect(a.data.eduplan!.fieldErrors.map((f) => f.path)).toEqual(["parentId"]);
  });

  test("a target for a plan of another province → FORBIDDEN; a commune officer cannot write the province's plan nor move a record out", async () => {
    const foreign = await errorOf(
      officer.trpc.targets.create.mutate({ data: { planId: ids["muong-te-2025"], indicatorId: ids.nursery, code: "x-2", comparator: "gte", value: 50 } }),
    );
    expect(foreign.data.code).toBe("FORBIDDEN");
    expect(foreign.data.eduplan!.message.vi).toMatch(/ngoài địa bàn/);
    const up = await errorOf(
      bangmac.trpc.targets.create.mutate({ data: { planId: ids["lang-son-243-2025"], indicatorId: ids.nursery, code: "x-3", comparator: "gte", value: 50 } }),
    );
    expect(up.data.code).toBe("FORBIDDEN");
    const own = (await bangmac.trpc.targets.list.query({ filter: { planId: ids["bang-mac-2025"] }, pagination: { page: 1, perPage: 1 } })).data[0]!;
    const move = await errorOf(bangmac.trpc.targets.update.mutate({ id: own.id, version: own.version, data: { planId: ids["lang-son-243-2025"] } }));
    expect(move.data.code).toBe("FORBIDDEN");
    expect((await bangmac.trpc.targets.getOne.query({ id: own.id })).data).toEqual(own);
    // a province officer cannot move a commune out of the province, nor delete the province itself
    const chiLang = (await officer.trpc.localities.getOne.query({ id: ids["chi-lang"] })).data;
    expect((await errorOf(officer.trpc.localities.update.mutate({ id: chiLang.id, version: chiLang.version, data: { parentId: ids["lai-chau"] } }))).data.code).toBe("FORBIDDEN");
    expect((await errorOf(officer.trpc.localities.delete.mutate({ id: ids["lang-son"], version: await versionOf(officer, "localities", ids["lang-son"]!) }))).data.code).toBe("FORBIDDEN");
    expect((await errorOf(officer.trpc.localities.create.mutate({ data: { code: "x-root", nameVi: "Gốc", levelCode: "province", parentId: null } }))).data.code).toBe("FORBIDDEN");
  });

  test("deleting an agency that leads tasks, or a locality with records → CONFLICT with a message", async () => {
    const e = await errorOf(officer.trpc.agencies.delete.mutate({ id: ids["lang-son.education-dept"], version: await versionOf(officer, "agencies", ids["lang-son.education-dept"]!) }));
    expect(e.data.code).toBe("CONFLICT");
    expect(e.data.eduplan!.reason).toBe("reference");
    expect(e.data.eduplan!.message.en).toMatch(/assigned to \d+ task/);
    expect(e.data.eduplan!.message.vi).toMatch(/nhiệm vụ/);
    expect((await officer.trpc.agencies.getOne.query({ id: ids["lang-son.education-dept"] })).data.id).toBe(ids["lang-son.education-dept"]);
    const l = await errorOf(officer.trpc.localities.delete.mutate({ id: ids["chi-lang"], version: await versionOf(officer, "localities", ids["chi-lang"]!) }));
    expect(l.data.code).toBe("CONFLICT");
    expect(l.data.eduplan!.message.vi).toMatch(/tham chiếu/);
  });

  test("a duplicate code → CONFLICT naming the field", async () => {
    const e = await errorOf(officer.trpc.agencies.create.mutate({ data: { code: "lang-son.education-dept", nameVi: "Trùng mã", kind: "otherDept", localityId: ids["lang-son"] } }));
    expect(e.data.code).toBe("CONFLICT");
    expect(e.data.eduplan!.fieldErrors.map((f) => f.path)).toEqual(["code"]);
  });
});

describe("reporting workflow (reports.transition)", () => {
  test("the province approves a commune's submitted report (publishing its figures) or returns it with a reason", async () => {
    const dongDang = await firstId("localities", { code: "dong-dang" });
    const report = (await officer.trpc.reports.list.query({ filter: { periodId: ids.period2026, localityId: dongDang } })).data[0]!;
    expect(report.status).toBe("submitted");
    const noReason = await errorOf(transition(officer, report.id, "return"));
    expect(noReason.data.code).toBe("BAD_REQUEST");
    expect(noReason.data.eduplan!.fieldErrors.map((f) => f.path)).toEqual(["reason"]);
    expect((await errorOf(officer.trpc.reports.transition.mutate({ id: report.id, action: "approve", version: report.version + 1 }))).data.code).toBe("CONFLICT");
    // the commune cannot approve (even its own report) — checked by the domain's workflow rules
    const dongdang = await loginAs(server.url, "dongdang.officer");
    expect((await errorOf(transition(dongdang, report.id, "approve"))).data.code).toBe("FORBIDDEN");

    const before = await officer.trpc.indicatorValues.list.query({ filter: { localityId: dongDang, year: 2026 } });
    const approved = (await officer.trpc.reports.transition.mutate({ id: report.id, action: "approve", version: report.version })).data;
    expect(approved).toMatchObject({ status: "approved", decidedBy: "langson.officer", version: report.version + 1 });
    const after = await officer.trpc.indicatorValues.list.query({ filter: { localityId: dongDang, year: 2026 } });
    expect(after.total).toBeGreaterThan(before.total);
    const again = await errorOf(transition(officer, report.id, "approve"));
    expect(again.data.code).toBe("CONFLICT");
    expect(again.data.eduplan!.reason).toBe("locked");
    const audit = await admin.trpc.auditLog.list.query({ filter: { entity: "reports", entityId: report.id, action: "approve" } });
    expect(audit.data[0]).toMatchObject({ username: "langson.officer" });
  });
});

describe("audit log", () => {
  test("mutations are audited with who, entity, before and after; readable by admins with filters, refused to others", async () => {
    const created = (
      await officer.trpc.targets.create.mutate({
        data: { planId: ids["lang-son-243-2025"], indicatorId: ids.nursery, code: "audit-1", comparator: "gte", value: 50, targetYear: 2030 },
      })
    ).data;
    await officer.trpc.targets.update.mutate({ id: created.id, version: 1, data: { value: 55 } });
    await errorOf(officer.trpc.targets.update.mutate({ id: created.id, version: 1, data: { value: 99 } })); // stale: not audited
    await officer.trpc.targets.delete.mutate({ id: created.id, version: 2 });

    const log = await admin.trpc.auditLog.list.query({ filter: { entity: "targets", entityId: created.id }, sort: { field: "id", order: "ASC" } });
    expect(log.data.map((e) => e.action)).toEqual(["create", "update", "delete"]);
    const [c, u, d] = log.data as Rec[];
    const me = (await officer.trpc.auth.me.query()).user;
    for (const entry of [c, u, d]) expect(entry).toMatchObject({ username: "langson.officer", userId: me.id, entity: "targets", entityId: created.id, localityId: null });
    expect(c!.before).toBeNull();
    expect((c!.after as Rec).value).toBe(50);
    expect((u!.before as Rec).value).toBe(50);
    expect((u!.after as Rec).value).toBe(55);
    expect((d!.before as Rec).value).toBe(55);
    expect(d!.after).toBeNull();

    const byUser = await admin.trpc.auditLog.list.query({ filter: { username: "langson.officer", action: "update" } });
    expect(byUser.data.every((e) => e.username === "langson.officer" && e.action === "update")).toBe(true);
    const byUserId = await admin.trpc.auditLog.list.query({ filter: { userId: me.id }, pagination: { page: 1, perPage: 1000 } });
    expect(byUserId.data.some((e) => e.action === "login")).toBe(true);
    expect((await admin.trpc.auditLog.getOne.query({ id: u!.id })).data.after).toEqual(u!.after);
    expect((await admin.trpc.auditLog.list.query({ filter: { q: "langson.officer" }, pagination: { page: 1, perPage: 1 } })).total).toBeGreaterThan(3);

    for (const client of [officer, bangmac]) {
      expect((await errorOf(client.trpc.auditLog.list.query({ filter: { entity: "targets" } }))).data.code).toBe("FORBIDDEN");
      expect((await errorOf(client.trpc.auditLog.getOne.query({ id: c!.id }))).data.code).toBe("FORBIDDEN");
    }
  });
});
