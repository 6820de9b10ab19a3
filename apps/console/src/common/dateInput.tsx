import { TextInput, type TextInputProps, type Validator } from "react-admin";

/*
 * A date typed the Vietnamese way, day first ("21/09/2025"), whatever the browser's locale (a native date input
 * follows the browser and shows mm/dd/yyyy on an English system). The form holds the ISO date ("2025-09-21").
 */

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

export const validDayFirstDate: Validator = (value: unknown) =>
  value === null || value === undefined || value === "" || (typeof value === "string" && ISO.test(value)) ? undefined : "eduplan.errors.invalidDate";

/** react-admin's DateInput, day first. */
export function VnDateInput(props: TextInputProps) {
  const { validate, ...rest } = props;
  const validators = [validDayFirstDate, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  return <TextInput {...rest} format={isoToDayFirst} parse={dayFirstToIso} validate={validators} placeholder="dd/mm/yyyy" slotProps={{ htmlInput: { inputMode: "numeric" } }} />;
}
