import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { Alert, Button } from "@mui/material";
import {
  Create,
  Edit,
  Show,
  SimpleForm,
  useEditContext,
  useNotify,
  useRecordContext,
  useResourceContext,
  useShowContext,
  useTranslate,
  type CreateProps,
  type EditProps,
  type ShowProps,
  type SimpleFormProps,
} from "react-admin";
import { useFormContext, useFormState } from "react-hook-form";
import { ErrorState, statusOf } from "./ErrorState";

/** The error of a show page's record (403 outside the user's area, 404, …), with a way back to the list. */
function ShowError() {
  const { error, refetch } = useShowContext();
  const resource = useResourceContext();
  return <ErrorState error={error} backTo={`/${resource}`} onRetry={() => void refetch()} />;
}

function EditError() {
  const { error, refetch } = useEditContext();
  const resource = useResourceContext();
  return <ErrorState error={error} backTo={`/${resource}`} onRetry={() => void refetch()} />;
}

/**
 * A show page that explains a refused or missing record in place (instead of react-admin's redirect to the list
 * with a generic "not found").
 */
export function AppShow({ children, ...props }: ShowProps & { children: ReactNode }) {
  const notify = useNotify();
  return (
    <Show
      redirectOnError={false}
      queryOptions={{ onError: (error: unknown) => statusOf(error) === 401 && notify("ra.notification.logged_out", { type: "error" }) }}
      error={<ShowError />}
      {...props}
    >
      {children}
    </Show>
  );
}

/**
 * The version an edit is based on, passed to the data provider as the update's `meta.baseVersion` (see
 * dataProvider.ts): the record's version when the user started changing the form. react-admin would send the
 * version of the record it fetched last, and a background refetch would then hide a change made by someone else.
 */
export type VersionPin = { baseVersion?: number };

type EditState = { pin: VersionPin; conflict: string | null; clearConflict: () => void };
const EditStateContext = createContext<EditState | null>(null);

/** Shown above an edit form after a conflict: the record changed underneath; reload the latest version. */
function ConflictBanner({ message, onReload }: { message: string; onReload: () => void }) {
  const translate = useTranslate();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Braces matter: recent browsers return a Promise from scrollIntoView, which React would take for a cleanup.
    void ref.current?.scrollIntoView({ block: "center" });
  }, [message]);
  return (
    <Alert
      ref={ref}
      severity="warning"
      sx={{ mb: 2, width: "100%", boxSizing: "border-box" }}
      data-testid="conflict-banner"
      action={
        <Button color="inherit" size="small" onClick={onReload}>
          {translate("ra.action.refresh")}
        </Button>
      }
    >
      {message}
    </Alert>
  );
}

/** Inside an edit form: pins the base version at the first change, shows the conflict banner and its reload. */
function EditFormHelpers() {
  const state = useContext(EditStateContext);
  const record = useRecordContext();
  const { isDirty } = useFormState();
  const { reset } = useFormContext();
  const { refetch } = useEditContext();
  const version = typeof record?.version === "number" ? record.version : undefined;
  useEffect(() => {
    // Pinned at the first change and kept (a refetch may briefly clear isDirty while it resets the form); cleared
    // only when the user reloads after a conflict. A page left and opened again starts afresh.
    if (state && isDirty && state.pin.baseVersion === undefined) state.pin.baseVersion = version;
  }, [isDirty, version, state]);
  if (!state?.conflict) return null;
  return (
    <ConflictBanner
      message={state.conflict}
      onReload={() => {
        void refetch().then((result) => {
          state.pin.baseVersion = undefined;
          state.clearConflict();
          // The latest version replaces the form's values: the user enters their change again on top of it.
          if (result.data) reset(result.data);
        });
      }}
    />
  );
}

/**
 * The form of an edit page: react-admin's SimpleForm that keeps what the user typed when the record is refetched,
 * pins the version the edit is based on, and shows a conflict above the fields.
 */
export function EditForm({ children, ...props }: SimpleFormProps) {
  return (
    <SimpleForm resetOptions={{ keepDirtyValues: true }} {...props}>
      <EditFormHelpers />
      {children}
    </SimpleForm>
  );
}

/**
 * An edit page as the API wants it: pessimistic (the server validates, its field errors show under the fields),
 * the `version` the edit was based on sent with the update, and a conflict (someone else saved first: 409) explained
 * with the server's message, in a notification and above the form (use {@link EditForm} inside).
 */
export function AppEdit({ children, ...props }: EditProps & { children: ReactNode }) {
  const notify = useNotify();
  const translate = useTranslate();
  const pin = useRef<VersionPin>({}).current;
  const [conflict, setConflict] = useState<string | null>(null);
  return (
    <Edit
      mutationMode="pessimistic"
      redirectOnError={false}
      error={<EditError />}
      mutationOptions={{
        meta: pin,
        onError: (error: unknown) => {
          const status = statusOf(error);
          const message = error instanceof Error && error.message ? error.message : translate("ra.notification.http_error");
          if (status === 409) {
            // The server's own words ("Bản ghi … đã được người khác sửa …"), then what to do next.
            setConflict(`${message} ${translate("eduplan.errors.conflictHint")}`);
            notify(message, { type: "error", autoHideDuration: 20_000 });
            return;
          }
          const fieldErrors = (error as { body?: { errors?: Record<string, unknown> } }).body?.errors;
          if (fieldErrors && Object.keys(fieldErrors).length > 0) return; // shown under the fields
          notify(message, { type: "error" });
        },
      }}
      {...props}
    >
      <EditStateContext.Provider value={{ pin, conflict, clearConflict: () => setConflict(null) }}>{children}</EditStateContext.Provider>
    </Edit>
  );
}

/** A create page whose server-side field errors show under the fields. */
export function AppCreate({ children, ...props }: CreateProps & { children: ReactNode }) {
  return (
    <Create redirect="show" {...props}>
      {children}
    </Create>
  );
}
