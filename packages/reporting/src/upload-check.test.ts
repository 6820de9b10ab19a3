/** The parsing functions check a workbook's limits themselves (zip-bomb proof), whoever calls them. */
import JSZip from "jszip";
import { describe, expect, test } from "vitest";
import type { Db } from "@eduplan/db";
import { importReportWorkbook } from "./excel-template.js";
import { importFiguresFile } from "./figures-file.js";

const zipOf = async (files: Record<string, string | Buffer>) => {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content, { createFolders: false });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
};
/** Never reached: the check comes before the database is read. */
const noDb = new Proxy({}, { get: () => { throw new Error("the database was read"); } }) as Db;
const actor = { userId: 1, role: "system_admin", localityId: null } as never;

describe("workbook limits in the parser", () => {
  test("importReportWorkbook and importFiguresFile refuse a small file hiding 30 MB, naming the limit, before reading anything", async () => {
    const bomb = await zipOf({ "[Content_Types].xml": "<Types/>", "xl/sharedStrings.xml": Buffer.alloc(30 * 1024 * 1024, 0x20) });
    const message = {
      vi: "Tệp Excel giải nén ra quá lớn: giới hạn là 20 MiB dữ liệu. Hãy dùng đúng mẫu báo cáo đã tải về.",
      en: "The Excel file is too large once uncompressed: the limit is 20 MiB of data. Use the report template as downloaded.",
    };
    expect(await importReportWorkbook(noDb, bomb, { actor })).toEqual({ ok: false, errors: [{ sheet: "", row: 0, column: "", header: "", message }] });
    expect(await importFiguresFile(noDb, bomb, "so-lieu.xlsx", actor)).toEqual({ ok: false, problems: [{ row: 0, field: "file", column: "", message }] });
  });

  test("the limits can be set by the caller (the server's configuration)", async () => {
    const file = await zipOf({ "[Content_Types].xml": "<Types/>", "xl/a.xml": "<a/>", "xl/b.xml": "<b/>" });
    const result = await importFiguresFile(noDb, file, "so-lieu.xlsx", actor, { uploadLimits: { maxEntries: 2 } });
    expect(result).toMatchObject({ ok: false, problems: [{ message: { vi: "Tệp Excel có 3 thành phần, vượt giới hạn 2. Hãy dùng đúng mẫu báo cáo đã tải về." } }] });
  });
});
