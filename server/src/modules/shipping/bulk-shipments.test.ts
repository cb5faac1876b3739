import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOrder, createPacker } from '../../../test/support/factories.js';
import { pdfAnswerTexts } from '../../../test/support/pdf-probe.js';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import type { LiveEvent } from '../events/event-bus.js';
import type { ShipmentOut } from './shipping.schema.js';

const SENDER = {
  id: 'depozit',
  label: 'Depozit',
  name: 'Magazin',
  phone: '0264000111',
  address1: 'Str. Fabricii 3',
  city: 'Cluj-Napoca',
  county: 'Cluj',
};
type Batch = {
  total: number;
  done: number;
  made: number;
  failed: number;
  finished_at: string | null;
  items: {
    order_id: number;
    result: string;
    awb: string | null;
    message: { code: string } | null;
  }[];
};

describe('bulk AWBs and AWBs at packing', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Awaited<ReturnType<typeof ownerClient>>;
  const settings = (extra: object = {}) =>
    owner.request('PUT', '/api/shipping/settings', { sender_addresses: [SENDER], ...extra });

  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
    assert.equal((await settings()).statusCode, 200);
  });
  after(() => app.cleanup());

  it('makes AWBs for a selection as jobs, with progress on the live stream and a result per order', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push((await createOrder(owner)).id);
    const done = ids[11] ?? 0;
    await app.database.db
      .updateTable('orders')
      .set({ status: 'delivered' })
      .where('id', '=', done)
      .execute();
    const heard: NonNullable<LiveEvent['batch']>[] = [];
    const stop = app.services.events.subscribe((e) => {
      if (e.type === 'shipments.batch' && e.batch) heard.push(e.batch);
    });
    const res = await owner.post('/api/shipments/bulk', { order_ids: ids });
    assert.equal(res.statusCode, 202, res.body);
    const { batch_id, total } = res.json<{ batch_id: number; total: number }>();
    assert.equal(total, 12);
    const queued = (await owner.get(`/api/shipments/batches/${batch_id}`)).json<Batch>();
    assert.equal(queued.done, 0);
    await app.worker.runUntilIdle();
    // PostgreSQL delivers NOTIFY after the commit, asynchronously.
    for (let i = 0; i < 50 && heard.length < 12; i++) await new Promise((r) => setTimeout(r, 20));
    stop();
    const b = (await owner.get(`/api/shipments/batches/${batch_id}`)).json<Batch>();
    assert.deepEqual([b.total, b.done, b.made, b.failed], [12, 12, 11, 1]);
    assert.ok(b.finished_at);
    const refused = b.items.find((i) => i.order_id === done);
    assert.equal(refused?.result, 'failed');
    assert.equal(refused?.message?.code, 'order_not_shippable');
    const awbs = b.items.filter((i) => i.result === 'made').map((i) => i.awb);
    assert.equal(new Set(awbs).size, 11);
    assert.ok(awbs.every((a) => /^ED\d{9}$/.test(a ?? '')));
    assert.deepEqual(
      heard.map((h) => h.done).sort((x, y) => x - y),
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    // Again for the same orders: the AWBs already made are returned, none is made twice.
    const again = await owner.post('/api/shipments/bulk', { order_ids: ids.slice(0, 3) });
    await app.worker.runUntilIdle();
    const b2 = (
      await owner.get(`/api/shipments/batches/${again.json<{ batch_id: number }>().batch_id}`)
    ).json<Batch>();
    assert.deepEqual(
      b2.items.map((i) => i.awb),
      b.items.slice(0, 3).map((i) => i.awb),
    );
  });

  it("refuses a selection with another account's order, and queues nothing", async () => {
    const other = await ownerClient(app, 'Alt');
    const theirs = await createOrder(other);
    const mine = await createOrder(owner);
    const res = await owner.post('/api/shipments/bulk', { order_ids: [mine.id, theirs.id] });
    assert.equal(res.statusCode, 404);
    const jobs = await app.database.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'shipment.generate')
      .where('state', '=', 'queued')
      .execute();
    assert.equal(jobs.length, 0);
  });

  it('makes the AWB when the packer scans the last item (setting: automatic), and the station prints it', async () => {
    assert.equal((await settings({ on_pack: 'automatic' })).statusCode, 200);
    const p = await createPacker(owner, { pin: '246813' });
    const station = new Client(app);
    const login = await station.post('/api/auth/packer-login', {
      station_code: p.station_code,
      username: p.username,
      pin: '246813',
    });
    assert.equal(login.statusCode, 200, login.body);
    // The station reads the setting (a packer cannot read the shipping settings themselves).
    const setting = await station.get('/api/station/shipping');
    assert.equal(setting.statusCode, 200, setting.body);
    assert.deepEqual(setting.json(), { on_pack: 'automatic' });
    assert.equal((await station.get('/api/shipping/settings')).statusCode, 403);
    const o = await createOrder(owner);
    // Distribution may already have given it to the only packer ("unchanged" then).
    const given = await owner.post(`/api/orders/${o.id}/reassign`, { packer_id: p.id });
    assert.ok(given.statusCode === 200 || /"unchanged"/.test(given.body), given.body);
    assert.equal((await station.post(`/api/orders/${o.id}/confirm`)).statusCode, 200);
    for (let i = 0; i < 2; i++)
      assert.equal(
        (await station.post(`/api/station/orders/${o.id}/scan`, { code: 'TRC-001' })).statusCode,
        200,
      );
    await app.worker.runUntilIdle();
    const list = (await owner.get(`/api/orders/${o.id}`)).json<{
      status: string;
      shipments: { awb: string | null; state: string }[];
    }>();
    assert.equal(list.status, 'shipped');
    assert.equal(list.shipments.length, 1);
    assert.equal(list.shipments[0]?.state, 'made');
    const label = await station.get(`/api/station/orders/${o.id}/label?format=a6`);
    assert.equal(label.statusCode, 200, label.body);
    const [page = ''] = pdfAnswerTexts(label.headers['content-type'], label.rawPayload);
    assert.ok(page.includes(list.shipments[0]?.awb ?? 'x'), page);
    // The button gives the same AWB, not a second one.
    const button = await station.post(`/api/station/orders/${o.id}/shipment`);
    assert.equal(button.statusCode, 200, button.body);
    assert.equal(button.json<ShipmentOut>().awb, list.shipments[0]?.awb);
    // Another packer's station does not reach this order.
    const q = await createPacker(owner, { pin: '135791' });
    const otherStation = new Client(app);
    const otherLogin = await otherStation.post('/api/auth/packer-login', {
      station_code: q.station_code,
      username: q.username,
      pin: '135791',
    });
    assert.equal(otherLogin.statusCode, 200, otherLogin.body);
    assert.equal((await otherStation.get(`/api/station/orders/${o.id}/label`)).statusCode, 404);
  });
});
