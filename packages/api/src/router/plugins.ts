/**
 * Plugins in the API:
 * - `plugins.<id>.*`: each installed plugin's own procedures (typed, from the generated registry);
 * - `pluginRecords`: the records of plugin forms, by the resource conventions. Writes are validated by the form's zod
 *   schema, refused where the plugin is disabled, and recompute the plugin's feeds (figures in `indicator_values`)
 *   in the same transaction; reads hide the records of plugins disabled for the user's province (kept, not deleted);
 * - `pluginSettings`: which plugins a province has enabled, with its settings (writes: administrators only), the
 *   plugins installed on the server, and the plugins enabled for the user (`mine`, for the console's menus);
 * The visibility of a disabled plugin's indicators and records is the db's rule (their resource definitions).
 */
import { z } from "zod";
import { and, eq, inArray } from "drizzle-orm";
import type { AnyRouter } from "@trpc/server";
import { EduplanError, RESOURCES, assertWritable, createRecord, deleteRecord, fieldError, getRecord, schema as s, setProvincePlugin, transaction, updateRecord, validation, type Row, type Tx } from "@eduplan/db";
import { CodeSchema, fieldErrorsFromZod, VersionSchema, YearSchema } from "@eduplan/domain";
import { describeFields } from "@eduplan/plugin-sdk";
import type { PluginRuntime, RecordInput } from "@eduplan/plugin-host";
import type { SessionUser } from "../auth/session.js";
import type { Context } from "../context.js";
import { forbidden, isEduplanError } from "../errors.js";
import { DeleteInput, IdInput, VersionedIdsInput, versionedIds } from "../inputs.js";
import { PLUGIN_REGISTRY } from "../plugins.generated.js";
import { principalOf, scopeRootOf } from "../scope.js";
import { authedProcedure, router } from "../trpc.js";
import { readProcedures, requireRole } from "./resource.js";

type AuthedContext = Context & { user: SessionUser };

// ── plugins.<id> ────────────────────────────────────────────────────────────────────────────────────────────────

type Registry = typeof PLUGIN_REGISTRY;
type ProceduresOf<E> = E extends { plugin: { procedures?: infer P } } ? (NonNullable<P> extends AnyRouter ? NonNullable<P> : never) : never;
type PluginRouters = { [K in keyof Registry as ProceduresOf<Registry[K]> extends never ? never : K]: ProceduresOf<Registry[K]> };

/** Each installed plugin's procedures, at `plugins.<id>`. A broken or disabled plugin's procedures refuse every call. */
export const pluginsRouter = router(
  Object.fromEntries(
    Object.entries(PLUGIN_REGISTRY).flatMap(([id, entry]) => {
      const procedures = (entry.plugin as { procedures?: unknown }).procedures;
      return procedures ? [[id, procedures]] : [];
    }),
  ) as PluginRouters,
);

// ── visibility of plugin data per province ──────────────────────────────────────────────────────────────────────

/** Plugins whose data the user sees: all active ones for administrators, else those enabled for their province. */
export async function visiblePlugins(ctx: AuthedContext): Promise<string[]> {
  const runtime = ctx.services.plugins;
  if (scopeRootOf(ctx.user) === null) return [...runtime.active.keys()];
  return runtime.enabledForLocality(ctx.db, ctx.user.localityId!);
}

const pluginDisabled = (pluginId: string) =>
  forbidden(`The plugin ${pluginId} is not enabled for your province.`, `Plugin ${pluginId} chưa được bật cho tỉnh của bạn.`);

// ── pluginRecords ───────────────────────────────────────────────────────────────────────────────────────────────

const def = RESOURCES.pluginRecords;
const writer = requireRole(def, "write");

/** Field paths of the form's data are relative to the record (`data.date`); on the wire the input wraps it in `data`. */
async function prepare(runtime: PluginRuntime, tx: Tx, input: RecordInput) {
  try {
    return await runtime.prepareRecord(tx, input);
  } catch (e) {
    if (isEduplanError(e)) throw new EduplanError(e.reason, e.messages, e.fieldErrors.map((f) => ({ ...f, path: `data.${f.path}` })));
    throw e;
  }
}

const RecordData = z.object({
  pluginId: CodeSchema,
  formId: CodeSchema,
  localityId: IdInput,
  /** Only for forms whose year is entered (`year: { from: "input" }`); otherwise derived from the data. */
  year: YearSchema.optional(),
  data: z.record(z.string(), z.unknown()),
});

/** A stored record the user may see (the db's rules), of a plugin enabled for its province: the start of every change. */
async function existingRecord(tx: Tx, ctx: AuthedContext, id: number) {
  const runtime = ctx.services.plugins;
  const existing = await getRecord(tx, def, id, principalOf(ctx.user));
  if (!(await runtime.isEnabledFor(tx, existing.pluginId as string, existing.localityId as number))) throw pluginDisabled(existing.pluginId as string);
  return { runtime, existing };
}

