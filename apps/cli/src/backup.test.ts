/**
 * `eduplan backup` and `eduplan restore` as separate processes, on the database of a running server that keeps
 * writing (logins: a session and an audit entry each) the whole time.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "@eduplan/server";
import { seedSampleData } from "@eduplan/sample-data";
import { checkDatabaseFile } from "./backup.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MAIN = join(ROOT, "apps/cli/src/main.ts");
const TSX = join(ROOT, "node_modules/.bin/tsx");

let dir: string;
let dbFile: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-backup-"));
  dbFile = join(dir, "eduplan.db");
  server = await startServer({ dbFile, port: 0, consoleDir: null, logLevel: "silent", logError: () => {}, loginRateLimit: { maxAttempts: 1000, maxAttemptsPerIp: 1000 } });
  await seedSampleData(server.db, { synthetic: false });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function eduplan(...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [MAIN, "--db", dbFile, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const call = async (path: string, input: unknown, cookie = "") => {
  const res = await fetch(`${server.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(input),
  });
  return { status: res.status, cookie: res.headers.getSetCookie()[0]?.split(";")[0] ?? "", body: (await res.json()) as unknown };
};

/** Logins in a loop until stopped: every one writes a session and an audit entry. */
function writeLoad() {
  let stop = false;
  let writes = 0;
  const failures: unknown[] = [];
  const loop = (async () => {
    while (!stop) {
      try {
        const r = await call("auth.login", { username: "langson.officer", password: "eduplan-demo" });
        if (r.status === 200) writes++;
        else failures.push(r.body);
      } catch (e) {
        failures.push(String(e));
        return;
      }
    }
  })();
  return {
    get writes() {
      return writes;
    },
    async end() {
      stop = true;
      await loop;
      return { writes, failures };
    },
  };
}

describe("backup and restore under write load", () => {
  it("backs up a consistent copy while the server writes, and restores it while the server writes", async () => {
    const load = writeLoad();
    const backupFile = join(dir, "backup.db");
    const backup = await eduplan("backup", backupFile);
    expect(backup, backup.stderr).toMatchObject({ code: 0 });
    expect(backup.stdout).toMatch(/Đã sao lưu \/ backed up .* \(integrity_check: ok\)/);
    expect(backup.stdout).toMatch(/ {2}plans: \d+/);
    const saved = checkDatabaseFile(backupFile);
    expect(saved.plans).toBeGreaterThan(0);
    expect(saved.users).toBeGreaterThan(0);

    // after the backup: a new user, which the restore must take away
    const admin = await call("auth.login", { username: "admin", password: "eduplan-demo" });
    const created = await call("users.create", { data: { username: "sau.sao.luu", displayName: "Sau sao lưu", role: "viewer", localityId: 2, password: "mat-khau-1234" } }, admin.cookie);
    expect(created.status).toBe(200);
    expect((await call("auth.login", { username: "sau.sao.luu", password: "mat-khau-1234" })).status).toBe(200);
    expect(load.writes).toBeGreaterThan(0);

    const restore = await eduplan("restore", backupFile);
    expect(restore, restore.stderr).toMatchObject({ code: 0 });
    expect(restore.stdout).toMatch(/Đã khôi phục \/ restored .* \(integrity_check: ok\)/);
    expect(restore.stdout).toMatch(/before-restore-.*\.db/);
    const { failures } = await load.end();
    // the writes went on through both (a write waiting on the restore's lock is served after it)
    expect(failures).toEqual([]);

    // the running server now serves the restored data: the user created after the backup is gone
    expect((await call("auth.login", { username: "sau.sao.luu", password: "mat-khau-1234" })).status).toBe(401);
    expect((await call("auth.login", { username: "admin", password: "eduplan-demo" })).status).toBe(200);
    const now = checkDatabaseFile(dbFile);
    expect(now.users).toBe(saved.users);
    expect(now.plans).toBe(saved.plans);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it("refuses a damaged or foreign file with a bilingual message, and an existing backup target", async () => {
    const junk = join(dir, "junk.db");
    writeFileSync(junk, "SQLite format 3\0 but not really".padEnd(8192, "x"));
    const bad = await eduplan("restore", junk);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Không mở được|bị hỏng|không toàn vẹn/);
    expect(bad.stderr).toMatch(/Cannot open|damaged|integrity_check/);
    const again = await eduplan("backup", join(dir, "backup.db"));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/đã có; hãy chọn tên khác \/ .* already exists/);
  }, 60_000);
});
