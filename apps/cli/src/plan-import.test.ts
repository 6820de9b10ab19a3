import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MAIN = join(ROOT, "apps/cli/src/main.ts");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const DATA = join(ROOT, "packages/plan-import/test-data");
const dir = mkdtempSync(join(tmpdir(), "eduplan-plan-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function eduplan(args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [MAIN, ...args], { cwd: ROOT, maxBuffer: 20 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("pnpm eduplan plan import", () => {
  it("--evaluate prints precision and recall of targets, task rows and agencies", async () => {
    const r = await eduplan(["plan", "import", "--evaluate", join(DATA, "muong-te-district-plan-2025.txt"), join(DATA, "gold.json")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Nguồn \/ source: muong-te-2025/);
    expect(r.stdout).toMatch(/^Targets\s+precision \d+,\d% {2}recall \d+,\d%/m);
    expect(r.stdout).toMatch(/^Tasks\s+precision/m);
    expect(r.stdout).toMatch(/^Agencies precision/m);
  });
  it("without --evaluate prints a summary, or the draft as JSON", async () => {
    const file = join(DATA, "bang-mac-commune-resolution-2025.txt");
    const summary = await eduplan(["plan", "import", file]);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/^Nghị quyết/);
    expect(summary.stdout).toMatch(/Chỉ tiêu \(51\)/);
    const json = await eduplan(["plan", "import", file, "--json"]);
    const draft = JSON.parse(json.stdout) as { targets: unknown[]; document: { kind: string } };
    expect(draft.document.kind).toBe("resolution");
    expect(draft.targets).toHaveLength(51);
  });
  it("a refused file exits 2 with the reason in Vietnamese and English", async () => {
    const file = join(dir, "empty-plan.txt");
    writeFileSync(file, "KẾ HOẠCH\nTổ chức hội nghị tổng kết năm học.");
    const r = await eduplan(["plan", "import", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/không có chỉ tiêu/);
    expect(r.stderr).toMatch(/no target/);
  });
});
