/** The console benches' own sections of docs/benchmarks.md, each replaced whole by the run that measures it. */
import { cpus, loadavg, totalmem } from "node:os";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DOC = fileURLToPath(new URL("../../../docs/benchmarks.md", import.meta.url));

function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" / ")}`;
}

/** Write (or replace) the section `title` between its markers: the command, the date, the machine, then `body`. */
export function recordSection(key: string, title: string, command: string, body: string, file = DOC): void {
  const start = `<!-- bench:${key}:start (written by ${command}) -->`;
  const end = `<!-- bench:${key}:end -->`;
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const section = `${start}\n## ${title}\n\nCommand: \`${command}\` (part of \`npx -y pnpm@10.34.8 bench\`), ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, on ${machine()}.\n\n${body}\n${end}`;
  const at = text.indexOf(start.slice(0, start.indexOf(" (")));
  const stop = text.indexOf(end);
  const next = at >= 0 && stop > at ? text.slice(0, at) + section + text.slice(stop + end.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
