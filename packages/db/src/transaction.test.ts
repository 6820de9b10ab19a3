/**
 * `transaction()` on SQLite: commit, rollback, one transaction at a time per connection whatever their bodies await,
 * nested calls as savepoints (known by the async context, not by the connection's state), BEGIN IMMEDIATE by
 * default, and the rule that a body never lets the event loop turn. And the users resource: the password is hashed
 * with the asynchronous scrypt before the transaction (`prepareRecordInput`), never inside it.
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeDatabase,
  createRecord,
  createRepositories,
  exec,
  first,
  hashPasswordAsync,
  inTransaction,
  one,
  openDatabase,
  prepareRecordInput,
  readRecord,
  RESOURCES,
  rows,
  schema as s,
  sql,
  SYSTEM,
  transaction,
  TransactionCrossedEventLoop,
  updateRecord,
  verifyPasswordAsync,
  type Db,
} from "./index.js";

let dir: string;
let file: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eduplan-tx-"));
  file = join(dir, "tx.db");
  db = openDatabase(file);
  await exec(db, sql`create table probe (id integer primary key, label text not null unique)`);
  await db.insert(s.localityLevels).values({ code: "province", nameVi: "Tỉnh", nameEn: "Province", rank: 1, isAdministrative: true });
});
afterAll(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const labels = async () => (await rows<{ label: string }>(db, sql`select label from probe order by id`)).map((r) => r.label);
const put = (label: string) => exec(db, sql`insert into probe (label) values (${label})`);
/** A few turns of the microtask queue: what awaiting already-finished queries amounts to on SQLite. */
const microtasks = async (n = 5) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

