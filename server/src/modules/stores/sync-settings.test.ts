import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type FakeStore, startFakeStore } from '../../../test/support/fake-store.js';
import { addStore } from '../../../test/support/factories.js';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
type Owner = Awaited<ReturnType<typeof ownerClient>>;

interface StoreOut {
  id: number;
  first_sync_days: number;
  poll_seconds: number;
  first_sync_days_editable: boolean;
  first_sync: { done: boolean; from: string | null };
}

const DAY = 86_400_000;

/** 60 orders, one every 4 hours over the last 10 days (the newest about now). */
const spreadStore = () =>
  startFakeStore({ orders: 60, startMs: Date.now() - 10 * DAY, stepMs: (3 * 10 * DAY) / 60 });

const storeOf = async (client: Client, id: number) => {
  const s = (await client.get('/api/stores'))
    .json<{ items: StoreOut[] }>()
    .items.find((x) => x.id === id);
  assert.ok(s, `store ${id} listed`);
  return s;
};

describe('per-store sync settings', () => {
  let app: TestApp;
  let owner: Owner;
  const fakes: FakeStore[] = [];
  const fake = async () => {
    const f = await spreadStore();
    fakes.push(f);
    return f;
  };

  /** External ids of the orders ecomdir holds for a store. */
  const syncedIds = async (storeId: number) =>
    (
      await app.database.db
        .selectFrom('orders')
        .select('external_id')
        .where('store_id', '=', storeId)
        .execute()
    )
      .map((o) => Number(o.external_id))
      .sort((a, b) => a - b);

  /**
   * The store's orders modified at or after the first sync's start: exactly what it must
   * fetch. The contract's cursor is in whole seconds, so the start's own second counts.
   */
  const expectedIds = async (storeId: number, store: FakeStore) => {
    const { sync_from } = await app.database.db
      .selectFrom('stores')
      .select('sync_from')
      .where('id', '=', storeId)
      .executeTakeFirstOrThrow();
    assert.ok(sync_from !== null);
    const second = Math.floor(sync_from / 1000) * 1000;
    return [...store.orders.values()]
      .filter((o) => Date.parse(o.modified_at) >= second)
      .map((o) => o.id)
      .sort((a, b) => a - b);
  };

  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
  });
  after(async () => {
    for (const f of fakes) await f.close();
    await app.cleanup();
  });

  it('a store without its own settings shows the configured defaults', async () => {
    const id = await addStore(owner, await fake());
    const s = await storeOf(owner, id);
    assert.deepEqual(
      [s.first_sync_days, s.poll_seconds, s.first_sync_days_editable],
      [30, 60, true],
    );
    assert.deepEqual((await owner.get('/api/stores')).json<{ defaults: unknown }>().defaults, {
      first_sync_days: 30,
      poll_seconds: 60,
    });
    await app.worker.runUntilIdle();
    const done = await storeOf(owner, id);
    assert.equal(done.first_sync.done, true);
    assert.equal(done.first_sync_days_editable, false);
  });

  it('the first sync goes back as many days as the store says (added with first_sync_days)', async () => {
    const store = await fake();
    const id = await addStore(owner, store, { first_sync_days: 3 });
    assert.equal((await storeOf(owner, id)).first_sync_days, 3);
    await app.worker.runUntilIdle();
    const s = await storeOf(owner, id);
    assert.equal(s.first_sync.done, true);
    const from = Date.parse(s.first_sync.from ?? '');
    assert.ok(Math.abs(from - (Date.now() - 3 * DAY)) < 60_000, `from ${s.first_sync.from}`);
    const ids = await syncedIds(id);
    assert.deepEqual(ids, await expectedIds(id, store));
    assert.ok(
      ids.length > 10 && ids.length < 25,
      `${ids.length} of 60 orders are 3 days old or newer`,
    );
    assert.ok(
      [...store.orders.values()]
        .filter((o) => Date.parse(o.modified_at) < Date.now() - 3 * DAY - 60_000)
        .every((o) => !ids.includes(o.id)),
      'nothing older was fetched',
    );
  });

  it('PATCH changes the poll interval (owner and manager), records it, and answers the store', async () => {
    const id = await addStore(owner, await fake());
    const res = await owner.patch(`/api/stores/${id}`, { poll_seconds: 300 });
    assert.equal(res.statusCode, 200, res.body);
    const out = res.json<StoreOut>();
    assert.deepEqual([out.id, out.poll_seconds, out.first_sync_days], [id, 300, 30]);
    assert.equal((await storeOf(owner, id)).poll_seconds, 300);

    assert.equal(
      (
        await owner.post('/api/users', {
          name: 'Mara Manager',
          email: 'mara@example.ro',
          password: 'manager123',
        })
      ).statusCode,
      201,
    );
    const manager = new Client(app);
    const login = await manager.post('/api/auth/login', {
      email: 'mara@example.ro',
      password: 'manager123',
    });
    assert.equal(login.statusCode, 200);
    const byManager = await manager.patch(`/api/stores/${id}`, { poll_seconds: 900 });
    assert.equal(byManager.statusCode, 200, byManager.body);
    assert.equal(byManager.json<StoreOut>().poll_seconds, 900);

    const audit = await app.database.db
      .selectFrom('audit_events')
      .select(['action', 'from_value', 'to_value', 'actor_label'])
      .where('entity', '=', 'store')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.action, a.from_value, a.to_value]),
      [
        ['sync_settings_changed', 'poll_seconds=60', 'poll_seconds=300'],
        ['sync_settings_changed', 'poll_seconds=300', 'poll_seconds=900'],
      ],
    );
    assert.match(audit[0]?.actor_label ?? '', /^Owner/);
    assert.equal(audit[1]?.actor_label, 'Mara Manager');
    // The same value again changes nothing and records nothing.
    assert.equal((await owner.patch(`/api/stores/${id}`, { poll_seconds: 900 })).statusCode, 200);
    assert.equal(
      (
        await app.database.db
          .selectFrom('audit_events')
          .select('id')
          .where('entity', '=', 'store')
          .where('entity_id', '=', id)
          .execute()
      ).length,
      2,
    );
  });

  it('refuses out-of-range values and unknown fields with 400, others’ stores with 404', async () => {
    const id = await addStore(owner, await fake());
    for (const body of [
      { poll_seconds: 29 },
      { poll_seconds: 86_401 },
      { poll_seconds: 60.5 },
      { poll_seconds: '60' },
      { poll_seconds: null },
      { first_sync_days: 0 },
      { first_sync_days: 3651 },
      { first_sync_days: 1.5 },
      { poll_seconds: 60, status: 'disconnected' },
      { last_sync_at: null },
    ]) {
      const res = await owner.patch(`/api/stores/${id}`, body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.statusCode} ${res.body}`);
      assert.equal(typeof res.json<{ error: { code: string } }>().error.code, 'string');
    }
    const s = await storeOf(owner, id);
    assert.deepEqual([s.poll_seconds, s.first_sync_days], [60, 30]);
    for (const edge of [{ poll_seconds: 30 }, { poll_seconds: 86_400 }, { first_sync_days: 1 }])
      assert.equal((await owner.patch(`/api/stores/${id}`, edge)).statusCode, 200);
    assert.equal(
      (await owner.patch(`/api/stores/${id}`, { first_sync_days: 3650 })).statusCode,
      200,
    );

    const other = await ownerClient(app, 'Alt magazin');
    const res = await other.patch(`/api/stores/${id}`, { poll_seconds: 600 });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json<{ error: { code: string } }>().error.code, 'store_not_found');
    assert.equal((await owner.patch('/api/stores/999999', {})).statusCode, 404);
    assert.equal((await storeOf(owner, id)).poll_seconds, 86_400);
  });

  it('first-sync days are refused once the first sync is over (409), the poll interval still changes', async () => {
    const store = await fake();
    const id = await addStore(owner, store);
    await app.worker.runUntilIdle();
    const res = await owner.patch(`/api/stores/${id}`, { first_sync_days: 90, poll_seconds: 120 });
    assert.equal(res.statusCode, 409, res.body);
    const err = res.json<{ error: { code: string; message: string } }>().error;
    assert.equal(err.code, 'first_sync_done');
    assert.match(err.message, /first sync is over/);
    assert.equal((await storeOf(owner, id)).poll_seconds, 60, 'nothing of the refused change');
    // The value it already has is no change: accepted, so a form may send both fields.
    const same = await owner.patch(`/api/stores/${id}`, { first_sync_days: 30, poll_seconds: 120 });
    assert.equal(same.statusCode, 200, same.body);
    assert.equal(same.json<StoreOut>().poll_seconds, 120);
    // Adding the same store again (new credentials) follows the same rule.
    const again = await owner.post('/api/stores', {
      connector: 'woocommerce',
      url: store.url,
      app_user: store.user,
      app_password: store.password,
      first_sync_days: 90,
    });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json<{ error: { code: string } }>().error.code, 'first_sync_done');
    assert.equal(await addStore(owner, store, { first_sync_days: 30 }), id);
  });

  it('first-sync days change until that sync has stored anything; then 409 while it is under way', async () => {
    const store = await fake();
    const id = await addStore(owner, store);
    store.faults.push('500');
    await app.worker.runUntilIdle();
    // The first attempt failed before storing anything: the window is still open.
    assert.deepEqual(await syncedIds(id), []);
    assert.equal((await storeOf(owner, id)).first_sync_days_editable, true);
    const res = await owner.patch(`/api/stores/${id}`, { first_sync_days: 2 });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<StoreOut>().first_sync_days, 2);
    await app.services.sync.enqueueSyncs(Date.now() + 60_000);
    await app.worker.runUntilIdle();
    const ids = await syncedIds(id);
    assert.deepEqual(ids, await expectedIds(id, store));
    assert.ok(ids.length > 5 && ids.length < 20, `${ids.length} orders of the last 2 days`);

    // A first sync that has stored pages and not finished yet: its start is fixed.
    const started = await addStore(owner, await fake());
    await app.database.db
      .updateTable('stores')
      .set({ sync_from: Date.now() - 30 * DAY, cursor_modified_at: Date.now() - 20 * DAY })
      .where('id', '=', started)
      .execute();
    assert.equal((await storeOf(owner, started)).first_sync_days_editable, false);
    const late = await owner.patch(`/api/stores/${started}`, { first_sync_days: 7 });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json<{ error: { code: string } }>().error.code, 'first_sync_started');
  });
});
