/**
 * The generic renderer of plugin forms: react-admin inputs built from a form's zod schema and hints
 * (`describeFields` of @eduplan/plugin-sdk) — number, integer, date, boolean, enum, reference, school year, text —
 * with no plugin-specific code. Sources are `data.<field>` (a plugin record keeps its form's values in `data`); the
 * API validates again with the same schema and its field errors land on these inputs.
 */
import {
  AutocompleteInput,
  BooleanInput,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  type Validator,
} from "react-admin";
import { VnDateInput as DateInput } from "../common/dateInput";
import { describeFields, schoolYearChoices, type AnyForm, type FieldDescription } from "@eduplan/plugin-sdk";
import { useUiLocale } from "../common/locale";

type Locale = "vi" | "en";

/** An absent optional value is left out (undefined), never sent as "" or null, so the schema's default applies. */
const optional = (v: unknown) => (v === "" || v === null ? undefined : v);

function validatorsOf(field: FieldDescription): Validator[] {
  const validate: Validator[] = [];
  if (field.required && field.kind !== "boolean") validate.push(required());
  if (field.min !== undefined && (field.kind === "number" || field.kind === "integer")) validate.push(minValue(field.min));
  if (field.max !== undefined && (field.kind === "number" || field.kind === "integer")) validate.push(maxValue(field.max));
  return validate;
}

export function PluginFieldInput({ field, locale }: { field: FieldDescription; locale: Locale }) {
  const source = `data.${field.name}`;
  const common = {
    source,
    label: field.hint.label[locale],
    helperText: field.hint.help?.[locale] ?? false,
    validate: validatorsOf(field),
    ...(field.required ? {} : { parse: optional }),
  } as const;
  switch (field.widget) {
    case "boolean":
      return <BooleanInput source={source} label={common.label} helperText={common.helperText} defaultValue={field.defaultValue ?? false} />;
    case "date":
      return <DateInput {...common} />;
    case "integer":
      return <NumberInput {...common} step={1} min={field.min} max={field.max} />;
    case "number":
      return <NumberInput {...common} min={field.min} max={field.max} />;
    case "select":
      return <SelectInput {...common} choices={(field.choices ?? []).map((c) => ({ id: c.id, name: c.name[locale] }))} />;
    case "schoolYear":
      return <SelectInput {...common} choices={schoolYearChoices().map((y) => ({ id: y, name: y }))} />;
    case "reference": {
      const ref = field.hint.reference;
      if (!ref) return <NumberInput {...common} step={1} />;
      return (
        <ReferenceInput source={source} reference={ref.resource}>
          <AutocompleteInput optionText={ref.optionText} label={common.label} helperText={common.helperText} validate={common.validate} />
        </ReferenceInput>
      );
    }
    case "textarea":
      return <TextInput {...common} multiline minRows={2} fullWidth />;
    default:
      return <TextInput {...common} />;
  }
}

/** All the inputs of a form, in the schema's order. */
export function ZodFormInputs({ form }: { form: AnyForm }) {
  const { locale } = useUiLocale();
  return (
    <>
      {describeFields(form).map((field) => (
        <PluginFieldInput key={field.name} field={field} locale={locale} />
      ))}
    </>
  );
}

/** Default values of a new record: the schema's defaults, under `data`. */
export function defaultValuesOf(form: AnyForm): { data: Record<string, unknown> } {
  return { data: Object.fromEntries(describeFields(form).filter((f) => f.defaultValue !== undefined).map((f) => [f.name, f.defaultValue])) };
}
