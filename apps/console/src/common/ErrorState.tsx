import { Alert, AlertTitle, Button, Stack } from "@mui/material";
import { Link } from "react-router-dom";
import { useTranslate } from "react-admin";

/** The status of an error thrown by the data provider (an HttpError) or by a tRPC call. */
export function statusOf(error: unknown): number | null {
  if (typeof error === "object" && error !== null) {
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number") return status;
    const code = (error as { data?: { code?: unknown } }).data?.code;
    if (code === "FORBIDDEN") return 403;
    if (code === "NOT_FOUND") return 404;
    if (code === "UNAUTHORIZED") return 401;
    if (code === "CONFLICT") return 409;
  }
  return null;
}

/** The translation key that tells the officer what happened and what to do next, for an error status. */
export function errorKeyOf(status: number | null): string | null {
  switch (status) {
    case 403:
      return "eduplan.errors.forbidden";
    case 404:
      return "eduplan.errors.notFound";
    case 409:
      return "eduplan.errors.conflict";
    case 500:
    case null:
      return null;
    default:
      return null;
  }
}

/** An error in a page or a panel, in the user's language, with a way out. */
export function ErrorState({ error, backTo, onRetry }: { error: unknown; backTo?: string; onRetry?: () => void }) {
  const translate = useTranslate();
  const status = statusOf(error);
  const key = errorKeyOf(status);
  const raw = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? "");
  const message = key ? translate(key) : translate("eduplan.errors.loadFailed", { message: raw || translate("eduplan.errors.network") });
  return (
    <Alert severity={status === 403 ? "warning" : "error"} sx={{ m: 2 }} data-testid="error-state" data-status={status ?? ""}>
      <AlertTitle>{status === 403 ? translate("ra.page.access_denied", { _: translate("ra.message.access_denied") }) : translate("ra.page.error")}</AlertTitle>
      {message}
      {status !== 403 && key === null && raw && raw !== message ? <div>{raw}</div> : null}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        {backTo ? (
          <Button component={Link} to={backTo} size="small" variant="outlined">
            {translate("eduplan.errors.backToList")}
          </Button>
        ) : null}
        {onRetry ? (
          <Button onClick={onRetry} size="small">
            {translate("eduplan.common.retry")}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

export default ErrorState;
