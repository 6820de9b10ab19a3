/**
 * The server entry of a plugin: `definePlugin({...})`, exported by default from the plugin's `src/server.ts`.
 * Everything here is plain data, zod schemas and pure functions: the host (`@eduplan/plugin-host`) validates the
 * declaration, applies the migrations, upserts the indicators and runs the feeds.
 */
import type { z } from "zod";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type { IndicatorInput } from "@eduplan/domain";
import type { AnyForm, Bilingual, FormRecordData } from "./form.js";

/** An indicator the plugin adds. Its code starts with the plugin id (`geopark-education.field_trip_count`). */
export type PluginIndicator = Omit<IndicatorInput, "pluginId">;

/** What a feed returns for one locality and year: a ratio's parts, a value, or null (no figure: remove it). */
export type FeedResult = { numerator: number; denominator: number } | { value: number } | null;

/** The locality a feed computes a figure for. */
export type FeedLocality = { id: number; code: string; levelCode: string; nameVi: string };

/** A stored record of a form, as a feed sees it. */
export type FeedRecord<D> = { id: number; localityId: number; year: number; data: D };

export type FeedContext<F extends Record<string, AnyForm>, Settings> = {
  year: number;
  locality: FeedLocality;
  /** The records of each form the feed reads, within the locality (and below it) for the year. */
  records: { [K in keyof F]: FeedRecord<FormRecordData<F[K]>>[] };
  /** The plugin's settings for the province the locality belongs to (defaults applied). */
  settings: Settings;
  /**
   * The database inside the write's transaction, to read the plugin's own tables (never to write figures). Await its
   * queries (`await db.select()…`); nothing else slow may happen here (the transaction's rule: no real I/O).
   */
  db: BaseSQLiteDatabase<"async", unknown>;
};

/**
 * Where a feed writes its figure: `"record"` = the locality of the record that changed (a school); `{ levels }` =
 * that locality and each of its ancestors whose level is listed (`["province"]`: the province the school is in).
 */
export type FeedTarget = "record" | { levels: readonly string[] };

/**
 * How records of the plugin's forms feed an indicator (the plugin's own or a core one). Computed in the same
 * transaction as every write of a record of `forms`, and written as a figure into `indicator_values`, so it appears in
 * rollups, progress and reports.
 */
export type FeedDefinition<F extends Record<string, AnyForm>, Settings> = {
  id: string;
  /** Indicator code: one of the plugin's own (namespaced) or a core one (`general.heritage_site_visit_rate`). */
  indicator: string;
  /** The forms whose records it reads (a write to any of them recomputes it). */
  forms: readonly (keyof F & string)[];
  at?: FeedTarget;
  description?: Bilingual;
  /** Pure, or async when it reads the plugin's tables through `ctx.db`. */
  compute(ctx: FeedContext<F, Settings>): FeedResult | Promise<FeedResult>;
};

type AnySettings = z.ZodObject;

export type PluginDefinition<
  F extends Record<string, AnyForm> = Record<string, AnyForm>,
  S extends AnySettings = AnySettings,
  P = unknown,
> = {
  /** kebab-case, equal to the plugin's folder name under `plugins/`. */
  id: string;
  /** semver of the plugin. */
  version: string;
  name: Bilingual;
  description?: Bilingual;
  /** The EduPlan core versions it works with (a semver range, e.g. `^0.1.0`). */
  coreVersion: string;
  /** Ids of plugins it needs. */
  dependsOn?: readonly string[];
  indicators?: readonly PluginIndicator[];
  forms?: F;
  feeds?: readonly FeedDefinition<NoInfer<F>, z.infer<NoInfer<S>>>[];
  /** Settings per province (zod object; every field should have a default). */
  settings?: S;
  /**
   * The plugin's own tables (drizzle `sqliteTable`s): names start with the id, `-` → `_`
   * (`geopark_education_sites`). Created by the migrations of `migrationsFolder` (drizzle-kit output).
   */
  tables?: Record<string, unknown>;
  /** Absolute path of the plugin's drizzle-kit migrations folder. */
  migrationsFolder?: string;
  /** tRPC procedures, mounted at `plugins.<id>` (a router built with `@eduplan/api-core`'s `pluginProcedures`). */
  procedures?: P;
};

export type AnyPlugin = PluginDefinition<Record<string, AnyForm>, AnySettings, unknown>;

/** Declare a plugin (the default export of `src/server.ts`). Returns the declaration, typed. */
export function definePlugin<const F extends Record<string, AnyForm> = {}, S extends AnySettings = z.ZodObject<{}>, P = undefined>(
  definition: PluginDefinition<F, S, P>,
): PluginDefinition<F, S, P> {
  return definition;
}

/** The prefix of a plugin's table names: `geopark-education` → `geopark_education_`. */
export function tablePrefixOf(pluginId: string): string {
  return `${pluginId.replace(/-/g, "_")}_`;
}

/** A ratio, or null when the denominator is 0 (no figure rather than a division by zero). */
export function ratio(numerator: number, denominator: number): FeedResult {
  return denominator > 0 ? { numerator: Math.min(numerator, denominator), denominator } : null;
}

/** A sum of a field over records (non-numbers count as 0). */
export function sumOf<D>(records: readonly FeedRecord<D>[], pick: (data: D) => number | null | undefined): number {
  return records.reduce((total, r) => total + (Number(pick(r.data)) || 0), 0);
}
