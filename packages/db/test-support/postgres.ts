/**
 * Test support (not shipped): a real PostgreSQL server for one test file. Starts Debian's PostgreSQL (`initdb` +
 * `pg_ctl`, from /usr/lib/postgresql/<version>/bin or `EDUPLAN_PG_BIN`) on a temporary data directory and a free
 * loopback port, as a non-root system user (`eduplan-pg`, created when the tests run as root: PostgreSQL refuses to run
 * as root), creates one database, and returns its URL. `stop()` stops the server and removes the directory; a test
 * process that dies without calling it still stops the server on exit.
 *
 * Readiness is waited for, never slept for: `pg_ctl start -w` returns once the server accepts connections (bounded by
 * its `-t`), then a connect loop confirms it over TCP.
 */
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
const PG_USER = "eduplan-pg";
const START_TIMEOUT_SECONDS = 180;

export type TestPostgres = {
  /** postgres://postgres@127.0.0.1:PORT/DATABASE */
  url: string;
  port: number;
  database: string;
  /** A URL of another, new, empty database on the same server. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
};

/** The bin directory of the newest PostgreSQL installed, or null when there is none. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.EDUPLAN_PG_BIN) return existsSync(join(env.EDUPLAN_PG_BIN, "postgres")) ? env.EDUPLAN_PG_BIN : null;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "postgres")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, "bin") : null;
}

const isRoot = () => process.getuid?.() === 0;

/** The uid and gid of the system user the server runs as (created when missing); null when not root. */
function serverUser(): { uid: number; gid: number } | null {
  if (!isRoot()) return null;
  const lookup = () => {
    try {
      return { uid: Number(execFileSync("id", ["-u", PG_USER], { stdio: "pipe" }).toString()), gid: Number(execFileSync("id", ["-g", PG_USER], { stdio: "pipe" }).toString()) };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync("useradd", ["--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", PG_USER], { stdio: "pipe" });
  } catch {
    // Another test file may have created it at the same moment; the lookup below decides.
  }
  const created = lookup();
  if (!created) throw new Error(`could not create the system user ${PG_USER} for PostgreSQL`);
  return created;
}

/** Runs a PostgreSQL program as the server's user. */
function asServerUser(file: string, args: string[]): [string, string[]] {
  return isRoot() ? ["runuser", ["-u", PG_USER, "--", file, ...args]] : [file, args];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForConnection(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_SECONDS * 1000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("select 1");
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** Starts a PostgreSQL server with one empty database (`eduplan_test` unless named). */
export async function startPostgres(options: { database?: string } = {}): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres): apt-get install postgresql, as .ci/run does");
  const user = serverUser();
  // As root the server's user must reach the directory: /tmp, not a TMPDIR that may be private to root.
  const dir = mkdtempSync(join(user && existsSync("/tmp") ? "/tmp" : tmpdir(), "eduplan-pg-"));
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  chmodSync(dir, 0o700);
  if (user) chownSync(dir, user.uid, user.gid);
  const pgCtl = join(bin, "pg_ctl");
  let started = false;
  const stopSync = () => {
    if (started) {
      try {
        execFileSync(...asServerUser(pgCtl, ["stop", "-D", data, "-m", "immediate", "-w"]), { stdio: "ignore" });
      } catch {
        // already stopped
      }
      started = false;
    }
    // The server's last processes may still be closing files: retry (ENOTEMPTY, EBUSY), and never throw from here.
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // left in the temporary directory
    }
  };
  process.once("exit", stopSync);
  try {
    await run(...asServerUser(join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]));
    let port = 0;
    // A port found free may be taken by another process before the server binds it: try another one then.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const settings = [
        `-p ${port}`,
        "-c listen_addresses=127.0.0.1",
        `-c unix_socket_directories=${dir}`,
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=40",
      ].join(" ");
      try {
        await run(...asServerUser(pgCtl, ["start", "-D", data, "-l", log, "-w", "-t", String(START_TIMEOUT_SECONDS), "-o", settings]));
        started = true;
        break;
      } catch (e) {
        if (attempt >= 3) throw new Error(`PostgreSQL did not start: ${(e as Error).message}\n${existsSync(log) ? readFileSync(log, "utf8") : ""}`);
      }
    }
    const base = `postgres://postgres@127.0.0.1:${port}`;
    await waitForConnection(`${base}/postgres`);
    const createDatabase = async (name: string) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name}`);
      const admin = new pg.Client({ connectionString: `${base}/postgres` });
      await admin.connect();
      try {
        await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
      } finally {
        await admin.end();
      }
      return `${base}/${name}`;
    };
    const database = options.database ?? "eduplan_test";
    const url = await createDatabase(database);
    return {
      url,
      port,
      database,
      createDatabase,
      stop: async () => {
        process.removeListener("exit", stopSync);
        if (started) await run(...asServerUser(pgCtl, ["stop", "-D", data, "-m", "fast", "-w", "-t", String(START_TIMEOUT_SECONDS)])).catch(() => undefined);
        started = false;
        stopSync();
      },
    };
  } catch (e) {
    process.removeListener("exit", stopSync);
    stopSync();
    throw e;
  }
}
