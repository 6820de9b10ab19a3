/**
 * The collectives a task's plan may name (`collectiveAssignees.list` with `filter.availableToPlanId`, what the
 * console's task form offers): the built-in ones and those of the plan's province — never another province's, which
 * the write path refuses anyway.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { schema } from "@eduplan/db";
import { loginAs, startTestServer, type Client, type TestServer } from "./testing.js";

let server: TestServer;
let admin: Client;
let officer: Client;

beforeAll(async () => {
  server = await startTestServer();
  [admin, officer] = await Promise.all([loginAs(server.url, "admin"), loginAs(server.url, "langson.officer")]);
});
afterAll(() => server?.stop());

describe("collectiveAssignees.list: filter.availableToPlanId", () => {
  test("a plan's province's collectives and the built-in ones, not another province's", async () => {
    const laiChau = (await admin.trpc.localities.list.query({ filter: { code: "lai-chau" } })).data[0]!;
    // Declared by Lai Châu's province file (collectives are read-only through the API).
    await server.db.insert(schema.collectiveAssignees).values({ code: "lai-chau.units", nameVi: "Các đơn vị thuộc tỉnh Lai Châu", localityId: laiChau.id, kinds: [], scope: "descendants", localityLevels: [] });
    const planOf = async (client: Client, code: string) => (await client.trpc.plans.list.query({ filter: { code } })).data[0]!.id;
    const offered = async (client: Client, planId: number | string) =>
      (await client.trpc.collectiveAssignees.list.query({ filter: { availableToPlanId: planId }, pagination: { page: 1, perPage: 200 } })).data.map((c) => c.code as string);
    const all = (await admin.trpc.collectiveAssignees.list.query({ pagination: { page: 1, perPage: 200 } })).data;
    const builtIn = all.filter((c) => c.localityId === null).map((c) => c.code as string);
    expect(builtIn.length).toBeGreaterThanOrEqual(4);

    // Lạng Sơn's plan, and a commune's plan below it: Lạng Sơn's own collective, the built-in ones.
    for (const code of ["lang-son-243-2025", "bang-mac-2025"]) {
      const codes = await offered(officer, await planOf(officer, code));
      expect(codes).toContain("lang-son.related-agencies");
      for (const b of builtIn) expect(codes).toContain(b);
      expect(codes).not.toContain("lai-chau.units");
    }
    // A plan in Lai Châu: its province's, not Lạng Sơn's.
    const laiChauPlan = await planOf(admin, "muong-te-2025"); // a commune of Lai Châu
    const codes = await offered(admin, laiChauPlan);
    expect(codes).toContain("lai-chau.units");
    expect(codes).not.toContain("lang-son.related-agencies");
    // The national plan: the built-in ones only; a plan that does not exist, the built-in ones; not a number: none.
    expect((await offered(admin, await planOf(admin, "national-strategy-1705"))).sort()).toEqual([...builtIn].sort());
    expect((await offered(admin, 999_999)).sort()).toEqual([...builtIn].sort());
    expect(await offered(admin, "abc")).toEqual([]);
  });
});
