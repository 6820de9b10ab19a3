/**
 * Validation of a plugin's declaration, before anything of it is used: its shape (zod), its id against its folder,
 * its core version range against this core, the namespacing of its indicator codes, its forms and feeds, its table
 * names. Every problem is reported, by the plugin's name.
 */
import { existsSync } from "node:fs";
import semver from "semver";
import { z } from "zod";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { IndicatorInputSchema } from "@eduplan/domain";
import { tablePrefixOf, type AnyPlugin } from "@eduplan/plugin-sdk";

/** The version of the plugin contract this core implements; a plugin's `coreVersion` range must contain it. */
export const CORE_VERSION = "0.1.0";

const PLUGIN_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const FORM_ID = /^[a-z][A-Za-z0-9]*$/;

const Bilingual = z.object({ vi: z.string().min(1), en: z.string().min(1) });
const isZodObject = (v: unknown) => v instanceof z.ZodObject || (typeof v === "object" && v !== null && (v as { _zod?: { def?: { type?: string } } })._zod?.def?.type === "object");

const YearRule = z.discriminatedUnion("from", [
  z.object({ from: z.literal("input") }),
  z.object({ from: z.literal("schoolYear"), field: z.string().min(1) }),
  z.object({ from: z.literal("date"), field: z.string().min(1), schoolYearStartMonth: z.number().int().min(1).max(12).optional() }),
]);

const FormSchema = z.object({
  id: z.string().regex(FORM_ID, { message: "form id: camelCase letters and digits" }),
  name: Bilingual,
  schema: z.custom((v) => isZodObject(v), { message: "schema must be a zod object" }),
  fields: z.record(z.string(), z.object({ label: Bilingual }).loose()),
  levels: z.array(z.string().min(1)).min(1),
  year: YearRule,
});

const FeedSchema = z.object({
  id: z.string().min(1),
  indicator: z.string().min(1),
  forms: z.array(z.string()).min(1),
  at: z.union([z.literal("record"), z.object({ levels: z.array(z.string().min(1)).min(1) })]).optional(),
  compute: z.custom((v) => typeof v === "function", { message: "compute must be a function" }),
});

/** The shape every declaration must have. */
export const PluginDeclarationSchema = z.object({
  id: z.string().regex(PLUGIN_ID, { message: "id: kebab-case (lowercase letters, digits, '-')" }),
  version: z.string().refine((v) => semver.valid(v) !== null, { message: "version must be a semver version (1.2.3)" }),
  name: Bilingual,
  coreVersion: z.string().refine((v) => semver.validRange(v) !== null, { message: "coreVersion must be a semver range (^0.1.0)" }),
  dependsOn: z.array(z.string()).optional(),
  indicators: z.array(IndicatorInputSchema.omit({ pluginId: true })).optional(),
  forms: z.record(z.string(), FormSchema).optional(),
  feeds: z.array(FeedSchema).optional(),
  settings: z.custom((v) => v === undefined || isZodObject(v), { message: "settings must be a zod object" }).optional(),
  tables: z.record(z.string(), z.unknown()).optional(),
  migrationsFolder: z.string().optional(),
  procedures: z.unknown().optional(),
});

export type ValidationContext = {
  /** The plugin's folder name under `plugins/` (its registry key). */
  folder: string;
  coreVersion?: string;
};

/** Problems of one declaration taken alone (dependencies are checked across plugins by the loader). */
export function validateDeclaration(candidate: unknown, context: ValidationContext): string[] {
  const parsed = PluginDeclarationSchema.safeParse(candidate);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join(".") || "(declaration)"}: ${i.message}`);
  const plugin = candidate as AnyPlugin;
  const problems: string[] = [];
  const core = context.coreVersion ?? CORE_VERSION;
  if (plugin.id !== context.folder) problems.push(`id '${plugin.id}' must equal its folder name '${context.folder}'`);
  if (!semver.satisfies(core, plugin.coreVersion)) problems.push(`needs core ${plugin.coreVersion}, this is core ${core}`);
  const prefix = `${plugin.id}.`;
  const codes = new Set<string>();
  for (const indicator of plugin.indicators ?? []) {
    if (!indicator.code.startsWith(prefix)) problems.push(`indicator code '${indicator.code}' must start with '${prefix}'`);
    if (codes.has(indicator.code)) problems.push(`indicator code '${indicator.code}' is declared twice`);
    codes.add(indicator.code);
  }
  const forms = plugin.forms ?? {};
  for (const [key, form] of Object.entries(forms)) {
    if (form.id !== key) problems.push(`form '${key}': its id is '${form.id}'`);
    const shape = Object.keys(form.schema.shape);
    for (const field of shape) if (!(field in form.fields)) problems.push(`form '${key}': field '${field}' has no label`);
    for (const field of Object.keys(form.fields)) if (!shape.includes(field)) problems.push(`form '${key}': label for unknown field '${field}'`);
    if (form.year.from !== "input" && !shape.includes(form.year.field)) problems.push(`form '${key}': its year comes from unknown field '${form.year.field}'`);
  }
  const feedIds = new Set<string>();
  for (const feed of plugin.feeds ?? []) {
    if (feedIds.has(feed.id)) problems.push(`feed '${feed.id}' is declared twice`);
    feedIds.add(feed.id);
    for (const f of feed.forms) if (!(f in forms)) problems.push(`feed '${feed.id}' reads unknown form '${f}'`);
  }
  const tablePrefix = tablePrefixOf(plugin.id);
  for (const [key, table] of Object.entries(plugin.tables ?? {})) {
    if (!(table instanceof SQLiteTable)) {
      problems.push(`table '${key}' is not a drizzle sqliteTable`);
      continue;
    }
    const name = getTableConfig(table).name;
    if (!name.startsWith(tablePrefix)) problems.push(`table '${name}' must be prefixed '${tablePrefix}'`);
  }
  if (plugin.tables && Object.keys(plugin.tables).length && !plugin.migrationsFolder) problems.push("declares tables but no migrationsFolder");
  if (plugin.migrationsFolder && !existsSync(plugin.migrationsFolder)) problems.push(`migrations folder not found: ${plugin.migrationsFolder}`);
  if (plugin.settings) {
    const defaults = (plugin.settings as z.ZodObject).safeParse({});
    if (!defaults.success) problems.push(`settings: every setting needs a default (${defaults.error.issues.map((i) => i.path.join(".")).join(", ")})`);
  }
  return problems;
}
