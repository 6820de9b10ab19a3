/**
 * The national-scale table of `docs/benchmarks.md` (issue 14), kept by the benches that measure it: each bench script
 * measures its rows (the product beside a raw baseline, in one process) and calls `recordBenchRows`, which replaces
 * those rows (by their key) and the bench's line under the table, and leaves every other row as the last run left it.
 * `npx -y pnpm@10.34.8 bench` runs every bench one at a time, so one run rewrites the whole table.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type BenchRow = {
  /** Stable key: the row's place in the table (see ORDER). */
  key: string;
  figure: string;
  eduplan: string;
  raw: string;
  ratio: string;
  target: string;
  /** Whether the target is met: "yes", "no", or a short reason. */
  met: string;
};

/** The order of the issue's table, and each row's number there. */
const ORDER = ["import", "save", "approve", "list-1", "list-10", "list-50", "dashboard", "search-common", "search-rare", "console-js", "network"];
const NUMBER: Record<string, number> = { import: 1, save: 2, approve: 2, "list-1": 3, "list-10": 3, "list-50": 3, dashboard: 4, "search-common": 5, "search-rare": 5, "console-js": 6, network: 7 };

const DOC = fileURLToPath(new URL("../docs/benchmarks.md", import.meta.url));
const START = "<!-- bench-table:start (written by `npx -y pnpm@10.34.8 bench`: bench/table.ts) -->";
const END = "<!-- bench-table:end -->";
const HEADER = "| # | figure | EduPlan | raw baseline (same script, same process) | ratio | target | met |\n|---|---|---|---|---|---|---|";

/** The machine, as one line: CPU, cores, memory, Node, and the load when the bench started. */
export function machineLine(loadAtStart: number[] = loadavg()): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadAtStart.map((l) => l.toFixed(1)).join(" / ")} at the start`;
}

const cells = (line: string) => line.split("|").slice(1, -1).map((c) => c.trim());

/**
 * Replace `rows` (by key) and the line of `source` (the bench script) in the table; the other rows and lines stay.
 * Rows are stored as `| n | figure … |` with the key in a trailing HTML comment, so the table stays plain markdown.
 */
export function recordBenchRows(source: string, command: string, rows: BenchRow[], loadAtStart?: number[], file = DOC): void {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const at = text.indexOf(START);
  const end = text.indexOf(END);
  const block = at >= 0 && end > at ? text.slice(at + START.length, end) : "";
  const kept = new Map<string, string[]>();
  const runs = new Map<string, string>();
  for (const line of block.split("\n")) {
    const key = /<!-- row:([\w-]+) -->\s*$/.exec(line)?.[1];
    if (key) kept.set(key, cells(line.replace(/<!-- row:[\w-]+ -->\s*$/, "").trim()).slice(1));
    const run = /^- `([^`]+)`: /.exec(line)?.[1];
    if (run) runs.set(run, line);
  }
  for (const r of rows) kept.set(r.key, [r.figure, r.eduplan, r.raw, r.ratio, r.target, r.met]);
  runs.set(source, `- \`${source}\`: \`${command}\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — ${machineLine(loadAtStart)}`);
  const place = (k: string) => ORDER.indexOf(k) + 1 || 99;
  const table = [...kept.keys()].sort((a, b) => place(a) - place(b)).map((k) => `| ${NUMBER[k] ?? "–"} | ${kept.get(k)!.join(" | ")} | <!-- row:${k} -->`);
  const written = `${START}\n${HEADER}\n${table.join("\n")}\n\nRuns that wrote these rows (the machine is shared: other agents were working on it, so absolute times are noisy; each product figure and its baseline come from one run of one script, in one process, seconds apart):\n\n${[...runs.values()].sort().join("\n")}\n${END}`;
  const next = at >= 0 && end > at ? text.slice(0, at) + written + text.slice(end + END.length) : `${text.trimEnd()}\n\n## National scale against the raw limit (issue 14)\n\n${written}\n`;
  writeFileSync(file, next);
  console.log(`\n${HEADER}\n${rows.map((r) => `| ${NUMBER[r.key] ?? "–"} | ${r.figure} | ${r.eduplan} | ${r.raw} | ${r.ratio} | ${r.target} | ${r.met} |`).join("\n")}\n\n(written to docs/benchmarks.md)`);
}
