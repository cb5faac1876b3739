import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from '../../db/schema.js';
import { up } from '../../db/migrations/20261130_1201_create_login_attempts.js';
import { AttemptLimiter } from './attempt-limiter.js';

/** The limiter alone on an in-memory SQLite (the route tests run it on both databases). */
async function limiter(windowMs = 60_000) {
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  await up(db);
  return { db, l: new AttemptLimiter(db, windowMs) };
}

const passes = async (p: Promise<void>) =>
  p.then(
    () => true,
    (e: { code?: string }) => {
      assert.equal(e.code, 'too_many_attempts');
      return false;
    },
  );

describe('attempt limiter (counted before the check)', () => {
  it('lets exactly max of many concurrent attempts through', async () => {
    const { l } = await limiter();
    const keys = [{ key: 'login:a|ip', max: 5 }];
    const ok = await Promise.all(Array.from({ length: 200 }, () => passes(l.take(keys, 1000))));
    assert.equal(ok.filter(Boolean).length, 5);
  });

  it('stops at the first key over its limit, each key counted apart', async () => {
    const { l } = await limiter();
    const pair = (id: string) => [
      { key: `login:${id}|ip`, max: 2 },
      { key: 'login-ip:ip', max: 3 },
    ];
    assert.equal(await passes(l.take(pair('a'), 1000)), true);
    assert.equal(await passes(l.take(pair('a'), 1000)), true);
    assert.equal(await passes(l.take(pair('a'), 1000)), false, 'a: 3rd over its 2');
    assert.equal(await passes(l.take(pair('b'), 1000)), false, 'the address: 4th over its 3');
    assert.equal(await passes(l.take([{ key: 'login:c|other', max: 1 }], 1000)), true);
  });

  it('a good attempt is given back; a new window starts again', async () => {
    const { l } = await limiter(1000);
    const keys = [{ key: 'k', max: 1 }];
    assert.equal(await passes(l.take(keys, 0)), true);
    await l.refund(keys);
    assert.equal(await passes(l.take(keys, 10)), true, 'refunded');
    assert.equal(await passes(l.take(keys, 20)), false);
    assert.equal(await passes(l.take(keys, 999)), false, 'window still open');
    assert.equal(await passes(l.take(keys, 1000)), true, 'a new window');
    await l.refund([{ key: 'nobody', max: 1 }]);
  });

  it('says how long to wait', async () => {
    const { l } = await limiter(10 * 60_000);
    const keys = [{ key: 'k', max: 0 }];
    await assert.rejects(l.take(keys, 0), { message: /10 minute/ });
  });

  it('refund never goes below zero', async () => {
    const { db, l } = await limiter();
    const keys = [{ key: 'z', max: 3 }];
    await l.take(keys, 0);
    await l.refund(keys);
    await l.refund(keys);
    const row = await db.selectFrom('login_attempts').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.count, 0);
  });

  it('over several keys, waits for the one that frees last', async () => {
    const minute = 60_000;
    const { l } = await limiter(15 * minute);
    const old = { key: 'old', max: 1 };
    const fresh = { key: 'fresh', max: 1 };
    await l.take([old], 0);
    await l.take([fresh], 10 * minute);
    // At minute 10 both are over: "old" frees in 5 minutes, "fresh" in 15.
    await assert.rejects(l.take([fresh, old], 10 * minute), { message: /in 15 minute/ });
    await assert.rejects(l.take([old, fresh], 10 * minute), { message: /in 15 minute/ });
  });

  it('drops ended windows every 500 attempts, and only ended ones', async () => {
    const { db, l } = await limiter(1000);
    await l.take([{ key: 'ended', max: 10 }], 0);
    const keysAt = async () =>
      (await db.selectFrom('login_attempts').select('key').execute()).map((r) => r.key).sort();
    // Attempts 2 … 499 (at time 5000, the first window long over): nothing dropped yet, so a
    // take costs one upsert.
    for (let i = 2; i < 500; i++) await l.take([{ key: 'live', max: 1000 }], 5000);
    assert.deepEqual(await keysAt(), ['ended', 'live']);
    await l.take([{ key: 'live', max: 1000 }], 5000);
    assert.deepEqual(await keysAt(), ['live'], 'the 500th attempt drops the ended window');
  });
});
