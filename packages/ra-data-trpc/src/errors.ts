import { HttpError } from "ra-core";

/** The languages error messages come in. */
export type Locale = "vi" | "en";

/** A message in every language of the API conventions. */
export interface LocalizedMessage {
  vi: string;
  en: string;
}

/** One field's error, as a procedure reports it under `data.eduplan.fieldErrors`. */
export interface FieldError {
  /** Dotted path of the field, relative to the input's `data` (`"value"`, `"meta.slug"`); a leading `data.` is tolerated. */
  path: string;
  message: Partial<LocalizedMessage>;
}

/**
 * What the server's error formatter puts under the error's `data.eduplan` (see docs/api-conventions.md).
 * Every member is optional here: the provider must cope with a server (or a proxy in front of it) that sends less.
 */
export interface ErrorDetails {
  reason?: "validation" | "conflict" | "reference" | "forbidden" | "notFound" | "locked" | (string & {});
  message?: Partial<LocalizedMessage>;
  fieldErrors?: FieldError[];
}

/**
 * Form errors in the shape react-admin 5's server-side validation reads from `HttpError.body.errors`:
 * an object matching the form's shape, each leaf a message, plus `root.serverError` for the form-wide message.
 */
export interface FormErrors {
  [field: string]: string | FormErrors;
}

/** The body of the `HttpError`s this provider throws. */
export interface TrpcHttpErrorBody {
  /** The tRPC error code (`"CONFLICT"`, …), or `null` when the request never got an answer (network failure). */
  code: string | null;
  /** `data.eduplan.reason`, or `null`. */
  reason: string | null;
  /** The localized message (the same as the error's `message`). */
  message: string;
  /** `data.eduplan` as received, or `null`. */
  details: ErrorDetails | null;
  /** Only for validation errors: per-field messages for react-admin's forms. */
  errors?: FormErrors;
}

/** HTTP status of each tRPC error code; any other code (and a failed request) becomes 500. */
export const STATUS_BY_TRPC_CODE: Readonly<Record<string, number>> = Object.freeze({
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
});

/** The status react-admin sees for a tRPC error code. */
export function statusOfTrpcCode(code: unknown): number {
  return (typeof code === "string" && Object.hasOwn(STATUS_BY_TRPC_CODE, code) && STATUS_BY_TRPC_CODE[code]) || 500;
}

/** The shape of a `TRPCClientError` this module reads. */
interface TrpcClientErrorLike extends Error {
  data?: unknown;
}

/**
 * Whether `error` is a `TRPCClientError`. Compared by name rather than `instanceof` so that an error thrown by
 * another copy of `@trpc/client` (two versions in one bundle) is recognized too.
 */
export function isTrpcClientError(error: unknown): error is TrpcClientErrorLike {
  return error instanceof Error && error.name === "TRPCClientError";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `message[locale]`, else the other language, else `undefined`. */
export function localize(message: unknown, locale: Locale): string | undefined {
  if (!isObject(message)) return undefined;
  const other: Locale = locale === "vi" ? "en" : "vi";
  for (const key of [locale, other]) {
    const text = message[key];
    if (typeof text === "string" && text !== "") return text;
  }
  return undefined;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** `"data.items[0].name"` → `["items", "0", "name"]`: bracket indices become segments, a leading `data` is dropped. */
export function fieldPathSegments(path: string): string[] {
  const segments = path
    .replace(/\[(\w+)\]/g, ".$1")
    .split(".")
    .filter((segment) => segment !== "");
  if (segments[0] === "data") segments.shift();
  return segments;
}

/**
 * Turns `fieldErrors` into react-admin form errors: `[{ path: "meta.slug", message }]` → `{ meta: { slug: "…" } }`.
 * Two messages for one field are joined with "; ". A path that cannot nest (its parent already holds a message) is
 * kept flat (`"a.b": "…"`), which react-admin's `setSubmissionErrors` resolves to the same field.
 */
export function toFormErrors(fieldErrors: readonly FieldError[], locale: Locale): FormErrors {
  const errors: FormErrors = {};
  for (const fieldError of fieldErrors) {
    if (!isObject(fieldError) || typeof fieldError.path !== "string") continue;
    const segments = fieldPathSegments(fieldError.path);
    const message = localize(fieldError.message, locale);
    if (segments.length === 0 || message === undefined) continue;
    if (segments.some((segment) => FORBIDDEN_KEYS.has(segment))) continue;
    let node: FormErrors = errors;
    let flat = false;
    for (const segment of segments.slice(0, -1)) {
      const next = node[segment];
      if (next === undefined) {
        const child: FormErrors = {};
        node[segment] = child;
        node = child;
      } else if (typeof next === "string") {
        flat = true;
        break;
      } else {
        node = next;
      }
    }
    const [target, key] = flat ? [errors, segments.join(".")] : [node, segments[segments.length - 1]!];
    const existing = target[key];
    if (typeof existing === "string") target[key] = `${existing}; ${message}`;
    else if (existing === undefined) target[key] = message;
    // An object already there means deeper fields have messages: keep those rather than clobber them.
  }
  return errors;
}

/**
 * Converts what a tRPC call threw into what react-admin expects a data provider to throw.
 *
 * - A `TRPCClientError` becomes `new HttpError(message, status, body)` from `ra-core`, where
 *   - `status` comes from `data.code` (see {@link STATUS_BY_TRPC_CODE}; 500 otherwise, including a request that
 *     never got an answer);
 *   - `message` is `data.eduplan.message[locale]`, falling back to the other language, then to the error's own message;
 *   - `body` is a {@link TrpcHttpErrorBody}; for a validation error (`reason: "validation"` or any `fieldErrors`)
 *     `body.errors` holds one message per field, nested by path, plus `root.serverError` = the message, which is
 *     exactly what react-admin 5's forms read for server-side validation.
 * - Anything else is returned unchanged (a bug in the caller's code should surface as it is).
 */
export function toHttpError(error: unknown, locale: Locale): unknown {
  if (!isTrpcClientError(error)) return error;
  const data = isObject(error.data) ? error.data : {};
  const details = isObject(data.eduplan) ? (data.eduplan as ErrorDetails) : null;
  const code = typeof data.code === "string" ? data.code : null;
  const message = localize(details?.message, locale) ?? error.message;
  const body: TrpcHttpErrorBody = {
    code,
    reason: typeof details?.reason === "string" ? details.reason : null,
    message,
    details,
  };
  const fieldErrors = Array.isArray(details?.fieldErrors) ? details.fieldErrors : [];
  if (details?.reason === "validation" || fieldErrors.length > 0) {
    const errors = toFormErrors(fieldErrors, locale);
    const root = errors.root;
    errors.root = typeof root === "object" ? { ...root, serverError: message } : { serverError: message };
    body.errors = errors;
  }
  return new HttpError(message, statusOfTrpcCode(code), body);
}
