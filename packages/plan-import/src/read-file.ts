import { PlanImportError, type ImportErrorCode } from "./errors.js";
import { importPlan } from "./import.js";
import type { PlanDraft } from "./types.js";

/** The outcome of reading an uploaded file, as plain data (it crosses a worker thread: no error classes). */
export type PlanReadResult = { ok: true; draft: PlanDraft } | { ok: false; code: ImportErrorCode; vi: string; en: string };

/** `importPlan` on a base64 upload, a refusal returned rather than thrown. */
export async function readPlanFile(base64: string, fileName: string): Promise<PlanReadResult> {
  try {
    return { ok: true, draft: await importPlan(Buffer.from(base64, "base64"), fileName) };
  } catch (e) {
    if (e instanceof PlanImportError) return { ok: false, code: e.code, vi: e.vi, en: e.en };
    throw e;
  }
}
