import { lazy, Suspense } from "react";
import { TextField } from "@mui/material";
import type { SxProps, Theme } from "@mui/material/styles";
import { InputHelperText, useInput, useTranslateLabel, type TextInputProps, type Validator } from "react-admin";
import { useUiLocale } from "./locale";

/*
 * Every date input of the console: the MUI X date picker (calendar and typed date) in the user's language —
 * dd/mm/yyyy in Vietnamese, whatever the browser's locale (a native date input follows the browser and shows
 * mm/dd/yyyy on an English system), and the British day-first form in English. The form holds the ISO date
 * ("2025-09-21"). The pickers (with dayjs) load on the first form that has a date, not with the first page.
 */
const DatePickerField = lazy(() => import("./datePicker"));

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;

/** "2025-09-21" → "21/09/2025"; anything else as it is (what the officer is typing). */
export function isoToDayFirst(value: unknown): string {
  if (typeof value !== "string") return "";
  const m = ISO.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** "21/9/2025" → "2025-09-21" when it is a real date; "" → null; otherwise the text itself (the validator says why). */
export function dayFirstToIso(text: unknown): string | null {
  if (typeof text !== "string" || text.trim() === "") return null;
  const m = DAY_FIRST.exec(text);
  if (!m) return text;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return text;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A date that is not a real one ("31/02/2025", or the picker's half-typed date) is refused, naming the field. */
export const validDayFirstDate: Validator = (value: unknown) =>
  value === null || value === undefined || value === "" || (typeof value === "string" && ISO.test(value)) ? undefined : "eduplan.errors.invalidDate";

/** A date field outside react-admin's forms (the province wizard): the same picker, the ISO date in and out. */
export function VnDatePicker(props: { label: string; value: string | null | undefined; onChange: (iso: string | null) => void; error?: boolean; helperText?: React.ReactNode; testId?: string; sx?: SxProps<Theme> }) {
  const { locale } = useUiLocale();
  return (
    <Suspense fallback={<TextField size="small" label={props.label} disabled value="" sx={props.sx} />}>
      <DatePickerField {...props} locale={locale} size="small" />
    </Suspense>
  );
}

/** react-admin's DateInput as a date picker, day first: validated, labelled and reporting errors like any input. */
export function VnDateInput(props: TextInputProps) {
  const { validate, source, label, resource, helperText, disabled, readOnly, sx, fullWidth } = props;
  const validators = [validDayFirstDate, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  const { field, fieldState, isRequired } = useInput({ source, resource, validate: validators });
  const translateLabel = useTranslateLabel();
  const { locale } = useUiLocale();
  const text = typeof label === "string" || label === undefined ? translateLabel({ label, source, resource }) : "";
  const error = (fieldState.isTouched || fieldState.invalid) && !!fieldState.error;
  const helper = error || helperText ? <InputHelperText error={fieldState.error?.message} helperText={helperText} /> : undefined;
  return (
    <Suspense fallback={<TextField size="small" variant="filled" label={text} disabled value="" sx={sx} />}>
      <DatePickerField
        value={typeof field.value === "string" ? field.value : null}
        onChange={(iso) => field.onChange(iso)}
        onBlur={field.onBlur}
        name={field.name}
        locale={locale}
        label={text + (isRequired ? " *" : "")}
        error={error}
        helperText={helper}
        disabled={disabled || readOnly}
        size="small"
        variant="filled"
        fullWidth={fullWidth}
        sx={sx}
        testId={`date-${source}`}
      />
    </Suspense>
  );
}
