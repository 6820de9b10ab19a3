/**
 * The plugins of a running server: which are active, which are enabled for a province, the validation of a form
 * record, and the feeds that turn records into indicator figures on every write.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { fieldErrorsFromZod } from "@eduplan/domain";
import { EduplanError, RESOURCES, ancestorsAtLevels, createRecord, deleteRecord, fieldError, first, nearestAtLevel, onBehalfOf, rows as rawRows, schema as s, updateRecord, validation, withinCondition, type Db, type Principal, type Row, type Tx } from "@eduplan/db";
import { deriveYear, type AnyForm, type AnyPlugin, type FeedDefinition, type FeedResult } from "@eduplan/plugin-sdk";

type Executor = Db | Tx;

export type PluginState = {
  pluginId: string;
  folder: string;
  packageName: string | null;
  version: string;
  status: "active" | "broken";
  error: string | null;
  nameVi: string;
  nameEn: string;
};

export type RecordInput = { pluginId: string; formId: string; localityId: number; year?: number | null; data: unknown };
export type PreparedRecord = { pluginId: string; formId: string; localityId: number; year: number; data: Record<string, unknown> };
export type LocalityYear = { localityId: number; year: number };

/** The note on a figure written by a feed: it identifies the figures a feed owns (and may replace or remove). */
export const feedNote = (pluginId: string, feedId: string) => `plugin:${pluginId}/${feedId} — số liệu tính tự động từ biểu mẫu của plugin (computed from the plugin's form records)`;
const isFeedNote = (note: unknown, pluginId: string, feedId: string) => typeof note === "string" && note.startsWith(`plugin:${pluginId}/${feedId} `);

const forbidden = (en: string, vi: string) => new EduplanError("forbidden", { en, vi });

export class PluginRuntime {

  constructor(
    readonly db: Db,
    /** Active plugins by id, in dependency order. */
    readonly active: ReadonlyMap<string, AnyPlugin>,
    /** Every plugin found, active or broken. */
    readonly states: readonly PluginState[],
  ) {
  }

  isActive(pluginId: string): boolean {
    return this.active.has(pluginId);
  }

  plugin(pluginId: string): AnyPlugin | undefined {
    return this.active.get(pluginId);
  }

  form(pluginId: string, formId: string): AnyForm | undefined {
    return this.active.get(pluginId)?.forms?.[formId];
  }

  /** The province a locality lies in (itself when it is one); null above provinces. */
  provinceOf(db: Executor, localityId: number): Promise<number | null> {
    return nearestAtLevel(db, localityId, ["province"]);
  }

  /** Active plugins enabled for a province. */
  async enabledIn(db: Executor, provinceId: number | null): Promise<string[]> {
    if (provinceId === null) return [];
    const rows = await db
      .select({ pluginId: s.localityPlugins.pluginId })
      .from(s.localityPlugins)
      .where(and(eq(s.localityPlugins.localityId, provinceId), eq(s.localityPlugins.enabled, true)));
    const enabled = new Set(rows.map((r) => r.pluginId));
    return [...this.active.keys()].filter((id) => enabled.has(id));
  }

  /** Active plugins enabled for the province of a locality. */
  async enabledForLocality(db: Executor, localityId: number): Promise<string[]> {
    return this.enabledIn(db, await this.provinceOf(db, localityId));
  }

  async isEnabledFor(db: Executor, pluginId: string, localityId: number): Promise<boolean> {
    return (await this.enabledForLocality(db, localityId)).includes(pluginId);
  }

  /** The plugin's settings for a province, defaults applied (invalid stored settings fall back to the defaults). */
  async settingsFor(db: Executor, pluginId: string, provinceId: number | null): Promise<Record<string, unknown>> {
    const schema = this.active.get(pluginId)?.settings as z.ZodObject | undefined;
    if (!schema) return {};
    const row =
      provinceId === null
        ? undefined
        : await first(db.select().from(s.localityPlugins).where(and(eq(s.localityPlugins.localityId, provinceId), eq(s.localityPlugins.pluginId, pluginId))));
    const parsed = schema.safeParse(row?.settings ?? {});
    return (parsed.success ? parsed.data : schema.parse({})) as Record<string, unknown>;
  }

