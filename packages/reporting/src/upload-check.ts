/**
 * A workbook is checked before exceljs parses it (zip-bomb proof), by `loadWorkbook` itself, so every caller — the
 * server's worker pool, the CLI (`figures import`), a test calling the import functions directly — gets the check: the number of entries in the zip, the
 * total uncompressed size — counted while inflating every entry with yauzl, which stops an entry as soon as it
 * inflates to more than it declares — and the number of cells in its worksheets. Whatever exceeds a limit is refused
 * with a message naming that limit.
 */
import yauzl from "yauzl";

export type UploadLimits = {
  /** Entries in the zip (an XLSX of the template has about a dozen). Default 500. */
  maxEntries: number;
  /** Total uncompressed size of all entries. Default 20 MiB. */
  maxUncompressedBytes: number;
  /** Cells in all worksheets (the template has about 1 000). Default 100 000. */
  maxCells: number;
};

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxEntries: 500, maxUncompressedBytes: 20 * 1024 * 1024, maxCells: 100_000 };

export type UploadProblem = { vi: string; en: string };

const mib = (n: number) => `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
const vn = (n: number) => n.toLocaleString("vi-VN");

class Refused extends Error {
  constructor(readonly problem: UploadProblem) {
    super(problem.en);
  }
}

const tooBig = (limits: UploadLimits) =>
  new Refused({
    vi: `Tệp Excel giải nén ra quá lớn: giới hạn là ${mib(limits.maxUncompressedBytes)} dữ liệu. Hãy dùng đúng mẫu báo cáo đã tải về.`,
    en: `The Excel file is too large once uncompressed: the limit is ${mib(limits.maxUncompressedBytes)} of data. Use the report template as downloaded.`,
  });

const CELL = /<c[\s>/]/g;

/** null when the workbook is within the limits, else what is wrong (bilingual). */
export function checkWorkbookUpload(buffer: Buffer, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): Promise<UploadProblem | null> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (problem: UploadProblem | null, zip?: yauzl.ZipFile) => {
      if (settled) return;
      settled = true;
      zip?.close();
      resolve(problem);
    };
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      // The zip reader's own message is not for users (it names the parser's internals).
      if (error || !zip) return finish({ vi: "Tệp không phải bảng tính Excel (.xlsx) đọc được", en: "The file is not a readable XLSX workbook" });
      if (zip.entryCount > limits.maxEntries)
        return finish(
          {
            vi: `Tệp Excel có ${vn(zip.entryCount)} thành phần, vượt giới hạn ${vn(limits.maxEntries)}. Hãy dùng đúng mẫu báo cáo đã tải về.`,
            en: `The Excel file has ${zip.entryCount} parts, over the limit of ${limits.maxEntries}. Use the report template as downloaded.`,
          },
          zip,
        );
      let declared = 0;
      let inflated = 0;
      let cells = 0;
      const fail = (e: unknown) =>
        finish(e instanceof Refused ? e.problem : { vi: "Tệp Excel bị hỏng, không đọc được", en: `The Excel file is damaged: ${(e as Error).message}` }, zip);
      zip.on("error", fail);
      zip.on("end", () => finish(null, zip));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (settled) return;
        declared += entry.uncompressedSize;
        if (declared > limits.maxUncompressedBytes) return fail(tooBig(limits));
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.fileName);
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(e ?? new Error("no stream"));
          let tail = "";
          stream.on("data", (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > limits.maxUncompressedBytes) {
              stream.destroy();
              return fail(tooBig(limits));
            }
            if (isSheet) {
              const text = tail + chunk.toString("latin1");
              cells += text.match(CELL)?.length ?? 0;
              // a "<c" cut by the chunk's end is completed (and counted) with the next chunk; a match needs 3 characters,
              // so none is counted twice
              tail = text.slice(-2);
              if (cells > limits.maxCells) {
                stream.destroy();
                return fail(
                  new Refused({
                    vi: `Tệp Excel có hơn ${vn(limits.maxCells)} ô dữ liệu (giới hạn ${vn(limits.maxCells)} ô). Hãy dùng đúng mẫu báo cáo đã tải về.`,
                    en: `The Excel file has more than ${limits.maxCells} cells (the limit is ${limits.maxCells}). Use the report template as downloaded.`,
                  }),
                );
              }
            }
          });
          stream.on("error", fail);
          stream.on("end", () => {
            if (!settled) zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** A workbook refused before parsing; `problem` names the limit (bilingual). */
export class WorkbookRefused extends Error {
  constructor(readonly problem: UploadProblem) {
    super(problem.en);
    this.name = "WorkbookRefused";
  }
}

/** Throws {@link WorkbookRefused} when the workbook is over a limit (defaults for the limits not given). */
export async function assertWorkbookWithinLimits(buffer: Buffer, limits: Partial<UploadLimits> = {}): Promise<void> {
  const problem = await checkWorkbookUpload(buffer, { ...DEFAULT_UPLOAD_LIMITS, ...limits });
  if (problem) throw new WorkbookRefused(problem);
}
