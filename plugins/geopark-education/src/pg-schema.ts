/** The plugin's tables on PostgreSQL, derived from its SQLite schema (`schema.ts`), as the core's are. */
import { derivePgTables, pgTables } from "@eduplan/db/pg";
import * as sqlite from "./schema.js";

export const { sites } = derivePgTables({ sites: sqlite.sites }, pgTables);
