import { TooManyRequests } from '../../shared/errors.js';

/**
 * Counts failed logins per key in a fixed window: per identifier (`max`) and per client
 * address (`max` × IP_FACTOR, since a shop's packers share one address). In memory: with
 * several server processes each keeps its own count, which still bounds guessing to
 * max × processes per window.
 */
const IP_FACTOR = 5;
const maxFor = (key: string, max: number) => (key.startsWith('ip:') ? max * IP_FACTOR : max);

export class LoginRateLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly limit: { max: number; windowMs: number }) {}

  check(keys: string[], now = Date.now()): void {
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (entry && entry.resetAt > now && entry.count >= maxFor(key, this.limit.max)) {
        const minutes = Math.ceil((entry.resetAt - now) / 60_000);
        throw new TooManyRequests(
          'too_many_attempts',
          `Too many failed logins. Try again in ${minutes} minute(s).`,
        );
      }
    }
  }

  fail(keys: string[], now = Date.now()): void {
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (!entry || entry.resetAt <= now)
        this.failures.set(key, { count: 1, resetAt: now + this.limit.windowMs });
      else entry.count += 1;
    }
    if (this.failures.size > 100_000) this.prune(now);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key);
  }
}
