import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Command } from "commander";
import { evaluate, formatEvaluation, formatSummary, GoldTargetsSchema, GoldTasksSchema, importPlan, PlanImportError } from "@eduplan/plan-import";

interface Options {
  evaluate?: boolean;
  json?: boolean;
  source?: string;
  verbose?: boolean;
}

type Gold = { targets?: ReturnType<typeof GoldTargetsSchema.parse>; tasks?: ReturnType<typeof GoldTasksSchema.parse> };

/**
 * Read gold files: the catalog's targets shape (sources/targets), the hand-written tasks shape, or a file that
 * includes others ({ "include": ["targets.gold.json", "tasks.gold.json"] }, paths relative to it).
 */
function readGold(files: string[], gold: Gold = {}): Gold {
  for (const file of files) {
    const json: unknown = JSON.parse(readFileSync(file, "utf8"));
    const keys = typeof json === "object" && json !== null ? Object.keys(json) : [];
    if (keys.includes("include")) {
      const include = (json as { include: unknown }).include;
      if (!Array.isArray(include) || !include.every((f) => typeof f === "string"))
        throw new Error(`${file}: "include" phải là danh sách tên tệp / "include" must be a list of file names`);
      readGold(include.map((f: string) => join(dirname(file), f)), gold);
      continue;
    }
    if (keys.includes("targets")) gold.targets = GoldTargetsSchema.parse(json);
    if (keys.includes("tasks")) gold.tasks = GoldTasksSchema.parse(json);
    if (!keys.includes("targets") && !keys.includes("tasks"))
      throw new Error(`${file}: tệp chuẩn cần khóa "targets", "tasks" hoặc "include" / a gold file needs "targets", "tasks" or "include"`);
  }
  return gold;
}

/** `eduplan plan import <file>`: extract a draft (nothing is written); with --evaluate, score it against gold files. */
export async function runPlanImport(file: string, goldFiles: string[], opts: Options): Promise<number> {
  try {
    const draft = await importPlan(readFileSync(file), basename(file));
    if (opts.evaluate) {
      if (!goldFiles.length) throw new Error("--evaluate cần ít nhất một tệp chuẩn / --evaluate needs at least one gold file");
      const result = evaluate(draft, readGold(goldFiles), opts.source);
      console.log(opts.json ? JSON.stringify(result, null, 2) : formatEvaluation(result, opts.verbose));
      return 0;
    }
    console.log(opts.json ? JSON.stringify(draft, null, 2) : formatSummary(draft));
    return 0;
  } catch (e) {
    if (e instanceof PlanImportError) {
      console.error(`${e.vi}\n${e.en}`);
      return 2;
    }
    throw e;
  }
}

export function registerPlanCommands(program: Command): void {
  const plan = program.command("plan").description("plan documents");
  plan
    .command("import <file> [gold...]")
    .description("read a plan (text, DOCX, PDF) and print the targets, tasks and agencies found — nothing is written; --evaluate <file> <gold.json...> prints precision and recall")
    .option("--evaluate", "score the extraction against gold files (targets: the catalog's indicators.json shape; tasks: test-data/tasks.gold.json shape)")
    .option("--source <id>", "the gold source id (default: matched by file name, number or title)")
    .option("--json", "print JSON instead of a summary")
    .option("--verbose", "with --evaluate: list missed and spurious findings")
    .action(async (file: string, gold: string[], opts: Options) => {
      process.exitCode = await runPlanImport(file, gold, opts);
    });
}
