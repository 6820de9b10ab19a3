/** The console's province setup wizard submits a province file to `provinceSetup.create`: validated whole, one transaction. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { errorOf, loginAs, startTestServer, type Client, type TestServer } from "./testing.js";

let server: TestServer;
let admin: Client;
let officer: Client;
beforeAll(async () => {
  server = await startTestServer();
  [admin, officer] = await Promise.all([loginAs(server.url, "admin"), loginAs(server.url, "langson.officer")]);
});
afterAll(() => server?.stop());

const config = (targetValue: number) => ({
  province: { code: "cao-bang-demo", nameVi: "Tỉnh Thử Nghiệm" },
  plugins: ["chinese-language"],
  localities: [{ code: "cao-bang-demo.xa-a", nameVi: "Xã A", level: "commune", parent: "cao-bang-demo" }],
  agencies: [{ code: "cao-bang-demo.education-dept", nameVi: "Sở Giáo dục và Đào tạo", kind: "educationDept", locality: "cao-bang-demo" }],
  plans: [
    {
      code: "cao-bang-demo-plan",
      documentKind: "plan",
      titleVi: "Kế hoạch thử nghiệm",
      locality: "cao-bang-demo",
      parentPlan: "lang-son-243-2025",
      targets: [{ indicator: "ecec.nursery.enrolment_rate", comparator: "gte", value: targetValue, targetYear: 2030 }],
    },
  ],
});

describe("provinceSetup", () => {
  test("an administrator creates a province with its commune, agency, plugins and a plan copied from a parent's target", async () => {
    const result = (await admin.call("mutation", "provinceSetup.create", { config: config(50) })) as { data: { created: number } };
    expect(result.data.created).toBe(5);
    const { data } = (await admin.call("query", "localities.list", { filter: { q: "thu nghiem" } })) as { data: { code: string }[] };
    expect(data.map((l) => l.code)).toEqual(["cao-bang-demo"]);
    const again = (await admin.call("mutation", "provinceSetup.create", { config: config(50) })) as { data: { created: number; updated: number } };
    expect(again.data).toMatchObject({ created: 0, updated: 0 });
  });

  test("a bad file is refused with field errors naming the path, and nothing is written", async () => {
    const bad = config(140);
    bad.province.code = "other-demo";
    bad.localities[0]!.parent = "other-demo";
    bad.agencies[0]!.locality = "other-demo";
    bad.plans[0]!.locality = "other-demo";
    bad.plans[0]!.code = "other-demo-plan";
    const error = await errorOf(admin.call("mutation", "provinceSetup.create", { config: bad }));
    expect(error.data.code).toBe("BAD_REQUEST");
    expect(error.data.eduplan.fieldErrors).toContainEqual(expect.objectContaining({ path: "config.plans.0.targets.0.value" }));
    const { total } = (await admin.call("query", "localities.list", { filter: { code: "other-demo" } })) as { total: number };
    expect(total).toBe(0);
  });

  test("only system administrators may use it", async () => {
    const error = await errorOf(officer.call("mutation", "provinceSetup.create", { config: config(50) }));
    expect(error.data.code).toBe("FORBIDDEN");
  });
});
