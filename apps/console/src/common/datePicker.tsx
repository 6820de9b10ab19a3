/*
 * The MUI X date picker with the console's language: Vietnamese (dayjs "vi", the pickers' viVN texts, dd/mm/yyyy) or
 * English (dayjs "en-gb", dd/mm/yyyy as in Britain, the pickers' English texts). Loaded lazily by `dateInput.tsx`, so
 * the pickers and dayjs stay out of the first page's bundle. The value is an ISO date ("2025-09-21") or null; a date
 * typed but not real (31/02) comes out as INVALID_DATE for the form's validator to name.
 */
import { useEffect, useState } from "react";
import type { SxProps, Theme } from "@mui/material/styles";
import dayjs, { type Dayjs } from "dayjs";
import "dayjs/locale/vi";
import "dayjs/locale/en-gb";
import { LocalizationProvider } from "@mui/x-date-pickers/LocalizationProvider";
import { AdapterDayjs } from "@mui/x-date-pickers/AdapterDayjs";
import { DatePicker } from "@mui/x-date-pickers/DatePicker";
import { viVN, enUS } from "@mui/x-date-pickers/locales";

import { INVALID_DATE } from "./dateValue";

export { INVALID_DATE };
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export type DatePickerFieldProps = {
  value: string | null | undefined;
  onChange: (iso: string | null) => void;
  onBlur?: () => void;
  locale: "vi" | "en";
  label: string;
  required?: boolean;
  error?: boolean;
  helperText?: React.ReactNode;
  disabled?: boolean;
  name?: string;
  testId?: string;
  fullWidth?: boolean;
  size?: "small" | "medium";
  /** "filled" in react-admin forms (like their other inputs), "outlined" elsewhere. */
  variant?: "filled" | "outlined";
  sx?: SxProps<Theme>;
};

const toDayjs = (iso: string | null | undefined): Dayjs | null => (typeof iso === "string" && ISO.test(iso) ? dayjs(iso, "YYYY-MM-DD") : null);

export default function DatePickerField(props: DatePickerFieldProps) {
  const { value, onChange, locale } = props;
  // What the picker shows: follows the form's value, and keeps a date being typed (not yet whole) as it is.
  const [shown, setShown] = useState<Dayjs | null>(() => toDayjs(value));
  useEffect(() => {
    if (value === INVALID_DATE) return;
    const next = toDayjs(value);
    setShown((current) => (next === null ? (current?.isValid() === false ? current : null) : current?.isValid() && current.format("YYYY-MM-DD") === value ? current : next));
  }, [value]);
  const texts = (locale === "vi" ? viVN : enUS).components.MuiLocalizationProvider.defaultProps.localeText;
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={locale === "vi" ? "vi" : "en-gb"} localeText={texts}>
      <DatePicker
        label={props.label}
        value={shown}
        disabled={props.disabled}
        onChange={(next) => {
          setShown(next);
          onChange(next === null ? null : next.isValid() ? next.format("YYYY-MM-DD") : INVALID_DATE);
        }}
        slotProps={{
          textField: {
            name: props.name,
            required: props.required,
            error: props.error,
            helperText: props.helperText,
            onBlur: props.onBlur,
            fullWidth: props.fullWidth,
            size: props.size,
            variant: props.variant ?? "outlined",
            sx: props.sx,
            slotProps: props.testId ? { htmlInput: { "data-testid": props.testId } as React.ComponentPropsWithRef<"input"> } : undefined,
          },
          field: { clearable: true },
        }}
      />
    </LocalizationProvider>
  );
}
