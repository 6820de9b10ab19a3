/**
 * All or nothing across a crash: the server runs as a child process; a large write is sent — a province setup (one
 * transaction of thousands of localities, their closure rows and audit entries) on the event loop, and a bulk figures
 * import of thousands of rows in the worker pool; the process is killed with SIGKILL while the transaction is being
 * written (another connection finds SQLite's write lock taken); after a restart the database is whole and holds none
 * of it — never a part — and the same write then goes through whole.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { closeDatabase, openDatabase, subtreeOf } from "@eduplan/db";
import { ensureReferenceData } from "@eduplan/province-config";
import { seedSampleData } from "@eduplan/sample-data";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MAIN = join(ROOT, "apps/server/src/main.ts");

let dir: string;
let dbFile: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-kill-"));
  dbFile = join(dir, "eduplan.db");
  const db = openDatabase(dbFile);
  await ensureReferenceData(db);
  await seedSampleData(db, { synthetic: false });
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  closeDatabase(db);
}, 120_000);
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** The server in a child process; resolves with its URL once it listens. */
function startChild(): Promise<{ child: ChildProcess; url: string }> {
  // node itself with tsx's loader (not the tsx CLI, whose own child would survive a SIGKILL of the wrapper)
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], { env: { ...process.env, EDUPLAN_DB: dbFile, PORT: "0", HOST: "127.0.0.1", EDUPLAN_LOG_LEVEL: "warn" }, cwd: ROOT });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /EduPlan: (http:\/\/[\d.:]+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

async function counts() {
  const db = openDatabase(dbFile);
  try {
    const one = (sql: string) => db.$client.prepare(sql).pluck().get() as number;
    return {
      integrity: db.$client.pragma("integrity_check", { simple: true }) as string,
      localities: one("select count(*) from localities"),
      closure: (await subtreeOf(db, one("select id from localities where level_code = 'nation'"))).length,
      audit: one("select count(*) from audit_log"),
      bigProvince: one("select count(*) from localities where code like 'to-lon%'"),
      figures: one("select count(*) from indicator_values"),
      rollups: one("select count(*) from indicator_rollups"),
    };
  } finally {
    closeDatabase(db);
  }
}

const N = 1500;
function bigProvince() {
  const localities = [];
  for (let i = 0; i < N; i++) {
    localities.push({ code: `to-lon.xa-${i}`, nameVi: `Xã Thử Nghiệm ${i}`, level: "commune", parent: "to-lon" });
    localities.push({ code: `to-lon.xa-${i}.truong`, nameVi: `Trường Tiểu học Thử Nghiệm ${i}`, level: "school", parent: `to-lon.xa-${i}` });
  }
  return { province: { code: "to-lon", nameVi: "Tỉnh Thử Nghiệm Lớn", parent: "vn" }, localities };
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ username: "admin", password: "eduplan-demo" }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]!.split(";")[0]!;
}

const createProvince = (url: string, cookie: string) =>
  fetch(`${url}/trpc/provinceSetup.create`, { method: "POST", headers: { "content-type": "application/json", origin: url, cookie }, body: JSON.stringify({ config: bigProvince() }) });

/** Whether a write transaction is open on the database right now (another connection holds SQLite's write lock). */
function writerActive(probe: ReturnType<typeof openDatabase>): boolean {
  try {
    probe.$client.exec("BEGIN IMMEDIATE");
    probe.$client.exec("ROLLBACK");
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === "SQLITE_BUSY") return true;
    throw e;
  }
}

/**
 * Send a request and, as soon as its transaction is being written (the write lock is taken), kill the server without
 * warning. Answers whether it was killed mid-write and what the request got (its status, or a cut connection).
 */