  /**
   * Validate a record of a form: the plugin active and enabled for the locality's province (else FORBIDDEN), the
   * locality at one of the form's levels, `data` by the form's zod schema (errors at `data.<field>`), the year derived.
   */
  async prepareRecord(db: Executor, input: RecordInput): Promise<PreparedRecord> {
    const plugin = this.active.get(input.pluginId);
    if (!plugin) throw validation([fieldError("pluginId", `no active plugin '${input.pluginId}'`, `Không có plugin '${input.pluginId}' đang hoạt động`)]);
    const form = plugin.forms?.[input.formId];
    if (!form) throw validation([fieldError("formId", `plugin ${plugin.id} has no form '${input.formId}'`, `Plugin ${plugin.id} không có biểu mẫu '${input.formId}'`)]);
    const locality = await first(db.select({ id: s.localities.id, levelCode: s.localities.levelCode }).from(s.localities).where(eq(s.localities.id, input.localityId)));
    if (!locality) throw validation([fieldError("localityId", `unknown locality #${input.localityId}`, `Địa bàn #${input.localityId} không tồn tại`)]);
    if (!(await this.isEnabledFor(db, plugin.id, locality.id)))
      throw forbidden(
        `The plugin ${plugin.name.en} is not enabled for this province.`,
        `Plugin ${plugin.name.vi} chưa được bật cho tỉnh này.`,
      );
    if (!form.levels.includes(locality.levelCode))
      throw validation([
        fieldError("localityId", `records of '${form.name.en}' belong to a locality of level ${form.levels.join(" or ")}, not ${locality.levelCode}`, `Biểu mẫu '${form.name.vi}' chỉ dành cho địa bàn cấp ${form.levels.join(" hoặc ")}`),
      ]);
    const parsed = form.schema.safeParse(input.data ?? {});
    if (!parsed.success) throw validation(fieldErrorsFromZod(parsed.error, ["data"]));
    const data = parsed.data as Record<string, unknown>;
    const year = deriveYear(form.year, data, input.year ?? null);
    if (year === null || year < 1945 || year > 2100)
      throw validation([
        form.year.from === "input"
          ? fieldError("year", "give the year of the record", "Cần nhập năm của bản ghi")
          : fieldError(`data.${form.year.field}`, "the year cannot be derived from this field", "Không xác định được năm từ trường này"),
      ]);
    return { pluginId: plugin.id, formId: form.id, localityId: locality.id, year, data };
  }

  /** The feeds of a plugin that read a form. */
  feedsOf(pluginId: string, formId: string): FeedDefinition<Record<string, AnyForm>, unknown>[] {
    const plugin = this.active.get(pluginId);
    return ((plugin?.feeds ?? []) as FeedDefinition<Record<string, AnyForm>, unknown>[]).filter((f) => f.forms.includes(formId));
  }

  /**
   * Recompute, in the caller's transaction, every figure fed by the form's records for these (locality, year) pairs,
   * and write it into `indicator_values` through its repository (rollups kept current, audited as `actor`).
   */
  async recompute(tx: Tx, actor: Principal, pluginId: string, formId: string, pairs: LocalityYear[]): Promise<void> {
    const feeds = this.feedsOf(pluginId, formId);
    if (!feeds.length) return;
    const seen = new Set<string>();
    for (const pair of pairs)
      for (const feed of feeds)
        for (const target of await this.targetsOf(tx, feed, pair.localityId)) {
          const key = `${feed.id}|${target.id}|${pair.year}`;
          if (seen.has(key)) continue;
          seen.add(key);
          await this.runFeed(tx, actor, pluginId, feed, target, pair.year);
        }
  }

