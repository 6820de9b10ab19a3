/** Test support (not shipped): run the command line as a user would, on a database file of the test's own. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MAIN = join(ROOT, "apps/cli/src/main.ts");
const TSX = join(ROOT, "node_modules/.bin/tsx");
export const EXAMPLE = join(ROOT, "docs/examples/province.yaml");

/** `eduplan <args>` on `dbFile` (EDUPLAN_DB): its exit code and output, whether it succeeded or not. */
export async function eduplan(args: string[], dbFile: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [MAIN, ...args], { env: { ...process.env, EDUPLAN_DB: dbFile }, cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