async function updateOne(tx: Tx, ctx: AuthedContext, id: number, patch: Partial<z.infer<typeof RecordData>>, version: number): Promise<Row> {
  const { runtime, existing } = await existingRecord(tx, ctx, id);
  const principal = principalOf(ctx.user);
  const prepared = await prepare(runtime, tx, {
    pluginId: existing.pluginId as string,
    formId: existing.formId as string,
    localityId: patch.localityId ?? (existing.localityId as number),
    year: patch.year ?? (existing.year as number),
    data: patch.data ?? existing.data,
  });
  const row = await updateRecord(tx, def, id, prepared, version, principal);
  await runtime.recompute(tx, principal, prepared.pluginId, prepared.formId, [
    { localityId: existing.localityId as number, year: existing.year as number },
    { localityId: prepared.localityId, year: prepared.year },
  ]);
  return row;
}

async function deleteOne(tx: Tx, ctx: AuthedContext, id: number, version: number): Promise<Row> {
  const { runtime, existing } = await existingRecord(tx, ctx, id);
  const principal = principalOf(ctx.user);
  const row = await deleteRecord(tx, def, id, version, principal);
  await runtime.recompute(tx, principal, existing.pluginId as string, existing.formId as string, [{ localityId: existing.localityId as number, year: existing.year as number }]);
  return row;
}

const RecordPatch = RecordData.pick({ localityId: true, year: true, data: true }).partial();

export const pluginRecordsRouter = router({
  ...readProcedures(def),

  create: writer.input(z.object({ data: RecordData })).mutation(async ({ ctx, input }): Promise<{ data: Row }> => ({
    data: await transaction(ctx.db, async (tx) => {
      const runtime = ctx.services.plugins;
      const principal = principalOf(ctx.user);
      await assertWritable(tx, def, principal, { localityId: input.data.localityId }); // the user's area first, then the data
      const prepared = await prepare(runtime, tx, input.data);
      const row = await createRecord(tx, def, prepared, principal);
      await runtime.recompute(tx, principal, prepared.pluginId, prepared.formId, [{ localityId: prepared.localityId, year: prepared.year }]);
      return row;
    }),
  })),

  update: writer
    .input(z.object({ id: IdInput, version: VersionSchema, data: RecordPatch }))
    .mutation(async ({ ctx, input }): Promise<{ data: Row }> => ({ data: await transaction(ctx.db, (tx) => updateOne(tx, ctx, input.id, input.data, input.version)) })),

  updateMany: writer
    .input(z.intersection(VersionedIdsInput, z.object({ data: RecordPatch })))
    .mutation(async ({ ctx, input }): Promise<{ data: number[] }> => ({
      data: await transaction(ctx.db, async (tx) => {
        const ids: number[] = [];
        for (const { id, version } of versionedIds(input)) ids.push((await updateOne(tx, ctx, id, input.data, version)).id);
        return ids;
      }),
    })),

  delete: writer.input(DeleteInput).mutation(async ({ ctx, input }): Promise<{ data: Row }> => ({
    data: await transaction(ctx.db, (tx) => deleteOne(tx, ctx, input.id, input.version)),
  })),

  deleteMany: writer.input(VersionedIdsInput).mutation(async ({ ctx, input }): Promise<{ data: number[] }> => ({
    data: await transaction(ctx.db, async (tx) => {
      const ids: number[] = [];
      for (const { id, version } of versionedIds(input)) ids.push((await deleteOne(tx, ctx, id, version)).id);
      return ids;
    }),
  })),
});

// ── pluginSettings ──────────────────────────────────────────────────────────────────────────────────────────────

const admin = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "system_admin") throw forbidden("Only system administrators manage plugins per province.", "Chỉ quản trị hệ thống được quản lý plugin của các tỉnh.");
  return next();
});

function describePlugin(runtime: PluginRuntime, pluginId: string) {
  const plugin = runtime.plugin(pluginId)!;
  return {
    pluginId,
    version: plugin.version,
    nameVi: plugin.name.vi,
    nameEn: plugin.name.en,
    descriptionVi: plugin.description?.vi ?? null,
    descriptionEn: plugin.description?.en ?? null,
    forms: Object.values(plugin.forms ?? {}).map((f) => ({
      id: f.id,
      nameVi: f.name.vi,
      nameEn: f.name.en,
      levels: [...f.levels],
      yearRule: f.year,
      fields: describeFields(f).map(({ hint, ...field }) => ({ ...field, labelVi: hint.label.vi, labelEn: hint.label.en })),
    })),
    indicators: (plugin.indicators ?? []).map((i) => i.code),
  };
}

