/**
 * The worker of the job pool (one per thread): DOCX/XLSX generation and workbook imports, each on the thread's own
 * connection to the database file (SQLite in WAL mode: reads see the last committed state; an import's writes go in
 * one transaction, as on the main thread). Errors of the domain travel back as data (structured clone keeps no class).
 */
import type { MessagePort } from "node:worker_threads";
import { EduplanError, openDatabase, type Db } from "@eduplan/db";
import { readPlanFile } from "@eduplan/plan-import";
import { buildAnnualReportDocx, buildAnnualReportXlsx, exportList, exportReportTemplate, importFiguresFile, importReportWorkbook, type ListColumn } from "@eduplan/reporting";
import type { UploadLimits } from "./upload-check.js";

export type WorkerTask = { kind: string; input: unknown; dbFile: string; uploadLimits: UploadLimits; progress?: MessagePort };
export type WorkerResult = { ok: true; value: unknown } | { ok: false; error: { reason: EduplanError["reason"]; messages: EduplanError["messages"]; fieldErrors: EduplanError["fieldErrors"] } };

const connections = new Map<string, Db>();
function db(file: string): Db {
  let c = connections.get(file);
  if (!c) {
    c = openDatabase(file, { migrate: false });
    connections.set(file, c);
  }
  return c;
}

type AnnualInput = Parameters<typeof buildAnnualReportDocx>[1];
type ImportInput = { base64: string; actor: Parameters<typeof importReportWorkbook>[2]["actor"] };
type ListInput = { rows: Record<string, unknown>[]; columns: ListColumn[]; title?: string; options?: Parameters<typeof exportList>[3] };

async function perform(task: WorkerTask): Promise<unknown> {
  switch (task.kind) {
    case "annualReportDocx":
      return buildAnnualReportDocx(db(task.dbFile), task.input as AnnualInput);
    case "annualReportXlsx":
      return buildAnnualReportXlsx(db(task.dbFile), task.input as AnnualInput);
    case "reportTemplate":
      return exportReportTemplate(db(task.dbFile), task.input as Parameters<typeof exportReportTemplate>[1]);
    case "listExport": {
      const { rows, columns, title, options } = task.input as ListInput;
      return exportList(rows, columns, title, options);
    }
    case "importWorkbook": {
      const { base64, actor } = task.input as ImportInput;
      // The workbook's limits are checked by the parser itself (@eduplan/reporting's loadWorkbook).
      const buffer = Buffer.from(base64, "base64");
      return importReportWorkbook(db(task.dbFile), buffer, { actor, onProgress: (fraction) => task.progress?.postMessage(fraction), uploadLimits: task.uploadLimits });
    }
    case "importFigures": {
      const { base64, fileName, actor } = task.input as { base64: string; fileName: string; actor: ImportInput["actor"] };
      const buffer = Buffer.from(base64, "base64");
      return importFiguresFile(db(task.dbFile), buffer, fileName, actor, { uploadLimits: task.uploadLimits });
    }
    case "readPlan": {
      // A plan document (text, DOCX, PDF): plan-import checks its own limits (size, pages, zip entries and ratio).
      const { base64, fileName } = task.input as { base64: string; fileName: string };
      return readPlanFile(base64, fileName);
    }
    default:
      throw new Error(`unknown job ${task.kind}`);
  }
}

export default async function run(task: WorkerTask): Promise<WorkerResult> {
  try {
    return { ok: true, value: await perform(task) };
  } catch (e) {
    if (e instanceof EduplanError) return { ok: false, error: { reason: e.reason, messages: e.messages, fieldErrors: e.fieldErrors } };
    throw e;
  } finally {
    task.progress?.close();
  }
}
