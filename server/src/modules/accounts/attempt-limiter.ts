import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { TooManyRequests } from '../../shared/errors.js';

/** One counted key and how many attempts it allows per window. */
export interface AttemptKey {
  key: string;
  max: number;
}

/**
 * Attempt counters in the database, shared by every server process. An attempt is counted
 * BEFORE the secret is checked, by one atomic upsert per key (INSERT … ON CONFLICT DO UPDATE
 * … RETURNING, atomic on SQLite and PostgreSQL alike), so N concurrent tries cost N and at
 * most `max` of them ever reach the password check. A good login gives its attempt back
 * (`refund`), so the packers of one shop sharing one address are not counted for logging in.
 */
export class AttemptLimiter {
  private takes = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt on every key; throws 429 when any key is over its limit. */
  async take(keys: AttemptKey[], now = Date.now()): Promise<void> {
    let over: number | null = null;
    for (const k of keys) {
      const row = await this.increment(k.key, now);
      if (row.count > k.max) over = Math.max(over ?? 0, row.window_start + this.windowMs - now);
    }
    if ((this.takes += 1) % 500 === 0) await this.prune(now);
    if (over !== null) {
      const minutes = Math.max(1, Math.ceil(over / 60_000));
      throw new TooManyRequests(
        'too_many_attempts',
        `Too many failed attempts. Try again in ${minutes} minute(s).`,
      );
    }
  }

  /** The attempt was good: it no longer counts against its keys. */
  async refund(keys: AttemptKey[]): Promise<void> {
    for (const k of keys)
      await this.db
        .updateTable('login_attempts')
        .set({ count: sql<number>`count - 1` })
        .where('key', '=', k.key)
        .where('count', '>', 0)
        .execute();
  }

  private increment(key: string, now: number) {
    const stale = now - this.windowMs;
    return this.db
      .insertInto('login_attempts')
      .values({ key, count: 1, window_start: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when login_attempts.window_start <= ${stale} then 1 else login_attempts.count + 1 end`,
          window_start: sql<number>`case when login_attempts.window_start <= ${stale} then ${now} else login_attempts.window_start end`,
        }),
      )
      .returning(['count', 'window_start'])
      .executeTakeFirstOrThrow()
      .then((r) => ({ count: Number(r.count), window_start: Number(r.window_start) }));
  }

  private async prune(now: number): Promise<void> {
    await this.db
      .deleteFrom('login_attempts')
      .where('window_start', '<=', now - this.windowMs)
      .execute();
  }
}
