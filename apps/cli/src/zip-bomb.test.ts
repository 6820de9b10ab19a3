/**
 * The upload limits hold from the command line too (they live in the parser, not in the server's worker pool):
 * `figures import` of a small XLSX hiding 30 MB, or with too many parts, and `plan import` of a DOCX bomb are refused
 * with the limit named, nothing written.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, schema as s } from "@eduplan/db";
import { EXAMPLE, eduplan } from "./test-cli.js";

let dir: string;
let dbFile: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-cli-bomb-"));
  dbFile = join(dir, "eduplan.db");
  expect((await eduplan(["province", "init", EXAMPLE], dbFile)).code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A plain ZIP (deflate) of the given entries, each declaring its true size. */
function zipOf(files: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [fileName, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const compressed = deflateRawSync(data);
    const name = Buffer.from(fileName);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const figures = async () => {
  const db = openDatabase(dbFile);
  try {
    return (await db.select().from(s.indicatorValues)).length;
  } finally {
    closeDatabase(db);
  }
};

describe("zip bombs from the command line", () => {
  it("figures import: a 30 MB entry in a small XLSX → refused naming the 20 MiB limit; nothing written", async () => {
    const bomb = zipOf({ "[Content_Types].xml": "<Types/>", "xl/sharedStrings.xml": Buffer.alloc(30 * 1024 * 1024, 0x20) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const file = join(dir, "bom.xlsx");
    writeFileSync(file, bomb);
    const before = await figures();
    const run = await eduplan(["figures", "import", file], dbFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Tệp Excel giải nén ra quá lớn: giới hạn là 20 MiB dữ liệu");
    expect(run.stderr).toContain("the limit is 20 MiB of data");
    expect(await figures()).toBe(before);
  }, 120_000);

  it("figures import: more parts than the limit → refused naming the count and the limit", async () => {
    const parts = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`xl/media/p${i}.xml`, "<x/>"]));
    const file = join(dir, "nhieu-phan.xlsx");
    writeFileSync(file, zipOf(parts));
    const run = await eduplan(["figures", "import", file], dbFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Tệp Excel có 501 thành phần, vượt giới hạn 500");
  }, 120_000);

  it("figures import: a worksheet of more than 100 000 cells → refused naming the limit", async () => {
    const sheet = `<worksheet><sheetData><row r="1">${"<c><v>1</v></c>".repeat(100_001)}</row></sheetData></worksheet>`;
    const file = join(dir, "nhieu-o.xlsx");
    writeFileSync(file, zipOf({ "[Content_Types].xml": "<Types/>", "xl/worksheets/sheet1.xml": sheet }));
    const run = await eduplan(["figures", "import", file], dbFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Tệp Excel có hơn 100.000 ô dữ liệu (giới hạn 100.000 ô)");
  }, 120_000);

  it("plan import: a DOCX hiding 80 MB of zeros → refused as unsafe, naming the reason", async () => {
    const file = join(dir, "bom.docx");
    writeFileSync(file, zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>", "word/media/zeros.bin": Buffer.alloc(80 * 1024 * 1024) }));
    const run = await eduplan(["plan", "import", file], dbFile);
    expect(run.code).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/Tệp DOCX không an toàn, không được đọc: .*(nén bất thường|vượt giới hạn)/);
  }, 120_000);
});
