/** Bulk figures import and the area dashboards over HTTP, with their area rules. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { errorOf, loginAs, startTestServer, type Client, type TestServer } from "./testing.js";

let server: TestServer;
let admin: Client;
let langson: Client;
let laichau: Client;

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAs(server.url, "admin");
  langson = await loginAs(server.url, "langson.officer");
  laichau = await loginAs(server.url, "laichau.officer");
});
afterAll(() => server?.stop());

const csv = (lines: string[]) => Buffer.from(["Mã địa bàn,Mã chỉ tiêu,Năm,Tử số,Mẫu số,Giá trị,Ghi chú", ...lines].join("\n")).toString("base64");
const idOf = async (code: string) => (await admin.trpc.localities.list.query({ filter: { code } })).data[0]!.id;

describe("reporting.importFigures", () => {
  test("a province officer imports history for the province's communes; another province's officer is refused every row; nothing written", async () => {
    const lines = ["bang-mac", "dong-dang"].map((code) => `${code},ecec.nursery.enrolment_rate,2021,40,80,,`);
    const refused = await laichau.trpc.reporting.importFigures.mutate({ fileName: "so-lieu.csv", base64: csv(lines) });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.problems.map((p) => [p.row, p.column])).toEqual([[2, "Mã địa bàn"], [3, "Mã địa bàn"]]);
    const bangMac = await idOf("bang-mac");
    expect((await admin.trpc.indicatorValues.list.query({ filter: { localityId: bangMac, year: 2021 } })).total).toBe(0);
    const done = await langson.trpc.reporting.importFigures.mutate({ fileName: "so-lieu.csv", base64: csv(lines) });
    expect(done).toEqual({ ok: true, rows: 2, created: 2, updated: 0 });
    expect((await admin.trpc.indicatorValues.list.query({ filter: { localityId: bangMac, year: 2021 } })).total).toBe(1);
    const viewer = await loginAs(server.url, "langson.viewer");
    expect((await errorOf(viewer.trpc.reporting.importFigures.mutate({ fileName: "x.csv", base64: csv(lines) }))).data.code).toBe("FORBIDDEN");
    expect((await errorOf(langson.trpc.reporting.importFigures.mutate({ fileName: "x.txt", base64: csv(lines) }))).data.code).toBe("BAD_REQUEST");
  });
});

describe("progress.areaDashboard / nationalDashboard", () => {
  test("a province's dashboard for its officer, refused to another province's; the national one for administrators", async () => {
    const langSon = await idOf("lang-son");
    const d = await langson.trpc.progress.areaDashboard.query({ localityId: langSon, year: 2026 });
    expect(d.children.length).toBeGreaterThan(5);
    expect(d.cells.length).toBe(d.children.length * d.indicators.length);
    expect(d.cells.some((c) => c.value !== null && c.evaluation.state !== "noData")).toBe(true);
    expect((await errorOf(laichau.trpc.progress.areaDashboard.query({ localityId: langSon, year: 2026 }))).data.code).toBe("FORBIDDEN");
    const national = await admin.trpc.progress.nationalDashboard.query({ year: 2026 });
    expect(national.children.map((c) => c.code)).toEqual(expect.arrayContaining(["lang-son", "lai-chau"]));
    expect((await errorOf(langson.trpc.progress.nationalDashboard.query({ year: 2026 }))).data.code).toBe("FORBIDDEN");
  });
});
