import { sql } from "drizzle-orm";
import { enabledPluginCondition } from "../area.js";
import type { Executor } from "../resource.js";

/** Is the plugin enabled for the province (or any locality) at or above `localityId`? */
export function pluginEnabledAt(db: Executor, pluginId: string, localityId: number): boolean {
  return !!db.get(sql`select 1 where ${enabledPluginCondition(sql`${pluginId}`, localityId)}`);
}