export type PluginSettingRow = {
  id: string;
  localityId: number;
  localityCode: string;
  localityNameVi: string;
  pluginId: string;
  pluginNameVi: string;
  pluginNameEn: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  updatedAt: string | null;
};

async function settingRows(ctx: AuthedContext, provinceIds: number[] | null): Promise<PluginSettingRow[]> {
  const runtime = ctx.services.plugins;
  const provinces = await ctx.db
    .select({ id: s.localities.id, code: s.localities.code, nameVi: s.localities.nameVi })
    .from(s.localities)
    .where(provinceIds === null ? eq(s.localities.levelCode, "province") : and(eq(s.localities.levelCode, "province"), inArray(s.localities.id, provinceIds.length ? provinceIds : [-1])))
    .orderBy(s.localities.code);
  const stored = provinces.length ? await ctx.db.select().from(s.localityPlugins).where(inArray(s.localityPlugins.localityId, provinces.map((p) => p.id))) : [];
  const rows: PluginSettingRow[] = [];
  for (const province of provinces)
    for (const pluginId of runtime.active.keys()) {
      const row = stored.find((r) => r.localityId === province.id && r.pluginId === pluginId);
      const plugin = runtime.plugin(pluginId)!;
      rows.push({
        id: `${province.id}:${pluginId}`,
        localityId: province.id,
        localityCode: province.code,
        localityNameVi: province.nameVi,
        pluginId,
        pluginNameVi: plugin.name.vi,
        pluginNameEn: plugin.name.en,
        enabled: row?.enabled ?? false,
        settings: await runtime.settingsFor(ctx.db, pluginId, province.id),
        updatedAt: row?.updatedAt || null,
      });
    }
  return rows;
}

export const pluginSettingsRouter = router({
  /** Every plugin found at start-up: version, state (`active` or `broken`) and, for a broken one, why. */
  installed: authedProcedure.query(({ ctx }) => ({ data: ctx.services.plugins.states.map((p) => ({ ...p })) })),

  /** The plugins enabled for the user's province (all active plugins for administrators), with their forms. */
  mine: authedProcedure.query(async ({ ctx }) => {
    const runtime = ctx.services.plugins;
    const provinceId = scopeRootOf(ctx.user) === null ? null : await runtime.provinceOf(ctx.db, ctx.user.localityId!);
    const enabled = await visiblePlugins(ctx);
    const plugins = [];
    for (const id of enabled) plugins.push({ ...describePlugin(runtime, id), settings: await runtime.settingsFor(ctx.db, id, provinceId) });
    return { provinceId, enabled, plugins };
  }),

  /** Plugins per province: every province × active plugin (administrators; others read theirs with `mine`). */
  list: admin.input(z.object({ filter: z.object({ localityId: IdInput.optional(), pluginId: CodeSchema.optional() }).optional() }).optional()).query(async ({ ctx, input }) => {
    const wanted = input?.filter?.localityId;
    const data = (await settingRows(ctx, wanted === undefined ? null : [wanted])).filter((r) => !input?.filter?.pluginId || r.pluginId === input.filter.pluginId);
    return { data, total: data.length };
  }),

  /**
   * Enable or disable a plugin for a province, or change its settings (administrators). Disabling never deletes
   * anything: the plugin's records, tables and figures are kept and come back when it is enabled again.
   */
  update: admin
    .input(z.object({ localityId: IdInput, pluginId: CodeSchema, enabled: z.boolean().optional(), settings: z.record(z.string(), z.unknown()).optional() }))
    .mutation(async ({ ctx, input }): Promise<{ data: PluginSettingRow }> => {
      const runtime = ctx.services.plugins;
      const plugin = runtime.plugin(input.pluginId);
      if (!plugin) throw validation([fieldError("pluginId", `no active plugin '${input.pluginId}'`, `Không có plugin '${input.pluginId}' đang hoạt động`)]);
      let settings: Record<string, unknown> | undefined;
      if (input.settings !== undefined) {
        const schema = plugin.settings as z.ZodObject | undefined;
        const parsed = schema ? schema.safeParse(input.settings) : { success: true as const, data: {} };
        if (!parsed.success) throw validation(fieldErrorsFromZod(parsed.error, ["settings"]));
        settings = parsed.data as Record<string, unknown>;
      }
      await transaction(ctx.db, async (tx) => {
        const principal = principalOf(ctx.user);
        const { after } = await setProvincePlugin(tx, input.localityId, plugin.id, { enabled: input.enabled, settings }, principal);
        // New settings may change the figures (which sites count…): recompute the province's, while enabled.
        if (settings !== undefined && after.enabled) await runtime.recomputeWithin(tx, principal, plugin.id, input.localityId);
      });
      return { data: (await settingRows(ctx, [input.localityId])).find((r) => r.pluginId === plugin.id)! };
    }),
});
