import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addStore, createPacker } from '../../../test/support/factories.js';
import { type FakeStore, startFakeStore } from '../../../test/support/fake-store.js';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { TEST_DIALECT } from '../../../test/support/test-db.js';

interface StoreOut {
  id: number;
  health: string;
  paused: { since: string; reason: string } | null;
  removed_at: string | null;
  orders_count: number;
}

describe('pausing and removing a store', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Awaited<ReturnType<typeof ownerClient>>;
  let manager: Client;
  const fakes: FakeStore[] = [];
  const storeOf = async (id: number) =>
    (await owner.get('/api/stores'))
      .json<{ items: StoreOut[] }>()
      .items.find((s) => s.id === id) as StoreOut;
  const newStore = async (orders = 5) => {
    const f = await startFakeStore({ orders });
    fakes.push(f);
    const id = await addStore(owner, f);
    await app.worker.runUntilIdle();
    return { f, id };
  };
  const storeJobs = (id: number) =>
    app.database.db
      .selectFrom('jobs')
      .select(['kind', 'state'])
      .where('store_id', '=', id)
      .orderBy('id')
      .execute();

  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
    await createPacker(owner, { name: 'Ana Pop' });
    manager = new Client(app);
    const email = `manager-${Date.now()}@example.ro`;
    assert.equal(
      (
        await owner.post('/api/users', {
          email,
          name: 'Mara',
          password: 'manager password',
        })
      ).statusCode,
      201,
    );
    assert.equal(
      (await manager.post('/api/auth/login', { email, password: 'manager password' })).statusCode,
      200,
    );
  });
  after(async () => {
    await Promise.all(fakes.map((f) => f.close()));
    await app.cleanup();
  });

  it('pauses by hand: no request reaches the store, its jobs wait; resume runs them', async () => {
    const { f, id } = await newStore();
    assert.equal((await manager.post(`/api/stores/${id}/pause`)).statusCode, 403);
    const res = await owner.post(`/api/stores/${id}/pause`);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      [res.json<StoreOut>().health, res.json<StoreOut>().paused?.reason],
      ['paused', 'owner'],
    );
    assert.equal((await owner.post(`/api/stores/${id}/sync`)).statusCode, 409);
    const seen = f.requests.length;
    // The poller still finds it due; the queue does not hand its sync out.
    await app.services.sync.enqueueSyncs(Date.now() + 3_600_000);
    await app.worker.runUntilIdle();
    assert.equal(f.requests.length, seen, 'a paused store is not called');
    assert.ok((await storeJobs(id)).some((j) => j.kind === 'store.sync' && j.state === 'queued'));
    const resumed = await owner.post(`/api/stores/${id}/resume`);
    assert.equal(resumed.statusCode, 200, resumed.body);
    assert.equal(resumed.json<StoreOut>().paused, null);
    await app.worker.runUntilIdle();
    assert.ok(f.requests.length > seen, 'resumed: synced again');
    assert.equal((await storeOf(id)).health, 'ok');
  });

  it('pauses a store whose credentials stay rejected; its write-backs wait; reconnecting resumes it', async () => {
    const { f, id } = await newStore();
    const rejectedSync = async () => {
      await owner.post(`/api/stores/${id}/sync`);
      await app.worker.runUntilIdle();
    };
    // Two refusals, a success, two refusals: not "in a row", not paused.
    const good = f.password;
    f.password = 'revoked password xxxx';
    await rejectedSync();
    await rejectedSync();
    f.password = good;
    await rejectedSync();
    f.password = 'revoked password xxxx';
    await rejectedSync();
    await rejectedSync();
    assert.equal((await storeOf(id)).paused, null);
    await rejectedSync();
    const paused = await storeOf(id);
    assert.deepEqual([paused.health, paused.paused?.reason], ['paused', 'credentials_rejected']);

    // A user's reassignment while paused: its write-back waits queued, it does not go dead.
    const b = await createPacker(owner, { name: 'Bogdan Ion' });
    const order = await app.database.db
      .selectFrom('orders')
      .select('id')
      .where('store_id', '=', id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const moved = await owner.post(`/api/orders/${order.id}/reassign`, { packer_id: b.id });
    assert.equal(moved.statusCode, 200, moved.body);
    await app.worker.runUntilIdle();
    const waiting = await storeJobs(id);
    assert.ok(waiting.some((j) => j.kind === 'store.push_assignment' && j.state === 'queued'));
    assert.ok(!waiting.some((j) => j.state === 'dead'));

    // The owner reconnects with a new application password (the connect path): un-paused.
    f.password = 'new app password yyyy';
    await addStore(owner, f);
    assert.equal((await storeOf(id)).paused, null);
    await app.worker.runUntilIdle();
    const external = await app.database.db
      .selectFrom('orders')
      .select('external_id')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    assert.equal(f.orders.get(Number(external.external_id))?.packer?.name, 'Bogdan Ion');
  });

  it('removes a store keeping its orders: readable, not polled, credential wiped', async () => {
    const { f, id } = await newStore(4);
    assert.equal(
      (await owner.post(`/api/stores/${id}/remove`, { keep: true })).statusCode,
      400,
      'unknown field',
    );
    assert.equal(
      (await manager.post(`/api/stores/${id}/remove`, { keep_orders: true })).statusCode,
      403,
    );
    const res = await owner.post(`/api/stores/${id}/remove`, { keep_orders: true });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { orders_deleted: 0 });
    const s = await storeOf(id);
    assert.equal(s.health, 'removed');
    assert.equal(s.orders_count, 4);
    const row = await app.database.db
      .selectFrom('stores')
      .select(['credentials', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { credentials: null, status: 'removed' });
    assert.deepEqual(await storeJobs(id), [], 'its queued jobs are gone');
    const seen = f.requests.length;
    await app.services.sync.enqueueSyncs(Date.now() + 3_600_000);
    await app.worker.runUntilIdle();
    assert.equal(f.requests.length, seen, 'a removed store is not polled');
    const orders = await owner.get(`/api/orders?store_id=${id}&limit=200`);
    assert.equal(orders.statusCode, 200, orders.body);
    assert.equal(orders.json<{ items: unknown[] }>().items.length, 4, 'its orders stay readable');
    assert.equal((await owner.post(`/api/stores/${id}/pause`)).statusCode, 409);
  });

  it('removes a store with its orders: everything of it goes, other stores stay', async () => {
    const keep = await newStore(3);
    const gone = await newStore(6);
    const db = app.database.db;
    const ids = (
      await db.selectFrom('orders').select('id').where('store_id', '=', gone.id).execute()
    ).map((o) => o.id);
    const count = async (table: 'order_items' | 'assignments') =>
      (await db.selectFrom(table).select('id').where('order_id', 'in', ids).execute()).length;
    assert.equal(ids.length, 6);
    assert.ok((await count('order_items')) > 0);
    assert.ok((await count('assignments')) > 0);
    const res = await owner.post(`/api/stores/${gone.id}/remove`, { keep_orders: false });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { orders_deleted: 6 });
    const left = await db.selectFrom('orders').select('id').where('id', 'in', ids).execute();
    assert.deepEqual(left, []);
    for (const table of ['order_items', 'order_addresses', 'assignments'] as const) {
      const r = await db.selectFrom(table).select('id').where('order_id', 'in', ids).execute();
      assert.deepEqual(r, [], table);
    }
    const audits = await db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'order')
      .where('entity_id', 'in', ids)
      .execute();
    assert.deepEqual(audits, []);
    assert.equal(
      (await db.selectFrom('stores').select('id').where('id', '=', gone.id).execute()).length,
      0,
    );
    assert.deepEqual(await storeJobs(gone.id), []);
    // The other store and its orders are untouched; the search index holds no deleted order.
    assert.equal((await storeOf(keep.id)).orders_count, 3);
    if (TEST_DIALECT === 'sqlite') {
      const { sql } = await import('kysely');
      await sql`INSERT INTO orders_fts(orders_fts) VALUES ('integrity-check')`.execute(db);
    }
    assert.equal(
      (await owner.post(`/api/stores/${gone.id}/remove`, { keep_orders: false })).statusCode,
      404,
    );
  });

  it('shows a sync whose worker died as stalled, not syncing', async () => {
    const { id } = await newStore(2);
    const db = app.database.db;
    const now = Date.now();
    await db.updateTable('stores').set({ sync_started_at: now }).where('id', '=', id).execute();
    await db
      .insertInto('jobs')
      .values({
        account_id: owner.accountId,
        kind: 'store.sync',
        payload: JSON.stringify({ store_id: id }),
        state: 'running',
        attempts: 1,
        max_attempts: 3,
        run_at: now,
        locked_by: 'gone-worker',
        locked_at: now,
        last_error: null,
        dedupe_key: `store.sync:${id}`,
        store_id: id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    assert.equal((await storeOf(id)).health, 'stalled', 'no live worker holds it');
    await db
      .insertInto('workers')
      .values({
        id: 'gone-worker',
        hostname: 'elsewhere',
        pid: 1,
        started_at: now,
        heartbeat_at: now,
      })
      .execute();
    assert.equal((await storeOf(id)).health, 'syncing', 'its worker beats');
    await db
      .updateTable('workers')
      .set({ heartbeat_at: now - 60_000 })
      .where('id', '=', 'gone-worker')
      .execute();
    assert.equal((await storeOf(id)).health, 'stalled', 'its worker went silent');
    await db.deleteFrom('workers').where('id', '=', 'gone-worker').execute();
    await db.deleteFrom('jobs').where('store_id', '=', id).execute();
    await db.updateTable('stores').set({ sync_started_at: null }).where('id', '=', id).execute();
  });
});
