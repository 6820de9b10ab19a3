import { sql } from "drizzle-orm";
import { enabledPluginCondition } from "../area.js";
import type { Executor } from "../resource.js";
import { one } from "../query.js";

/** Is the plugin enabled for the province (or any locality) at or above `localityId`? */
export async function pluginEnabledAt(db: Executor, pluginId: string, localityId: number): Promise<boolean> {
  return !!(await one(db, sql`select 1 where ${enabledPluginCondition(sql`${pluginId}`, localityId)}`));
}
