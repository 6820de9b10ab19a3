/**
 * Plugins in the API:
 * - `plugins.<id>.*`: each installed plugin's own procedures (typed, from the generated registry);
 * - `pluginRecords`: the records of plugin forms, by the resource conventions. Writes are validated by the form's zod
 *   schema, refused where the plugin is disabled, and recompute the plugin's feeds (figures in `indicator_values`)
 *   in the same transaction; reads hide the records of plugins disabled for the user's province (kept, not deleted);
 * - `pluginSettings`: which plugins a province has enabled, with its settings (writes: administrators only), the
 *   plugins installed on the server, and the plugins enabled for the user (`mine`, for the console's menus);
 * - the hooks that hide a disabled plugin's indicators from `indicators`.
 */
import { z } from "zod";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { AnyRouter } from "@trpc/server";
import { EduplanError, RESOURCES, fieldError, notFound, recordAudit, schema as s, validation, type Row, type Tx } from "@eduplan/db";
import { CodeSchema, fieldErrorsFromZod, VersionSchema, YearSchema } from "@eduplan/domain";
import { describeFields } from "@eduplan/plugin-sdk";
import type { PluginRuntime, RecordInput } from "@eduplan/plugin-host";
import type { SessionUser } from "../auth/session.js";
import type { Context } from "../context.js";
import { forbidden, isEduplanError } from "../errors.js";
import { DeleteInput, IdInput, IdsInput } from "../inputs.js";
import { PLUGIN_REGISTRY } from "../plugins.generated.js";
import { policyOf } from "../policy.js";
import { assertReadable, assertWritable, scopeRootOf } from "../scope.js";
import { authedProcedure, router } from "../trpc.js";
import { resourceRouter, type ResourceHooks } from "./resource.js";

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
export function visiblePlugins(ctx: AuthedContext): string[] {
  const runtime = ctx.services.plugins;
  if (scopeRootOf(ctx.user) === null) return [...runtime.active.keys()];
  return runtime.enabledForLocality(ctx.db, ctx.user.localityId!);
}

function intersect(requested: unknown, allowed: (string | number)[]): (string | number)[] {
  if (requested === undefined || requested === null || requested === "") return allowed;
  const asked = Array.isArray(requested) ? requested : [requested];
  return allowed.filter((a) => asked.some((r) => String(r) === String(a)));
}

/** `indicators`: a scoped user does not see the indicators of plugins their province has not enabled. */
export const indicatorHooks: ResourceHooks = {
  restrictFilter(ctx, filter) {
    if (scopeRootOf(ctx.user) === null) return filter;
    const visible = visiblePlugins(ctx);
    const ids = ctx.db
      .select({ id: s.indicators.id })
      .from(s.indicators)
      .where(visible.length ? or(isNull(s.indicators.pluginId), inArray(s.indicators.pluginId, visible)) : isNull(s.indicators.pluginId))
      .all()
      .map((r) => r.id);
    return { ...filter, id: intersect(filter.id, ids) };
  },
  assertVisible(ctx, row) {
    const pluginId = row.pluginId as string | null;
    if (pluginId && scopeRootOf(ctx.user) !== null && !visiblePlugins(ctx).includes(pluginId)) throw pluginDisabled(pluginId);
  },
};

const pluginDisabled = (pluginId: string) =>
  forbidden(`The plugin ${pluginId} is not enabled for your province.`, `Plugin ${pluginId} chưa được bật cho tỉnh của bạn.`);

const recordHooks: ResourceHooks = {
  restrictFilter(ctx, filter) {
    if (scopeRootOf(ctx.user) === null) return filter;
    return { ...filter, pluginId: intersect(filter.pluginId, visiblePlugins(ctx)) };
  },
  assertVisible(ctx, row) {
    if (scopeRootOf(ctx.user) !== null && !visiblePlugins(ctx).includes(row.pluginId as string)) throw pluginDisabled(row.pluginId as string);
  },
};

// ── pluginRecords ───────────────────────────────────────────────────────────────────────────────────────────────

const def = RESOURCES.pluginRecords;
const policy = policyOf("pluginRecords");
const actorOf = (user: SessionUser) => ({ userId: user.id, username: user.username });

const writer = authedProcedure.use(({ ctx, next }) => {
  if (!policy.write.includes(ctx.user.role) || (ctx.user.role !== "system_admin" && ctx.user.localityId === null))
    throw forbidden(`Your role (${ctx.user.role}) may not change pluginRecords.`, `Vai trò của bạn không được thay đổi ${def.entityVi}.`);
  return next();
});

