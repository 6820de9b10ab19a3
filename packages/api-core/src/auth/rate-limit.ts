/**
 * In-memory limiter of failed logins with exponential back-off, never a lock the owner cannot pass.
 *
 * Three kinds of key are counted, each with its own number of free failures and its own longest wait:
 * - `user:<name>` every failure for the account, from anywhere: after `maxAttempts` failures each further attempt waits
 *   `baseDelayMs`, then twice that, … up to `maxDelayMs` (default 1 minute). That cap is what the owner waits at worst
 *   while someone else keeps guessing, and it bounds any attacker to one guess per cap for that account.
 * - `user:<name>@<address>` the failures for the account from one client address: the same back-off, capped at
 *   `maxDelayPerIpMs` (default 15 minutes) — the guesser's own address is slowed far more than the owner's.
 * - `ip:<address>` every failure from one address, whatever the account: `maxAttemptsPerIp` free, then the same back-off
 *   up to `maxDelayPerIpMs` (against one address trying many accounts).
 *
 * A key is forgotten `windowMs` after its last failure; a successful login clears the account's keys. One process only
 * (EduPlan runs as one Node process); a restart clears it.
 */
export type RateLimitOptions = {
  /** Failed logins for an account (and for an account from one address) before the back-off starts (default 5). */
  maxAttempts?: number;
  /** Failed logins from one client address, any account, before its back-off starts (default 20: offices share an address). */
  maxAttemptsPerIp?: number;
  /** The first wait once the free failures are used (default 1 s); it doubles with every further failure. */
  baseDelayMs?: number;
  /** Longest wait for an account counted from anywhere (default 60 s): the most its owner waits. */
  maxDelayMs?: number;
  /** Longest wait for one address (alone, or for one account) (default 15 minutes). */
  maxDelayPerIpMs?: number;
  /** A key's failures are forgotten this long after its last failure (default 60 minutes). */
  windowMs?: number;
  /** The clock (default `Date.now`; tests pass their own). */
  clock?: () => number;
};

type Entry = { failures: number; last: number };

export class LoginRateLimiter {
  readonly maxAttempts: number;
  readonly maxAttemptsPerIp: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxDelayPerIpMs: number;
  readonly windowMs: number;
  private readonly entries = new Map<string, Entry>();

  private readonly now: () => number;

  constructor(options: RateLimitOptions = {}, now: () => number = Date.now) {
    this.now = options.clock ?? now;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.maxAttemptsPerIp = options.maxAttemptsPerIp ?? 20;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.maxDelayPerIpMs = Math.max(this.maxDelayMs, options.maxDelayPerIpMs ?? 15 * 60_000);
    this.windowMs = options.windowMs ?? 60 * 60_000;
  }

  /** The keys one login attempt is counted under. */
  static keys(username: string, address: string): string[] {
    return [`user:${username}`, `user:${username}@${address}`, `ip:${address}`];
  }

  private rule(key: string): { free: number; cap: number } {
    if (key.startsWith("ip:")) return { free: this.maxAttemptsPerIp, cap: this.maxDelayPerIpMs };
    if (key.includes("@")) return { free: this.maxAttempts, cap: this.maxDelayPerIpMs };
    return { free: this.maxAttempts, cap: this.maxDelayMs };
  }

  private entry(key: string, at: number): Entry | undefined {
    const e = this.entries.get(key);
    if (e && at - e.last >= this.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** The wait after `failures` failures of a key (0 while free failures remain). */
  delayAfter(key: string, failures: number): number {
    const { free, cap } = this.rule(key);
    if (failures < free) return 0;
    return Math.min(cap, this.baseDelayMs * 2 ** Math.min(40, failures - free));
  }

  /** Milliseconds until an attempt for these keys is allowed again; 0 = allowed now. */
  retryAfterMs(keys: string[]): number {
    const at = this.now();
    let wait = 0;
    for (const key of keys) {
      const e = this.entry(key, at);
      if (e) wait = Math.max(wait, e.last + this.delayAfter(key, e.failures) - at);
    }
    return Math.max(0, wait);
  }

  /** Counts a failure (call it before checking the password, so that parallel guesses are counted too). */
  recordFailure(keys: string[]): void {
    const at = this.now();
    if (this.entries.size > 50_000) for (const key of [...this.entries.keys()]) this.entry(key, at);
    for (const key of keys) {
      const e = this.entry(key, at);
      this.entries.set(key, { failures: (e?.failures ?? 0) + 1, last: at });
    }
  }

  /**
   * The attempt counted by `recordFailure` succeeded: the account's keys are cleared, and the address's count goes
   * back down by the one failure recorded for this attempt.
   */
  recordSuccess(keys: string[]): void {
    for (const key of keys) {
      if (!key.startsWith("ip:")) this.entries.delete(key);
      else {
        const e = this.entries.get(key);
        if (e && e.failures > 1) e.failures -= 1;
        else this.entries.delete(key);
      }
    }
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}
