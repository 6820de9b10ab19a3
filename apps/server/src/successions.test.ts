/**
 * `successions.agency` / `successions.locality`: an agency's or a locality's predecessors and successors, read as the
 * record itself is; linked records outside the user's area are counted, never named.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { errorOf, loginAs, startTestServer, type Client, type TestServer } from "./testing.js";

let server: TestServer;
let officer: Client;
let bangmac: Client;

beforeAll(async () => {
  server = await startTestServer();
  [officer, bangmac] = await Promise.all([loginAs(server.url, "langson.officer"), loginAs(server.url, "bangmac.officer")]);
});
afterAll(() => server?.stop());

describe("successions", () => {
  test("an agency: the department it absorbed (how, when, the note), and the other way round; a commune officer reads the province's", async () => {
    const agency = async (code: string) => (await officer.trpc.agencies.list.query({ filter: { code } })).data[0]!;
    const [finance, planning] = await Promise.all([agency("lang-son.finance-dept"), agency("lang-son.planning-investment-dept")]);
    for (const client of [officer, bangmac]) {
      const s = await client.trpc.successions.agency.query({ id: finance.id });
      expect(s.predecessors).toEqual([
        expect.objectContaining({ id: planning.id, nameVi: planning.nameVi, kind: "absorbed", effectiveOn: "2025-03-01", validTo: "2025-02-28", noteVi: "Hợp nhất Sở Kế hoạch và Đầu tư vào Sở Tài chính." }),
      ]);
      expect(s).toMatchObject({ successors: [], hiddenPredecessors: 0, hiddenSuccessors: 0 });
      expect((await client.trpc.successions.agency.query({ id: planning.id })).successors.map((x) => x.id)).toEqual([finance.id]);
    }
  });

  test("a locality: merged into a neighbour; outside the user's area only counted; the record itself guarded", async () => {
    const [province, bangMac] = await Promise.all(["lang-son", "bang-mac"].map(async (code) => (await officer.trpc.localities.list.query({ filter: { code } })).data[0]!));
    const sibling = (await officer.trpc.localities.list.query({ filter: { parentId: province!.id, levelCode: "commune" }, sort: { field: "id", order: "ASC" } })).data.find((l) => l.id !== bangMac!.id)!;
    // Its last day: not before it began (the sample communes begin on 1/7/2025).
    const validTo = (sibling.validFrom as string | null) ?? "2025-06-30";
    await officer.trpc.localities.update.mutate({ id: sibling.id, version: sibling.version, data: { validTo, successorId: bangMac!.id } });

    const seen = await officer.trpc.successions.locality.query({ id: bangMac!.id });
    expect(seen.predecessors).toEqual([expect.objectContaining({ id: sibling.id, nameVi: sibling.nameVi, validTo, kind: null })]);
    expect((await officer.trpc.successions.locality.query({ id: sibling.id })).successors.map((x) => x.id)).toEqual([bangMac!.id]);
    // Bằng Mạc's officer: the neighbour lies outside their area — counted, not named.
    expect(await bangmac.trpc.successions.locality.query({ id: bangMac!.id })).toEqual({ predecessors: [], successors: [], hiddenPredecessors: 1, hiddenSuccessors: 0 });
    expect((await errorOf(bangmac.trpc.successions.locality.query({ id: sibling.id }))).data.code).toBe("FORBIDDEN");
    expect((await errorOf(officer.trpc.successions.locality.query({ id: 999_999 }))).data.code).toBe("NOT_FOUND");
  });
});
