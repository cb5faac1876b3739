import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LiveEvent } from '../events/event-bus.js';
import { type ConnectedStore, startConnectedStore } from '../../../test/support/connected-store.js';
import { createPacker } from '../../../test/support/factories.js';

interface Detail {
  status: string;
  packer: { id: number } | null;
  audit: {
    action: string;
    reason: { code: string; params: Record<string, string | number> } | null;
    from: string | null;
    to: string | null;
  }[];
}
type Queue = { items: { order_id: number }[] };

/**
 * The lifecycle table of docs/stores-and-sync.md, applied to changes after the first sync,
 * through the real sync against the fake store.
 */
describe('order lifecycle after the first sync', () => {
  let h: ConnectedStore;
  let app: ConnectedStore['app'];
  let store: ConnectedStore['store'];
  let owner: ConnectedStore['owner'];
  const events: LiveEvent[] = [];
  const idOf = (external: number) => h.idOf(external);
  const detail = async (external: number) =>
    (await owner.get(`/api/orders/${await idOf(external)}`)).json<Detail>();
  const unassigned = async () =>
    (await owner.get('/api/distribution/unassigned')).json<Queue>().items.map((i) => i.order_id);
  // Each change a second later than the last: the feed's cursor is (modification second, id).
  let clock = Date.now();
  const setStatus = (id: number, status: string) => {
    clock += 1000;
    store.modify(id, (o) => (o.status = status), clock);
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  const sync = () => h.sync();

  before(async () => {
    h = await startConnectedStore(6, (s) => {
      s.orders.get(2)!.status = 'pending';
      s.orders.get(3)!.status = 'on-hold';
    });
    ({ app, store, owner } = h);
    app.services.events.subscribe((e) => events.push(e));
    await sync();
  });
  after(() => h.close());

  it('queues processing orders with nobody to take them; pending/on-hold wait outside the queue', async () => {
    const q = await unassigned();
    assert.deepEqual(
      q.sort((a, b) => a - b),
      [await idOf(1), await idOf(4), await idOf(5), await idOf(6)],
    );
    assert.equal((await detail(2)).status, 'new');
  });

  it('a newly created packer takes the waiting orders at once (no periodic run)', async () => {
    const ana = await createPacker(owner, { name: 'Ana' });
    for (const n of [1, 4, 5, 6]) {
      const d = await detail(n);
      assert.equal(d.status, 'assigned', `order #${n}`);
      assert.equal(d.packer?.id, ana.id);
    }
    assert.deepEqual(await unassigned(), []);
    assert.equal((await detail(2)).status, 'new', 'pending is not distributed');
  });

  it('pending → processing: the order is distributed when it becomes distributable', async () => {
    setStatus(2, 'processing');
    setStatus(3, 'pending');
    await sync();
    assert.equal((await detail(2)).status, 'assigned');
    assert.equal((await detail(3)).status, 'new', 'on-hold → pending is still not distributable');
  });

  it('completed, cancelled, refunded, failed in the store: the order leaves the queue, with the reason, live', async () => {
    // Events are delivered after the transaction (setImmediate on SQLite): let them land.
    await settle();
    const before = events.length;
    const packerId = (await detail(1)).packer?.id;
    setStatus(1, 'completed');
    setStatus(4, 'cancelled');
    setStatus(5, 'refunded');
    setStatus(6, 'failed');
    await sync();
    assert.equal((await detail(1)).status, 'shipped');
    for (const n of [4, 5, 6]) assert.equal((await detail(n)).status, 'cancelled', `order #${n}`);
    const d1 = await detail(1);
    assert.deepEqual(
      d1.audit
        .filter((a) => a.action === 'status_changed')
        .map((a) => [a.from, a.to, a.reason])
        .at(-1),
      ['assigned', 'shipped', { code: 'store_marked', params: { store_status: 'completed' } }],
    );
    const ids = [await idOf(1), await idOf(4), await idOf(5), await idOf(6)];
    await settle();
    const told = events.slice(before).filter((e) => e.packer_ids.includes(packerId ?? -1));
    assert.ok(
      told.some((e) => ids.every((id) => e.order_ids?.includes(id))),
      'the station of the packer is told',
    );
    const queue = await app.database.db
      .selectFrom('orders')
      .select('id')
      .where('packer_id', '=', packerId ?? -1)
      .where('status', 'in', ['assigned', 'confirmed'])
      .execute();
    assert.deepEqual(
      queue.map((r) => r.id),
      [await idOf(2)],
    );
  });

  it('reopened in the store (cancelled → processing): back to new without its packer, distributed again', async () => {
    setStatus(4, 'processing');
    await sync();
    const d = await detail(4);
    assert.equal(d.status, 'assigned');
    assert.ok(d.audit.some((a) => a.action === 'status_changed' && a.to === 'new'));
  });

  it('an order cancelled while waiting leaves the Unassigned queue at once', async () => {
    await owner.patch(`/api/packers/${(await detail(2)).packer?.id}`, { active: false });
    const queued = await unassigned();
    assert.ok(queued.includes(await idOf(2)), 'deactivating puts it back in the queue');
    setStatus(2, 'cancelled');
    await sync();
    assert.ok(!(await unassigned()).includes(await idOf(2)));
  });
});
