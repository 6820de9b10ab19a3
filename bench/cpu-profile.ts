/**
 * Summarise a `node --cpu-prof` profile: self time by function and by package, the top entries.
 *
 *   npx tsx bench/cpu-profile.ts <file.cpuprofile | directory> [top=15]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [target, topArg] = process.argv.slice(2);
if (!target) throw new Error("usage: bench/cpu-profile.ts <file.cpuprofile | directory> [top]");
const files = statSync(target).isDirectory() ? readdirSync(target).filter((f) => f.endsWith(".cpuprofile")).map((f) => join(target, f)) : [target];
const top = Number(topArg ?? 15);

const where = (url: string) => {
  const pkg = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? /\/(packages|apps)\/([^/]+)\//.exec(url)?.slice(1).join("/");
  return pkg ?? (url.startsWith("node:") ? "node" : url ? url.split("/").slice(-2).join("/") : "(native / GC / idle)");
};

for (const file of files) {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of self) {
    const { callFrame: c } = byId.get(id)!;
    if (c.functionName === "(idle)" || c.functionName === "(program)") continue;
    const name = `${c.functionName || "(anonymous)"} ${c.url ? `${c.url.split("/").slice(-2).join("/")}:${c.lineNumber + 1}` : ""}`.trim();
    fn.set(name, (fn.get(name) ?? 0) + us);
    pkg.set(where(c.url), (pkg.get(where(c.url)) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1)}%`;
  const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `  ${pct(us).padStart(6)}  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`).join("\n");
  console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled\nby package (self time):\n${list(pkg)}\nby function (self time):\n${list(fn)}\n`);
}
