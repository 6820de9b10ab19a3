/**
 * Heavy work off the event loop, over real HTTP: DOCX/XLSX exports and an Excel import run in the worker pool while
 * /healthz keeps answering; the per-user limit and queue; uploads refused before parsing when they exceed the entry,
 * uncompressed-size or cell limits (zip bombs), with messages naming the limit.
 */
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { templateDataRows } from "@eduplan/reporting";
import { errorOf, loginAs, startTestServer, type Client, type TestServer } from "./testing.js";

let server: TestServer;
let admin: Client;
let province: Client;
const ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer({ consoleDir: null, jobs: { threads: 2, perUser: 2, queuePerUser: 10 } });
  admin = await loginAs(server.url, "admin");
  province = await loginAs(server.url, "langson.officer");
  for (const code of ["lang-son", "luong-van-tri"]) {
    const { data } = (await admin.call("query", "localities.list", { filter: { code } })) as { data: { id: number }[] };
    ids[code] = data[0]!.id;
  }
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const toBase64 = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");

async function filledTemplate(client: Client, localityId: number, year: number): Promise<string> {
  const t = await client.trpc.reporting.template.query({ localityId, year });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(t.base64, "base64") as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Báo cáo")!;
  const ratios = new Set(
    (await admin.trpc.indicators.list.query({ filter: { aggregation: "ratio", unit: "percent" }, pagination: { page: 1, perPage: 1000 } })).data.map((i) => i.code as string),
  );
  for (const { row } of templateDataRows(ws).filter((r) => ratios.has(r.code)).slice(0, 3)) {
    ws.getRow(row).getCell(8).value = 120;
    ws.getRow(row).getCell(9).value = 480;
  }
  return toBase64(wb);
}

describe("the worker pool", () => {
  test("/healthz answers while ten exports and an import run (before they are done); every file is whole", async () => {
    const upload = await filledTemplate(province, ids["luong-van-tri"]!, 2026);
    const finished: string[] = [];
    const track = <T>(name: string, p: Promise<T>) =>
      p.then((v) => {
        finished.push(name);
        return v;
      });
    const exports = [
      ...Array.from({ length: 6 }, (_, i) =>
        track("export", province.trpc.reporting.annualReport.query({ localityId: ids["lang-son"]!, year: 2025, format: i % 2 ? "xlsx" : "docx" })),
      ),
      ...Array.from({ length: 4 }, () => track("export", admin.trpc.reporting.exportList.mutate({ resource: "indicators" }))),
    ];
    const imported = track("import", province.trpc.reporting.importWorkbook.mutate({ base64: upload }));
    const all = Promise.all([...exports, imported]);
    let settled = false;
    void all.finally(() => (settled = true));

    // /healthz, again and again until the jobs are done: each answer is recorded in the same order as the jobs'
    let answered = 0;
    const first = await track("healthz", fetch(`${server.url}/healthz`));
    expect(first.status).toBe(200);
    answered++;
    while (!settled) {
      const res = await track("healthz", fetch(`${server.url}/healthz`));
      expect(res.status).toBe(200);
      answered++;
      await new Promise((r) => setTimeout(r, 10));
    }
    const results = await all;
    // /healthz, sent after the eleven jobs, answered before they were done, and kept answering while they ran
    const lastJob = Math.max(finished.lastIndexOf("export"), finished.lastIndexOf("import"));
    expect(finished.indexOf("healthz")).toBeLessThan(lastJob);
    expect(finished.slice(0, lastJob).filter((f) => f === "healthz").length).toBeGreaterThanOrEqual(3);
    expect(answered).toBeGreaterThanOrEqual(3);

    for (const r of results.slice(0, 6) as { filename: string; base64: string }[]) {
      expect(r.filename).toMatch(/^bao-cao-nam-2025-lang-son\.(docx|xlsx)$/);
      expect(Buffer.from(r.base64, "base64").subarray(0, 2).toString()).toBe("PK");
    }
    for (const r of results.slice(6, 10) as unknown as { filename: string; base64: string; total: number }[]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(r.base64, "base64") as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.rowCount).toBeGreaterThanOrEqual(r.total);
    }
    expect(results[10]).toMatchObject({ ok: true });
  }, 120_000);

  test("per user: at most `perUser` running and `queuePerUser` waiting; more → TOO_MANY_REQUESTS (bilingual); other users unaffected", async () => {
    const tight = await startTestServer({ consoleDir: null, jobs: { threads: 1, perUser: 1, queuePerUser: 1 } });
    try {
      const officer = await loginAs(tight.url, "langson.officer");
      const other = await loginAs(tight.url, "admin");
      const localityId = ((await other.call("query", "localities.list", { filter: { code: "lang-son" } })) as { data: { id: number }[] }).data[0]!.id;
      const calls = Array.from({ length: 3 }, () => officer.trpc.reporting.annualReport.query({ localityId, year: 2025, format: "docx" }).then(() => "ok", (e: unknown) => e));
      const refused = (await Promise.all(calls)).filter((r) => r !== "ok");
      expect(refused).toHaveLength(1);
      const error = await errorOf(Promise.reject(refused[0]));
      expect(error.data.code).toBe("TOO_MANY_REQUESTS");
      expect(error.data.eduplan!.message.vi).toBe("Bạn đang có 2 tệp đang được tạo hoặc nhập; vui lòng chờ các tệp này xong rồi thử lại.");
      expect((await other.trpc.reporting.annualReport.query({ localityId, year: 2025, format: "xlsx" })).filename).toMatch(/\.xlsx$/);
      // once the user's jobs are done, the next is accepted
      expect((await officer.trpc.reporting.annualReport.query({ localityId, year: 2025, format: "docx" })).filename).toMatch(/\.docx$/);
    } finally {
      await tight.stop();
    }
  }, 120_000);
});

