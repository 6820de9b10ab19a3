/**
 * Forms: data a school or an office records (a field trip, its Chinese classes…). A form is a zod object schema with
 * labels in both languages and UI hints; the console renders it with its generic renderer (no plugin code), the API
 * validates records with it. Forms live in a module of their own (`src/forms.ts`) that both entries import: it holds
 * nothing but zod and data, so it is safe in the browser and on the server.
 */
import { z } from "zod";

export type Bilingual = { vi: string; en: string };

export const WIDGETS = ["text", "textarea", "number", "integer", "boolean", "date", "select", "reference", "schoolYear"] as const;
export type Widget = (typeof WIDGETS)[number];

/** How a field is shown. Everything but `label` is optional: the widget and bounds follow the zod type. */
export type FieldHint = {
  label: Bilingual;
  help?: Bilingual;
  widget?: Widget;
  /** Labels of an enum's values (`{ museum: { vi: "Bảo tàng", en: "Museum" } }`). */
  choices?: Record<string, Bilingual>;
  /** For `reference`: the console resource whose records are the choices, and the field shown. */
  reference?: { resource: string; optionText: string };
  min?: number;
  max?: number;
  unit?: Bilingual;
};

/**
 * How a record's year (the year of the figures it feeds) is derived:
 * - `input`: the record carries it;
 * - `schoolYear`: from a field holding a school year "2025-2026" → the year it ends (2026);
 * - `date`: from a date field: its school year's end when `schoolYearStartMonth` is given (a trip on 2025-10-15 with
 *   start month 9 → 2026), else its calendar year.
 */
export type YearRule = { from: "input" } | { from: "schoolYear"; field: string } | { from: "date"; field: string; schoolYearStartMonth?: number };

export type FormDefinition<S extends z.ZodObject = z.ZodObject> = {
  /** camelCase, unique within the plugin. */
  id: string;
  name: Bilingual;
  description?: Bilingual;
  schema: S;
  /** One hint per field of the schema. */
  fields: { [K in keyof z.infer<S> & string]: FieldHint };
  /** Levels of the localities whose records these are (`["school"]`). */
  levels: readonly string[];
  year: YearRule;
  /** Fields shown as columns of the list (default: the first four). */
  listFields?: readonly (keyof z.infer<S> & string)[];
};

export type AnyForm = FormDefinition<z.ZodObject>;
export type FormRecordData<F> = F extends FormDefinition<infer S> ? z.infer<S> : never;

/** Declare a form. */
export function defineForm<S extends z.ZodObject>(form: FormDefinition<S>): FormDefinition<S> {
  return form;
}

/** School years as the forms write them: "2025-2026". */
export const SchoolYearSchema = z.string().regex(/^(\d{4})-(\d{4})$/, { message: "school year: YYYY-YYYY, e.g. 2025-2026" }).refine(
  (s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1,
  { message: "a school year runs over two consecutive years, e.g. 2025-2026" },
);

/** The school year a date falls in ("2025-10-15", start month 9 → "2025-2026"). */
export function schoolYearOfDate(isoDate: string, startMonth = 9): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const start = month >= startMonth ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** The year of a record's figures under its form's rule; null when it cannot be derived. */
export function deriveYear(rule: YearRule, data: Record<string, unknown>, inputYear?: number | null): number | null {
  switch (rule.from) {
    case "input":
      return typeof inputYear === "number" ? inputYear : null;
    case "schoolYear": {
      const v = data[rule.field];
      const m = typeof v === "string" ? /^(\d{4})-(\d{4})$/.exec(v) : null;
      return m ? Number(m[2]) : null;
    }
    case "date": {
      const v = data[rule.field];
      if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(v)) return null;
      if (rule.schoolYearStartMonth === undefined) return Number(v.slice(0, 4));
      return Number(schoolYearOfDate(v, rule.schoolYearStartMonth).slice(5));
    }
  }
}

/** Recent school years, newest first, for a `schoolYear` select. */
export function schoolYearChoices(now = new Date(), back = 6, ahead = 1): string[] {
  const current = Number(schoolYearOfDate(now.toISOString().slice(0, 10)).slice(0, 4));
  const out: string[] = [];
  for (let y = current + ahead; y >= current - back; y--) out.push(`${y}-${y + 1}`);
  return out;
}

/** A field of a form as a renderer needs it: its kind, whether it is required, its bounds and choices, its hint. */
export type FieldDescription = {
  name: string;
  kind: "string" | "number" | "integer" | "boolean" | "date" | "enum";
  widget: Widget;
  required: boolean;
  defaultValue?: unknown;
  min?: number;
  max?: number;
  maxLength?: number;
  choices?: { id: string; name: Bilingual }[];
  hint: FieldHint;
};

type Def = { type: string; innerType?: z.ZodType; checks?: { _zod: { def: Record<string, unknown> } }[]; entries?: Record<string, string>; format?: string; defaultValue?: unknown };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Unwrap optional/nullable/default layers: the base type, whether a value is required, and the default. */
function unwrap(schema: z.ZodType): { base: z.ZodType; required: boolean; defaultValue?: unknown } {
  let current = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(current);
    if (def.type === "optional" || def.type === "nullable") required = false;
    else if (def.type === "default" || def.type === "prefault") {
      required = false;
      defaultValue = typeof def.defaultValue === "function" ? undefined : def.defaultValue;
    } else if (def.type !== "pipe" && def.type !== "readonly") return { base: current, required, defaultValue };
    const inner = def.innerType ?? (def as { in?: z.ZodType }).in;
    if (!inner) return { base: current, required, defaultValue };
    current = inner;
  }
}

/** Describe each field of a form from its zod schema and hints (the console's generic renderer uses this). */
export function describeFields(form: AnyForm): FieldDescription[] {
  const shape = form.schema.shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([name, schema]) => {
    const hint = (form.fields as Record<string, FieldHint>)[name] ?? { label: { vi: name, en: name } };
    const { base, required, defaultValue } = unwrap(schema);
    const def = defOf(base);
    const out: FieldDescription = { name, kind: "string", widget: "text", required, hint };
    if (defaultValue !== undefined) out.defaultValue = defaultValue;
    for (const check of def.checks ?? []) {
      const c = check._zod.def;
      if (c.check === "greater_than") out.min = Number(c.value);
      if (c.check === "less_than") out.max = Number(c.value);
      if (c.check === "max_length") out.maxLength = Number(c.maximum);
      if (c.check === "number_format" && typeof c.format === "string" && /int/.test(c.format)) out.kind = "integer";
    }
    switch (def.type) {
      case "number":
        if (out.kind !== "integer") out.kind = "number";
        if (def.format && /int/.test(def.format)) out.kind = "integer";
        break;
      case "boolean":
        out.kind = "boolean";
        break;
      case "enum":
        out.kind = "enum";
        out.choices = Object.values(def.entries ?? {}).map((id) => ({ id, name: hint.choices?.[id] ?? { vi: id, en: id } }));
        break;
      case "string":
        if (def.format === "date") out.kind = "date";
        for (const check of def.checks ?? []) if (check._zod.def.format === "date") out.kind = "date";
        break;
    }
    if (hint.min !== undefined) out.min = hint.min;
    if (hint.max !== undefined) out.max = hint.max;
    out.widget =
      hint.widget ??
      (out.kind === "boolean" ? "boolean" : out.kind === "date" ? "date" : out.kind === "enum" ? "select" : out.kind === "integer" ? "integer" : out.kind === "number" ? "number" : "text");
    return out;
  });
}