async function killDuringWrite(child: ChildProcess, sent: Promise<Response>): Promise<{ killedMidway: boolean; outcome: number | "connection cut" }> {
  let answered = false;
  const request = sent.then(
    (r) => {
      answered = true;
      return r.status;
    },
    () => "connection cut" as const,
  );
  const probe = openDatabase(dbFile, { migrate: false });
  probe.$client.pragma("busy_timeout = 0");
  let killedMidway = false;
  try {
    while (!answered) {
      if (writerActive(probe)) {
        killedMidway = true;
        child.kill("SIGKILL");
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    closeDatabase(probe);
  }
  if (!killedMidway) child.kill("SIGKILL");
  await new Promise((r) => child.once("exit", r));
  return { killedMidway, outcome: await request };
}

test("SIGKILL during a large transaction: after the restart the database is whole and has all or nothing of it", async () => {
  const { child, url } = await startChild();
  const cookie = await login(url);
  const before = await counts();
  expect(before.integrity).toBe("ok");
  expect(before.bigProvince).toBe(0);
  const { killedMidway, outcome } = await killDuringWrite(child, createProvince(url, cookie));
  expect(outcome).toBe(killedMidway ? "connection cut" : 200);

  const after = await counts();
  expect(after.integrity).toBe("ok");
  if (killedMidway) {
    // nothing of the transaction: not one locality, closure row or audit entry
    expect(after).toEqual(before);
  } else {
    expect(after.bigProvince).toBe(2 * N + 1);
  }

  // restarted, the server answers and the same setup goes through whole
  const again = await startChild();
  try {
    expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
    if (killedMidway) expect(await createProvince(again.url, await login(again.url)).then((r) => r.status)).toBe(200);
    const done = await counts();
    expect(done.bigProvince).toBe(2 * N + 1);
    expect(done.integrity).toBe("ok");
  } finally {
    again.child.kill("SIGTERM");
    await new Promise((r) => again.child.once("exit", r));
  }
  // the first run must really have been cut mid-transaction for this test to mean anything
  expect(killedMidway).toBe(true);
}, 180_000);

/** Figures of Lạng Sơn's communes and wards for 1990–2019, for every percentage rate that 95 % fits: thousands of rows. */
function bigFiguresFile(): { fileName: string; base64: string; rows: number } {
  const db = openDatabase(dbFile, { migrate: false });
  try {
    const units = db.$client
      .prepare(
        `select l.code from localities l join localities p on p.id = l.parent_id
         where p.code = 'lang-son' and l.level_code in ('commune', 'ward')`,
      )
      .pluck()
      .all() as string[];
    const indicators = db.$client
      .prepare(
        `select code from indicators where aggregation = 'ratio' and unit = 'percent'
         and (plausible_min is null or plausible_min <= 95) and (plausible_max is null or plausible_max >= 95)`,
      )
      .pluck()
      .all() as string[];
    const lines = ["Mã địa bàn,Mã chỉ tiêu,Năm,Tử số,Mẫu số,Giá trị,Ghi chú"];
    for (const unit of units) for (const indicator of indicators) for (let year = 1990; year < 2020; year++) lines.push(`${unit},${indicator},${year},95,100,,`);
    return { fileName: "so-lieu-lich-su.csv", base64: Buffer.from(lines.join("\n")).toString("base64"), rows: lines.length - 1 };
  } finally {
    closeDatabase(db);
  }
}

test("SIGKILL during a large figures import in the worker pool: none of it after the restart, then all of it", async () => {
  const file = bigFiguresFile();
  expect(file.rows).toBeGreaterThan(3000);
  const importFigures = (url: string, cookie: string) =>
    fetch(`${url}/trpc/reporting.importFigures`, { method: "POST", headers: { "content-type": "application/json", origin: url, cookie }, body: JSON.stringify({ fileName: file.fileName, base64: file.base64 }) });

  const { child, url } = await startChild();
  const cookie = await login(url);
  const before = await counts();
  const { killedMidway, outcome } = await killDuringWrite(child, importFigures(url, cookie));
  expect(killedMidway).toBe(true);
  expect(outcome).toBe("connection cut");
  const after = await counts();
  expect(after.integrity).toBe("ok");
  expect(after).toEqual(before);

  const again = await startChild();
  try {
    const res = await importFigures(again.url, await login(again.url));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: { data: unknown } }).result.data).toMatchObject({ ok: true, rows: file.rows, created: file.rows });
    const done = await counts();
    expect(done.figures).toBe(before.figures + file.rows);
    expect(done.integrity).toBe("ok");
  } finally {
    again.child.kill("SIGTERM");
    await new Promise((r) => again.child.once("exit", r));
  }
}, 240_000);
