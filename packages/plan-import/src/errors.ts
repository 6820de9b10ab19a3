/** Why a file was refused. Every refusal happens before anything is returned, so nothing partial reaches a caller. */
export const IMPORT_ERROR_CODES = [
  "unsupportedFormat",
  "tooLarge",
  "tooManyPages",
  "tooLong",
  "encrypted",
  "noTextLayer",
  "unsafeArchive",
  "unreadable",
  "notAPlan",
  "noTargets",
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** A refusal with a message in Vietnamese (what the officer reads) and English. */
export class PlanImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi} / ${en}`);
    this.name = "PlanImportError";
  }
}

export function refuse(code: ImportErrorCode, vi: string, en: string): never {
  throw new PlanImportError(code, vi, en);
}
