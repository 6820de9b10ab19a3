#!/usr/bin/env tsx
import { Command } from "commander";
import { runCommand } from "./commands.js";
import { runPluginNew, runPluginRegistry } from "./plugin.js";
import { registerPlanCommands } from "./plan-import.js";
import { registerMigrateDataCommand } from "./migrate-data.js";

const program = new Command()
  .name("eduplan")
  .description("EduPlan — kế hoạch phát triển giáo dục đến năm 2030 / education strategy plans to 2030")
  .option("--db <file>", "database file (default: $EDUPLAN_DB or ./data/eduplan.db)");

program
  .command("migrate")
  .description("create or upgrade the database and load the reference data")
  .action(() => runCommand("migrate", program.opts()));

program
  .command("seed")
  .description("load the sample provinces (Lạng Sơn with Bằng Mạc, Lai Châu with Mường Tè) and synthetic figures; idempotent")
  .option("--no-synthetic", "skip the synthetic sample figures (dữ liệu mẫu)")
  .action((opts: { synthetic: boolean }) => runCommand("seed", { ...program.opts(), ...opts }));

program
  .command("summary")
  .description("print the plans loaded, with their target counts")
  .action(() => runCommand("summary", program.opts()));

const province = program.command("province").description("configure provinces");
province
  .command("init <file>")
  .description("configure a province from a declarative YAML or JSON file (validated whole; idempotent)")
  .option("--dry-run", "validate only")
  .action((file: string, opts: { dryRun?: boolean }) => runCommand("province init", { ...program.opts(), ...opts, file }));

program
  .command("start")
  .description("migrate, load the sample provinces (idempotent), then serve: the quick start")
  .action(async () => {
    await runCommand("seed", { ...program.opts(), synthetic: true });
    await runCommand("serve", program.opts());
  });

program
  .command("serve")
  .description("start the API server and console (PORT, HOST, EDUPLAN_DB)")
  .action(() => runCommand("serve", program.opts()));

// backup / restore (docs/operations.md): SQLite's online backup, safe while the server writes.
program
  .command("backup <file>")
  .description("online backup of the database into <file> (safe while the server runs), checked afterwards")
  .action(async (file: string) => {
    const { runBackup } = await import("./backup-command.js");
    process.exitCode = await runBackup(program.opts<{ db?: string }>().db, file);
  });
program
  .command("restore <file>")
  .description("restore the database from a backup <file>: integrity and tables checked first, the current database kept beside it")
  .action(async (file: string) => {
    const { runRestore } = await import("./backup-command.js");
    process.exitCode = await runRestore(program.opts<{ db?: string }>().db, file);
  });

const figures = program.command("figures").description("figures of many units × indicators × years at once (CSV or XLSX)");
figures
  .command("import <file>")
  .description("import a figures file (columns: Mã địa bàn, Mã chỉ tiêu, Năm, Tử số, Mẫu số, Giá trị, Ghi chú): validated whole, nothing written on any error")
  .action((file: string) => runCommand("figures import", { ...program.opts(), file }));
figures
  .command("template <file>")
  .description("write the XLSX template of a figures file")
  .action((file: string) => runCommand("figures template", { ...program.opts(), file }));

const rollups = program.command("rollups").description("the aggregates of figures kept on write (rollups of every locality)");
rollups
  .command("verify")
  .description("compare every aggregate with a recomputation from the figures; exit 1 and list the drift if any")
  .action(() => runCommand("rollups verify", program.opts()));
rollups
  .command("rebuild")
  .description("recompute every aggregate from the figures (in one transaction), then verify")
  .action(() => runCommand("rollups rebuild", program.opts()));

const plugin = program.command("plugin").description("locality plugins (see docs/plugins.md)");
plugin
  .command("registry")
  .description("regenerate the typed plugin registries of the server and the console from plugins/*/package.json")
  .option("--check", "write nothing; exit 1 if regenerating would change anything")
  .action((opts: { check?: boolean }) => {
    process.exitCode = runPluginRegistry(opts);
  });
plugin
  .command("new <name>")
  .description("scaffold a working plugin under plugins/<name> and register it")
  .option("--root <dir>", "workspace root (default: found from the current directory)")
  .option("--no-install", "skip `pnpm install`")
  .action((name: string, opts: { root?: string; install: boolean }) => {
    process.exitCode = runPluginNew(name, opts);
  });

// plan import (packages/plan-import): read a plan document into a reviewable draft; nothing is written.
registerPlanCommands(program);
registerMigrateDataCommand(program);

// No command at all is a request for help, not a mistake: print it on stdout and exit 0 (commander would exit 1).
if (process.argv.length <= 2) program.outputHelp();
else
  program.parseAsync(process.argv).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