describe("time limits", () => {
  test("a job over its time limit is stopped: 408 TIMEOUT with a bilingual message; an answer over the handler's limit: 503; the server goes on", async () => {
    const slow = await startTestServer({ consoleDir: null, jobs: { threads: 1, timeoutMs: 1 } });
    try {
      const officer = await loginAs(slow.url, "langson.officer");
      const admin2 = await loginAs(slow.url, "admin");
      const localityId = ((await admin2.call("query", "localities.list", { filter: { code: "lang-son" } })) as { data: { id: number }[] }).data[0]!.id;
      const error = await errorOf(officer.trpc.reporting.annualReport.query({ localityId, year: 2025, format: "docx" }));
      expect(error.data.code).toBe("TIMEOUT");
      expect(error.data.httpStatus).toBe(408);
      expect(error.data.eduplan!.message.vi).toBe("Việc tạo hoặc nhập tệp mất quá 0 giây nên đã bị dừng; không có gì được ghi.");
      expect((await fetch(`${slow.url}/healthz`)).status).toBe(200);
    } finally {
      await slow.stop();
    }
    const impatient = await startTestServer({ consoleDir: null, limits: { handlerTimeoutMs: 1 } });
    try {
      // logging in is an asynchronous scrypt (tens of milliseconds): longer than 1 ms
      const res = await fetch(`${impatient.url}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: impatient.url },
        body: JSON.stringify({ username: "admin", password: "eduplan-demo" }),
      });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { data: { eduplan: { message: { vi: string } } } } }).error.data.eduplan.message.vi).toBe("Máy chủ xử lý quá lâu; vui lòng thử lại sau.");
      expect((await fetch(`${impatient.url}/healthz`)).status).toBe(200);
    } finally {
      await impatient.stop();
    }
  }, 60_000);
});

describe("uploads are checked before they are parsed (zip bombs)", () => {
  const importOf = async (zip: Buffer) => province.trpc.reporting.importWorkbook.mutate({ base64: zip.toString("base64") });
  const messageOf = (r: Awaited<ReturnType<typeof importOf>>) => {
    expect(r.ok).toBe(false);
    return !r.ok ? r.errors[0]!.message : { vi: "", en: "" };
  };
  const zipOf = async (files: Record<string, string | Buffer>) => {
    const zip = new JSZip();
    for (const [name, content] of Object.entries(files)) zip.file(name, content, { createFolders: false });
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  };

  test("an entry that inflates past the limit (a 1 MB file hiding 30 MB) → refused, naming 20 MiB", async () => {
    const bomb = await zipOf({ "[Content_Types].xml": "<Types/>", "xl/sharedStrings.xml": Buffer.alloc(30 * 1024 * 1024, 0x20) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(messageOf(await importOf(bomb))).toEqual({
      vi: "Tệp Excel giải nén ra quá lớn: giới hạn là 20 MiB dữ liệu. Hãy dùng đúng mẫu báo cáo đã tải về.",
      en: "The Excel file is too large once uncompressed: the limit is 20 MiB of data. Use the report template as downloaded.",
    });
  });

  test("an entry lying about its size (declares 100 bytes, inflates to 30 MB) → refused before it is inflated", async () => {
    const data = Buffer.alloc(30 * 1024 * 1024, 0x41);
    const compressed = deflateRawSync(data);
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const lie = 100;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 14); // crc (unchecked before the size)
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(lie, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(lie, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(0, 42); // local header offset
    const cdOffset = local.length + name.length + compressed.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    const zip = Buffer.concat([local, name, compressed, central, name, end]);
    const message = messageOf(await importOf(zip));
    expect(message.vi).toBe("Tệp Excel bị hỏng, không đọc được");
    expect(message.en).toMatch(/^The Excel file is damaged: .*too many bytes/);
  });

  test("too many cells → refused, naming 100.000; too many entries → refused, naming 500", async () => {
    const cells = `<worksheet><sheetData>${'<row><c r="A1"/><c r="B1"/><c r="C1"/><c r="D1"/><c r="E1"/></row>'.repeat(30_000)}</sheetData></worksheet>`;
    expect(messageOf(await importOf(await zipOf({ "xl/worksheets/sheet1.xml": cells })))).toEqual({
      vi: "Tệp Excel có hơn 100.000 ô dữ liệu (giới hạn 100.000 ô). Hãy dùng đúng mẫu báo cáo đã tải về.",
      en: "The Excel file has more than 100000 cells (the limit is 100000). Use the report template as downloaded.",
    });
    const many = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`xl/media/image${i}.txt`, "x"]));
    expect(messageOf(await importOf(await zipOf(many)))).toMatchObject({ vi: "Tệp Excel có 600 thành phần, vượt giới hạn 500. Hãy dùng đúng mẫu báo cáo đã tải về." });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