  /** Recompute every figure the plugin feeds from the records within a locality (a province whose settings changed). */
  async recomputeWithin(tx: Tx, actor: Principal, pluginId: string, rootId: number): Promise<void> {
    const groups = await rawRows<{ formId: string; localityId: number; year: number }>(
      tx,
      sql`select distinct form_id as formId, locality_id as localityId, year from plugin_records
          where plugin_id = ${pluginId} and ${withinCondition(sql`locality_id`, rootId)}`,
    );
    for (const g of groups) await this.recompute(tx, actor, pluginId, g.formId, [{ localityId: g.localityId, year: g.year }]);
  }

  private async targetsOf(tx: Tx, feed: FeedDefinition<Record<string, AnyForm>, unknown>, localityId: number): Promise<{ id: number; code: string; levelCode: string; nameVi: string }[]> {
    const at = feed.at ?? "record";
    if (at === "record") return tx.select().from(s.localities).where(eq(s.localities.id, localityId));
    return ancestorsAtLevels(tx, localityId, at.levels);
  }

  private async runFeed(tx: Tx, actor: Principal, pluginId: string, feed: FeedDefinition<Record<string, AnyForm>, unknown>, target: { id: number; code: string; levelCode: string; nameVi: string }, year: number) {
    // A feed's figure may lie above the author's area (a province total from a school's record): written on their behalf.
    const feeder = onBehalfOf(actor);
    const indicator = await first(tx.select().from(s.indicators).where(eq(s.indicators.code, feed.indicator)));
    if (!indicator) throw new Error(`plugin ${pluginId}: feed ${feed.id} feeds unknown indicator ${feed.indicator}`);
    const rows = await tx
      .select()
      .from(s.pluginRecords)
      .where(
        and(
          eq(s.pluginRecords.pluginId, pluginId),
          inArray(s.pluginRecords.formId, [...feed.forms]),
          eq(s.pluginRecords.year, year),
          withinCondition(s.pluginRecords.localityId, target.id),
        ),
      )
      .orderBy(s.pluginRecords.id);
    let result: FeedResult = null;
    if (rows.length) {
      const records = Object.fromEntries(feed.forms.map((f) => [f, rows.filter((r) => r.formId === f).map((r) => ({ id: r.id, localityId: r.localityId, year: r.year, data: r.data }))]));
      const settings = await this.settingsFor(tx, pluginId, await this.provinceOf(tx, target.id));
      result = await feed.compute({
        year,
        locality: { id: target.id, code: target.code, levelCode: target.levelCode, nameVi: target.nameVi },
        records: records as never,
        settings,
        db: tx as never,
      });
    }
    const existing = (await first(
      tx
        .select()
        .from(s.indicatorValues)
        .where(and(eq(s.indicatorValues.indicatorId, indicator.id), eq(s.indicatorValues.year, year), eq(s.indicatorValues.localityId, target.id))),
    )) as Row | undefined;
    const note = feedNote(pluginId, feed.id);
    if (result === null) {
      if (existing && isFeedNote(existing.noteVi, pluginId, feed.id)) await deleteRecord(tx, RESOURCES.indicatorValues, existing.id, existing.version, feeder);
      return;
    }
    // A figure entered by hand or taken from an approved report is not overwritten by a feed.
    if (existing && !isFeedNote(existing.noteVi, pluginId, feed.id)) return;
    const figure =
      "value" in result
        ? { numerator: null, denominator: null, value: result.value }
        : { numerator: result.numerator, denominator: result.denominator, value: null };
    if (!existing) {
      await createRecord(tx, RESOURCES.indicatorValues, { localityId: target.id, indicatorId: indicator.id, year, ...figure, noteVi: note }, feeder);
      return;
    }
    if (existing.numerator === figure.numerator && existing.denominator === figure.denominator && ("value" in result ? existing.value === result.value : true)) return;
    await updateRecord(tx, RESOURCES.indicatorValues, existing.id, figure, existing.version, feeder);
  }
}