describe("transaction()", () => {
  it("commits the body's writes and returns its result; rolls all of them back when it throws", async () => {
    await exec(db, sql`delete from probe`);
    expect(await transaction(db, async (tx) => (await exec(tx, sql`insert into probe (label) values ('kept')`)).changes)).toBe(1);
    await expect(
      transaction(db, async () => {
        await put("lost-1");
        await put("lost-2");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await labels()).toEqual(["kept"]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("runs two concurrent transactions one after the other, never interleaved", async () => {
    await exec(db, sql`delete from probe`);
    const events: string[] = [];
    const body = (name: string) => async () => {
      for (let i = 0; i < 3; i++) {
        events.push(`${name}${i}`);
        await put(`${name}${i}`);
        await microtasks();
      }
      return name;
    };
    expect(await Promise.all([transaction(db, body("a")), transaction(db, body("b")), transaction(db, body("c"))])).toEqual(["a", "b", "c"]);
    expect(events).toEqual(["a0", "a1", "a2", "b0", "b1", "b2", "c0", "c1", "c2"]);
  });

  it("keeps another request's transaction apart: its rollback does not undo ours, nor does it become our savepoint", async () => {
    await exec(db, sql`delete from probe`);
    const ours = transaction(db, async () => {
      await put("ours");
      await microtasks(20);
      return inTransaction(db);
    });
    // Started while ours is open (the connection's inTransaction is true): it waits, then runs as its own transaction.
    const theirs = transaction(db, async () => {
      await put("theirs");
      throw new Error("theirs fails");
    });
    expect(await ours).toBe(true);
    await expect(theirs).rejects.toThrow("theirs fails");
    expect(await labels()).toEqual(["ours"]);
    expect(inTransaction(db)).toBe(false);
  });

  it("makes a nested call a savepoint: its failure rolls back only its own writes", async () => {
    await exec(db, sql`delete from probe`);
    await transaction(db, async (tx) => {
      await put("outer-1");
      await expect(
        transaction(tx, async () => {
          await put("inner-lost");
          throw new Error("inner");
        }),
      ).rejects.toThrow("inner");
      await transaction(tx, async () => {
        await put("inner-kept");
        await transaction(tx, () => put("innermost"));
      });
      await put("outer-2");
    });
    expect(await labels()).toEqual(["outer-1", "inner-kept", "innermost", "outer-2"]);
  });

  it("runs the nested calls of one transaction one at a time, and an outer failure undoes them all", async () => {
    await exec(db, sql`delete from probe`);
    const order: string[] = [];
    await expect(
      transaction(db, async (tx) => {
        await Promise.all(
          ["x", "y"].map((name) =>
            transaction(tx, async () => {
              order.push(`${name}:start`);
              await put(name);
              await microtasks();
              order.push(`${name}:end`);
            }),
          ),
        );
        throw new Error("outer");
      }),
    ).rejects.toThrow("outer");
    expect(order).toEqual(["x:start", "x:end", "y:start", "y:end"]);
    expect(await labels()).toEqual([]);
  });

  it("begins IMMEDIATE by default (the write lock is held from the start), DEFERRED on request", async () => {
    const other = new Database(file, { timeout: 0 });
    try {
      const tryWriteLock = () => {
        try {
          other.exec("BEGIN IMMEDIATE");
          other.exec("ROLLBACK");
          return "free";
        } catch (e) {
          return (e as { code?: string }).code;
        }
      };
      expect(await transaction(db, async () => tryWriteLock())).toBe("SQLITE_BUSY");
      expect(await transaction(db, async () => tryWriteLock(), { behavior: "deferred" })).toBe("free");
    } finally {
      other.close();
    }
  });

  it("rolls back and refuses a body that lets the event loop turn (real I/O inside a transaction)", async () => {
    await exec(db, sql`delete from probe`);
    await expect(
      transaction(db, async () => {
        await put("before-io");
        await new Promise((resolve) => setImmediate(resolve));
        await put("after-io");
      }),
    ).rejects.toBeInstanceOf(TransactionCrossedEventLoop);
    await expect(
      transaction(db, async () => {
        await put("hashing");
        await hashPasswordAsync("mat-khau-dai-du");
      }),
    ).rejects.toBeInstanceOf(TransactionCrossedEventLoop);
    expect(await labels()).toEqual([]);
    // The connection is usable afterwards.
    await transaction(db, () => put("after"));
    expect(await labels()).toEqual(["after"]);
  });

  it("one, rows, first and exec read and write through the same connection", async () => {
    await exec(db, sql`delete from probe`);
    expect(await exec(db, sql`insert into probe (label) values ('a'), ('b')`)).toEqual({ changes: 2 });
    expect(await one<{ n: number }>(db, sql`select count(*) as n from probe`)).toEqual({ n: 2 });
    expect(await one(db, sql`select 1 from probe where label = 'zz'`)).toBeUndefined();
    expect(await first(db.select().from(s.localityLevels))).toMatchObject({ code: "province" });
    expect(await first(db.select().from(s.localityLevels).where(sql`0`))).toBeUndefined();
  });
});

describe("users: the password is hashed before the transaction, with the asynchronous scrypt", () => {
  const admin = { ...SYSTEM, username: "admin" };
  let province: number;
  beforeAll(async () => {
    province = (await createRepositories(db).localities.create({ code: "p", nameVi: "Tỉnh", levelCode: "province", parentId: null }, SYSTEM)).id;
  });
  const hashOf = async (id: number) => (await first(db.select({ h: s.users.passwordHash }).from(s.users).where(sql`id = ${id}`)))!.h;

  it("creates and updates a user through prepareRecordInput; the stored hash verifies, and is never returned", async () => {
    const input = await prepareRecordInput(RESOURCES.users, { username: "can.bo", displayName: "Cán bộ", role: "province_officer", localityId: province, password: "mat-khau-1234" }, admin);
    const user = await transaction(db, (tx) => createRecord(tx, RESOURCES.users, input, admin));
    expect(user).not.toHaveProperty("passwordHash");
    expect(await verifyPasswordAsync("mat-khau-1234", await hashOf(user.id))).toBe(true);

    await exec(db, sql`insert into sessions (token_hash, user_id, created_at, expires_at) values ('s1', ${user.id}, '2026-01-01', '2099-01-01')`);
    const patch = await prepareRecordInput(RESOURCES.users, { password: "mat-khau-moi-5678" }, admin);
    const updated = await transaction(db, (tx) => updateRecord(tx, RESOURCES.users, user.id, patch, user.version, admin));
    expect(updated.version).toBe(user.version + 1);
    expect(await verifyPasswordAsync("mat-khau-moi-5678", await hashOf(user.id))).toBe(true);
    // A new password ends the user's sessions.
    expect(await one(db, sql`select 1 from sessions where user_id = ${user.id}`)).toBeUndefined();

    // A change without a password keeps the hash.
    const before = await hashOf(user.id);
    const rename = await prepareRecordInput(RESOURCES.users, { displayName: "Cán bộ tỉnh" }, admin);
    await transaction(db, (tx) => updateRecord(tx, RESOURCES.users, user.id, rename, updated.version, admin));
    expect(await hashOf(user.id)).toBe(before);
  });

  it("refuses user input that was not prepared (no hashing inside the transaction), and passwordHash as a field", async () => {
    await expect(
      transaction(db, (tx) => createRecord(tx, RESOURCES.users, { username: "khong.bam", displayName: "X", role: "viewer", localityId: province, password: "mat-khau-1234" }, admin)),
    ).rejects.toThrow(/prepareRecordInput/);
    const smuggled = await prepareRecordInput(RESOURCES.users, { username: "gia.mao", displayName: "X", role: "viewer", localityId: province, password: "mat-khau-1234", passwordHash: "scrypt$1$1$1$AA$AA" }, admin);
    await expect(transaction(db, (tx) => createRecord(tx, RESOURCES.users, smuggled, admin))).rejects.toMatchObject({ reason: "validation", fieldErrors: [{ path: "passwordHash" }] });
    expect(await first(db.select().from(s.users).where(sql`username in ('khong.bam', 'gia.mao')`))).toBeUndefined();
  });

  it("checks the role before hashing, and reports a too-short password as a field error", async () => {
    const officer = { userId: 5, username: "officer", role: "province_officer" as const, localityId: province };
    await expect(prepareRecordInput(RESOURCES.users, { password: "mat-khau-1234" }, officer)).rejects.toMatchObject({ reason: "forbidden" });
    const short = await prepareRecordInput(RESOURCES.users, { username: "ngan", displayName: "X", role: "viewer", localityId: province, password: "123" }, admin);
    expect(short.prepared).toEqual({});
    await expect(transaction(db, (tx) => createRecord(tx, RESOURCES.users, short, admin))).rejects.toMatchObject({ reason: "validation", fieldErrors: [{ path: "password" }] });
  });

  it("the repository prepares by itself; a stored user reads back without its hash", async () => {
    const repos = createRepositories(db);
    const u = await repos.users.create({ username: "qua.kho", displayName: "Qua kho", role: "viewer", localityId: province, password: "mat-khau-1234" }, admin);
    expect(await verifyPasswordAsync("mat-khau-1234", await hashOf(u.id))).toBe(true);
    expect(await readRecord(db, RESOURCES.users, u.id)).not.toHaveProperty("passwordHash");
  });

  it("no synchronous scrypt anywhere in the data layer", () => {
    const files = (folder: string): string[] =>
      readdirSync(folder).flatMap((f) => (statSync(join(folder, f)).isDirectory() ? files(join(folder, f)) : f.endsWith(".ts") && !f.endsWith(".test.ts") ? [join(folder, f)] : []));
    const offenders = files(new URL(".", import.meta.url).pathname).filter((f) => /scryptSync/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
