import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type ConnectedStore, startConnectedStore } from '../../../test/support/connected-store.js';
import { addStore, createPacker } from '../../../test/support/factories.js';

interface Detail {
  number: string;
  packer: { id: number } | null;
  store_push_error: { code: string; retrying: boolean } | null;
  store_divergence: { packer_id: string | null; confirmed: boolean } | null;
}

/**
 * Write-back that converges (issue 11): transient and credential failures wait and retry
 * until they land, a retry pushes the current state, a reconnect retries at once, a refused
 * override has a Retry that lands once allowed, and disagreements found in the feed show and
 * are pushed again.
 */
describe('write-back that converges', () => {
  let h: ConnectedStore;
  let app: ConnectedStore['app'];
  let store: ConnectedStore['store'];
  let owner: ConnectedStore['owner'];
  let storeId: number;
  let ana: { id: number };
  let bogdan: { id: number };
  const idOf = (external: number) => h.idOf(external);
  const detail = async (external: number) =>
    (await owner.get(`/api/orders/${await idOf(external)}`)).json<Detail>();
  const pushJobs = () =>
    app.database.db
      .selectFrom('jobs')
      .select(['id', 'state', 'run_at', 'max_attempts'])
      .where('kind', '=', 'store.push_assignment')
      .orderBy('id')
      .execute();
  const run = () => app.worker.runUntilIdle();
  const reassign = (external: number, packerId: number, extra: object = {}) =>
    idOf(external).then((id) =>
      owner.post(`/api/orders/${id}/reassign`, { packer_id: packerId, ...extra }),
    );
  let clock = Date.now();
  const sync = () => h.sync();

  before(async () => {
    h = await startConnectedStore(4, (s) => {
      for (const o of s.orders.values()) {
        o.status = 'on-hold'; // assigned by hand here
        o.number = String(5000 + o.id); // the shop's number, unlike ecomdir's id
      }
    });
    ({ app, store, owner, storeId } = h);
    await run();
    ana = await createPacker(owner, { name: 'Ana' });
    bogdan = await createPacker(owner, { name: 'Bogdan' });
  });
  after(() => h.close());

  it('a revoked password: the push waits (never dead), the order says so, a reconnect lands the current state at once', async () => {
    const revoked = store.password;
    store.password = 'new1 pass word abcd efgh ijkl';
    assert.equal((await reassign(1, ana.id)).statusCode, 200);
    await run();
    const [job] = await pushJobs();
    assert.equal(job?.state, 'queued', 'not dead, not done: it waits');
    assert.ok((job?.max_attempts ?? 0) >= 10_000, 'retried until it lands');
    assert.ok((job?.run_at ?? 0) > Date.now(), 'with backoff');
    const waiting = await app.database.db
      .selectFrom('jobs')
      .select('last_error')
      .where('id', '=', job?.id ?? 0)
      .executeTakeFirstOrThrow();
    assert.match(waiting.last_error ?? '', /^Order #5001: /, 'named by the store number');
    const d = await detail(1);
    assert.deepEqual(d.store_push_error && [d.store_push_error.code, d.store_push_error.retrying], [
      'credentials_rejected',
      true,
    ]);
    // Changed meanwhile: the retry must push Bogdan, the current state, not Ana.
    assert.equal((await reassign(1, bogdan.id)).statusCode, 200);
    await run();
    assert.equal(store.orders.get(1)?.packer ?? null, null);
    // The owner connects again with the new application password.
    await addStore(owner, store);
    const before = store.requests.length;
    await run();
    const pushes = store.requests
      .slice(before)
      .filter((r) => r.path.endsWith('/packer'))
      .map((r) => (JSON.parse(r.body) as { packer_name: string }).packer_name);
    assert.ok(pushes.length >= 1);
    assert.deepEqual(new Set(pushes), new Set(['Bogdan']), 'only the current state is pushed');
    assert.equal(store.orders.get(1)?.packer?.name, 'Bogdan');
    assert.equal((await detail(1)).store_push_error, null);
    assert.ok((await pushJobs()).every((j) => j.state === 'done'));
    assert.notEqual(store.password, revoked);
  });

  it('a server error or a timeout waits and retries the same way', async () => {
    store.faults.push('500');
    await reassign(2, ana.id);
    await run();
    assert.equal((await detail(2)).store_push_error?.code, 'server_error');
    await app.database.db
      .updateTable('jobs')
      .set({ run_at: Date.now() })
      .where('state', '=', 'queued')
      .execute();
    await run();
    assert.equal(store.orders.get(2)?.packer?.name, 'Ana');
    assert.equal((await detail(2)).store_push_error, null);
  });

  it('a paused store: pushes wait (not dead) and go on reconnect', async () => {
    const db = app.database.db;
    await db.updateTable('stores').set({ status: 'paused' }).where('id', '=', storeId).execute();
    await reassign(3, ana.id);
    await run();
    assert.equal((await pushJobs()).at(-1)?.state, 'queued');
    assert.equal((await detail(3)).store_push_error?.code, 'store_paused');
    assert.equal(store.orders.get(3)?.packer ?? null, null);
    await addStore(owner, store); // reconnect: connected again, waiting pushes at once
    await run();
    assert.equal(store.orders.get(3)?.packer?.name, 'Ana');
  });

  it('an override the store refuses: the code names the setting; Retry lands once it is on', async () => {
    const id = await idOf(3);
    assert.equal((await owner.post(`/api/orders/${id}/confirm`)).statusCode, 200);
    await run();
    assert.ok(store.orders.get(3)?.packer?.confirmed_at);
    const res = await reassign(3, bogdan.id, { override: true, reason: 'Ana e bolnavă' });
    assert.equal(res.statusCode, 200, res.body);
    await run();
    let d = await detail(3);
    assert.deepEqual(d.store_push_error && [d.store_push_error.code, d.store_push_error.retrying], [
      'ecomdir_packer_locked',
      false,
    ]);
    // Repeating the override is `unchanged` (ecomdir already agrees with itself): Retry is the way.
    const again = await reassign(3, bogdan.id, { override: true, reason: 'x' });
    assert.equal(again.statusCode, 409);
    assert.match(again.json<{ error: { message: string } }>().error.message, /^Order #5003 /);
    assert.equal((await owner.post(`/api/orders/${id}/store-push/retry`)).statusCode, 202);
    await run();
    assert.equal((await detail(3)).store_push_error?.code, 'ecomdir_packer_locked', 'still off');
    store.overrideAllowed = true;
    assert.equal((await owner.post(`/api/orders/${id}/store-push/retry`)).statusCode, 202);
    await run();
    assert.equal(store.orders.get(3)?.packer?.name, 'Bogdan');
    d = await detail(3);
    assert.equal(d.store_push_error, null);
    assert.equal((await owner.post(`/api/orders/${id}/store-push/retry`)).statusCode, 409);
  });

  it('a divergence seen in the feed shows on the order and the Stores page, and is pushed again', async () => {
    await sync();
    // Someone changes the packer meta in WordPress.
    // (Past every earlier change: the fake store moves an order a second per write.)
    clock = Math.max(clock, Date.now()) + 60_000;
    store.modify(
      2,
      (o) => {
        if (o.packer) o.packer = { ...o.packer, id: '999', name: 'Altcineva' };
      },
      clock,
    );
    await sync();
    const d = await detail(2);
    assert.deepEqual(d.store_divergence && [d.store_divergence.packer_id], ['999']);
    const counts = (await owner.get('/api/stores/boundary')).json<{
      stores: { store_id: number; diverged: number }[];
    }>();
    assert.equal(counts.stores.find((s) => s.store_id === storeId)?.diverged, 1);
    await run();
    assert.equal(store.orders.get(2)?.packer?.name, 'Ana', 'pushed again');
    assert.equal((await detail(2)).store_divergence, null);
    await sync();
    assert.equal((await detail(2)).store_divergence, null, 'the feed agrees now');
  });
});
