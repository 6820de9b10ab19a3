import { toHttpError, type Locale } from "@eduplan/ra-data-trpc";

/** Body of the HttpErrors the data provider throws (see @eduplan/ra-data-trpc's README). */
export interface ApiErrorBody {
  code: string | null;
  reason: string | null;
  message: string;
  errors?: Record<string, unknown>;
}

/** Any error of a tRPC call as `{ status, message, body }`, the message in the user's language. */
export function describeError(error: unknown, locale: string): { status: number; message: string; body: ApiErrorBody | null } {
  const converted = toHttpError(error, (locale === "en" ? "en" : "vi") as Locale) as
    | { status?: number; message?: string; body?: ApiErrorBody }
    | undefined;
  const status = typeof converted?.status === "number" ? converted.status : 500;
  const message =
    converted?.message || (error instanceof Error ? error.message : locale === "en" ? "Something went wrong" : "Đã xảy ra lỗi");
  return { status, message, body: converted?.body ?? null };
}
