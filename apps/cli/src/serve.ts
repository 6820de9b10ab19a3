import { resolve } from "node:path";

import { startServer } from "@eduplan/server";

/**
 * `pnpm eduplan serve`: one Node process serving the API (/trpc), /healthz and the built console, on $HOST:$PORT
 * (default 127.0.0.1:3000) over the database `--db`, else $EDUPLAN_DB, else ./data/eduplan.db. Ctrl-C stops it.
 */
export async function startServerFromCli(dbFile?: string): Promise<void> {
  const file = resolve(dbFile ?? process.env.EDUPLAN_DB ?? "./data/eduplan.db");
  const server = await startServer({ dbFile: file });
  console.log(`EduPlan đang chạy / is running: ${server.url}`);
  console.log(`  cơ sở dữ liệu / database: ${file}`);
  console.log(`  API: ${server.url}/trpc   kiểm tra / health: ${server.url}/healthz`);
  console.log(
    server.consoleDir
      ? `  giao diện / console: ${server.url}/`
      : "  giao diện chưa được build / console not built: pnpm --filter @eduplan/console build",
  );
  console.log("  Ctrl-C để dừng / to stop");
  const stop = (signal: string) => {
    console.log(`\n${signal}: đang dừng / stopping…`);
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}
