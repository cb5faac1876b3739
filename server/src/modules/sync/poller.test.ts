import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { changeStampOf } from '../../db/change-stamp.js';
import { enqueue } from '../../jobs/jobs.repo.js';
import { addStore } from '../../../test/support/factories.js';
import { type FakeStore, startFakeStore } from '../../../test/support/fake-store.js';
import { ownerClient, startTestApp } from '../../../test/support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

const HOUR = 3_600_000;

/**
 * The poller ticks every few seconds and queues a sync only for stores that are due: never
 * tried, or their own interval (else the default, 60 s here) has passed since the last
 * attempt, and none pending. Every case names its `now`: no sleeping.
 */
describe('store poller', () => {
  let app: TestApp;
  let accounts: number[];
  const now = Date.now();

  /** A store row straight in the table: the poller never opens its credential. */
  async function store(
    name: string,
    s: {
      account?: number;
      attemptedAgoS?: number;
      pollSeconds?: number;
      status?: string;
      credentials?: string | null;
    } = {},
  ): Promise<number> {
    return (
      await app.database.db
        .insertInto('stores')
        .values({
          account_id: s.account ?? accounts[0] ?? 0,
          name,
          platform: 'woocommerce',
          url: `https://${name}.example`,
          status: s.status ?? 'connected',
          credentials: s.credentials === undefined ? 'v1.sealed' : s.credentials,
          poll_seconds: s.pollSeconds ?? null,
          sync_attempted_at: s.attemptedAgoS === undefined ? null : now - s.attemptedAgoS * 1000,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  const queued = async (kind: string) =>
    (
      await app.database.db
        .selectFrom('jobs')
        .select(['payload', 'run_at'])
        .where('kind', '=', kind)
        .where('state', 'in', ['queued', 'running'])
        .execute()
    )
      .map((j) => ({
        store: (JSON.parse(j.payload) as { store_id: number }).store_id,
        at: j.run_at,
      }))
      .sort((a, b) => a.store - b.store);

  const closeSyncJobs = () =>
    app.database.db
      .updateTable('jobs')
      .set({ state: 'done' })
      .where('kind', '=', 'store.sync')
      .where('state', '=', 'queued')
      .execute();

  before(async () => {
    app = await startTestApp();
    accounts = [(await ownerClient(app, 'A')).accountId, (await ownerClient(app, 'B')).accountId];
  });
  after(() => app.cleanup());

  it('queues a sync only for due stores, one reconciliation an hour ahead per store, and writes nothing when idle', async () => {
    const never = await store('never');
    const recent = await store('recent', { attemptedAgoS: 30 });
    const exactly = await store('exactly', { attemptedAgoS: 60, account: accounts[1] });
    const slow = await store('slow', { attemptedAgoS: 120, pollSeconds: 300 });
    const fast = await store('fast', { attemptedAgoS: 31, pollSeconds: 30 });
    await store('disconnected', { status: 'disconnected' });
    await store('no-credential', { credentials: null });
    const pending = await store('pending');
    await enqueue(app.database.db, {
      kind: 'store.sync',
      payload: { store_id: pending },
      accountId: accounts[0] ?? 0,
      dedupeKey: `store.sync:${pending}`,
    });

    await app.services.sync.enqueueSyncs(now);
    assert.deepEqual(
      (await queued('store.sync')).map((j) => j.store),
      [never, exactly, fast, pending],
      'never tried, interval passed (both accounts), and the one already pending, once',
    );
    assert.deepEqual(
      await queued('store.reconcile'),
      [never, recent, exactly, slow, fast, pending].map((id) => ({ store: id, at: now + HOUR })),
    );

    // The next tick finds nothing due: not one write (a write would drop SQLite's list cache).
    const stamp = changeStampOf(app.database);
    const jobsBefore = await app.database.db.selectFrom('jobs').selectAll().orderBy('id').execute();
    const stampBefore = stamp();
    await app.services.sync.enqueueSyncs(now + 1000);
    assert.equal(stamp(), stampBefore);
    assert.deepEqual(
      await app.database.db.selectFrom('jobs').selectAll().orderBy('id').execute(),
      jobsBefore,
    );

    // Later: each store is due when its own interval has passed since its last attempt.
    await closeSyncJobs();
    await app.services.sync.enqueueSyncs(now + 179_999);
    assert.deepEqual(
      (await queued('store.sync')).map((j) => j.store),
      [never, recent, exactly, fast, pending],
      'slow (300 s, tried 120 s ago) is not due yet',
    );
    await closeSyncJobs();
    await app.services.sync.enqueueSyncs(now + 180_000);
    assert.ok((await queued('store.sync')).some((j) => j.store === slow));
  });

  describe('with a real store', () => {
    let fake: FakeStore;
    before(async () => {
      fake = await startFakeStore({ orders: 5 });
    });
    after(() => fake.close());

    it('a failing store is tried again one interval after its last attempt, not on every tick', async () => {
      const owner = await ownerClient(app, 'C');
      const id = await addStore(owner, fake);
      fake.faults.push('500');
      await app.worker.runUntilIdle();
      const attempted = await app.database.db
        .selectFrom('stores')
        .select(['sync_attempted_at', 'last_error_code'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(attempted.last_error_code, 'server_error');
      const at = attempted.sync_attempted_at ?? 0;
      assert.ok(at > 0);
      const syncQueued = async () => (await queued('store.sync')).some((j) => j.store === id);

      await closeSyncJobs();
      await app.services.sync.enqueueSyncs(at + 5_000);
      assert.equal(await syncQueued(), false);
      await app.services.sync.enqueueSyncs(at + 60_000);
      assert.equal(await syncQueued(), true);

      // The store's own interval, set in the dashboard, replaces the default.
      await closeSyncJobs();
      assert.equal((await owner.patch(`/api/stores/${id}`, { poll_seconds: 600 })).statusCode, 200);
      await app.services.sync.enqueueSyncs(at + 599_999);
      assert.equal(await syncQueued(), false);
      await app.services.sync.enqueueSyncs(at + 600_000);
      assert.equal(await syncQueued(), true);
    });
  });
});