/** Field paths of the form's data are relative to the record (`data.date`); on the wire the input wraps it in `data`. */
function prepare(runtime: PluginRuntime, tx: Tx, input: RecordInput) {
  try {
    return runtime.prepareRecord(tx, input);
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

/** A stored record the user may see, of a plugin enabled for its province: the start of every change to one. */
function existingRecord(tx: Tx, ctx: AuthedContext, id: number) {
  const runtime = ctx.services.plugins;
  const repo = ctx.services.repository(def);
  const existing = repo.readInTx(tx, id);
  if (!existing) throw notFound(def.entityVi, id);
  assertReadable(tx, ctx.user, def, existing);
  if (!runtime.isEnabledFor(tx, existing.pluginId as string, existing.localityId as number)) throw pluginDisabled(existing.pluginId as string);
  return { runtime, repo, existing };
}

function updateRecord(tx: Tx, ctx: AuthedContext, id: number, patch: Partial<z.infer<typeof RecordData>>, version: number | null): Row {
  const { runtime, repo, existing } = existingRecord(tx, ctx, id);
  const prepared = prepare(runtime, tx, {
    pluginId: existing.pluginId as string,
    formId: existing.formId as string,
    localityId: patch.localityId ?? (existing.localityId as number),
    year: patch.year ?? (existing.year as number),
    data: patch.data ?? existing.data,
  });
  assertWritable(tx, ctx.user, def, prepared);
  const row = repo.updateInTx(tx, id, prepared, version, actorOf(ctx.user));
  runtime.recompute(tx, actorOf(ctx.user), prepared.pluginId, prepared.formId, [
    { localityId: existing.localityId as number, year: existing.year as number },
    { localityId: prepared.localityId, year: prepared.year },
  ]);
  return row;
}

function deleteRecord(tx: Tx, ctx: AuthedContext, id: number, version: number | null): Row {
  const { runtime, repo, existing } = existingRecord(tx, ctx, id);
  const row = repo.deleteInTx(tx, id, version, actorOf(ctx.user));
  runtime.recompute(tx, actorOf(ctx.user), existing.pluginId as string, existing.formId as string, [{ localityId: existing.localityId as number, year: existing.year as number }]);
  return row;
}

const readers = resourceRouter(def, policy, recordHooks)._def.record;

export const pluginRecordsRouter = router({
  list: readers.list,
  getOne: readers.getOne,
  getMany: readers.getMany,
  getManyReference: readers.getManyReference,

  create: writer.input(z.object({ data: RecordData })).mutation(async ({ ctx, input }): Promise<{ data: Row }> => ({
    data: ctx.db.transaction((tx) => {
      const runtime = ctx.services.plugins;
      assertWritable(tx, ctx.user, def, { localityId: input.data.localityId }); // the user's area first, then the data
      const prepared = prepare(runtime, tx, input.data);
      const row = ctx.services.repository(def).createInTx(tx, prepared, actorOf(ctx.user));
      runtime.recompute(tx, actorOf(ctx.user), prepared.pluginId, prepared.formId, [{ localityId: prepared.localityId, year: prepared.year }]);
      return row;
    }),
  })),

  update: writer
    .input(z.object({ id: IdInput, version: VersionSchema, data: RecordData.pick({ localityId: true, year: true, data: true }).partial() }))
    .mutation(async ({ ctx, input }): Promise<{ data: Row }> => ({ data: ctx.db.transaction((tx) => updateRecord(tx, ctx, input.id, input.data, input.version)) })),

  updateMany: writer
    .input(z.object({ ids: IdsInput.shape.ids, data: RecordData.pick({ localityId: true, year: true, data: true }).partial() }))
    .mutation(async ({ ctx, input }): Promise<{ data: number[] }> => ({
      data: ctx.db.transaction((tx) => [...new Set(input.ids)].map((id) => updateRecord(tx, ctx, id, input.data, null).id)),
    })),

  delete: writer.input(DeleteInput).mutation(async ({ ctx, input }): Promise<{ data: Row }> => ({
    data: ctx.db.transaction((tx) => deleteRecord(tx, ctx, input.id, input.version ?? null)),
  })),

  deleteMany: writer.input(IdsInput).mutation(async ({ ctx, input }): Promise<{ data: number[] }> => ({
    data: ctx.db.transaction((tx) => [...new Set(input.ids)].map((id) => deleteRecord(tx, ctx, id, null).id)),
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

function settingRows(ctx: AuthedContext, provinceIds: number[] | null): PluginSettingRow[] {
  const runtime = ctx.services.plugins;
  const provinces = ctx.db
    .select({ id: s.localities.id, code: s.localities.code, nameVi: s.localities.nameVi })
    .from(s.localities)
    .where(provinceIds === null ? eq(s.localities.levelCode, "province") : and(eq(s.localities.levelCode, "province"), inArray(s.localities.id, provinceIds.length ? provinceIds : [-1])))
    .orderBy(s.localities.code)
    .all();
  const stored = provinces.length
    ? ctx.db.select().from(s.localityPlugins).where(inArray(s.localityPlugins.localityId, provinces.map((p) => p.id))).all()
    : [];
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
        settings: runtime.settingsFor(ctx.db, pluginId, province.id),
        updatedAt: row?.updatedAt || null,
      });
    }
  return rows;
}

export const pluginSettingsRouter = router({
  /** Every plugin found at start-up: version, state (`active` or `broken`) and, for a broken one, why. */
  installed: authedProcedure.query(({ ctx }) => ({ data: ctx.services.plugins.states.map((p) => ({ ...p })) })),

  /** The plugins enabled for the user's province (all active plugins for administrators), with their forms. */
  mine: authedProcedure.query(({ ctx }) => {
    const runtime = ctx.services.plugins;
    const provinceId = scopeRootOf(ctx.user) === null ? null : runtime.provinceOf(ctx.db, ctx.user.localityId!);
    const enabled = visiblePlugins(ctx);
    return {
      provinceId,
      enabled,
      plugins: enabled.map((id) => ({ ...describePlugin(runtime, id), settings: runtime.settingsFor(ctx.db, id, provinceId) })),
    };
  }),

  /** Plugins per province: every province × active plugin (administrators; others read theirs with `mine`). */
  list: admin.input(z.object({ filter: z.object({ localityId: IdInput.optional(), pluginId: CodeSchema.optional() }).optional() }).optional()).query(({ ctx, input }) => {
    const wanted = input?.filter?.localityId;
    const data = settingRows(ctx, wanted === undefined ? null : [wanted]).filter((r) => !input?.filter?.pluginId || r.pluginId === input.filter.pluginId);
    return { data, total: data.length };
  }),

  /**
   * Enable or disable a plugin for a province, or change its settings (administrators). Disabling never deletes
   * anything: the plugin's records, tables and figures are kept and come back when it is enabled again.
   */
  update: admin
    .input(z.object({ localityId: IdInput, pluginId: CodeSchema, enabled: z.boolean().optional(), settings: z.record(z.string(), z.unknown()).optional() }))
    .mutation(({ ctx, input }): { data: PluginSettingRow } => {
      const runtime = ctx.services.plugins;
      const plugin = runtime.plugin(input.pluginId);
      if (!plugin) throw validation([fieldError("pluginId", `no active plugin '${input.pluginId}'`, `Không có plugin '${input.pluginId}' đang hoạt động`)]);
      const province = ctx.db.select().from(s.localities).where(eq(s.localities.id, input.localityId)).get();
      if (!province) throw notFound("địa bàn", input.localityId);
      if (province.levelCode !== "province")
        throw validation([fieldError("localityId", "plugins are enabled per province", "Plugin được bật, tắt theo tỉnh")]);
      let settings: Record<string, unknown> | undefined;
      if (input.settings !== undefined) {
        const schema = plugin.settings as z.ZodObject | undefined;
        const parsed = schema ? schema.safeParse(input.settings) : { success: true as const, data: {} };
        if (!parsed.success) throw validation(fieldErrorsFromZod(parsed.error, ["settings"]));
        settings = parsed.data as Record<string, unknown>;
      }
      ctx.db.transaction((tx) => {
        const before = tx.select().from(s.localityPlugins).where(and(eq(s.localityPlugins.localityId, province.id), eq(s.localityPlugins.pluginId, plugin.id))).get() ?? null;
        const now = new Date().toISOString();
        const values = { enabled: input.enabled ?? before?.enabled ?? false, settings: settings ?? before?.settings ?? {}, updatedAt: now };
        tx.insert(s.localityPlugins)
          .values({ localityId: province.id, pluginId: plugin.id, ...values })
          .onConflictDoUpdate({ target: [s.localityPlugins.localityId, s.localityPlugins.pluginId], set: values })
          .run();
        const after = tx.select().from(s.localityPlugins).where(and(eq(s.localityPlugins.localityId, province.id), eq(s.localityPlugins.pluginId, plugin.id))).get();
        recordAudit(tx, actorOf(ctx.user), "update", "pluginSettings", null, before, after, province.id);
        // New settings may change the figures (which sites count…): recompute the province's, while enabled.
        if (settings !== undefined && after?.enabled) runtime.recomputeWithin(tx, actorOf(ctx.user), plugin.id, province.id);
      });
      return { data: settingRows(ctx, [province.id]).find((r) => r.pluginId === plugin.id)! };
    }),
});
