import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { EduplanError, type ErrorReason } from "@eduplan/db";
import { fieldErrorsFromZod, type FieldError } from "@eduplan/domain";

/** What every error carries under `error.data.eduplan` (docs/api-conventions.md). */
export type EduplanErrorData = {
  /** One of the reasons of the conventions; `internal` only for unexpected server errors (a bug, not the user's doing). */
  reason: ErrorReason | "internal";
  message: { vi: string; en: string };
  fieldErrors: FieldError[];
};

/** tRPC code for each reason of an {@link EduplanError}. */
export const CODE_BY_REASON: Record<ErrorReason, TRPC_ERROR_CODE_KEY> = {
  validation: "BAD_REQUEST",
  conflict: "CONFLICT",
  reference: "CONFLICT",
  notFound: "NOT_FOUND",
  forbidden: "FORBIDDEN",
  locked: "CONFLICT",
};

export function isEduplanError(e: unknown): e is EduplanError {
  return e instanceof EduplanError || (e instanceof Error && e.name === "EduplanError" && "reason" in e && "messages" in e);
}

/** An {@link EduplanError} as the TRPCError the client receives. */
export function toTRPCError(e: EduplanError, code: TRPC_ERROR_CODE_KEY = CODE_BY_REASON[e.reason]): TRPCError {
  return new TRPCError({ code, message: e.messages.en, cause: e });
}

/** Throwable bilingual error with a tRPC code of our choosing (UNAUTHORIZED, TOO_MANY_REQUESTS, …). */
export function apiError(code: TRPC_ERROR_CODE_KEY, reason: ErrorReason, en: string, vi: string, fieldErrors: FieldError[] = []): TRPCError {
  return toTRPCError(new EduplanError(reason, { vi, en }, fieldErrors), code);
}

export const unauthenticated = () =>
  apiError("UNAUTHORIZED", "forbidden", "Please log in.", "Bạn cần đăng nhập để tiếp tục.");

export const forbidden = (en: string, vi: string) => apiError("FORBIDDEN", "forbidden", en, vi);

/** Refusal for a record outside the user's area (out-of-scope reads and writes are FORBIDDEN, never NOT_FOUND). */
export const outOfScope = (entityVi: string, entity: string) =>
  forbidden(
    `This ${entity} record is outside your area.`,
    `Bản ghi ${entityVi} này nằm ngoài địa bàn bạn được giao.`,
  );

const GENERIC: Partial<Record<TRPC_ERROR_CODE_KEY, { reason: ErrorReason; vi: string; en: string }>> = {
  NOT_FOUND: { reason: "notFound", vi: "Không tìm thấy", en: "Not found" },
  FORBIDDEN: { reason: "forbidden", vi: "Bạn không có quyền thực hiện thao tác này", en: "You are not allowed to do this" },
  UNAUTHORIZED: { reason: "forbidden", vi: "Bạn cần đăng nhập để tiếp tục.", en: "Please log in." },
  CONFLICT: { reason: "conflict", vi: "Xung đột dữ liệu", en: "Conflict" },
  BAD_REQUEST: { reason: "validation", vi: "Yêu cầu không hợp lệ", en: "Invalid request" },
  PARSE_ERROR: { reason: "validation", vi: "Yêu cầu không đọc được", en: "The request could not be parsed" },
  TOO_MANY_REQUESTS: { reason: "forbidden", vi: "Quá nhiều yêu cầu, hãy thử lại sau", en: "Too many requests, try again later" },
  METHOD_NOT_SUPPORTED: { reason: "validation", vi: "Phương thức không được hỗ trợ", en: "Method not supported" },
};

/** Field paths relative to the input's `data` object: `data.value` → `value`. */
export function relativeToData(path: string): string {
  return path.startsWith("data.") ? path.slice(5) : path;
}

function issuesOf(cause: unknown): { issues: unknown[] } | null {
  if (cause && typeof cause === "object" && Array.isArray((cause as { issues?: unknown }).issues)) return cause as { issues: unknown[] };
  return null;
}

type UnknownKeysIssue = { code: "unrecognized_keys"; keys: string[]; path: PropertyKey[] };
const isUnknownKeys = (i: unknown): i is UnknownKeysIssue => (i as { code?: unknown }).code === "unrecognized_keys" && Array.isArray((i as { keys?: unknown }).keys);

/**
 * The field errors of zod's issues, each unknown key refused by its own path and name, in the words the record path
 * uses for an unknown field (`assertKnownKeys` in packages/db/src/crud.ts).
 */
function withUnknownKeysNamed(issues: unknown[], format: typeof fieldErrorsFromZod): FieldError[] {
  const unknownKeys = issues.filter(isUnknownKeys).flatMap((issue) =>
    issue.keys.slice(0, 20).map((key): FieldError => {
      const name = key.length > 100 ? `${key.slice(0, 100)}…` : key;
      const path = [...issue.path, key].map(String).join(".");
      return { path, message: { en: `unknown field '${name}'`, vi: `Trường '${name}' không có trong yêu cầu này` } };
    }),
  );
  return [...format({ issues: issues.filter((i) => !isUnknownKeys(i)) } as never), ...unknownKeys];
}

/** The `data.eduplan` member for any error a procedure ends with. */
export function eduplanErrorData(error: TRPCError): EduplanErrorData {
  const cause = error.cause;
  if (isEduplanError(cause))
    return {
      reason: cause.reason,
      message: cause.messages,
      fieldErrors: cause.fieldErrors.map((f) => ({ path: relativeToData(f.path), message: f.message })),
    };
  const zod = issuesOf(cause);
  if (zod && error.code === "BAD_REQUEST") {
    const fieldErrors = withUnknownKeysNamed(zod.issues, fieldErrorsFromZod).map((f) => ({ path: relativeToData(f.path) || "data", message: f.message }));
    return {
      reason: "validation",
      message: {
        vi: `Dữ liệu không hợp lệ: ${fieldErrors.map((e) => `${e.path}: ${e.message.vi}`).join("; ")}`,
        en: `Invalid input: ${fieldErrors.map((e) => `${e.path}: ${e.message.en}`).join("; ")}`,
      },
      fieldErrors,
    };
  }
  const generic = GENERIC[error.code];
  if (generic) return { reason: generic.reason, message: { vi: generic.vi, en: error.message && error.code !== "FORBIDDEN" ? error.message : generic.en }, fieldErrors: [] };
  return {
    reason: "internal",
    message: { vi: "Lỗi máy chủ, vui lòng thử lại sau", en: "Server error, please try again later" },
    fieldErrors: [],
  };
}
