import { useEffect, useRef, useState } from "react";
import { InputAdornment, TextField } from "@mui/material";
import { FieldTitle, InputHelperText, useInput, useResourceContext, useTranslate, type InputProps, type Validator } from "react-admin";
import { formatNumber, parseDecimal } from "../format";
import { useUiLocale } from "./locale";

/** Fails on text that is not a number (the decimal input stores NaN for it). */
export const validNumber: Validator = (value: unknown) =>
  typeof value === "number" && Number.isNaN(value) ? "eduplan.errors.invalidNumber" : undefined;

const display = (value: unknown, locale: string) =>
  typeof value === "number" && Number.isFinite(value) ? formatNumber(value, locale, 6).replace(/\s/g, "") : "";

/**
 * A decimal number typed the way officers write it: "48,5" in Vietnamese (a dot groups thousands), "48.5" in
 * English. The form holds a number (null when empty); server-side errors for the field show under it.
 */
export function DecimalInput(props: InputProps & { unit?: string; fullWidth?: boolean }) {
  const { label, source, helperText, unit, fullWidth, validate, ...rest } = props;
  const { locale } = useUiLocale();
  const resource = useResourceContext(props);
  const translate = useTranslate();
  const validators = [validNumber, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  const { field, fieldState, isRequired, id } = useInput({ ...rest, source, validate: validators, parse: (v: unknown) => v, format: (v: unknown) => v });
  const [text, setText] = useState(() => display(field.value, locale));
  const lastParsed = useRef<unknown>(field.value);

  // Follow the form when it changes the value (reset, load, another language): keep what the user is typing otherwise.
  useEffect(() => {
    const same = Object.is(field.value, lastParsed.current) || (field.value == null && lastParsed.current == null);
    if (!same) {
      setText(display(field.value, locale));
      lastParsed.current = field.value;
    }
  }, [field.value, locale]);
  useEffect(() => {
    setText(display(field.value, locale));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale]);

  const error = fieldState.error;
  const invalid = fieldState.invalid;
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        const parsed = parseDecimal(next, locale);
        lastParsed.current = parsed;
        field.onChange(parsed);
      }}
      onBlur={() => {
        field.onBlur();
        if (typeof field.value === "number" && Number.isFinite(field.value)) setText(display(field.value, locale));
      }}
      label={label === false ? undefined : <FieldTitle label={label as string} source={source} resource={resource} isRequired={isRequired} />}
      error={invalid}
      helperText={<InputHelperText error={error?.message} helperText={helperText} />}
      fullWidth={fullWidth}
      size="small"
      margin="dense"
      inputMode="decimal"
      slotProps={{
        input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : undefined,
        htmlInput: { "data-testid": `input-${source}`, "aria-label": translate(typeof label === "string" ? label : `resources.${resource}.fields.${source}`) },
      }}
      sx={{ minWidth: 180 }}
    />
  );
}

export default DecimalInput;
