/**
 * Transactions of the data layer: the one place that begins, commits and rolls back. Every write of EduPlan runs in
 * `transaction(db, async (tx) => …)`; nothing calls drizzle's or better-sqlite3's `.transaction(…)` (ESLint forbids it).
 *
 * SQLite (one connection per process):
 * - a per-connection async mutex: two transactions never interleave on the connection, whatever awaits their bodies
 *   contain;
 * - `BEGIN IMMEDIATE` by default (the write lock is taken at the start, so a transaction never fails half-way on a lock
 *   another process holds), `BEGIN DEFERRED` on request; COMMIT, or ROLLBACK when the body throws;
 * - a call from inside a transaction (known through AsyncLocalStorage, not through the connection's `inTransaction`,
 *   which another request's open transaction would also set) is a SAVEPOINT of it: rolled back alone when its body
 *   throws. Nested calls of one transaction run one after the other.
 *
 * THE RULE: NO REAL I/O INSIDE A TRANSACTION ON SQLITE — no scrypt, file, network, timer, dynamic `import()`, no
 * spreadsheet parsing. Every query there executes synchronously (the awaits only queue microtasks), so the body
 * completes within one macrotask and no other request can read its uncommitted state or write into it. Anything slow is
 * done BEFORE `transaction(…)` and its result passed in (a password's hash: `prepareRecordInput`). The rule is
 * enforced: a body that lets the event loop turn is rolled back and throws {@link TransactionCrossedEventLoop}.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import type { Executor, Tx } from "./resource.js";

export type TransactionOptions = { behavior?: "deferred" | "immediate" };

/** A transaction body let the event loop turn (real I/O inside a transaction): a programmer error, rolled back. */
export class TransactionCrossedEventLoop extends Error {
  constructor() {
    super(
      "transaction body crossed an event-loop turn (real I/O — scrypt, file, network, timer — inside a transaction); it was rolled back. Do the slow work before transaction(...).",
    );
    this.name = "TransactionCrossedEventLoop";
  }
}

/** A first-come mutex: `lock()` resolves when the caller holds it; `unlock()` hands it to the next waiter. */
class Mutex {
  private locked = false;
  private readonly waiters: (() => void)[] = [];
  lock(): Promise<void> | undefined {
    if (!this.locked) {
      this.locked = true;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }
  unlock(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.locked = false;
  }
}

type Frame = { client: Database.Database; open: boolean; children: Mutex };

const current = new AsyncLocalStorage<Frame>();
const connectionLocks = new WeakMap<Database.Database, Mutex>();
let savepoints = 0;

const statement = (client: Database.Database, text: string) => client.prepare(text).run();

function lockOf(client: Database.Database): Mutex {
  let lock = connectionLocks.get(client);
  if (!lock) connectionLocks.set(client, (lock = new Mutex()));
  return lock;
}

/**
 * Run `fn` in one transaction on the connection of `db` and return its result; see the module comment for the rule
 * (no real I/O inside). `fn` receives the handle to query through (`tx`).
 */
export async function transaction<T>(db: Executor, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const client = db.$client;
  const outer = current.getStore();
  if (outer && outer.open && outer.client === client) return savepoint(db, outer, fn);
  const lock = lockOf(client);
  await lock.lock();
  const frame: Frame = { client, open: true, children: new Mutex() };
  let crossed = false;
  const turn = setImmediate(() => (crossed = true));
  try {
    statement(client, options.behavior === "deferred" ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE");
    let result: T;
    try {
      result = await current.run(frame, () => fn(db));
      if (crossed) throw new TransactionCrossedEventLoop();
    } catch (error) {
      frame.open = false;
      if (client.inTransaction) statement(client, "ROLLBACK");
      throw error;
    }
    frame.open = false;
    statement(client, "COMMIT");
    return result;
  } finally {
    frame.open = false;
    clearImmediate(turn);
    lock.unlock();
  }
}

/** A nested call: a savepoint of the open transaction, released on success, rolled back to alone on failure. */
async function savepoint<T>(db: Executor, outer: Frame, fn: (tx: Tx) => Promise<T>): Promise<T> {
  await outer.children.lock();
  const name = `eduplan_sp${++savepoints}`;
  const frame: Frame = { client: outer.client, open: true, children: new Mutex() };
  try {
    statement(outer.client, `SAVEPOINT ${name}`);
    try {
      const result = await current.run(frame, () => fn(db));
      frame.open = false;
      statement(outer.client, `RELEASE ${name}`);
      return result;
    } catch (error) {
      frame.open = false;
      if (outer.client.inTransaction) {
        statement(outer.client, `ROLLBACK TO ${name}`);
        statement(outer.client, `RELEASE ${name}`);
      }
      throw error;
    }
  } finally {
    frame.open = false;
    outer.children.unlock();
  }
}

/** Is the caller inside a transaction of this connection (its own async context, not another request's)? */
export function inTransaction(db: Executor): boolean {
  const frame = current.getStore();
  return !!frame && frame.open && frame.client === db.$client;
}
