/**
 * Start-up of the plugins (the lifecycle's discover → validate → migrate steps): each plugin of the registry is
 * validated; a broken one is reported by name (logged, recorded in `installed_plugins` with its error) and skipped,
 * and the others go on. An active plugin's pending migrations are applied (only its new ones), its indicators are
 * upserted by code, and its state is recorded.
 */
import { eq } from "drizzle-orm";
import { CrudRepository, RESOURCES, SYSTEM_ACTOR, applyPluginMigrations, first, schema as s, transaction, type Db } from "@eduplan/db";
import type { AnyPlugin } from "@eduplan/plugin-sdk";
import { PluginRuntime, type PluginState } from "./runtime.js";
import { CORE_VERSION, validateDeclaration } from "./validate.js";

/** One plugin as the generated registry lists it. */
export type PluginRegistryEntry = {
  /** The folder under `plugins/` (= the plugin id). */
  folder: string;
  packageName: string;
  /** The declaration: the default export of the package's server entry. */
  plugin: unknown;
};
export type PluginRegistry = Readonly<Record<string, PluginRegistryEntry>>;

export type LoadOptions = {
  /** Where problems are reported (default: console.warn). */
  log?: (message: string) => void;
  coreVersion?: string;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Order plugins so that each comes after the plugins it depends on (cycles are left to validation). */
function dependencyOrder(plugins: AnyPlugin[]): AnyPlugin[] {
  const byId = new Map(plugins.map((p) => [p.id, p]));
  const out: AnyPlugin[] = [];
  const done = new Set<string>();
  const visit = (p: AnyPlugin, stack: Set<string>) => {
    if (done.has(p.id) || stack.has(p.id)) return;
    stack.add(p.id);
    for (const d of p.dependsOn ?? []) {
      const dep = byId.get(d);
      if (dep) visit(dep, stack);
    }
    done.add(p.id);
    out.push(p);
  };
  for (const p of plugins) visit(p, new Set());
  return out;
}

function nameOf(candidate: unknown, fallback: string): { vi: string; en: string } {
  const name = (candidate as { name?: { vi?: unknown; en?: unknown } } | null)?.name;
  return { vi: typeof name?.vi === "string" ? name.vi : fallback, en: typeof name?.en === "string" ? name.en : fallback };
}

/** Validate, migrate and register every plugin of the registry. Never throws for a broken plugin. */
export async function loadPlugins(db: Db, registry: PluginRegistry, options: LoadOptions = {}): Promise<PluginRuntime> {
  const log = options.log ?? ((m: string) => console.warn(m));
  const states = new Map<string, PluginState>();
  const valid: AnyPlugin[] = [];
  const problemsOf = new Map<string, string[]>();

  for (const [key, entry] of Object.entries(registry)) {
    const candidate = entry.plugin;
    const declaredId = typeof (candidate as { id?: unknown })?.id === "string" ? (candidate as { id: string }).id : key;
    const problems = key !== entry.folder ? [`registry key '${key}' differs from its folder '${entry.folder}'`] : [];
    problems.push(...validateDeclaration(candidate, { folder: entry.folder, coreVersion: options.coreVersion ?? CORE_VERSION }));
    const name = nameOf(candidate, key);
    states.set(key, {
      pluginId: key,
      folder: entry.folder,
      packageName: entry.packageName,
      version: typeof (candidate as { version?: unknown })?.version === "string" ? (candidate as { version: string }).version : "0.0.0",
      status: "active",
      error: null,
      nameVi: name.vi,
      nameEn: name.en,
    });
    if (problems.length) problemsOf.set(key, problems);
    else if (declaredId === key) valid.push(candidate as AnyPlugin);
  }

  // Dependencies: present and themselves valid (repeat until stable: a broken dependency breaks its dependents).
  let changed = true;
  while (changed) {
    changed = false;
    for (const plugin of valid) {
      if (problemsOf.has(plugin.id)) continue;
      const missing = (plugin.dependsOn ?? []).filter((d) => !registry[d]);
      const broken = (plugin.dependsOn ?? []).filter((d) => registry[d] && problemsOf.has(d));
      const problems = [...missing.map((d) => `depends on plugin '${d}', which is not installed`), ...broken.map((d) => `depends on plugin '${d}', which is broken`)];
      if (problems.length) {
        problemsOf.set(plugin.id, problems);
        changed = true;
      }
    }
  }

  const indicators = new CrudRepository(db, RESOURCES.indicators);
  const active = new Map<string, AnyPlugin>();
  for (const plugin of dependencyOrder(valid.filter((p) => !problemsOf.has(p.id)))) {
    try {
      if (plugin.migrationsFolder) await applyPluginMigrations(db, plugin.id, plugin.migrationsFolder);
      await transaction(db, async (tx) => {
        for (const indicator of plugin.indicators ?? []) {
          const desired = { ...indicator, pluginId: plugin.id };
          const existing = await first(tx.select().from(s.indicators).where(eq(s.indicators.code, indicator.code)));
          if (!existing) await indicators.createInTx(tx, desired, SYSTEM_ACTOR);
          else {
            if (existing.pluginId !== plugin.id) throw new Error(`indicator '${indicator.code}' already belongs to ${existing.pluginId ? `plugin ${existing.pluginId}` : "the core"}`);
            const normalised = RESOURCES.indicators.inputSchema.parse(desired) as Record<string, unknown>;
            const patch = Object.fromEntries(Object.entries(normalised).filter(([k, v]) => !same((existing as Record<string, unknown>)[k], v)));
            if (Object.keys(patch).length) await indicators.updateInTx(tx, existing.id, patch, existing.version, SYSTEM_ACTOR);
          }
        }
        // Feeds write figures of their own indicators, of their dependencies' or of core ones: all must exist now.
        for (const feed of plugin.feeds ?? []) {
          const target = await first(tx.select().from(s.indicators).where(eq(s.indicators.code, feed.indicator)));
          if (!target) throw new Error(`feed '${feed.id}' feeds unknown indicator '${feed.indicator}'`);
          if (target.pluginId !== null && target.pluginId !== plugin.id && !(plugin.dependsOn ?? []).includes(target.pluginId))
            throw new Error(`feed '${feed.id}' feeds '${feed.indicator}', an indicator of plugin ${target.pluginId}, which it does not depend on`);
        }
      });
      active.set(plugin.id, plugin);
    } catch (e) {
      const message = e instanceof Error ? ((e as { messages?: { en: string } }).messages?.en ?? e.message) : String(e);
      problemsOf.set(plugin.id, [message]);
    }
  }

  const now = new Date().toISOString();
  for (const [key, state] of states) {
    const problems = problemsOf.get(key);
    if (problems) {
      state.status = "broken";
      state.error = problems.join("; ");
      log(`EduPlan: plugin '${key}' (${state.packageName}) is broken and was skipped: ${state.error}`);
    } else if (!active.has(key)) {
      state.status = "broken";
      state.error = "not loaded";
    }
    await db
      .insert(s.installedPlugins)
      .values({ pluginId: key, version: state.version, status: state.status, error: state.error, updatedAt: now })
      .onConflictDoUpdate({ target: s.installedPlugins.pluginId, set: { version: state.version, status: state.status, error: state.error, updatedAt: now } });
  }
  return new PluginRuntime(db, active, [...states.values()]);
}

/** A runtime with no plugins (API services created without loading any). */
export function emptyPluginRuntime(db: Db): PluginRuntime {
  return new PluginRuntime(db, new Map(), []);
}
