import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp } from '../../test/support/test-app.js';
import { retryDelayMs } from './backoff.js';
import type { JobHandlers } from './job-kinds.js';
import { enqueue, requeueOrphans } from './jobs.repo.js';
import { JobWorker } from './worker.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('durable jobs', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.cleanup());

  it('backs off exponentially with jitter, capped at an hour', () => {
    assert.deepEqual(
      [1, 2, 3].map((n) => retryDelayMs(n, () => 0)),
      [2500, 5000, 10_000],
    );
    assert.deepEqual(
      [1, 2, 3].map((n) => retryDelayMs(n, () => 1)),
      [5000, 10_000, 20_000],
    );
    assert.equal(
      retryDelayMs(40, () => 1),
      3_600_000,
    );
  });

  it('enqueues in the caller transaction: a rolled-back change leaves no job', async () => {
    const db = app.database.db;
    await db
      .transaction()
      .execute(async (trx) => {
        await enqueue(trx, { kind: 'store.sync', payload: { store_id: 1 }, accountId: null });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    assert.equal(
      (await db.selectFrom('jobs').select('id').where('kind', '=', 'store.sync').execute()).length,
      0,
    );
  });

  it('runs every job exactly once with several workers at once', async () => {
    const db = app.database.db;
    for (let i = 0; i < 60; i++)
      await enqueue(db, {
        kind: 'store.push_assignment',
        payload: { order_id: i },
        accountId: null,
      });
    const seen: number[] = [];
    const handlers: JobHandlers = {
      'store.sync': () => Promise.resolve(),
      'store.reconcile': () => Promise.resolve(),
      'store.push_assignment': async (p) => {
        seen.push(p.order_id);
        await new Promise((r) => setTimeout(r, 2));
      },
      'store.push_shipment': () => Promise.resolve(),
      'shipment.track': () => Promise.resolve(),
      'shipment.generate': () => Promise.resolve(),
      'nomenclature.refresh': () => Promise.resolve(),
      'courier.refresh_lockers': () => Promise.resolve(),
      'cod.import': () => Promise.resolve(),
      'reports.daily_mail': () => Promise.resolve(),
    };
    const workers = [1, 2, 3].map(
      () =>
        new JobWorker(
          db,
          app.database.dialect,
          handlers,
          { pollMs: 5, leaseMs: 60_000, heartbeatMs: 100, deadMs: 1000, concurrency: 3 },
          quiet,
        ),
    );
    for (const w of workers) w.start();
    for (let i = 0; i < 400 && seen.length < 60; i++) await new Promise((r) => setTimeout(r, 10));
    await Promise.all(workers.map((w) => w.stop()));
    assert.equal(seen.length, 60);
    assert.equal(new Set(seen).size, 60);
    const states = await db
      .selectFrom('jobs')
      .select('state')
      .where('kind', '=', 'store.push_assignment')
      .execute();
    assert.ok(states.every((s) => s.state === 'done'));
  });

  it('gives a stuck job of a live worker back to the queue after its lease', async () => {
    const db = app.database.db;
    const id = await enqueue(db, {
      kind: 'store.sync',
      payload: { store_id: 99 },
      accountId: null,
    });
    const now = Date.now();
    await db
      .insertInto('workers')
      .values({ id: 'live-worker', hostname: 'h', pid: 1, started_at: now, heartbeat_at: now })
      .execute();
    await db
      .updateTable('jobs')
      .set({ state: 'running', locked_by: 'live-worker', locked_at: now - 10_000 })
      .where('id', '=', id)
      .execute();
    const silent = now - 60_000;
    assert.equal(
      await requeueOrphans(db, { leaseBefore: now - 60_000, workerSilentSince: silent }, now),
      0,
      'still within its lease, its worker alive',
    );
    assert.equal(
      await requeueOrphans(db, { leaseBefore: now - 5_000, workerSilentSince: silent }, now),
      1,
    );
    await db.deleteFrom('workers').where('id', '=', 'live-worker').execute();
    const row = await db
      .selectFrom('jobs')
      .select(['state', 'locked_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { state: 'queued', locked_by: null });
    await db.deleteFrom('jobs').where('id', '=', id).execute();
  });

  it('keeps one live job per dedupe key, also when enqueuers race; Retry of a dead twin only closes it', async () => {
    const db = app.database.db;
    const key = 'store.sync:4242';
    const ids = await Promise.all(
      Array.from({ length: 10 }, () =>
        enqueue(db, {
          kind: 'store.sync',
          payload: { store_id: 4242 },
          accountId: null,
          dedupeKey: key,
        }),
      ),
    );
    assert.equal(new Set(ids).size, 1);
    const live = await db.selectFrom('jobs').select('id').where('dedupe_key', '=', key).execute();
    assert.equal(live.length, 1);
    const now = Date.now();
    const { id: deadId } = await db
      .insertInto('jobs')
      .values({
        account_id: null,
        kind: 'store.sync',
        payload: '{}',
        state: 'dead',
        attempts: 3,
        max_attempts: 3,
        run_at: now,
        locked_by: null,
        locked_at: null,
        last_error: 'x',
        dedupe_key: key,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('jobs').set({ account_id: 1 }).where('id', '=', deadId).execute();
    const { retryDead } = await import('./jobs.repo.js');
    assert.equal(await retryDead(db, 1, deadId, now), true);
    const row = await db
      .selectFrom('jobs')
      .select(['state', 'last_error'])
      .where('id', '=', deadId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { state: 'done', last_error: `superseded by job ${ids[0]}` });
    await db.deleteFrom('jobs').where('dedupe_key', '=', key).execute();
  });

  it('marks a job of an unknown kind dead after its attempts', async () => {
    const db = app.database.db;
    const now = Date.now();
    const { id } = await db
      .insertInto('jobs')
      .values({
        account_id: null,
        kind: 'no.such.kind',
        payload: '{}',
        state: 'queued',
        attempts: 0,
        max_attempts: 1,
        run_at: now,
        locked_by: null,
        locked_at: null,
        last_error: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await app.worker.runUntilIdle();
    const row = await db
      .selectFrom('jobs')
      .select(['state', 'last_error'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.state, 'dead');
    assert.match(row.last_error ?? '', /no handler/);
  });
});
