import type { FieldError } from "@eduplan/domain";

export type ErrorReason = "validation" | "conflict" | "reference" | "notFound" | "forbidden" | "locked";

/** An error a user can act on: it carries a reason, a bilingual message, and the fields at fault. */
export class EduplanError extends Error {
  constructor(
    readonly reason: ErrorReason,
    readonly messages: { vi: string; en: string },
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(messages.en);
    this.name = "EduplanError";
  }
}

export const notFound = (entity: string, id: unknown) =>
  new EduplanError("notFound", { vi: `Không tìm thấy ${entity} #${String(id)}`, en: `${entity} #${String(id)} not found` });

export const staleVersion = (entity: string, id: unknown, expected: number, actual: number) =>
  new EduplanError("conflict", {
    vi: `Bản ghi ${entity} #${String(id)} đã được người khác sửa (phiên bản ${actual}, bạn đang sửa phiên bản ${expected}). Hãy tải lại rồi sửa lại.`,
    en: `${entity} #${String(id)} was changed by someone else (version ${actual}; your edit was based on version ${expected}). Reload and edit again.`,
  });

export const validation = (fieldErrors: FieldError[]) =>
  new EduplanError(
    "validation",
    {
      vi: `Dữ liệu không hợp lệ: ${fieldErrors.map((e) => `${e.path}: ${e.message.vi}`).join("; ")}`,
      en: `Invalid input: ${fieldErrors.map((e) => `${e.path}: ${e.message.en}`).join("; ")}`,
    },
    fieldErrors,
  );

export const fieldError = (path: string, en: string, vi: string): FieldError => ({ path, message: { en, vi } });
