/**
 * The server's edge rules, before a request reaches tRPC: the limits, the same-origin and content-type checks of
 * mutations, the batch size, the security headers, and errors in the shape tRPC clients read (bilingual, under
 * `error.data.eduplan`, as docs/api-conventions.md says).
 */
import type { IncomingHttpHeaders } from "node:http";
import type { FastifyHelmetOptions } from "@fastify/helmet";
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

export type Limits = {
  /** Largest JSON body of a tRPC request (every procedure but the upload). Default 1 MiB. */
  jsonBodyBytes: number;
  /** Largest body of `reporting.importWorkbook` (the workbook travels as base64 in JSON). Default 32 MiB. */
  uploadBodyBytes: number;
  /** Most calls in one tRPC batch. Default 50. */
  maxBatchSize: number;
  /** Deepest nesting of arrays and objects in a request's JSON (a province file needs about 10). Default 64. */
  maxJsonDepth: number;
  /** Receiving a whole request (headers and body). Default 120 s. */
  requestTimeoutMs: number;
  /** Answering a tRPC request once received: 503 after it. Default 120 s, uploads 300 s. */
  handlerTimeoutMs: number;
  uploadHandlerTimeoutMs: number;
  /** How long `close()` waits for requests in flight before cutting connections. Default 30 s. */
  shutdownTimeoutMs: number;
};

export const DEFAULT_LIMITS: Limits = {
  jsonBodyBytes: 1024 * 1024,
  uploadBodyBytes: 32 * 1024 * 1024,
  maxBatchSize: 50,
  maxJsonDepth: 64,
  requestTimeoutMs: 120_000,
  handlerTimeoutMs: 120_000,
  uploadHandlerTimeoutMs: 300_000,
  shutdownTimeoutMs: 30_000,
};

/** The procedures whose body may be large: uploads as base64 (a report workbook, a figures file, a plan document) and a plan draft under review. */
export const UPLOAD_PROCEDURES = ["reporting.importWorkbook", "reporting.importFigures", "planImport.read", "planImport.save"] as const;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

type Reason = "validation" | "forbidden";

/** A tRPC-shaped error response body (what `TRPCClientError` reads), with the bilingual message. */
export function trpcErrorBody(httpStatus: number, code: TRPC_ERROR_CODE_KEY, reason: Reason, en: string, vi: string, path?: string) {
  return {
    error: {
      message: en,
      code: TRPC_ERROR_CODES_BY_KEY[code],
      data: { code, httpStatus, ...(path ? { path } : {}), eduplan: { reason, message: { vi, en }, fieldErrors: [] } },
    },
  };
}

export type EdgeRefusal = { status: number; body: ReturnType<typeof trpcErrorBody> };

const refusal = (status: number, code: TRPC_ERROR_CODE_KEY, reason: Reason, en: string, vi: string, path?: string): EdgeRefusal => ({
  status,
  body: trpcErrorBody(status, code, reason, en, vi, path),
});

/**
 * A mutation must come from the console's own origin: an `Origin` whose host is the server's (or one of
 * `allowedOrigins`), or `Sec-Fetch-Site: same-origin`. A cross-site form or script is refused.
 */
export function isSameOrigin(headers: IncomingHttpHeaders, host: string, allowedOrigins: ReadonlySet<string>): boolean {
  if (headers["sec-fetch-site"] === "same-origin") return true;
  const origin = headers.origin;
  if (!origin || origin === "null") return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return allowedOrigins.has(url.origin) || url.host.toLowerCase() === host.toLowerCase();
}

const mediaType = (header: string | undefined) => header?.split(";", 1)[0]?.trim().toLowerCase() ?? "";

/** The checks of a tRPC request before its body is read; null = let it through. */
export function checkTrpcRequest(
  req: { method: string; headers: IncomingHttpHeaders; host: string; path: string; batch: boolean },
  limits: Limits,
  allowedOrigins: ReadonlySet<string>,
): EdgeRefusal | null {
  if (req.batch) {
    const calls = req.path.split(",").length;
    if (calls > limits.maxBatchSize)
      return refusal(
        400,
        "BAD_REQUEST",
        "validation",
        `A batch may hold at most ${limits.maxBatchSize} calls (this one has ${calls}).`,
        `Một lô yêu cầu chỉ được có tối đa ${limits.maxBatchSize} lệnh gọi (lô này có ${calls}).`,
      );
  }
  if (req.method === "GET" || req.method === "HEAD") return null;
  if (!isSameOrigin(req.headers, req.host, allowedOrigins))
    return refusal(
      403,
      "FORBIDDEN",
      "forbidden",
      "Changes are accepted only from EduPlan's own pages (the request's Origin is missing or is another site).",
      "Chỉ chấp nhận thay đổi gửi từ chính các trang của EduPlan (yêu cầu không có Origin hoặc đến từ trang khác).",
    );
  const type = mediaType(req.headers["content-type"]);
  if (type !== "application/json") return unsupportedMediaType(type);
  return null;
}

export const unsupportedMediaType = (type: string): EdgeRefusal =>
  refusal(
    415,
    "UNSUPPORTED_MEDIA_TYPE",
    "validation",
    `The API accepts only JSON requests (Content-Type: application/json), not ${type || "a request without a content type"}.`,
    `API chỉ nhận yêu cầu dạng JSON (Content-Type: application/json), không nhận ${type || "yêu cầu không có kiểu nội dung"}.`,
  );

/**
 * Whether JSON text nests arrays/objects deeper than `max` (scanned once, strings skipped), so that no parser,
 * schema or serializer down the line recurses 100 000 levels deep.
 */
export function jsonTooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

export const tooDeep = (max: number): EdgeRefusal =>
  refusal(400, "BAD_REQUEST", "validation", `The request's data is nested too deeply: at most ${max} levels.`, `Dữ liệu gửi lên lồng nhau quá sâu: tối đa ${max} cấp.`);

/** The refusal of a body over the limit of its route. */
export function bodyTooLarge(limit: number, upload: boolean): EdgeRefusal {
  const size = formatBytes(limit);
  return upload
    ? refusal(413, "PAYLOAD_TOO_LARGE", "validation", `The uploaded file is too large: the limit is ${size} (as sent, base64).`, `Tệp tải lên quá lớn: giới hạn là ${size} (khi gửi, dạng base64).`)
    : refusal(413, "PAYLOAD_TOO_LARGE", "validation", `The request is too large: the limit is ${size}.`, `Yêu cầu quá lớn: giới hạn là ${size}.`);
}

export const timedOut = (): EdgeRefusal =>
  refusal(503, "TIMEOUT", "validation", "The server took too long to answer; try again later.", "Máy chủ xử lý quá lâu; vui lòng thử lại sau.");

/**
 * Security headers (helmet). The CSP is what the built console needs and no more: its scripts and styles come from
 * the server itself; MUI (emotion) injects <style> elements at run time, hence 'unsafe-inline' for styles only;
 * downloads are blob: URLs. No framing anywhere (frame-ancestors 'none', X-Frame-Options DENY). HSTS and
 * upgrade-insecure-requests only when the site is served over HTTPS (`https`: secure cookies configured).
 */
export function helmetOptions(https: boolean): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        ...(https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    // "same-origin", not "no-referrer": with no-referrer a browser sends `Origin: null` on same-origin POSTs.
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}
