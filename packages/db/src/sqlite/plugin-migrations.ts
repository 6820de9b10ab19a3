import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { EduplanError } from "../errors.js";
import { pluginMigrations } from "../schema/plugins.js";
import { exec, first } from "../query.js";
import { transaction } from "../transaction.js";

/** A plugin's table names must start with its id (`geopark_education_sites` for `geopark-education`). */
export function pluginTablePrefix(pluginId: string): string {
  return `${pluginId.replace(/-/g, "_")}_`;
}

/**
 * Apply a plugin's SQL migrations (drizzle-kit output: `NNNN_name.sql`, statements split by
 * `--> statement-breakpoint`) that have not been applied yet, in order, each in its own transaction. Returns the names
 * applied. Refuses a migration that touches a table outside the plugin's prefix.
 */
export async function applyPluginMigrations(db: Db, pluginId: string, folder: string): Promise<string[]> {
  const files = readdirSync(folder)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
  const prefix = pluginTablePrefix(pluginId);
  const applied: string[] = [];
  for (const file of files) {
    const name = file.replace(/\.sql$/, "");
    const done = await first(db.select().from(pluginMigrations).where(and(eq(pluginMigrations.pluginId, pluginId), eq(pluginMigrations.name, name))));
    if (done) continue;
    const text = readFileSync(join(folder, file), "utf8");
    for (const [, table] of text.matchAll(/(?:create|alter|drop)\s+table\s+(?:if\s+(?:not\s+)?exists\s+)?[`"]?([A-Za-z0-9_]+)/gi))
      if (!table!.startsWith(prefix))
        throw new EduplanError("validation", {
          vi: `Plugin ${pluginId}: bảng '${table}' phải có tiền tố '${prefix}'`,
          en: `plugin ${pluginId}: table '${table}' must be prefixed '${prefix}'`,
        });
    await transaction(db, async (tx) => {
      for (const statement of text.split("--> statement-breakpoint")) if (statement.trim()) await exec(tx, statement);
      await tx.insert(pluginMigrations).values({ pluginId, name, appliedAt: new Date().toISOString() });
    });
    applied.push(name);
  }
  return applied;
}
