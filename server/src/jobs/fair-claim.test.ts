import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertMany } from '../db/insert-many.js';
import { createPacker, addStore } from '../../test/support/factories.js';
import { insertStore } from '../../test/support/distribution.js';
import { type FakeStore, startFakeStore } from '../../test/support/fake-store.js';
import { ownerClient, startTestApp } from '../../test/support/test-app.js';
import { claimNext } from './claim.js';
import { JOB_PRIORITY, type JobHandlers } from './job-kinds.js';
import { JobWorker } from './worker.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('fair job queue', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Awaited<ReturnType<typeof ownerClient>>;
  const fakes: FakeStore[] = [];
  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
  });
  after(async () => {
    await Promise.all(fakes.map((f) => f.close()));
    await app.cleanup();
  });

  const bulkJobs = (storeId: number | null, n: number, now: number) =>
    Array.from({ length: n }, (_, i) => ({
      account_id: owner.accountId,
      kind: 'store.push_assignment',
      payload: JSON.stringify({ order_id: i + 1 }),
      state: 'queued' as const,
      attempts: 0,
      max_attempts: 10,
      run_at: now - 1000 + i,
      store_id: storeId,
      priority: JOB_PRIORITY.bulk,
      created_at: now,
      updated_at: now,
    }));

  it('a first sync of 20,000 orders in one store does not delay another store’s poll', async () => {
    const db = app.database.db;
    await createPacker(owner, { name: 'Ana Pop' });
    const a = await startFakeStore({ orders: 20_000, stepMs: 30 });
    const b = await startFakeStore({ orders: 10 });
    fakes.push(a, b);
    // A is added first (the lower id), so neither its id nor its age can put B first.
    const aId = await addStore(owner, a);
    const bId = await addStore(owner, b);
    assert.ok(aId < bId);
    // Both first syncs are due at once: A's runs first (a tie), queueing a write-back per
    // distributed order; B's sync comes next, before any of those.
    assert.equal(await app.worker.runOne(), true);
    const firstSynced = await db
      .selectFrom('stores')
      .select(['id', 'first_synced_at'])
      .where('id', 'in', [aId, bId])
      .orderBy('id')
      .execute();
    assert.ok(firstSynced[0]?.first_synced_at && !firstSynced[1]?.first_synced_at);
    const pushes = await db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('store_id', '=', aId)
      .where('kind', '=', 'store.push_assignment')
      .where('state', '=', 'queued')
      .executeTakeFirstOrThrow();
    assert.equal(Number(pushes.n), 20_000, 'a write-back job per order of the first sync');
    assert.equal(await app.worker.runOne(), true);
    const bSynced = await db
      .selectFrom('stores')
      .select('first_synced_at')
      .where('id', '=', bId)
      .executeTakeFirstOrThrow();
    assert.ok(bSynced.first_synced_at, 'B’s first sync ran before A’s 20,000 write-backs');

    // A worker busy with A's write-backs (each as slow as a real store's answer).
    const PUSH_MS = 15;
    const started: { kind: string; store: number | null; at: number }[] = [];
    const handlers: JobHandlers = {
      'store.sync': (p) => {
        started.push({ kind: 'store.sync', store: p.store_id, at: Date.now() });
        return Promise.resolve();
      },
      'store.reconcile': () => Promise.resolve(),
      'store.push_assignment': async () => {
        started.push({ kind: 'push', store: null, at: Date.now() });
        await sleep(PUSH_MS);
      },
      'store.push_shipment': () => Promise.resolve(),
      'shipment.track': () => Promise.resolve(),
      'shipment.generate': () => Promise.resolve(),
      'nomenclature.refresh': () => Promise.resolve(),
      'courier.refresh_lockers': () => Promise.resolve(),
      'cod.import': () => Promise.resolve(),
      'reports.daily_mail': () => Promise.resolve(),
    };
    const worker = new JobWorker(
      db,
      app.database.dialect,
      handlers,
      { pollMs: 5, leaseMs: 60_000, heartbeatMs: 200, deadMs: 2000, concurrency: 2 },
      quiet,
    );
    worker.start();
    try {
      while (started.length < 10) await sleep(5);
      // The poll: both stores are due again (their interval has passed); both syncs are queued.
      await app.services.sync.enqueueSyncs(Date.now() + 120_000);
      const queuedAt = Date.now();
      const before = started.length;
      for (let i = 0; i < 400 && !started.some((s) => s.store === bId); i++) await sleep(5);
      const bSync = started.findIndex((s) => s.kind === 'store.sync' && s.store === bId);
      assert.ok(bSync >= 0, 'store B’s sync ran');
      // At most the write-backs already being claimed by the worker's two slots went first.
      const pushesBefore = started.slice(before, bSync).filter((s) => s.kind === 'push').length;
      assert.ok(pushesBefore <= 2, `B's sync waited behind ${pushesBefore} write-backs`);
      const waited = (started[bSync]?.at ?? 0) - queuedAt;
      // One write-back's time plus the idle poll, far from 20,000 × 15 ms.
      assert.ok(waited < 1000, `B's sync started ${waited} ms after its poll`);
    } finally {
      await worker.stop();
    }
    await db.deleteFrom('jobs').where('store_id', '=', aId).execute();
  });

  it('takes turns across stores within a priority, and keeps the urgent first', async () => {
    const db = app.database.db;
    await db.deleteFrom('jobs').execute();
    const x = await insertStore(app, owner.accountId, 'X');
    const y = await insertStore(app, owner.accountId, 'Y');
    const now = Date.now();
    // X queued first and has the most: oldest-first would serve X 50 times in a row.
    await insertMany(db, app.database.dialect, 'jobs', bulkJobs(x, 50, now - 10_000));
    await insertMany(db, app.database.dialect, 'jobs', bulkJobs(y, 5, now));
    await insertMany(db, app.database.dialect, 'jobs', bulkJobs(null, 5, now));
    await insertMany(
      db,
      app.database.dialect,
      'jobs',
      bulkJobs(y, 1, now).map((j) => ({ ...j, kind: 'store.sync', payload: '{}', priority: 0 })),
    );
    const order: (number | null)[] = [];
    const kinds: string[] = [];
    for (let i = 0; i < 16; i++) {
      const j = await claimNext(db, app.database.dialect, 'w', Date.now());
      assert.ok(j);
      order.push(j.store_id);
      kinds.push(j.kind);
    }
    assert.equal(kinds[0], 'store.sync', 'the urgent job first');
    // Then three groups take turns: no group twice in a row while the others wait.
    const rest = order.slice(1);
    for (let i = 1; i < 15; i++)
      assert.notEqual(rest[i], rest[i - 1], `claim ${i}: ${rest.join(',')}`);
    assert.equal(rest.filter((s) => s === x).length, 5);
    await db.deleteFrom('jobs').execute();
  });

  it('leaves a paused store’s jobs queued until it is resumed', async () => {
    const db = app.database.db;
    const p = await insertStore(app, owner.accountId, 'P');
    const now = Date.now();
    await insertMany(db, app.database.dialect, 'jobs', bulkJobs(p, 3, now));
    await db.updateTable('stores').set({ paused_at: now }).where('id', '=', p).execute();
    assert.equal(await claimNext(db, app.database.dialect, 'w', Date.now()), null);
    const rows = await db.selectFrom('jobs').select('state').where('store_id', '=', p).execute();
    assert.deepEqual(
      rows.map((r) => r.state),
      ['queued', 'queued', 'queued'],
    );
    await db.updateTable('stores').set({ paused_at: null }).where('id', '=', p).execute();
    assert.equal((await claimNext(db, app.database.dialect, 'w', Date.now()))?.store_id, p);
    await db.deleteFrom('jobs').execute();
  });
});
