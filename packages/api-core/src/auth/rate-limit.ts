/**
 * In-memory limiter of failed logins: after `maxAttempts` failures for a username (or `maxAttemptsPerIp` for a client
 * address) within `windowMs`, further attempts for that key are refused until the oldest failure leaves the window.
 * Keys are `user:<name>` and `ip:<address>`. One process only (EduPlan runs as one Node process); a restart clears it.
 */
export type RateLimitOptions = {
  /** Failed logins allowed per username within the window (default 5). */
  maxAttempts?: number;
  /** Failed logins allowed per client address within the window (default: `maxAttempts`). */
  maxAttemptsPerIp?: number;
  /** Default 15 minutes. */
  windowMs?: number;
};

export class LoginRateLimiter {
  readonly maxAttempts: number;
  readonly maxAttemptsPerIp: number;
  readonly windowMs: number;
  private readonly failures = new Map<string, number[]>();

  constructor(options: RateLimitOptions = {}, private readonly now: () => number = Date.now) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.maxAttemptsPerIp = options.maxAttemptsPerIp ?? this.maxAttempts;
    this.windowMs = options.windowMs ?? 15 * 60_000;
  }

  private limitOf(key: string): number {
    return key.startsWith("ip:") ? this.maxAttemptsPerIp : this.maxAttempts;
  }

  private recent(key: string, at: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => at - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Milliseconds until an attempt for these keys is allowed again; 0 = allowed now. */
  retryAfterMs(keys: string[]): number {
    const at = this.now();
    let wait = 0;
    for (const key of keys) {
      const list = this.recent(key, at);
      const limit = this.limitOf(key);
      if (list.length >= limit) wait = Math.max(wait, list[list.length - limit]! + this.windowMs - at);
    }
    return wait;
  }

  recordFailure(keys: string[]): void {
    const at = this.now();
    if (this.failures.size > 50_000) for (const key of [...this.failures.keys()]) this.recent(key, at);
    for (const key of keys) this.failures.set(key, [...this.recent(key, at), at]);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}
