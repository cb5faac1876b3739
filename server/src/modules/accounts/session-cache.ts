/**
 * Resolved sessions kept for a few seconds, so that a busy dashboard does not look its
 * session up on every request (the lookup cost more than the orders page itself, measured
 * by `npm run bench`). Logout, deactivation and PIN changes in this process forget the
 * entries at once; another process sharing the database sees them within `ttlMs`.
 */
export class SessionCache<T extends { userId: number }> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly max = 10_000,
  ) {}

  get(key: string, now = Date.now()): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** `expiresAt` is the session's own end: an entry never outlives it. */
  set(key: string, value: T, expiresAt: number, now = Date.now()): void {
    if (this.entries.size >= this.max)
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, until: Math.min(now + this.ttlMs, expiresAt) });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every entry the predicate picks (a user's sessions, an account's). */
  forgetWhere(pick: (value: T) => boolean): void {
    for (const [key, e] of this.entries) if (pick(e.value)) this.entries.delete(key);
  }
}
