/**
 * `eduplan migrate-data --from sqlite:FILE --to postgres://…` (and back): moves a whole database between the two
 * engines, then verifies each table (row count and checksum). The work is `migrateData` of `@eduplan/db/pg`; this file
 * parses the options, prepares a blank target, prints the per-table verification and sets the exit code.
 *
 * A blank target is prepared first: a SQLite file that does not exist yet is created and migrated, a PostgreSQL
 * database without any table is migrated (`drizzle-pg/`); then the migrations of the plugins the source has applied
 * (`plugins/<id>/drizzle` or `drizzle-pg`). A target that has tables must be migrated and empty already.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { applyPluginMigrations, closeDatabase, openDatabase } from "@eduplan/db";
import {
  appliedPluginMigrations,
  formatResults,
  hasNoTables,
  migrateData,
  MigrateDataError,
  migratePostgres,
  parseEndpoint,
  type Endpoint,
} from "@eduplan/db/pg";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The migrations folder of a workspace plugin for an engine. */
function pluginFolder(pluginId: string, kind: Endpoint["kind"]): string {
  const folder = join(ROOT, "plugins", pluginId, kind === "postgres" ? "drizzle-pg" : "drizzle");
  if (!existsSync(folder))
    throw new MigrateDataError({
      vi: `Plugin ${pluginId} không có cập nhật cấu trúc cho ${kind === "postgres" ? "PostgreSQL" : "SQLite"} (${folder})`,
      en: `plugin ${pluginId} has no ${kind === "postgres" ? "PostgreSQL" : "SQLite"} migrations (${folder})`,
    });
  return folder;
}

/** Migrates a blank target (a missing SQLite file, a PostgreSQL database without tables); returns whether it did. */
async function prepareBlankTarget(from: Endpoint, to: Endpoint): Promise<boolean> {
  const blank = to.kind === "sqlite" ? !existsSync(to.file) : await hasNoTables(to);
  if (!blank) return false;
  const plugins = [...new Set((await appliedPluginMigrations(from)).map((m) => m.split("/")[0]!))];
  const folders = plugins.map((id) => [id, pluginFolder(id, to.kind)] as const);
  if (to.kind === "sqlite") {
    const db = openDatabase(to.file);
    try {
      for (const [id, folder] of folders) await applyPluginMigrations(db, id, folder); // async once the data layer is
    } finally {
      closeDatabase(db);
    }
  } else {
    await migratePostgres(to.url, { plugins: folders });
  }
  return true;
}

/** Runs the command; returns the exit code (1 on a refusal or a failed verification, with a bilingual message). */
export async function runMigrateData(fromText: string, toText: string, out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  try {
    const from = parseEndpoint(fromText, "--from");
    const to = parseEndpoint(toText, "--to");
    if (from.kind === to.kind) await migrateData(from, to); // refuses, with the message
    if (await prepareBlankTarget(from, to)) out(`Đã tạo cấu trúc ở đích / target migrated: ${toText.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")}`);
    out("Sao chép / copying:");
    const results = await migrateData(from, to, { log: out });
    out(formatResults(results));
    const bad = results.filter((r) => !r.ok);
    if (bad.length) {
      err(`${bad.length} bảng khác nguồn / tables differ from the source: ${bad.map((r) => r.table).join(", ")}`);
      return 1;
    }
    out(`Đã chuyển ${results.length} bảng, ${results.reduce((n, r) => n + r.targetRows, 0)} dòng; số dòng và tổng kiểm tra khớp / moved ${results.length} tables; row counts and checksums match`);
    return 0;
  } catch (e) {
    if (!(e instanceof MigrateDataError)) throw e;
    err(e.message);
    return 1;
  }
}

export function registerMigrateDataCommand(program: Command): void {
  program
    .command("migrate-data")
    .description("move the whole database between SQLite and PostgreSQL (--from sqlite:FILE --to postgres://… or back), verified by row counts and a checksum per table")
    .requiredOption("--from <source>", "sqlite:FILE or postgres://…")
    .requiredOption("--to <target>", "postgres://… or sqlite:FILE — migrated and empty, or blank (a new file, a database without tables)")
    .action(async (opts: { from: string; to: string }) => {
      process.exitCode = await runMigrateData(opts.from, opts.to);
    });
}
