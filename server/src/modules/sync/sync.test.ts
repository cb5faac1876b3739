import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type FakeStore, startFakeStore } from '../../../test/support/fake-store.js';
import { addStore } from '../../../test/support/factories.js';
import { assertSameOrders } from '../../../test/support/store-compare.js';
import { makeOrder } from '../../../test/support/store-orders.js';
import { ownerClient, startTestApp } from '../../../test/support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/**
 * Runs sync jobs (and the poller's tick, as it comes one poll interval after the last
 * attempt) until the store reports a clean, finished sync.
 */
async function syncUntilClean(app: TestApp, storeId: number, maxRuns = 20): Promise<number> {
  for (let i = 1; i <= maxRuns; i++) {
    await app.services.sync.enqueueSyncs(Date.now() + 60_000);
    await app.worker.runUntilIdle();
    const s = await app.database.db
      .selectFrom('stores')
      .select(['last_error_code', 'last_sync_at'])
      .where('id', '=', storeId)
      .executeTakeFirstOrThrow();
    if (!s.last_error_code && s.last_sync_at) return i;
  }
  throw new Error('sync did not finish cleanly');
}

describe('store sync against a fault-injecting fake store', () => {
  let app: TestApp;
  let store: FakeStore;
  let owner: Awaited<ReturnType<typeof ownerClient>>;
  let storeId: number;
  before(async () => {
    app = await startTestApp();
    store = await startFakeStore({ orders: 450 });
    owner = await ownerClient(app);
    storeId = await addStore(owner, store);
  });
  after(async () => {
    await store.close();
    await app.cleanup();
  });

  it('first sync brings exactly the store orders, through every fault, with health showing the trouble', async () => {
    store.faults.push(
      '500',
      'timeout',
      'truncated',
      'malformed',
      '401',
      'repeat',
      'modify-delivered',
      'repeat',
      'modify-delivered',
    );
    // First run meets the 500 and stops; the store's health says so.
    await app.worker.runUntilIdle();
    const health = (await owner.get('/api/stores')).json<{
      items: { health: string; error: { code: string; since: string } | null }[];
    }>().items[0];
    assert.equal(health?.health, 'error');
    assert.equal(health?.error?.code, 'server_error');
    const runs = await syncUntilClean(app, storeId);
    assert.ok(runs >= 5, `faults each cost a run (${runs})`);
    assert.equal(store.faults.length, 0, 'every fault was served');
    await assertSameOrders(app, owner, storeId, store.orders.values());
    const s = (await owner.get('/api/stores')).json<{
      items: {
        health: string;
        orders_count: number;
        first_sync: { done: boolean; progress_pct: number };
      }[];
    }>().items[0];
    assert.equal(s?.health, 'ok');
    assert.equal(s?.orders_count, 450);
    assert.deepEqual([s?.first_sync.done, s?.first_sync.progress_pct], [true, 100]);
  });

  it('changes arrive on the next sync with audit events; nothing else changes', async () => {
    const before = await app.database.db
      .selectFrom('orders')
      .select(['id', 'updated_at'])
      .where('store_id', '=', storeId)
      .execute();
    // Changes made after the first sync are later than everything it saw. The faults of the
    // first sync pushed some modification times up to a second or two ahead of the clock, so
    // "now" alone could fall behind the cursor and the change would never be listed.
    const later =
      Math.max(Date.now(), ...[...store.orders.values()].map((o) => Date.parse(o.modified_at))) +
      1000;
    store.modify(3, (o) => (o.status = 'cancelled'), later);
    store.modify(
      4,
      (o) => (o.items = o.items.slice(0, 1).map((i) => ({ ...i, quantity: i.quantity + 1 }))),
      later,
    );
    store.modify(5, (o) => (o.shipping = { ...o.shipping, city: 'Arad', state: 'AR' }), later);
    store.add(makeOrder(1000, later));
    await syncUntilClean(app, storeId);
    await assertSameOrders(app, owner, storeId, store.orders.values());
    const after = await app.database.db
      .selectFrom('orders')
      .select(['id', 'external_id', 'updated_at', 'status'])
      .where('store_id', '=', storeId)
      .execute();
    const changed = after
      .filter((a) => before.find((b) => b.id === a.id)?.updated_at !== a.updated_at)
      .map((a) => a.external_id)
      .sort();
    assert.deepEqual(changed, ['1000', '3', '4', '5']);
    const ext = (e: string) => after.find((a) => a.external_id === e)?.id ?? 0;
    assert.equal(after.find((a) => a.external_id === '3')?.status, 'cancelled');
    const actions = async (id: number) =>
      (
        await app.database.db
          .selectFrom('audit_events')
          .select('action')
          .where('entity', '=', 'order')
          .where('entity_id', '=', id)
          .execute()
      ).map((r) => r.action);
    assert.ok((await actions(ext('3'))).includes('status_changed'));
    assert.ok((await actions(ext('4'))).includes('items_changed'));
    assert.ok((await actions(ext('5'))).includes('shipping_address_changed'));
  });

  it('the hourly reconciliation finds orders trashed or deleted in the store (the feed does not list them)', async () => {
    store.modify(6, (o) => (o.status = 'trash'));
    store.orders.delete(8);
    await syncUntilClean(app, storeId);
    const status = async (e: string) =>
      app.database.db
        .selectFrom('orders')
        .select(['status', 'store_status'])
        .where('store_id', '=', storeId)
        .where('external_id', '=', e)
        .executeTakeFirstOrThrow();
    assert.deepEqual(
      await status('6'),
      { status: 'new', store_status: 'processing' },
      'the feed says nothing',
    );
    const queued = await app.database.db
      .selectFrom('jobs')
      .select(['run_at'])
      .where('kind', '=', 'store.reconcile')
      .where('state', '=', 'queued')
      .execute();
    assert.equal(queued.length, 1, 'one reconciliation queued per store');
    assert.ok((queued[0]?.run_at ?? 0) > Date.now() + 3_000_000, 'an hour ahead');
    await app.database.db
      .updateTable('jobs')
      .set({ run_at: Date.now() })
      .where('kind', '=', 'store.reconcile')
      .execute();
    await app.worker.runUntilIdle();
    assert.deepEqual(await status('6'), { status: 'cancelled', store_status: 'trash' });
    assert.deepEqual(await status('8'), { status: 'cancelled', store_status: 'deleted' });
  });

  it('a repeated sync with nothing new writes nothing', async () => {
    const count = async () =>
      Number(
        (
          await app.database.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n = await count();
    await syncUntilClean(app, storeId);
    assert.equal(await count(), n);
  });
});
