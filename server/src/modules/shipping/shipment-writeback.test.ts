import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type FakeStore, startFakeStore } from '../../../test/support/fake-store.js';
import { ownerClient, startTestApp } from '../../../test/support/test-app.js';
import type { ShipmentOut } from './shipping.schema.js';

describe('shipments written back to the store', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let store: FakeStore;
  let owner: Awaited<ReturnType<typeof ownerClient>>;
  let storeId: number;
  const orderId = async (external: number) =>
    (
      await app.database.db
        .selectFrom('orders')
        .select('id')
        .where('store_id', '=', storeId)
        .where('external_id', '=', String(external))
        .executeTakeFirstOrThrow()
    ).id;

  before(async () => {
    app = await startTestApp({ publicUrl: 'https://ecomdir.example' });
    store = await startFakeStore({ orders: 3 });
    for (const o of store.orders.values()) o.status = 'on-hold';
    owner = await ownerClient(app);
    const res = await owner.post('/api/stores', {
      connector: 'woocommerce',
      url: store.url,
      app_password: store.password,
    });
    storeId = res.json<{ id: number }>().id;
    await app.worker.runUntilIdle();
    await owner.request('PUT', '/api/shipping/settings', {
      sender_addresses: [
        {
          id: 'depozit',
          label: 'Depozit',
          name: 'Magazin',
          phone: '0264000111',
          address1: 'Str. Fabricii 3',
          city: 'Cluj-Napoca',
          county: 'Cluj',
        },
      ],
    });
  });
  after(async () => {
    await store.close();
    await app.cleanup();
  });

  it('writes the AWB, the courier and the tracking link to the store order', async () => {
    const id = await orderId(2);
    const s = (await owner.post(`/api/orders/${id}/shipments`, {})).json<ShipmentOut>();
    assert.equal(s.state, 'made');
    assert.match(s.tracking_url ?? '', /^https:\/\/ecomdir\.example\/t\/[A-Za-z0-9_-]{22}$/);
    await app.worker.runUntilIdle();
    const pushed = store.orders.get(2)?.shipment;
    assert.equal(pushed?.awb, s.awb);
    assert.equal(pushed?.courier, 'Curier propriu');
    assert.equal(pushed?.tracking_url, s.tracking_url);
  });

  it('a store that is down gets the shipment when it is back (the job converges)', async () => {
    const id = await orderId(3);
    store.faults.push('500', '500');
    const s = (await owner.post(`/api/orders/${id}/shipments`, {})).json<ShipmentOut>();
    await app.worker.runUntilIdle();
    // Retries wait with backoff: run the job again as if its time had come.
    for (let i = 0; i < 5 && store.orders.get(3)?.shipment?.awb !== s.awb; i++) {
      await app.database.db
        .updateTable('jobs')
        .set({ run_at: Date.now() - 1 })
        .where('kind', '=', 'store.push_shipment')
        .where('state', '=', 'queued')
        .execute();
      await app.worker.runUntilIdle();
    }
    assert.equal(store.orders.get(3)?.shipment?.awb, s.awb);
    assert.equal(store.faults.length, 0, 'both failures were met');
    const tries = store.requests.filter((r) => r.path.endsWith('/orders/3/shipment')).length;
    assert.equal(tries, 3);
    const jobs = await app.database.db
      .selectFrom('jobs')
      .select('state')
      .where('kind', '=', 'store.push_shipment')
      .execute();
    assert.ok(
      jobs.every((j) => j.state === 'done'),
      JSON.stringify(jobs),
    );
  });
});
