/**
 * The first ten minutes of a newcomer, kept true: every command the docs show works as written after the README's
 * quick start (no global pnpm: `npx -y pnpm@<the root packageManager version> …`), every link and path the docs give
 * stays inside the repository, and npx finds no setting it does not know (pnpm's live in pnpm-workspace.yaml).
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PNPM_VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { packageManager: string }).packageManager.replace(/^pnpm@/, "");

/** README.md, docs/*.md and the README of every package, app and plugin. */
function markdownFiles(): string[] {
  const files = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
  for (const group of ["apps", "packages", "plugins"])
    for (const name of readdirSync(join(ROOT, group)))
      if (existsSync(join(ROOT, group, name, "README.md"))) files.push(`${group}/${name}/README.md`);
  return files;
}

/** The code of a markdown text, line by line: fenced blocks and inline `code` spans. */
function codeOf(text: string): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  let fenced = false;
  text.split("\n").forEach((line, i) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    else if (fenced) out.push({ line: i + 1, code: line });
    else for (const m of line.matchAll(/`([^`]+)`/g)) out.push({ line: i + 1, code: m[1]! });
  });
  return out;
}

const docs = markdownFiles().map((file) => ({ file, text: readFileSync(join(ROOT, file), "utf8") }));

describe("the docs", () => {
  it("are found (README, docs/, every package README)", () => {
    expect(docs.length).toBeGreaterThan(15);
  });

  it(`write every pnpm command as \`npx -y pnpm@${PNPM_VERSION} …\`, which works without a global pnpm`, () => {
    const wrong: string[] = [];
    for (const { file, text } of docs)
      for (const { line, code } of codeOf(text)) {
        // A bare `pnpm x` (not the `pnpm@version` that npx runs), or npx with another version.
        if (/(^|[^\w@/.-])pnpm\s/.test(code) || [...code.matchAll(/pnpm@([\w.-]+)/g)].some((m) => m[1] !== PNPM_VERSION) || /npx (?!-y )\S*pnpm/.test(code))
          wrong.push(`${file}:${line}: ${code.trim()}`);
      }
    expect(wrong).toEqual([]);
  });

  it("link only to files inside the repository, and those files exist", () => {
    const broken: string[] = [];
    for (const { file, text } of docs) {
      for (const m of text.matchAll(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/i.test(target)) continue; // http(s), mailto
        const path = resolve(ROOT, dirname(file), target);
        if (!path.startsWith(ROOT) || !existsSync(path)) broken.push(`${file}: ${target}`);
      }
      // Paths written as code count too: nothing beside the repository (../shared, shared/…) is there for a reader.
      for (const { line, code } of codeOf(text)) if (/(^|[\s(])(\.\.\/)*shared\//.test(code)) broken.push(`${file}:${line}: ${code.trim()}`);
    }
    expect(broken).toEqual([]);
  });
});

describe("npx in the repository", () => {
  // One process start (npx, then pnpm): the timeout is for that, on a busy machine.
  it("warns about no unknown project setting (pnpm's settings are in pnpm-workspace.yaml, not .npmrc)", async () => {
    // As a newcomer's shell runs it: without the npm_config_* variables this test inherits when pnpm runs it.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
    const { stdout, stderr } = await promisify(execFile)("npx", ["-y", `pnpm@${PNPM_VERSION}`, "--version"], { cwd: ROOT, env });
    expect(stdout.trim()).toBe(PNPM_VERSION);
    expect(stderr).not.toMatch(/Unknown (project|env|user) config/);
    expect(readFileSync(join(ROOT, "pnpm-workspace.yaml"), "utf8")).toMatch(/^autoInstallPeers: true$/m);
  }, 120_000);
});
