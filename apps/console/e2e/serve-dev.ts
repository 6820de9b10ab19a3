/**
 * Starts the real server on a fresh seeded database and the built console, for trying the console by hand:
 * `pnpm --filter @eduplan/console exec tsx e2e/serve-dev.ts [port]` (default 3000).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "@eduplan/server";
import { seedSampleData } from "@eduplan/sample-data";

const dir = mkdtempSync(join(tmpdir(), "eduplan-console-"));
const server = await startServer({
  dbFile: join(dir, "eduplan.db"),
  port: Number(process.argv[2] ?? 3000),
  host: "127.0.0.1",
  consoleDir: fileURLToPath(new URL("../dist", import.meta.url)),
});
await seedSampleData(server.db);
console.log(`EduPlan on ${server.url} (database in ${dir})`);
